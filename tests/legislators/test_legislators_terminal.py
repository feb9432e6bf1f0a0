"""What a person sees in the terminal: the data report of every build, through the Makefile's
own build front end (scripts/sitebuild.py), with hostile data and with upstream down."""

from __future__ import annotations

import json
from pathlib import Path
import subprocess
import sys

from pytest_httpserver import HTTPServer
from upstream import DOWN, FIXTURES, Upstream

ROOT = Path(__file__).resolve().parents[2]


def sitebuild(
    tmp_path: Path, source: str, zip_source: str, **extra: object
) -> subprocess.CompletedProcess:
    """Build the fixture site strictly, as `make html` does, and return what it printed."""
    overrides = {
        "LEGISLATORS_SOURCE": source, "LEGISLATORS_ZIP_SOURCE": zip_source,
        "LEGISLATORS_CACHE_PATH": str(tmp_path / "cache"), "LEGISLATORS_SET_CHECKS": False,
        "LEGISLATORS_TODAY": "2026-11-22", "LEGISLATORS_RETRIES": 0,
        "PLUGINS": ["content_schema", "sections", "legislators"],
        "CACHE_PATH": str(tmp_path / "pelican-cache"),
        **extra,
    }
    command = [sys.executable, str(ROOT / "scripts" / "sitebuild.py"), str(FIXTURES / "site"),
               "-o", str(tmp_path / "out"), "-s", str(ROOT / "pelicanconf.py"),
               "--fatal", "warnings",
               "-e", *(f"{k}={json.dumps(v)}" for k, v in overrides.items())]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)


def hostile_source(tmp_path: Path) -> Path:
    """The fixture with a script in a name, a javascript: website, a look-alike form host."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    records = json.loads((FIXTURES / "congress" / "legislators-current.json").read_text())
    records[0]["name"]["official_full"] = "<img src=x onerror=alert(1)>"
    records[0]["terms"][-1]["url"] = "javascript:alert(1)"
    records[1]["terms"][-1]["contact_form"] = "https://www.sagebrush.senate.gov.evil.example/"
    (folder / "legislators-current.json").write_text(json.dumps(records), encoding="utf-8")
    offices = (FIXTURES / "congress" / "legislators-district-offices.json").read_bytes()
    (folder / "legislators-district-offices.json").write_bytes(offices)
    return folder


def test_a_hostile_build_names_every_dropped_field_and_what_stands_in(tmp_path: Path) -> None:
    done = sitebuild(tmp_path, str(hostile_source(tmp_path)), str(FIXTURES / "zccd.csv"))
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert any(line.startswith("[legislators] sources: legislators-current.json (local copy)")
               for line in lines), lines
    assert any(line.startswith("[legislators] data dated ") and "10 members" in line
               for line in lines)
    assert ("[legislators] corrected: S000001: name.official_full: '<img src=x "
            "onerror=alert(1)>' contains '<=>', not allowed in a name; dropped; shown instead: "
            "the first and last name") in lines
    assert ("[legislators] corrected: S000001: url: 'javascript:alert(1)' is not an https:// "
            "URL; dropped; shown instead: no website") in lines
    assert any(line.startswith("[legislators] corrected: S000002: contact_form: host "
                               "'www.sagebrush.senate.gov.evil.example' is not on the "
                               "allow-list") and line.endswith("shown instead: the website")
               for line in lines), lines
    assert "Traceback" not in done.stderr and "warning:" not in done.stderr
    # One line per message: nothing is wrapped into columns.
    assert all(len(line) < 400 or line.startswith("[legislators] sources") for line in lines)


def test_an_outage_build_prints_one_notice_and_builds(server: HTTPServer, tmp_path: Path) -> None:
    Upstream(server)
    url = server.url_for("").rstrip("/")
    first = sitebuild(tmp_path, url + "/congress/", url + "/zccd.csv")
    assert first.returncode == 0, first.stderr
    down = sitebuild(tmp_path, DOWN + "/congress/", DOWN + "/zccd.csv",
                     LEGISLATORS_MAX_AGE_DAYS=0)
    assert down.returncode == 0, down.stderr
    notices = [line for line in down.stderr.splitlines() if "NOTICE" in line]
    assert len(notices) == 1 and "using the last good copy" in notices[0], down.stderr
    assert "Traceback" not in down.stderr


def test_no_data_at_all_says_so_with_the_fix(tmp_path: Path) -> None:
    done = sitebuild(tmp_path, str(tmp_path / "mistyped"), str(tmp_path / "mistyped.csv"))
    assert done.returncode == 0, done.stderr
    assert "[legislators] no contact data: LEGISLATORS_SOURCE is " in done.stderr
    assert "[legislators] to get it, run `make data`" in done.stderr
