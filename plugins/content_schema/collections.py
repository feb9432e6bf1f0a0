"""Every content folder and its fields, keyed by folder name (what the editor generates from)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .actions import ACTIONS, check_action
from .cases import CASES, check_case
from .fields import Collection, Problem
from .pages import PAGES
from .platform import PLATFORM

COLLECTIONS: dict[str, Collection] = {
    c.folder: c for c in (CASES, PLATFORM, PAGES, ACTIONS)
}

# Folder -> URL pattern of its files (must match pelicanconf.py: ARTICLE_URL, SECTIONS,
# PAGE_URL). Pages may override theirs with `url:`.
URLS: dict[str, str] = {
    "cases": "cases/{slug}/",
    "platform": "platform/{slug}/",
    "actions": "act/{slug}/",
    "pages": "{slug}/",
}

# Whether the slug must be written in the file (True) or may come from the file name.
SLUG_REQUIRED: dict[str, bool] = {"cases": True, "platform": True, "actions": False,
                                  "pages": False}


def _check_action(
    metadata: Mapping[str, Any], path: str, lines: Mapping[str, int], asks: frozenset[str]
) -> list[Problem]:
    """Actions: the actions engineer's own rules (fields, placeholders, known ask)."""
    # ACTIONS.check is part of check_action; drop it here to avoid reporting twice.
    own = set(map(str, ACTIONS.check(metadata, path=path, lines=lines)))
    return [
        p for p in check_action(metadata, path=path, lines=lines, asks=asks or None)
        if str(p) not in own
    ]


def extra_checks(
    folder: str, metadata: Mapping[str, Any], path: str, lines: Mapping[str, int],
    asks: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Rules of one folder beyond its single fields."""
    handlers: dict[str, Callable[[], list[Problem]]] = {
        "cases": lambda: check_case(dict(metadata), path, dict(lines)),
        "actions": lambda: _check_action(metadata, path, lines, asks),
    }
    handler = handlers.get(folder)
    return handler() if handler else []
