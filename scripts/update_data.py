"""Refresh the legislator data cache (`make data`): download, validate, keep the last good copy.

Usage: python scripts/update_data.py [--settings pelicanconf.py] [--check]

Reads LEGISLATORS_* from the settings file (LEGISLATORS_SOURCE and LEGISLATORS_ZIP_SOURCE
can be overridden by environment variables of the same name). Downloads every file even if
the cache is fresh (conditional GET: unchanged files cost a 304), validates the set and
only then replaces the cache. Exit status: 0 when fresh valid data is in place, 1 when the
data is unavailable or invalid, 2 when the download failed and the last good copy was kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
from pathlib import Path
import sys
import time

from pelican.settings import read_settings

from legislators import changes, contact_pages
from legislators.remote import policy_of
from legislators.settings import HOW_TO_GET, LegislatorsSettings
from legislators.sources import load
from pluginkit import SiteError

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Run the data stage once and print what happened."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument(
        "--check", action="store_true", help="validate the cache/source; do not force a download"
    )
    parser.add_argument(
        "--no-contact-pages", action="store_true",
        help="do not look for House members' contact pages on their websites",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        cfg = LegislatorsSettings.from_pelican(read_settings(args.settings))
    except SiteError as e:
        print(e, file=sys.stderr)
        return 1
    for label, value, is_url in (
        ("LEGISLATORS_SOURCE", cfg.source, cfg.source_is_url),
        ("LEGISLATORS_ZIP_SOURCE", cfg.zip_source, cfg.zip_source_is_url),
    ):
        how = "download into " + str(cfg.cache_path) if is_url else "local, read directly"
        print(f"{label} = {value} ({how})")
    started = time.perf_counter()
    before = len(changes.read_history(cfg.cache_path))
    data = load(cfg, force=not args.check, now=dt.datetime.now(dt.UTC))
    elapsed = time.perf_counter() - started
    for problem in data.report.sorted():
        print(f"  {problem.level}: {problem}")
    for notice in data.notices:
        print(f"NOTICE: {notice}", file=sys.stderr)
    if not data.available:
        print(f"ERROR: contact data is unavailable: {data.reason}", file=sys.stderr)
        print(f"To get it, {HOW_TO_GET}", file=sys.stderr)
        return 1
    print(
        f"OK: {len(data.members)} members, {len(data.zips)} ZCTAs, data dated {data.data_date}, "
        f"fetched {data.fetched} ({elapsed:.1f} s)"
    )
    for source in data.sources:
        where = source["url"] or "local copy"
        print(f"  {source['name']}: {where} (fetched {source['fetched']})")
    recorded = len(changes.read_history(cfg.cache_path)) - before
    print(f"  {recorded} change(s) recorded in {cfg.cache_path / changes.HISTORY_FILE}"
          if recorded else "  no change since the last good copy")
    if not (args.check or args.no_contact_pages):
        found = contact_pages.discover(
            data.members, cfg.cache_path, paths=cfg.contact_paths, policy=policy_of(cfg),
            workers=cfg.contact_workers, max_age_days=cfg.contact_max_age_days, today=cfg.today,
        )
        pages = sum(1 for entry in found.values() if entry.get("url"))
        if found:
            print(f"  contact pages: {pages} of {len(found)} House members without a contact "
                  "form (looked for on their own websites)")
        if found.unreached:
            print(f"  contact pages: {found.unreached} site(s) could not be reached (no network?);"
                  " what was found before is kept, and they are tried again next time")
    return 2 if data.notices else 0


if __name__ == "__main__":
    sys.exit(main())
