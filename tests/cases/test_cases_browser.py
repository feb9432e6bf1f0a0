"""The case pages in Debian's Chromium: no axe-core violations; badges lead to outcome pages."""

from __future__ import annotations

from conftest import axe_violations
import pytest

PAGES = [
    "/cases/",
    "/cases/visa-and-debt-bondage-scheme-closed/",
    "/outcomes/",
    "/outcomes/money/",
]


@pytest.mark.browser
@pytest.mark.shared_data
@pytest.mark.parametrize("path", PAGES)
def test_case_pages_have_no_axe_violations(browser, real_site_url: str, path: str):
    page = browser.new_page()
    try:
        page.goto(real_site_url + path)
        assert page.locator("h1").count() == 1
        assert axe_violations(page) == []
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.shared_data
def test_a_badge_leads_to_its_outcome_page(browser, real_site_url: str):
    page = browser.new_page()
    try:
        page.goto(real_site_url + "/cases/visa-and-debt-bondage-scheme-closed/")
        page.locator(".case-facts a.badge", has_text="Prevention").click()
        page.wait_for_url("**/outcomes/prevention/")
        assert page.locator("h1").inner_text() == "Prevention"
        assert page.locator(".case-card h2 a", has_text="visa and debt-bondage").count() == 1
    finally:
        page.close()
