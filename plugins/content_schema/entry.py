"""`Entry`: what one content file holds and what checking it found (the content index's unit)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .fields import Problem


@dataclass(slots=True)
class Entry:
    """What one content file holds and what checking it found."""

    path: str  # as shown in messages, e.g. content/cases/x.md
    folder: str
    url: str | None = None  # root-relative address without the leading '/', e.g. cases/x/
    problems: list[Problem] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, site path) to resolve
    metadata: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # field -> line in the file
    body: str = ""
    body_line: int = 1
    parsed: bool = False  # False when the front matter could not be read at all

    @property
    def slug(self) -> str | None:
        """Return the slug written in the file, if it is text."""
        slug = self.metadata.get("slug")
        return slug if isinstance(slug, str) else None

    @property
    def errors(self) -> list[Problem]:
        """Return the problems that stop the build (not the warnings)."""
        return [p for p in self.problems if p.is_error]
