"""Translations: content/<lang>/<folder>/ holds pages in another language (content/es/...).

Each translated file names the English file it translates (`translation_of`, a path under
content/) and the first 12 characters of that file's SHA-256 when it was translated
(`translated_from`). The checks across files: the original exists, in the matching folder,
with the same slug; it has not changed since (else the translation is out of date, and the
message gives the new hash to write once it is brought up to date); an action's letter and
script have as many paragraphs as the English ones, with the same placeholders in each, so
that they can be shown side by side.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
import dataclasses
import hashlib
from pathlib import Path, PurePosixPath
import re

from .actions import ACTIONS, placeholders_in
from .entry import Entry
from .fields import Collection, Field, Kind, Problem
from .pages import PAGES
from .platform import PLATFORM

HASH_LENGTH = 12
#: The languages with a folder of translations: code -> name in English (for labels).
LANGUAGES = {"es": "Spanish"}


def content_hash(path: Path) -> str:
    """The first 12 hex digits of the file's SHA-256 (what `translated_from` records)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LENGTH]


def translation_fields(code: str) -> tuple[Field, ...]:
    """The fields every translated file carries."""
    return (
        Field("lang", "Language", Kind.TEXT, f"the language of the page: {code}",
              pattern=re.escape(code), pattern_help=f"write lang: {code}"),
        Field("translation_of", "Translation of", Kind.TEXT,
              "the English file this translates, as a path under content/, "
              "e.g. platform/measurement.md",
              pattern=r"[a-z0-9_-]+(?:/[a-z0-9_-]+)*\.md",
              pattern_help="write the path under content/, e.g. platform/measurement.md"),
        Field("translated_from", "Translated from", Kind.TEXT,
              "the first 12 characters of the English file's SHA-256 when it was translated "
              "(make check-content prints the current one)",
              pattern=f"[0-9a-f]{{{HASH_LENGTH}}}",
              pattern_help="write the 12 hex digits make check-content gives"),
    )


@dataclasses.dataclass(frozen=True, slots=True)
class Translated:
    """A folder of translations: its collection and the English folder it mirrors."""

    collection: Collection
    original: str  # the English folder, e.g. "platform"
    code: str


def translated(base: Collection, code: str, *, drop: Iterable[str] = (),
               optional: Iterable[str] = ()) -> Translated:
    """A collection for content/<code>/<base.folder>/: the base fields, minus `drop` (what
    comes from the original), with `optional` ones not required, plus the translation fields."""
    dropped, relaxed = set(drop), set(optional)
    fields = tuple(dataclasses.replace(f, required=False) if f.name in relaxed else f
                   for f in base.fields if f.name not in dropped)
    folder = f"{code}/{base.folder}"
    collection = dataclasses.replace(
        base,
        name=f"{base.name}_{code}",
        label=f"{base.label.split(' (')[0]} in {LANGUAGES[code]} (content/{folder})",
        folder=folder,
        fields=fields + translation_fields(code),
        extra_keys=base.extra_keys - {"lang"},
    )
    return Translated(collection, base.folder, code)


#: Spanish: pages and platform summaries translate every field; an action translates its
#: words (title, summary, subject, letter, script, committee lines), and takes its ask and
#: its targets from the English file.
TRANSLATIONS: tuple[Translated, ...] = (
    translated(PAGES, "es"),
    translated(PLATFORM, "es"),
    translated(ACTIONS, "es", drop=("ask", "targets")),
)
BY_FOLDER = {t.collection.folder: t for t in TRANSLATIONS}


