"""The one typed view of what content_schema needs from the build's settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import datetime as dt
from pathlib import Path
import re
from typing import Any

from pluginkit import build_date, read_prefixed

from . import routes as site_routes
from . import vocabularies as vocab
from .collections import COLLECTIONS
from .errors import ContentConfigError

#: content_schema has no settings of its own yet; CONTENT_SCHEMA_* keys are refused.
DEFAULTS: dict[str, Any] = {}


@dataclass(frozen=True, slots=True)
class SchemaSettings:
    """Where content lives, the address of each folder's files, and what the site writes."""

    root: Path
    folders: Mapping[str, str]  # collection folder -> URL pattern with {slug}
    generated: re.Pattern[str]  # addresses plugins and Pelican write themselves
    today: dt.date
    load_cache: bool
    save_cache: bool
    cache_path: Path
    vocabularies: Mapping[str, vocab.Vocabulary | None]

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> SchemaSettings:
        """Read Pelican's settings and every plugin's routes; refuse folders without rules."""
        read_prefixed(settings, "CONTENT_SCHEMA_", DEFAULTS, plugin="content_schema")
        found = site_routes.collect(settings)
        # A folder of language folders (content/es) is fine: its collections are known.
        parents = {c.rsplit("/", 1)[0] for c in COLLECTIONS if "/" in c}
        unknown = sorted(set(found.folders) - set(COLLECTIONS) - parents)
        if unknown:
            raise ContentConfigError(
                f"[content_schema] ARTICLE_PATHS/PAGE_PATHS build {', '.join(unknown)}, but the "
                f"content rules know only {', '.join(sorted(COLLECTIONS))}; add a collection "
                "to plugins/content_schema/collections.py or remove the folder from the paths"
            )
        return cls(
            root=Path(str(settings.get("PATH", "content"))).resolve(),
            folders={f: p for f, p in found.folders.items() if f in COLLECTIONS},
            generated=site_routes.route_pattern(found.generated),
            today=build_date(),
            load_cache=bool(settings.get("LOAD_CONTENT_CACHE")),
            save_cache=bool(settings.get("CACHE_CONTENT")),
            cache_path=Path(str(settings.get("CACHE_PATH", "cache"))),
            vocabularies=vocab.collect(settings),
        )

    def url_of(self, folder: str, slug: str) -> str | None:
        """Return the address of a file of `folder` with `slug` (None: the folder is not built)."""
        pattern = self.folders.get(folder)
        return pattern.format(slug=slug) if pattern is not None else None
