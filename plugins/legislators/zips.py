"""Parse the ZCTA-to-district table (zccd.csv) into per-prefix shards."""

from __future__ import annotations

from collections import defaultdict
import csv
import io
import re

from .model import STATE_NAMES, district_id, seats_of
from .validate import Report

ZIP_FILE = "zccd.csv"
HEADER = ["state_fips", "state_abbr", "zcta", "cd"]
ZCTA = re.compile(r"[0-9]{5}")
# A table with more bad rows than this share is a bad set, not a few bad fields.
MAX_BAD_SHARE = 0.01


def district_sort_key(district: str) -> tuple[str, int]:
    """Sort "MA-5" before "MA-10"; at-large ("WY-AL") as 0."""
    state, _, number = district.partition("-")
    return state, 0 if number == "AL" else int(number)


def parse_zips(text: str, report: Report) -> dict[str, list[str]]:
    """Return ZCTA → sorted district ids; bad rows are dropped and reported."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or [h.strip().lstrip("\ufeff") for h in header] != HEADER:
        report.add("set", "", ZIP_FILE, f"header is {header!r}, expected {','.join(HEADER)}")
        return {}
    found: dict[str, set[str]] = defaultdict(set)
    rows = bad = 0
    for line, row in enumerate(reader, start=2):
        if not row:
            continue
        rows += 1
        why = None
        if len(row) != 4:
            why = f"has {len(row)} columns, expected 4"
        else:
            _fips, state, zcta, cd = (c.strip() for c in row)
            if state not in STATE_NAMES:
                why = f"state {state!r} is not a state or territory code"
            elif not ZCTA.fullmatch(zcta):
                why = f"zcta {zcta!r} is not 5 digits"
            elif not cd.isdigit():
                why = f"cd {cd!r} is not a whole number"
            else:
                number, seats = int(cd), seats_of(state)
                if (seats == 1 and number > 1) or (seats > 1 and not 1 <= number <= seats):
                    why = f"cd {cd} is not a district of {state} (1-{seats}, 0 for at-large)"
                else:
                    found[zcta].add(district_id(state, number))
        if why:
            bad += 1
            if bad <= 20:
                report.add("field", "", f"{ZIP_FILE}:{line}", f"{why}; row dropped")
    if rows == 0:
        report.add("set", "", ZIP_FILE, "has no rows")
    elif bad > max(20, rows * MAX_BAD_SHARE):
        report.add("set", "", ZIP_FILE, f"{bad} of {rows} rows are malformed")
    elif bad > 20:
        report.add("field", "", ZIP_FILE, f"{bad - 20} more malformed rows dropped")
    return {z: sorted(d, key=district_sort_key) for z, d in found.items()}


def shard(zips: dict[str, list[str]]) -> dict[str, dict[str, list[str]]]:
    """Group ZCTAs by their first three digits."""
    shards: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for zcta in sorted(zips):
        shards[zcta[:3]][zcta] = zips[zcta]
    return dict(shards)
