"""Validation and normalisation of congress-legislators records, including hostile values."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from legislators.members import parse_member
from legislators.report import Report
from legislators.roster import SetLimits, parse_members
from legislators.values import check_address, check_name, check_phone, check_url

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legislators"
TODAY = dt.date(2026, 11, 22)
HOSTS = ("house.gov", "senate.gov")
NO_SET_CHECKS = SetLimits(checks=False)


def records() -> list[dict[str, Any]]:
    """Return a fresh copy of the fixture records."""
    return json.loads((FIXTURES / "congress" / "legislators-current.json").read_text("utf-8"))


def offices() -> list[dict[str, Any]]:
    """Return the fixture district offices."""
    path = FIXTURES / "congress" / "legislators-district-offices.json"
    return json.loads(path.read_text("utf-8"))


def parse_all(data: Any, limits: SetLimits = NO_SET_CHECKS) -> tuple[list[Any], Report]:
    """Parse records with the fixture offices; return members and the report."""
    report = Report()
    members = parse_members(
        data, offices(), today=TODAY, allowed_hosts=HOSTS, limits=limits, report=report
    )
    return members, report


def one(record: dict[str, Any]) -> tuple[Any, Report]:
    """Parse a single record."""
    report = Report()
    member = parse_member(record, 0, offices={}, today=TODAY, allowed_hosts=HOSTS, report=report)
    return member, report


def by_id(members: list[Any]) -> dict[str, Any]:
    """Index members by bioguide id."""
    return {m.bioguide: m for m in members}


# --- URLs ---------------------------------------------------------------------------

GOOD_URLS = [
    ("https://www.warren.senate.gov", "https://www.warren.senate.gov"),
    ("https://fine.house.gov/contact/email-me?x=1", "https://fine.house.gov/contact/email-me?x=1"),
    ("http://www.cantwell.senate.gov/contact/", "https://www.cantwell.senate.gov/contact/"),
    ("https://house.gov/", "https://house.gov/"),
    ("https://x.house.gov/feed?type=all&amp;", "https://x.house.gov/feed?type=all&"),
    ("https://x.house.gov/ ", "https://x.house.gov/"),
]

HOSTILE_URLS = [
    "javascript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example",
    "//x.house.gov/contact",
    "http://house.gov.evil.example/",
    "https://evil.example/house.gov",
    "https://house.gov@evil.example/",
    "https://x.house.gov@evil.example/",
    "https://h\u043euse.gov/",  # Cyrillic о
    "https://xn--hse-hdd.gov/",
    "https://xn--80ak6aa92e.house.gov/",
    "https://www.house.gov:8443/",
    'https://x.house.gov/"onmouseover="alert(1)',
    "https://x.house.gov/<script>",
    "https://x.house.gov/a b",
    "https://x.house.gov/\u202egro",
    "https://x.house.gov/" + "a" * 10_000,
    "hhttps://fine.house.gov/address_authentication?form=/contact/email-me",
    "ftp://x.house.gov/",
    "https://evilhouse.gov/",
    "https://house.gov.evil.example/",
    "",
    None,
    42,
]


@pytest.mark.parametrize(("raw", "expected"), GOOD_URLS)
def test_good_urls_pass_and_are_normalised(raw: str, expected: str) -> None:
    assert check_url(raw, HOSTS) == (expected, None)


@pytest.mark.parametrize("raw", HOSTILE_URLS)
def test_hostile_urls_are_rejected_with_a_reason(raw: Any) -> None:
    url, why = check_url(raw, HOSTS)
    assert url is None
    assert why


def test_off_list_host_names_the_host_and_the_list() -> None:
    _, why = check_url("https://www.theday.com/rss", HOSTS)
    assert why == "host 'www.theday.com' is not on the allow-list (house.gov, senate.gov)"


# --- names, phones, addresses ----------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        'Eric A. "Rick" Crawford',
        'Henry C. "Hank" Johnson, Jr.',
        "Nydia M. Velázquez",
        "W. Todd O’Neill-Smith",
        "Jo Muñoz",
    ],
)
def test_real_names_are_kept(raw: str) -> None:
    assert check_name(raw) == (raw, None)


def test_names_are_nfc_normalised_and_spaces_collapsed() -> None:
    assert check_name("Jose\u0301  Serrano ") == ("José Serrano", None)


@pytest.mark.parametrize(
    "raw",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "Tom & Jerry",
        "{{7*7}}",
        "{% raw %}",
        "A" * 100_001,
        "",
        None,
        12,
        "Bob\u202eevil",
        "Zero\u200bwidth",
        "...",
    ],
)
def test_hostile_names_are_rejected(raw: Any) -> None:
    name, why = check_name(raw)
    assert name is None
    assert why


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("202-225-3031", "202-225-3031"),
        ("(202) 225-3031", "202-225-3031"),
        ("+1 202 225 3031", "202-225-3031"),
        ("202.225.3031", "202-225-3031"),
    ],
)
def test_phone_formats_are_normalised(raw: str, expected: str) -> None:
    assert check_phone(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["CALL-ME-NOW", "225-3031", "202-225-30311", "", None, 2022253031])
def test_bad_phones_are_rejected(raw: Any) -> None:
    assert check_phone(raw)[0] is None


def test_addresses_allow_real_punctuation_but_not_markup() -> None:
    assert check_address("1710 Alabama Ave., Suite #247 (Carl Elliott Bldg.) & Annex")[0]
    assert check_address("<b>1 Main St</b>")[0] is None


# --- records ------------------------------------------------------------------------


def test_fixture_parses_into_members_with_titles_and_districts() -> None:
    members, report = parse_all(records())
    found = by_id(members)
    assert report.set_ok, report.sorted()
    assert [m.bioguide for m in members] == sorted(found)
    assert found["R000001"].district == "WY-AL"
    assert found["R000001"].title == "Representative"
    assert found["R000003"].title == "Delegate"
    assert found["R000003"].district == "DC-AL"
    assert found["R000004"].title == "Resident Commissioner"
    assert found["R000002"].district == "MT-1"
    assert found["S000001"].chamber == "senate"
    assert found["S000001"].district is None


def test_nickname_in_double_quotes_is_kept() -> None:
    members, _ = parse_all(records())
    assert by_id(members)["R000001"].name == 'Eric A. "Rick" Tester'


def test_missing_official_full_falls_back_to_first_last_and_suffix() -> None:
    members, _ = parse_all(records())
    assert by_id(members)["R000006"].name == "Jo Muñoz, Jr."


def test_malformed_contact_form_is_dropped_reported_and_website_stands_in() -> None:
    members, report = parse_all(records())
    fine = by_id(members)["R000002"]
    assert fine.contact_form is None
    assert fine.contact_url == "https://finch.house.gov"
    assert fine.contact_form is None
    [problem] = [
        p for p in report.of("field") if p.bioguide == "R000002" and p.field == "contact_form"
    ]
    assert "'hhttps://finch.house.gov" in problem.message
    assert problem.shown_instead == "the website"
    assert str(problem).endswith("; dropped; shown instead: the website")


def test_last_names_and_congress_come_from_the_data() -> None:
    members, _report = parse_all(records())
    crawford = by_id(members)["R000001"]
    assert crawford.name == 'Eric A. "Rick" Tester' and crawford.last_name == "Tester"
    assert {m.congress for m in members if m.current} == {119}
    assert crawford.to_json()["last_name"] == "Tester"


def test_member_without_phone_gets_the_switchboard() -> None:
    members, report = parse_all(records())
    new = by_id(members)["R000005"]
    assert new.phone is None
    assert new.phone_display == "202-224-3121"
    assert new.phone_is_switchboard
    assert new.website is None and new.contact_url is None
    assert any(p.bioguide == "R000005" and p.field == "phone" for p in report.of("notice"))


def test_term_ended_before_today_is_out_of_date_and_reported() -> None:
    members, report = parse_all(records())
    glacier = by_id(members)["S000004"]
    assert glacier.status == "out_of_date"
    assert not glacier.current
    assert glacier.official_list == "https://www.senate.gov/senators/"
    assert any(p.bioguide == "S000004" and "2026-11-03" in p.message for p in report.of("notice"))
    assert by_id(members)["S000003"].status == "current"


def test_district_offices_are_validated_field_by_field() -> None:
    members, report = parse_all(records())
    wy = by_id(members)["S000001"]
    assert [o.city for o in wy.offices] == ["Casper", "Cheyenne"]
    casper = wy.offices[0]
    assert casper.phone == "307-261-0002"
    assert casper.address == "100 East B Street, 2002, Federal Building, Casper, WY 82601-1969"
    finch = by_id(members)["R000002"]
    billings, helena = finch.offices
    assert billings.address is None and billings.phone is None
    assert helena.zip is None
    fields = {p.field for p in report.of("field") if p.bioguide == "R000002"}
    assert fields == {"contact_form", "offices[0].address", "offices[0].phone", "offices[1].zip"}


def test_hostile_official_name_falls_back_per_field() -> None:
    record = records()[0]
    record["name"]["official_full"] = "<script>alert(1)</script>"
    member, report = one(record)
    assert member.name == "Alma Prairie"
    [problem] = report.of("field")
    assert (problem.bioguide, problem.field) == ("S000001", "name.official_full")


def test_hostile_urls_in_a_record_are_dropped_per_field() -> None:
    record = records()[0]
    record["terms"][-1]["url"] = "javascript:alert(1)"
    record["terms"][-1]["contact_form"] = "https://www.prairie.senate.gov.evil.example/"
    member, report = one(record)
    assert member.website is None and member.contact_form is None
    assert {p.field for p in report.of("field")} == {"url", "contact_form"}
    assert report.set_ok


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda r: r["id"].pop("bioguide"), "id.bioguide"),
        (lambda r: r["id"].update(bioguide="<b>"), "id.bioguide"),
        (lambda r: r.update(terms=[]), "terms"),
        (lambda r: r["terms"][-1].update(state="XX"), "terms[-1].state"),
        (lambda r: r["terms"][-1].update(state="wy"), "terms[-1].state"),
        (lambda r: r["terms"][-1].update(type="gov"), "terms[-1].type"),
        (lambda r: r["terms"][-1].update(end="2020-01-01"), "terms[-1].end"),
        (lambda r: r["terms"][-1].update(start="31/12/2024"), "terms[-1].end"),
        (lambda r: r["terms"][-1].update(party="<i>"), "terms[-1].party"),
        (lambda r: r["terms"][-1].pop("party"), "terms[-1].party"),
        (lambda r: r["name"].update(official_full="<x>", first="<y>"), "name"),
        (lambda r: r.update(name=None), "name"),
    ],
)
def test_unusable_records_are_left_out_and_make_the_set_bad(change: Any, field: str) -> None:
    record = copy.deepcopy(records()[0])
    change(record)
    member, report = one(record)
    assert member is None
    assert not report.set_ok
    assert field in {p.field for p in report.of("record")}


@pytest.mark.parametrize("district", ["5", -1, 99, True, None])
def test_bad_districts_are_rejected(district: Any) -> None:
    record = copy.deepcopy(records()[5])  # MT-1
    record["terms"][-1]["district"] = district
    member, report = one(record)
    assert member is None
    assert [p.field for p in report.of("record")] == ["terms[-1].district"]


def test_territory_senator_is_rejected() -> None:
    record = copy.deepcopy(records()[1])
    record["terms"][-1]["state"] = "PR"
    member, report = one(record)
    assert member is None and not report.set_ok


def test_not_an_object_record() -> None:
    member, report = one("nope")  # type: ignore[arg-type]
    assert member is None and not report.set_ok


# --- whole set ----------------------------------------------------------------------


def test_broken_set_reports_duplicates_three_senators_and_two_members_per_seat() -> None:
    data = json.loads((FIXTURES / "broken" / "legislators-current.json").read_text("utf-8"))
    _, report = parse_all(data)
    messages = [str(p) for p in report.of("set")]
    assert not report.set_ok
    assert any("R000002: id.bioguide: appears 2 times" in m for m in messages), messages
    assert any("3 senators for one state" in m for m in messages), messages
    assert any(m.startswith("WY-AL: 2 members hold one seat") for m in messages), messages


@pytest.mark.parametrize("data", [{}, "x", None])
def test_not_a_list_is_a_bad_set(data: Any) -> None:
    members, report = parse_all(data)
    assert members == [] and not report.set_ok


def test_empty_list_fails_the_count_band() -> None:
    _, report = parse_all([], SetLimits())
    assert any("0 members, outside the expected 520-545" in str(p) for p in report.of("set"))


def test_count_band_and_senator_count_apply_when_set_checks_are_on() -> None:
    _, report = parse_all(records(), SetLimits(True, (5, 20), 4))
    assert report.set_ok, report.sorted()
    _, report = parse_all(records(), SetLimits(True, (5, 20), 100))
    assert any("4 senators, expected 100" in str(p) for p in report.of("set"))
    _, report = parse_all(records() * 10, SetLimits(False))
    assert not report.set_ok  # ten copies: duplicate ids and seats
