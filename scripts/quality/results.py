"""What a gate reports: its problems (page and message), notes and time; the summary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
import sys
import time
from typing import Any


@dataclass
class Problem:
    """One failure: which page (or file) and what is wrong there."""

    page: str
    message: str

    def __str__(self) -> str:
        return f"{self.page}: {self.message}"


@dataclass
class GateResult:
    """The outcome of one gate."""

    name: str
    status: str = "pass"  # pass | fail | skip
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def fail(self, page: str, message: str) -> None:
        """Record a problem; the gate fails."""
        self.problems.append(Problem(page, message))
        self.status = "fail"


def timed(run: Callable[[], GateResult]) -> GateResult:
    """Run a gate and record how long it took."""
    start = time.perf_counter()
    result = run()
    result.seconds = time.perf_counter() - start
    return result


def print_summary(results: list[GateResult], stream: Any = sys.stdout) -> None:
    """A clear summary: one line per gate, then every problem as `page: problem`."""
    print("\n== make check summary " + "=" * 58, file=stream)
    for r in results:
        print(f"  {r.status.upper():5} {r.name:11} {r.seconds:6.1f} s  "
              f"{len(r.problems)} problem(s)", file=stream)
    for r in results:
        if not r.notes and not r.problems:
            continue
        print(f"\n-- {r.name} ({r.status})", file=stream)
        for note in r.notes:
            print(f"   {note}", file=stream)
        for problem in r.problems:
            print(f"   FAIL {problem}", file=stream)
    failed = [r.name for r in results if r.status == "fail"]
    print("", file=stream)
    print(f"FAILED gates: {', '.join(failed)}" if failed else "All gates passed.", file=stream)
