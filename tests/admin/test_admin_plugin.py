"""The admin plugin writes /admin/: our page and script, the generated config, Decap's bundle."""

from __future__ import annotations

from html.parser import HTMLParser
import json
from pathlib import Path
import shutil
import subprocess
from typing import Any

from admin_config import config_for
import pytest
from serve_headers import headers_for, load_rules
import yaml

from admin.admin import AdminBuildError, bundle_files, write_admin
from admin.decap import render_yaml
from admin.settings import DEFAULT_BUNDLE_DIR, AdminSettings
from tests.conftest import needs_shared_data

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
needs_bundle = pytest.mark.skipif(
    not (DEFAULT_BUNDLE_DIR / "decap-cms.js").is_file(),
    reason="decap-cms is not installed (make deps)",
)


class _Scripts(HTMLParser):
    """Collect <script> elements, inline script text and event-handler attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.inline: list[str] = []
        self.handlers: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        if tag == "script":
            self.scripts.append(dict(attrs))
            self._in_script = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append(data)


def settings_for(output: Path, **extra: Any) -> Any:
    """ADMIN settings as a development build of the real config would read them."""
    from pelican.settings import read_settings as pelican_settings

    override = {"OUTPUT_PATH": str(output), **extra}
    return AdminSettings.from_pelican(
        pelican_settings(str(ROOT / "pelicanconf.py"), override=override)
    )


def write(settings: Any) -> Path:
    """Write the editor with the config the real content gives."""
    return write_admin(settings, config_for())


@needs_bundle
def test_plugin_writes_the_editor(tmp_path: Path) -> None:
    """index.html loads our script then Decap's bundle, both from our origin, nothing inline."""
    folder = write(settings_for(tmp_path))
    page = (folder / "index.html").read_text(encoding="utf-8")
    parsed = _Scripts()
    parsed.feed(page)
    assert [s["src"] for s in parsed.scripts] == ["/admin/admin.js", "/admin/decap-cms.js"]
    assert all("defer" in s for s in parsed.scripts)
    assert not parsed.inline and not parsed.handlers
    assert 'data-preview-css="/theme/css/main.css"' in page
    assert (folder / "admin.js").read_text() == (ROOT / "plugins/admin/static/admin.js").read_text()
    assert (folder / "config.yml").read_text(encoding="utf-8") == render_yaml(config_for())
    # The bundle, its chunks, wasm and licence; no source maps, no duplicate cms.js build.
    names = {p.name for p in folder.iterdir()}
    assert {"decap-cms.js", "decap-cms.js.LICENSE.txt"} <= names
    assert any(n.endswith(".wasm") for n in names)
    assert not any(n.endswith(".map") or n.startswith("cms.js") for n in names)
    copied = {p.name for p in bundle_files(DEFAULT_BUNDLE_DIR)}
    assert copied <= names
    for name in copied:
        assert (folder / name).read_bytes() == (DEFAULT_BUNDLE_DIR / name).read_bytes()


@needs_bundle
def test_chunks_the_bundle_loads_are_copied(tmp_path: Path) -> None:
    """Every '<id>.decap-cms.js' chunk the bundle can ask for is in /admin/."""
    folder = write(settings_for(tmp_path))
    chunks = sorted(p.name for p in DEFAULT_BUNDLE_DIR.glob("*.decap-cms.js"))
    assert chunks and all((folder / c).is_file() for c in chunks)


@pytest.mark.parametrize("strict", [False, True])
def test_a_missing_editor_stops_every_build_and_names_the_fix(tmp_path: Path, strict: bool) -> None:
    """No node_modules: never a placeholder page; an error naming `make deps`, no local path."""
    settings = settings_for(tmp_path / "out", ADMIN_STRICT=strict,
                            ADMIN_BUNDLE_DIR=str(tmp_path / "no"))
    with pytest.raises(AdminBuildError, match=r"decap-cms\.js is missing.*make deps") as stopped:
        write(settings)
    assert str(tmp_path) not in str(stopped.value)
    assert not (tmp_path / "out" / "admin").exists()


