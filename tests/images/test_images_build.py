"""A tiny site built with the images plugin: safe, light images, sized <img>, share images."""

from __future__ import annotations

import io
import logging
from pathlib import Path
import re
import shutil

from bs4 import BeautifulSoup
from conftest import FIXTURES, build
from images_helpers import DIAGRAM, PLUGINS, SECRET, SRGB, images_site
from PIL import Image
import pytest

from content_schema import ContentError
from images import catalog, location_metadata, plugin
from images.share import ShareFontError
from pluginkit import SettingsError
from quality.vnu import VNU_JAR, finish_vnu, start_vnu
from tests.conftest import check_tree

ORIGIN = "https://campaign.example"


def _build(tmp: Path, content: Path, caplog: pytest.LogCaptureFixture, **overrides) -> Path:
    """Build `content` into tmp/out (cache in tmp/.pelican-cache); fail on any warning."""
    with caplog.at_level(logging.WARNING):
        caplog.clear()
        out = build(tmp / "out", content=content, PLUGINS=PLUGINS, SITE_ORIGIN=ORIGIN,
                    **overrides)
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert not problems, problems
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture site's content and its output, built once for the read-only tests."""
    tmp = tmp_path_factory.mktemp("images-site")
    content = images_site(tmp)
    return content, build(tmp / "out", content=content, PLUGINS=PLUGINS, SITE_ORIGIN=ORIGIN)


