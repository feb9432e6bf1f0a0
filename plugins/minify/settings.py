"""The one typed view of the MINIFY_* settings, with documented defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import os
from pathlib import Path
from typing import Any

from pluginkit import SettingsError, read_prefixed

#: Every setting the plugin reads, with its default (see README.md).
DEFAULTS: dict[str, Any] = {
    # Minify the theme's scripts (False ships them as written, for debugging).
    "MINIFY_ENABLED": True,
    # terser's package folder (node_modules/terser; `make deps` installs it).
    "MINIFY_TERSER": "",
    # The folder of scripts in the output, relative to OUTPUT_PATH.
    "MINIFY_FOLDER": "theme/js",
}


class MinifyConfigError(SettingsError):
    """A MINIFY_* setting is wrong, or terser is not installed."""


@dataclass(frozen=True, slots=True)
class MinifySettings:
    """Typed, validated plugin settings (read once per build)."""

    enabled: bool
    terser: Path
    folder: Path  # in the output
    cache: Path

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> MinifySettings:
        """Validate the MINIFY_* settings; terser must exist when minifying is on."""
        values = read_prefixed(settings, "MINIFY_", DEFAULTS, plugin="minify")
        if not isinstance(values["MINIFY_ENABLED"], bool):
            raise MinifyConfigError("[minify] MINIFY_ENABLED must be True or False")
        terser = Path(values["MINIFY_TERSER"] or "node_modules/terser")
        if not terser.is_absolute():
            terser = Path(os.path.dirname(str(settings.get("PATH", ".")))) / terser
        if values["MINIFY_ENABLED"] and not (terser / "main.js").is_file():
            raise MinifyConfigError(
                f"[minify] terser is not installed ({terser} is missing): run `make deps` "
                "(npm ci), or set MINIFY_ENABLED = False to ship the scripts unminified"
            )
        return cls(
            enabled=values["MINIFY_ENABLED"],
            terser=terser,
            folder=Path(str(settings["OUTPUT_PATH"])) / values["MINIFY_FOLDER"],
            cache=Path(str(settings.get("CACHE_PATH", ".cache/pelican"))).parent / "minify",
        )
