"""Draw bar charts at build time as inline, accessible SVG with a text table beside them.

A page asks for a chart with a paragraph of its own in Markdown::

    [chart: funding-gap]

and the plugin replaces that paragraph with a ``<figure>`` holding an SVG (``role="img"``,
labelled by its own ``<title>`` and ``<desc>``) and a table with the same numbers and their
sources. The figures live in ``<CHARTS_PATH>/<name>.yaml`` (default ``content/charts/``), so the
numbers, their sources and the text alternative all come from one place. No JavaScript, nothing
loaded from elsewhere, and the same input always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
import logging
from pathlib import Path
import re
from typing import Any

from pelican import signals
from pelican.contents import Content
import yaml

logger = logging.getLogger(__name__)

SHORTCODE = re.compile(r"<p>\s*\[chart:\s*([^\]]*?)\s*\]\s*</p>")
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
KNOWN_SETTINGS = ("CHARTS_PATH",)

# Geometry of the drawing (SVG user units; the SVG scales to its container).
WIDTH = 440  # narrow, so that the labels stay legible on a 320 px screen
ROW_HEIGHT = 56
LABEL_Y = 18
BAR_Y = 26
BAR_HEIGHT = 22
MIN_BAR = 2  # a bar never vanishes, however small its value
PAD_TOP = 4
VALUE_ROOM = 140  # a value is written inside its bar when the bar leaves less room than this
VALUE_GAP = 6


class ChartError(ValueError):
    """A chart shortcode or chart file is wrong; the message says where and how to fix it."""


@dataclass(frozen=True, slots=True)
class ChartSettings:
    """The plugin's settings, read once.

    CHARTS_PATH: folder of chart files (``<name>.yaml``); default ``<PATH>/charts``.
    """

    path: Path

    @classmethod
    def read(cls, settings: Mapping[str, Any]) -> ChartSettings:
        """Validate CHARTS_* settings; unknown ones are an error naming the known ones."""
        unknown = sorted(k for k in settings if k.startswith("CHARTS_") and k not in KNOWN_SETTINGS)
        if unknown:
            raise ChartError(
                f"pelicanconf.py: {', '.join(unknown)}: unknown setting; "
                f"the charts plugin knows only {', '.join(KNOWN_SETTINGS)}"
            )
        raw = settings.get("CHARTS_PATH") or Path(settings["PATH"]) / "charts"
        return cls(path=Path(raw))


@dataclass(frozen=True, slots=True)
class Row:
    """One bar and one table row: a figure, what kind of figure it is, and its source."""

    label: str
    short: str
    millions: float
    approx: bool
    kind: str
    year: str
    source: str
    url: str | None
    calculated: bool


@dataclass(frozen=True, slots=True)
class Chart:
    """A titled horizontal bar chart of yearly US-dollar amounts."""

    name: str
    title: str
    summary: str
    note: str
    rows: tuple[Row, ...]


def money(millions: float, *, approx: bool = False) -> str:
    """Format an amount given in millions of dollars: '$236 billion', 'about $250 million'."""
    if millions >= 1000:
        number = f"{millions / 1000:.2f}".rstrip("0").rstrip(".")
        text = f"${number} billion"
    else:
        number = f"{millions:.1f}".rstrip("0").rstrip(".")
        text = f"${number} million"
    return f"about {text}" if approx else text


def _problem(source: str, field: str, message: str, fix: str, line: int = 1) -> ChartError:
    """An error in the project's one format: `file:line: field: what is wrong; how to fix it`."""
    return ChartError(f"{source}:{line}: {field}: {message}; {fix}")


def _text(
    spec: Mapping[str, Any], key: str, where: str, field: str, *, required: bool = True
) -> str:
    value = spec.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _problem(where, field, f"'{key}' is missing", f"add '{key}: …' (text)")
        return ""
    if not isinstance(value, str):
        raise _problem(
            where, field, f"{value!r} is not text", f"put the value of '{key}' in quotes"
        )
    return " ".join(value.split())


