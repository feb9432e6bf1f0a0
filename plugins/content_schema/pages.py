"""Evergreen pages (`content/pages/*.md`): about, privacy, learn, the home page, indexes."""

from __future__ import annotations

from .cases import SLUG_HELP, SLUG_PATTERN
from .fields import Collection, Field, Kind

# Where a page may be written instead of /<slug>/ (save_as/url): a relative path of
# lower-case words, e.g. "index.html" or "platform/index.html"; never "..", "/x" or "\\".
OUTPUT_PATH_PATTERN = r"(?:[a-z0-9]+(?:[-_.][a-z0-9]+)*/)*(?:[a-z0-9]+(?:[-_.][a-z0-9]+)*)?"
OUTPUT_PATH_HELP = (
    "write a path inside the site such as 'platform/index.html' (lower-case, no '..', "
    "no leading '/', no backslashes)"
)

PAGES = Collection(
    name="pages",
    label="a page (content/pages)",
    folder="pages",
    fields=(
        Field("title", "Title", Kind.TEXT, "the page heading", max_length=120),
        Field("slug", "Slug", Kind.TEXT,
              "the address /<slug>/; optional, the file name is used when it is missing",
              required=False, pattern=SLUG_PATTERN, pattern_help=SLUG_HELP, max_length=80),
        Field("summary", "Summary", Kind.LONGTEXT,
              "one or two sentences for search results and link previews", required=False,
              max_length=400),
        Field("lead", "Lead", Kind.LONGTEXT,
              "optional: the opening sentence shown large under the heading", required=False,
              max_length=500),
        Field("save_as", "Output file", Kind.TEXT, "optional: where the page is written",
              required=False, pattern=OUTPUT_PATH_PATTERN, pattern_help=OUTPUT_PATH_HELP),
        Field("url", "Address", Kind.TEXT, "optional: the address that matches save_as",
              required=False, pattern=OUTPUT_PATH_PATTERN, pattern_help=OUTPUT_PATH_HELP),
        Field("template", "Template", Kind.TEXT, "optional: the theme template to use",
              required=False, pattern=r"[a-z0-9_-]+",
              pattern_help="write a template name from theme/templates without '.html'"),
    ),
    extra_keys=frozenset({"status", "order", "modified", "lang"}),
)
