"""Pelican generator: run the data stage, report it, expose template variables, write output."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
import datetime as dt
import json
import logging
from pathlib import Path
import time
from typing import Any

from pelican.generators import Generator

from content_schema import ContentError
from content_schema.plugin import content_index
from formats.words import languages
from pluginkit import SiteError, settings_of

from . import changes, committees
from .corrections import report_url
from .dataset import Dataset
from .directory import build_directory, corrections, counts_of, out_of_date_share, summary
from .model import Directory
from .places import OFFICIAL_LISTS, SWITCHBOARD
from .settings import HOW_TO_GET, LegislatorsSettings
from .sources import load
from .zips import MILITARY_PREFIXES, shard

logger = logging.getLogger(__name__)
LOG = "[legislators]"


class LegislatorsDataError(SiteError, RuntimeError):
    """Strict build: legislator data is missing, stale or out of date."""


def dump(data: Any) -> bytes:
    """Return compact, sorted, deterministic JSON bytes."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def action_committees(generator: Any) -> set[str]:
    """Return the committee ids the actions name (from the content index)."""
    index = content_index(generator)
    found: set[str] = set()
    for entry in index.in_folder("actions"):
        value = entry.metadata.get("committees")
        if isinstance(value, Mapping):
            found.update(str(k) for k in value)
    return found


