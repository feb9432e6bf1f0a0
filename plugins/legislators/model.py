"""Domain records: jurisdictions, members, offices and the directory templates see."""

from __future__ import annotations

from dataclasses import dataclass, field
import datetime as dt
from typing import Any

SWITCHBOARD = "202-224-3121"
SWITCHBOARD_TEL = "+12022243121"
OFFICIAL_LISTS = {
    "house": "https://www.house.gov/representatives",
    "senate": "https://www.senate.gov/senators/",
}

#: 119th Congress House seats per state (2020 apportionment, 435 in all).
SEATS: dict[str, int] = {
    "AL": 7, "AK": 1, "AZ": 9, "AR": 4, "CA": 52, "CO": 8, "CT": 5, "DE": 1, "FL": 28,
    "GA": 14, "HI": 2, "ID": 2, "IL": 17, "IN": 9, "IA": 4, "KS": 4, "KY": 6, "LA": 6,
    "ME": 2, "MD": 8, "MA": 9, "MI": 13, "MN": 8, "MS": 4, "MO": 8, "MT": 2, "NE": 3,
    "NV": 4, "NH": 2, "NJ": 12, "NM": 3, "NY": 26, "NC": 14, "ND": 1, "OH": 15, "OK": 5,
    "OR": 6, "PA": 17, "RI": 2, "SC": 7, "SD": 1, "TN": 9, "TX": 38, "UT": 4, "VT": 1,
    "VA": 11, "WA": 10, "WV": 2, "WI": 8, "WY": 1,
}  # fmt: skip

STATE_NAMES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "U.S. Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
}  # fmt: skip

TERRITORIES = ("AS", "GU", "MP", "PR", "VI")


def kind_of(state: str) -> str:
    """Return "state", "district" (DC) or "territory"."""
    if state == "DC":
        return "district"
    return "territory" if state in TERRITORIES else "state"


def seats_of(state: str) -> int:
    """Return the number of House seats (1 for DC and territories: one delegate)."""
    return SEATS.get(state, 1)


def district_id(state: str, number: int) -> str:
    """Return the district id: "MA-5", or "WY-AL" for at-large seats and delegates."""
    return f"{state}-AL" if seats_of(state) == 1 else f"{state}-{number}"


def district_ids(state: str) -> list[str]:
    """Return every seat of a state in numeric order."""
    n = seats_of(state)
    return [district_id(state, i) for i in range(1, n + 1)] if n > 1 else [f"{state}-AL"]


def house_title(state: str) -> str:
    """Return the title of a state's House member."""
    if state == "PR":
        return "Resident Commissioner"
    return "Representative" if kind_of(state) == "state" else "Delegate"


@dataclass(frozen=True, slots=True)
class Office:
    """One district office."""

    city: str
    address: str | None
    phone: str | None
    zip: str | None

    def to_json(self) -> dict[str, Any]:
        """Return the contract's office object."""
        return {"city": self.city, "address": self.address, "phone": self.phone, "zip": self.zip}


@dataclass(frozen=True, slots=True)
class Member:
    """A validated member of Congress, as published."""

    bioguide: str
    name: str
    title: str
    chamber: str  # "senate" | "house"
    state: str
    district: str | None
    party: str
    phone: str | None
    address: str | None
    website: str | None
    contact_form: str | None
    offices: tuple[Office, ...]
    status: str  # "current" | "out_of_date"
    term_end: str
    state_rank: str | None = None

    @property
    def current(self) -> bool:
        """Return True unless the recorded term has ended."""
        return self.status == "current"

    @property
    def term_end_date(self) -> dt.date:
        """Return the recorded end of the term as a date."""
        return dt.date.fromisoformat(self.term_end)

    @property
    def phone_tel(self) -> str:
        """Return the tel: URI of the DC phone (or the switchboard's)."""
        return "+1" + (self.phone or SWITCHBOARD).replace("-", "")

    @property
    def phone_display(self) -> str:
        """Return the DC phone, or the switchboard number."""
        return self.phone or SWITCHBOARD

    @property
    def phone_is_switchboard(self) -> bool:
        """Return True when the DC phone is missing and the switchboard stands in."""
        return self.phone is None

    @property
    def contact_url(self) -> str | None:
        """Return the contact form, else the website, else None."""
        return self.contact_form or self.website

    @property
    def contact_is_website(self) -> bool:
        """Return True when the website stands in for a missing contact form."""
        return self.contact_form is None and self.website is not None

    @property
    def official_list(self) -> str:
        """Return the chamber's official member list (for out-of-date seats)."""
        return OFFICIAL_LISTS[self.chamber]

    @property
    def seat_label(self) -> str:
        """Return e.g. "Massachusetts's 5th district", "at large" or "Senate"."""
        if self.chamber == "senate":
            return f"Senator for {STATE_NAMES[self.state]}"
        assert self.district is not None
        return seat_label(self.district)

    def to_json(self) -> dict[str, Any]:
        """Return the contract's member object."""
        return {
            "bioguide": self.bioguide,
            "name": self.name,
            "title": self.title,
            "chamber": self.chamber,
            "state": self.state,
            "district": self.district,
            "party": self.party,
            "phone": self.phone,
            "address": self.address,
            "website": self.website,
            "contact_form": self.contact_form,
            "offices": [o.to_json() for o in self.offices],
            "status": self.status,
            "term_end": self.term_end,
        }


