"""Chart files (`content/charts/<name>.yaml`): figures, their kind and source, checked.

Every problem names the page or chart file, the field and the fix (the project's format).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
import re
from typing import Any

import yaml

from pluginkit import SiteError

NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class ChartError(SiteError, ValueError):
    """A chart shortcode or chart file is wrong; the message says where and how to fix it."""

    def __init__(self, where: str, line: int, field: str, message: str, fix: str) -> None:
        """Keep the parts (for content_schema's Problem) and the one-line message."""
        self.parts = (where, line, field, message, fix)
        super().__init__(f"{where}:{line}: {field}: {message}; {fix}")


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
    return ChartError(source, line, field, message, fix)


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
    shown = f"{folder.parent.name}/{folder.name}/{name}.yaml"  # content/charts/x.yaml
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.yaml"))) or "none"
        raise _problem(
            page,
            "[chart: …]",
            f"there is no chart file {shown}",
            f"use a known chart ({known}) or add the file",
        )
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else 1
        raise _problem(shown, "(yaml)", "cannot be read as YAML", "check indentation", line) \
            from exc
    return parse_chart(name, spec, shown)
