"""The ZCTA-to-district table: parsing, district ids, sorting and sharding."""

from __future__ import annotations

from pathlib import Path

from legislators.report import Report
from legislators.zips import district_sort_key, parse_zips, shard

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "legislators" / "zccd.csv"


def parsed() -> tuple[dict[str, list[str]], Report]:
    """Parse the fixture table."""
    report = Report()
    return parse_zips(FIXTURE.read_text("utf-8"), report), report


def test_at_large_and_delegate_seats_use_al() -> None:
    zips, _ = parsed()
    assert zips["82001"] == ["WY-AL"]
    assert zips["20001"] == ["DC-AL"]
    assert zips["00601"] == ["PR-AL"]
    assert zips["05401"] == ["VT-AL"]


def test_multi_district_zip_is_sorted_by_number() -> None:
    zips, _ = parsed()
    assert zips["59101"] == ["MT-1", "MT-2"]


def test_zip_in_two_states_lists_both_sorted_by_state() -> None:
    zips, _ = parsed()
    assert zips["59901"] == ["MT-2", "WY-AL"]


def test_bad_rows_are_dropped_and_reported_with_line_numbers() -> None:
    zips, report = parsed()
    assert "82002" not in zips and "5960" not in zips and "59602" not in zips
    fields = sorted(p.field for p in report.of("field"))
    assert fields == ["zccd.csv:13", "zccd.csv:14", "zccd.csv:15"]
    assert report.set_ok


def test_wrong_header_is_a_bad_set() -> None:
    report = Report()
    assert parse_zips("zip,district\n02139,MA-5\n", report) == {}
    assert not report.set_ok


def test_mostly_garbage_is_a_bad_set() -> None:
    report = Report()
    rows = "".join(f"25,MA,0213{i % 10},99\n" for i in range(50))
    parse_zips("state_fips,state_abbr,zcta,cd\n" + rows, report)
    assert not report.set_ok


def test_shards_group_by_first_three_digits() -> None:
    zips, _ = parsed()
    shards = shard(zips)
    assert set(shards["591"]) == {"59101"}
    assert list(shards) == sorted(shards)
    assert sorted(["MA-10", "MA-2", "MA-AL"], key=district_sort_key) == ["MA-AL", "MA-2", "MA-10"]
