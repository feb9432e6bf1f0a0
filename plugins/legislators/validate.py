"""Validate and normalise congress-legislators records, field by field and as a set.

Two levels of problem (DESIGN.md section 3): a bad *field* is dropped, replaced by a
labelled fallback and reported; a bad *set* (unusable records, counts out of band,
duplicate seats) makes the whole download unusable.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
import datetime as dt
import re
from typing import Any
import unicodedata
from urllib.parse import urlsplit

from .model import (
    STATE_NAMES,
    Member,
    Office,
    district_id,
    house_title,
    kind_of,
    seats_of,
)

LEGISLATORS_FILE = "legislators-current.json"
OFFICES_FILE = "legislators-district-offices.json"

LEVELS = ("set", "record", "field", "notice")

BIOGUIDE = re.compile(r"[A-Z][0-9]{6}")
PHONE_CHARS = re.compile(r"[0-9 ().+\-]+")
ZIP = re.compile(r"[0-9]{5}(-[0-9]{4})?")
HOST_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
PARTY = re.compile(r"[A-Za-z][A-Za-z .'-]{0,39}")
# Characters a name may hold besides letters and combining marks.
NAME_PUNCT = set(" .,'’‘-\"()")
# Characters an address or city may hold besides letters and digits.
ADDRESS_PUNCT = set(" .,#'’‘-/&()")
# Invisible or direction-changing characters (Unicode categories Cc, Cf) are never allowed.
MAX_NAME = 100
MAX_ADDRESS = 200
MAX_URL = 2000


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One data problem: level, member (bioguide or ""), field and a message saying what to do."""

    level: str
    bioguide: str
    field: str
    message: str

    def to_json(self) -> dict[str, str]:
        """Return the meta.json form."""
        return {
            "level": self.level,
            "bioguide": self.bioguide,
            "field": self.field,
            "message": self.message,
        }

    def __str__(self) -> str:
        """Return "file: member: field: message"."""
        who = f"{self.bioguide}: " if self.bioguide else ""
        where = f"{self.field}: " if self.field else ""
        return f"{who}{where}{self.message}"


