"""The files in content/images: safe names, sane sizes, real images, no hidden location."""

from __future__ import annotations

from pathlib import Path
import re

from .cases import SLUG_PATTERN
from .fields import Problem
from .files import shown_path

MEDIA_FOLDER = "images"
MEDIA_MAX_BYTES = 5 * 1024 * 1024
MEDIA_NAME = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*\.(?:jpe?g|png|gif|webp|avif|svg)")
# How each kind of image file starts (so a renamed .html or .js is not served as an image).
MAGIC: dict[str, tuple[bytes, ...]] = {
    "jpg": (b"\xff\xd8\xff",), "jpeg": (b"\xff\xd8\xff",), "png": (b"\x89PNG\r\n\x1a\n",),
    "gif": (b"GIF87a", b"GIF89a"),
}
SVG_DANGER = re.compile(
    rb"<script|<foreignobject|\son[a-z]+\s*=|javascript:|(?:href|src)\s*=\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)


def _media_problem(data: bytes, suffix: str) -> str | None:
    """Return what is wrong with an image file's bytes, or None."""
    if suffix in MAGIC and not data.startswith(MAGIC[suffix]):
        return f"the file is not a .{suffix} image (its first bytes say otherwise)"
    if suffix == "webp" and not (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return "the file is not a .webp image (its first bytes say otherwise)"
    if suffix == "avif" and data[4:12] not in (b"ftypavif", b"ftypavis"):
        return "the file is not a .avif image (its first bytes say otherwise)"
    if suffix == "svg":
        head = data[:1024].lstrip().lower()
        if not head.startswith((b"<svg", b"<?xml", b"<!--")) or b"<svg" not in data.lower():
            return "the file is not an SVG image"
        if SVG_DANGER.search(data):
            return "the SVG contains a script, an event handler or a link to another website"
    return None


def check_media(root: Path, prefix: str | None = None) -> list[Problem]:
    """Check the files in content/images: safe names, sane sizes, real images."""
    base = root / MEDIA_FOLDER
    problems: list[Problem] = []
    if not base.is_dir():
        return problems
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        shown = shown_path(path, root, prefix)
        relative = path.relative_to(base).as_posix()
        size = path.stat().st_size
        *folders, name = relative.split("/")
        if not MEDIA_NAME.fullmatch(name) or not all(
            re.fullmatch(SLUG_PATTERN, folder) for folder in folders
        ):
            problems.append(Problem(shown, 1, "file", f"'{relative}' is not a safe image name",
                                    "rename it with lower-case letters, digits and hyphens and "
                                    "an image extension, e.g. court-building.jpg"))
            continue
        if size == 0:
            problems.append(Problem(shown, 1, "file", "the image is empty (0 bytes)",
                                    "upload it again, or delete it"))
            continue
        if size > MEDIA_MAX_BYTES:
            problems.append(Problem(shown, 1, "file", f"the image is {size:,} bytes, more than "
                                    f"the limit of {MEDIA_MAX_BYTES:,}",
                                    "resize it (1,600 pixels wide is plenty) and save it again"))
            continue
        with path.open("rb") as f:
            data = f.read() if path.suffix.lower() == ".svg" else f.read(64)
        if message := _media_problem(data, path.suffix.lower().lstrip(".")):
            problems.append(Problem(shown, 1, "file", message,
                                    "export it again as a plain image from an image editor"))
    return problems
