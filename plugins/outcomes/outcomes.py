"""Receivers: give cases their outcome badges and sources, add the generator, own the routes."""

from __future__ import annotations

from typing import Any

from pelican import signals

from content_schema.cases import outcomes_of, sources_of
from content_schema.plugin import content_index
from content_schema.routes import Routes, routes
from pluginkit import requires, settings_of

from .generator import OutcomesGenerator
from .model import outcome_pages
from .settings import OutcomesSettings

ARTICLE_LISTS = ("articles", "translations", "drafts", "drafts_translations",
                 "hidden_articles", "hidden_translations")


def check_settings(pelican: Any) -> None:
    """Fail at start-up on a wrong OUTCOME* setting or a missing content_schema plugin."""
    requires(pelican.settings, "outcomes", "content_schema")
    settings_of(pelican.settings, OutcomesSettings)


def attach_outcomes(generator: Any) -> None:
    """Give each case its outcome badges and parsed sources, from the content index."""
    index = content_index(generator)
    pages = {p.slug: p for p in outcome_pages(settings_of(generator.settings, OutcomesSettings))}
    for name in ARTICLE_LISTS:
        for article in getattr(generator, name):
            entry = index.entry(article.source_path)
            metadata = entry.metadata if entry is not None else article.metadata
            article.outcome_links = [pages[o] for o in outcomes_of(metadata.get("outcomes"))]
            article.case_sources = sources_of(metadata.get("sources"))


def add_generator(pelican: Any) -> type[OutcomesGenerator]:
    """Contribute the generator that writes /outcomes/ pages and feeds."""
    del pelican
    return OutcomesGenerator


def outcome_routes(settings: Any) -> Routes:
    """Tell content_schema which addresses this plugin writes."""
    return settings_of(settings, OutcomesSettings).routes(settings)


def register() -> None:
    """Connect receivers; no logic here."""
    signals.initialized.connect(check_settings)
    # After reading, before categories and context: the place to decorate the cases.
    signals.article_generator_pretaxonomy.connect(attach_outcomes)
    signals.get_generators.connect(add_generator)
    routes.connect(outcome_routes)