@needs_bundle
def test_rewrites_are_cheap_and_identical(tmp_path: Path) -> None:
    """A second build leaves Decap's files alone and writes the same bytes."""
    settings = settings_for(tmp_path)
    folder = write(settings)
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}
    write(settings)
    after = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}
    assert before.keys() == after.keys()
    assert all(before[n][1] == after[n][1] for n in before)
    assert before["decap-cms.js"][0] == after["decap-cms.js"][0]


@needs_shared_data
@needs_bundle
def test_real_site_has_the_editor(real_site: Path) -> None:
    """The real build has /admin/ with the production config (no local backend)."""
    admin = real_site / "admin"
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert "local_backend" not in config
    assert [c["name"] for c in config["collections"]] == ["cases", "platform"]
    assert (admin / "decap-cms.js").is_file()
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/admin/" not in sitemap
    size = sum(p.stat().st_size for p in admin.iterdir())
    assert size < 8_000_000, f"/admin/ is {size} bytes"


@needs_shared_data
def test_no_built_file_holds_a_path_of_the_build_machine(real_site: Path) -> None:
    """Neither the project's folder nor the build's own folder appears in any text file."""
    machine = [str(ROOT), str(real_site.parent), str(Path.home())]
    for path in real_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".yml", ".txt", ".css"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not [m for m in machine if m in text], path


ADMIN_PATHS = ["/admin/", "/admin/index.html", "/admin/config.yml", "/admin/decap-cms.js"]
PUBLIC_PATHS = ["/", "/cases/", "/cases/x/", "/platform/prevention/", "/administer/"]


def csp(path: str) -> list[str]:
    """The Content-Security-Policy headers deploy/_headers gives a path."""
    rules = load_rules(ROOT, ROOT / "deploy" / "_headers")
    return [v for n, v in headers_for(rules, path) if n.lower() == "content-security-policy"]


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_admin_has_exactly_one_policy_that_lets_decap_run(path: str) -> None:
    """/admin/ gets one CSP (not the site's plus its own), with what Decap needs and no more."""
    policies = csp(path)
    assert len(policies) == 1, policies
    directives = {d.split()[0]: d.split()[1:] for d in policies[0].split("; ")}
    assert "'unsafe-eval'" in directives["script-src"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert directives["connect-src"][0] == "'self'"
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_keep_the_strict_policy(path: str) -> None:
    """Outside /admin/, nothing of the editor's policy leaks in."""
    policies = csp(path)
    assert len(policies) == 1
    assert "unsafe" not in policies[0]
    assert opener_policy(path) == "same-origin"


def opener_policy(path: str) -> str:
    """The one Cross-Origin-Opener-Policy deploy/_headers gives a path."""
    rules = load_rules(ROOT, ROOT / "deploy" / "_headers")
    (value,) = [v for n, v in headers_for(rules, path) if n.lower() == "cross-origin-opener-policy"]
    return value


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_admin_sign_in_window_can_report_back(path: str) -> None:
    """The GitHub sign-in popup answers through window.opener: not cut off on /admin/."""
    assert opener_policy(path) == "same-origin-allow-popups"


@pytest.mark.skipif(
    not VNU.is_file() or shutil.which("java") is None, reason="vnu.jar or java missing"
)
@needs_bundle
def test_nu_html_checker_accepts_the_admin_page(tmp_path: Path) -> None:
    """The editor page is valid HTML."""
    editor = write(settings_for(tmp_path / "a")) / "index.html"
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--also-check-css", str(editor)],
        capture_output=True, text=True, check=False,
    )
    messages = json.loads(done.stderr or "{}").get("messages", [])
    assert [m for m in messages if m.get("type") in {"error", "non-document-error"}] == []
