"""Content pages in Debian's Chromium: no sideways scrolling at 320 px, the chart passes axe."""

from __future__ import annotations

from pathlib import Path
import re
from typing import Any

from conftest import axe_violations
import pytest

PAGES = (
    "/",
    "/platform/",
    "/platform/two-cents-for-freedom/",
    "/platform/vulnerable-people/",
    "/learn/strategies/",
    "/get-help/",
)


@pytest.mark.browser
def test_content_pages_fit_a_320px_screen(real_site_url: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 320, "height": 640})
    try:
        for path in PAGES:
            page.goto(real_site_url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, f"{path} scrolls sideways at 320 px ({width} px wide)"
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_page_has_no_axe_violations(real_site_url: str, browser: Any, scheme: str) -> None:
    page = browser.new_page(color_scheme=scheme)
    try:
        page.goto(real_site_url + "/platform/two-cents-for-freedom/")
        assert page.locator("figure#chart-funding-gap svg[role=img]").count() == 1
        assert axe_violations(page) == []
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["", "es/"])
def test_every_ask_prints_as_a_one_page_leave_behind(browser: Any, real_site: Path,
                                                     real_site_url: str, lang: str) -> None:
    """Printed, a platform page is one Letter page: the ask, who decides, the key figures with
    their sources, and the campaign's contact line; nothing else."""
    page = browser.new_page()
    try:
        for folder in sorted((real_site / lang / "platform").iterdir()):
            if not (folder / "index.html").is_file():
                continue
            page.goto(f"{real_site_url}/{lang}platform/{folder.name}/")
            page.emulate_media(media="print")
            assert page.locator(".ask-box__ask").is_visible()
            assert page.locator(".key-figures li").count() == 3, folder.name
            assert page.locator(".leave-behind__contact").is_visible()
            for hidden in (".site-footer", ".safety", ".platform-ask__body", ".layout__aside"):
                assert not page.locator(hidden).first.is_visible(), (folder.name, hidden)
            pdf = page.pdf(format="Letter")
            assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, folder.name
            page.emulate_media(media="screen")
    finally:
        page.close()
