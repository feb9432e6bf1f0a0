"""Receivers of the legislators plugin; register() is its table of contents."""

from __future__ import annotations

from typing import Any

from pelican import signals

from .generator import LegislatorsGenerator
from .settings import LegislatorsSettings


def check_settings(pelican: Any) -> None:
    """Validate LEGISLATORS_* settings before any work (unknown keys are an error)."""
    LegislatorsSettings.from_pelican(pelican.settings)


def add_generator(pelican: Any) -> type[LegislatorsGenerator]:
    """Contribute the generator that loads the data and writes JSON and pages."""
    del pelican
    return LegislatorsGenerator


def register() -> None:
    """Connect receivers; no logic here."""
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(add_generator)
