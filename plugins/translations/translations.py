"""Receivers: give every page of a translated pair its alternates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import Page

from formats.words import languages
from pluginkit import requires


def check_settings(pelican: Any) -> None:
    """The pairs are read from content_schema's checked files."""
    requires(pelican.settings, "translations", "content_schema")


def pair_pages(generator: Any) -> None:
    """Set `alternates` on every original and translation, and `original_url` on translations."""
    root = Path(str(generator.settings["PATH"])).resolve()
    pages: list[Page] = [*generator.pages, *generator.hidden_pages]
    by_source = {Path(p.source_path).resolve(): p for p in pages}
    langs = {lang.code: lang for lang in languages(generator.settings)}
    default = next(iter(langs))
    groups: dict[Path, dict[str, Page]] = {}
    for page in pages:
        of = page.metadata.get("translation_of")
        if not of:
            continue
        original = by_source.get((root / str(of)).resolve())
        if original is None:
            continue  # reported by content_schema
        group = groups.setdefault((root / str(of)).resolve(), {default: original})
        group[str(page.lang)] = page
        page.original_url = original.url
    for group in groups.values():
        alternates = [{"code": code, "name": langs[code].name, "url": group[code].url}
                      for code in langs if code in group]
        for page in group.values():
            page.alternates = alternates


def register() -> None:
    """Connect receivers; no logic here."""
    signals.initialized.connect(check_settings)
    signals.page_generator_finalized.connect(pair_pages)
