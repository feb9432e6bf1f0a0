"""Feed items whose titles are plain text, as every title on this site is.

Pelican's feed writer reads an item's title as HTML (`Markup(title).striptags()`), so a
title such as `Sentences < 5 years, fines > $1m` would lose everything between `<` and `>`.
Our titles are text (templates escape them), so the feed gets the title escaped once:
Pelican's striptags then turns it back into exactly the text written.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any


class FeedItem:
    """An article as the feed writer sees it, with its title escaped as HTML."""

    def __init__(self, article: Any) -> None:
        """Wrap one article."""
        self._article = article

    @property
    def title(self) -> str:
        """Return the title as HTML text, so the writer's striptags gives it back whole."""
        return escape(self._article.title, quote=False)

    def __getattr__(self, name: str) -> Any:
        """Everything else is the article's."""
        return getattr(self._article, name)

    @classmethod
    def wrap(cls, articles: Iterable[Any]) -> list[FeedItem]:
        """Wrap every article of a feed."""
        return [cls(article) for article in articles]
