"""Words content may use that come from data rather than from the schema (committee ids).

A plugin that holds such data answers the `vocabularies` signal with a mapping of the
vocabulary's name to its known words (`{"committees": {"SSAP": "Senate Committee on
Appropriations", ...}}`), or with None for a vocabulary it cannot read now (no data yet):
then the words are checked later, by that plugin, with the same rule (`check_words`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from blinker import Signal

#: Sent with the build's settings; each receiver returns {vocabulary: {word: label}} or None.
vocabularies = Signal("content_schema.vocabularies: words from data")

Vocabulary = Mapping[str, str]


def collect(settings: Mapping[str, Any]) -> dict[str, Vocabulary | None]:
    """Return every vocabulary the plugins offer (None: known to exist, not readable now)."""
    found: dict[str, Vocabulary | None] = {}
    for _receiver, answer in vocabularies.send(settings):
        if answer:
            found.update(answer)
    return found
