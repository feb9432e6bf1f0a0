"""The one typed view of the ACTIONS_* settings, with documented defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from legislators.settings import LegislatorsSettings
from pluginkit import SettingsError, read_prefixed, settings_of

#: Every setting the plugin reads, with its default (see README.md).
DEFAULTS: dict[str, Any] = {
    # Content folder (under PATH) that holds one Markdown file per action.
    "ACTIONS_FOLDER": "actions",
    # Root-relative URL of the list of actions.
    "ACTIONS_INDEX_URL": "act/",
    # The slug of the action the home page's ZIP form opens ("" for the first in order).
    "ACTIONS_HEADLINE": "",
}


class ActionsConfigError(SettingsError):
    """An ACTIONS_* setting is unknown or malformed."""


@dataclass(frozen=True, slots=True)
class ActionsSettings:
    """Typed, validated plugin settings (read once per build).

    Where the lookup data, the directory and the House's lookup are, the legislators
    plugin owns (its typed settings); they are handed on here, not read again.
    """

    folder: str
    index_url: str
    headline: str
    house_lookup_url: str
    directory_url: str
    api_path: str

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> ActionsSettings:
        """Validate the ACTIONS_* settings and return them with defaults filled in."""
        values = read_prefixed(settings, "ACTIONS_", DEFAULTS, plugin="actions")
        for key, value in values.items():
            if key == "ACTIONS_HEADLINE" and isinstance(value, str):
                continue
            if not isinstance(value, str) or not value.strip():
                raise ActionsConfigError(
                    f"[actions] {key} must be a non-empty string, not {value!r}"
                )
        data = settings_of(settings, LegislatorsSettings)  # type: ignore[arg-type]
        return cls(
            folder=values["ACTIONS_FOLDER"].strip("/"),
            index_url=values["ACTIONS_INDEX_URL"].lstrip("/"),
            headline=values["ACTIONS_HEADLINE"].strip().strip("/"),
            house_lookup_url=data.house_lookup_url,
            directory_url=data.url,
            api_path=data.api_path,
        )
