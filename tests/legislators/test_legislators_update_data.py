"""`make data` (scripts/update_data.py) against local sources and a dead server."""

from __future__ import annotations

from pathlib import Path

import pytest
import update_data

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legislators"


def settings_file(tmp_path: Path, source: str, zip_source: str) -> Path:
    """Write a minimal Pelican settings file for the script."""
    path = tmp_path / "conf.py"
    path.write_text(
        f"PATH = {str(tmp_path)!r}\n"
        f"LEGISLATORS_SOURCE = {source!r}\n"
        f"LEGISLATORS_ZIP_SOURCE = {zip_source!r}\n"
        f"LEGISLATORS_CACHE_PATH = {str(tmp_path / 'cache')!r}\n"
        "LEGISLATORS_SET_CHECKS = False\n"
        "LEGISLATORS_TODAY = '2026-11-22'\n"
        "LEGISLATORS_RETRIES = 0\n",
        encoding="utf-8",
    )
    return path


def test_local_sources_validate_and_report(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    conf = settings_file(tmp_path, str(FIXTURES / "congress"), str(FIXTURES / "zccd.csv"))
    assert update_data.main(["--settings", str(conf), "--no-contact-pages"]) == 0
    out = capsys.readouterr().out
    assert "OK: 10 members" in out
    assert "field: R000002: contact_form:" in out
    assert "no change since the last good copy" in out


def test_unreachable_source_without_cache_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    conf = settings_file(tmp_path, "http://127.0.0.1:1/", "http://127.0.0.1:1/zccd.csv")
    assert update_data.main(["--settings", str(conf), "--no-contact-pages"]) == 1
    err = capsys.readouterr().err
    assert "unavailable" in err and "make data" in err


def test_invalid_set_fails(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    conf = settings_file(tmp_path, str(FIXTURES / "broken"), str(FIXTURES / "zccd.csv"))
    assert update_data.main(["--settings", str(conf), "--no-contact-pages"]) == 1
    assert "3 senators for one state" in capsys.readouterr().err
