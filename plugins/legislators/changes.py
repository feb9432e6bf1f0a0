"""What changed between two copies of the data, kept as a history in the cache folder.

Each time a download replaces the last good copy, the two are compared: seats that changed
hands (a new member, a vacancy filled or opened), members added or gone, and changed phones,
websites, contact forms, addresses and offices. The history (newest first) is published as
/api/v1/changes.json and /representatives/changes/, and a member who took a seat recently
gets "Took office on …" on their card.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
import datetime as dt
import json
from pathlib import Path
from typing import Any

from .model import Member
from .store import atomic_write

HISTORY_FILE = "changes.json"
#: The history keeps this many entries (the newest).
KEEP = 2000
DETAILS = ("phone", "website", "contact_form", "address")


def seat_of(member: Member) -> str:
    """Return a seat id that survives a change of holder: "MA-7", "MA-senate-2"."""
    if member.chamber == "house":
        return member.seat
    return f"{member.state}-senate-{member.senate_class or member.bioguide}"


def _who(member: Member | None) -> dict[str, str] | None:
    return None if member is None else {"bioguide": member.bioguide, "name": member.name}


def _entry(
    day: dt.date, kind: str, seat: str, member: Member | None, *, old: Any, new: Any
) -> dict[str, Any]:
    return {
        "date": day.isoformat(), "kind": kind, "seat": seat,
        "bioguide": member.bioguide if member else None,
        "name": member.name if member else None, "old": old, "new": new,
    }


def compare(old: Sequence[Member], new: Sequence[Member], day: dt.date) -> list[dict[str, Any]]:
    """Return the changes from `old` to `new` members, in a stable order."""
    old_seats = {seat_of(m): m for m in old}
    new_seats = {seat_of(m): m for m in new}
    found: list[dict[str, Any]] = []
    for seat in sorted(set(old_seats) | set(new_seats)):
        before, after = old_seats.get(seat), new_seats.get(seat)
        if (before and before.bioguide) != (after and after.bioguide):
            found.append(_entry(day, "seat", seat, after or before, old=_who(before),
                                new=_who(after)))
    old_ids = {m.bioguide: m for m in old}
    new_ids = {m.bioguide: m for m in new}
    for bioguide in sorted(set(new_ids) - set(old_ids)):
        member = new_ids[bioguide]
        found.append(_entry(day, "member_added", seat_of(member), member, old=None,
                            new=member.name))
    for bioguide in sorted(set(old_ids) - set(new_ids)):
        member = old_ids[bioguide]
        found.append(_entry(day, "member_gone", seat_of(member), member, old=member.name,
                            new=None))
    for bioguide in sorted(set(old_ids) & set(new_ids)):
        before, after = old_ids[bioguide], new_ids[bioguide]
        for detail in DETAILS:
            if getattr(before, detail) != getattr(after, detail):
                found.append(_entry(day, detail, seat_of(after), after,
                                    old=getattr(before, detail), new=getattr(after, detail)))
        if before.offices != after.offices:
            found.append(_entry(day, "offices", seat_of(after), after,
                                old=[o.to_json() for o in before.offices],
                                new=[o.to_json() for o in after.offices]))
    return found


def read_history(folder: Path) -> list[dict[str, Any]]:
    """Return the recorded changes, newest first (empty when there is no history)."""
    try:
        data = json.loads((folder / HISTORY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in data if isinstance(e, dict)] if isinstance(data, list) else []


def record(folder: Path, changes: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Put new changes in front of the history and write it atomically; return the history."""
    new = list(changes)
    history = (new + read_history(folder))[:KEEP]
    if new:
        atomic_write(folder / HISTORY_FILE, (json.dumps(
            history, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8"))
    return history


def recent_arrivals(
    history: Iterable[dict[str, Any]], members: Iterable[Member], today: dt.date, days: int
) -> dict[str, str]:
    """Map bioguide -> term start, for members whose seat changed hands in the last `days`."""
    since = today - dt.timedelta(days=days)
    arrived = set()
    for entry in history:
        try:
            when = dt.date.fromisoformat(str(entry.get("date")))
        except ValueError:
            continue
        new = entry.get("new")
        if entry.get("kind") == "seat" and since <= when <= today and isinstance(new, dict):
            arrived.add(new.get("bioguide"))
    return {m.bioguide: m.term_start for m in members if m.bioguide in arrived}
