"""Re-encoding: orientation first, every piece of metadata but the ICC profile gone, sizes right,
the same bytes every time, in every format we publish."""

from __future__ import annotations

import io

from images_helpers import SECRET, SRGB, XMP, clean_jpeg, encoded, gps_exif, phone_jpeg, photo
from PIL import Image, ImageSequence
from PIL.PngImagePlugin import PngInfo
import pytest

from images.processing import ImageError, Size, encode, plan, plan_sizes
from images.settings import ImagesSettings

CFG = ImagesSettings.from_pelican({})
MARKERS = (b"Exif", b"GPS", b"xmpmeta", b"8BIM", SECRET)


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _publish(data: bytes, suffix: str) -> dict[str, bytes]:
    return encode(data, plan(data, f"content/images/x{suffix}", suffix, CFG), CFG)


def test_sizes_never_upscale_and_keep_the_aspect_ratio() -> None:
    assert plan_sizes(4000, 3000, CFG) == (
        Size(1600, 1200, ""), Size(960, 720, "-960"), Size(480, 360, "-480"))
    assert plan_sizes(700, 5000, CFG) == (Size(700, 5000, ""), Size(480, 3429, "-480"))
    assert plan_sizes(480, 100, CFG) == (Size(480, 100, ""),)
    assert plan_sizes(5000, 2, CFG)[-1] == Size(480, 1, "-480")  # never 0 pixels high


@pytest.mark.parametrize(("orientation", "corner"), [(1, (5, 5)), (3, (395, 295)),
                                                     (6, (295, 5)), (8, (5, 395))])
def test_exif_orientation_is_applied_before_anything_else(orientation: int, corner) -> None:
    data = phone_jpeg(400, 300, orientation)
    planned = plan(data, "x.jpg", ".jpg", CFG)
    upright = (300, 400) if orientation in (6, 8) else (400, 300)
    assert (planned.sizes[0].width, planned.sizes[0].height) == upright
    image = _open(encode(data, planned, CFG)[""])
    assert image.size == upright
    red, green, _ = image.getpixel(corner)
    assert red > 180 and green < 80, (orientation, image.getpixel(corner))  # the red corner


def test_a_jpeg_loses_exif_gps_xmp_iptc_and_comments_but_keeps_its_colour_profile() -> None:
    source = phone_jpeg()
    for marker in MARKERS:
        assert marker in source, marker  # the fixture really carries each of them
    out = _publish(source, ".jpg")[""]
    for marker in MARKERS:
        assert marker not in out, marker
    image = _open(out)
    assert not image.getexif() and "xmp" not in image.info and "comment" not in image.info
    assert "photoshop" not in image.info
    assert image.info["icc_profile"] == SRGB
    assert image.info.get("progressive")


def test_a_png_loses_text_xmp_and_exif_chunks() -> None:
    info = PngInfo()
    info.add_text("Comment", "drawn at Springfield")
    info.add_text("Raw profile type exif", "exif\n  4\n00000000", zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode(), zip=True)
    source = encoded(photo(600, 300).convert("RGBA"), "PNG", pnginfo=info, exif=gps_exif(),
                     icc_profile=SRGB)
    out = _publish(source, ".png")
    image = _open(out[""])
    assert image.mode == "RGBA" and image.text == {} and not image.getexif()
    assert image.info["icc_profile"] == SRGB
    for chunk in (b"tEXt", b"zTXt", b"iTXt", b"eXIf", SECRET):
        assert chunk not in out[""] and chunk not in out["-480"], chunk


def test_a_palette_png_keeps_its_palette_and_transparency_at_full_size() -> None:
    image = Image.new("P", (300, 100), 1)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    image.paste(0, (0, 0, 50, 50))
    out = _open(_publish(encoded(image, "PNG", transparency=0), ".png")[""])
    assert out.mode == "P" and out.info["transparency"] == 0
    assert out.convert("RGBA").getpixel((10, 10))[3] == 0


