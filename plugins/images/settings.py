"""The one typed view of the IMAGES_* settings, with documented defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
import re
from typing import Any

from content_schema.routes import Routes
from pluginkit import SettingsError, read_prefixed

PREFIX = "IMAGES_"
LOG_PREFIX = "[images]"
# The repository this plugin lives in (plugins/images/settings.py): where node_modules is.
_REPO = Path(__file__).resolve().parent.parent.parent
FONT = (
    "node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff"
)

#: Every setting the plugin reads, with its default (see README.md).
DEFAULTS: dict[str, Any] = {
    # Folder of the images under PATH (content/images/); published at the same path (/images/).
    "IMAGES_FOLDER": "images",
    # Wider images are resized to this width (pixels) when published.
    "IMAGES_MAX_WIDTH": 1600,
    # Narrower copies for srcset, written as <name>-<width>.<ext> (those narrower than the image).
    "IMAGES_WIDTHS": (480, 960),
    # The `sizes` attribute: how wide an image is drawn (the text column is 42rem, main has
    # 1rem padding each side; see theme/static/css/main.css).
    "IMAGES_SIZES": "(min-width: 44rem) 42rem, calc(100vw - 2rem)",
    # Encoder quality (1-100) for each lossy format.
    "IMAGES_QUALITY": {"jpeg": 82, "webp": 80, "avif": 60},
    # Share images (og:image): content files or folders (relative to PATH) and their kind. A file
    # gives <kind>.png, each page of a folder <kind>-<slug>.png, in IMAGES_SHARE_FOLDER.
    "IMAGES_SHARE_PAGES": {"pages/home.md": "home", "platform": "platform", "actions": "action"},
    "IMAGES_SHARE_FOLDER": "images/share",
    # Colours of the share images (#rrggbb); text and background need a contrast of 4.5:1 or more.
    "IMAGES_SHARE_BACKGROUND": "#14213d",
    "IMAGES_SHARE_TEXT": "#ffffff",
    # The rule along the top and the coin beside the site's name ("" for none).
    "IMAGES_SHARE_ACCENT": "#f2b705",
    # The font of the share images (Atkinson Hyperlegible Bold, OFL-1.1, from npm; `make deps`).
    "IMAGES_SHARE_FONT": str(_REPO / FONT),
}

SHARE_SIZE = (1200, 630)
MIN_CONTRAST = 4.5
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class ImagesConfigError(SettingsError):
    """An IMAGES_* setting is unknown or malformed."""


@dataclass(frozen=True, slots=True)
class ImagesSettings:
    """Typed, validated plugin settings (read once per build)."""

    folder: str
    max_width: int
    widths: tuple[int, ...]
    sizes: str
    quality: tuple[tuple[str, int], ...]
    share_pages: tuple[tuple[str, str], ...]
    share_folder: str
    share_background: tuple[int, int, int]
    share_text: tuple[int, int, int]
    share_accent: tuple[int, int, int] | None
    share_font: Path

    def quality_of(self, kind: str) -> int:
        """Return the encoder quality for 'jpeg', 'webp' or 'avif'."""
        return dict(self.quality)[kind]

    def encoding_key(self) -> str:
        """Return the settings that change an encoded image, for cache keys."""
        return repr((self.max_width, self.widths, self.quality))

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> ImagesSettings:
        """Validate the IMAGES_* settings once and return them with defaults filled in."""
        return _read(settings)

    def routes(self) -> Routes:
        """The addresses this plugin writes (for content_schema's rules across files)."""
        return Routes(generated=(f"{self.folder}/*", f"{self.share_folder}/*"))


def _error(key: str, message: str) -> ImagesConfigError:
    return ImagesConfigError(f"{LOG_PREFIX} pelicanconf.py: {key}: {message}")


def _int(key: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _error(key, f"{value!r} is not a whole number from {low} to {high}")
    return value


def _folder(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip("/"):
        raise _error(key, f"{value!r} is not a folder name such as {DEFAULTS[key]!r}")
    path = PurePosixPath(value.strip("/"))
    if any(part in ("", ".", "..") for part in path.parts):
        raise _error(key, f"{value!r} must be a plain folder path inside the site")
    return path.as_posix()


def _colour(key: str, value: Any) -> tuple[int, int, int]:
    if not isinstance(value, str) or not _COLOUR.fullmatch(value):
        raise _error(key, f"{value!r} is not a colour written as #rrggbb, e.g. {DEFAULTS[key]!r}")
    return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """Return the WCAG 2 contrast ratio of two sRGB colours (1 to 21)."""

    def luminance(rgb: tuple[int, int, int]) -> float:
        linear = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _share_pages(value: Any) -> tuple[tuple[str, str], ...]:
    key = "IMAGES_SHARE_PAGES"
    if not isinstance(value, Mapping):
        raise _error(key, f"{value!r} is not a mapping of content path to kind, "
                          f"e.g. {DEFAULTS[key]!r}")
    pages = []
    for path, kind in value.items():
        if not isinstance(kind, str) or not _NAME.fullmatch(kind):
            raise _error(key, f"kind {kind!r} of {path!r} must be lower-case letters, digits "
                              "and hyphens")
        pages.append((_folder(key, path), kind))
    return tuple(sorted(pages))


def _read(settings: Mapping[str, Any]) -> ImagesSettings:
    """Validate the IMAGES_* settings and return them with defaults filled in."""
    values = read_prefixed(settings, PREFIX, DEFAULTS, plugin="images")
    max_width = _int("IMAGES_MAX_WIDTH", values["IMAGES_MAX_WIDTH"], 16, 10_000)
    raw_widths = values["IMAGES_WIDTHS"]
    if not isinstance(raw_widths, list | tuple):
        raise _error("IMAGES_WIDTHS", f"{raw_widths!r} is not a list of widths, e.g. (480, 960)")
    widths = tuple(sorted({_int("IMAGES_WIDTHS", w, 16, max_width - 1) for w in raw_widths}))
    sizes = values["IMAGES_SIZES"]
    if not isinstance(sizes, str) or not sizes.strip() or any(c in sizes for c in "\"<>"):
        raise _error("IMAGES_SIZES", f"{sizes!r} is not a value for the sizes attribute")
    quality = values["IMAGES_QUALITY"]
    known = DEFAULTS["IMAGES_QUALITY"]
    if not isinstance(quality, Mapping) or set(quality) - set(known):
        raise _error("IMAGES_QUALITY", f"{quality!r}: give a mapping with keys from "
                                       f"{', '.join(known)}, e.g. {known!r}")
    merged = {**known, **quality}
    for kind, level in merged.items():
        _int(f"IMAGES_QUALITY[{kind!r}]", level, 1, 100)
    background = _colour("IMAGES_SHARE_BACKGROUND", values["IMAGES_SHARE_BACKGROUND"])
    text = _colour("IMAGES_SHARE_TEXT", values["IMAGES_SHARE_TEXT"])
    if contrast(background, text) < MIN_CONTRAST:
        raise _error("IMAGES_SHARE_TEXT", f"the contrast with IMAGES_SHARE_BACKGROUND is "
                     f"{contrast(background, text):.1f}:1; choose colours with at least "
                     f"{MIN_CONTRAST}:1")
    font = values["IMAGES_SHARE_FONT"]
    if not isinstance(font, str | Path) or not str(font).strip():
        raise _error("IMAGES_SHARE_FONT", f"{font!r} is not the path of a font file")
    return ImagesSettings(
        folder=_folder("IMAGES_FOLDER", values["IMAGES_FOLDER"]),
        max_width=max_width,
        widths=widths,
        sizes=" ".join(sizes.split()),
        quality=tuple(sorted(merged.items())),
        share_pages=_share_pages(values["IMAGES_SHARE_PAGES"]),
        share_folder=_folder("IMAGES_SHARE_FOLDER", values["IMAGES_SHARE_FOLDER"]),
        share_background=background,
        share_text=text,
        share_accent=(_colour("IMAGES_SHARE_ACCENT", values["IMAGES_SHARE_ACCENT"])
                      if values["IMAGES_SHARE_ACCENT"] else None),
        share_font=Path(font),
    )
