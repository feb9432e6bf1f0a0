"""Share images (og:image, 1200 x 630): a page's title and the site's name on a plain colour.

The title is wrapped on word boundaries and drawn in the largest size at which it fits; the
site's name sits at the bottom. Pillow's basic text layout (no system shaping library) keeps the
PNG byte-identical for the same text, font and colours.
"""

from __future__ import annotations

from dataclasses import dataclass
import functools
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .settings import LOG_PREFIX, SHARE_SIZE, ImagesSettings

MARGIN = 80
SITE_SIZE = 40
TITLE_SIZES = range(96, 43, -4)  # largest first
LINE_HEIGHT = 1.15
GAP = 48  # between the title block and the site name
# A code point no font has: what the font draws for a character it lacks.
_NOT_A_CHARACTER = "\U0010fffd"


class ShareFontError(RuntimeError):
    """The share-image font is missing or unreadable; the message names the fix."""


@dataclass(frozen=True, slots=True)
class ShareImage:
    """What templates see as `page.share_image`."""

    path: str  # in the output folder and, after SITEURL or SITE_ORIGIN, the URL
    width: int
    height: int
    alt: str
    text: str  # the words drawn in large type


@functools.lru_cache(maxsize=64)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def load_font(path: Path) -> bytes:
    """Return the font file's bytes; raise ShareFontError naming the fix when it is missing."""
    try:
        data = path.read_bytes()
        _font(path, SITE_SIZE)
    except OSError as exc:
        raise ShareFontError(
            f"{LOG_PREFIX} the share-image font {path} is missing or unreadable ({exc}); run "
            "`make deps` (it installs @fontsource/atkinson-hyperlegible into node_modules), or "
            "set IMAGES_SHARE_FONT to a .ttf, .otf or .woff file"
        ) from exc
    return data


def missing_glyphs(path: Path, text: str) -> list[str]:
    """Return the characters of `text` that the font draws as its 'missing' box."""
    font = _font(path, SITE_SIZE)
    box = font.getmask(_NOT_A_CHARACTER)
    missing = []
    for char in sorted(set(text)):
        if char.isspace():
            continue
        mask = font.getmask(char)
        if mask.size == box.size and bytes(mask) == bytes(box):
            missing.append(char)
    return missing


def _pieces(word: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Split a word wider than a line into pieces that fit (a long URL, say)."""
    pieces = []
    while len(word) > 1 and font.getlength(word) > width:
        cut = len(word) - 1
        while cut > 1 and font.getlength(word[:cut]) > width:
            cut -= 1
        pieces.append(word[:cut])
        word = word[cut:]
    return [*pieces, word]


def _words_to_lines(words: list[str], font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in words:
        for piece in _pieces(word, font, width):
            if lines and font.getlength(f"{lines[-1]} {piece}") <= width:
                lines[-1] = f"{lines[-1]} {piece}"
            else:
                lines.append(piece)
    return lines


def layout(path: Path, text: str, width: int, height: int) -> tuple[int, list[str]]:
    """Return the largest title size at which `text` fits in width x height, and its lines.

    At the smallest size a title that is still too long is cut, ending in an ellipsis.
    """
    words = text.split()
    for size in TITLE_SIZES:
        font = _font(path, size)
        lines = _words_to_lines(words, font, width)
        if len(lines) * size * LINE_HEIGHT <= height:
            return size, lines
    size = TITLE_SIZES[-1]
    font = _font(path, size)
    keep = max(1, int(height // (size * LINE_HEIGHT)))
    lines = _words_to_lines(words, font, width)[:keep]
    last = lines[-1]
    while last and font.getlength(f"{last}…") > width:
        last = last[:-1].rstrip()
    lines[-1] = f"{last}…"
    return size, lines


ACCENT_RULE = 16  # px, the rule along the top


def draw_card(text: str, site: str, cfg: ImagesSettings) -> bytes:
    """Return the PNG bytes of a share image for `text` and the site's name."""
    width, height = SHARE_SIZE
    image = Image.new("RGB", SHARE_SIZE, cfg.share_background)
    draw = ImageDraw.Draw(image)
    inner = width - 2 * MARGIN
    site_font = _font(cfg.share_font, SITE_SIZE)
    site_baseline = height - MARGIN
    room = site_baseline - SITE_SIZE - GAP - MARGIN
    size, lines = layout(cfg.share_font, text, inner, room)
    font = _font(cfg.share_font, size)
    step = round(size * LINE_HEIGHT)
    ascent, _ = font.getmetrics()
    top = MARGIN + (room - step * len(lines)) // 2
    for i, line in enumerate(lines):
        draw.text((MARGIN, top + ascent + i * step), line, font=font, fill=cfg.share_text,
                  anchor="ls")
    left = MARGIN
    if cfg.share_accent:
        # The site's mark: a rule along the top, and the 2¢ coin before the name.
        draw.rectangle((0, 0, width, ACCENT_RULE), fill=cfg.share_accent)
        radius = SITE_SIZE * 3 // 4
        centre = (MARGIN + radius, site_baseline - SITE_SIZE // 3)
        draw.ellipse((centre[0] - radius, centre[1] - radius, centre[0] + radius,
                      centre[1] + radius), fill=cfg.share_accent)
        draw.text(centre, "2¢", font=_font(cfg.share_font, radius), fill=cfg.share_background,
                  anchor="mm")
        left = MARGIN + 2 * radius + GAP // 2
    draw.text((left, site_baseline), site, font=site_font, fill=cfg.share_text, anchor="ls")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
