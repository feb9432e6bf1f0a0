"""Rules that need every file at once: one address per file, links that lead somewhere,
actions that name a platform page, and words that must exist in the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
import posixpath
import re
from urllib.parse import unquote

from .fields import Problem, did_you_mean
from .files import Entry
from .routes import normalise_route

PLATFORM = "platform"
ACTIONS = "actions"


def by_url(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    """Group entries by their normalised address."""
    found: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.url is not None:
            found.setdefault(normalise_route(entry.url), []).append(entry)
    return found


def check_addresses(owners: Mapping[str, list[Entry]], generated: re.Pattern[str]) -> list[Problem]:
    """Two files with one address, or a file at an address the site writes itself."""
    problems: list[Problem] = []
    for url, entries in sorted(owners.items()):
        if generated.fullmatch(url):
            problems += [Problem(e.path, 1, "slug", f"the address /{url} is used by the site "
                                 "itself", "choose another slug") for e in entries]
        if len(entries) > 1:
            for entry in entries:
                others = ", ".join(o.path for o in entries if o is not entry)
                problems.append(Problem(entry.path, 1, "slug", f"the address /{url} is also "
                                        f"used by {others}", "give one of them another slug"))
    return problems


def check_links(
    entries: Sequence[Entry], owners: Mapping[str, list[Entry]], generated: re.Pattern[str],
    root: Path,
) -> list[Problem]:
    """Links to pages of the site that no file and no plugin builds."""
    problems: list[Problem] = []
    for entry in entries:
        for line, link in entry.links:
            route = normalise_route(link)
            if route in owners or generated.fullmatch(route) or _static_file(root, route):
                continue
            choices = sorted(k for k in owners if k.split("/")[0] == route.split("/")[0])
            listed = ", ".join("/" + c for c in choices[:6])
            hint = f" (pages there: {listed})" if choices else ""
            problems.append(Problem(entry.path, line, "body", f"the link '{link}' goes to no "
                                    f"page of the site{hint}", "correct the address or remove "
                                    "the link"))
    return problems


def _static_file(root: Path, route: str) -> bool:
    """Return True if the route is a static file shipped from content/ (images, extra)."""
    clean = posixpath.normpath(unquote(route))
    if clean.startswith(".."):
        return False
    return (root / clean).is_file()


def check_asks(entries: Sequence[Entry]) -> list[Problem]:
    """Every action's `ask` is the slug of a platform page."""
    asks = tuple(sorted(e.slug for e in entries if e.folder == PLATFORM and e.slug))
    problems: list[Problem] = []
    for entry in entries:
        ask = entry.metadata.get("ask")
        if entry.folder != ACTIONS or not isinstance(ask, str) or not ask or ask in asks:
            continue
        problems.append(Problem(
            entry.path, entry.lines.get("ask", 1), "ask",
            f"'{ask}' is not a platform page" + did_you_mean(ask, asks),
            "use the slug of a file in content/platform: " + ", ".join(asks),
        ))
    return problems


def check_words(
    entries: Sequence[Entry], folder: str, name: str, known: Mapping[str, str], what: str
) -> list[Problem]:
    """The keys of field `name` in `folder` are words of a vocabulary from the data.

    Used for an action's `committees` (committee ids of committees-current.json).
    """
    choices = tuple(sorted(known))
    problems: list[Problem] = []
    for entry in entries:
        value = entry.metadata.get(name)
        if entry.folder != folder or not isinstance(value, Mapping):
            continue
        for word in value:
            if str(word) not in known:
                shown = ", ".join(choices[:40]) + (" …" if len(choices) > 40 else "")
                problems.append(Problem(
                    entry.path, entry.lines.get(name, 1), name,
                    f"'{word}' is not {what}" + did_you_mean(str(word), choices),
                    f"use one of the ids in the data: {shown}",
                ))
    return problems
