"""An upstream outage in both builds: every fault, with and without a last good copy.

Built as `make html` (development) and `make publish` (LEGISLATORS_STRICT) build, in
Pelican with `--fatal warnings` semantics: a build that has a usable last good copy goes
on with one notice (never a warning), a build without one says the lookup is unavailable
(development) or stops naming the fix (publish), and publish still refuses a copy older
than LEGISLATORS_STALE_DAYS.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from pelican.log import FatalLogger
import pytest
from pytest_httpserver import HTTPServer
from upstream import DOWN, FAULTS, FIXTURES, Upstream

from legislators.generator import LegislatorsDataError
from tests.conftest import build

SITE = FIXTURES / "site"
TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def fatal_warnings() -> Any:
    """Warnings and errors raise, as `pelican --fatal warnings` (make html, make publish)."""
    before = FatalLogger.fatal_lvl
    FatalLogger.fatal_lvl = logging.WARNING
    yield
    FatalLogger.fatal_lvl = before


def settings(url: str, cache: Path, *, strict: bool, **extra: Any) -> dict[str, Any]:
    """A build of the fixture site from `url` (the local server, or nothing listening)."""
    return {
        "PATH": str(SITE),
        "PLUGINS": ["content_schema", "sections", "legislators"],
        "LEGISLATORS_SOURCE": url + "/congress/",
        "LEGISLATORS_ZIP_SOURCE": url + "/zccd.csv",
        "LEGISLATORS_CACHE_PATH": str(cache),
        "LEGISLATORS_SET_CHECKS": False,
        "LEGISLATORS_STRICT": strict,
        "LEGISLATORS_MAX_AGE_DAYS": 0,  # always try to download
        "LEGISLATORS_RETRIES": 0,
        "LEGISLATORS_TIMEOUT": (0.5, 0.5),
        "LEGISLATORS_DEADLINE": 3,
        "LEGISLATORS_MAX_BYTES": 200_000,
        # The fixture's terms: one senator's ended in November 2026 (under 10 %).
        "LEGISLATORS_TODAY": TODAY.isoformat(),
        **extra,
    }


def site_url(server: HTTPServer, fault: str) -> str:
    """Where the build fetches from: nothing at all for 'refused', else the local server."""
    return DOWN if fault == "refused" else server.url_for("").rstrip("/")


def fill_cache(server: HTTPServer, tmp_path: Path) -> Upstream:
    """A first, healthy build from the server: the cache holds the last good copy."""
    upstream = Upstream(server)
    out = build(tmp_path / "first", **settings(server.url_for("").rstrip("/"),
                                                tmp_path / "cache", strict=True))
    assert (out / "api/v1/states/WY.json").is_file()
    return upstream


def notices(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "NOTICE" in r.getMessage()]


@pytest.mark.parametrize("strict", [False, True], ids=["html", "publish"])
@pytest.mark.parametrize("fault", FAULTS)
def test_with_a_last_good_copy_both_builds_go_on_with_one_notice(  # noqa: PLR0917
    server: HTTPServer, tmp_path: Path, caplog: pytest.LogCaptureFixture, fatal_warnings: Any,
    fault: str, strict: bool,
) -> None:
    upstream = fill_cache(server, tmp_path)
    upstream.fault = fault
    with caplog.at_level(logging.INFO):
        out = build(tmp_path / "out", **settings(site_url(server, fault), tmp_path / "cache",
                                                 strict=strict))
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    [notice] = notices(caplog)
    assert "the download failed" in notice and "using the last good copy" in notice
    assert "day(s) ago" in notice
    wy = json.loads((out / "api/v1/states/WY.json").read_text(encoding="utf-8"))
    assert [m["bioguide"] for m in wy["senators"]] == ["S000001", "S000002"]
    meta = json.loads((out / "api/v1/meta.json").read_text(encoding="utf-8"))
    assert meta["available"] and meta["counts"]["senators"] == 4


@pytest.mark.parametrize("fault", [f for f in FAULTS if f != "shrink"])
def test_without_a_copy_development_builds_and_says_unavailable(
    server: HTTPServer, tmp_path: Path, caplog: pytest.LogCaptureFixture, fatal_warnings: Any,
    fault: str,
) -> None:
    Upstream(server).fault = fault
    with caplog.at_level(logging.INFO):
        out = build(tmp_path / "out", **settings(site_url(server, fault), tmp_path / "cache",
                                                 strict=False))
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("unavailable" in n for n in notices(caplog))
    assert not (out / "api/v1/states").exists()
    page = (out / "representatives/index.html").read_text(encoding="utf-8")
    assert "Contact data for members of Congress is unavailable in this build" in page


@pytest.mark.parametrize("fault", [f for f in FAULTS if f != "shrink"])
def test_without_a_copy_publish_stops_and_names_the_fix(
    server: HTTPServer, tmp_path: Path, fatal_warnings: Any, fault: str
) -> None:
    Upstream(server).fault = fault
    with pytest.raises(LegislatorsDataError, match=r"unavailable: could not get .*make data"):
        build(tmp_path / "out", **settings(site_url(server, fault), tmp_path / "cache",
                                           strict=True))


def test_a_shrunken_first_download_is_simply_the_data(server: HTTPServer, tmp_path: Path) -> None:
    """With nothing to compare it with, seven members are seven members (set checks apart)."""
    Upstream(server).fault = "shrink"
    out = build(tmp_path / "out", **settings(server.url_for("").rstrip("/"), tmp_path / "cache",
                                             strict=True, LEGISLATORS_MAX_OUT_OF_DATE=0.5))
    meta = json.loads((out / "api/v1/meta.json").read_text(encoding="utf-8"))
    assert sum(meta["counts"][k] for k in ("senators", "representatives", "delegates")) == 7


@pytest.mark.parametrize("strict", [False, True], ids=["html", "publish"])
def test_publish_refuses_a_copy_past_its_stale_limit(
    server: HTTPServer, tmp_path: Path, caplog: pytest.LogCaptureFixture, fatal_warnings: Any,
    strict: bool,
) -> None:
    upstream = fill_cache(server, tmp_path)
    upstream.fault = "5xx"
    # The copy was fetched now; a week later it is past a stale limit of five days.
    later = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=7)).isoformat()
    options = settings(server.url_for("").rstrip("/"), tmp_path / "cache", strict=strict,
                       LEGISLATORS_TODAY=later, LEGISLATORS_STALE_DAYS=5)
    if strict:
        with pytest.raises(LegislatorsDataError, match=r"7 days ago .*LEGISLATORS_STALE_DAYS"):
            build(tmp_path / "out", **options)
        return
    with caplog.at_level(logging.INFO):
        build(tmp_path / "out", **options)
    assert any("7 days ago" in n for n in notices(caplog))


def test_a_hand_edited_time_without_a_zone_is_read_as_utc(tmp_path: Path) -> None:
    """A last good copy whose meta.json says "fetched": "2026-11-20" is still usable."""
    from legislators.store import read_cached

    body = b"[]"
    (tmp_path / "x.json").write_bytes(body)
    (tmp_path / "x.json.meta.json").write_text(json.dumps({
        "fetched": "2026-11-20", "sha256": hashlib.sha256(body).hexdigest()}))
    cached = read_cached(tmp_path, "x.json")
    assert cached is not None and cached.fetched.tzinfo is not None
    assert cached.fetched.isoformat() == "2026-11-20T00:00:00+00:00"
