"""A source that is a URL: the cache when fresh, else a download, else the last good copy.

A download is validated as a whole set before it replaces anything. A failed, invalid or
suspiciously smaller download leaves the last good copy in place, and the build uses it
with a notice saying why and how old it is: an upstream outage never stops a build that
has a usable copy (a strict build still refuses one older than LEGISLATORS_STALE_DAYS).
"""

from __future__ import annotations

from collections.abc import Callable
import datetime as dt
import email.utils
import logging
from typing import Any

from .dataset import Part
from .fetch import Download, FetchError, Policy, download
from .report import Report
from .settings import LegislatorsSettings
from .store import Cached, read_cached, write_cached

logger = logging.getLogger(__name__)


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


def age_days(when: dt.datetime, now: dt.datetime) -> float:
    """Return how many days ago `when` was."""
    return (now - when).total_seconds() / 86400


def data_date(cached: Cached) -> dt.date:
    """Return the Last-Modified date of a cached copy, else the day it was fetched."""
    modified = cached.meta.get("last_modified")
    if modified:
        try:
            return email.utils.parsedate_to_datetime(modified).date()
        except (TypeError, ValueError):
            pass
    return cached.fetched.date()


def sources_of(cached: dict[str, Cached], urls: dict[str, str]) -> list[dict[str, Any]]:
    """Return the published description of each cached file."""
    return [
        {
            "name": n,
            "url": urls[n],
            "fetched": cached[n].fetched.date().isoformat(),
            "sha256": cached[n].meta.get("sha256"),
        }
        for n in sorted(cached)
    ]


Parser = Callable[[dict[str, bytes], LegislatorsSettings, Report], Part]
OnReplace = Callable[[Part, Part], None]


def _from_cache(cached: dict[str, Cached], urls: dict[str, str], required: tuple[str, ...],
                parser: Parser, cfg: LegislatorsSettings) -> Part:
    part = parser({n: c.body for n, c in cached.items()}, cfg, Report())
    part.sources = sources_of(cached, urls)
    part.fetched = min(cached[n].fetched for n in required).date()
    part.data_date = data_date(cached[required[0]])
    return part


def _download_all(
    urls: dict[str, str], kinds: dict[str, str], required: tuple[str, ...],
    cached: dict[str, Cached], cfg: LegislatorsSettings,
) -> tuple[dict[str, Download], str | None]:
    """Download every file (conditional GET); return them, or why a required one failed."""
    fresh: dict[str, Download] = {}
    for name, url in urls.items():
        old = cached.get(name)
        try:
            fresh[name] = download(
                url, kind=kinds[name], policy=policy_of(cfg),
                etag=old.meta.get("etag") if old else None,
                last_modified=old.meta.get("last_modified") if old else None,
            )
        except FetchError as e:
            if name in required:
                return fresh, str(e)
            logger.info("[legislators] optional file not refreshed: %s", e)
    return fresh, None


def _store(
    fresh: dict[str, Download], files: dict[str, bytes], cached: dict[str, Cached],
    cfg: LegislatorsSettings, now: dt.datetime,
) -> None:
    """Write the validated set into the cache, with its HTTP validators."""
    for name, d in fresh.items():
        old = cached.get(name)
        keep = old is not None and d.not_modified
        meta = {
            "url": d.url,
            "etag": d.etag or (old.meta.get("etag") if keep and old else None),
            "last_modified": d.last_modified
            or (old.meta.get("last_modified") if keep and old else None),
            "fetched": now.isoformat(timespec="seconds"),
        }
        write_cached(cfg.cache_path, name, files[name], meta)


def load_remote(
    urls: dict[str, str],
    kinds: dict[str, str],
    required: tuple[str, ...],
    parser: Parser,
    cfg: LegislatorsSettings,
    *,
    force: bool,
    now: dt.datetime,
    on_replace: OnReplace | None = None,
) -> Part:
    """Use the cache if fresh; else download, validate, and keep the last good copy.

    `on_replace(old, new)` is called with the parsed last good copy and the new set when
    a download replaces the cache (the history of changes is recorded there).
    """
    cache = cfg.cache_path
    cached = {n: c for n in urls if (c := read_cached(cache, n)) is not None}
    have_cache = all(n in cached for n in required)
    if have_cache and not force and age_days(
        min(cached[n].fetched for n in required), now
    ) < cfg.max_age_days:
        return _from_cache(cached, urls, required, parser, cfg)
    fresh, failure = _download_all(urls, kinds, required, cached, cfg)
    if failure is None:
        files = {n: (d.body if d.body is not None else cached[n].body) for n, d in fresh.items()}
        files |= {n: cached[n].body for n in cached if n not in fresh}
        part = parser(files, cfg, Report())
        previous = parser({n: c.body for n, c in cached.items()}, cfg, Report()) \
            if have_cache else None
        old_count = previous.count if previous is not None and previous.report.set_ok else 0
        if not part.report.set_ok:
            failure = "the download is invalid: " + "; ".join(
                str(p) for p in part.report.of("set", "record")[:5]
            )
        elif old_count and part.count < old_count * (1 - cfg.max_shrink):
            failure = (f"the download shrank suspiciously ({part.count} records, the last good "
                       f"copy has {old_count})")
        else:
            _store(fresh, files, cached, cfg, now)
            if on_replace is not None and old_count:
                on_replace(previous, part)
            return _from_cache(
                {n: c for n in urls if (c := read_cached(cache, n)) is not None},
                urls, required, parser, cfg,
            )
    if not have_cache:
        return Part(error=f"could not get {', '.join(required)}: {failure}")
    part = _from_cache(cached, urls, required, parser, cfg)
    part.fallback = (failure or "", age_days(min(cached[n].fetched for n in required), now))
    return part
