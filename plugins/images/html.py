"""Give every <img> of ours its size, its responsive copies and lazy loading.

The HTML is read with the standard library's parser only to find each <img> start tag and its
attributes; the new attributes are inserted into that tag's original text, so every other byte
of the page stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
import posixpath
import re
from urllib.parse import quote, unquote, urlsplit

from .catalog import Catalog, Source

# Pelican's default INTRASITE_LINK_REGEX: {static}, |static| and friends.
_INTRASITE = re.compile(r"^[{|](?P<what>\w+)[|}](?P<value>.*)$", re.S)


@dataclass(frozen=True, slots=True)
class ImgTag:
    """One <img> start tag: where it is in the text and its attributes."""

    start: int
    end: int
    text: str
    attrs: dict[str, str | None]


class _ImgFinder(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = [0]
        for match in re.finditer("\n", html):
            self.lines.append(match.end())
        self.found: list[ImgTag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "img":
            return
        line, column = self.getpos()
        start = self.lines[line - 1] + column
        text = self.get_starttag_text() or ""
        self.found.append(ImgTag(start, start + len(text), text, dict(attrs)))

    handle_startendtag = handle_starttag


def find_images(html: str) -> list[ImgTag]:
    """Return every <img> start tag of the HTML, in order."""
    finder = _ImgFinder(html)
    finder.feed(html)
    finder.close()
    return finder.found


@dataclass(frozen=True, slots=True)
class Target:
    """Which of our images a src names, and how to write the URL of its other copies."""

    source: Source
    url_of: Callable[[str], str]


def _intrasite(src: str, content_dir: str) -> tuple[str, str] | None:
    """Return (what, content-relative path) of a '{static}…'-style link, else None."""
    link = _INTRASITE.match(src)
    if not link:
        return None
    path = unquote(urlsplit(link.group("value")).path)
    rel = path.lstrip("/") if path.startswith("/") else posixpath.join(content_dir, path)
    return link.group("what"), posixpath.normpath(rel)


def resolve(src: str, catalog: Catalog, content_dir: str, siteurl: str) -> Target | None:
    """Return the image of ours that `src` points at, or None.

    `src` is as Markdown wrote it: '/images/a.jpg', or '{static}/images/a.jpg' (root- or
    file-relative, `content_dir` being the page's folder under PATH), which Pelican turns into
    `siteurl` + '/images/a.jpg' later; the srcset is written in the same form.
    """
    link = _intrasite(src, content_dir)
    if link:
        what, rel = link
        source = catalog.get(rel) if what in ("static", "filename") else None
        return Target(source, lambda out: f"{siteurl}/{quote(out)}") if source else None
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    source = catalog.get(posixpath.normpath(unquote(parts.path).lstrip("/")))
    return Target(source, lambda out: "/" + quote(out)) if source else None


def _added(tag: ImgTag, target: Target, sizes: str, lazy: bool) -> list[tuple[str, str]]:
    attrs = tag.attrs
    source = target.source
    full = source.full
    new: list[tuple[str, str]] = []
    if "width" not in attrs and "height" not in attrs and full.width and full.height:
        new += [("width", str(full.width)), ("height", str(full.height))]
    if source.plan is not None and "srcset" not in attrs:  # SVG scales: no srcset
        srcset = ", ".join(f"{target.url_of(o.path)} {o.width}w" for o in reversed(source.outputs))
        new.append(("srcset", srcset))
        if "sizes" not in attrs:
            new.append(("sizes", sizes))
    if "decoding" not in attrs:
        new.append(("decoding", "async"))
    if lazy and "loading" not in attrs:
        new.append(("loading", "lazy"))
    return new


def _with(text: str, new: list[tuple[str, str]]) -> str:
    extra = "".join(f' {name}="{escape(value, quote=True)}"' for name, value in new)
    close = "/>" if text.endswith("/>") else ">"
    head = text[: -len(close)]
    if close == "/>" and head.endswith(" "):
        return f"{head.rstrip()}{extra} />"
    return f"{head}{extra}{close}"


def rewrite(
    html: str, catalog: Catalog, content_dir: str, siteurl: str, sizes: str
) -> tuple[str, list[str]]:
    """Return the HTML with our images' attributes added, and the srcs that {attach} an image.

    The first <img> of the HTML is left to load eagerly (likely above the fold); every later
    image of ours gets loading="lazy".
    """
    pieces: list[str] = []
    attached: list[str] = []
    last = 0
    for index, tag in enumerate(find_images(html)):
        src = tag.attrs.get("src") or ""
        target = resolve(src, catalog, content_dir, siteurl)
        if target is None:
            link = _intrasite(src, content_dir)
            if link and link[0] == "attach" and catalog.get(link[1]):
                attached.append(src)  # Pelican would move it beside the page, unprocessed
            continue
        new = _added(tag, target, sizes, lazy=index > 0)
        if new:
            pieces += [html[last : tag.start], _with(tag.text, new)]
            last = tag.end
    pieces.append(html[last:])
    return "".join(pieces), attached
