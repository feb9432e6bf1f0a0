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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from pelican.settings import read_settings  # noqa: E402

from legislators.settings import LegislatorsConfigError, LegislatorsSettings  # noqa: E402
from legislators.sources import HOW_TO_GET, load  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Run the data stage once and print what happened."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument(
        "--check", action="store_true", help="validate the cache/source; do not force a download"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        cfg = LegislatorsSettings.from_pelican(read_settings(args.settings))
    except LegislatorsConfigError as e:
        print(e, file=sys.stderr)
        return 1
    for label, value, is_url in (
        ("LEGISLATORS_SOURCE", cfg.source, cfg.source_is_url),
        ("LEGISLATORS_ZIP_SOURCE", cfg.zip_source, cfg.zip_source_is_url),
    ):
        how = "download into " + str(cfg.cache_path) if is_url else "local, read directly"
        print(f"{label} = {value} ({how})")
    started = time.perf_counter()
    data = load(cfg, force=not args.check, now=dt.datetime.now(dt.UTC))
    elapsed = time.perf_counter() - started
    for problem in data.report.sorted():
        print(f"  {problem.level}: {problem}")
    for warning in data.warnings:
        print(f"WARNING: {warning}", file=sys.stderr)
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
    return 2 if data.warnings else 0


if __name__ == "__main__":
    sys.exit(main())
