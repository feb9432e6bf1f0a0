"""Markdown pieces of the benchmark report: tables, kilobytes, and reading a Results object.

The report reads either the benchmark's Results object or its saved JSON (`--render`), so every
field is read through `get`, which takes both.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

KB = 1000  # targets are in kilobytes of 1,000 bytes (the stricter reading)


def kb(n: float) -> str:
    """Bytes as kilobytes (1 KB = 1,000 bytes) with one decimal."""
    return f"{n / KB:.1f} KB"


def get(obj: Any, name: str, default: Any = None) -> Any:
    """Field `name` of a Results object or of its JSON (a dict)."""
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def table(headers: list[str], rows: Iterable[list[Any]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def mib(v: float | None) -> str:
    """Mebibytes without decimals, or a dash."""
    return "—" if not v else f"{v:.0f}"
