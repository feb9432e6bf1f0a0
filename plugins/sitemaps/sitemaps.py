"""Receivers: note every HTML page a build writes, then write sitemap.xml once at the end.

We do not use pelican-sitemap: it stamps every page without a date with the build time
(so two builds of the same input differ) and writes root-relative URLs when SITEURL is
empty in development. Here `lastmod` appears only when a page has a date, and URLs use
SITE_ORIGIN.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import datetime as dt
import os
from pathlib import Path
import re
from typing import Any
from xml.sax.saxutils import escape

from pelican import signals
from pelican.generators import Generator

from content_schema.routes import Routes, routes
from pluginkit import read_prefixed, settings_of

DEFAULTS: dict[str, Any] = {
    # Regular expressions of output paths left out of the sitemap.
    "SITEMAPS_EXCLUDE": (r"^admin/", r"^404\.html$", r"^search/"),
    # Where the sitemap is written.
    "SITEMAPS_SAVE_AS": "sitemap.xml",
}
# Where a build keeps its sitemap: its context (for the writer's signal) and its settings
# (for `finalized`, which sees only the Pelican object).
KEY = "_sitemap"


@dataclass(frozen=True, slots=True)
class SitemapsSettings:
    """What is left out of the sitemap, and where it is written."""

    exclude: tuple[re.Pattern[str], ...]
    save_as: str

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> SitemapsSettings:
        """Read the SITEMAPS_* settings once."""
        merged = read_prefixed(settings, "SITEMAPS_", DEFAULTS, plugin="sitemaps")
        return cls(tuple(re.compile(p) for p in merged["SITEMAPS_EXCLUDE"]),
                   str(merged["SITEMAPS_SAVE_AS"]))


@dataclass(frozen=True, slots=True)
class Entry:
    """One URL of the sitemap."""

    path: str
    lastmod: str | None


class Sitemap:
    """Collects the pages one build writes; a new one for every build."""

    def __init__(self, config: SitemapsSettings) -> None:
        """Start empty."""
        self.config = config
        self.entries: dict[str, Entry] = {}

    def note(self, path: str, context: Mapping[str, Any]) -> None:
        """Remember an HTML file Pelican wrote, with its date if it has one."""
        if not path.endswith(".html"):
            return
        relative = Path(os.path.relpath(path, context["OUTPUT_PATH"])).as_posix()
        if any(pattern.search(relative) for pattern in self.config.exclude):
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


class SitemapGenerator(Generator):
    """Starts a new sitemap for every build (Pelican makes its generators anew each build)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Put this build's empty sitemap where the receivers below find it."""
        super().__init__(*args, **kwargs)
        sitemap = Sitemap(settings_of(self.settings, SitemapsSettings))
        self.context[KEY] = sitemap
        self.settings[KEY] = sitemap


def add_generator(pelican: Any) -> type[SitemapGenerator]:
    """Contribute the generator that starts each build's sitemap."""
    del pelican
    return SitemapGenerator


def note_page(path: str, context: dict[str, Any]) -> None:
    """Record a written page in the sitemap of the build that wrote it."""
    sitemap = context.get(KEY)
    if isinstance(sitemap, Sitemap):
        sitemap.note(path, context)


def write(pelican: Any) -> None:
    """Write sitemap.xml for the build that just finished."""
    settings = pelican.settings
    sitemap = settings.pop(KEY, None)
    if not isinstance(sitemap, Sitemap):
        return
    origin = (settings.get("SITEURL") or settings.get("SITE_ORIGIN") or "").rstrip("/")
    target = Path(settings["OUTPUT_PATH"]) / sitemap.config.save_as
    tmp = target.with_suffix(".xml.tmp")
    tmp.write_text(sitemap.render(origin), encoding="utf-8")
    os.replace(tmp, target)


def sitemap_routes(settings: Any) -> Routes:
    """Tell content_schema which address this plugin writes."""
    return Routes(generated=(settings_of(settings, SitemapsSettings).save_as,))


def register() -> None:
    """Connect receivers; no logic here."""
    signals.get_generators.connect(add_generator)
    signals.content_written.connect(note_page)
    signals.finalized.connect(write)
    routes.connect(sitemap_routes)
