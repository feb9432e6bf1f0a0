"""The directory in Chromium: no axe violations, usable at 320 px, complete without JavaScript."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import axe_violations, build, serve

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legislators"
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture site, built once and served on 127.0.0.1."""
    out = build(
        tmp_path_factory.mktemp("legislators-browser") / "out",
        content=FIXTURES / "site",
        PLUGINS=["content_schema", "sections", "legislators"],
        LEGISLATORS_SOURCE=str(FIXTURES / "congress"),
        LEGISLATORS_ZIP_SOURCE=str(FIXTURES / "zccd.csv"),
        LEGISLATORS_SET_CHECKS=False,
        LEGISLATORS_TODAY="2026-11-22",
    )
    with serve(out) as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/representatives/", "/representatives/mt/"])
def test_no_axe_violations(browser: Any, site_url: str, scheme: str, path: str) -> None:
    page = browser.new_page(color_scheme=scheme)
    page.goto(site_url + path)
    assert axe_violations(page) == []
    page.close()


def test_state_page_without_javascript_at_320px(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 700})
    page = context.new_page()
    page.goto(site_url + "/representatives/mt/")
    assert page.locator(".member").count() == 4  # 2 senators (1 out of date), MT-1, MT-2 vacant
    assert page.locator('a[href^="tel:"]').count() >= 2
    page.locator(".member__offices summary").first.click()
    assert page.locator(".member__offices li").first.is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320
    context.close()
