"""Parse the ZCTA-to-district table (zccd.csv) into per-prefix shards."""

from __future__ import annotations

from collections import defaultdict

from .places import STATE_NAMES, district_id, seats_of
from .report import Report

ZIP_FILE = "zccd.csv"
HEADER = ["state_fips", "state_abbr", "zcta", "cd"]
# A table with more bad rows than this share is a bad set, not a few bad fields.
MAX_BAD_SHARE = 0.01


def district_sort_key(district: str) -> tuple[str, int]:
    """Sort "MA-5" before "MA-10"; at-large ("WY-AL") as 0."""
    state, _, number = district.partition("-")
    return state, 0 if number == "AL" else int(number)


def _seat(state: str, cd: str) -> tuple[str | None, str | None]:
    """Return (district id, None) for a state and cd column, else (None, why)."""
    if state not in STATE_NAMES:
        return None, f"state {state!r} is not a state or territory code"
    if not cd.isdigit():
        return None, f"cd {cd!r} is not a whole number"
    number, seats = int(cd), seats_of(state)
    if (seats == 1 and number > 1) or (seats > 1 and not 1 <= number <= seats):
        return None, f"cd {cd} is not a district of {state} (1-{seats}, 0 for at-large)"
    return district_id(state, number), None


def parse_zips(text: str, report: Report) -> dict[str, list[str]]:
    """Return ZCTA → sorted district ids; bad rows are dropped and reported."""
    # The file is plain comma-separated values without quoting; a quoted or odd row
    # simply fails the checks below and is reported.
    lines = text.lstrip("\ufeff").splitlines()
    header = lines[0].split(",") if lines else None
    if header is None or [h.strip() for h in header] != HEADER:
        report.add("set", "", ZIP_FILE, f"header is {header!r}, expected {','.join(HEADER)}")
        return {}
    found: dict[str, list[str]] = {}
    seats: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    rows = bad = 0
    for line, raw in enumerate(lines[1:], start=2):
        if not raw.strip():
            continue
        row = raw.split(",")
        rows += 1
        if len(row) != 4:
            why: str | None = f"has {len(row)} columns, expected 4"
        else:
            state, zcta, cd = row[1], row[2], row[3]
            key = (state, cd)
            seat, why = seats[key] if key in seats else seats.setdefault(key, _seat(state, cd))
            if seat is not None:
                if len(zcta) == 5 and zcta.isascii() and zcta.isdigit():
                    have = found.setdefault(zcta, [])
                    if seat not in have:
                        have.append(seat)
                else:
                    why = f"zcta {zcta!r} is not 5 digits"
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
    for districts in found.values():
        if len(districts) > 1:
            districts.sort(key=district_sort_key)
    return found


# The Census ZCTA table has no rows for four territories. Their ZIP codes are known USPS
# ranges (USPS, ZIP codes of the U.S. territories; ranges as listed by the campaign, issue
# 14): American Samoa 96799; Guam 96910-96932; Northern Mariana Islands 96950-96952;
# U.S. Virgin Islands 00801-00851. Each territory has one delegate ("XX-AL").
TERRITORY_ZIPS: dict[str, tuple[int, int]] = {
    "AS": (96799, 96799),
    "GU": (96910, 96932),
    "MP": (96950, 96952),
    "VI": (801, 851),
}
# Military and diplomatic mail (APO/FPO/DPO) ZIP prefixes: AE 090-098, AA 340, AP 962-966.
# They belong to no district: the visitor is asked for the ZIP of their U.S. voting address.
MILITARY_PREFIXES: tuple[str, ...] = (
    *(f"{n:03d}" for n in range(90, 99)), "340", *(str(n) for n in range(962, 967))
)


def add_territories(zips: dict[str, list[str]]) -> dict[str, list[str]]:
    """Add the territories' USPS ZIP codes the ZCTA table lacks (a ZCTA row wins)."""
    found = dict(zips)
    for state, (low, high) in TERRITORY_ZIPS.items():
        for number in range(low, high + 1):
            found.setdefault(f"{number:05d}", [f"{state}-AL"])
    return found


def shard(zips: dict[str, list[str]]) -> dict[str, dict[str, list[str]]]:
    """Group ZCTAs by their first three digits."""
    shards: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for zcta in sorted(zips):
        shards[zcta[:3]][zcta] = zips[zcta]
    return dict(shards)
