"""scripts/publish.py: a failed build leaves the last good site exactly as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import publish
import pytest

ROOT = Path(__file__).resolve().parents[2]

SETTINGS = """\
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # the real settings, with a tiny theme and no plugins

PATH = {content!r}
THEME = {theme!r}
PLUGINS = ["pelican.plugins.yaml_metadata"]
DIRECT_TEMPLATES = ["index", "404"]
INDEX_SAVE_AS = "index.html"
INDEX_URL = ""
STATIC_PATHS = []
EXTRA_PATH_METADATA = {{}}
FEED_ALL_ATOM = None
"""
TEMPLATE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
    "<body><main data-pagefind-body>{body}</main></body></html>"
)


@pytest.fixture
def site(tmp_path: Path) -> dict[str, Path]:
    """A two-page site with its own tiny theme, and a settings file for it."""
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "cases").mkdir()
    (content / "pages" / "about.md").write_text(
        "---\ntitle: About us\n---\nWe campaign against trafficking and forced labour.\n"
    )
    templates = tmp_path / "theme" / "templates"
    templates.mkdir(parents=True)
    (templates / "index.html").write_text(TEMPLATE.format(body="<h1>Home</h1>"))
    (templates / "404.html").write_text(TEMPLATE.format(body="<h1>Not found</h1>"))
    (templates / "page.html").write_text(TEMPLATE.format(body="{{ page.content | safe }}"))
    (templates / "article.html").write_text(TEMPLATE.format(body="{{ article.content | safe }}"))
    settings = tmp_path / "settings.py"
    settings.write_text(SETTINGS.format(root=str(ROOT), content=str(content),
                                        theme=str(tmp_path / "theme")))
    return {"content": content, "settings": settings, "output": tmp_path / "site" / "output"}


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def build(site: dict[str, Path], **kwargs: object) -> publish.BuildResult:
    return publish.safe_build(site["output"], site["settings"], content=site["content"],
                              **kwargs)


def test_good_build_swaps_in_a_complete_site(site: dict[str, Path]) -> None:
    result = build(site)
    out = site["output"]
    assert result.output == out.resolve()
    assert (out / "index.html").is_file()
    assert (out / "404.html").is_file()
    assert "forced labour" in (out / "about" / "index.html").read_text()
    # The search index and the host headers file are part of the published folder.
    assert (out / "pagefind" / "pagefind.js").is_file()
    assert (out / "_headers").read_text() == (ROOT / "deploy" / "_headers").read_text()
    assert sorted(p.name for p in out.parent.iterdir()) == ["output"]


def test_failed_build_leaves_the_last_good_site_untouched(site: dict[str, Path]) -> None:
    build(site, search_index=False)
    out = site["output"]
    (out / "marker.txt").write_text("the last good site")
    before = snapshot(out)
    # A link to a file that does not exist is a warning, fatal under --fatal warnings.
    (site["content"] / "pages" / "broken.md").write_text(
        "---\ntitle: Broken\n---\nSee [this]({filename}/pages/missing.md).\n"
    )
    with pytest.raises(publish.BuildError, match="Pelican build failed"):
        build(site, search_index=False)
    assert snapshot(out) == before
    assert not (out / "broken").exists()
    assert sorted(p.name for p in out.parent.iterdir()) == ["output"], "nothing half-written"


def test_a_second_good_build_replaces_the_old_site(site: dict[str, Path]) -> None:
    build(site, search_index=False)
    out = site["output"]
    (out / "stale.html").write_text("from the previous build")
    (site["content"] / "pages" / "new.md").write_text("---\ntitle: New\n---\nA new page.\n")
    build(site, search_index=False)
    assert not (out / "stale.html").exists(), "the new site is a clean build"
    assert (out / "new" / "index.html").is_file()
    assert sorted(p.name for p in out.parent.iterdir()) == ["output"]


def test_missing_home_page_is_a_failed_build(site: dict[str, Path]) -> None:
    with pytest.raises(publish.BuildError, match=r"wrote no nothing-here\.html"):
        build(site, search_index=False, required=("index.html", "nothing-here.html"))
    assert not site["output"].exists()


def test_command_line_reports_the_failure(
    site: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    (site["content"] / "pages" / "broken.md").write_text(
        "---\ntitle: Broken\n---\nSee [this]({filename}/pages/missing.md).\n"
    )
    code = publish.main(["--output", str(site["output"]), "--settings", str(site["settings"]),
                         "--content", str(site["content"]), "--no-search"])
    assert code == 1
    assert "was left as it was" in capsys.readouterr().err


@pytest.mark.parametrize("siteurl", ["", "campaign.example", "http://insecure.example",
                                     "https://example.org/site/"])
def test_publish_needs_a_real_siteurl_and_says_how_to_set_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str],
    siteurl: str,
) -> None:
    """`make publish` without SITEURL stops, names the fix, and publishes nothing."""
    monkeypatch.setenv("SITEURL", siteurl)
    output = tmp_path / "output"
    assert publish.main(["--output", str(output), "--settings", str(ROOT / "publishconf.py"),
                         "--no-search"]) == 1
    err = capfd.readouterr().err
    assert not output.exists() and not output.with_name("output.new").exists()
    assert "a publish build needs the site's public origin" in err
    assert "make publish SITEURL=https://www.example.org" in err
    assert "Traceback" not in err


def test_publishconf_refuses_a_missing_siteurl_with_the_fix(monkeypatch: pytest.MonkeyPatch):
    from pelican.settings import read_settings

    monkeypatch.delenv("SITEURL", raising=False)
    with pytest.raises(SystemExit, match=r"SITEURL is not set.*make publish SITEURL=https://"):
        read_settings(str(ROOT / "publishconf.py"))
    monkeypatch.setenv("SITEURL", "https://www.example.org/")
    assert read_settings(str(ROOT / "publishconf.py"))["SITEURL"] == "https://www.example.org"
