"""Synthetic case highlights for the benchmark (python -m bench), written two ways.

The same cases (same text, same metadata) are written twice:

- ``yaml``: YAML front matter in the site's case format (what volunteers and Decap CMS write),
  read by our site through pelican-yaml-metadata and checked by the outcomes plugin;
- ``plain``: Pelican's native ``Key: value`` Markdown metadata, which plain Pelican (no plugins)
  reads, holding the same data (lists joined with commas, sources as ``name <url>; …``).

The output is deterministic for a seed. Nothing here is real: these files only ever live in a
temporary folder of the benchmark and are never published.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
import datetime as dt
from pathlib import Path
import random
import re
import shutil
from typing import Any

import yaml

from bench.words import (
    ACTORS,
    CONNECT,
    HEADINGS,
    NOUNS,
    PLACES,
    RESULTS,
    SECTORS,
    SOURCES,
    VERBS,
    WARNINGS,
)

# The outcome vocabulary is defined once, in content_schema/cases.py; this is only the fallback
# used when that module is not importable (the generator must still run in isolation).
FALLBACK_OUTCOMES = ("people", "policy", "prevention", "money")


@dataclass(frozen=True, slots=True)
class Case:
    """One synthetic case highlight: metadata and a Markdown body."""

    slug: str
    title: str
    date: dt.date
    outcomes: tuple[str, ...]
    place: str
    sources: tuple[tuple[str, str], ...]
    summary: str
    body: str
    content_warning: str = ""

    @property
    def filename(self) -> str:
        """The file name the site's scaffold (make case) would give it."""
        return f"{self.date:%Y-%m-%d}-{self.slug}.md"


def outcome_vocabulary() -> tuple[str, ...]:
    """Return the site's outcome vocabulary (content_schema.cases) or the documented fallback."""
    try:
        from content_schema import cases as schema  # type: ignore[import-not-found]
    except ImportError:
        return FALLBACK_OUTCOMES
    for name in ("OUTCOMES", "OUTCOME_CHOICES", "VOCABULARY"):
        value = getattr(schema, name, None)
        if value:
            values = tuple(value.keys()) if isinstance(value, Mapping) else tuple(value)
            if all(isinstance(v, str) for v in values):
                return values
    return FALLBACK_OUTCOMES


def _money(rng: random.Random) -> str:
    amount = rng.choice((12, 48, 150, 463, 920, 1_200, 3_400))
    return rng.choice((f"{amount} million baht", f"${amount},000", f"{amount} million pesos"))


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(CONNECT), rng.choice(ACTORS), rng.choice(VERBS), rng.choice(NOUNS)]
    tail = rng.choice(
        (
            f"for {rng.randint(3, 240)} people",
            f"across {rng.randint(2, 14)} districts",
            f"in {rng.choice(SECTORS)}",
            "with survivors guiding the work",
            "without naming anyone who was harmed",
            f"over {rng.randint(2, 30)} months",
        )
    )
    return " ".join(words) + " " + tail + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _body(rng: random.Random, sources: tuple[tuple[str, str], ...], words: int) -> str:
    parts: list[str] = []
    count = 0
    headings = rng.sample(HEADINGS, 3)
    h = 0
    while count < words:
        if count and h < len(headings) and rng.random() < 0.35:
            parts.append(f"## {headings[h]}")
            h += 1
        para = _paragraph(rng, rng.randint(3, 6))
        if rng.random() < 0.3:
            name, url = rng.choice(sources)
            para += f" The [{name}]({url}) **{rng.choice(VERBS)}** the figures."
        parts.append(para)
        count += len(para.split())
        if rng.random() < 0.15:
            items = [f"- {rng.choice(NOUNS).capitalize()} {rng.choice(VERBS)}" for _ in range(3)]
            parts.append("\n".join(items))
    return "\n\n".join(parts) + "\n"


def generate(n: int, seed: int = 42, outcomes: tuple[str, ...] | None = None) -> Iterator[Case]:
    """Yield `n` deterministic synthetic cases (about 150 to 400 words each, like the real ones)."""
    rng = random.Random(seed)
    vocabulary = outcomes or outcome_vocabulary()
    start = dt.date(2019, 1, 1)
    span = (dt.date(2026, 10, 31) - start).days
    for i in range(n):
        city, country = rng.choice(PLACES)
        result = rng.choice(RESULTS).format(n=rng.randint(3, 180), m=_money(rng))
        actor = rng.choice(ACTORS)
        title = f"{actor.capitalize()} in {city} {result}"
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].rstrip("-") + f"-{i:05d}"
        date = start + dt.timedelta(days=rng.randrange(span))
        picked = rng.sample(range(len(SOURCES)), rng.randint(1, 3))
        published = date - dt.timedelta(days=rng.randrange(0, 40))
        sources = tuple(
            (f"{SOURCES[j][0]}, {published.day} {published:%B %Y}", SOURCES[j][1])
            for j in sorted(picked)
        )
        summary = (
            f"{actor.capitalize()} working on {rng.choice(SECTORS)} in {city}, {country}, "
            f"{result}; {' and '.join(rng.sample(NOUNS, 2))} followed."
        )
        yield Case(
            slug=slug,
            title=title,
            date=date,
            outcomes=tuple(rng.sample(vocabulary, rng.randint(1, min(2, len(vocabulary))))),
            place=country,
            sources=sources,
            summary=summary,
            body=_body(rng, sources, rng.randint(150, 300)),
            content_warning=rng.choice(WARNINGS) if rng.random() < 0.1 else "",
        )


