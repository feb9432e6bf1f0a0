"""Content pages in Debian's Chromium: no sideways scrolling at 320 px, the chart passes axe."""

from __future__ import annotations

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
