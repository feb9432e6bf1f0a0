"""The Congress changeover: members of the 120th, a ZIP table of the 119th, never a guess.

A fixture in the real format whose terms start on 2027-01-03 (tests/fixtures/legislators/
congress-120) stands for `make data` after 3 January 2027; the real snapshot with a "today"
of 2027-01-04 stands for a site that was not refreshed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
import pytest

from legislators.generator import LegislatorsDataError
from legislators.settings import LegislatorsSettings
from tests.conftest import SHARED_DATA, build, needs_shared_data, shared_sources

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legislators"
BASE = {
    "PATH": str(FIXTURES / "site"),
    "PLUGINS": ["content_schema", "sections", "legislators"],
    "LEGISLATORS_SOURCE": str(FIXTURES / "congress-120"),
    "LEGISLATORS_ZIP_SOURCE": str(FIXTURES / "zccd-tx-ma.csv"),
    "LEGISLATORS_SET_CHECKS": False,
    "LEGISLATORS_TODAY": "2027-01-05",
}


def read(out: Path, name: str) -> Any:
    return json.loads((out / "api/v1" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site_120(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("c120") / "out", **BASE)


def test_members_know_their_congress_and_meta_says_which_table(site_120: Path) -> None:
    meta = read(site_120, "meta.json")
    assert (meta["members_congress"], meta["zip_congress"]) == (120, 119)
    assert meta["new_maps"] == {"120": ["CA", "MO", "NC", "OH", "TX", "UT"]}
    assert meta["redistricted"] == ["CA", "MO", "NC", "OH", "TX", "UT"]


def test_a_redistricted_state_gets_no_house_member_by_zip(site_120: Path) -> None:
    tx = read(site_120, "states/TX.json")
    assert tx["house_by_zip"] is False and tx["new_maps_congress"] == 120
    assert [s["bioguide"] for s in tx["senators"]] == ["S100001", "S100002"]
    # The members are all there to choose from, with the seat's label for the chooser.
    assert tx["districts"]["TX-7"]["bioguide"] == "R100001"
    assert tx["labels"]["TX-7"] == "Texas's 7th district"
    ma = read(site_120, "states/MA.json")
    assert ma["house_by_zip"] is True and ma["new_maps_congress"] is None


def test_the_state_page_says_plainly_why_and_links_the_house_lookup(site_120: Path) -> None:
    tx = BeautifulSoup((site_120 / "representatives/tx/index.html").read_text(), "html.parser")
    note = tx.select_one("#new-maps")
    assert note is not None
    text = " ".join(note.get_text().split())
    assert "Texas drew new House districts for the 120th Congress" in text
    assert "follows the districts of the 119th Congress" in text
    assert note.select_one('a[href="https://www.house.gov/representatives/find-your-representative"]')
    ma = (site_120 / "representatives/ma/index.html").read_text()
    assert 'id="new-maps"' not in ma


def test_before_the_changeover_no_state_is_redistricted(tmp_path: Path) -> None:
    out = build(tmp_path / "out", **{**BASE, "LEGISLATORS_SOURCE": str(FIXTURES / "congress"),
                                     "LEGISLATORS_ZIP_SOURCE": str(FIXTURES / "zccd.csv"),
                                     "LEGISLATORS_TODAY": "2026-11-22"})
    meta = read(out, "meta.json")
    assert (meta["members_congress"], meta["redistricted"]) == (119, [])
    assert read(out, "states/WY.json")["house_by_zip"] is True


def test_settings_and_environment_forms() -> None:
    env = {"LEGISLATORS_NEW_MAPS": "120:ca,tx;122:NY", "LEGISLATORS_ZIP_CONGRESS": "120"}
    cfg = LegislatorsSettings.from_pelican({"PATH": "content"}, environ=env)
    assert cfg.new_maps == {120: ("CA", "TX"), 122: ("NY",)}
    assert cfg.zip_congress == 120
    assert cfg.redistricted(122) == ("NY",)  # the 120th's maps are in the table already
    with pytest.raises(ValueError, match=r"LEGISLATORS_NEW_MAPS.*'120:CA,TX'"):
        LegislatorsSettings.from_pelican({"PATH": "content", "LEGISLATORS_NEW_MAPS": "CA"},
                                         environ={})


@needs_shared_data
def test_an_unrefreshed_site_after_3_january_2027_says_so_and_publish_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SOURCE_DATE_EPOCH is "today". Every House term in the snapshot ended on 2027-01-03, and
    so did the terms of the senators of class 2; senators elected to 2029 or 2031 are still
    in office, and are rightly still shown (with the notice that the data is out of date)."""
    day = dt.datetime(2027, 1, 4, 12, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(day.timestamp())))
    out = build(tmp_path / "out", **shared_sources())
    ma = read(out, "states/MA.json")
    house = [m for m in ma["districts"].values() if m]
    assert house and all(m["status"] == "out_of_date" for m in house)
    status = {m["name"]: m["status"] for m in ma["senators"]}
    assert status == {"Elizabeth Warren": "current", "Edward J. Markey": "out_of_date"}
    meta = read(out, "meta.json")
    assert meta["out_of_date"] is True and meta["built"] == "2027-01-04"
    assert meta["counts"]["out_of_date"] > 0.8 * 537
    page = " ".join((out / "representatives/ma/index.html").read_text().split())
    assert "Our contact data is out of date." in page and "make data" in page
    assert 'member__name">Ayanna Pressley' not in page
    with pytest.raises(LegislatorsDataError, match=r"out of date: the terms of 8\d% .*make data"):
        build(tmp_path / "strict", **shared_sources(), LEGISLATORS_STRICT=True)
    assert SHARED_DATA.is_dir()
