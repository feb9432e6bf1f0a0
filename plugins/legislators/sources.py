"""Obtain the data files (local folder, cache or network), parse and validate them.

This is the data stage shared by the Pelican generator and `make data`. It decides
between a local source, a fresh cache and a download, and falls back to the last good
copy when a download fails, is invalid or shrinks suspiciously.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

from .fetch import Cached, Download, FetchError, Policy, download, read_cached, write_cached
from .model import Member
from .settings import LegislatorsSettings
from .validate import LEGISLATORS_FILE, OFFICES_FILE, Report, SetLimits, parse_members
from .zips import HEADER, ZIP_FILE, parse_zips

logger = logging.getLogger(__name__)
LOG = "[legislators]"

OPTIONAL_FILES = (
    "legislators-social-media.json",
    "committees-current.json",
    "committee-membership-current.json",
)
CONGRESS_REQUIRED = (LEGISLATORS_FILE, OFFICES_FILE)
HOW_TO_GET = (
    "run `make data` (downloads into LEGISLATORS_CACHE_PATH), or point LEGISLATORS_SOURCE "
    "at a folder of congress-legislators JSON and LEGISLATORS_ZIP_SOURCE at a zccd.csv, e.g. "
    "make serve LEGISLATORS_SOURCE=../shared/data/congress-legislators "
    "LEGISLATORS_ZIP_SOURCE=../shared/data/zcta-cd/zccd.csv"
)


@dataclass
class Part:
    """One source (the congress files or the ZIP table) after loading."""

    parsed: Any = None
    count: int = 0
    report: Report = field(default_factory=Report)
    sources: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    fetched: dt.date | None = None
    data_date: dt.date | None = None
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class Dataset:
    """Everything the generator needs: members, ZIPs, problems, provenance."""

    available: bool
    reason: str = ""
    members: list[Member] = field(default_factory=list)
    zips: dict[str, list[str]] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    sources: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    fetched: str | None = None
    data_date: str | None = None
    counts: dict[str, int] = field(default_factory=dict)


def policy_of(cfg: LegislatorsSettings) -> Policy:
    """Return the download policy from the settings."""
    return Policy(
        connect_timeout=cfg.connect_timeout,
        read_timeout=cfg.read_timeout,
        deadline=cfg.deadline,
        max_bytes=cfg.max_bytes,
        retries=cfg.retries,
        retry_after_max=cfg.retry_after_max,
    )


# --- parsing ------------------------------------------------------------------------


def _json(name: str, body: bytes, report: Report) -> Any:
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        report.add("set", "", name, f"is not valid JSON ({e})")
        return None


def parse_congress(files: dict[str, bytes], cfg: LegislatorsSettings, report: Report) -> Part:
    """Parse and validate the congress-legislators files."""
    part = Part(report=report)
    legislators = _json(LEGISLATORS_FILE, files[LEGISLATORS_FILE], report)
    offices = _json(OFFICES_FILE, files[OFFICES_FILE], report)
    if legislators is None or offices is None:
        return part
    limits = SetLimits(cfg.set_checks, cfg.count_band, cfg.senators)
    part.parsed = parse_members(
        legislators,
        offices,
        today=cfg.today,
        allowed_hosts=cfg.allowed_hosts,
        limits=limits,
        report=report,
    )
    part.count = len(legislators) if isinstance(legislators, list) else 0
    part.counts["records"] = part.count
    for name in OPTIONAL_FILES:
        if name in files:
            data = _json(name, files[name], Report())
            if isinstance(data, list | dict):
                part.counts[name.removesuffix(".json")] = len(data)
    return part


def parse_zip_table(files: dict[str, bytes], cfg: LegislatorsSettings, report: Report) -> Part:
    """Parse and validate zccd.csv."""
    del cfg
    part = Part(report=report)
    try:
        text = files[ZIP_FILE].decode("utf-8-sig")
    except UnicodeDecodeError as e:
        report.add("set", "", ZIP_FILE, f"is not UTF-8 ({e})")
        return part
    part.parsed = parse_zips(text, report)
    part.count = len(part.parsed)
    return part


Parser = Callable[[dict[str, bytes], LegislatorsSettings, Report], Part]


# --- obtaining ----------------------------------------------------------------------


def _mtime_date(path: Path) -> dt.date:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date()


def _load_local(
    names: dict[str, str],
    required: tuple[str, ...],
    parser: Parser,
    cfg: LegislatorsSettings,
    *,
    setting: str,
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


def _age_days(when: dt.datetime, now: dt.datetime) -> float:
    return (now - when).total_seconds() / 86400


def _load_remote(
    urls: dict[str, str],
    kinds: dict[str, str],
    required: tuple[str, ...],
    parser: Parser,
    cfg: LegislatorsSettings,
    *,
    force: bool,
    now: dt.datetime,
) -> Part:
    """Use the cache if fresh; else download, validate, and keep the last good copy."""
    cache = cfg.cache_path
    cached = {n: c for n in urls if (c := read_cached(cache, n)) is not None}
    have_cache = all(n in cached for n in required)
    if have_cache and not force:
        oldest = min(cached[n].fetched for n in required)
        if _age_days(oldest, now) < cfg.max_age_days:
            return _from_cache(cached, urls, required, parser, cfg)
    # Download (conditional GET when we hold validators).
    fresh: dict[str, Download] = {}
    failure = None
    for name, url in urls.items():
        old = cached.get(name)
        try:
            fresh[name] = download(
                url,
                kind=kinds[name],
                policy=policy_of(cfg),
                etag=old.meta.get("etag") if old else None,
                last_modified=old.meta.get("last_modified") if old else None,
            )
        except FetchError as e:
            if name in required:
                failure = str(e)
                break
            logger.info("%s optional file not refreshed: %s", LOG, e)
    if failure is None:
        files = {
            n: (d.body if d.body is not None else cached[n].body) for n, d in fresh.items()
        } | {n: cached[n].body for n in cached if n not in fresh}
        part = parser(files, cfg, Report())
        previous = _previous_count(cached, required, parser, cfg) if have_cache else None
        if not part.report.set_ok:
            failure = "the download is invalid: " + "; ".join(
                str(p) for p in part.report.of("set", "record")[:5]
            )
        elif previous and part.count < previous * (1 - cfg.max_shrink):
            failure = (
                f"the download shrank suspiciously ({part.count} records, the last good copy "
                f"has {previous})"
            )
        else:
            for name, d in fresh.items():
                old = cached.get(name)
                meta = {
                    "url": d.url,
                    "etag": d.etag or (old.meta.get("etag") if old and d.not_modified else None),
                    "last_modified": d.last_modified
                    or (old.meta.get("last_modified") if old and d.not_modified else None),
                    "fetched": now.isoformat(timespec="seconds"),
                }
                write_cached(cache, name, files[name], meta)
            cached = {n: c for n in urls if (c := read_cached(cache, n)) is not None}
            part.sources = _sources(cached, urls)
            part.fetched = min(cached[n].fetched for n in required).date()
            part.data_date = _data_date(cached[required[0]])
            return part
    if not have_cache:
        return Part(error=f"could not get {', '.join(required)}: {failure}")
    part = _from_cache(cached, urls, required, parser, cfg)
    age = _age_days(min(cached[n].fetched for n in required), now)
    part.warnings.append(
        f"{failure}; using the last good copy in {cache}, fetched {age:.0f} day(s) ago"
    )
    return part


def _previous_count(
    cached: dict[str, Cached], required: tuple[str, ...], parser: Parser, cfg: LegislatorsSettings
) -> int:
    part = parser({n: cached[n].body for n in cached}, cfg, Report())
    return part.count if part.report.set_ok else 0


def _data_date(cached: Cached) -> dt.date:
    modified = cached.meta.get("last_modified")
    if modified:
        try:
            import email.utils

            return email.utils.parsedate_to_datetime(modified).date()
        except (TypeError, ValueError):
            pass
    return cached.fetched.date()


def _sources(cached: dict[str, Cached], urls: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "name": n,
            "url": urls[n],
            "fetched": cached[n].fetched.date().isoformat(),
            "sha256": cached[n].meta.get("sha256"),
        }
        for n in sorted(cached)
    ]


def _from_cache(
    cached: dict[str, Cached],
    urls: dict[str, str],
    required: tuple[str, ...],
    parser: Parser,
    cfg: LegislatorsSettings,
) -> Part:
    part = parser({n: c.body for n, c in cached.items()}, cfg, Report())
    part.sources = _sources(cached, urls)
    part.fetched = min(cached[n].fetched for n in required).date()
    part.data_date = _data_date(cached[required[0]])
    return part


def load_part(cfg: LegislatorsSettings, which: str, *, force: bool, now: dt.datetime) -> Part:
    """Load the congress files ("congress") or the ZIP table ("zip") from their source."""
    if which == "congress":
        names = (*CONGRESS_REQUIRED, *OPTIONAL_FILES)
        kinds = dict.fromkeys(names, "json")
        required, parser, source = CONGRESS_REQUIRED, parse_congress, cfg.source
        setting = "LEGISLATORS_SOURCE"
        if cfg.source_is_url:
            base = source if source.endswith("/") else source + "/"
            locations = {n: base + n for n in names}
        else:
            locations = {n: str(Path(source) / n) for n in names}
    else:
        kinds = {ZIP_FILE: "csv:" + ",".join(HEADER)}
        required, parser, source = (ZIP_FILE,), parse_zip_table, cfg.zip_source
        setting = "LEGISLATORS_ZIP_SOURCE"
        locations = {ZIP_FILE: source}
    if cfg.source_is_url if which == "congress" else cfg.zip_source_is_url:
        return _load_remote(locations, kinds, required, parser, cfg, force=force, now=now)
    path = Path(source)
    if which == "congress" and not path.is_dir():
        return Part(error=f"{setting} is {source!r}, which is neither a URL nor a folder")
    return _load_local(locations, required, parser, cfg, setting=setting)


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
    warnings = congress.warnings + zips.warnings
    if errors:
        return Dataset(False, reason="; ".join(errors), report=report, warnings=warnings)
    if not report.set_ok or congress.parsed is None or zips.parsed is None:
        bad = report.of("set", "record")
        reason = "the data is invalid: " + "; ".join(str(p) for p in bad[:10])
        if len(bad) > 10:
            reason += f"; and {len(bad) - 10} more"
        return Dataset(False, reason=reason, report=report, warnings=warnings)
    assert congress.fetched and zips.fetched and congress.data_date
    fetched = min(congress.fetched, zips.fetched)
    counts = {
        **{k: v for k, v in congress.counts.items() if k != "records"},
        "zctas": len(zips.parsed),
    }
    return Dataset(
        True,
        members=congress.parsed,
        zips=zips.parsed,
        report=report,
        sources=congress.sources + zips.sources,
        warnings=warnings,
        fetched=fetched.isoformat(),
        data_date=congress.data_date.isoformat(),
        counts=counts,
    )
