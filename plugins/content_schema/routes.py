"""Addresses on the site: where each content folder's files go, and what the site writes itself.

Each plugin owns its addresses (in its typed settings) and hands them to content_schema by
answering the `routes` signal with a `Routes`: so a content file cannot take an address that
a plugin writes, a link to a generated page is known to exist, and no address is typed twice.
Pelican's own addresses (ARTICLE_URL, PAGE_URL, INDEX_URL, the direct templates, the theme's
static files) are read here from Pelican's settings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
import re
from typing import Any

from blinker import Signal

#: Sent with the build's settings; each receiver returns a `Routes` (or None).
routes = Signal("content_schema.routes: the addresses a plugin owns")


@dataclass(frozen=True, slots=True)
class Routes:
    """Addresses one plugin owns.

    `folders` maps a content folder to the URL pattern of its files ("platform/{slug}/").
    `generated` lists the addresses the plugin writes: `{name}` stands for one part of a
    path, a final `*` for anything below ("outcomes/{slug}/", "api/v1/*", "sitemap.xml").
    """

    folders: Mapping[str, str] = field(default_factory=dict)
    generated: tuple[str, ...] = ()


_PART = re.compile(r"\\\{[A-Za-z_]+\\\}")


def route_pattern(patterns: Iterable[str]) -> re.Pattern[str]:
    """Return one regular expression that fully matches any of the address patterns."""
    parts = []
    for pattern in sorted(set(patterns)):
        text = re.escape(pattern.lstrip("/"))
        text = _PART.sub(r"[^/]+", text)
        if text.endswith(r"\*"):
            text = text[:-2] + ".*"
        parts.append(f"(?:{text})")
    return re.compile("|".join(parts) or r"(?!)")


def normalise_route(target: str) -> str:
    """Turn '/platform/x', '/platform/x/index.html' or '/platform/x/' into 'platform/x/'."""
    route = target.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    if route.endswith("index.html"):
        route = route[: -len("index.html")]
    last = route.rsplit("/", 1)[-1]
    if route and not route.endswith("/") and "." not in last:
        route += "/"
    return route


def paginated(settings: Mapping[str, Any], url: str) -> list[str]:
    """The addresses of the later pages of a paginated list at `url` (PAGINATION_PATTERNS)."""
    base = url.rstrip("/")
    found = []
    for minimum, pattern, _save_as in settings.get("PAGINATION_PATTERNS", ()):
        if minimum > 1:
            found.append(str(pattern).replace("{base_name}", base).replace("{number}", "{n}"))
    return found


def pelican_routes(settings: Mapping[str, Any]) -> Routes:
    """Pelican's own addresses: article and page folders, direct templates, theme, extras."""
    folders: dict[str, str] = {}
    for folder in settings.get("ARTICLE_PATHS", ()):
        folders[str(folder).strip("/")] = str(settings.get("ARTICLE_URL", "{slug}.html"))
    for folder in settings.get("PAGE_PATHS", ()):
        folders[str(folder).strip("/")] = str(settings.get("PAGE_URL", "pages/{slug}.html"))
    generated = []
    for name in settings.get("DIRECT_TEMPLATES", ()):
        key = str(name).upper()
        where = settings.get(f"{key}_URL") or settings.get(f"{key}_SAVE_AS", f"{name}.html")
        if where is not None:
            generated.append(normalise_route(str(where)))
    if "index" in settings.get("PAGINATED_TEMPLATES", {}):
        generated += paginated(settings, str(settings.get("INDEX_URL", "")))
    generated.append(f"{str(settings.get('THEME_STATIC_DIR', 'theme')).strip('/')}/*")
    generated += [
        str(meta["path"]) for meta in settings.get("EXTRA_PATH_METADATA", {}).values()
        if isinstance(meta, Mapping) and meta.get("path")
    ]
    if settings.get("SEARCH_INDEX_URL"):
        generated.append(f"{str(settings['SEARCH_INDEX_URL']).strip('/')}/*")
    return Routes(folders, tuple(generated))


def collect(settings: Mapping[str, Any]) -> Routes:
    """Pelican's addresses and every plugin's, merged; a plugin's folder pattern wins."""
    from .errors import ContentConfigError

    folders: dict[str, str] = {}
    generated: list[str] = []
    answers = [pelican_routes(settings)] + [
        answer for _receiver, answer in routes.send(settings) if answer is not None
    ]
    for answer in answers:
        for folder, pattern in answer.folders.items():
            folders[folder] = pattern  # a plugin's folder (SECTIONS) overrides PAGE_URL
        generated += answer.generated
    for folder, pattern in folders.items():
        if "{slug}" not in pattern:
            raise ContentConfigError(
                f"[content_schema] the address pattern of content/{folder} is {pattern!r}; "
                "it needs {slug}, e.g. 'platform/{slug}/'"
            )
    return Routes(folders, tuple(sorted(set(generated))))
