"""The one typed view of the OUTCOME* settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from content_schema.routes import Routes, paginated
from pluginkit import SettingsError, read_prefixed

LOG_PREFIX = "[outcomes]"

DEFAULTS: dict[str, Any] = {
    "OUTCOME_URL": "outcomes/{slug}/",  # one outcome's page
    "OUTCOME_SAVE_AS": "outcomes/{slug}/index.html",
    "OUTCOMES_URL": "outcomes/",  # the index of the four outcomes
    "OUTCOMES_SAVE_AS": "outcomes/index.html",
    "OUTCOME_FEED_ATOM": "feeds/outcome-{slug}.atom.xml",  # one Atom feed per outcome
    # All case highlights in one feed. Written here rather than by Pelican's FEED_ALL_ATOM
    # (set to None), whose item links are relative when SITEURL is empty in development.
    "OUTCOMES_ALL_FEED_ATOM": "feeds/all.atom.xml",
}


class OutcomesConfigError(SettingsError):
    """An OUTCOME* setting in pelicanconf.py is unknown or malformed."""


@dataclass(frozen=True, slots=True)
class OutcomesSettings:
    """Where outcome pages and feeds go."""

    url: str
    save_as: str
    index_url: str
    index_save_as: str
    feed_atom: str
    all_feed_atom: str

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> OutcomesSettings:
        """Read the settings once; reject unknown OUTCOME* keys and missing {slug}."""
        merged = read_prefixed(settings, "OUTCOME", DEFAULTS, plugin="outcomes")
        for key in ("OUTCOME_URL", "OUTCOME_SAVE_AS", "OUTCOME_FEED_ATOM"):
            if "{slug}" not in str(merged[key]):
                raise OutcomesConfigError(
                    f"{LOG_PREFIX} {key} must contain '{{slug}}', e.g. {DEFAULTS[key]!r}"
                )
        return cls(
            merged["OUTCOME_URL"],
            merged["OUTCOME_SAVE_AS"],
            merged["OUTCOMES_URL"],
            merged["OUTCOMES_SAVE_AS"],
            merged["OUTCOME_FEED_ATOM"],
            merged["OUTCOMES_ALL_FEED_ATOM"],
        )

    def routes(self, settings: Mapping[str, Any]) -> Routes:
        """The addresses this plugin writes (for content_schema's rules across files)."""
        return Routes(generated=(
            self.index_url, self.url, *paginated(settings, self.url), self.feed_atom,
            self.all_feed_atom,
        ))