def yaml_metadata(case: Case) -> dict[str, Any]:
    """The case's front matter as the site's case format holds it (content_schema/cases.py)."""
    return {
        "title": case.title,
        "date": case.date,
        "outcomes": list(case.outcomes),
        "place": case.place,
        "summary": case.summary,
        "sources": [{"name": name, "url": url} for name, url in case.sources],
        "slug": case.slug,
    } | ({"content_warning": case.content_warning} if case.content_warning else {})


def yaml_text(case: Case, metadata: Mapping[str, Any] | None = None) -> str:
    """The whole file with YAML front matter."""
    meta = dict(metadata if metadata is not None else yaml_metadata(case))
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n{case.body}"


def plain_text(case: Case) -> str:
    """The whole file with Pelican's native `Key: value` metadata holding the same data."""
    sources = "; ".join(f"{name} <{url}>" for name, url in case.sources)
    return (
        f"Title: {case.title}\n"
        f"Date: {case.date:%Y-%m-%d}\n"
        f"Slug: {case.slug}\n"
        f"Outcomes: {', '.join(case.outcomes)}\n"
        f"Place: {case.place}\n"
        f"Sources: {sources}\n"
        f"Summary: {case.summary}\n"
        + (f"Content_warning: {case.content_warning}\n" if case.content_warning else "")
        + f"\n{case.body}"
    )


def check_against_schema(cases: list[Case]) -> list[str]:
    """Check generated front matter against the site's case collection, if it exists.

    Returns the problems as `file:line: field: …` strings (empty when valid or when the schema
    module is not there yet).
    """
    try:
        from content_schema.collections import COLLECTIONS  # type: ignore[import-not-found]
    except ImportError:
        return []
    collection = COLLECTIONS.get("cases")
    if collection is None:
        return []
    problems: list[str] = []
    for case in cases:
        problems += [str(p) for p in collection.check(yaml_metadata(case), path=case.filename)]
    return problems


def write_corpus(root: Path, n: int, seed: int = 42) -> dict[str, Path]:
    """Write `n` cases as `root/yaml/cases/*.md` and `root/plain/content/*.md`.

    Returns the two folders. Existing folders are replaced.
    """
    ydir = root / "yaml" / "cases"
    pdir = root / "plain" / "content"
    for d in (ydir, pdir):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    for case in generate(n, seed):
        (ydir / case.filename).write_text(yaml_text(case), encoding="utf-8")
        (pdir / case.filename).write_text(plain_text(case), encoding="utf-8")
    return {"yaml": ydir, "plain": pdir}


FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)


def plain_page(text: str, slug: str) -> str | None:
    """Convert one real YAML-front-matter page into a plain Pelican page with the same text.

    Keeps title, date and summary; drops keys that only our theme understands. Returns None
    for a file without front matter.
    """
    match = FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        return None
    meta = yaml.safe_load(match.group(1)) or {}
    title = str(meta.get("title", slug)).replace("\n", " ")
    lines = [f"Title: {title}", f"Slug: {slug}"]
    if meta.get("date"):
        lines.append(f"Date: {meta['date']}")
    if meta.get("summary"):
        lines.append("Summary: " + " ".join(str(meta["summary"]).split()))
    return "\n".join(lines) + "\n\n" + match.group(2)


def write_plain_pages(real_content: Path, dest: Path, folders: tuple[str, ...]) -> int:
    """Write the real pages of `folders` as plain Pelican pages into `dest`; return the count."""
    dest.mkdir(parents=True, exist_ok=True)
    count = 0
    for folder in folders:
        for src in sorted((real_content / folder).glob("*.md")):
            if src.name == "README.md" or src.name.startswith(("_", ".")):
                continue
            slug = f"{folder}-{src.stem}"
            converted = plain_page(src.read_text(encoding="utf-8"), slug)
            if converted is not None:
                (dest / f"{slug}.md").write_text(converted, encoding="utf-8")
                count += 1
    return count
