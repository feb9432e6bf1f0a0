"""Obtain the data files (local folder, cache or network), parse and validate them.

This is the data stage shared by the Pelican generator and `make data`. It decides between
a local source and a URL (remote.py: the cache, a download, or the last good copy), then
puts members, ZIP areas, committees and provenance together as one `Dataset`.
"""

from __future__ import annotations

from dataclasses import replace
import datetime as dt
import json
from pathlib import Path
from typing import Any

from . import changes, committees, contact_pages
from .dataset import Dataset, Part
from .places import congress_of
from .remote import load_remote
from .report import Report
from .roster import LEGISLATORS_FILE, OFFICES_FILE, SetLimits, parse_members
from .settings import LegislatorsSettings
from .zips import HEADER, ZIP_FILE, add_territories, parse_zips

OPTIONAL_FILES = (
    "legislators-social-media.json",
    committees.COMMITTEES_FILE,
    committees.MEMBERSHIP_FILE,
)
CONGRESS_REQUIRED = (LEGISLATORS_FILE, OFFICES_FILE)


def _json(name: str, body: bytes, report: Report) -> Any:
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        report.add("set", "", name, f"is not valid JSON ({e})")
        return None


def parse_congress(files: dict[str, bytes], cfg: LegislatorsSettings, report: Report) -> Part:
    """Parse and validate the congress-legislators files."""
    part = Part(report=report)
    if any(name not in files for name in CONGRESS_REQUIRED):
        report.add("set", "", LEGISLATORS_FILE, "is missing")
        return part
    legislators = _json(LEGISLATORS_FILE, files[LEGISLATORS_FILE], report)
    offices = _json(OFFICES_FILE, files[OFFICES_FILE], report)
    if legislators is None or offices is None:
        return part
    part.parsed = parse_members(
        legislators, offices, today=cfg.today, allowed_hosts=cfg.allowed_hosts,
        limits=SetLimits(cfg.set_checks, cfg.count_band, cfg.senators), report=report,
    )
    part.count = len(legislators) if isinstance(legislators, list) else 0
    for name in OPTIONAL_FILES:
        if name in files:
            data = _json(name, files[name], Report())
            if isinstance(data, list | dict):
                part.counts[name.removesuffix(".json")] = len(data)
                part.extras[name] = data
    return part


def parse_zip_table(files: dict[str, bytes], cfg: LegislatorsSettings, report: Report) -> Part:
    """Parse and validate zccd.csv."""
    del cfg
    part = Part(report=report)
    try:
        text = files[ZIP_FILE].decode("utf-8-sig") if ZIP_FILE in files else ""
    except UnicodeDecodeError as e:
        report.add("set", "", ZIP_FILE, f"is not UTF-8 ({e})")
        return part
    part.parsed = parse_zips(text, report)
    part.count = len(part.parsed)
    return part


def _mtime_date(path: Path) -> dt.date:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date()


def load_local(
    names: dict[str, str], required: tuple[str, ...], parser: Any, cfg: LegislatorsSettings,
    *, setting: str,
) -> Part:
    """Read files straight from a folder (no cache) and validate them."""
    files: dict[str, bytes] = {}
    sources = []
    for name, path in names.items():
        p = Path(path)
        if not p.is_file():
            if name in required:
                where = f"{p} does not exist" if name == ZIP_FILE else f"{p} has no {name}"
                return Part(error=f"{setting}: {where}")
            continue
        files[name] = p.read_bytes()
        # A local copy: no URL, and no local path published (it says nothing to visitors).
        sources.append(
            {"name": name, "url": None, "local": True, "fetched": _mtime_date(p).isoformat()}
        )
    part = parser(files, cfg, Report())
    part.sources = sources
    part.fetched = part.data_date = min(_mtime_date(Path(names[n])) for n in required)
    return part


