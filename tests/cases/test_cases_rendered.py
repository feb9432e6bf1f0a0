"""The last safety scan: rendered HTML, in the build (Pelican's HTML) and the CLI."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

from content_schema.body import scan_rendered
from content_schema.plugin import check_rendered


@pytest.mark.parametrize(
    ("html", "tag"),
    [
        ("<p>ok</p><script>alert(1)</script>", "script"),
        ('<p><a href="javascript:alert(1)">x</a></p>', "a"),
        ('<p><img src="/images/x.png" onerror="alert(1)" alt="x"></p>', "img"),
        ('<p><a href="data:text/html;base64,PHNjcmlwdD4=">x</a></p>', "a"),
        ("<iframe src=/x></iframe>", "iframe"),
    ],
)
def test_scan_rendered_finds_unsafe_html(html: str, tag: str) -> None:
    unsafe, _links = scan_rendered(html)
    assert unsafe == tag


def test_scan_rendered_passes_safe_html_and_collects_site_links() -> None:
    html = (
        '<p><a href="/platform/prevention/">a</a> <a href="https://www.ilo.org/">b</a>'
        ' <a href="tel:+18883737888">c</a> <a href="/images/x.png">d</a></p>'
    )
    assert scan_rendered(html) == (None, ["/platform/prevention/"])


def test_build_scan_logs_the_file_and_the_fix(caplog: pytest.LogCaptureFixture) -> None:
    content = SimpleNamespace(
        _content="<p>x</p><script>alert(1)</script>", relative_source_path="cases/x.md",
        settings={"PATH": "/somewhere/content"},
    )
    with caplog.at_level(logging.ERROR):
        check_rendered(content)
    assert "content/cases/x.md:1: body: the rendered text contains an unsafe <script> element" \
        in caplog.text


def test_build_scan_is_silent_on_safe_content(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        check_rendered(SimpleNamespace(_content="<p>fine</p>", relative_source_path="x.md"))
        check_rendered(SimpleNamespace(relative_source_path="static.png"))
    assert not caplog.records
