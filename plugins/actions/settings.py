"""The one typed view of the ACTIONS_* settings, with documented defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PREFIX = "ACTIONS_"

#: Every setting the plugin reads, with its default (see README.md).
DEFAULTS: dict[str, Any] = {
    # Content folder (under PATH) that holds one Markdown file per action.
    "ACTIONS_FOLDER": "actions",
    # Content folder of the platform pages an action's `ask` must name.
    "ACTIONS_PLATFORM_FOLDER": "platform",
    # The House's own ZIP+4 lookup, offered for split ZIP codes (https only).
    "ACTIONS_HOUSE_LOOKUP_URL": "https://ziplook.house.gov/htbin/findrep_house",
    # Root-relative URL of the directory of members (the no-JavaScript path).
    "ACTIONS_DIRECTORY_URL": "representatives/",
}


class ActionsConfigError(ValueError):
    """An ACTIONS_* setting is unknown or malformed."""


@dataclass(frozen=True, slots=True)
class ActionsSettings:
    """Typed, validated plugin settings (read once per build)."""

    folder: str
    platform_folder: str
    house_lookup_url: str
    directory_url: str
    api_path: str


def read_settings(settings: Mapping[str, Any]) -> ActionsSettings:
    """Validate the ACTIONS_* settings and return them with defaults filled in."""
    unknown = sorted(k for k in settings if k.startswith(PREFIX) and k not in DEFAULTS)
    if unknown:
        raise ActionsConfigError(
            f"[actions] unknown setting(s) {', '.join(unknown)}; "
            f"known settings: {', '.join(sorted(DEFAULTS))}"
        )
    values = {k: settings.get(k, default) for k, default in DEFAULTS.items()}
    for key, value in values.items():
        if not isinstance(value, str) or not value.strip():
            raise ActionsConfigError(f"[actions] {key} must be a non-empty string, not {value!r}")
    if not values["ACTIONS_HOUSE_LOOKUP_URL"].startswith("https://"):
        raise ActionsConfigError("[actions] ACTIONS_HOUSE_LOOKUP_URL must be an https:// URL")
    api_path = str(settings.get("LEGISLATORS_API_PATH", "api/v1")).strip("/")
    return ActionsSettings(
        folder=values["ACTIONS_FOLDER"].strip("/"),
        platform_folder=values["ACTIONS_PLATFORM_FOLDER"].strip("/"),
        house_lookup_url=values["ACTIONS_HOUSE_LOOKUP_URL"],
        directory_url=values["ACTIONS_DIRECTORY_URL"].lstrip("/"),
        api_path=api_path,
    )
