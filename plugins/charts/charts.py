"""Draw bar charts at build time as inline, accessible SVG with a text table beside them.

A page asks for a chart with a paragraph of its own in Markdown::

    [chart: funding-gap]

and the plugin replaces that paragraph with a ``<figure>`` holding an SVG (``role="img"``,
labelled by its own ``<title>`` and ``<desc>``) and a table with the same numbers and their
sources. The figures live in ``<CHARTS_PATH>/<name>.yaml`` (default ``content/charts/``), so the
numbers, their sources and the text alternative all come from one place. No JavaScript, nothing
loaded from elsewhere, and the same input always gives the same bytes. `make check-content`
reports a page's chart problems first (the `checks` signal of content_schema).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
import re
from typing import Any

from pelican import signals
from pelican.contents import Content

from content_schema import Problem
from content_schema.checks import checks
from content_schema.files import Entry
from pluginkit import read_prefixed, requires, settings_of

from .draw import replace_shortcodes
from .model import ChartError, load_chart

DEFAULTS: dict[str, Any] = {
    # Folder of chart files (<name>.yaml); default <PATH>/charts.
    "CHARTS_PATH": None,
}
# A shortcode in the Markdown source, and one that shares its line with other text.
SOURCE_SHORTCODE = re.compile(r"^\s*\[chart:\s*([^\]]*?)\s*\]\s*$")
INLINE_SHORTCODE = re.compile(r"\[chart:")


@dataclass(frozen=True, slots=True)
class ChartSettings:
    """The plugin's settings, read once (CHARTS_PATH: the folder of chart files)."""

    path: Path

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> ChartSettings:
        """Validate CHARTS_* settings; unknown ones are an error naming the known ones."""
        merged = read_prefixed(settings, "CHARTS_", DEFAULTS, plugin="charts")
        return cls(path=Path(merged["CHARTS_PATH"] or Path(settings["PATH"]) / "charts"))


def check_settings(pelican: Any) -> None:
    """Stop at start-up on a bad CHARTS_* setting or a missing content_schema plugin."""
    requires(pelican.settings, "charts", "content_schema")
    settings_of(pelican.settings, ChartSettings)


def draw_charts(content: Content) -> None:
    """content_object_init receiver: draw the charts a page asks for."""
    html = getattr(content, "_content", None)
    if not html or "[chart:" not in html:
        return
    page = f"content/{content.get_relative_source_path()}"
    config = settings_of(content.settings, ChartSettings)
    content._content = replace_shortcodes(html, config.path, page)


def chart_problems(settings: Any, entries: Sequence[Entry]) -> list[Problem]:
    """Every chart a content file asks for exists, reads, and stands on a line of its own."""
    config = settings_of(settings, ChartSettings)
    problems = []
    for entry in entries:
        for offset, line in enumerate(entry.body.split("\n")):
            if not INLINE_SHORTCODE.search(line):
                continue
            number = entry.body_line + offset
            match = SOURCE_SHORTCODE.match(line)
            if match is None:
                problems.append(Problem(entry.path, number, "[chart: …]",
                                        "a chart shortcode is not on a line of its own",
                                        "put '[chart: name]' alone in its own paragraph"))
                continue
            try:
                load_chart(match.group(1), config.path, entry.path)
            except ChartError as error:
                where, line_no, field, message, fix = error.parts
                problems.append(Problem(where, number if where == entry.path else line_no,
                                        field, message, fix))
    return problems


def register() -> None:
    """Connect receivers; no logic here."""
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(draw_charts)
    checks.connect(chart_problems)
