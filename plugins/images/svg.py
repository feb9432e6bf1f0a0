"""SVG images are text: publish them as they are, less their <metadata> elements.

The file is parsed with expat only to find where each <metadata> element starts and ends;
those byte ranges are cut out and every other byte is kept as it was.
"""

from __future__ import annotations

import re
from xml.parsers import expat

from .settings import LOG_PREFIX

SVG_NS = "http://www.w3.org/2000/svg"
_SEP = "\x1f"
_LENGTH = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*")


class SvgError(ValueError):
    """An SVG file is not well-formed XML; the message names the file and the fix."""


def _tag_end(data: bytes, start: int) -> int:
    """Return the index just past the tag that starts at `start` (quotes respected)."""
    quote = 0
    for i in range(start, len(data)):
        c = data[i]
        if quote:
            if c == quote:
                quote = 0
        elif c in (0x22, 0x27):
            quote = c
        elif c == 0x3E:
            return i + 1
    return len(data)


def parse_svg(data: bytes, shown: str) -> tuple[list[tuple[int, int]], dict[str, str]]:
    """Return the byte spans of the outermost <metadata> elements and the root's attributes."""
    parser = expat.ParserCreate(namespace_separator=_SEP)
    spans: list[tuple[int, int]] = []
    root: dict[str, str] = {}
    depth = 0
    start = 0
    stack: list[bool] = []

    def is_metadata(name: str) -> bool:
        ns, _, local = name.rpartition(_SEP)
        return local == "metadata" and ns in ("", SVG_NS)

    def on_start(name: str, attrs: dict[str, str]) -> None:
        nonlocal depth, start
        if not stack:
            root.update(attrs)
        meta = is_metadata(name)
        stack.append(meta)
        if meta:
            if depth == 0:
                start = parser.CurrentByteIndex
            depth += 1

    def on_end(name: str) -> None:
        nonlocal depth
        if stack.pop():
            depth -= 1
            if depth == 0:
                # An end tag reports where it starts; <metadata/> reports where it ended.
                here = parser.CurrentByteIndex
                empty = here > start and data[here - 2 : here] == b"/>" and here == _tag_end(
                    data, start)
                spans.append((start, here if empty else _tag_end(data, here)))

    parser.StartElementHandler = on_start
    parser.EndElementHandler = on_end
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise SvgError(f"{LOG_PREFIX} {shown}: not a well-formed SVG ({exc}); export it again "
                       "from an image editor as plain SVG") from exc
    return spans, root


def clean_svg(data: bytes, shown: str) -> bytes:
    """Return the SVG without its <metadata> elements; every other byte is unchanged."""
    spans, _ = parse_svg(data, shown)
    kept, last = [], 0
    for begin, end in spans:
        kept.append(data[last:begin])
        last = end
    kept.append(data[last:])
    return b"".join(kept)


def svg_size(data: bytes, shown: str) -> tuple[int, int] | None:
    """Return the SVG's size in CSS pixels (width/height, else viewBox), or None if it has none."""
    _, root = parse_svg(data, shown)
    width, height = (_LENGTH.fullmatch(root.get(k, "")) for k in ("width", "height"))
    if width and height:
        w, h = float(width.group(1)), float(height.group(1))
    else:
        box = root.get("viewBox", "").replace(",", " ").split()
        try:
            w, h = float(box[2]), float(box[3])
        except (IndexError, ValueError):
            return None
    if w <= 0 or h <= 0:
        return None
    return max(1, round(w)), max(1, round(h))