def parse_chart(name: str, spec: Any, where: str) -> Chart:
    """Validate a chart file's data and compute derived rows (a share of another row)."""
    if not isinstance(spec, Mapping):
        raise _problem(where, "(file)", "is not a mapping of keys", "start with 'title: …'")
    raw_rows = spec.get("rows")
    if not isinstance(raw_rows, list) or not raw_rows:
        raise _problem(
            where, "rows", "is missing or empty", "add a list of rows, each with a label"
        )
    by_id: dict[str, float] = {}
    labels: dict[str, str] = {}
    rows: list[Row] = []
    for index, raw in enumerate(raw_rows, start=1):
        field = f"rows[{index}]"
        if not isinstance(raw, Mapping):
            raise _problem(where, field, "is not a mapping", "write each row as '- label: …'")
        label = _text(raw, "label", where, f"{field}.label")
        short = _text(raw, "short", where, f"{field}.short", required=False) or label
        if "share_of" in raw:
            base = raw["share_of"]
            share = raw.get("share")
            if base not in by_id:
                raise _problem(
                    where,
                    f"{field}.share_of",
                    f"{base!r} is not the id of an earlier row",
                    f"use one of {', '.join(sorted(by_id)) or '(no ids yet)'}",
                )
            if isinstance(share, bool) or not isinstance(share, int | float) or not share > 0:
                raise _problem(
                    where,
                    f"{field}.share",
                    f"{share!r} is not a positive number",
                    "write e.g. 0.02",
                )
            millions = by_id[base] * share
            cents = f"{share * 100:g}"
            source = f"{cents} cents per dollar of “{labels[base]}”"
            url = None
            kind = "Our calculation"
        else:
            value = raw.get("millions")
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise _problem(
                    where,
                    f"{field}.millions",
                    f"{value!r} is not a positive number",
                    "give the amount in millions of US dollars, e.g. 236000 for $236 billion",
                )
            millions = float(value)
            source = _text(raw, "source", where, f"{field}.source")
            url = _text(raw, "url", where, f"{field}.url", required=False) or None
            if url is not None and not url.startswith(("https://", "http://")):
                raise _problem(
                    where, f"{field}.url", f"{url!r} is not a web address", "link the source"
                )
            kind = _text(raw, "kind", where, f"{field}.kind")
        row_id = raw.get("id")
        if row_id is not None:
            by_id[str(row_id)] = millions
            labels[str(row_id)] = label
        rows.append(
            Row(
                label=label,
                short=short,
                millions=millions,
                approx=bool(raw.get("approx", False)),
                kind=kind,
                year=_text(raw, "year", where, f"{field}.year"),
                source=source,
                url=url,
                calculated="share_of" in raw,
            )
        )
    return Chart(
        name=name,
        title=_text(spec, "title", where, "title"),
        summary=_text(spec, "summary", where, "summary", required=False),
        note=_text(spec, "note", where, "note", required=False),
        rows=tuple(rows),
    )


def load_chart(name: str, folder: Path, page: str) -> Chart:
    """Read `<folder>/<name>.yaml`; errors name the page or chart file, the field and the fix."""
    if not NAME.fullmatch(name):
        raise _problem(
            page, "[chart: …]", f"{name!r} is not a chart name", "write e.g. [chart: funding-gap]"
        )
    path = folder / f"{name}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.yaml"))) or "none"
        raise _problem(
            page,
            "[chart: …]",
            f"no chart file {path}",
            f"use a known chart ({known}) or add the file",
        )
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else 1
        raise _problem(
            str(path), "(yaml)", "cannot be read as YAML", "check indentation", line
        ) from exc
    return parse_chart(name, spec, str(path))


def describe(chart: Chart) -> str:
    """Return the chart's text alternative: every bar's label and amount, in order."""
    parts = [f"{row.label}: {money(row.millions, approx=row.approx)} a year" for row in chart.rows]
    lead = f"{chart.summary} " if chart.summary else ""
    return lead + "; ".join(parts) + "."


