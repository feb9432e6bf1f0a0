"""Every content folder and its rules, keyed by folder name (what the editor generates from)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
import datetime as dt
from typing import Any

from .actions import ACTIONS, check_action
from .cases import CASES, check_case
from .fields import Collection, Problem
from .pages import PAGES
from .platform import PLATFORM
from .translations import TRANSLATIONS

COLLECTIONS: dict[str, Collection] = {
    c.folder: c for c in (CASES, PLATFORM, PAGES, ACTIONS, *(t.collection for t in TRANSLATIONS))
}


def original_folder(folder: str) -> str:
    """The English folder a folder of translations mirrors (es/pages -> pages); else itself."""
    spec = next((t for t in TRANSLATIONS if t.collection.folder == folder), None)
    return spec.original if spec else folder


def collection_folder(parts: tuple[str, ...]) -> str | None:
    """The collection folder of a file, from its path's parts under content/ (the longest
    folder that holds it: es/platform before platform)."""
    for depth in range(len(parts) - 1, 0, -1):
        folder = "/".join(parts[:depth])
        if folder in COLLECTIONS:
            return folder
    return None

FolderRule = Callable[[Mapping[str, Any], str, Mapping[str, int], dt.date], list[Problem]]

#: Rules of one folder beyond its single fields (rules across files are in crossfile.py).
FOLDER_RULES: dict[str, FolderRule] = {
    "cases": lambda meta, path, lines, today: check_case(dict(meta), path, dict(lines), today),
    "actions": lambda meta, path, lines, _today: check_action(meta, path=path, lines=lines),
}
# A translated action follows the English one's rules for its words.
FOLDER_RULES |= {t.collection.folder: FOLDER_RULES["actions"] for t in TRANSLATIONS
                 if t.original == "actions"}


def folder_rules(
    folder: str, metadata: Mapping[str, Any], path: str, lines: Mapping[str, int], today: dt.date
) -> list[Problem]:
    """Return the problems the folder's own rules find in one file."""
    rule = FOLDER_RULES.get(folder)
    return rule(metadata, path, lines, today) if rule else []
