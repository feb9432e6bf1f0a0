"""Receivers: put pages from a configured folder under that folder's URL and template."""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.contents import Page

from content_schema.routes import Routes, routes
from pluginkit import settings_of

from .settings import SectionsSettings


def place_page(content: object) -> None:
    """Set URL, output path and template of a page that lives in a section folder."""
    if not isinstance(content, Page):
        return
    config = settings_of(content.settings, SectionsSettings)
    section = config.folder_of(content.get_relative_source_path())
    if section is None:
        return
    content.section = section.folder
    # A page that says where it goes (the Spanish home page: url: es/) keeps its place.
    if "url" not in content.metadata and "save_as" not in content.metadata:
        content.override_url = section.url.format(slug=content.slug)
        content.override_save_as = section.save_as.format(slug=content.slug)
    if "template" not in content.metadata:
        content.template = section.template


def section_pages(generator: Any) -> None:
    """Give templates each section's published pages, in `order` then title order."""
    config = settings_of(generator.settings, SectionsSettings)
    found: dict[str, list[Page]] = {s.folder: [] for s in config.sections}
    for page in generator.pages:
        folder = getattr(page, "section", None)
        if folder in found:
            found[folder].append(page)
    for pages in found.values():
        pages.sort(key=lambda p: (_order(p.metadata.get("order")), p.title))
    generator.context["sections"] = found


def _order(value: Any) -> int:
    """Return a page's `order` as an int (pages without one come last)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 1_000_000


def section_routes(settings: Any) -> Routes:
    """Tell content_schema where each section folder's files go."""
    config = settings_of(settings, SectionsSettings)
    return Routes(folders={s.folder: s.url for s in config.sections})


def register() -> None:
    """Connect receivers; no logic here."""
    signals.content_object_init.connect(place_page)
    signals.page_generator_finalized.connect(section_pages)
    routes.connect(section_routes)
