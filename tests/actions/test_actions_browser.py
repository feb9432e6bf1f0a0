"""Action pages in Debian's Chromium, against the real site built from ../shared/data and
served on 127.0.0.1: the ZIP lookup, the letter, copy, print, privacy and no-JavaScript use."""

from __future__ import annotations

from collections.abc import Iterator
import json
from pathlib import Path
import re
from typing import Any

from conftest import axe_violations
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]

ACTION = "/act/two-cents-for-freedom/"
HOUSE_LOOKUP_LINK = "#results a[href^='https://www.house.gov/representatives/find']"


def _state(site: Path, code: str) -> dict[str, Any]:
    return json.loads((site / "api" / "v1" / "states" / f"{code}.json").read_text())


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    """A fresh browser context (own storage) that records every request it makes."""
    ctx = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    ctx.requests = []
    ctx.on("request", lambda request: ctx.requests.append(request.url))
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Any:
    """A page that fails the test on any JavaScript error."""
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda error: pg.errors.append(str(error)))
    yield pg
    assert pg.errors == []


def lookup(page: Any, zip_code: str) -> str:
    """Type a ZIP, press the button, wait until the results are rendered; return the state."""
    page.fill("#zip", zip_code)
    page.click("#zip-form button[type=submit]")
    page.wait_for_selector("#results[data-state=done], #results[data-state=error]")
    return page.get_attribute("#results", "data-state")


def bioguides(page: Any, selector: str = ".recipient") -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.dataset.bioguide)")


def test_split_zip_shows_every_candidate_and_lets_the_visitor_choose(
    page: Any, real_site: Path, real_site_url: str
) -> None:
    ma = _state(real_site, "MA")
    senators = [m["bioguide"] for m in ma["senators"]]
    clark, pressley = ma["districts"]["MA-5"]["bioguide"], ma["districts"]["MA-7"]["bioguide"]
    page.goto(real_site_url + ACTION)
    assert "ZIP" in page.inner_text("label[for=zip]")
    assert lookup(page, "02139") == "done"
    assert bioguides(page, ".recipient[data-chamber=senate]") == senators
    assert bioguides(page, ".recipient[data-chamber=house]") == [clark, pressley]
    results = page.inner_text("#results")
    assert "split between 2 congressional districts" in results
    assert "Which district is yours?" in results
    assert page.locator(HOUSE_LOOKUP_LINK).count() == 1
    page.check("#district-MA-7")
    page.wait_for_selector(f".recipient[data-bioguide={clark}]", state="detached")
    assert bioguides(page, ".recipient[data-chamber=house]") == [pressley]
    chosen = page.inner_text(f".recipient[data-bioguide={pressley}]")
    assert "Your district (you chose it)" in chosen
    assert bioguides(page, ".recipient[data-chamber=senate]") == senators
    page.check("#district-all")
    page.wait_for_selector(f".recipient[data-bioguide={clark}]")


def test_dc_shows_its_delegate_and_says_there_are_no_senators(
    page: Any, real_site: Path, real_site_url: str
) -> None:
    delegate = _state(real_site, "DC")["districts"]["DC-AL"]
    page.goto(real_site_url + ACTION)
    assert lookup(page, "20001") == "done"
    assert bioguides(page) == [delegate["bioguide"]]
    assert page.inner_text(".recipient h4").startswith("Delegate ")
    assert "District of Columbia has no senators" in page.inner_text("#results")


def test_puerto_rico_has_a_resident_commissioner(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + ACTION)
    assert lookup(page, "00601") == "done"
    assert page.inner_text(".recipient h4").startswith("Resident Commissioner ")
    assert "Puerto Rico has no senators" in page.inner_text("#results")


def test_wyoming_at_large(page: Any, real_site: Path, real_site_url: str) -> None:
    wy = _state(real_site, "WY")
    page.goto(real_site_url + ACTION)
    assert lookup(page, "82001") == "done"
    expected = [m["bioguide"] for m in wy["senators"]] + [wy["districts"]["WY-AL"]["bioguide"]]
    assert bioguides(page) == expected
    assert "one member of the House for the whole state" in page.inner_text("#results")


def test_zip_in_two_states_shows_both_states(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + ACTION)
    assert lookup(page, "30165") == "done"
    text = page.inner_text("#results")
    assert "crosses a state line (Alabama and Georgia)" in text
    assert len(bioguides(page, ".recipient[data-chamber=senate]")) == 4
    assert len(bioguides(page, ".recipient[data-chamber=house]")) == 2


def test_vacant_seat_and_out_of_date_member(
    page: Any, real_site: Path, real_site_url: str
) -> None:
    page.goto(real_site_url + ACTION)
    assert lookup(page, "30017") == "done"  # GA-13 is vacant in the snapshot
    assert "vacant" in page.inner_text(".seat-note--vacant")
    assert len(bioguides(page, ".recipient[data-chamber=senate]")) == 2
    stale = [m for m in _state(real_site, "OH")["senators"] if m["status"] == "out_of_date"]
    assert stale, "the snapshot has an out-of-date Ohio senator"
    assert lookup(page, "43004") == "done"
    assert stale[0]["bioguide"] not in bioguides(page)
    assert stale[0]["name"] not in page.inner_text("#results")
    note = page.locator(".seat-note--stale")
    assert "our data for this seat is out of date" in note.inner_text().lower()
    assert note.locator("a[href='https://www.senate.gov/senators/']").count() == 1


