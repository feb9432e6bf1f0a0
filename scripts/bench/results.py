"""What one run of the benchmark measured (saved as JSON beside the report), and its log."""

from __future__ import annotations

from dataclasses import dataclass, field
import sys
import time
from typing import Any


@dataclass
class Build:
    """One build run as a subprocess."""

    config: str
    size: int
    mode: str
    seconds: float
    peak_mib: float
    html_files: int
    status: int
    error: str = ""


@dataclass
class Results:
    """Everything measured in one run of the benchmark."""

    started: str
    machine: dict[str, str]
    options: dict[str, Any]
    builds: list[Build] = field(default_factory=list)
    data_stage: dict[str, Any] = field(default_factory=dict)
    weights: list[dict[str, Any]] = field(default_factory=list)
    weights_missing: list[str] = field(default_factory=list)
    weights_scaled: list[dict[str, Any]] = field(default_factory=list)
    json_sizes: dict[str, Any] | None = None
    action_js: dict[str, Any] | None = None
    lookup: dict[str, Any] = field(default_factory=dict)
    scripting: list[dict[str, Any]] = field(default_factory=list)
    plugin_times: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    finished: str = ""


def log(message: str) -> None:
    """Progress on stderr (the report goes to stdout)."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
