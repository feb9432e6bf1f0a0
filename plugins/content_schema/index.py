"""The content index: every content file read and checked once per build, and what spans files.

Built once per build (and by `make check-content`, `make case` and the editor's config) from
`SchemaSettings`. It holds one `Entry` per file (metadata, lines, body, address, problems),
the problems of the rules across files and of the images, and the facts that span files: the
platform slugs, the slugs of each folder. Nothing else in the project parses front matter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
import os
from pathlib import Path
from typing import Any

from . import checks as plugin_checks
from .cache import cached_entries
from .crossfile import by_url, check_addresses, check_asks, check_links, check_words
from .fields import Problem
from .files import Checking, Entry, check_file, iter_content
from .media import check_media
from .settings import SchemaSettings
from .translations import check_translations

#: Rules that check words from the data: (folder, field, vocabulary, what a word is).
WORD_RULES = (("actions", "committees", "committees", "a committee id"),)


@dataclass(slots=True)
class ContentIndex:
    """Every content file of one build, checked, with the problems across files."""

    root: Path
    entries: dict[str, Entry]  # by absolute path
    problems: list[Problem] = field(default_factory=list)  # every problem, sorted
    unchecked: tuple[str, ...] = ()  # vocabularies with no data yet (checked later)

    def entry(self, path: str | os.PathLike[str]) -> Entry | None:
        """Return the entry of a file (any spelling of its path), or None."""
        return self.entries.get(str(Path(path).resolve()))

    def in_folder(self, folder: str) -> list[Entry]:
        """Return the entries of one content folder, sorted by path."""
        return sorted((e for e in self.entries.values() if e.folder == folder),
                      key=lambda e: e.path)

    def slugs(self, folder: str) -> dict[str, Entry]:
        """Map each slug written in `folder` to its entry."""
        return {e.slug: e for e in self.in_folder(folder) if e.slug}

    @property
    def platform_slugs(self) -> frozenset[str]:
        """Return the slugs of the platform pages (what an action's `ask` may name)."""
        return frozenset(self.slugs("platform"))

    @property
    def errors(self) -> list[Problem]:
        """Return the problems that stop a build."""
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        """Return the problems that are reported but do not stop a build."""
        return [p for p in self.problems if not p.is_error]

    def check_vocabulary(self, name: str, known: Mapping[str, str]) -> list[Problem]:
        """Run the rules of one vocabulary that had no data when the index was built."""
        entries = list(self.entries.values())
        return [p for folder, fld, vocab, what in WORD_RULES if vocab == name
                for p in check_words(entries, folder, fld, known, what)]


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Return problems in reading order: file, line, field, message."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.field, p.message))


def build_index(
    config: SchemaSettings,
    *,
    prefix: str | None = None,
    render: bool = True,
    settings: Mapping[str, Any] | None = None,
) -> ContentIndex:
    """Read and check every content file under `config.root`, then the rules across files.

    `prefix` is how the content folder is shown in messages (default: its name, "content").
    With `render=False` (the build) bodies are not rendered for the last safety scan:
    the build scans Pelican's own rendering of each file instead. With the build's
    `settings`, the rules other plugins own (the `checks` signal) run too.
    """
    root = config.root
    cache = config.cache_path
    salt = repr((sorted(config.folders.items()), config.today.isoformat(), prefix, render))
    how = Checking(root, url_of=config.url_of, today=config.today, prefix=prefix, render=render)
    entries = cached_entries(
        root,
        iter_content(root),
        lambda path: check_file(path, how),
        load=cache if config.load_cache else None,
        save=cache if config.save_cache else None,
        salt=salt,
    )
    listed = sorted(entries.values(), key=lambda e: e.path)
    owners = by_url(listed)
    problems = [p for e in listed for p in e.problems]
    problems += check_addresses(owners, config.generated)
    problems += check_links(listed, owners, config.generated, root)
    problems += check_asks(listed)
    problems += check_translations(entries, root)
    problems += check_media(root, prefix)
    if settings is not None:
        problems += plugin_checks.collect(settings, [e for e in listed if e.parsed])
    unchecked = []
    for folder, name, vocab, what in WORD_RULES:
        known = config.vocabularies.get(vocab)
        if known is None:
            if vocab in config.vocabularies:
                unchecked.append(vocab)
            continue
        problems += check_words(listed, folder, name, known, what)
    return ContentIndex(root, entries, sort_problems(problems), tuple(unchecked))
