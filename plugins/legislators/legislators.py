"""Receivers of the legislators plugin; register() is its table of contents."""

from __future__ import annotations

from typing import Any

from pelican import signals

from content_schema.routes import Routes, routes
from content_schema.vocabularies import vocabularies
from formats.words import languages
from pluginkit import requires, settings_of

from . import committees
from .generator import LegislatorsGenerator
from .settings import LegislatorsSettings


def check_settings(pelican: Any) -> None:
    """Validate LEGISLATORS_* settings before any work (unknown keys are an error)."""
    requires(pelican.settings, "legislators", "content_schema")
    settings_of(pelican.settings, LegislatorsSettings)


def add_generator(pelican: Any) -> type[LegislatorsGenerator]:
    """Contribute the generator that loads the data and writes JSON and pages."""
    del pelican
    return LegislatorsGenerator


def legislator_routes(settings: Any) -> Routes:
    """Tell content_schema which addresses this plugin writes (the directory and the state
    pages in every language: /es/representatives/ too)."""
    prefixes = tuple(lang.prefix for lang in languages(settings) if lang.prefix)
    return settings_of(settings, LegislatorsSettings).routes(prefixes)


def committee_ids(settings: Any) -> dict[str, Any]:
    """Offer content_schema the committee ids an action may name (None: no data yet)."""
    cfg = settings_of(settings, LegislatorsSettings)
    return {"committees": committees.read_names(cfg.source, cfg.cache_path, cfg.source_is_url)}


def register() -> None:
    """Connect receivers; no logic here."""
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(add_generator)
    routes.connect(legislator_routes)
    vocabularies.connect(committee_ids)
