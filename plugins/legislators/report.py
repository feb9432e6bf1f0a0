"""The data report: every problem found in the legislator data, at one of four levels.

Two levels of problem (DESIGN.md section 3): a bad *field* is dropped, replaced by a
labelled fallback and reported (it never stops a build); a bad *set* (or a bad *record*)
makes the whole download unusable. *Notices* say what a reader should know (a vacant
seat, an ended term). The report is printed by every build, published in meta.json and
shown on /representatives/data/.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LEVELS = ("set", "record", "field", "notice")


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One data problem: level, member (bioguide or ""), field, what is wrong, what is shown."""

    level: str
    bioguide: str
    field: str
    message: str
    shown_instead: str = ""

    def to_json(self) -> dict[str, str]:
        """Return the meta.json form."""
        return {
            "level": self.level,
            "bioguide": self.bioguide,
            "field": self.field,
            "message": self.message,
            "shown_instead": self.shown_instead,
        }

    def __str__(self) -> str:
        """Return "member: field: message; shown instead: …"."""
        who = f"{self.bioguide}: " if self.bioguide else ""
        where = f"{self.field}: " if self.field else ""
        instead = f"; shown instead: {self.shown_instead}" if self.shown_instead else ""
        return f"{who}{where}{self.message}{instead}"


@dataclass
class Report:
    """Problems found while validating, grouped by level."""

    problems: list[Problem] = field(default_factory=list)

    def add(
        self, level: str, bioguide: str, field_name: str, message: str, shown_instead: str = ""
    ) -> None:
        """Record a problem."""
        assert level in LEVELS
        self.problems.append(Problem(level, bioguide, field_name, message, shown_instead))

    def of(self, *levels: str) -> list[Problem]:
        """Return the problems of the given levels, sorted."""
        return sorted(p for p in self.problems if p.level in levels)

    @property
    def set_ok(self) -> bool:
        """Return True when no problem makes the set unusable."""
        return not self.of("set", "record")

    def sorted(self) -> list[Problem]:
        """Return every problem, most serious first, deterministic."""
        return sorted(self.problems, key=lambda p: (LEVELS.index(p.level), p))
