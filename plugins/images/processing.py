"""Raster images: plan the published sizes, then re-encode without metadata.

`plan` reads only an image's header (size and EXIF orientation), so pages can be given their
`width`, `height` and `srcset` before any pixel is decoded; `encode` does the work: orientation
applied, every piece of metadata but the ICC colour profile dropped, resized, re-encoded. The
same bytes and settings always give the same bytes out.
"""

from __future__ import annotations

from dataclasses import dataclass
import io
from typing import Any

from PIL import Image, ImageSequence

from .settings import LOG_PREFIX, ImagesSettings

#: Pillow's format for each file extension we publish.
FORMATS = {
    ".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".gif": "GIF", ".webp": "WEBP", ".avif": "AVIF",
}
ORIENTATION = 0x0112
# How to turn an image stored with EXIF orientation 2-8 upright (as ImageOps.exif_transpose).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# Modes each format is written in as they are; anything else is converted first.
_KEEP_MODES = {
    "JPEG": {"L", "RGB", "CMYK"},
    "PNG": {"1", "L", "LA", "P", "RGB", "RGBA", "I;16"},
    "GIF": {"L", "P"},
    "WEBP": {"RGB", "RGBA"},
    "AVIF": {"RGB", "RGBA"},
}
# Modes resampling works in without surprises.
_RESIZE_MODES = {"L", "LA", "RGB", "RGBA", "CMYK"}


class ImageError(ValueError):
    """An image cannot be read; the message names the file and the fix."""


@dataclass(frozen=True, slots=True)
class Size:
    """One published copy of an image: its width, height and file-name suffix ('' or '-480')."""

    width: int
    height: int
    suffix: str


@dataclass(frozen=True, slots=True)
class Plan:
    """What one source image becomes: the full-width copy first, then the narrower ones."""

    format: str
    sizes: tuple[Size, ...]
    animated: bool


def scaled(width: int, height: int, new_width: int) -> tuple[int, int]:
    """Return (new_width, height) keeping the aspect ratio; never 0 pixels high."""
    return new_width, max(1, round(height * new_width / width))


def plan_sizes(width: int, height: int, cfg: ImagesSettings) -> tuple[Size, ...]:
    """Return the published sizes of an upright image of width x height pixels."""
    full_w, full_h = scaled(width, height, min(width, cfg.max_width))
    sizes = [Size(full_w, full_h, "")]
    for w in sorted(cfg.widths, reverse=True):
        if w < full_w:
            sizes.append(Size(*scaled(width, height, w), f"-{w}"))
    return tuple(sizes)


def _orientation(im: Image.Image) -> int:
    try:
        value = im.getexif().get(ORIENTATION, 1)
    except Exception:  # a broken EXIF block: treat the image as upright, it is dropped anyway
        return 1
    return value if value in _UPRIGHT else 1


def plan(data: bytes, shown: str, suffix: str, cfg: ImagesSettings) -> Plan:
    """Read an image's header; return what publishing it will write. Raise ImageError."""
    fmt = FORMATS[suffix.lower()]
    try:
        with Image.open(io.BytesIO(data)) as im:
            # Phones write a second, smaller picture after the photo (MPO): only the first is kept.
            if im.format != fmt and not (fmt == "JPEG" and im.format == "MPO"):
                raise ImageError(f"{LOG_PREFIX} {shown}: the file is a {im.format} image, not "
                                 f"{fmt}; save it again with the right extension")
            width, height = im.size
            if _orientation(im) in (5, 6, 7, 8):
                width, height = height, width
            animated = fmt != "JPEG" and getattr(im, "n_frames", 1) > 1
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        if isinstance(exc, ImageError):
            raise
        # Pillow's own words may hold an object's address: never put them in a message.
        why = "too large to open safely" if isinstance(exc, Image.DecompressionBombError) \
            else "the image data is damaged or is not an image"
        raise ImageError(f"{LOG_PREFIX} {shown}: cannot be read as an image ({why}); export it "
                         "again from an image editor as JPEG, PNG, WebP or GIF") from exc
    return Plan(fmt, plan_sizes(width, height, cfg), animated)


def _upright(frame: Image.Image, orientation: int) -> Image.Image:
    method = _UPRIGHT.get(orientation)
    return frame.transpose(method) if method is not None else frame.copy()


def _resized(frame: Image.Image, size: Size) -> Image.Image:
    if frame.size == (size.width, size.height):
        return frame
    if frame.mode not in _RESIZE_MODES:
        frame = frame.convert("RGBA" if frame.has_transparency_data else "RGB")
    return frame.resize((size.width, size.height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _writable(frame: Image.Image, fmt: str) -> Image.Image:
    if frame.mode in _KEEP_MODES[fmt]:
        return frame
    if fmt == "JPEG":
        return frame.convert("RGB")
    if fmt == "GIF":
        return frame.convert("RGBA")  # Pillow builds the palette when it writes
    return frame.convert("RGBA" if frame.has_transparency_data else "RGB")


def _bare(frame: Image.Image) -> Image.Image:
    """Drop everything Pillow read beside the pixels (EXIF, XMP, comments, text chunks)."""
    keep = {k: frame.info[k] for k in ("transparency",) if k in frame.info}
    frame.info = keep
    return frame


def _options(fmt: str, cfg: ImagesSettings, icc: bytes | None) -> dict[str, Any]:
    options: dict[str, Any] = {"icc_profile": icc} if icc else {}
    if fmt == "JPEG":
        options.update(quality=cfg.quality_of("jpeg"), optimize=True, progressive=True)
    elif fmt in {"PNG", "GIF"}:
        options.update(optimize=True)
    elif fmt == "WEBP":
        options.update(quality=cfg.quality_of("webp"))
    elif fmt == "AVIF":
        # One thread: the same bytes on every machine.
        options.update(quality=cfg.quality_of("avif"), max_threads=1)
    return options


def encode(data: bytes, planned: Plan, cfg: ImagesSettings) -> dict[str, bytes]:
    """Return the encoded bytes of each planned size, keyed by its suffix."""
    with Image.open(io.BytesIO(data)) as im:
        orientation = _orientation(im)
        icc = im.info.get("icc_profile")
        loop = im.info.get("loop", 0)
        frames: list[Image.Image] = []
        durations: list[int] = []
        for frame in ImageSequence.Iterator(im):
            if frames and not planned.animated:
                break
            upright = _upright(frame, orientation)
            frames.append(upright.convert("RGBA") if planned.animated else upright)
            durations.append(frame.info.get("duration", 0))
    out: dict[str, bytes] = {}
    for size in planned.sizes:
        copies = [_bare(_writable(_resized(f, size), planned.format)) for f in frames]
        options = _options(planned.format, cfg, icc)
        if planned.animated:
            options.update(save_all=True, append_images=copies[1:], duration=durations, loop=loop)
            if planned.format == "GIF":
                options.update(disposal=2)
        buffer = io.BytesIO()
        copies[0].save(buffer, planned.format, **options)
        out[size.suffix] = buffer.getvalue()
    return out
