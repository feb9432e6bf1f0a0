"""URLs in a built site: an output file's URL path, a URL's origin, a stylesheet's @import.

Shared by the static gate (what a page loads) and the benchmark's page weight (what a page
costs), which read the same references.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# The target of an `@import "x.css"` or `@import url(x.css)` in a stylesheet.
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)""")


def url_of(rel: str) -> str:
    """The root-relative URL of an output file (`a/index.html` -> `/a/`)."""
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def origin(url: str) -> str:
    """`scheme://host[:port]` of a URL, lower case."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
