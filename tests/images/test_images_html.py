"""The <img> rewrite: our images get size, srcset, sizes, decoding and lazy loading; nothing
else in the HTML changes."""

from __future__ import annotations

from images_helpers import clean_jpeg
import pytest

from images.catalog import Catalog, scan
from images.html import find_images, resolve, rewrite
from images.settings import ImagesSettings

SIZES = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
PHOTO = ('width="1600" height="1200" srcset="/images/a-480.jpg 480w, /images/a-960.jpg 960w, '
         f'/images/a.jpg 1600w" sizes="{SIZES}" decoding="async"')


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = tmp_path_factory.mktemp("content")
    (root / "images" / "sub").mkdir(parents=True)
    (root / "images" / "a.jpg").write_bytes(clean_jpeg(2000, 1500))
    (root / "images" / "sub" / "b c.jpg").write_bytes(clean_jpeg(300, 200))
    (root / "images" / "d.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"/>', encoding="utf-8")
    found = scan(root, ImagesSettings.from_pelican({}))
    assert sorted(found.sources) == ["images/a.jpg", "images/d.svg", "images/sub/b c.jpg"]
    return found


def _rewrite(html: str, catalog: Catalog, content_dir: str = "cases", siteurl: str = "") -> str:
    new, attached = rewrite(html, catalog, content_dir, siteurl, SIZES)
    assert attached == []
    return new


def test_a_photo_of_ours_gets_every_attribute(catalog: Catalog) -> None:
    html = '<p>Intro</p>\n<p><img alt="A &amp; B" src="/images/a.jpg"></p>\n'
    assert _rewrite(html, catalog) == (
        f'<p>Intro</p>\n<p><img alt="A &amp; B" src="/images/a.jpg" {PHOTO}></p>\n')


def test_images_after_the_first_are_lazy(catalog: Catalog) -> None:
    html = ('<p><img alt="x" src="https://example.org/x.png"></p>'
            '<p><img alt="a" src="/images/a.jpg"/></p><p><img alt="b" src="/images/a.jpg" /></p>')
    new = _rewrite(html, catalog)
    assert new == ('<p><img alt="x" src="https://example.org/x.png"></p>'
                   f'<p><img alt="a" src="/images/a.jpg" {PHOTO} loading="lazy"/></p>'
                   f'<p><img alt="b" src="/images/a.jpg" {PHOTO} loading="lazy" /></p>')


def test_static_links_get_the_srcset_pelican_will_write(catalog: Catalog) -> None:
    html = '<img alt="b" src="{static}/images/sub/b%20c.jpg">'
    assert _rewrite(html, catalog, siteurl="https://campaign.example") == (
        '<img alt="b" src="{static}/images/sub/b%20c.jpg" width="300" height="200" '
        f'srcset="https://campaign.example/images/sub/b%20c.jpg 300w" sizes="{SIZES}" '
        'decoding="async">')
    relative = _rewrite('<img alt="a" src="{static}../images/a.jpg">', catalog, siteurl="..")
    assert 'srcset="../images/a-480.jpg 480w, ../images/a-960.jpg 960w' in relative


def test_an_svg_gets_its_size_but_no_srcset(catalog: Catalog) -> None:
    html = '<img alt="d" src="/images/d.svg"><img alt="d" src="/images/d.svg">'
    assert _rewrite(html, catalog) == (
        '<img alt="d" src="/images/d.svg" width="40" height="20" decoding="async">'
        '<img alt="d" src="/images/d.svg" width="40" height="20" decoding="async" loading="lazy">')


def test_what_the_author_set_is_kept(catalog: Catalog) -> None:
    html = ('<img src="/images/a.jpg" alt="a" width="800" loading="eager" '
            'srcset="/images/a.jpg 1600w" decoding="sync">')
    assert _rewrite(html, catalog) == html  # nothing missing: nothing added


@pytest.mark.parametrize("html", [
    '<img alt="x" src="/images/missing.jpg">',
    '<img alt="x" src="images/a.jpg">',
    '<img alt="x" src="https://images.example/images/a.jpg">',
    '<img alt="x" src="//cdn.example/images/a.jpg">',
    '<img alt="x" src="{filename}/cases/a.md">',
    "<!-- <img src=/images/a.jpg> --><p>&nbsp;<br/></p>",
    '<script>document.write("<img src=/images/a.jpg>")</script>',
])
def test_other_images_and_markup_are_left_alone(catalog: Catalog, html: str) -> None:
    assert _rewrite(html, catalog) == html


def test_an_attached_image_of_ours_is_reported(catalog: Catalog) -> None:
    html = '<img alt="a" src="{attach}/images/a.jpg">'
    assert rewrite(html, catalog, "cases", "", SIZES) == (html, ["{attach}/images/a.jpg"])


def test_find_images_reports_exact_positions() -> None:
    html = 'é\n<p>\n  <img alt="a > b"\n src="x"></p><img src=y />'
    found = find_images(html)
    assert [html[t.start:t.end] for t in found] == [t.text for t in found] == [
        '<img alt="a > b"\n src="x">', "<img src=y />"]
    assert found[0].attrs == {"alt": "a > b", "src": "x"}


def test_resolve_reads_root_and_page_relative_static_links(catalog: Catalog) -> None:
    assert resolve("{static}../images/a.jpg", catalog, "cases", "").source.rel == "images/a.jpg"
    assert resolve("|static|/images/a.jpg?v=1#x", catalog, "", "").source.rel == "images/a.jpg"
    assert resolve("/images/sub/b%20c.jpg", catalog, "", "").source.rel == "images/sub/b c.jpg"
    assert resolve("{static}/images/../../etc/a.jpg", catalog, "", "") is None
