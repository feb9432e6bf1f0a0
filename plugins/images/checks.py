"""What `make check-content` reports about images, with the build's own rules.

- a photo that carries its location (GPS in EXIF, XMP or IPTC location fields) is a
  *warning*: the published copy is stripped of it, but the original stays in the repository;
- a file under content/images/ the build cannot publish, or two files that would be
  published under one name, is an error;
- a share-image title the font cannot draw, and an image of ours linked with {attach}, are
  errors (the build would stop on them).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
import re
from typing import Any

from content_schema import Problem
from content_schema.files import Entry
from content_schema.media import check_media
from pluginkit import settings_of

from .catalog import scan
from .metadata import location_metadata
from .processing import FORMATS, ImageError
from .settings import LOG_PREFIX, ImagesSettings
from .share import missing_glyphs

ATTACH = re.compile(r"\{attach\}(/?[^)\s\"']+)")


def _shown(root: Path, file: Path) -> str:
    return f"{root.name}/{file.relative_to(root).as_posix()}"


def location_warnings(root: Path, cfg: ImagesSettings) -> list[Problem]:
    """A warning for each image that carries where it was taken."""
    folder = root / cfg.folder
    problems = []
    for file in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if not file.is_file() or file.suffix.lower() not in (*FORMATS, ".svg"):
            continue
        try:
            found = location_metadata(file)
        except ImageError:
            continue  # reported by the catalog as an error
        if found:
            problems.append(Problem(
                _shown(root, file), 1, "file",
                f"the image carries its location ({'; '.join(found)}); the published copy "
                "will not: the build removes it",
                "the original keeps it in the repository: if the place must stay private, "
                "export the photo again without location data before you commit it",
                severity="warning",
            ))
    return problems


def catalog_errors(root: Path, cfg: ImagesSettings) -> list[Problem]:
    """The images the build could not publish (unreadable, or two with one name).

    A file content_schema already refuses (a wrong name, size or first bytes) is left to
    its message: one problem, one line.
    """
    refused = {p.path for p in check_media(root)}
    problems = []
    for text in scan(root, cfg).problems:
        where, _, message = text.removeprefix(f"{LOG_PREFIX} ").partition(": ")
        if where not in refused:
            problems.append(Problem(where, 1, "file", message,
                                    "export it again as a plain image, or rename it"))
    return problems


def share_title_errors(entries: Sequence[Entry], cfg: ImagesSettings) -> list[Problem]:
    """Titles of pages with a share image must be drawable in the share image's font."""
    problems = []
    for entry in entries:
        relative = entry.path.split("/", 1)[-1]
        if not any(relative == p or relative.startswith(f"{p}/") for p, _ in cfg.share_pages):
            continue
        title = entry.metadata.get("title")
        if not isinstance(title, str) or not cfg.share_font.is_file():
            continue
        if missing := missing_glyphs(cfg.share_font, title):
            problems.append(Problem(
                entry.path, entry.lines.get("title", 1), "title",
                f"the share image's font has no letter {' '.join(map(repr, missing))}",
                "write the title without it, or set IMAGES_SHARE_FONT to a font that has it",
            ))
    return problems


def attach_errors(entries: Sequence[Entry], cfg: ImagesSettings) -> list[Problem]:
    """{attach} would publish one of our images as it is, metadata and all."""
    problems = []
    for entry in entries:
        for offset, line in enumerate(entry.body.split("\n")):
            for match in ATTACH.finditer(line):
                if match.group(1).lstrip("/").startswith(f"{cfg.folder}/"):
                    problems.append(Problem(
                        entry.path, entry.body_line + offset, "image",
                        f"'{{attach}}{match.group(1)}' would publish the file as it is",
                        f"write /{cfg.folder}/<name> instead",
                    ))
    return problems


def content_checks(settings: Any, entries: Sequence[Entry]) -> list[Problem]:
    """content_schema's `checks` signal: every image rule, for check-content and the build."""
    cfg = settings_of(settings, ImagesSettings)
    root = Path(str(settings["PATH"]))
    return (location_warnings(root, cfg) + catalog_errors(root, cfg)
            + share_title_errors(entries, cfg) + attach_errors(entries, cfg))