class LegislatorsGenerator(Generator):
    """Load legislator data once per build; write /api/v1 JSON and the directory pages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Read the settings (errors in them stop the build at once)."""
        super().__init__(*args, **kwargs)
        self.config = settings_of(self.settings, LegislatorsSettings)
        self.dataset = Dataset(False)
        self.directory = Directory(False)
        self.meta: dict[str, Any] = {}
        self.history: list[dict[str, Any]] = []
        self.shards: dict[str, dict[str, list[str]]] = {}

    def generate_context(self) -> None:
        """Run the data stage, print its report, and give every template `legislators*`."""
        started = time.perf_counter()
        cfg = self.config
        dataset = load(cfg)
        names = committees.names(dataset.extras.get(committees.COMMITTEES_FILE))
        self._check_committee_ids(names)
        wanted = action_committees(self)
        dataset.members = [
            replace(m, committees=tuple(c for c in m.committees if c in wanted),
                    report_url=report_url(cfg.corrections, m, dataset.data_date or ""))
            for m in dataset.members
        ]
        self.dataset = dataset
        self.directory = directory = build_directory(dataset, cfg)
        self._enforce(dataset, directory)
        self.shards = shard(dataset.zips) if dataset.available else {}
        self.history = changes.read_history(cfg.cache_path) if dataset.available else []
        self.meta = self._meta(dataset, directory, {c: names[c] for c in wanted if c in names})
        for line in summary(directory, dataset, cfg):
            logger.info("%s %s", LOG, line)
        self.context.update({
            "legislators": directory,
            "legislators_meta": self.meta,
            "legislators_available": dataset.available,
            "legislators_unavailable_reason": dataset.reason,
            "legislators_help": HOW_TO_GET,
            "legislators_changes": self.history,
            "legislators_corrections": corrections(dataset) if dataset.available else [],
            "LEGISLATORS": cfg,
        })
        logger.info("%s data stage: %d members, %d ZIP codes in %.2f s", LOG,
                    len(dataset.members), len(dataset.zips), time.perf_counter() - started)

    def _check_committee_ids(self, names: dict[str, str]) -> None:
        """Check the actions' committee ids now if the index could not (no data then)."""
        index = content_index(self)
        if "committees" in index.unchecked and names:
            problems = index.check_vocabulary("committees", names)
            if problems:
                raise ContentError(problems)

    def _meta(self, dataset: Dataset, directory: Directory, names: dict[str, str]) -> dict:
        cfg = self.config
        return {
            "available": dataset.available,
            "sources": dataset.sources,
            "data_date": dataset.data_date,
            "fetched": dataset.fetched,
            "built": cfg.today.isoformat(),
            "counts": counts_of(directory, dataset, len(self.shards)) if dataset.available
            else {},
            "members_congress": directory.members_congress,
            "zip_congress": cfg.zip_congress,
            "new_maps": {str(k): list(v) for k, v in cfg.new_maps.items()},
            "redistricted": [s.state for s in directory.redistricted],
            "out_of_date": directory.out_of_date,
            "zip_shards": sorted(self.shards),
            "military_prefixes": list(MILITARY_PREFIXES),
            "switchboard": SWITCHBOARD,
            "official_lists": OFFICIAL_LISTS,
            "house_lookup": cfg.house_lookup_url,
            "corrections": cfg.corrections,
            "committees": names,
            "recent_days": cfg.recent_days,
            "problems": [p.to_json() for p in dataset.report.sorted()],
        }

    def _enforce(self, dataset: Dataset, directory: Directory) -> None:
        """Print notices; stop a strict build on missing, stale or out-of-date data."""
        cfg = self.config
        for notice in dataset.notices:
            logger.info("%s NOTICE: %s", LOG, notice)
        problems = []
        if not dataset.available:
            problems.append(f"contact data for members of Congress is unavailable: "
                            f"{dataset.reason}. To get it, {HOW_TO_GET}")
        else:
            assert dataset.fetched is not None
            age = (cfg.today - dt.date.fromisoformat(dataset.fetched)).days
            share = out_of_date_share(dataset.members)
            if age > cfg.stale_days:
                problems.append(f"legislator data was fetched {dataset.fetched}, {age} days ago "
                                f"(LEGISLATORS_STALE_DAYS = {cfg.stale_days})")
            if directory.out_of_date:
                problems.append(f"the contact data is out of date: the terms of {share:.0%} of "
                                f"the members ended before {cfg.today.isoformat()} (a new "
                                "Congress has begun)")
            if problems:
                problems[-1] += "; run `make data` for new data and publish again"
        problem = "; and ".join(problems) or None
        if problem is None:
            return
        if cfg.strict:
            raise LegislatorsDataError(f"{LOG} {problem}")
        logger.info("%s NOTICE: %s; a development build goes on, and the pages say so", LOG,
                    problem)

    def generate_output(self, writer: Any) -> None:
        """Write the JSON API and the directory pages."""
        cfg = self.config
        api = Path(self.output_path) / cfg.api_path
        _write(api / "meta.json", dump(self.meta))
        relative = self.settings["RELATIVE_URLS"]
        # (template, save_as, url, extra context, written in every language?)
        pages = [("representatives", cfg.save_as, cfg.url, {}, True),
                 ("representatives_data", cfg.data_save_as, cfg.data_url, {}, False)]
        if self.dataset.available:
            _write(api / "changes.json", dump(self.history))
            for entry in self.directory.states:
                _write(api / "states" / f"{entry.state}.json",
                       dump(entry.to_json(self.dataset.data_date or "")))
                pages.append(("representatives_state", entry.save_as, entry.url,
                              {"entry": entry}, True))
            for prefix, table in self.shards.items():
                _write(api / "zip" / f"{prefix}.json", dump(table))
            pages.append(("representatives_changes", cfg.changes_save_as, cfg.changes_url, {},
                          False))
        langs = languages(self.settings)
        # The directory and the state pages in every language (/es/representatives/...;
        # cfg.translated_routes); the pages about the data itself in the default language.
        for template, save_as, url, extra, translated in pages:
            versions = [lang for lang in langs if translated or not lang.prefix]
            alternates = [{"code": lang.code, "name": lang.name, "url": lang.prefix + url}
                          for lang in versions] if len(versions) > 1 else []
            for lang in versions:
                writer.write_file(lang.prefix + save_as, self.get_template(template),
                                  self.context, relative_urls=relative, url=lang.prefix + url,
                                  lang_code=lang.code, alternates=alternates, **extra)


def _write(path: Path, data: bytes) -> None:
    """Write `data` unless the file already holds it (creating files is the slow part)."""
    try:
        if path.read_bytes() == data:
            return
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
