"""Platform pages (`content/platform/*.md`): one page per policy ask, at /platform/<slug>/."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .cases import SLUG_HELP, SLUG_PATTERN, as_list_of_items
from .fields import Collection, Field, Kind

#: The key figures of an ask: what the leave-behind prints (at most three).
MAX_FIGURES = 3
FIGURE_FIELDS = (
    Field("figure", "Figure", Kind.TEXT,
          "the figure and what it counts, e.g. 'US$236 billion a year in illegal profits'",
          max_length=200),
    Field("source", "Source", Kind.TEXT,
          "the primary publisher and the document, e.g. 'International Labour Organization, "
          "2024'", max_length=200),
    Field("url", "Link", Kind.TEXT, "the source's address, starting with https://",
          pattern=r"https://[^\s<>\"']+", pattern_help="write the full https:// address"),
)


def check_figures(value: Any) -> list[tuple[str, str]]:
    """One to three key figures, each with its figure, its source and an https link."""
    items = as_list_of_items(value)
    problems: list[tuple[str, str]] = []
    if not 1 <= len(items) <= MAX_FIGURES:
        problems.append((f"has {len(items)} figures", f"give 1 to {MAX_FIGURES}: the leave-behind "
                         "prints them on one page"))
    for n, item in enumerate(items, start=1):
        if not isinstance(item, Mapping):
            problems.append((f"figure {n} is not a figure, source and url",
                             "write '- figure: …', '  source: …' and '  url: https://…'"))
            continue
        for key in sorted(set(item) - {f.name for f in FIGURE_FIELDS}):
            problems.append((f"figure {n} has an unknown part '{key}'",
                             "give each figure only figure, source and url"))
        for sub in FIGURE_FIELDS:
            problems += [(f"{sub.name} of figure {n}: {m}", fix)
                         for m, fix in sub.check(item.get(sub.name))]
    return problems

PLATFORM = Collection(
    name="platform",
    label="a platform page (content/platform)",
    folder="platform",
    fields=(
        Field("title", "Title", Kind.TEXT, "the name of the ask, e.g. 'Two cents for freedom'",
              max_length=120),
        Field("slug", "Slug", Kind.TEXT, "the last part of the address /platform/<slug>/",
              pattern=SLUG_PATTERN, pattern_help=SLUG_HELP, max_length=80),
        Field("order", "Order", Kind.NUMBER, "its place in the platform, 1 to 9",
              minimum=1, maximum=9),
        Field("ask", "The ask", Kind.LONGTEXT, "the ask in one sentence", max_length=400),
        Field("decides", "Who decides", Kind.LONGTEXT,
              "who can make it happen, e.g. 'Congress, through the Appropriations Committees'",
              max_length=500),
        Field("summary", "Summary", Kind.LONGTEXT,
              "one or two sentences for the platform index and search results", max_length=400),
        Field("figures", "Key figures", Kind.LIST,
              "optional: up to three figures with their primary source, for the page and its "
              "printed leave-behind", required=False, fields=FIGURE_FIELDS, multiple=True,
              validate=check_figures),
    ),
    extra_keys=frozenset({"status", "template"}),
    slug_required=True,
)