def _page(out: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((out / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _image(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_a_phone_photo_is_published_upright_without_any_metadata(site) -> None:
    content, out = site
    source = content / "images" / "street.jpg"
    assert location_metadata(source)  # the fixture really carries GPS, XMP and IPTC
    data = (out / "images" / "street.jpg").read_bytes()
    image = _image(data)
    assert image.size == (300, 400)  # stored 400 x 300 with EXIF orientation 6
    assert image.getpixel((290, 10))[0] > 180  # the red corner is now top right
    assert not image.getexif()
    assert "xmp" not in image.info and "comment" not in image.info
    assert image.info["icc_profile"] == SRGB  # the colour profile is kept
    for marker in (b"Exif", b"GPS", b"xmpmeta", b"8BIM", b"Photoshop", SECRET):
        assert marker not in data, marker
    assert location_metadata(out / "images" / "street.jpg") == []


def test_a_large_photo_is_resized_with_narrower_copies(site) -> None:
    _, out = site
    sizes = {name: _image((out / "images" / name).read_bytes()).size
             for name in ("courthouse.jpg", "courthouse-960.jpg", "courthouse-480.jpg")}
    assert sizes == {"courthouse.jpg": (1600, 1200), "courthouse-960.jpg": (960, 720),
                     "courthouse-480.jpg": (480, 360)}
    # Linked with {static}: Pelican's own copy of the 4000 x 3000 original is not written.
    assert (out / "images" / "courthouse.jpg").stat().st_size < 400_000
    assert not (out / "images" / "street-480.jpg").exists()  # never wider than the source


def test_a_png_loses_its_text_chunks(site) -> None:
    _, out = site
    data = (out / "images" / "chart.png").read_bytes()
    image = _image(data)
    assert image.size == (800, 400)
    assert image.text == {} and not image.getexif()
    for chunk in (b"tEXt", b"zTXt", b"iTXt", b"eXIf", SECRET):
        assert chunk not in data, chunk
    assert _image((out / "images" / "chart-480.png").read_bytes()).size == (480, 240)


def test_an_svg_loses_only_its_metadata(site) -> None:
    _, out = site
    published = (out / "images" / "diagram.svg").read_text(encoding="utf-8")
    start = DIAGRAM.index("<metadata>")
    end = DIAGRAM.index("</metadata>") + len("</metadata>")
    expected = DIAGRAM[:start] + DIAGRAM[end:]
    assert published == expected.replace("<metadata/>", "")


def test_the_page_gives_every_image_its_size_srcset_and_lazy_loading(site) -> None:
    _, out = site
    html = (out / "cases" / "photos" / "index.html").read_text(encoding="utf-8")
    imgs = {img["src"]: img for img in BeautifulSoup(html, "html.parser").select("main img")}
    assert list(imgs) == ["/images/street.jpg", "/images/courthouse.jpg", "/images/chart.png",
                          "/images/diagram.svg"]
    street, court, chart, svg = imgs.values()
    assert (street["width"], street["height"]) == ("300", "400")
    assert street["srcset"] == "/images/street.jpg 300w"
    assert "loading" not in street.attrs  # the first image is likely above the fold
    assert court["srcset"] == ("/images/courthouse-480.jpg 480w, /images/courthouse-960.jpg 960w,"
                               " /images/courthouse.jpg 1600w")
    assert (court["width"], court["height"], court["title"]) == ("1600", "1200", "The courthouse")
    assert chart["srcset"] == "/images/chart-480.png 480w, /images/chart.png 800w"
    for img in (court, chart):
        assert img["loading"] == "lazy"
        assert img["sizes"] == "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
    for img in imgs.values():
        assert img["decoding"] == "async"
    assert (svg["width"], svg["height"], svg["loading"]) == ("320", "160", "lazy")
    assert "srcset" not in svg.attrs
    # Only attributes were added: the rest of the markup is as Markdown wrote it.
    assert ('<img alt="A courthouse in a large photo" src="/images/courthouse.jpg" '
            'title="The courthouse" width="1600" height="1200" srcset=') in html
    for img in imgs.values():
        for candidate in img.get("srcset", "").split(","):
            if candidate.strip():
                assert (out / candidate.split()[0].lstrip("/")).is_file(), candidate


@pytest.mark.skipif(not VNU_JAR.is_file() or shutil.which("java") is None,
                    reason="vnu.jar or java missing (make deps)")
def test_the_nu_html_checker_accepts_the_pages_with_images(site) -> None:
    _, out = site
    result = finish_vnu(start_vnu(out), out)
    assert result.problems == [], result.problems


def test_share_images_for_the_platform_action_and_home_pages(site) -> None:
    _, out = site
    for name, page in (("platform-fund-it.png", "platform/fund-it"),
                       ("action-fund-it.png", "act/fund-it"), ("home.png", "")):
        image = _image((out / "images" / "share" / name).read_bytes())
        assert (image.format, image.size) == ("PNG", (1200, 630))
        head = _page(out, page).head
        meta = {m.get("property") or m.get("name"): m["content"]
                for m in head.select("meta[content]")}
        assert meta["og:image"] == f"{ORIGIN}/images/share/{name}"
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        assert meta["og:image:alt"].endswith("(Two Cents for Freedom)")
        assert meta["twitter:card"] == "summary_large_image"
    def alt(page: str) -> str:
        return _page(out, page).head.select_one('meta[property="og:image:alt"]')["content"]

    assert alt("act/fund-it") == "Write about funding (Two Cents for Freedom)"
    # The home page's title is the site's name, drawn anyway: the tagline is drawn instead.
    assert alt("") == ("A campaign to end human trafficking and modern slavery "
                       "(Two Cents for Freedom)")
    case = _page(out, "cases/photos").head
    assert case.select_one('meta[property="og:image"]') is None
    assert case.select_one('meta[name="twitter:card"]')["content"] == "summary"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_write_byte_identical_images(tmp_path: Path, caplog) -> None:
    content = images_site(tmp_path)
    first = _files(_build(tmp_path / "a", content, caplog) / "images")
    second = _files(_build(tmp_path / "b", content, caplog) / "images")  # its own, empty cache
    assert len(first) == 10  # courthouse 3, street 1, chart 2, diagram 1; 3 share images
    assert first == second


def test_a_rebuild_encodes_only_what_changed(tmp_path: Path, caplog, monkeypatch) -> None:
    content = images_site(tmp_path)
    made: list[str] = []
    real_encode, real_draw = catalog.encode, plugin.draw_card
    monkeypatch.setattr(catalog, "encode", lambda data, planned, cfg: (
        made.append("image"), real_encode(data, planned, cfg))[1])
    monkeypatch.setattr(plugin, "draw_card", lambda *a: (made.append("card"), real_draw(*a))[1])
    first = _files(_build(tmp_path, content, caplog) / "images")
    assert sorted(made) == ["card"] * 3 + ["image"] * 3  # and the SVG is cleaned
    made.clear()
    assert _files(_build(tmp_path, content, caplog) / "images") == first
    assert made == []
    (content / "images" / "chart.png").write_bytes(_png_without_text())
    _build(tmp_path, content, caplog)
    assert made == ["image"]


def _png_without_text() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 320), (30, 60, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_site_without_images_builds_and_writes_none(tmp_path: Path, caplog) -> None:
    out = _build(tmp_path, FIXTURES / "cases-site", caplog)
    assert (out / "cases" / "first-fixture-case" / "index.html").is_file()
    assert not (out / "images").exists()


def test_a_missing_font_stops_the_build_naming_the_fix(tmp_path: Path) -> None:
    content = images_site(tmp_path)
    with pytest.raises(ShareFontError, match=r"missing or unreadable .*run `make deps`"):
        build(tmp_path / "out", content=content, PLUGINS=PLUGINS,
              IMAGES_SHARE_FONT=str(tmp_path / "node_modules" / "font.woff"))


def test_an_unknown_setting_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"IMAGES_MAX_WITDH.*the known ones are IMAGES_FOLDER"):
        build(tmp_path / "out", content=FIXTURES / "cases-site", PLUGINS=PLUGINS,
              IMAGES_MAX_WITDH=1200)


def test_a_title_the_font_cannot_draw_stops_the_build_as_check_content_says(
    tmp_path: Path,
) -> None:
    content = images_site(tmp_path)
    page = content / "platform" / "fund-it.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: Fund the work",
                                                             "title: Fund 家 the work"),
                    encoding="utf-8")
    expected = ("content/platform/fund-it.md:2: title: the share image's font has no letter "
                "'家'; write the title without it, or set IMAGES_SHARE_FONT to a font that has it")
    assert expected in [str(p) for p in check_tree(content)]
    with pytest.raises(ContentError, match=re.escape(expected)):
        build(tmp_path / "out", content=content, PLUGINS=PLUGINS)
