"""Receiver: write the web editor (Decap CMS) to /admin/ of the built site."""

from __future__ import annotations

from html import escape
import logging
from pathlib import Path
import shutil
from typing import Any

from .decap import build_config, render_yaml
from .settings import AdminSettings, read_settings

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
BUNDLE = "decap-cms.js"
INSTALL_HINT = "run `make deps` (it runs `npm ci`, which installs decap-cms into node_modules/)"


class AdminBuildError(RuntimeError):
    """The editor cannot be built in a strict (publish) build."""


def bundle_files(bundle_dir: Path) -> list[Path]:
    """Return Decap's files the browser loads: the bundle, its chunks, wasm, licence."""
    files = [bundle_dir / BUNDLE, bundle_dir / f"{BUNDLE}.LICENSE.txt"]
    files += sorted(bundle_dir.glob(f"*.{BUNDLE}"))
    files += sorted(bundle_dir.glob("*.wasm"))
    return [f for f in files if f.is_file()]


def _copy_if_changed(source: Path, target: Path) -> None:
    """Copy a file unless an identical copy (same size and mtime) is already there."""
    if target.is_file():
        a, b = source.stat(), target.stat()
        if a.st_size == b.st_size and int(a.st_mtime) == int(b.st_mtime):
            return
    shutil.copy2(source, target)


def editor_page(settings: AdminSettings) -> str:
    """Return /admin/index.html: our small script, then Decap's bundle, both from our origin."""
    base = escape(settings.site_url)
    title = escape(f"Editor · {settings.sitename}" if settings.sitename else "Editor")
    return f"""<!doctype html>
<html lang="en" data-preview-css="{base}/theme/css/main.css">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>{title}</title>
  <script src="{base}/admin/admin.js" defer></script>
  <script src="{base}/admin/{BUNDLE}" defer></script>
</head>
<body>
  <noscript><p>The editor needs JavaScript. You can also write a case highlight as a
  Markdown file: see docs/volunteers.md in the site's repository.</p></noscript>
  <p id="admin-status" role="alert" hidden></p>
</body>
</html>
"""


def install_page(settings: AdminSettings) -> str:
    """Return the page written instead of the editor when Decap's bundle is not installed."""
    title = escape(f"Editor not installed · {settings.sitename}")
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>{title}</title>
</head>
<body>
  <main>
    <h1>The web editor is not installed</h1>
    <p>This build did not find Decap CMS (the web editor) in
    <code>{escape(str(settings.bundle_dir))}</code>.</p>
    <p>To install it, run <code>make deps</code> in the site's folder (it runs
    <code>npm ci</code>), then build again, or start the editor with <code>make admin</code>.</p>
    <p>Until then you can write a case highlight with <code>make case</code>.</p>
  </main>
</body>
</html>
"""


def write_admin(settings: AdminSettings) -> Path:
    """Write admin/index.html, config.yml, our script and Decap's bundle; return the folder."""
    folder = settings.output_path / "admin"
    folder.mkdir(parents=True, exist_ok=True)
    files = bundle_files(settings.bundle_dir)
    if not any(f.name == BUNDLE for f in files):
        if settings.strict:
            raise AdminBuildError(
                f"[admin] {settings.bundle_dir / BUNDLE} is missing, so /admin/ would have no "
                f"editor; {INSTALL_HINT}, then publish again"
            )
        logger.info(
            "[admin] Decap CMS is not installed (%s missing): /admin/ explains how; %s",
            settings.bundle_dir / BUNDLE,
            INSTALL_HINT,
        )
        (folder / "index.html").write_text(install_page(settings), encoding="utf-8")
        return folder
    config = render_yaml(build_config(settings))
    (folder / "config.yml").write_text(config, encoding="utf-8")
    (folder / "index.html").write_text(editor_page(settings), encoding="utf-8")
    shutil.copyfile(STATIC / "admin.js", folder / "admin.js")
    for source in files:
        _copy_if_changed(source, folder / source.name)
    logger.info(
        "[admin] wrote the editor to %s (%d Decap files%s)",
        folder,
        len(files),
        ", local backend " + settings.local_backend if settings.local_backend else "",
    )
    return folder


def initialized(pelican: Any) -> None:
    """Before the build: stop at once on a bad ADMIN_* setting or an unmappable schema rule."""
    settings = read_settings(pelican.settings)
    if any(f.name == BUNDLE for f in bundle_files(settings.bundle_dir)):
        build_config(settings)


def finalized(pelican: Any) -> None:
    """After the build: write the editor into the output folder."""
    write_admin(read_settings(pelican.settings))
