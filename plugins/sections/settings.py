"""The one typed view of the SECTIONS setting."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pluginkit import SettingsError


class SectionsConfigError(SettingsError):
    """SECTIONS in pelicanconf.py is malformed."""


@dataclass(frozen=True, slots=True)
class Section:
    """One content folder: its URL pattern (with {slug}) and its template."""

    folder: str
    url: str
    template: str

    @property
    def save_as(self) -> str:
        """Return the output path pattern that matches the URL pattern."""
        return self.url + "index.html" if self.url.endswith("/") else self.url


@dataclass(frozen=True, slots=True)
class SectionsSettings:
    """Every section, sorted by folder."""

    sections: tuple[Section, ...]

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> SectionsSettings:
        """Validate SECTIONS and return one Section per folder."""
        raw = settings.get("SECTIONS", {})
        if not isinstance(raw, Mapping):
            raise SectionsConfigError(
                "[sections] SECTIONS must be a dict like "
                '{"platform": {"url": "platform/{slug}/", "template": "platform"}}'
            )
        sections = []
        for folder, spec in sorted(raw.items()):
            if not isinstance(spec, Mapping) or set(spec) != {"url", "template"}:
                raise SectionsConfigError(
                    f"[sections] SECTIONS[{folder!r}] must have exactly the keys 'url' and "
                    "'template'"
                )
            if "{slug}" not in spec["url"]:
                raise SectionsConfigError(
                    f"[sections] SECTIONS[{folder!r}]['url'] must contain '{{slug}}'"
                )
            sections.append(Section(folder.strip("/"), spec["url"], spec["template"]))
        return cls(tuple(sections))

    def folder_of(self, relative_source: str) -> Section | None:
        """Return the section a source file (relative to content/) belongs to, if any: the
        longest folder that holds it (es/platform/x.md is in es/platform, not platform)."""
        path = relative_source.replace("\\", "/")
        holding = [s for s in self.sections if path.startswith(f"{s.folder}/")]
        return max(holding, key=lambda s: len(s.folder), default=None)
