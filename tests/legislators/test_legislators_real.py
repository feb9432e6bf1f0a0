"""Integration: build from the real snapshot in ../shared/data and check the written JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SHARED_DATA, build, needs_shared_data, shared_sources

pytestmark = [needs_shared_data, pytest.mark.shared_data]
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legislators"
SETTINGS: dict[str, Any] = {
    "content": FIXTURES / "site",
    "PLUGINS": ["content_schema", "sections", "legislators"],
    "LEGISLATORS_TODAY": "2026-11-22",
}


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The legislator output built from ../shared/data (offline, local source)."""
    if not (SHARED_DATA / "congress-legislators").is_dir():
        pytest.skip("../shared/data is not present")
    return build(
        tmp_path_factory.mktemp("legislators-real") / "out", **SETTINGS, **shared_sources()
    )


def api(site: Path, path: str) -> Any:
    """Read one written JSON file."""
    return json.loads((site / "api/v1" / path).read_bytes())


def member_for(site: Path, district: str) -> Any:
    """Return the state file's member for one district id."""
    return api(site, f"states/{district.split('-', maxsplit=1)[0]}.json")["districts"][district]


def test_02139_gives_ma5_ma7_and_both_massachusetts_senators(real: Path) -> None:
    districts = api(real, "zip/021.json")["02139"]
    assert districts == ["MA-5", "MA-7"]
    ma = api(real, "states/MA.json")
    assert ma["kind"] == "state"
    assert {s["name"] for s in ma["senators"]} == {"Elizabeth Warren", "Edward J. Markey"}
    assert all(s["status"] == "current" and s["contact_form"] for s in ma["senators"])
    for district in districts:
        rep = ma["districts"][district]
        assert rep["title"] == "Representative" and rep["district"] == district
        assert rep["phone"].startswith("202-") and rep["website"].endswith(".house.gov")


def test_20001_gives_dc_delegate_and_no_senators(real: Path) -> None:
    assert api(real, "zip/200.json")["20001"] == ["DC-AL"]
    dc = api(real, "states/DC.json")
    assert (dc["kind"], dc["senators"], list(dc["districts"])) == ("district", [], ["DC-AL"])
    assert dc["districts"]["DC-AL"]["title"] == "Delegate"


@pytest.mark.parametrize("state", ["WY", "AK", "VT"])
def test_single_seat_states_are_at_large(real: Path, state: str) -> None:
    data = api(real, f"states/{state}.json")
    assert list(data["districts"]) == [f"{state}-AL"]
    assert data["districts"][f"{state}-AL"]["title"] == "Representative"
    assert len(data["senators"]) == 2


def test_territories_have_delegates_and_no_senators(real: Path) -> None:
    for st in ("PR", "GU", "VI", "AS", "MP"):
        data = api(real, f"states/{st}.json")
        assert data["kind"] == "territory" and data["senators"] == []
        assert data["districts"][f"{st}-AL"]["chamber"] == "house"
    assert member_for(real, "PR-AL")["title"] == "Resident Commissioner"


def test_appointed_senators_whose_terms_ended_are_out_of_date(real: Path) -> None:
    for state in ("OH", "FL"):
        senators = api(real, f"states/{state}.json")["senators"]
        stale = [s for s in senators if s["status"] == "out_of_date"]
        assert len(stale) == 1 and stale[0]["term_end"] == "2026-11-03"
        page = (real / f"representatives/{state.lower()}/index.html").read_text("utf-8")
        assert "Our data for this seat is out of date" in page
    problems = api(real, "meta.json")["problems"]
    assert {p["bioguide"] for p in problems if p["field"] == "terms[-1].end"} == {
        "H001104",
        "M001244",
    }


def test_vacancies_are_null_and_shown_as_vacant(real: Path) -> None:
    for district in ("CA-14", "FL-20", "GA-13", "TX-23"):
        assert member_for(real, district) is None
    page = (real / "representatives/ca/index.html").read_text("utf-8")
    assert "14th district: vacant" in page
    assert api(real, "meta.json")["counts"]["vacancies"] == 4


def test_snapshot_defects_are_fields_not_failures(real: Path) -> None:
    fine = member_for(real, "FL-6")
    assert fine["bioguide"] == "F000484" and fine["contact_form"] is None
    assert fine["website"] == "https://fine.house.gov"
    crawford = member_for(real, "AR-1")
    assert crawford["name"] == 'Eric A. "Rick" Crawford'
    newcomer = member_for(real, "CA-1")
    assert newcomer["bioguide"] == "G000607" and newcomer["phone"] is None
    meta = api(real, "meta.json")
    assert meta["available"] is True
    assert {p["level"] for p in meta["problems"]} <= {"field", "notice"}
    counts = meta["counts"]
    assert (counts["senators"], counts["representatives"], counts["delegates"]) == (100, 431, 6)


def test_every_published_url_is_https_on_the_allow_list(real: Path) -> None:
    for path in (real / "api/v1/states").glob("*.json"):
        data = json.loads(path.read_bytes())
        members = data["senators"] + [m for m in data["districts"].values() if m]
        for m in members:
            for url in (m["website"], m["contact_form"]):
                if url:
                    host = url.split("/")[2]
                    assert url.startswith("https://"), url
                    assert host.endswith((".house.gov", ".senate.gov")), url


def test_real_build_is_deterministic(real: Path, tmp_path: Path) -> None:
    again = build(tmp_path / "out", **SETTINGS, **shared_sources())
    for folder in ("api", "representatives"):
        files = sorted(p.relative_to(real) for p in (real / folder).rglob("*") if p.is_file())
        assert files == sorted(
            p.relative_to(again) for p in (again / folder).rglob("*") if p.is_file()
        )
        for f in files:
            assert (real / f).read_bytes() == (again / f).read_bytes(), f
