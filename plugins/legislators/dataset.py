"""What the data stage hands on: one loaded source (`Part`) and the whole set (`Dataset`)."""

from __future__ import annotations

from dataclasses import dataclass, field
import datetime as dt
from typing import Any

from .model import Member
from .report import Report


@dataclass
class Part:
    """One source (the congress files or the ZIP table) after loading."""

    parsed: Any = None
    count: int = 0
    report: Report = field(default_factory=Report)
    sources: list[dict[str, Any]] = field(default_factory=list)
    # A download that failed, and the age in days of the last good copy used instead.
    fallback: tuple[str, float] | None = None
    error: str | None = None
    fetched: dt.date | None = None
    data_date: dt.date | None = None
    counts: dict[str, int] = field(default_factory=dict)
    # Optional files, parsed (committees and their members), by file name.
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Dataset:
    """Everything the generator needs: members, ZIPs, problems, provenance."""

    available: bool
    reason: str = ""
    members: list[Member] = field(default_factory=list)
    zips: dict[str, list[str]] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    sources: list[dict[str, Any]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    fetched: str | None = None
    data_date: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    members_congress: int | None = None
    extras: dict[str, Any] = field(default_factory=dict)
