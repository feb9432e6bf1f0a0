"""The typed settings object: defaults, unknown keys, malformed values, dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from legislators.checks import LegislatorsConfigError
from legislators.settings import DEFAULTS, LegislatorsSettings
from pluginkit import SettingsError


def test_defaults_are_valid() -> None:
    cfg = LegislatorsSettings.from_pelican({"PATH": "/site/content"}, environ={})
    assert cfg.source_is_url
    assert cfg.cache_path == Path("/site/.cache/legislators")
    assert not cfg.strict
    assert cfg.allowed_hosts == ("house.gov", "senate.gov")


def test_unknown_setting_names_itself_and_the_known_ones() -> None:
    with pytest.raises(SettingsError) as info:
        LegislatorsSettings.from_pelican({"LEGISLATORS_SOUCE": "x"}, environ={})
    message = str(info.value)
    assert "LEGISLATORS_SOUCE" in message
    assert all(key in message for key in DEFAULTS)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("LEGISLATORS_STRICT", "yes"),
        ("LEGISLATORS_MAX_AGE_DAYS", -1),
        ("LEGISLATORS_TIMEOUT", 5),
        ("LEGISLATORS_COUNT_BAND", (10, 1)),
        ("LEGISLATORS_ALLOWED_HOSTS", "house.gov"),
        ("LEGISLATORS_TODAY", "22/11/2026"),
        ("LEGISLATORS_STATE_URL", "representatives/"),
        ("LEGISLATORS_SOURCE", ""),
    ],
)
def test_malformed_values_name_the_setting(key: str, value: object) -> None:
    with pytest.raises(LegislatorsConfigError, match=key):
        LegislatorsSettings.from_pelican({key: value}, environ={})


def test_environment_fills_in_only_when_the_settings_omit_the_source() -> None:
    env = {"LEGISLATORS_SOURCE": "/data/congress", "LEGISLATORS_ZIP_SOURCE": "/data/zccd.csv"}
    cfg = LegislatorsSettings.from_pelican({}, environ=env)
    assert (cfg.source, cfg.zip_source) == ("/data/congress", "/data/zccd.csv")
    assert not cfg.source_is_url
    cfg = LegislatorsSettings.from_pelican({"LEGISLATORS_SOURCE": "/explicit"}, environ=env)
    assert cfg.source == "/explicit"


def test_today_comes_from_the_setting_then_source_date_epoch() -> None:
    cfg = LegislatorsSettings.from_pelican({"LEGISLATORS_TODAY": "2026-11-22"}, environ={})
    assert cfg.today == dt.date(2026, 11, 22)
    cfg = LegislatorsSettings.from_pelican({}, environ={"SOURCE_DATE_EPOCH": "1700000000"})
    assert cfg.today == dt.date(2023, 11, 14)