INVALID = [
    ("", "Please enter your ZIP code"),
    ("1234", "too short"),
    ("123456", "too long"),
    ("abcde", "only digits"),
    ("12345-678", "4 digits after the hyphen"),
    ("00000", "could not find ZIP 00000"),
]


def test_invalid_zip_says_what_to_do(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + ACTION)
    for typed, message in INVALID:
        assert lookup(page, typed) == "error", typed
        assert message in page.inner_text("#results"), typed
        assert page.get_attribute("#zip", "aria-invalid") == "true"
        assert page.locator("#results a[href='/representatives/']").count() == 1
        assert page.locator(HOUSE_LOOKUP_LINK).count() == 1
    assert "PO-box-only" in page.inner_text("#results")  # the last one: 00000
    assert lookup(page, "82001") == "done"
    assert page.get_attribute("#zip", "aria-invalid") is None


def test_zip_is_normalised(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + ACTION)
    for typed in ["０２１３９", "  02139 ", "02139-4307", "021394307", "02139\u20134307"]:
        assert lookup(page, typed) == "done", typed
        assert "ZIP 02139" in page.inner_text("#results h3"), typed


def test_letter_carries_the_name_and_copy_and_print_work(page: Any, real_site_url: str) -> None:
    page.add_init_script("window.print = () => { window.__printed = (window.__printed||0) + 1; };")
    page.goto(real_site_url + ACTION)
    page.fill("#sender-name", "Ada Lovelace")
    page.fill("#sender-city", "Cheyenne")
    page.fill("#personal", "My cousin was trafficked.")
    assert "Ada Lovelace" in page.inner_text("#letter")  # the preview updates live
    assert lookup(page, "82001") == "done"
    card = page.locator(".recipient[data-chamber=senate]").first
    who = card.locator("h4").inner_text()
    card.locator("details.recipient__letter summary").click()
    letter = card.locator(".letter").inner_text()
    assert f"Dear {who}," in letter
    assert "Ada Lovelace" in letter and "Cheyenne, Wyoming 82001" in letter
    assert "My cousin was trafficked." in letter
    assert "[your street address]" not in letter  # optional and empty: left out
    script = card.locator("details.recipient__script")
    script.locator("summary").click()
    assert "my name is Ada Lovelace" in script.inner_text()
    assert script.locator("a[href^='tel:+1']").count() >= 1
    # Copy: the clipboard holds the personalised letter; the status is announced.
    card.locator("button[data-do=copy]").click()
    status = card.locator(".recipient__status[role=status]")
    status.wait_for(state="visible")
    page.wait_for_function("el => el.textContent.includes('copied')", arg=status.element_handle())
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"Dear {who},\n\nI am your constituent in Cheyenne, Wyoming")
    assert "Sincerely,\n\nAda Lovelace\nCheyenne, Wyoming 82001" in copied
    assert "<" not in copied and "[your" not in copied
    # Print: one page, only the letter, addressed to the office.
    card.locator("button[data-do=print]").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    sheet = page.locator("#print-letter")
    assert sheet.is_visible()
    for hidden in (".site-header", ".safety", "#zip-form", ".recipient", "#letter", "footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    text = sheet.inner_text()
    assert f"The Honorable {who.split(' ', 1)[1]}" in text
    assert "United States Senate" in text and "Washington DC 20510" in text
    assert "Ada Lovelace" in text and "Subject:" in text
    pdf = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not sheet.is_visible()


def test_thank_you_state_and_share_link(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + ACTION)
    assert lookup(page, "82001") == "done"
    assert page.locator("#thanks").is_hidden()
    button = page.locator(".recipient button[data-do=done]").first
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.locator("#thanks").is_visible()
    assert "1 of the 3 offices" in page.inner_text("#thanks")
    assert page.get_attribute("#share-link", "href") == real_site_url + ACTION


def test_targets_not_in_the_action_are_marked_not_needed(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + "/act/presidential-leadership/")  # Senate only
    assert lookup(page, "82001") == "done"
    house = page.locator(".recipient[data-chamber=house]")
    assert "recipient--not-needed" in house.get_attribute("class")
    assert "Not needed for this action" in house.inner_text()
    assert house.locator("button[data-do=copy]").count() == 0
    assert page.locator(".recipient[data-chamber=senate] button[data-do=copy]").count() == 2
    page.goto(real_site_url + "/act/measurement/")  # House only
    assert lookup(page, "20001") == "done"
    assert page.locator(".recipient button[data-do=copy]").count() == 1


def test_remember_my_zip_is_opt_in_and_can_be_forgotten(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + ACTION)
    assert lookup(page, "82001") == "done"
    assert page.evaluate("localStorage.length") == 0  # nothing stored without consent
    page.check("#remember-zip")
    assert page.evaluate("localStorage.getItem('tcf-zip')") == "82001:"
    page.reload()
    page.wait_for_selector("#results[data-state=done]")
    assert page.input_value("#zip") == "82001"
    page.click("#forget-zip")
    assert page.evaluate("localStorage.length") == 0
    assert "Forgotten" in page.inner_text("#remember-status")
    page.reload()
    page.wait_for_timeout(200)
    assert page.get_attribute("#results", "data-state") == "idle"


def test_hostile_data_cannot_run_script(page: Any, real_site: Path, real_site_url: str) -> None:
    """A name or URL that slipped past validation is shown as text and never linked."""
    ma = _state(real_site, "MA")
    evil = ma["senators"][0]
    evil["name"] = '<img src=x onerror="window.__xss=1">Eve'
    evil["contact_form"] = "javascript:window.__xss=2"
    evil["website"] = "http://insecure.example/"
    evil["offices"][0]["phone"] = '"><script>window.__xss=3</script>'
    evil["address"] = "<b>bold</b>"
    body = json.dumps(ma)
    page.route("**/api/v1/states/MA.json", lambda route: route.fulfill(
        status=200, content_type="application/json", body=body))
    page.goto(real_site_url + ACTION)
    assert lookup(page, "02139") == "done"
    card = page.locator(f".recipient[data-bioguide={evil['bioguide']}]")
    assert card.locator("h4").inner_text() == 'Senator <img src=x onerror="window.__xss=1">Eve'
    assert card.locator("img, script, b").count() == 0
    assert "No website in our data" in card.inner_text()
    hrefs = page.eval_on_selector_all(
        "#results a[href]", "els => els.map(a => a.getAttribute('href'))"
    )
    assert not [h for h in hrefs if h.lower().startswith(("javascript:", "http:", "data:"))]
    card.locator("button[data-do=copy]").click()
    page.wait_for_timeout(100)
    assert page.evaluate("window.__xss") is None


def test_no_request_leaves_the_origin_and_no_cookies(
    context: Any, page: Any, real_site_url: str
) -> None:
    page.add_init_script("window.print = () => {};")
    page.goto(real_site_url + ACTION)
    assert lookup(page, "02139") == "done"
    page.check("#district-MA-5")
    page.wait_for_selector("#results[data-state=done] .recipient[data-chamber=house]")
    page.fill("#sender-name", "Ada")
    card = page.locator(".recipient").first
    card.locator("button[data-do=copy]").click()
    card.locator("button[data-do=print]").click()
    card.locator("button[data-do=done]").click()
    assert lookup(page, "00000") == "error"
    assert lookup(page, "20001") == "done"
    assert context.requests, "requests were recorded"
    foreign = [u for u in context.requests if not u.startswith(real_site_url + "/")]
    assert foreign == []
    assert any("/api/v1/zip/021.json" in u for u in context.requests)
    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""


def test_no_axe_violations_before_and_after_a_lookup(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + ACTION)
    assert axe_violations(page) == []
    assert lookup(page, "02139") == "done"
    for summary in page.locator("#results details summary").all():
        summary.click()
    assert axe_violations(page) == []
    assert lookup(page, "1234") == "error"
    assert axe_violations(page) == []
    page.goto(real_site_url + "/act/")
    assert axe_violations(page) == []


def test_usable_without_javascript(browser: Any, real_site_url: str) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    try:
        page.goto(real_site_url + ACTION)
        letter = page.inner_text("#letter")
        assert "Dear [Senator or Representative and full name]," in letter
        assert "[your name]" in letter and "two cents" in letter
        assert "[your name]" in page.inner_text("#script")
        assert page.locator("a[href='/representatives/']").first.is_visible()
        assert page.locator("a[href='/representatives/ma/']").is_visible()
        assert page.locator("a[href='https://www.house.gov/representatives/find-your-representative']").is_visible()
        assert not page.locator("#zip-form").is_visible()  # the form needs JavaScript
        assert "What to expect" in page.inner_text("main")
        page.goto(real_site_url + "/act/")
        assert page.locator(".action-list li").count() == 9
    finally:
        ctx.close()


def test_lookup_unavailable_is_said_plainly(page: Any, real_site_url: str) -> None:
    """If the published data says it is unavailable, the form gives way to the directory."""
    page.route("**/api/v1/meta.json", lambda route: route.fulfill(
        status=200, content_type="application/json", body='{"available": false}'))
    page.goto(real_site_url + ACTION)
    note = page.locator("#lookup-unavailable")
    note.wait_for(state="visible")
    assert "lookup is unavailable" in note.inner_text()
    assert not page.locator("#zip-form").is_visible()
    assert page.locator("[data-no-js] a[href='/representatives/']").first.is_visible()
    assert page.locator("#sender-form").is_visible()  # the letter still works
