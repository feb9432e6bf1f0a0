"""One record of legislators-current.json, validated field by field into a `Member`.

A record without what every member needs (bioguide id, a usable name, a latest term with a
known state, seat and party) is left out and reported as a bad *record*; a bad contact field
is dropped, something labelled is shown instead, and it is reported as a bad *field*.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
import datetime as dt
from typing import Any

from .model import Member, Office
from .places import STATE_NAMES, congress_of, district_id, house_title, kind_of, seats_of
from .report import Report
from .values import (
    BIOGUIDE,
    PARTY,
    ZIP,
    check_address,
    check_date,
    check_name,
    check_phone,
    check_url,
)


def _label(record: Mapping[str, Any], index: int) -> str:
    ident = record.get("id") if isinstance(record.get("id"), Mapping) else {}
    bioguide = ident.get("bioguide") if isinstance(ident, Mapping) else None
    return bioguide if isinstance(bioguide, str) and BIOGUIDE.fullmatch(bioguide) else f"#{index}"


def _names(record: Mapping[str, Any], who: str, report: Report) -> tuple[str, str] | None:
    """Return (display name, last name), or None when no usable name is recorded."""
    names = record.get("name")
    if not isinstance(names, Mapping):
        report.add("record", who, "name", "missing; every member needs a name object")
        return None
    checked = [check_name(names.get(key)) for key in ("first", "last")]
    (first, first_why), (last, last_why) = checked
    display = None
    if "official_full" in names:
        display, why = check_name(names.get("official_full"))
        if display is None:
            report.add("field", who, "name.official_full", f"{why}; dropped",
                       "the first and last name")
    if display is None and first and last:
        suffix, _ = check_name(names.get("suffix")) if names.get("suffix") else (None, None)
        display = f"{first} {last}" + (f", {suffix}" if suffix else "")
    if display is None:
        whys = "; ".join(f"{k}: {w}" for k, w in (("first", first_why), ("last", last_why)) if w)
        report.add("record", who, "name", f"no usable name ({whys}); member left out")
        return None
    if last is None:
        report.add("field", who, "name.last", f"{last_why}; dropped", "the full name")
    return display, last or display


@dataclass(frozen=True, slots=True)
class Term:
    """The facts of a member's latest term that the published member needs."""

    chamber: str
    state: str
    district: str | None
    party: str
    start: dt.date
    end: dt.date
    term: Mapping[str, Any]


def _term(record: Mapping[str, Any], who: str, report: Report) -> Term | None:
    """Return the latest term, or None (reported) when it cannot place the member."""
    terms = record.get("terms")
    if not isinstance(terms, list) or not terms or not isinstance(terms[-1], Mapping):
        report.add("record", who, "terms", "no term recorded; member left out")
        return None
    term = terms[-1]
    kind = term.get("type")
    if kind not in {"rep", "sen"}:
        report.add("record", who, "terms[-1].type", f"{kind!r} is not 'rep' or 'sen'")
        return None
    start, end = check_date(term.get("start")), check_date(term.get("end"))
    if start is None or end is None or end < start:
        report.add("record", who, "terms[-1].end",
                   f"start {term.get('start')!r} / end {term.get('end')!r} are not dates in order")
        return None
    state = term.get("state")
    if not isinstance(state, str) or state not in STATE_NAMES:
        report.add("record", who, "terms[-1].state", f"{state!r} is not a state or territory code")
        return None
    district: str | None = None
    if kind == "rep":
        number, seats = term.get("district"), seats_of(state)
        valid = isinstance(number, int) and not isinstance(number, bool) and (
            (seats == 1 and number in (0, 1)) or (seats > 1 and 1 <= number <= seats)
        )
        if not valid:
            report.add("record", who, "terms[-1].district",
                       f"{number!r} is not a district of {state} (1-{seats}, 0 for at-large)")
            return None
        district = district_id(state, number)
    elif kind_of(state) != "state":
        report.add("record", who, "terms[-1].type", f"{state} elects no senators")
        return None
    party = term.get("party")
    if not isinstance(party, str) or not PARTY.fullmatch(party):
        report.add("record", who, "terms[-1].party", f"{party!r} is not a party name")
        return None
    chamber = "senate" if kind == "sen" else "house"
    return Term(chamber, state, district, party, start, end, term)


