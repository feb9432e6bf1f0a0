"""Rules other plugins own over content files (a chart a page asks for must exist).

A plugin whose build would stop on something a content file says answers the `checks`
signal, so that `make check-content` reports the same problem first, in the same form.
Receivers get the build's settings and `entries=` (every checked file) and return a list
of `Problem`s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from blinker import Signal

from .fields import Problem
from .files import Entry

#: Sent with the build's settings and entries=[Entry, ...]; receivers return [Problem, ...].
checks = Signal("content_schema.checks: rules of other plugins over content files")


def collect(settings: Mapping[str, Any], entries: Sequence[Entry]) -> list[Problem]:
    """Run every plugin's rules over the parsed entries."""
    found: list[Problem] = []
    for _receiver, problems in checks.send(settings, entries=entries):
        found += problems or []
    return found