def paragraphs(text: object) -> list[str]:
    """A letter's or script's paragraphs (blocks between blank lines), without empty ones."""
    if not isinstance(text, str):
        return []
    return [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def _side_by_side(meta: Mapping, original: Mapping, path: str, lines: Mapping[str, int],
                  english: str) -> list[Problem]:
    """The translated letter and script pair with the English ones, paragraph by paragraph."""
    problems = []
    for name in ("letter", "script"):
        mine, theirs = paragraphs(meta.get(name)), paragraphs(original.get(name))
        line = lines.get(name, 1)
        if len(mine) != len(theirs):
            problems.append(Problem(
                path, line, name,
                f"has {len(mine)} paragraphs, and the English {name} in {english} has "
                f"{len(theirs)}", "translate paragraph by paragraph, with a blank line between "
                "paragraphs, so each one is shown beside the English"))
            continue
        for n, (a, b) in enumerate(zip(mine, theirs, strict=True), start=1):
            if sorted(placeholders_in(a)) != sorted(placeholders_in(b)):
                problems.append(Problem(
                    path, line, name,
                    f"paragraph {n} has the placeholders {sorted(set(placeholders_in(a)))} and "
                    f"the English one {sorted(set(placeholders_in(b)))}",
                    "keep the same {placeholders} in each translated paragraph"))
    mine_c, theirs_c = meta.get("committees") or {}, original.get("committees") or {}
    if isinstance(mine_c, Mapping) and isinstance(theirs_c, Mapping) and set(mine_c) != set(
            theirs_c):
        problems.append(Problem(
            path, lines.get("committees", 1), "committees",
            f"translates the lines of {sorted(mine_c)}, and {english} has {sorted(theirs_c)}",
            "translate the line of every committee the English file lists, and no other"))
    return problems


def check_translations(entries: Mapping[str, Entry], root: Path) -> list[Problem]:
    """Every translated file names an existing, unchanged English original (rules across files).

    `entries` maps each file's absolute path to its entry (the content index).
    """
    base = root.resolve()
    by_rel = {PurePosixPath(*Path(path).relative_to(base).parts).as_posix(): e
              for path, e in entries.items()}
    listed = [entries[k] for k in sorted(entries)]
    seen: dict[tuple[str, str], str] = {}
    problems: list[Problem] = []
    for entry in listed:
        spec = BY_FOLDER.get(entry.folder)
        if spec is None or not entry.parsed:
            continue
        meta, lines = entry.metadata, entry.lines
        of = meta.get("translation_of")
        if not isinstance(of, str) or "translation_of" in {p.field for p in entry.problems}:
            continue
        where = lines.get("translation_of", 1)
        if not of.startswith(f"{spec.original}/"):
            problems.append(Problem(entry.path, where, "translation_of",
                                    f"'{of}' is not in content/{spec.original}/",
                                    f"name the English file in content/{spec.original}/ "
                                    "that this page translates"))
            continue
        original = by_rel.get(of)
        if original is None or not (root / of).is_file():
            problems.append(Problem(entry.path, where, "translation_of",
                                    f"the English file content/{of} does not exist",
                                    "write the path of the English file this page translates, "
                                    "or delete this translation with its original"))
            continue
        other = seen.setdefault((spec.code, of), entry.path)
        if other != entry.path:
            problems.append(Problem(entry.path, where, "translation_of",
                                    f"{other} already translates content/{of}",
                                    "keep one translation per English page"))
        if original.slug and entry.slug and original.slug != entry.slug:
            problems.append(Problem(entry.path, lines.get("slug", 1), "slug",
                                    f"is '{entry.slug}', and the English page's is "
                                    f"'{original.slug}'",
                                    f"use the same slug, '{original.slug}', so the pages pair"))
        now = content_hash(root / of)
        if meta.get("translated_from") != now:
            problems.append(Problem(
                entry.path, lines.get("translated_from", 1), "translated_from",
                f"the English page content/{of} has changed since this translation "
                f"(its hash is now {now}, not {meta.get('translated_from')})",
                f"bring the translation up to date with the English page, then write "
                f"translated_from: {now}"))
        if spec.original == "actions":
            problems += _side_by_side(meta, original.metadata, entry.path, lines,
                                      f"content/{of}")
    return problems