def _channels(
    term: Mapping[str, Any], who: str, hosts: tuple[str, ...], report: Report
) -> dict[str, str | None]:
    """Return the DC phone, address, website and contact form, each checked or dropped."""
    found: dict[str, str | None] = dict.fromkeys(("phone", "address", "website", "contact_form"))
    if "phone" in term:
        found["phone"], why = check_phone(term["phone"])
        if found["phone"] is None:
            report.add("field", who, "phone", f"{why}; dropped", "the Capitol switchboard")
    else:
        report.add("notice", who, "phone", "no DC phone in the data", "the Capitol switchboard")
    if "address" in term:
        found["address"], why = check_address(term["address"])
        if found["address"] is None:
            report.add("field", who, "address", f"{why}; dropped", "no mailing address")
    if "url" in term:
        found["website"], why = check_url(term["url"], hosts)
        if found["website"] is None:
            report.add("field", who, "url", f"{why}; dropped", "no website")
    if "contact_form" in term:
        found["contact_form"], why = check_url(term["contact_form"], hosts)
        if found["contact_form"] is None:
            instead = "the website" if found["website"] else "no contact link; the phone"
            report.add("field", who, "contact_form", f"{why}; dropped", instead)
    return found


def _offices(raw: Any, who: str, report: Report) -> tuple[Office, ...]:
    if not isinstance(raw, list):
        return ()
    offices = []
    for i, office in enumerate(raw):
        where = f"offices[{i}]"
        if not isinstance(office, Mapping):
            report.add("field", who, where, "is not an object; office left out", "")
            continue
        city, why = check_address(office.get("city"))
        if city is None:
            report.add("field", who, f"{where}.city", f"{why}; office left out", "")
            continue
        lines = []
        for key in ("address", "suite", "building"):
            if office.get(key) in (None, ""):
                continue
            text, why = check_address(office.get(key))
            if text is None:
                report.add("field", who, f"{where}.{key}", f"{why}; dropped", "the rest")
            else:
                lines.append(text)
        phone = None
        if office.get("phone") not in (None, ""):
            phone, why = check_phone(office["phone"])
            if phone is None:
                report.add("field", who, f"{where}.phone", f"{why}; dropped", "no phone")
        zip_code = None
        if office.get("zip") not in (None, ""):
            raw_zip = office["zip"]
            if isinstance(raw_zip, str) and ZIP.fullmatch(raw_zip):
                zip_code = raw_zip
            else:
                report.add("field", who, f"{where}.zip", f"{raw_zip!r} is not a ZIP code; "
                           "dropped", "no ZIP code")
        office_state = office.get("state")
        address = ", ".join(lines) if lines else None
        if address and isinstance(office_state, str) and office_state in STATE_NAMES:
            address = f"{address}, {city}, {office_state}" + (f" {zip_code}" if zip_code else "")
        offices.append(Office(city=city, address=address, phone=phone, zip=zip_code))
    return tuple(sorted(offices, key=lambda o: (o.city, o.address or "", o.phone or "")))


def parse_member(
    record: Any,
    index: int,
    *,
    offices: Mapping[str, Any],
    today: dt.date,
    allowed_hosts: Iterable[str],
    report: Report,
) -> Member | None:
    """Validate one legislators-current.json record; return a Member or None (reported)."""
    if not isinstance(record, Mapping):
        report.add("record", f"#{index}", "", f"record {index} is not an object")
        return None
    who = _label(record, index)
    if who.startswith("#"):
        report.add("record", who, "id.bioguide", "missing or not like 'A000055'; member left out")
        return None
    names = _names(record, who, report)
    term = _term(record, who, report)
    if names is None or term is None:
        return None
    name, last_name = names
    channels = _channels(term.term, who, tuple(allowed_hosts), report)
    status = "current"
    if term.end < today:
        status = "out_of_date"
        report.add("notice", who, "terms[-1].end",
                   f"{name} ({term.district or term.state + ' senator'}): recorded term ended "
                   f"{term.end.isoformat()}, before {today.isoformat()}",
                   "an out-of-date notice with the official list")
    rank = term.term.get("state_rank")
    klass = term.term.get("class")
    bio = record.get("bio") if isinstance(record.get("bio"), Mapping) else {}
    gender = bio.get("gender") if bio.get("gender") in ("F", "M") else None
    # The Congress a member belongs to: the one sitting at the later of the term's start
    # and today (a senator's six-year term spans three), within the term.
    within = min(max(term.start, today), term.end - dt.timedelta(days=1))
    return Member(
        bioguide=who,
        name=name,
        last_name=last_name,
        title="Senator" if term.chamber == "senate" else house_title(term.state),
        chamber=term.chamber,
        state=term.state,
        district=term.district,
        party=term.party,
        phone=channels["phone"],
        address=channels["address"],
        website=channels["website"],
        contact_form=channels["contact_form"],
        offices=_offices(offices.get(who), who, report),
        status=status,
        term_start=term.start.isoformat(),
        term_end=term.end.isoformat(),
        congress=congress_of(within),
        gender=gender,
        state_rank=rank if rank in {"senior", "junior"} else None,
        senate_class=klass if klass in (1, 2, 3) else None,
    )
