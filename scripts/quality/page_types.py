"""The page types every gate must see, how to find one of each in a built site, and the
page-types gate (a missing type fails it, or is skipped loudly with --allow-missing-page-types).

The benchmark (bench.weight) weighs one page of each type found here, too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from quality.results import GateResult
from quality.urls import url_of

# Folders under a section that are not pages of its type (Pelican's pagination).
NOT_A_PAGE = ("page",)


@dataclass(frozen=True)
class PageType:
    """A kind of page every gate must see: how to find one in a built site."""

    name: str
    describe: str
    find: Callable[[Path], str | None]  # the output-relative file of one example, or None
    visit: str = ""  # the URL path to open instead of the file's own (the 404 page)
    required: bool = True
    lighthouse: bool = False
    lookup: bool = False
    search: bool = False

    def url(self, out: Path) -> str | None:
        """The root-relative URL path of one example in `out` (None if there is none)."""
        rel = self.find(out)
        if rel is None:
            return None
        return self.visit or url_of(rel)


def _exact(rel: str) -> Callable[[Path], str | None]:
    def find(out: Path) -> str | None:
        return rel if (out / rel).is_file() else None

    return find


def _first_child(
    section: str, preferred: str, exclude: Iterable[str] = NOT_A_PAGE
) -> Callable[[Path], str | None]:
    """Find `<section>/<preferred>/index.html`, else the first `<section>/<x>/index.html`."""

    def find(out: Path) -> str | None:
        base = out / section
        if preferred and (base / preferred / "index.html").is_file():
            return f"{section}/{preferred}/index.html"
        if not base.is_dir():
            return None
        for child in sorted(base.iterdir()):
            if child.name in exclude or not (child / "index.html").is_file():
                continue
            return f"{section}/{child.name}/index.html"
        return None

    return find


PAGE_TYPES: list[PageType] = [
    PageType("home", "index.html", _exact("index.html"), lighthouse=True),
    PageType("platform-index", "platform/index.html", _exact("platform/index.html")),
    PageType(
        "platform",
        "platform/<slug>/index.html",
        _first_child("platform", "two-cents-for-freedom"),
        lighthouse=True,
    ),
    PageType(
        "action",
        "act/<slug>/index.html",
        _first_child("act", "two-cents-for-freedom"),
        lighthouse=True,
        lookup=True,
    ),
    PageType("case", "cases/<slug>/index.html", _first_child("cases", "")),
    PageType("outcome", "outcomes/<outcome>/index.html", _first_child("outcomes", "people")),
    PageType("representatives", "representatives/index.html", _exact("representatives/index.html")),
    PageType("state", "representatives/<st>/index.html", _first_child("representatives", "ma")),
    PageType("search", "search/index.html", _exact("search/index.html"), search=True),
    PageType(
        "404",
        "404.html (served for a missing path)",
        _exact("404.html"),
        visit="/this-page-does-not-exist/",
    ),
    # The Spanish pages (/es/): every gate sees one of each kind; Lighthouse the home page and
    # an action page.
    PageType("es-home", "es/index.html", _exact("es/index.html"), lighthouse=True),
    PageType("es-platform", "es/platform/<slug>/index.html",
             _first_child("es/platform", "two-cents-for-freedom")),
    PageType("es-action", "es/act/<slug>/index.html",
             _first_child("es/act", "two-cents-for-freedom"), lighthouse=True, lookup=True),
    PageType("es-state", "es/representatives/<st>/index.html",
             _first_child("es/representatives", "ma")),
    PageType("es-get-help", "es/get-help/index.html", _exact("es/get-help/index.html")),
    PageType("case-list", "cases/index.html", _exact("cases/index.html"), required=False),
    PageType("action-index", "act/index.html", _exact("act/index.html"), required=False),
]
BY_NAME = {t.name: t for t in PAGE_TYPES}


def find_pages(out: Path, types: list[PageType] = PAGE_TYPES) -> dict[str, str | None]:
    """Map every page type to the URL path of one example in `out` (None if missing)."""
    return {t.name: t.url(out) for t in types}


def page_types_gate(pages: dict[str, str | None], require_all: bool) -> GateResult:
    """Every required page type must exist; report which example each gate uses."""
    result = GateResult("page-types")
    for t in PAGE_TYPES:
        path = pages.get(t.name)
        if path:
            result.notes.append(f"{t.name:16} {path}")
            continue
        message = f"MISSING page type '{t.name}': no {t.describe} in the output"
        if not t.required:
            result.notes.append(f"{t.name:16} (optional, not built)")
        elif require_all:
            result.fail(t.name, message + "; every gate skipped it")
        else:
            result.notes.append("!" * 3 + " " + message + " - SKIPPED by every gate "
                                "(--allow-missing-page-types)")
    return result
