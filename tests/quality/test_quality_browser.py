"""The real site in Chromium, served with deploy/_headers: no CSP violation, axe clean in light
and dark on every page type, the home page renders and the quick exit leaves for good."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
import shutil
import subprocess
import sys
from typing import Any

from conftest import ROOT, leaves_for_good, shift_three_times
import pytest
from serve_headers import serve

from quality.browser import BrowserCheck, browse
from quality.page_types import PAGE_TYPES, find_pages

pytestmark = pytest.mark.browser

HEADERS_FILE = ROOT / "deploy" / "_headers"
REQUIRED = [t for t in PAGE_TYPES if t.required]
NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Weather</title><h1>Forecast</h1></html>"


@pytest.fixture(scope="module")
def indexed_site(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real site with its Pagefind index, as `make html` publishes it."""
    out = tmp_path_factory.mktemp("indexed") / "site"
    shutil.copytree(real_site, out)
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(out), "--silent"],
                   check=True)
    return out


@pytest.fixture(scope="module")
def site_url(indexed_site: Path) -> Iterator[str]:
    """The site on 127.0.0.1 with the production headers (CSP and all)."""
    with serve(indexed_site, headers_file=HEADERS_FILE) as url:
        yield url


def check_for(site: Path, type_name: str) -> BrowserCheck:
    """The browser check for one page type, or a failure naming the missing page."""
    page_type = next(t for t in PAGE_TYPES if t.name == type_name)
    path = find_pages(site)[type_name]
    if path is None:
        pytest.fail(f"the built site has no page of type '{type_name}' ({page_type.describe})")
    return BrowserCheck(type_name, path, lookup=page_type.lookup, search=page_type.search)


@pytest.mark.parametrize("type_name", [t.name for t in REQUIRED])
def test_no_csp_violation(indexed_site: Path, site_url: str, browser: Any, type_name: str) -> None:
    """Under the strict CSP: no violation, console error, foreign request or cookie."""
    problems = browse(site_url, [check_for(indexed_site, type_name)], axe=False,
                      schemes=("light",), browser=browser)
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize("type_name", [t.name for t in REQUIRED])
def test_axe_zero_violations_light_and_dark(
    indexed_site: Path, site_url: str, browser: Any, type_name: str
) -> None:
    """axe-core, WCAG 2.0/2.1/2.2 A and AA, in both colour schemes (and after the lookup)."""
    problems = browse(site_url, [check_for(indexed_site, type_name)], axe=True,
                      schemes=("light", "dark"), browser=browser)
    assert [str(p) for p in problems] == []


def test_csp_and_axe_violations_are_detected(tmp_path: Path, browser: Any) -> None:
    """The browser checks can fail: an inline script, a style attribute, an image from
    another origin and an unlabelled input are all reported under the real headers."""
    (tmp_path / "index.html").write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>t</title></head>"
        "<body><main><h1>t</h1><script>document.title = 'ran';</script>"
        "<p style='color: red'>x</p><img src='https://example.com/x.png' alt='x'>"
        "<input type='text'></main></body></html>"
    )
    with serve(tmp_path, headers_file=HEADERS_FILE) as url:
        problems = [str(p) for p in browse(url, [BrowserCheck("home", "/")], axe=True,
                                           schemes=("light",), browser=browser)]
    assert any("CSP violation: script-src-elem blocked inline" in p for p in problems), problems
    assert any("CSP violation: style-src-attr blocked inline" in p for p in problems), problems
    assert any("CSP violation: img-src blocked https://example.com/x.png" in p
               for p in problems), problems
    assert any("axe label (critical)" in p for p in problems), problems


