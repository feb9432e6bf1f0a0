"""location_metadata: what a source image says about where it was taken (for check-content)."""

from __future__ import annotations

from pathlib import Path

from images_helpers import (
    DIAGRAM,
    XMP,
    clean_jpeg,
    encoded,
    gps_exif,
    iptc_segment,
    phone_jpeg,
    photo,
    texty_png,
)
from PIL import ExifTags, Image
import pytest

from images import location_metadata
from images.metadata import xmp_location_fields
from images.processing import ImageError


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_phone_photo_reports_gps_xmp_and_iptc(tmp_path: Path) -> None:
    found = location_metadata(_file(tmp_path, "street.jpg", phone_jpeg()))
    assert found == [
        "a GPS position in EXIF (GPSLatitude, GPSLatitudeRef, GPSLongitude, GPSLongitudeRef)",
        "XMP location fields (exif:GPSLatitude, exif:GPSLongitude, photoshop:City)",
        "IPTC location fields (City)",
    ]
    assert not any("Springfield" in line or "51" in line for line in found)  # names, no values


def test_a_clean_image_reports_nothing(tmp_path: Path) -> None:
    assert location_metadata(_file(tmp_path, "clean.jpg", clean_jpeg())) == []
    camera = Image.Exif()
    camera[ExifTags.Base.Make] = "PhoneCo"  # EXIF without a position is not reported
    assert location_metadata(_file(tmp_path, "camera.jpg",
                                   encoded(photo(50, 50), "JPEG", exif=camera))) == []
    version_only = Image.Exif()
    version_only.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSVersionID] = b"\x02\x03\x00\x00"
    assert location_metadata(_file(tmp_path, "v.jpg",
                                   encoded(photo(50, 50), "JPEG", exif=version_only))) == []


@pytest.mark.parametrize(
    ("name", "make", "says"),
    [
        ("chart.png", texty_png, ["a GPS position in EXIF", "XMP location fields"]),
        ("photo.webp", lambda: encoded(photo(80, 40), "WEBP", exif=gps_exif(), xmp=XMP),
         ["a GPS position in EXIF", "XMP location fields"]),
        ("photo.avif", lambda: encoded(photo(80, 40), "AVIF", exif=gps_exif()),
         ["a GPS position in EXIF"]),
        ("iptc.jpg", lambda: encoded(photo(80, 40), "JPEG", extra=iptc_segment()),
         ["IPTC location fields (City)"]),
        ("diagram.svg", DIAGRAM.encode, ["location fields in the SVG's metadata "
                                         "(photoshop:City)"]),
    ],
)
def test_every_format_is_read(tmp_path: Path, name: str, make, says: list[str]) -> None:
    found = location_metadata(_file(tmp_path, name, make()))
    assert [line[: len(prefix)] for line, prefix in zip(found, says, strict=True)] == says


def test_xmp_fields_are_found_by_namespace_in_elements_and_attributes() -> None:
    text = ('<x:xmpmeta xmlns:x="adobe:ns:meta/" xmlns:I="http://iptc.org/std/Iptc4xmpExt/'
            '2008-02-29/" xmlns:ps="http://ns.adobe.com/photoshop/1.0/" xmlns:dc="http://purl.org'
            '/dc/elements/1.1/"><I:LocationShown><rdf:Bag/></I:LocationShown>'
            '<rdf:Description ps:Country="X" dc:title="City" drone-dji:GpsLatitude="1"/>'
            '<dc:City>not a location field in Dublin Core</dc:City>')
    assert xmp_location_fields(text) == ["I:LocationShown", "drone-dji:GpsLatitude",
                                         "ps:Country"]
    assert xmp_location_fields("<x:xmpmeta><broken") == []


def test_a_file_that_is_not_an_image_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match=r"fake.jpg: cannot be read as an image"):
        location_metadata(_file(tmp_path, "fake.jpg", b"<html></html>"))
    with pytest.raises(ImageError, match=r"notes.txt: not an image"):
        location_metadata(_file(tmp_path, "notes.txt", b"hello"))
    with pytest.raises(ImageError, match=r"bad.svg: not a well-formed SVG"):
        location_metadata(_file(tmp_path, "bad.svg", b"<svg>"))
