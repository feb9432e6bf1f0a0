"""Pelican generator: run the data stage, expose template variables, write JSON and pages."""

from __future__ import annotations

from collections import Counter
import datetime as dt
import json
import logging
from pathlib import Path
import time
from typing import Any

from pelican.generators import Generator

from .model import (
    OFFICIAL_LISTS,
    STATE_NAMES,
    SWITCHBOARD,
    Directory,
    Member,
    Seat,
    StateEntry,
    district_ids,
    kind_of,
)
from .settings import LegislatorsSettings
from .sources import HOW_TO_GET, LOG, Dataset, load
from .zips import shard

logger = logging.getLogger(__name__)
KIND_ORDER = {"state": 0, "district": 1, "territory": 2}
RANK_ORDER = {"senior": 0, "junior": 1, None: 2}


class LegislatorsDataError(RuntimeError):
    """Strict build: legislator data is missing, stale or invalid."""


def dump(data: Any) -> bytes:
    """Return compact, sorted, deterministic JSON bytes."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def build_directory(dataset: Dataset, cfg: LegislatorsSettings) -> Directory:
    """Group members into every state, DC and territory; add vacancy notices."""
    if not dataset.available:
        return Directory(False, reason=public_reason(dataset), url=cfg.url)
    senators: dict[str, list[Member]] = {s: [] for s in STATE_NAMES}
    house: dict[str, Member] = {}
    for m in dataset.members:
        if m.chamber == "senate":
            senators[m.state].append(m)
        else:
            assert m.district is not None
            house[m.district] = m
    entries = []
    for st, name in STATE_NAMES.items():
        seats = tuple(Seat(d, house.get(d)) for d in district_ids(st))
        for seat in seats:
            if seat.vacant:
                dataset.report.add(
                    "notice", "", seat.district, "no member in the data; shown as vacant"
                )
        entries.append(
            StateEntry(
                state=st,
                name=name,
                kind=kind_of(st),
                senators=tuple(
                    sorted(senators[st], key=lambda m: (RANK_ORDER[m.state_rank], m.bioguide))
                ),
                seats=seats,
                url=cfg.state_url.format(st=st.lower()),
                save_as=cfg.state_save_as.format(st=st.lower()),
            )
        )
    entries.sort(key=lambda e: (KIND_ORDER[e.kind], e.name))
    return Directory(
        True,
        entries,
        url=cfg.url,
        data_date=dt.date.fromisoformat(dataset.data_date) if dataset.data_date else None,
        fetched=dt.date.fromisoformat(dataset.fetched) if dataset.fetched else None,
    )


def public_reason(dataset: Dataset) -> str:
    """Return why data is missing, short and without local paths (safe to print on pages)."""
    what = (
        "the contact data failed validation"
        if not dataset.report.set_ok
        else "no contact data was available when this copy of the site was built"
    )
    return f"{what}; to get it, run make data or set LEGISLATORS_SOURCE and LEGISLATORS_ZIP_SOURCE"


def counts_of(directory: Directory, dataset: Dataset, shards: int) -> dict[str, int]:
    """Return the counts published in meta.json."""
    members = directory.members
    kinds = Counter(
        "senators"
        if m.chamber == "senate"
        else "representatives"
        if m.title == "Representative"
        else "delegates"
        for m in members
    )
    return {
        **dataset.counts,
        "senators": kinds["senators"],
        "representatives": kinds["representatives"],
        "delegates": kinds["delegates"],
        "out_of_date": sum(not m.current for m in members),
        "vacancies": sum(seat.vacant for s in directory.states for seat in s.seats),
        "district_offices": sum(len(m.offices) for m in members),
        "zip_files": shards,
    }


class LegislatorsGenerator(Generator):
    """Load legislator data once per build; write /api/v1 JSON and the directory pages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Read the settings (errors in them stop the build at once)."""
        super().__init__(*args, **kwargs)
        self.config = LegislatorsSettings.from_pelican(self.settings)
        self.dataset = Dataset(False)
        self.directory = Directory(False)
        self.meta: dict[str, Any] = {}
        self.shards: dict[str, dict[str, list[str]]] = {}

    def generate_context(self) -> None:
        """Run the data stage and put `legislators*` into every template's context."""
        started = time.perf_counter()
        cfg = self.config
        self.dataset = dataset = load(cfg)
        self._enforce(dataset)
        self.directory = build_directory(dataset, cfg)
        self.shards = shard(dataset.zips) if dataset.available else {}
        shards = len(self.shards)
        self.meta = {
            "available": dataset.available,
            "sources": dataset.sources,
            "data_date": dataset.data_date,
            "fetched": dataset.fetched,
            "built": cfg.today.isoformat(),
            "counts": counts_of(self.directory, dataset, shards) if dataset.available else {},
            "switchboard": SWITCHBOARD,
            "official_lists": OFFICIAL_LISTS,
            "problems": [p.to_json() for p in dataset.report.sorted()],
        }
        for problem in dataset.report.sorted():
            if problem.level in {"field", "notice"}:
                logger.info("%s %s", LOG, problem)
        self.context["legislators"] = self.directory
        self.context["legislators_meta"] = self.meta
        self.context["legislators_available"] = dataset.available
        self.context["legislators_unavailable_reason"] = dataset.reason
        self.context["legislators_help"] = HOW_TO_GET
        self.context["legislators_url"] = cfg.url
        logger.info(
            "%s data stage: %d members, %d ZCTAs in %.2f s",
            LOG,
            len(dataset.members),
            len(dataset.zips),
            time.perf_counter() - started,
        )

    def _enforce(self, dataset: Dataset) -> None:
        """Warn, inform or stop according to what went wrong and LEGISLATORS_STRICT."""
        cfg = self.config
        for warning in dataset.warnings:
            logger.warning("%s %s", LOG, warning)
        if not dataset.available:
            message = (
                f"{LOG} contact data for members of Congress is unavailable: {dataset.reason}. "
                f"To get it, {HOW_TO_GET}"
            )
            if cfg.strict:
                raise LegislatorsDataError(message)
            invalid = not dataset.report.set_ok
            (logger.warning if invalid else logger.info)(
                "%s%s", message, "; the pages say the data is unavailable"
            )
            return
        assert dataset.fetched is not None
        age = (cfg.today - dt.date.fromisoformat(dataset.fetched)).days
        if cfg.strict and age > cfg.stale_days:
            raise LegislatorsDataError(
                f"{LOG} legislator data was fetched {dataset.fetched}, {age} days ago "
                f"(LEGISLATORS_STALE_DAYS = {cfg.stale_days}); run `make data` and publish again"
            )

    def generate_output(self, writer: Any) -> None:
        """Write the JSON API and the directory pages."""
        cfg = self.config
        api = Path(self.output_path) / cfg.api_path
        _write(api / "meta.json", dump(self.meta))
        if self.dataset.available:
            for entry in self.directory.states:
                data = entry.to_json(self.dataset.data_date or "")
                _write(api / "states" / f"{entry.state}.json", dump(data))
            for prefix, table in self.shards.items():
                _write(api / "zip" / f"{prefix}.json", dump(table))
        writer.write_file(
            cfg.save_as,
            self.get_template("representatives"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=cfg.url,
        )
        if not self.dataset.available:
            return
        template = self.get_template("representatives_state")
        for entry in self.directory.states:
            writer.write_file(
                entry.save_as,
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=entry.url,
                entry=entry,
            )


def _write(path: Path, data: bytes) -> None:
    """Write `data` unless the file already holds it (creating files is the slow part)."""
    try:
        if path.read_bytes() == data:
            return
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