# --- issue 2: the home page and the quick exit ----------------------------------------------------


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    """A browser context in which the neutral site answers locally (no network)."""
    ctx = browser.new_context()
    ctx.route("https://www.weather.gov/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body=NEUTRAL_PAGE))
    yield ctx
    ctx.close()


def test_home_page_renders(site_url: str, context: Any) -> None:
    page = context.new_page()
    response = page.goto(site_url + "/")
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text().strip()
    assert page.locator("main#main").is_visible()
    safety = page.locator(".safety")
    assert safety.is_visible()
    assert "1-888-373-7888" in safety.inner_text()
    assert page.locator(".quick-exit").is_visible()
    assert page.locator('.site-nav a[href="/act/"]').count() == 1
    # The page is laid out: the header and main content take real space.
    assert page.locator("main#main").bounding_box()["height"] > 200


def _quick_exit_href(page: Any) -> str:
    href = page.locator(".quick-exit").get_attribute("href")
    assert href.startswith("https://") and "127.0.0.1" not in href
    return href


def test_quick_exit_click_replaces_the_page_in_history(site_url: str, context: Any) -> None:
    page = context.new_page()
    page.goto(site_url + "/platform/")
    page.goto(site_url + "/")
    _quick_exit_href(page)
    leaves_for_good(page, lambda: page.click(".quick-exit"), site_url + "/platform/")


def test_quick_exit_shift_three_times(site_url: str, context: Any) -> None:
    """GOV.UK's shortcut: Shift pressed three times leaves, and adds no history entry."""
    page = context.new_page()
    page.goto(site_url + "/platform/")
    page.goto(site_url + "/")
    _quick_exit_href(page)
    leaves_for_good(page, shift_three_times(page), site_url + "/platform/")


def test_typing_in_a_field_never_leaves_the_page(site_url: str, context: Any) -> None:
    """Esc, capitals and a Shift between other keys keep a half-written letter on screen."""
    page = context.new_page()
    page.goto(site_url + "/act/two-cents-for-freedom/")
    page.fill("#zip", "82001")
    page.click("#zip-form button[type=submit]")
    page.wait_for_selector("#results[data-state=done]")
    page.click("#sender-name")
    # Three capitals: Shift three times, with letters between.
    page.keyboard.type("Ada Lovelace Byron")
    page.keyboard.press("Escape")
    page.click("#personal")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url.startswith(site_url)
    assert page.input_value("#sender-name") == "Ada Lovelace Byron"


@pytest.mark.parametrize("size", [{"width": 390, "height": 844}, {"width": 1280, "height": 800}],
                         ids=["phone", "desktop"])
def test_quick_exit_stays_on_screen_while_scrolling(site_url: str, browser: Any,
                                                    size: dict[str, int]) -> None:
    ctx = browser.new_context(viewport=size)
    try:
        page = ctx.new_page()
        page.goto(site_url + "/platform/two-cents-for-freedom/")
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_timeout(100)
        box = page.locator(".quick-exit").bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"]
        assert box["height"] <= 48 and box["width"] <= 320  # and it stays small
    finally:
        ctx.close()


def test_the_key_is_mentioned_only_where_there_is_a_keyboard(site_url: str,
                                                             browser: Any) -> None:
    phone = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                is_mobile=True)
    desktop = browser.new_context()
    try:
        touch = phone.new_page()
        touch.goto(site_url + "/")
        assert touch.locator(".quick-exit__hint").is_hidden()
        mouse = desktop.new_page()
        mouse.goto(site_url + "/")
        assert "Shift 3 times" in mouse.inner_text(".quick-exit")
    finally:
        phone.close()
        desktop.close()


def test_search_keeps_the_query_out_of_the_address_and_marks_whole_words(
    site_url: str, context: Any
) -> None:
    page = context.new_page()
    page.goto(site_url + "/search/")
    length = page.evaluate("history.length")
    page.fill("#search-q", "T visa")
    page.keyboard.press("Enter")
    page.wait_for_selector(".search-result")
    assert page.url == site_url + "/search/"
    assert page.evaluate("history.length") == length
    assert page.locator("#search-q").get_attribute("name") is None
    marks = page.eval_on_selector_all(".search-result mark", "els => els.map(e => e.textContent)")
    assert marks and {m.lower() for m in marks} <= {"t", "visa"}, marks
    excerpts = " ".join(page.eval_on_selector_all(".search-result p",
                                                  "els => els.map(e => e.textContent)"))
    # Labels are kept apart from their values ("Date: April 30, 2024", not "DateApril").
    assert "DateApril" not in excerpts and "PlaceUnited" not in excerpts
    assert "Who is writing" not in excerpts  # the page's controls are not indexed


def test_quick_exit_without_javascript_is_a_plain_link(site_url: str, browser: Any) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    ctx.route("https://www.weather.gov/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body=NEUTRAL_PAGE))
    try:
        page = ctx.new_page()
        page.goto(site_url + "/")
        link = page.locator("a.quick-exit")
        href = _quick_exit_href(page)
        assert "noreferrer" in (link.get_attribute("rel") or "")
        assert page.locator(".quick-exit__hint").is_hidden(), "the key hint needs JavaScript"
        link.click()
        page.wait_for_url(href)
        assert page.locator("h1").inner_text() == "Forecast"
    finally:
        ctx.close()
