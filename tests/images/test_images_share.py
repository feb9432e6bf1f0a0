"""Share images: the title wrapped to fit in the largest size, drawn the same way every time."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from PIL import Image
import pytest

from images.settings import ImagesSettings
from images.share import (
    ACCENT_RULE,
    MARGIN,
    TITLE_SIZES,
    ShareFontError,
    _font,
    draw_card,
    layout,
    load_font,
    missing_glyphs,
)

CFG = ImagesSettings.from_pelican({})
FONT = CFG.share_font
WIDTH, HEIGHT = 1040, 340


def test_a_short_title_is_drawn_large_on_one_line() -> None:
    size, lines = layout(FONT, "Fund it", WIDTH, HEIGHT)
    assert (size, lines) == (TITLE_SIZES[0], ["Fund it"])


def test_a_long_title_is_wrapped_and_made_smaller_to_fit() -> None:
    title = ("Ask your senators to make ending slavery a diplomatic priority in every trade "
             "agreement the United States signs from now on")
    size, lines = layout(FONT, title, WIDTH, HEIGHT)
    assert size < TITLE_SIZES[0] and len(lines) > 2
    assert " ".join(lines) == title
    font = _font(FONT, size)
    assert all(font.getlength(line) <= WIDTH for line in lines)
    assert len(lines) * size * 1.15 <= HEIGHT
    bigger = _font(FONT, size + 4)  # the next size up would not have fitted
    assert len(lines) * (size + 4) * 1.15 > HEIGHT or any(
        bigger.getlength(line) > WIDTH for line in lines)


def test_a_title_too_long_for_the_smallest_size_ends_in_an_ellipsis() -> None:
    size, lines = layout(FONT, "word " * 200, WIDTH, HEIGHT)
    assert size == TITLE_SIZES[-1]
    assert lines[-1].endswith("…") and len(lines) * size * 1.15 <= HEIGHT


def test_a_word_longer_than_a_line_is_broken() -> None:
    word = "x" * 120
    size, lines = layout(FONT, word, WIDTH, HEIGHT)
    assert "".join(lines) == word and len(lines) > 1
    assert all(_font(FONT, size).getlength(line) <= WIDTH for line in lines)


def test_the_card_is_1200_by_630_in_the_colours_and_deterministic() -> None:
    data = draw_card("Keep forced labor out of what the government buys", "Two Cents", CFG)
    assert data == draw_card("Keep forced labor out of what the government buys", "Two Cents",
                             CFG)
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    rgb = image.convert("RGB")
    assert rgb.getpixel((5, 40)) == CFG.share_background
    assert rgb.getpixel((5, 5)) == CFG.share_accent  # the site's gold rule along the top
    colours = {c for _, c in rgb.getcolors(maxcolors=100_000)}
    assert CFG.share_text in colours  # the text is drawn in the text colour
    inside = rgb.crop((MARGIN, MARGIN, 1200 - MARGIN, 630 - MARGIN))
    assert inside.getbbox() is not None
    margin = rgb.crop((0, ACCENT_RULE + 1, MARGIN - 4, 630))  # nothing in the left margin
    assert {c for _, c in margin.getcolors()} == {CFG.share_background}
    assert draw_card("Another title", "Two Cents", CFG) != data
    plain = Image.open(io.BytesIO(draw_card("Another title", "Two Cents",
                                            dataclasses.replace(CFG, share_accent=None))))
    assert plain.convert("RGB").getpixel((5, 5)) == CFG.share_background


def test_missing_letters_are_found() -> None:
    assert missing_glyphs(FONT, "Café “quoted” – fine") == []
    assert missing_glyphs(FONT, "Дом 家") == ["Д", "м", "о", "家"]


def test_a_missing_font_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ShareFontError, match=r"font.woff is missing or unreadable.*make deps"):
        load_font(tmp_path / "font.woff")
    (tmp_path / "broken.woff").write_bytes(b"not a font")
    with pytest.raises(ShareFontError, match="IMAGES_SHARE_FONT"):
        load_font(tmp_path / "broken.woff")