def ordinal(n: int) -> str:
    """Return 1st, 2nd, 3rd, 4th, 11th, 21st ..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def seat_label(district: str) -> str:
    """Return a human label for a district id: "5th district" or "At large"."""
    state, _, number = district.partition("-")
    if number == "AL":
        return "At large" if kind_of(state) == "state" else "Delegate seat"
    return f"{ordinal(int(number))} district"


@dataclass(frozen=True, slots=True)
class Seat:
    """One House seat: its id and member, or None when vacant."""

    district: str
    member: Member | None

    @property
    def label(self) -> str:
        """Return a human label for the seat."""
        return seat_label(self.district)

    @property
    def vacant(self) -> bool:
        """Return True when nobody holds the seat in our data."""
        return self.member is None


@dataclass(frozen=True, slots=True)
class StateEntry:
    """A state, DC or territory with its senators and House seats."""

    state: str
    name: str
    kind: str
    senators: tuple[Member, ...]
    seats: tuple[Seat, ...]
    url: str
    save_as: str

    @property
    def slug(self) -> str:
        """Return the lower-case postal code used in URLs."""
        return self.state.lower()

    @property
    def at_large(self) -> bool:
        """Return True when the state has a single House seat."""
        return len(self.seats) == 1

    def to_json(self, data_date: str) -> dict[str, Any]:
        """Return the contract's /api/v1/states/<ST>.json object."""
        return {
            "state": self.state,
            "name": self.name,
            "kind": self.kind,
            "senators": [m.to_json() for m in self.senators],
            "districts": {
                s.district: (s.member.to_json() if s.member else None) for s in self.seats
            },
            "data_date": data_date,
        }


@dataclass
class Directory:
    """What templates see as `legislators`: every jurisdiction, plus lookups."""

    available: bool
    states: list[StateEntry] = field(default_factory=list)
    reason: str = ""
    url: str = "representatives/"
    data_date: dt.date | None = None
    fetched: dt.date | None = None

    def state(self, code: str) -> StateEntry | None:
        """Return one jurisdiction by postal code (any case), or None."""
        code = code.upper()
        return next((s for s in self.states if s.state == code), None)

    def district(self, district: str) -> Seat | None:
        """Return one House seat by id ("MA-5", "WY-AL"), or None."""
        entry = self.state(district.partition("-")[0])
        if entry is None:
            return None
        return next((s for s in entry.seats if s.district == district.upper()), None)

    @property
    def by_kind(self) -> dict[str, list[StateEntry]]:
        """Return jurisdictions grouped: states, district, territories."""
        groups: dict[str, list[StateEntry]] = {"state": [], "district": [], "territory": []}
        for entry in self.states:
            groups[entry.kind].append(entry)
        return groups

    @property
    def members(self) -> list[Member]:
        """Return every member (senators and House), sorted by bioguide id."""
        found = [m for s in self.states for m in s.senators]
        found += [seat.member for s in self.states for seat in s.seats if seat.member]
        return sorted(found, key=lambda m: m.bioguide)
