"""Group the members into every state, DC and territory: what templates and JSON show."""

from __future__ import annotations

from collections import Counter
import datetime as dt
from typing import Any

from .dataset import Dataset
from .model import Directory, Member, Seat, StateEntry
from .places import STATE_NAMES, district_ids, kind_of, ordinal
from .settings import HOW_TO_GET, LegislatorsSettings

KIND_ORDER = {"state": 0, "district": 1, "territory": 2}
RANK_ORDER = {"senior": 0, "junior": 1, None: 2}


def public_reason(dataset: Dataset) -> str:
    """Return why data is missing, short and without local paths (safe to print on pages)."""
    what = (
        "the contact data failed validation"
        if not dataset.report.set_ok
        else "no contact data was available when this copy of the site was built"
    )
    return f"{what}; to get it, run make data or set LEGISLATORS_SOURCE and LEGISLATORS_ZIP_SOURCE"


def out_of_date_share(members: list[Member]) -> float:
    """Return the share of members whose recorded term has ended."""
    return sum(not m.current for m in members) / len(members) if members else 0.0


def build_directory(dataset: Dataset, cfg: LegislatorsSettings) -> Directory:
    """Group members into every state, DC and territory; note vacancies and new maps."""
    if not dataset.available:
        return Directory(False, reason=public_reason(dataset), url=cfg.url)
    congress = dataset.members_congress or 0
    redistricted = {st: c for c, states in cfg.new_maps.items()
                    if cfg.zip_congress < c <= congress for st in states}
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
                dataset.report.add("notice", "", seat.district, "no member in the data",
                                   "a vacant seat")
        entries.append(StateEntry(
            state=st, name=name, kind=kind_of(st),
            senators=tuple(sorted(senators[st],
                                  key=lambda m: (RANK_ORDER[m.state_rank], m.bioguide))),
            seats=seats,
            url=cfg.state_url.format(st=st.lower()),
            save_as=cfg.state_save_as.format(st=st.lower()),
            new_maps_congress=redistricted.get(st),
        ))
    entries.sort(key=lambda e: (KIND_ORDER[e.kind], e.name))
    return Directory(
        True,
        entries,
        url=cfg.url,
        data_date=dt.date.fromisoformat(dataset.data_date) if dataset.data_date else None,
        fetched=dt.date.fromisoformat(dataset.fetched) if dataset.fetched else None,
        members_congress=dataset.members_congress,
        zip_congress=cfg.zip_congress,
        out_of_date=out_of_date_share(dataset.members) > cfg.max_out_of_date,
    )


def counts_of(directory: Directory, dataset: Dataset, shards: int) -> dict[str, int]:
    """Return the counts published in meta.json."""
    members = directory.members
    kinds = Counter(
        "senators" if m.chamber == "senate"
        else "representatives" if m.title == "Representative" else "delegates"
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
        "contact_pages": sum(m.contact_page is not None for m in members),
        "zip_files": shards,
    }


FIELD_NAMES = {
    "contact_form": "the contact form", "url": "the website", "phone": "the Washington phone",
    "address": "the Washington address", "name.official_full": "the official name",
    "name.last": "the last name",
}


def corrections(dataset: Dataset) -> list[dict[str, str]]:
    """The corrected fields as a page may show them: who, which detail, what is shown.

    The rejected value itself is never on a page (meta.json keeps it for maintainers).
    """
    names = {m.bioguide: f"{m.title} {m.name}" for m in dataset.members}
    found = []
    for p in dataset.report.of("field"):
        what = FIELD_NAMES.get(p.field) or (
            "a district office's " + p.field.rsplit(".", 1)[-1] if p.field.startswith("offices")
            else "a row of the ZIP table" if p.field.startswith("zccd") else p.field)
        found.append({"bioguide": p.bioguide, "member": names.get(p.bioguide, ""),
                      "detail": what, "shown_instead": p.shown_instead})
    return found


def summary(directory: Directory, dataset: Dataset, cfg: LegislatorsSettings) -> list[str]:
    """The data report a build prints: sources, date, counts, Congresses, every correction."""
    if not dataset.available:
        return [f"no contact data: {dataset.reason}", f"to get it, {HOW_TO_GET}"]
    counts: dict[str, Any] = counts_of(directory, dataset, 0)
    where = ", ".join(
        f"{s['name']} ({'local copy' if s.get('local') else s['url']})" for s in dataset.sources
    )
    lines = [
        f"sources: {where}",
        f"data dated {dataset.data_date}, fetched {dataset.fetched}; "
        f"{len(dataset.members)} members ({counts['senators']} senators, "
        f"{counts['representatives']} representatives, {counts['delegates']} delegates), "
        f"{counts['vacancies']} vacant seat(s), {counts['out_of_date']} out of date, "
        f"{len(dataset.zips):,} ZIP codes",
        f"members of the {ordinal(directory.members_congress or 0)} Congress; the ZIP table "
        f"follows the districts of the {ordinal(cfg.zip_congress)}"
        + (f"; new House maps in {', '.join(s.state for s in directory.redistricted)}: "
           "members there are chosen by the visitor, not matched by ZIP"
           if directory.redistricted else ""),
    ]
    lines += [f"corrected: {p}" for p in dataset.report.of("field")]
    return lines
