"""IMAGES_* settings: defaults, validation, and unknown keys refused naming the known ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from images.settings import DEFAULTS, ImagesConfigError, ImagesSettings, contrast
from pluginkit import SettingsError


def test_defaults() -> None:
    cfg = ImagesSettings.from_pelican({})
    assert (cfg.folder, cfg.max_width, cfg.widths) == ("images", 1600, (480, 960))
    assert cfg.quality_of("jpeg") == 82 and cfg.quality_of("avif") == 60
    assert cfg.share_pages == (("actions", "action"), ("pages/home.md", "home"),
                               ("platform", "platform"))
    assert (cfg.share_background, cfg.share_text) == ((0x14, 0x21, 0x3D), (255, 255, 255))
    assert cfg.share_accent == (0xF2, 0xB7, 0x05)
    assert cfg.share_font.name == "atkinson-hyperlegible-latin-700-normal.woff"
    assert cfg.share_font.is_file()  # node_modules is installed by `make deps`


def test_values_are_normalised() -> None:
    cfg = ImagesSettings.from_pelican({"IMAGES_WIDTHS": [960, 480, 960], "IMAGES_FOLDER": "/media/",
                         "IMAGES_QUALITY": {"webp": 70}, "IMAGES_SHARE_FONT": Path("/x.ttf")})
    assert cfg.widths == (480, 960)
    assert cfg.folder == "media"
    assert dict(cfg.quality) == {"jpeg": 82, "webp": 70, "avif": 60}  # the others kept


def test_the_settings_that_change_encoded_bytes_are_in_the_cache_key() -> None:
    base = ImagesSettings.from_pelican({}).encoding_key()
    assert ImagesSettings.from_pelican({"IMAGES_MAX_WIDTH": 1200}).encoding_key() != base
    assert ImagesSettings.from_pelican({"IMAGES_WIDTHS": (320,)}).encoding_key() != base
    assert ImagesSettings.from_pelican({"IMAGES_QUALITY": {"jpeg": 90}}).encoding_key() != base
    html_only = ImagesSettings.from_pelican({"IMAGES_SIZES": "100vw"})
    assert html_only.encoding_key() == base


def test_unknown_settings_are_refused_naming_the_known_ones() -> None:
    with pytest.raises(SettingsError) as error:
        ImagesSettings.from_pelican({"IMAGES_MAXWIDTH": 1200, "IMAGES_FOLDER": "images"})
    message = str(error.value)
    assert "IMAGES_MAXWIDTH" in message
    assert all(key in message for key in DEFAULTS)


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ({"IMAGES_MAX_WIDTH": "1600"}, "IMAGES_MAX_WIDTH: '1600' is not a whole number"),
        ({"IMAGES_MAX_WIDTH": True}, "IMAGES_MAX_WIDTH: True is not a whole number"),
        ({"IMAGES_WIDTHS": 480}, "IMAGES_WIDTHS: 480 is not a list"),
        ({"IMAGES_WIDTHS": (480, 1600)}, "IMAGES_WIDTHS: 1600 is not a whole number from 16 to "
                                         "1599"),
        ({"IMAGES_SIZES": '100vw" onload="x'}, "IMAGES_SIZES"),
        ({"IMAGES_QUALITY": {"jpg": 80}}, "IMAGES_QUALITY: {'jpg': 80}: give a mapping"),
        ({"IMAGES_QUALITY": {"jpeg": 0}}, "IMAGES_QUALITY['jpeg']: 0 is not a whole number"),
        ({"IMAGES_FOLDER": "../secret"}, "IMAGES_FOLDER: '../secret' must be a plain folder"),
        ({"IMAGES_SHARE_FOLDER": ""}, "IMAGES_SHARE_FOLDER: '' is not a folder name"),
        ({"IMAGES_SHARE_PAGES": ["platform"]}, "IMAGES_SHARE_PAGES: ['platform'] is not a "
                                               "mapping"),
        ({"IMAGES_SHARE_PAGES": {"platform": "Big Kind"}}, "kind 'Big Kind' of 'platform'"),
        ({"IMAGES_SHARE_BACKGROUND": "navy"}, "IMAGES_SHARE_BACKGROUND: 'navy' is not a colour "
                                              "written as #rrggbb"),
        ({"IMAGES_SHARE_TEXT": "#1b3a5c"}, "the contrast with IMAGES_SHARE_BACKGROUND is 1.4:1"),
        ({"IMAGES_SHARE_FONT": None}, "IMAGES_SHARE_FONT: None is not the path"),
    ],
)
def test_malformed_settings_are_refused_saying_why(settings: dict, says: str) -> None:
    with pytest.raises(ImagesConfigError, match=r"pelicanconf\.py") as error:
        ImagesSettings.from_pelican(settings)
    assert says in str(error.value)


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast((255, 255, 255), (0, 0, 0)) == pytest.approx(21)
    assert contrast((255, 255, 255), (255, 255, 255)) == pytest.approx(1)
    assert contrast((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
