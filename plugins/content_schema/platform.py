"""Platform pages (`content/platform/*.md`): one page per policy ask, at /platform/<slug>/."""

from __future__ import annotations

from .cases import SLUG_HELP, SLUG_PATTERN
from .fields import Collection, Field, Kind

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
    ),
    extra_keys=frozenset({"status", "template"}),
    slug_required=True,
)
