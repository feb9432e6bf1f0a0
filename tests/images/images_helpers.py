"""Images made for the tests with Pillow (no committed binaries) and the images fixture site."""

from __future__ import annotations

import io
from pathlib import Path
import shutil
import struct
from typing import Any

from PIL import ExifTags, Image, ImageCms
from PIL.PngImagePlugin import PngInfo

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "tests" / "fixtures" / "images-site"
PLUGINS = ["sections", "content_schema", "outcomes", "legislators", "actions", "images"]
# An XMP packet as a phone or Lightroom writes it: a GPS position and a city.
XMP = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
    'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
    ' exif:GPSLatitude="51,30.0N" exif:GPSLongitude="0,7.0W"><photoshop:City>Springfield'
    '</photoshop:City></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
).encode()
SECRET = b"Springfield"  # the place name hidden in the fixtures' metadata
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def gps_exif(orientation: int = 1) -> Image.Exif:
    """EXIF with a camera, an orientation and a GPS position."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCo"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 0.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 0.0)
    return exif


def iptc_segment(city: bytes = SECRET) -> bytes:
    """A JPEG APP13 segment (Photoshop IRB 0x0404) carrying the IPTC City dataset (2:90)."""
    dataset = b"\x1c\x02\x5a" + struct.pack(">H", len(city)) + city
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\0\0" + struct.pack(">I", len(dataset))
    resource += dataset + (b"\0" if len(dataset) % 2 else b"")
    body = b"Photoshop 3.0\0" + resource
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def photo(width: int, height: int) -> Image.Image:
    """A picture with some detail: a gradient, and a red block in the top-left corner."""
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    image.paste((220, 20, 20), (0, 0, width // 4, height // 4))
    return image


def encoded(image: Image.Image, fmt: str, **options: Any) -> bytes:
    """Return the image saved in `fmt` with Pillow's `options`."""
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def phone_jpeg(width: int = 400, height: int = 300, orientation: int = 6) -> bytes:
    """A phone photo: stored sideways (EXIF orientation 6), GPS EXIF, XMP, IPTC, a comment."""
    return encoded(photo(width, height), "JPEG", exif=gps_exif(orientation), xmp=XMP,
                   icc_profile=SRGB, comment=b"taken at " + SECRET, extra=iptc_segment())


def clean_jpeg(width: int = 400, height: int = 300) -> bytes:
    """A JPEG without any metadata."""
    return encoded(photo(width, height), "JPEG")


def texty_png(width: int = 800, height: int = 400) -> bytes:
    """A PNG with text chunks (plain, compressed, XMP) and an eXIf chunk."""
    info = PngInfo()
    info.add_text("Comment", "drawn at " + SECRET.decode())
    info.add_text("Author", "A volunteer", zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    return encoded(photo(width, height), "PNG", pnginfo=info, exif=gps_exif())


DIAGRAM = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
    ' width="320" height="160" viewBox="0 0 320 160">\n'
    '  <title>A diagram</title>\n'
    '  <metadata><rdf:RDF><rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
    ' photoshop:City="Springfield"/></rdf:RDF></metadata>\n'
    '  <rect x="10" y="10" width="300" height="140" fill="#0b2545"/>\n'
    "  <metadata/>\n"
    "</svg>\n"
)


def images_site(tmp: Path) -> Path:
    """Copy the images fixture site into `tmp`, add its images, and return the content folder."""
    content = tmp / "content"
    shutil.copytree(SITE, content)
    images = content / "images"
    images.mkdir()
    (images / "street.jpg").write_bytes(phone_jpeg())
    (images / "courthouse.jpg").write_bytes(encoded(photo(4000, 3000), "JPEG", quality=70))
    (images / "chart.png").write_bytes(texty_png())
    (images / "diagram.svg").write_text(DIAGRAM, encoding="utf-8")
    return content
