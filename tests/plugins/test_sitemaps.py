"""plugins/sitemaps: a deterministic sitemap with absolute URLs, a new one for every build."""

from __future__ import annotations

from pathlib import Path
import xml.etree.ElementTree as ET

from pelican import Pelican
from pelican.settings import read_settings
import pytest

from pluginkit import SettingsError
from tests.conftest import FIXTURES, ROOT, _disconnect_plugins, build

SITE = FIXTURES / "cases-site"
PLUGINS = ["sitemaps", "sections", "content_schema", "outcomes"]
LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def entries(out: Path) -> dict[str, str | None]:
    root = ET.parse(out / "sitemap.xml").getroot()
    return {u.findtext(f"{LOC}loc"): u.findtext(f"{LOC}lastmod") for u in root}


def test_absolute_sorted_dated_and_without_the_excluded_pages(tmp_path: Path) -> None:
    out = build(tmp_path / "out", content=SITE, PLUGINS=PLUGINS,
                SITE_ORIGIN="https://www.example.org")
    found = entries(out)
    assert list(found) == sorted(found)
    assert all(url.startswith("https://www.example.org/") for url in found)
    assert found["https://www.example.org/cases/first-fixture-case/"] == "2021-05-04"
    assert found["https://www.example.org/about/"] is None  # a page without a date
    assert not [u for u in found if "/admin/" in u or u.endswith("404.html") or "/search/" in u]
    again = build(tmp_path / "again", content=SITE, PLUGINS=PLUGINS,
                  SITE_ORIGIN="https://www.example.org")
    assert (again / "sitemap.xml").read_bytes() == (out / "sitemap.xml").read_bytes()


def test_every_build_of_one_pelican_starts_a_new_sitemap(tmp_path: Path) -> None:
    """As `make devserver` builds again in one process: a deleted page leaves the sitemap."""
    content = tmp_path / "content"
    import shutil

    shutil.copytree(SITE, content)
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "out"), "PLUGINS": PLUGINS,
        "CACHE_PATH": str(tmp_path / "cache"), "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False, "LEGISLATORS_SOURCE": str(tmp_path / "none"),
        "LEGISLATORS_ZIP_SOURCE": str(tmp_path / "none.csv"), "SITE_ORIGIN": "https://x.org"})
    _disconnect_plugins()
    pelican = Pelican(settings=settings)
    pelican.run()
    assert "https://x.org/cases/first-fixture-case/" in entries(tmp_path / "out")
    (content / "cases" / "2021-05-04-first-fixture-case.md").unlink()
    pelican.run()
    assert "https://x.org/cases/first-fixture-case/" not in entries(tmp_path / "out")
    assert "https://x.org/cases/second-fixture-case/" in entries(tmp_path / "out")


def test_unknown_setting_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"SITEMAPS_EXCLUDES .*SITEMAPS_EXCLUDE"):
        build(tmp_path / "out", content=SITE, PLUGINS=PLUGINS, SITEMAPS_EXCLUDES=[])
