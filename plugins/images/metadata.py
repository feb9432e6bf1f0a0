"""What identifying location metadata a source image carries (for `make check-content`).

The build publishes images without any metadata; this tells a volunteer that the file they are
about to commit (the repository is public) still says where it was taken. Only the names of the
fields are reported, never their values, so the warning itself discloses nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
import io
from pathlib import Path
import re

from PIL import ExifTags, Image, IptcImagePlugin

from .processing import FORMATS, ImageError
from .svg import SvgError, parse_svg

# XMP properties that say where a picture was taken, by namespace (any `GPS…` name counts too).
XMP_LOCATION: dict[str, tuple[str, ...]] = {
    "http://ns.adobe.com/photoshop/1.0/": ("City", "State", "Country"),
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": ("Location", "CountryCode"),
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": (
        "LocationCreated", "LocationShown", "City", "CountryName", "CountryCode",
        "ProvinceState", "Sublocation", "WorldRegion",
    ),
}
# IPTC-IIM (application record 2) datasets that say where.
IPTC_LOCATION = {
    (2, 26): "Content Location Code", (2, 27): "Content Location Name", (2, 90): "City",
    (2, 92): "Sub-location", (2, 95): "Province/State", (2, 100): "Country Code",
    (2, 101): "Country Name",
}
_PACKET = re.compile(rb"<x:xmpmeta\b.*?</x:xmpmeta\s*>", re.S)
_XMLNS = re.compile(r"xmlns:([A-Za-z_][\w.-]*)\s*=\s*[\"']([^\"']*)[\"']")
_QNAME = re.compile(r"(?:<\/?|\s)([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)(?=\s*=|[\s/>])")


def xmp_location_fields(text: str) -> list[str]:
    """Return the location properties named in an XMP (or RDF) text, as prefix:Name.

    Read with regular expressions rather than an XML parser, so a damaged packet still tells.
    """
    spaces = dict(_XMLNS.findall(text))
    found = set()
    for prefix, local in _QNAME.findall(text):
        if prefix == "xmlns":
            continue
        uri = spaces.get(prefix, "")
        if local.lower().startswith("gps") or local in XMP_LOCATION.get(uri, ()):
            found.add(f"{prefix}:{local}")
    return sorted(found)


def _xmp_texts(im: Image.Image, data: bytes) -> Iterable[str]:
    """Every XMP packet: those Pillow read (JPEG, PNG, WebP, GIF, AVIF) and any in the bytes."""
    for key in ("xmp", "XML:com.adobe.xmp"):
        value = im.info.get(key)
        if isinstance(value, bytes):
            yield value.decode("utf-8", "replace")
        elif isinstance(value, str):
            yield value
    for packet in _PACKET.findall(data):
        yield packet.decode("utf-8", "replace")


def _exif_gps(im: Image.Image) -> list[str]:
    try:
        exif = im.getexif()
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except Exception:  # a damaged EXIF block: say so, it may hold the position
        return ["an EXIF block that cannot be read (it may hold a GPS position)"]
    tags = [tag for tag in gps if tag != ExifTags.GPS.GPSVersionID]
    if not tags:  # no GPS block, or one that holds no position
        return []
    names = sorted(ExifTags.GPSTAGS.get(tag, f"tag {tag}") for tag in tags)
    return [f"a GPS position in EXIF ({', '.join(names)})"]


def _iptc(im: Image.Image) -> list[str]:
    try:
        info = IptcImagePlugin.getiptcinfo(im) or {}
    except Exception:
        return []
    names = [name for key, name in IPTC_LOCATION.items() if key in info]
    return [f"IPTC location fields ({', '.join(names)})"] if names else []


def location_metadata(path: Path) -> list[str]:
    """Return, in words, the location metadata an image file carries ([] when it has none).

    Looks for a GPS block in EXIF, GPS or location properties in XMP, IPTC location fields,
    and for SVG files location properties in <metadata>. Raises ImageError (a ValueError)
    naming the file if it is not a readable image.
    """
    data = Path(path).read_bytes()
    suffix = Path(path).suffix.lower()
    if suffix == ".svg":
        try:
            parse_svg(data, str(path))
        except SvgError as exc:
            raise ImageError(str(exc)) from exc
        fields = xmp_location_fields(data.decode("utf-8", "replace"))
        return [f"location fields in the SVG's metadata ({', '.join(fields)})"] if fields else []
    if suffix not in FORMATS:
        raise ImageError(f"{path}: not an image this site publishes (.jpg, .png, .gif, .webp, "
                         ".avif, .svg)")
    try:
        with Image.open(io.BytesIO(data)) as im:
            found = _exif_gps(im)
            xmp = sorted({f for text in _xmp_texts(im, data) for f in xmp_location_fields(text)})
            if xmp:
                found.append(f"XMP location fields ({', '.join(xmp)})")
            found += _iptc(im)
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageError(f"{path}: cannot be read as an image ({exc})") from exc
    return found
