"""Receivers: write the web editor (Decap CMS) into /admin/ of every build."""

from __future__ import annotations

from html import escape
import json
import logging
from pathlib import Path
import shutil
from typing import Any

from content_schema.cases import OUTCOME_LIST
from content_schema.plugin import built_index
from content_schema.routes import Routes
from content_schema.settings import SchemaSettings
from pluginkit import SiteError, requires, settings_of

from .decap import build_config, render_yaml
from .settings import AdminSettings

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
BUNDLE = "decap-cms.js"
INSTALL_HINT = (
    "run `make deps` in the site's folder (it runs `npm ci`, which installs Decap CMS into "
    "node_modules/), then build again"
)


class AdminBuildError(SiteError, RuntimeError):
    """The editor cannot be built: the message says what is missing and how to get it."""


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
    # The outcome badges of the case preview, as text (admin.js reads it with JSON.parse).
    outcomes = escape(json.dumps({o.slug: o.label for o in OUTCOME_LIST}, sort_keys=True))
    return f"""<!doctype html>
<html lang="en" data-preview-css="{base}/theme/css/main.css" data-outcomes="{outcomes}">
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


def require_bundle(settings: AdminSettings) -> list[Path]:
    """Return Decap's files; stop the build, naming the fix, when they are not installed."""
    files = bundle_files(settings.bundle_dir)
    if not any(f.name == BUNDLE for f in files):
        raise AdminBuildError(
            f"[admin] the web editor is not installed (Decap CMS's {BUNDLE} is missing from "
            f"{settings.bundle_dir.name}/ of the decap-cms package), so /admin/ would have no "
            f"editor; {INSTALL_HINT}"
        )
    return files


def write_admin(settings: AdminSettings, config: dict[str, Any]) -> Path:
    """Write admin/index.html, config.yml, our script and Decap's bundle; return the folder."""
    files = require_bundle(settings)
    folder = settings.output_path / "admin"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.yml").write_text(render_yaml(config), encoding="utf-8")
    (folder / "index.html").write_text(editor_page(settings), encoding="utf-8")
    shutil.copyfile(STATIC / "admin.js", folder / "admin.js")
    for source in files:
        _copy_if_changed(source, folder / source.name)
    logger.info(
        "[admin] wrote the editor to admin/ (%d Decap files%s)", len(files),
        ", local backend " + settings.local_backend if settings.local_backend else "",
    )
    return folder


def initialized(pelican: Any) -> None:
    """Before the build: stop at once on a bad ADMIN_* setting, a schema rule the editor
    cannot express, or a missing editor."""
    requires(pelican.settings, "admin", "content_schema")
    settings = settings_of(pelican.settings, AdminSettings)
    require_bundle(settings)
    build_config(settings)


def finalized(pelican: Any) -> None:
    """After the build: write the editor, configured from this build's content index."""
    settings = settings_of(pelican.settings, AdminSettings)
    schema = settings_of(pelican.settings, SchemaSettings)
    config = build_config(settings, built_index(pelican.settings), schema.folders)
    write_admin(settings, config)


def admin_routes(settings: Any) -> Routes:
    """Tell content_schema which addresses this plugin writes."""
    return settings_of(settings, AdminSettings).routes()
