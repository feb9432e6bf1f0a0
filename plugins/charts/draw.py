"""Draw a chart as inline, accessible SVG with the same figures as a table beside it."""

from __future__ import annotations

from html import escape
from pathlib import Path
import re

from .model import Chart, load_chart, money

SHORTCODE = re.compile(r"<p>\s*\[chart:\s*([^\]]*?)\s*\]\s*</p>")

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
