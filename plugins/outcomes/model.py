"""Outcome pages as templates see them: the vocabulary from content_schema plus URLs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from content_schema.cases import OUTCOME_LIST

from .settings import OutcomesSettings


@dataclass(slots=True)
class OutcomePage:
    """One outcome (people, policy, prevention, money) and the cases that report it."""

    slug: str
    label: str
    description: str
    url: str
    save_as: str
    feed_url: str
    articles: list[Any] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Return how many published cases report this outcome."""
        return len(self.articles)


def outcome_pages(config: OutcomesSettings) -> list[OutcomePage]:
    """Return one page per outcome, in vocabulary order, with no cases yet."""
    return [
        OutcomePage(
            o.slug,
            o.label,
            o.description,
            config.url.format(slug=o.slug),
            config.save_as.format(slug=o.slug),
            config.feed_atom.format(slug=o.slug),
        )
        for o in OUTCOME_LIST
    ]
