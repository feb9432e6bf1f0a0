"""Changes people can see: two snapshots that differ (a senator replaced, a phone changed).

The first build fills the cache from the local server; the second downloads a snapshot in
which Montana's class-2 senator was replaced and a House member's phone changed. The
history is kept in the cache folder and published as /api/v1/changes.json and
/representatives/changes/; the new senator's card says when they took office.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from pytest_httpserver import HTTPServer
from upstream import FIXTURES, Upstream, fixture_files

from legislators.changes import compare, read_history, recent_arrivals
from legislators.members import parse_member
from legislators.report import Report
from tests.conftest import build

TODAY = "2027-01-05"


def replaced_snapshot() -> dict[str, bytes]:
    """The fixture with MT's class-2 senator replaced and R000002's phone changed."""
    files = fixture_files()
    records = json.loads(files["/congress/legislators-current.json"])
    for record in records:
        bioguide = record["id"]["bioguide"]
        if bioguide == "S000004":
            record["id"]["bioguide"] = "S000010"
            record["name"] = {"first": "Nell", "last": "Coulee", "official_full": "Nell Coulee"}
            record["terms"][-1].update(start="2027-01-03", end="2033-01-03")
        if bioguide == "R000002":
            record["terms"][-1]["phone"] = "202-225-0999"
    files["/congress/legislators-current.json"] = json.dumps(records).encode()
    return files


def options(server: HTTPServer, cache: Path, today: str) -> dict[str, Any]:
    url = server.url_for("").rstrip("/")
    return {
        "PATH": str(FIXTURES / "site"),
        "PLUGINS": ["content_schema", "sections", "legislators"],
        "LEGISLATORS_SOURCE": url + "/congress/",
        "LEGISLATORS_ZIP_SOURCE": url + "/zccd.csv",
        "LEGISLATORS_CACHE_PATH": str(cache),
        "LEGISLATORS_SET_CHECKS": False,
        "LEGISLATORS_MAX_AGE_DAYS": 0,
        "LEGISLATORS_RETRIES": 0,
        "LEGISLATORS_TODAY": today,
        "LEGISLATORS_MAX_OUT_OF_DATE": 1.0,
    }


def test_two_snapshots_give_a_history_a_page_and_a_took_office_note(
    server: HTTPServer, tmp_path: Path
) -> None:
    upstream = Upstream(server)
    cache = tmp_path / "cache"
    build(tmp_path / "first", **options(server, cache, "2026-11-22"))
    assert read_history(cache) == []
    upstream.files = replaced_snapshot()
    out = build(tmp_path / "second", **options(server, cache, TODAY))
    history = json.loads((out / "api/v1/changes.json").read_text(encoding="utf-8"))
    assert history == read_history(cache)
    kinds = {(c["kind"], c["seat"]) for c in history}
    assert kinds == {("seat", "MT-senate-2"), ("member_added", "MT-senate-2"),
                     ("member_gone", "MT-senate-2"), ("phone", "MT-1")}
    seat = next(c for c in history if c["kind"] == "seat")
    assert seat["old"] == {"bioguide": "S000004", "name": "Dale Glacier"}
    assert seat["new"] == {"bioguide": "S000010", "name": "Nell Coulee"}
    phone = next(c for c in history if c["kind"] == "phone")
    assert (phone["bioguide"], phone["old"], phone["new"]) == ("R000002", "202-225-0001",
                                                               "202-225-0999")
    assert all(c["date"] == TODAY for c in history)  # the build's "today"
    # The page lists them; the new senator's card says when they took office.
    page = BeautifulSoup((out / "representatives/changes/index.html").read_text(), "html.parser")
    text = " ".join(page.select_one("main").get_text().split())
    assert "Seat changed hands, MT-senate-2" in text and "Dale Glacier → Nell Coulee" in text
    assert "Phone changed, MT-1 (Fay Finch): 202-225-0001 → 202-225-0999" in text
    mt = json.loads((out / "api/v1/states/MT.json").read_text(encoding="utf-8"))
    new = next(m for m in mt["senators"] if m["bioguide"] == "S000010")
    assert new["took_office"] == "2027-01-03"
    assert all(m["took_office"] is None for m in mt["senators"] if m["bioguide"] != "S000010")
    card = (out / "representatives/mt/index.html").read_text()
    assert "Took office on <time datetime=\"2027-01-03\">January 3, 2027</time>" in card
    # The same data again records nothing new.
    build(tmp_path / "third", **options(server, cache, TODAY))
    assert read_history(cache) == history


def _member(record: dict[str, Any]) -> Any:
    return parse_member(record, 0, offices={}, today=dt.date(2026, 11, 22),
                        allowed_hosts=("house.gov", "senate.gov"), report=Report())


def test_compare_reports_a_vacancy_opened_and_filled() -> None:
    records = json.loads((FIXTURES / "congress" / "legislators-current.json").read_text())
    before = [_member(r) for r in records]
    without = [m for m in before if m.bioguide != "R000002"]
    opened = compare(before, without, dt.date(2026, 12, 1))
    seat = next(c for c in opened if c["kind"] == "seat")
    assert (seat["seat"], seat["old"]["bioguide"], seat["new"]) == ("MT-1", "R000002", None)
    filled = compare(without, before, dt.date(2026, 12, 2))
    seat = next(c for c in filled if c["kind"] == "seat")
    assert (seat["old"], seat["new"]["bioguide"]) == (None, "R000002")


def test_took_office_lasts_the_recent_days_only() -> None:
    records = json.loads((FIXTURES / "congress" / "legislators-current.json").read_text())
    members = [_member(r) for r in records]
    history = [{"date": "2026-12-01", "kind": "seat", "seat": "MT-1",
                "new": {"bioguide": "R000002", "name": "Fay Finch"}}]
    assert recent_arrivals(history, members, dt.date(2026, 12, 20), 30) == {
        "R000002": "2025-01-03"}
    assert recent_arrivals(history, members, dt.date(2027, 1, 5), 30) == {}
