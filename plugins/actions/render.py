"""Turn an action's letter and script Markdown into HTML with placeholder spans."""

from __future__ import annotations

from collections.abc import Mapping
import html
import re
from typing import Any

from markdown import Markdown

from content_schema.actions import PLACEHOLDER_RE, PLACEHOLDERS

_TAG_SPLIT = re.compile(r"(<[^>]*>)")
_RAW_HTML = re.compile(r"<(?!https://)[A-Za-z/!?]")
_HREF = re.compile(r"""\b(?:href|src)\s*=\s*"([^"]*)\"""")


def make_markdown(settings: Mapping[str, Any]) -> Markdown:
    """Return a Markdown converter configured like Pelican's reader."""
    config = dict(settings.get("MARKDOWN", {}))
    extension_configs = dict(config.get("extension_configs", {}))
    extensions = list(dict.fromkeys([*config.get("extensions", []), *extension_configs]))
    return Markdown(
        extensions=extensions,
        extension_configs=extension_configs,
        output_format=config.get("output_format", "html5"),
    )


def placeholder_span(name: str) -> str:
    """Return the HTML a placeholder becomes: readable bracketed text the browser fills in."""
    shown = html.escape(PLACEHOLDERS[name].shown_as)
    return f'<span class="ph" data-ph="{name}">{shown}</span>'


def _fill_text(text: str) -> str:
    """Replace placeholders in a run of HTML text; `{{`/`}}` become literal braces."""
    text = PLACEHOLDER_RE.sub(
        lambda m: placeholder_span(m.group(1)) if m.group(1) in PLACEHOLDERS else m.group(0), text
    )
    return text.replace("{{", "{").replace("}}", "}")


def fill_placeholders(rendered: str) -> tuple[str, list[str]]:
    """Swap placeholders in rendered HTML for spans; report any inside a tag or link."""
    problems: list[str] = []
    parts = []
    for part in _TAG_SPLIT.split(rendered):
        if part.startswith("<"):
            if PLACEHOLDER_RE.search(part):
                problems.append("a placeholder is inside a link or tag; placeholders work in text")
            parts.append(part)
        else:
            parts.append(_fill_text(part))
    return "".join(parts), problems


def render_markdown(source: str, md: Markdown) -> tuple[str, list[str]]:
    """Render letter or script Markdown; return (html, problems) with placeholder spans."""
    problems = []
    if _RAW_HTML.search(source):
        problems.append("contains HTML; write plain Markdown (a letter is plain text)")
    rendered = md.reset().convert(source)
    for url in _HREF.findall(rendered):
        if not html.unescape(url).startswith("https://"):
            problems.append(f"the link '{html.unescape(url)}' is not an https:// address")
    if "<img" in rendered:
        problems.append("contains an image; a letter is text only")
    filled, more = fill_placeholders(rendered)
    return filled, problems + more


def render_inline(source: str) -> str:
    """Render one line of plain text (the subject) with placeholder spans."""
    return _fill_text(html.escape(source, quote=False))
