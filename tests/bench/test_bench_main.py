"""The benchmark's build settings and ZIP choice (scripts/bench), without timing anything."""

from __future__ import annotations

import json
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG, read_settings

from bench import ROOT
from bench.browser import pick_zips
from bench.sites import PLAIN_SETTINGS, write_ours_settings


def test_our_settings_are_the_real_config_pointed_at_the_bench_folders(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    settings_file = write_ours_settings(tmp_path / "ours", content)
    settings = read_settings(str(settings_file))
    real = read_settings(str(ROOT / "pelicanconf.py"))
    assert settings["PATH"] == str(content)
    assert settings["CACHE_PATH"] == str(tmp_path / "ours" / "cache")
    assert settings["CACHE_CONTENT"] is True
    assert settings["LOAD_CONTENT_CACHE"] is True
    assert settings["LEGISLATORS_CACHE_PATH"] == str(tmp_path / "legislators-cache")
    assert settings["PLUGINS"] == real["PLUGINS"]
    assert settings["THEME"] == real["THEME"]
    off = write_ours_settings(tmp_path / "off", content, "CACHE_CONTENT = False")
    assert read_settings(str(off))["CACHE_CONTENT"] is False


def test_plain_settings_have_no_plugins_and_the_default_theme(tmp_path: Path) -> None:
    settings_file = tmp_path / "settings.py"
    settings_file.write_text(
        PLAIN_SETTINGS.format(path=str(tmp_path), cache=str(tmp_path / "cache")),
        encoding="utf-8",
    )
    settings = read_settings(str(settings_file))
    assert not settings["PLUGINS"]
    assert settings["THEME"] == DEFAULT_CONFIG["THEME"]
    assert settings["CACHE_CONTENT"] is True
    assert settings["DEFAULT_PAGINATION"] == 10


def test_pick_zips_keeps_the_issue_zips_and_is_deterministic(tmp_path: Path) -> None:
    zdir = tmp_path / "api" / "v1" / "zip"
    zdir.mkdir(parents=True)
    (zdir / "021.json").write_text(json.dumps({"02139": ["MA-5", "MA-7"], "02140": ["MA-5"]}))
    (zdir / "820.json").write_text(json.dumps({"82001": ["WY-AL"], "82009": ["WY-AL"]}))
    (zdir / "100.json").write_text(json.dumps({f"100{i:02d}": ["NY-12"] for i in range(40)}))
    first = pick_zips(tmp_path, 10, seed=1)
    assert first == pick_zips(tmp_path, 10, seed=1)
    assert first[:2] == ["02139", "82001"]  # 20001 is not in this site
    assert len(first) == len(set(first)) == 10
    assert pick_zips(tmp_path / "nothing", 2, seed=1) == ["02139", "20001"]
