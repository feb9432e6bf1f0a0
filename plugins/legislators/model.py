"""Domain records: members, offices, seats and the directory templates see."""

from __future__ import annotations

from dataclasses import dataclass, field
import datetime as dt
from typing import Any

from .places import (
    OFFICIAL_LISTS,
    STATE_NAMES,
    SWITCHBOARD,
    full_seat_label,
    seat_label,
    state_name,
)


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
    last_name: str
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
    term_start: str
    term_end: str
    congress: int
    gender: str | None = None  # "F" | "M" as in the data (Spanish titles: Senadora)
    state_rank: str | None = None
    senate_class: int | None = None
    # A contact page `make data` found on the member's own site, and the day it was found.
    contact_page: str | None = None
    contact_page_found: str | None = None
    # The day the member took office, when the seat changed hands recently.
    took_office: str | None = None
    # Committees (thomas ids) the member sits on, of those the actions name.
    committees: tuple[str, ...] = ()
    # The prefilled link to report a wrong detail (corrections.py).
    report_url: str | None = None

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
        """Return the contact form, else a contact page found, else the website, else None."""
        return self.contact_form or self.contact_page or self.website

    @property
    def official_list(self) -> str:
        """Return the chamber's official member list (for out-of-date seats)."""
        return OFFICIAL_LISTS[self.chamber]

    @property
    def seat(self) -> str:
        """Return the seat's id: "MA-7", "WY-AL", or "MA-senate" for a senator."""
        return self.district or f"{self.state}-senate"

    @property
    def seat_label(self) -> str:
        """Return e.g. "7th district", "At large" or "Senator for Massachusetts"."""
        if self.chamber == "senate":
            return f"Senator for {STATE_NAMES[self.state]}"
        assert self.district is not None
        return seat_label(self.district)

    @property
    def place_label(self) -> str:
        """Return what the member represents: "Massachusetts's 7th district", "Massachusetts"."""
        return self.place_label_in("en")

    def place_label_in(self, lang: str) -> str:
        """Return what the member represents, in `lang` (the directory's Spanish pages)."""
        if self.chamber == "senate" or self.district is None:
            return state_name(self.state, lang)
        return full_seat_label(self.district, lang)

    def to_json(self) -> dict[str, Any]:
        """Return the contract's member object."""
        return {
            "bioguide": self.bioguide,
            "name": self.name,
            "last_name": self.last_name,
            "title": self.title,
            "gender": self.gender,
            "chamber": self.chamber,
            "state": self.state,
            "district": self.district,
            "seat_label": self.place_label,
            "party": self.party,
            "phone": self.phone,
            "address": self.address,
            "website": self.website,
            "contact_form": self.contact_form,
            "contact_page": self.contact_page,
            "contact_page_found": self.contact_page_found,
            "offices": [o.to_json() for o in self.offices],
            "status": self.status,
            "term_start": self.term_start,
            "term_end": self.term_end,
            "took_office": self.took_office,
            "committees": list(self.committees),
            "report_url": self.report_url,
        }


@dataclass(frozen=True, slots=True)
class Seat:
    """One House seat: its id and member, or None when vacant."""

    district: str
    member: Member | None

    @property
    def label(self) -> str:
        """Return a short label for the seat ("5th district")."""
        return seat_label(self.district)

    @property
    def full_label(self) -> str:
        """Return the label with the state ("Massachusetts's 5th district")."""
        return full_seat_label(self.district)

    def full_label_in(self, lang: str) -> str:
        """Return the label with the state in `lang` ("Distrito 5 de Massachusetts")."""
        return full_seat_label(self.district, lang)

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
    # The House members cannot be found by ZIP: the state drew new districts after the
    # ZIP table's Congress (LEGISLATORS_NEW_MAPS). Then this says for which Congress.
    new_maps_congress: int | None = None

    @property
    def slug(self) -> str:
        """Return the lower-case postal code used in URLs."""
        return self.state.lower()

    @property
    def at_large(self) -> bool:
        """Return True when the state has a single House seat."""
        return len(self.seats) == 1

    def name_in(self, lang: str) -> str:
        """Return the jurisdiction's name in `lang`."""
        return state_name(self.state, lang)

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
            "labels": {s.district: s.full_label for s in self.seats},
            # The same in Spanish, for the Spanish pages (/es/): the browser picks by language.
            "name_es": state_name(self.state, "es"),
            "labels_es": {s.district: s.full_label_in("es") for s in self.seats},
            "house_by_zip": self.new_maps_congress is None,
            "new_maps_congress": self.new_maps_congress,
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
    members_congress: int | None = None
    zip_congress: int | None = None
    # True when most members' terms have ended: a new Congress began, the data is old.
    out_of_date: bool = False

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

    @property
    def redistricted(self) -> list[StateEntry]:
        """Return the states whose House members cannot be found by ZIP in this build."""
        return [s for s in self.states if s.new_maps_congress is not None]