@pytest.mark.parametrize(("fmt", "suffix"), [("WEBP", ".webp"), ("AVIF", ".avif")])
def test_webp_and_avif_lose_exif_and_xmp(fmt: str, suffix: str) -> None:
    source = encoded(photo(1000, 500), fmt, exif=gps_exif(), xmp=XMP)
    assert b"GPS" in source or b"Exif" in source
    out = _publish(source, suffix)
    assert set(out) == {"", "-960", "-480"}
    for data in out.values():
        image = _open(data)
        assert image.format == fmt and not image.getexif() and not image.info.get("xmp")
        for marker in MARKERS:
            assert marker not in data, marker
    assert _open(out["-480"]).size == (480, 240)


def test_a_gif_loses_its_comment() -> None:
    image = Image.new("P", (600, 200), 3)
    image.putpalette(list(range(256)) * 3)
    out = _publish(encoded(image, "GIF", comment=b"taken at Springfield"), ".gif")
    for data in out.values():
        assert SECRET not in data and "comment" not in _open(data).info
    assert _open(out["-480"]).size == (480, 160)


def test_an_animation_keeps_its_frames_and_timing() -> None:
    frames = [Image.new("RGB", (600, 200), (60 * i, 0, 0)) for i in range(4)]
    source = encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=120,
                     loop=0, comment=b"Springfield")
    assert plan(source, "x.gif", ".gif", CFG).animated
    out = _publish(source, ".gif")
    for data in out.values():
        image = Image.open(io.BytesIO(data))
        assert image.n_frames == 4 and image.info["duration"] == 120 and image.info["loop"] == 0
        assert [f.convert("RGB").getpixel((5, 5))[0] // 60 for f in ImageSequence.Iterator(image)
                ] == [0, 1, 2, 3]
        assert SECRET not in data


def test_a_phone_mpo_photo_is_published_as_its_first_picture() -> None:
    pictures = [photo(1000, 800), Image.new("RGB", (200, 100), (0, 200, 0))]
    source = encoded(pictures[0], "MPO", save_all=True, append_images=pictures[1:],
                     exif=gps_exif())
    assert _open(source).format == "MPO"
    planned = plan(source, "x.jpg", ".jpg", CFG)
    assert not planned.animated and planned.sizes[0] == Size(1000, 800, "")
    image = _open(encode(source, planned, CFG)[""])
    assert (image.format, getattr(image, "n_frames", 1), image.size) == ("JPEG", 1, (1000, 800))
    assert not image.getexif()


def test_the_same_input_gives_the_same_bytes() -> None:
    for data, suffix in ((phone_jpeg(2000, 1500), ".jpg"),
                         (encoded(photo(1200, 600), "PNG"), ".png"),
                         (encoded(photo(1200, 600), "WEBP"), ".webp")):
        assert _publish(data, suffix) == _publish(data, suffix)


def test_quality_changes_the_bytes() -> None:
    data = clean_jpeg(800, 600)
    low = ImagesSettings.from_pelican({"IMAGES_QUALITY": {"jpeg": 40}})
    smaller = encode(data, plan(data, "x", ".jpg", low), low)[""]
    assert len(smaller) < len(_publish(data, ".jpg")[""])


@pytest.mark.parametrize(
    ("data", "suffix", "says"),
    [
        (b"<html><script>alert(1)</script>", ".jpg", "cannot be read as an image"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, ".png", "cannot be read as an image"),
        (encoded(photo(20, 20), "PNG"), ".jpg", "is a PNG image, not JPEG"),
    ],
)
def test_a_file_that_is_not_what_it_says_is_an_error_naming_it(data: bytes, suffix: str,
                                                               says: str) -> None:
    with pytest.raises(ImageError, match=r"content/images/bad\S*: ") as error:
        plan(data, f"content/images/bad{suffix}", suffix, CFG)
    assert says in str(error.value)
    assert "export it again" in str(error.value) or "save it again" in str(error.value)