def render_svg(chart: Chart) -> str:
    """Draw the bars to one linear scale (the largest value fills the width)."""
    largest = max(row.millions for row in chart.rows)
    height = PAD_TOP + ROW_HEIGHT * len(chart.rows)
    ident = f"chart-{chart.name}"
    out = [
        f'<svg class="chart__svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">{escape(chart.title)}</title>',
        f'<desc id="{ident}-desc">{escape(describe(chart))}</desc>',
    ]
    for index, row in enumerate(chart.rows):
        top = PAD_TOP + index * ROW_HEIGHT
        width = max(MIN_BAR, round(row.millions / largest * WIDTH, 1))
        css = "chart__bar chart__bar--calc" if row.calculated else "chart__bar"
        value = escape(money(row.millions, approx=row.approx))
        baseline = top + BAR_Y + BAR_HEIGHT - 6
        if width > WIDTH - VALUE_ROOM:
            value_text = (
                f'<text class="chart__value chart__value--inside" x="{width - VALUE_GAP:g}" '
                f'y="{baseline}" text-anchor="end">{value}</text>'
            )
        else:
            x = width + VALUE_GAP
            value_text = f'<text class="chart__value" x="{x:g}" y="{baseline}">{value}</text>'
        out.append(
            f'<text class="chart__label" x="0" y="{top + LABEL_Y}">{escape(row.short)}</text>'
        )
        out.append(
            f'<rect class="chart__track" x="0" y="{top + BAR_Y}" width="{WIDTH}" '
            f'height="{BAR_HEIGHT}"/>'
        )
        out.append(
            f'<rect class="{css}" x="0" y="{top + BAR_Y}" width="{width:g}" height="{BAR_HEIGHT}"/>'
        )
        out.append(value_text)
    out.append("</svg>")
    return "\n".join(out)


def render_table(chart: Chart) -> str:
    """The same numbers as a table, each with what kind of figure it is and its source."""
    ident = f"chart-{chart.name}"
    out = [
        f'<div class="table-scroll" role="region" tabindex="0" aria-labelledby="{ident}-caption">',
        '<table class="chart__table">',
        f'<caption id="{ident}-caption">{escape(chart.title)}: the figures</caption>',
        "<thead><tr>"
        '<th scope="col">Figure</th>'
        '<th scope="col" class="num">Amount a year</th>'
        '<th scope="col">Year</th>'
        '<th scope="col">What kind of figure, and source</th>'
        "</tr></thead>",
        "<tbody>",
    ]
    for row in chart.rows:
        source = (
            f'<a href="{escape(row.url)}">{escape(row.source)}</a>'
            if row.url
            else escape(row.source)
        )
        out.append(
            f'<tr><th scope="row">{escape(row.label)}</th>'
            f'<td class="num">{escape(money(row.millions, approx=row.approx))}</td>'
            f"<td>{escape(row.year)}</td>"
            f"<td>{escape(row.kind)}. {source}</td></tr>"
        )
    out.append("</tbody></table></div>")
    return "\n".join(out)


def render(chart: Chart) -> str:
    """The figure: SVG, the table, and a note on how to read them (figcaption, last)."""
    note = (
        f'<figcaption class="chart__note">{escape(chart.note)}</figcaption>' if chart.note else ""
    )
    return (
        f'<figure class="chart" id="chart-{chart.name}">\n'
        f"{render_svg(chart)}\n{render_table(chart)}\n{note}\n</figure>"
    )


def replace_shortcodes(html: str, folder: Path, page: str) -> str:
    """Replace every `[chart: name]` paragraph in rendered Markdown with its figure."""
    return SHORTCODE.sub(lambda m: render(load_chart(m.group(1), folder, page)), html)


def draw_charts(content: Content) -> None:
    """content_object_init receiver: draw the charts a page asks for.

    A problem is logged as an error in the project's format (so `--fatal warnings` stops the
    build and the message names file, field and fix) and raised, so the page is not written.
    """
    html = getattr(content, "_content", None)
    if not html or "[chart:" not in html:
        return
    page = f"content/{content.get_relative_source_path()}"
    try:
        settings = ChartSettings.read(content.settings)
        content._content = replace_shortcodes(html, settings.path, page)
        if "[chart:" in content._content:
            raise _problem(
                page,
                "[chart: …]",
                "a chart shortcode is not on a line of its own",
                "put '[chart: name]' alone in its own paragraph",
            )
    except ChartError as exc:
        logger.error("[charts] %s", exc)
        raise


def register() -> None:
    """Connect receivers."""
    signals.content_object_init.connect(draw_charts)
