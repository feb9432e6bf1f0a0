"""Receivers: note every HTML page written, then write sitemap.xml once at the end.

We do not use pelican-sitemap: it stamps every page without a date with the build time
(so two builds of the same input differ) and writes root-relative URLs when SITEURL is
empty in development. Here `lastmod` appears only when a page has a date, and URLs use
SITE_ORIGIN.
"""

from __future__ import annotations

from dataclasses import dataclass
import datetime as dt
import os
from pathlib import Path
import re
from typing import Any
from xml.sax.saxutils import escape

from pelican import signals

DEFAULT_EXCLUDE = (r"^admin/", r"^404\.html$", r"^search/")


@dataclass(frozen=True, slots=True)
class Entry:
    """One URL of the sitemap."""

    path: str
    lastmod: str | None


class Sitemap:
    """Collects the pages one Pelican run writes; one instance per run."""

    def __init__(self) -> None:
        """Start empty."""
        self.entries: dict[str, Entry] = {}

    def note(self, path: str, context: dict[str, Any]) -> None:
        """Remember an HTML file Pelican wrote, with its date if it has one."""
        if not path.endswith(".html"):
            return
        relative = Path(os.path.relpath(path, context["OUTPUT_PATH"])).as_posix()
        excluded = context.get("SITEMAPS_EXCLUDE", DEFAULT_EXCLUDE)
        if any(re.search(pattern, relative) for pattern in excluded):
            return
        obj = context.get("article") or context.get("page")
        date = getattr(obj, "modified", None) or getattr(obj, "date", None)
        lastmod = date.date().isoformat() if isinstance(date, dt.datetime) else None
        url_path = re.sub(r"(^|/)index\.html$", r"\1", relative)
        self.entries[url_path] = Entry(url_path, lastmod)

    def render(self, origin: str) -> str:
        """Return the sitemap XML, sorted by path."""
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ]
        for entry in sorted(self.entries.values(), key=lambda e: e.path):
            lastmod = f"<lastmod>{entry.lastmod}</lastmod>" if entry.lastmod else ""
            lines.append(f"<url><loc>{escape(origin)}/{escape(entry.path)}</loc>{lastmod}</url>")
        lines.append("</urlset>")
        return "\n".join(lines) + "\n"


# One Sitemap per output folder being built; emptied when its build finishes.
_RUNS: dict[str, Sitemap] = {}


def _key(output_path: str) -> str:
    return os.path.normpath(output_path)


def start(pelican: Any) -> None:
    """Begin a run (also on every autoreload)."""
    _RUNS[_key(pelican.settings["OUTPUT_PATH"])] = Sitemap()


def note_page(path: str, context: dict[str, Any]) -> None:
    """Record a written page for the build that wrote it."""
    sitemap = _RUNS.get(_key(context.get("OUTPUT_PATH", "")))
    if sitemap is not None:
        sitemap.note(path, context)


def write(pelican: Any) -> None:
    """Write sitemap.xml for this run and forget the run."""
    sitemap = _RUNS.pop(_key(pelican.settings["OUTPUT_PATH"]), None)
    if sitemap is None:
        return
    settings = pelican.settings
    origin = (settings.get("SITEURL") or settings.get("SITE_ORIGIN") or "").rstrip("/")
    target = Path(settings["OUTPUT_PATH"]) / "sitemap.xml"
    tmp = target.with_suffix(".xml.tmp")
    tmp.write_text(sitemap.render(origin), encoding="utf-8")
    os.replace(tmp, target)


def register() -> None:
    """Connect receivers."""
    signals.initialized.connect(start)
    signals.content_written.connect(note_page)
    signals.finalized.connect(write)
