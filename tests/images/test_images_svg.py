"""SVG: <metadata> elements cut out, every other byte kept; the size read from the root."""

from __future__ import annotations

import pytest

from images.svg import SvgError, clean_svg, svg_size


@pytest.mark.parametrize(
    ("svg", "expected"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><metadata>x</metadata><g/></svg>',
         b'<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>'),
        (b"<svg><metadata/><a>x</a></svg>", b"<svg><a>x</a></svg>"),
        (b'<svg><metadata id="m" data-x="/>"  /><b/></svg>', b"<svg><b/></svg>"),
        (b"<svg><metadata><metadata/>nested</metadata><a/></svg>", b"<svg><a/></svg>"),
        (b'<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:metadata>z</svg:metadata>'
         b"</svg:svg>", b'<svg:svg xmlns:svg="http://www.w3.org/2000/svg"></svg:svg>'),
        # Another vocabulary's <metadata> is not SVG's: kept.
        (b'<svg><x:metadata xmlns:x="urn:other"/></svg>',
         b'<svg><x:metadata xmlns:x="urn:other"/></svg>'),
        # Comments, entities, odd spacing: untouched.
        (b'<?xml version="1.0"?>\n<!-- made by hand -->\n<svg  a = "1&amp;2" >\r\n'
         b"<metadata>\n  <rdf:RDF xmlns:rdf=\"urn:r\"/>\n</metadata>\r\n<text>&#169;</text></svg>",
         b'<?xml version="1.0"?>\n<!-- made by hand -->\n<svg  a = "1&amp;2" >\r\n'
         b"\r\n<text>&#169;</text></svg>"),
    ],
)
def test_metadata_is_cut_and_every_other_byte_kept(svg: bytes, expected: bytes) -> None:
    assert clean_svg(svg, "content/images/x.svg") == expected


def test_an_svg_without_metadata_is_unchanged() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">\n<path d="M0 0h8"/></svg>'
    assert clean_svg(svg.encode(), "x.svg") == svg.encode()


@pytest.mark.parametrize(
    ("root", "size"),
    [
        ('width="320" height="160"', (320, 160)),
        ('width="320px" height="160.4px" viewBox="0 0 10 10"', (320, 160)),
        ('viewBox="0 0 64 48"', (64, 48)),
        ('viewBox="0,0,64.6,48"', (65, 48)),
        ('width="100%" height="100%" viewBox="0 0 30 10"', (30, 10)),
        ('width="10em" height="5em"', None),
        ("", None),
        ('viewBox="0 0 0 10"', None),
    ],
)
def test_the_size_comes_from_width_and_height_or_the_viewbox(root: str, size) -> None:
    assert svg_size(f'<svg xmlns="http://www.w3.org/2000/svg" {root}/>'.encode(), "x") == size


def test_a_broken_svg_is_an_error_naming_the_file() -> None:
    with pytest.raises(SvgError, match=r"content/images/x.svg: not a well-formed SVG .*export"):
        clean_svg(b"<svg><metadata></svg>", "content/images/x.svg")