@dataclass
class Report:
    """Problems found while validating, grouped by level."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, level: str, bioguide: str, field_name: str, message: str) -> None:
        """Record a problem."""
        assert level in LEVELS
        self.problems.append(Problem(level, bioguide, field_name, message))

    def of(self, *levels: str) -> list[Problem]:
        """Return the problems of the given levels, sorted."""
        return sorted(p for p in self.problems if p.level in levels)

    @property
    def set_ok(self) -> bool:
        """Return True when no problem makes the set unusable."""
        return not self.of("set", "record")

    def sorted(self) -> list[Problem]:
        """Return every problem, most serious first, deterministic."""
        return sorted(self.problems, key=lambda p: (LEVELS.index(p.level), p))


# --- single values ------------------------------------------------------------------


def check_url(value: Any, allowed_hosts: Iterable[str]) -> tuple[str | None, str | None]:
    """Return (url, None) for a safe https URL on an allowed host, else (None, why)."""
    if not isinstance(value, str):
        return None, f"{value!r} is not a string"
    text = value.strip(" ")
    if not text:
        return None, "is empty"
    if len(text) > MAX_URL:
        return None, f"is {len(text)} characters long (over {MAX_URL})"
    if any(unicodedata.category(c) in {"Cc", "Cf", "Zs", "Zl", "Zp"} for c in text):
        return None, f"{text[:80]!r} contains spaces or control characters"
    if any(c in '"<>\\^`{|}' for c in text):
        return None, f"{text[:80]!r} contains characters not allowed in a URL"
    text = text.replace("&amp;", "&")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as e:
        return None, f"{text[:80]!r} is not a valid URL ({e})"
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in {"https", "http"} or not parts.netloc:
        return None, f"{text[:80]!r} is not an https:// URL"
    if "@" in parts.netloc:
        return None, f"{text[:80]!r} has a user name in it (look-alike host)"
    if port is not None:
        return None, f"{text[:80]!r} names a port"
    if not host.isascii() or any(label.startswith("xn--") for label in host.split(".")):
        return None, f"{text[:80]!r} has a non-ASCII (look-alike) host"
    labels = host.split(".")
    if not all(HOST_LABEL.fullmatch(label) for label in labels):
        return None, f"{text[:80]!r} has an invalid host"
    allowed = tuple(allowed_hosts)
    if not any(host == h or host.endswith("." + h) for h in allowed):
        return None, f"host {host!r} is not on the allow-list ({', '.join(allowed)})"
    if scheme == "http":
        # Official house.gov/senate.gov sites all serve https; upgrade (research 1.6).
        text = "https" + text[len(parts.scheme) :]
    return text, None


def check_phone(value: Any) -> tuple[str | None, str | None]:
    """Return ("202-225-1234", None) for a US number in any usual format, else (None, why)."""
    if not isinstance(value, str):
        return None, f"{value!r} is not a string"
    if not PHONE_CHARS.fullmatch(value.strip()):
        return None, f"{value[:40]!r} is not a phone number"
    digits = re.sub(r"[^0-9]", "", value)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10 or digits[0] in "01":
        return None, f"{value[:40]!r} is not a 10-digit US phone number"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}", None


def _text(value: Any, punct: set[str], limit: int, what: str) -> tuple[str | None, str | None]:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None, f"{value!r} is not text"
    text = unicodedata.normalize("NFC", " ".join(value.split()))
    if not text:
        return None, "is empty"
    if len(text) > limit:
        return None, f"is {len(text)} characters long (over {limit})"
    if text.isascii() and all(c.isalnum() or c in punct for c in text):
        return text, None
    bad = sorted(
        {c for c in text if not (c.isalnum() or unicodedata.category(c)[0] == "M")} - punct
    )
    if bad:
        shown = "".join(bad)
        return None, f"{text[:60]!r} contains {shown!r}, not allowed in {what}"
    return text, None


def check_name(value: Any) -> tuple[str | None, str | None]:
    """Return a display name (letters, spaces, . , ' - and quoted nicknames), else (None, why)."""
    name, why = _text(value, NAME_PUNCT, MAX_NAME, "a name")
    if name is not None and not any(c.isalpha() for c in name):
        return None, f"{name!r} has no letters"
    return name, why


def check_address(value: Any) -> tuple[str | None, str | None]:
    """Return a postal address or city as plain text, else (None, why)."""
    return _text(value, ADDRESS_PUNCT, MAX_ADDRESS, "an address")


def check_date(value: Any) -> dt.date | None:
    """Return a date from "YYYY-MM-DD", else None."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


# --- records ------------------------------------------------------------------------


def _label(record: Mapping[str, Any], index: int) -> str:
    ident = record.get("id") if isinstance(record.get("id"), Mapping) else {}
    bioguide = ident.get("bioguide") if isinstance(ident, Mapping) else None
    return bioguide if isinstance(bioguide, str) and BIOGUIDE.fullmatch(bioguide) else f"#{index}"


def _display_name(record: Mapping[str, Any], who: str, report: Report) -> str | None:
    names = record.get("name")
    if not isinstance(names, Mapping):
        report.add("record", who, "name", "missing; every member needs a name object")
        return None
    if "official_full" in names:
        name, why = check_name(names.get("official_full"))
        if name:
            return name
        report.add(
            "field", who, "name.official_full", f"{why}; dropped, first and last name used instead"
        )
    parts = [names.get("first"), names.get("last")]
    checked = [check_name(p) for p in parts]
    if all(n for n, _ in checked):
        name = " ".join(n for n, _ in checked if n)
        suffix, _ = check_name(names.get("suffix")) if names.get("suffix") else (None, None)
        return f"{name}, {suffix}" if suffix else name
    whys = "; ".join(
        f"{k}: {w}" for k, (n, w) in zip(("first", "last"), checked, strict=True) if not n
    )
    report.add("record", who, "name", f"no usable name ({whys}); member left out")
    return None


def _offices(raw: Any, who: str, report: Report) -> tuple[Office, ...]:
    if not isinstance(raw, list):
        return ()
    offices = []
    for i, office in enumerate(raw):
        where = f"offices[{i}]"
        if not isinstance(office, Mapping):
            report.add("field", who, where, "is not an object; office left out")
            continue
        city, why = check_address(office.get("city"))
        if city is None:
            report.add("field", who, f"{where}.city", f"{why}; office left out")
            continue
        lines = []
        for key in ("address", "suite", "building"):
            if office.get(key) in (None, ""):
                continue
            text, why = check_address(office.get(key))
            if text is None:
                report.add("field", who, f"{where}.{key}", f"{why}; dropped")
            else:
                lines.append(text)
        phone = None
        if office.get("phone") not in (None, ""):
            phone, why = check_phone(office["phone"])
            if phone is None:
                report.add("field", who, f"{where}.phone", f"{why}; dropped")
        zip_code = None
        if office.get("zip") not in (None, ""):
            raw_zip = office["zip"]
            if isinstance(raw_zip, str) and ZIP.fullmatch(raw_zip):
                zip_code = raw_zip
            else:
                report.add("field", who, f"{where}.zip", f"{raw_zip!r} is not a ZIP code; dropped")
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
    name = _display_name(record, who, report)
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
        report.add(
            "record",
            who,
            "terms[-1].end",
            f"start {term.get('start')!r} / end {term.get('end')!r} are not dates in order",
        )
        return None
    state = term.get("state")
    if not isinstance(state, str) or state not in STATE_NAMES:
        report.add("record", who, "terms[-1].state", f"{state!r} is not a state or territory code")
        return None
    district: str | None = None
    if kind == "rep":
        number = term.get("district")
        seats = seats_of(state)
        valid = isinstance(number, int) and not isinstance(number, bool)
        valid = valid and (
            (seats == 1 and number in (0, 1)) or (seats > 1 and 1 <= number <= seats)
        )
        if not valid:
            report.add(
                "record",
                who,
                "terms[-1].district",
                f"{number!r} is not a district of {state} (1-{seats}, 0 for at-large)",
            )
            return None
        district = district_id(state, number)
    elif kind_of(state) != "state":
        report.add("record", who, "terms[-1].type", f"{state} elects no senators")
        return None
    party = term.get("party")
    if not isinstance(party, str) or not PARTY.fullmatch(party):
        report.add("record", who, "terms[-1].party", f"{party!r} is not a party name")
        return None
    if name is None:
        return None

    phone = address = website = contact_form = None
    if "phone" in term:
        phone, why = check_phone(term["phone"])
        if phone is None:
            report.add("field", who, "phone", f"{why}; dropped, the Capitol switchboard is shown")
    else:
        report.add(
            "notice", who, "phone", "no DC phone in the data; the Capitol switchboard is shown"
        )
    if "address" in term:
        address, why = check_address(term["address"])
        if address is None:
            report.add("field", who, "address", f"{why}; dropped")
    if "url" in term:
        website, why = check_url(term["url"], allowed_hosts)
        if website is None:
            report.add("field", who, "url", f"{why}; dropped")
    if "contact_form" in term:
        contact_form, why = check_url(term["contact_form"], allowed_hosts)
        if contact_form is None:
            fallback = "the website is shown instead" if website else "no contact link is shown"
            report.add("field", who, "contact_form", f"{why}; dropped, {fallback}")

    status = "current"
    if end < today:
        status = "out_of_date"
        report.add(
            "notice",
            who,
            "terms[-1].end",
            f"{name} ({district or state + ' senator'}): recorded term ended {end.isoformat()}, "
            f"before {today.isoformat()}; shown as out of date with the official list",
        )
    rank = term.get("state_rank") if term.get("state_rank") in {"senior", "junior"} else None
    return Member(
        bioguide=who,
        name=name,
        title="Senator" if kind == "sen" else house_title(state),
        chamber="senate" if kind == "sen" else "house",
        state=state,
        district=district,
        party=party,
        phone=phone,
        address=address,
        website=website,
        contact_form=contact_form,
        offices=_offices(offices.get(who), who, report),
        status=status,
        term_end=end.isoformat(),
        state_rank=rank,
    )


def index_offices(raw: Any, report: Report) -> dict[str, Any]:
    """Map bioguide id → list of raw offices from legislators-district-offices.json."""
    if not isinstance(raw, list):
        report.add("set", "", OFFICES_FILE, "is not a JSON list of members")
        return {}
    found: dict[str, Any] = {}
    for entry in raw:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("id"), Mapping):
            continue
        bioguide = entry["id"].get("bioguide")
        if isinstance(bioguide, str) and BIOGUIDE.fullmatch(bioguide):
            found[bioguide] = entry.get("offices")
    return found


@dataclass(frozen=True, slots=True)
class SetLimits:
    """Whole-set expectations (from the settings)."""

    checks: bool = True
    count_band: tuple[int, int] = (520, 545)
    senators: int = 100


def parse_members(
    legislators: Any,
    offices_raw: Any,
    *,
    today: dt.date,
    allowed_hosts: Iterable[str],
    limits: SetLimits,
    report: Report,
) -> list[Member]:
    """Validate every record and the set; return members sorted by bioguide id."""
    if not isinstance(legislators, list):
        report.add("set", "", LEGISLATORS_FILE, "is not a JSON list of members")
        return []
    offices = index_offices(offices_raw, report) if offices_raw is not None else {}
    hosts = tuple(allowed_hosts)
    members: list[Member] = []
    for i, record in enumerate(legislators):
        member = parse_member(
            record, i, offices=offices, today=today, allowed_hosts=hosts, report=report
        )
        if member is not None:
            members.append(member)
    check_set(members, len(legislators), limits, report)
    return sorted(members, key=lambda m: m.bioguide)


def check_set(members: list[Member], records: int, limits: SetLimits, report: Report) -> None:
    """Check the whole set: duplicates, seats, senators per state, counts."""
    for bioguide, n in sorted(Counter(m.bioguide for m in members).items()):
        if n > 1:
            report.add("set", bioguide, "id.bioguide", f"appears {n} times")
    seats: dict[str, list[str]] = defaultdict(list)
    senators: dict[str, list[str]] = defaultdict(list)
    for m in members:
        if m.district:
            seats[m.district].append(m.bioguide)
        else:
            senators[m.state].append(m.bioguide)
    for seat, holders in sorted(seats.items()):
        if len(holders) > 1:
            report.add(
                "set", "", seat, f"{len(holders)} members hold one seat: {', '.join(holders)}"
            )
    for state, holders in sorted(senators.items()):
        if len(holders) > 2:
            report.add(
                "set", "", state, f"{len(holders)} senators for one state: {', '.join(holders)}"
            )
    if not limits.checks:
        return
    low, high = limits.count_band
    if not low <= records <= high:
        report.add(
            "set", "", LEGISLATORS_FILE, f"{records} members, outside the expected {low}-{high}"
        )
    total = sum(len(v) for v in senators.values())
    if total != limits.senators:
        report.add(
            "set",
            "",
            LEGISLATORS_FILE,
            f"{total} senators, expected {limits.senators} (a real Senate vacancy: "
            "lower LEGISLATORS_SENATORS until it is filled)",
        )