def load_part(cfg: LegislatorsSettings, which: str, *, force: bool, now: dt.datetime) -> Part:
    """Load the congress files ("congress") or the ZIP table ("zip") from their source."""
    if which == "congress":
        names = (*CONGRESS_REQUIRED, *OPTIONAL_FILES)
        kinds = dict.fromkeys(names, "json")
        required, parser, source, is_url = CONGRESS_REQUIRED, parse_congress, cfg.source, \
            cfg.source_is_url
        setting = "LEGISLATORS_SOURCE"
        if is_url:
            base = source if source.endswith("/") else source + "/"
            locations = {n: base + n for n in names}
        else:
            locations = {n: str(Path(source) / n) for n in names}
    else:
        kinds = {ZIP_FILE: "csv:" + ",".join(HEADER)}
        required, parser, source, is_url = (ZIP_FILE,), parse_zip_table, cfg.zip_source, \
            cfg.zip_source_is_url
        setting = "LEGISLATORS_ZIP_SOURCE"
        locations = {ZIP_FILE: source}
    if is_url:
        on_replace = _record_changes(cfg) if which == "congress" else None
        return load_remote(locations, kinds, required, parser, cfg, force=force, now=now,
                           on_replace=on_replace)
    if which == "congress" and not Path(source).is_dir():
        return Part(error=f"{setting} is {source!r}, which is neither a URL nor a folder")
    return load_local(locations, required, parser, cfg, setting=setting)


def _record_changes(cfg: LegislatorsSettings) -> Any:
    """Record what changed, dated with the build's "today" (SOURCE_DATE_EPOCH when set)."""
    def record(old: Part, new: Part) -> None:
        changes.record(cfg.cache_path, changes.compare(old.parsed, new.parsed, cfg.today))
    return record


def members_congress(members: list[Any]) -> int | None:
    """Return the Congress the House members belong to (the newest among them)."""
    house = [m.congress for m in members if m.chamber == "house"]
    return max(house) if house else None


def enrich(members: list[Any], cfg: LegislatorsSettings, extras: dict[str, Any]) -> list[Any]:
    """Add what other files know: contact pages found, recent arrivals, committees."""
    found = contact_pages.read(cfg.cache_path, cfg.allowed_hosts)
    arrived = changes.recent_arrivals(changes.read_history(cfg.cache_path), members,
                                      cfg.today, cfg.recent_days)
    seats = committees.memberships(extras.get(committees.MEMBERSHIP_FILE))
    out = []
    for m in members:
        page = found.get(m.bioguide) if m.chamber == "house" and not m.contact_form else None
        if page is not None and not contact_pages.same_site(page["url"], m.website):
            page = None
        out.append(replace(
            m,
            contact_page=page["url"] if page else None,
            contact_page_found=page["found"] if page else None,
            took_office=arrived.get(m.bioguide),
            committees=tuple(sorted(seats.get(m.bioguide, ()))),
        ))
    return out


def fallback_notice(cfg: LegislatorsSettings, *parts: Part) -> list[str]:
    """One notice for the whole build when a download failed and the last good copy stood in."""
    fell = [p.fallback for p in parts if p.fallback is not None]
    if not fell:
        return []
    reasons = "; ".join(reason for reason, _age in fell)
    age = max(age for _reason, age in fell)
    return [f"the download failed ({reasons}); using the last good copy in {cfg.cache_path}, "
            f"fetched {age:.0f} day(s) ago"]


def load(
    cfg: LegislatorsSettings, *, force: bool = False, now: dt.datetime | None = None
) -> Dataset:
    """Run the data stage: obtain, parse and validate both sources."""
    now = now or dt.datetime.now(dt.UTC)
    congress = load_part(cfg, "congress", force=force, now=now)
    zips = load_part(cfg, "zip", force=force, now=now)
    report = Report()
    for part in (congress, zips):
        report.problems.extend(part.report.problems)
    errors = [p.error for p in (congress, zips) if p.error]
    notices = fallback_notice(cfg, congress, zips)
    if errors:
        return Dataset(False, reason="; ".join(errors), report=report, notices=notices)
    if not report.set_ok or congress.parsed is None or zips.parsed is None:
        bad = report.of("set", "record")
        reason = "the data is invalid: " + "; ".join(str(p) for p in bad[:10])
        if len(bad) > 10:
            reason += f"; and {len(bad) - 10} more"
        return Dataset(False, reason=reason, report=report, notices=notices)
    assert congress.fetched and zips.fetched and congress.data_date
    counts = {**congress.counts, "zctas": len(zips.parsed)}
    members = enrich(congress.parsed, cfg, congress.extras)
    return Dataset(
        True,
        members=members,
        zips=add_territories(zips.parsed),
        report=report,
        sources=congress.sources + zips.sources,
        notices=notices,
        fetched=min(congress.fetched, zips.fetched).isoformat(),
        data_date=congress.data_date.isoformat(),
        counts=counts,
        members_congress=members_congress(members) or congress_of(cfg.today),
        extras=congress.extras,
    )
