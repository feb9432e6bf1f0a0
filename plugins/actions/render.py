"""Turn an action's letter and script Markdown into HTML with placeholder spans.

The rules a letter follows (plain Markdown, https links, no placeholder in a link) are
content_schema's, checked before the build reads any file; here it is only rendered."""

from __future__ import annotations

from collections.abc import Mapping
import html
import re
from typing import Any

from markdown import Markdown

from content_schema.actions import PLACEHOLDER_RE, PLACEHOLDERS
from content_schema.translations import paragraphs

_TAG_SPLIT = re.compile(r"(<[^>]*>)")


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


def placeholder_span(name: str, lang: str = "en") -> str:
    """Return the HTML a placeholder becomes: readable bracketed text the browser fills in."""
    shown = html.escape(PLACEHOLDERS[name].shown_in(lang))
    return f'<span class="ph" data-ph="{name}">{shown}</span>'


def _fill_text(text: str, lang: str = "en") -> str:
    """Replace placeholders in a run of HTML text; `{{`/`}}` become literal braces."""
    text = PLACEHOLDER_RE.sub(
        lambda m: placeholder_span(m.group(1), lang) if m.group(1) in PLACEHOLDERS
        else m.group(0), text
    )
    return text.replace("{{", "{").replace("}}", "}")


def fill_placeholders(rendered: str, lang: str = "en") -> str:
    """Swap placeholders in the text of rendered HTML for spans (tags are left alone).

    content_schema has checked that no placeholder stands inside a tag or a link.
    """
    return "".join(
        part if part.startswith("<") else _fill_text(part, lang)
        for part in _TAG_SPLIT.split(rendered)
    )


def render_markdown(source: str, md: Markdown, lang: str = "en") -> str:
    """Render letter or script Markdown (checked by content_schema) with placeholder spans."""
    return fill_placeholders(md.reset().convert(source), lang)


def render_inline(source: str, lang: str = "en") -> str:
    """Render one line of plain text (the subject) with placeholder spans."""
    return _fill_text(html.escape(source, quote=False), lang)


def render_side_by_side(english: str, translated: str, md: Markdown, lang: str) -> str:
    """The English letter or script with its translation beside each paragraph.

    content_schema has checked that both have the same paragraphs and placeholders. The
    translation is marked `no-copy` and `translation`: copying and printing send the English.
    """
    pairs = zip(paragraphs(english), paragraphs(translated), strict=True)
    return "".join(
        f'<div class="pair"><div class="pair__en" lang="en">{render_markdown(en, md)}</div>'
        f'<div class="pair__tr translation no-copy" lang="{lang}">'
        f"{render_markdown(tr, md, lang)}</div></div>"
        for en, tr in pairs
    )
