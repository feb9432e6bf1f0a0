"""The content index outside a build: for `make check-content`, `make case` and the editor.

The tools read the same settings file as the build and register the same plugins (so the
addresses, words and rules the plugins own are known), without running a build: nothing
is written and nothing is downloaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican.plugins._utils import load_plugins
from pelican.settings import read_settings

from pluginkit import settings_of

from .index import ContentIndex, build_index
from .settings import SchemaSettings


def load_settings(settings_file: Path, content: Path | None = None) -> dict[str, Any]:
    """Read a Pelican settings file (content folder overridden) and register its plugins."""
    override = {"PATH": str(content)} if content is not None else {}
    settings = read_settings(path=str(settings_file), override=override)
    for plugin in load_plugins(settings):
        register = getattr(plugin, "register", None)
        if register is not None:
            register()
    return settings


def index_for(
    settings: dict[str, Any], *, prefix: str | None = None, render: bool = True
) -> ContentIndex:
    """Build the content index the build would build, with the last safety render on."""
    return build_index(settings_of(settings, SchemaSettings), prefix=prefix, render=render,
                       settings=settings)


def check_tree(content: Path, settings_file: Path, prefix: str | None = None) -> list[Any]:
    """Every problem `make check-content` reports for a content folder (errors, warnings)."""
    return index_for(load_settings(settings_file, content), prefix=prefix).problems
