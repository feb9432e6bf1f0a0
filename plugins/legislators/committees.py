"""Committees of Congress and who sits on them (committees-current.json and its members).

A committee's id is its `thomas_id` ("SSAP": Senate Appropriations); a subcommittee's is
the parent's id and its own ("SSAP20": State, Foreign Operations, and Related Programs).
Actions name the committees with jurisdiction over their ask by these ids; the letter to
a member who sits on one gains the line written for it.
"""

from __future__ import annotations

from collections.abc import Mapping
import json
from pathlib import Path
from typing import Any

from .values import BIOGUIDE

COMMITTEES_FILE = "committees-current.json"
MEMBERSHIP_FILE = "committee-membership-current.json"


def names(data: Any) -> dict[str, str]:
    """Map every committee and subcommittee id to its name (from committees-current.json)."""
    found: dict[str, str] = {}
    if not isinstance(data, list):
        return found
    for committee in data:
        if not isinstance(committee, Mapping) or not isinstance(committee.get("thomas_id"), str):
            continue
        parent = committee["thomas_id"]
        found[parent] = str(committee.get("name", parent))
        for sub in committee.get("subcommittees") or ():
            if isinstance(sub, Mapping) and isinstance(sub.get("thomas_id"), str):
                found[parent + sub["thomas_id"]] = (
                    f"{found[parent]}, Subcommittee on {sub.get('name', sub['thomas_id'])}"
                )
    return found


def memberships(data: Any) -> dict[str, set[str]]:
    """Map bioguide id -> the ids of the committees the member sits on."""
    seats: dict[str, set[str]] = {}
    if not isinstance(data, Mapping):
        return seats
    for committee, members in data.items():
        for member in members if isinstance(members, list) else ():
            bioguide = member.get("bioguide") if isinstance(member, Mapping) else None
            if isinstance(bioguide, str) and BIOGUIDE.fullmatch(bioguide):
                seats.setdefault(bioguide, set()).add(str(committee))
    return seats


def read_names(source: str, cache: Path, source_is_url: bool) -> dict[str, str] | None:
    """Committee names from the local source or the last good copy (never the network).

    None when neither is there yet (a first build from a URL): the ids are checked after
    the build's data stage has downloaded them.
    """
    path = cache / COMMITTEES_FILE if source_is_url else Path(source) / COMMITTEES_FILE
    try:
        return names(json.loads(path.read_text(encoding="utf-8-sig")))
    except (OSError, ValueError):
        return None
