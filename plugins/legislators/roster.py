"""The whole set of members: every record parsed, then checked as a set.

Duplicate ids, two members for one seat, three senators for a state, and counts outside
the expected band make the set unusable (a bad *set*): it is never published.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
import datetime as dt
from typing import Any

from .members import parse_member
from .model import Member
from .report import Report
from .values import BIOGUIDE

LEGISLATORS_FILE = "legislators-current.json"
OFFICES_FILE = "legislators-district-offices.json"


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
