"""Receivers: put pages from a configured folder under that folder's URL."""

from __future__ import annotations

import logging
from pathlib import PurePosixPath

from pelican import signals
from pelican.contents import Page

from .settings import read_sections

logger = logging.getLogger(__name__)


def place_page(content: object) -> None:
    """Set URL, output path and template of a page that lives in a section folder."""
    if not isinstance(content, Page):
        return
    relative = PurePosixPath(content.get_relative_source_path().replace("\\", "/"))
    for section in read_sections(content.settings):
        if relative.parts[:1] != (section.folder,):
            continue
        content.section = section.folder
        content.override_url = section.url.format(slug=content.slug)
        content.override_save_as = section.save_as.format(slug=content.slug)
        if "template" not in content.metadata:
            content.template = section.template
        return


def register() -> None:
    """Connect receivers."""
    signals.content_object_init.connect(place_page)
