"""plugins/minify: the theme's scripts ship minified by terser, the same bytes every time,
from a cache keyed by content; a script terser cannot read, or a missing terser, stops the
build with the file and the fix."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from conftest import ROOT
import pytest

from minify.minify import MinifyError, minify_all, minify_scripts
from minify.settings import MinifyConfigError, MinifySettings
from pluginkit import SettingsError

TERSER = ROOT / "node_modules" / "terser"
needs_terser = pytest.mark.skipif(not (TERSER / "main.js").is_file(),
                                  reason="make deps installs terser")


def settings(tmp_path: Path, **more: object) -> dict[str, object]:
    return {"OUTPUT_PATH": str(tmp_path / "out"), "CACHE_PATH": str(tmp_path / "cache" / "p"),
            "MINIFY_TERSER": str(TERSER), **more}


@needs_terser
def test_scripts_are_minified_deterministically_and_cached(tmp_path: Path) -> None:
    source = (ROOT / "theme" / "static" / "js" / "lookup.js").read_bytes()
    folder = tmp_path / "out" / "theme" / "js"
    folder.mkdir(parents=True)
    (folder / "lookup.js").write_bytes(source)
    pelican = SimpleNamespace(settings=settings(tmp_path))
    minify_scripts(pelican)
    once = (folder / "lookup.js").read_bytes()
    assert len(once) < len(source) * 0.7
    assert b"//" not in once.split(b"\n", 1)[0][:2] and b"export" in once  # no comments, a module
    cache = list((tmp_path / "cache" / "minify").glob("*.js"))
    assert len(cache) == 1
    (folder / "lookup.js").write_bytes(source)
    minify_scripts(SimpleNamespace(settings=settings(tmp_path)))
    assert (folder / "lookup.js").read_bytes() == once


@needs_terser
def test_a_script_terser_cannot_read_names_the_file(tmp_path: Path) -> None:
    config = MinifySettings.from_pelican(settings(tmp_path))
    with pytest.raises(MinifyError, match=r"theme/static/js/broken.js: terser could not read it"):
        minify_all({"ok.js": b"export const a = 1;\n", "broken.js": b"export function ("}, config)


def test_a_missing_terser_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(MinifyConfigError, match=r"terser is not installed .* run `make deps`"):
        MinifySettings.from_pelican(settings(tmp_path, MINIFY_TERSER=str(tmp_path / "none")))
    off = MinifySettings.from_pelican(settings(tmp_path, MINIFY_TERSER=str(tmp_path / "none"),
                                               MINIFY_ENABLED=False))
    assert off.enabled is False


def test_an_unknown_setting_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"\[minify\] unknown setting\(s\) MINIFY_LEVEL"):
        MinifySettings.from_pelican(settings(tmp_path, MINIFY_LEVEL=3))
