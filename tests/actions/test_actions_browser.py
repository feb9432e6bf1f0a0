"""Action pages in Debian's Chromium, against the real site built from ../shared/data and
served on 127.0.0.1, as a supporter on a phone (390 × 844) or a desktop uses them: the ZIP in
the first screen, your members, who is writing, then one recipient at a time."""

from __future__ import annotations

import json
from pathlib import Path
import re
from typing import Any

from conftest import axe_violations
from flow_helpers import DESKTOP, PHONE, context, lookup, page, state  # noqa: F401
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]

ACTION = "/act/two-cents-for-freedom/"
def short(member: dict[str, Any]) -> str:
    """'Senator Warren': the title and `name.last` from congress-legislators."""
    return f"{member['title']} {member['last_name']}"


def progress(page: Any) -> str:
    return page.inner_text(".stepper__progress")


def bottom(page: Any, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    return box["y"] + box["height"]


# --- the first screen -------------------------------------------------------------------------


def test_every_action_asks_for_the_zip_in_the_first_screen(page: Any, real_site: Path,
                                                           real_site_url: str) -> None:
    slugs = sorted(p.name for p in (real_site / "act").iterdir() if p.is_dir())
    assert len(slugs) == 9
    for slug in slugs:
        page.goto(f"{real_site_url}/act/{slug}/")
        assert "ZIP" in page.inner_text("label[for=zip]"), slug
        for selector in (".action__head .lead", "#zip", "#zip-form button[type=submit]"):
            assert page.locator(selector).is_visible(), (slug, selector)
            assert bottom(page, selector) <= PHONE["height"], (slug, selector)


def test_home_zip_form_opens_the_headline_actions_results(page: Any, context: Any,
                                                          real_site: Path,
                                                          real_site_url: str) -> None:
    page.goto(real_site_url + "/")
    assert bottom(page, "#home-zip button[type=submit]") <= PHONE["height"]
    page.fill("#home-zip-input", "82001")
    page.click("#home-zip button[type=submit]")
    page.wait_for_selector("#results[data-state=done]")
    assert page.url == real_site_url + ACTION  # the #zip= fragment is gone, no query either
    wy = state(real_site, "WY")
    assert short(wy["senators"][0]) in page.inner_text("#results .members")
    assert not [u for u in context.requests if "82001" in u], "the ZIP never reaches a server"


# --- members, sender, then one recipient at a time ---------------------------------------------


def test_members_then_who_is_writing_then_one_recipient_at_a_time(
    page: Any, real_site: Path, real_site_url: str
) -> None:
    wy = state(real_site, "WY")
    people = [*wy["senators"], wy["districts"]["WY-AL"]]
    names = [short(m) for m in people]
    page.goto(real_site_url + ACTION)
    assert lookup(page, "82001") == "done"
    assert page.inner_text("#results .members").strip() == (
        f"{names[0]}, {names[1]} and {names[2]}")
    # Who is writing comes before the recipients, on the page and in reading order.
    assert bottom(page, "#sender-name") < page.locator("#stepper").bounding_box()["y"]
    # The first call button is within one phone screen of the ZIP field.
    distance = bottom(page, "#stepper [data-do=call]") - page.locator("#zip").bounding_box()["y"]
    assert distance <= PHONE["height"], distance
    for i, name in enumerate(names):
        assert progress(page) == f"{i + 1} of 3 · {name}"
        assert page.locator("#stepper .recipient").count() == 1
        call = page.locator("#stepper [data-do=call]")
        assert call.get_attribute("href").startswith("tel:+1")
        call.click()
        assert "Thank you for calling" in page.inner_text(".recipient__status")
        nxt = page.locator("#stepper [data-do=next]")
        assert nxt.inner_text() == (f"Next: {names[i + 1]}" if i < 2 else "Finish")
        nxt.click()
    assert page.inner_text("#thanks h3") == "Thank you: you contacted 3 of 3"
    assert page.evaluate("document.activeElement.id") == "thanks-title"
    assert page.get_attribute("#share-link", "href") == real_site_url + ACTION


def test_the_end_says_who_is_left_and_goes_back(page: Any, real_site: Path,
                                                real_site_url: str) -> None:
    page.goto(real_site_url + ACTION)
    assert lookup(page, "82001") == "done"
    page.click("#stepper [data-do=call]")
    for _ in range(3):
        page.click("#stepper [data-do=next]")
    assert page.inner_text("#thanks h3") == "You contacted 1 of 3"
    lummis = short(state(real_site, "WY")["senators"][1])
    page.click(f"#thanks button:has-text('Go back to {lummis}')")
    assert progress(page) == f"2 of 3 · {lummis}"


def test_copy_asks_for_the_name_and_never_copies_a_placeholder(
    page: Any, context: Any, real_site: Path, real_site_url: str
) -> None:
    senator = state(real_site, "WY")["senators"][0]
    page.goto(real_site_url + ACTION)
    assert lookup(page, "82001") == "done"
    page.evaluate("navigator.clipboard.writeText('before')")
    page.click("#stepper [data-do=write]")
    error = page.locator("#sender-name-error")
    assert error.is_visible() and "Add your name first" in error.inner_text()
    assert page.evaluate("document.activeElement.id") == "sender-name"
    assert page.evaluate("navigator.clipboard.readText()") == "before"
    page.fill("#sender-name", "Ada Lovelace")
    page.fill("#sender-city", "Cheyenne")
    page.fill("#personal", "My cousin was trafficked.")
    with context.expect_page() as tab:
        page.click("#stepper [data-do=write]")
    assert tab.value.url.startswith(senator["contact_form"].split("?")[0])
    copied = page.evaluate("navigator.clipboard.readText()")
    opening = f"Dear {short(senator)},\n\nI am your constituent in Cheyenne, Wyoming"
    assert copied.startswith(opening)
    assert "My cousin was trafficked." in copied
    assert "Sincerely,\n\nAda Lovelace\nCheyenne, Wyoming 82001" in copied
    assert "[" not in copied and "<" not in copied
    assert not page.locator("#sender-name-error").is_visible()
    status = page.inner_text(".recipient__status")
    assert "Letter copied" in status
    assert page.locator(".recipient__status a[target=_blank]").count() == 1


@pytest.mark.parametrize(("zip_code", "code"), [
    ("20001", "DC"),   # Delegate
    ("00601", "PR"),   # Resident Commissioner (a two-word last name)
])
def test_salutations_and_scripts_use_the_last_name(page: Any, real_site: Path,
                                                   real_site_url: str, zip_code: str,
                                                   code: str) -> None:
    member = state(real_site, code)["districts"][f"{code}-AL"]
    page.goto(real_site_url + ACTION)
    assert lookup(page, zip_code) == "done"
    page.fill("#sender-name", "Ada")
    assert progress(page) == f"1 of 1 · {short(member)}"
    page.click("#stepper details.recipient__letter summary")
    assert page.inner_text("#stepper .letter__salutation") == f"Dear {short(member)},"
    assert f"ask {short(member)} to support" in page.inner_text("#stepper .script")
    assert "has no senators" in page.inner_text("#results")


def test_senator_salutation_by_last_name_in_massachusetts(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + ACTION)
    assert lookup(page, "02139") == "done"
    assert progress(page) == "1 of 3 · Senator Warren"
    page.click("#stepper details.recipient__letter summary")
    assert page.inner_text("#stepper .letter__salutation") == "Dear Senator Warren,"


# --- split ZIPs, ZIP+4, territories, military mail, bad input ---------------------------------


def test_split_zip_names_the_senators_and_lets_the_visitor_choose(
    page: Any, real_site: Path, real_site_url: str
) -> None:
    ma = state(real_site, "MA")
    pressley = ma["districts"]["MA-7"]
    page.goto(real_site_url + ACTION)
    assert lookup(page, "02139-4307") == "done"
    results = page.inner_text("#results")
    assert "split between 2 House districts" in results
    assert "your +4 does not tell us your district" in results
    assert page.locator("#results input[name=district]").count() == 2
    house_lookup = "#results a[href^='https://www.house.gov/representatives/find']"
    assert page.locator(house_lookup).count() == 1
    assert progress(page).startswith("1 of 3 · ")
    page.click("#stepper [data-do=next]")
    page.click("#stepper [data-do=next]")
    assert progress(page) == "3 of 3"
    assert "Choose yours above" in page.inner_text("#stepper")
    page.click("#stepper [data-do=choose]")
    assert page.evaluate("document.activeElement.name") == "district"
    page.check("#district-MA-7")
    assert progress(page) == f"3 of 3 · {short(pressley)}"
    assert page.locator(f"#stepper .recipient[data-bioguide={pressley['bioguide']}]").count() == 1


def test_zip_across_a_state_line_asks_first(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + ACTION)
    assert lookup(page, "30165") == "done"
    assert "crosses a state line (Alabama and Georgia)" in page.inner_text("#results")
    assert progress(page) == "1 of 1"  # nobody is guessed: the House step waits for a choice
    page.locator("#results input[name=district]").first.check()
    assert progress(page).startswith("1 of 3 · Senator ")


@pytest.mark.parametrize(("zip_code", "code"), [
    ("96799", "AS"), ("96910", "GU"), ("96950", "MP"), ("00801", "VI"),
])
def test_territories_get_their_delegate(page: Any, real_site: Path, real_site_url: str,
                                        zip_code: str, code: str) -> None:
    delegate = state(real_site, code)["districts"][f"{code}-AL"]
    page.goto(real_site_url + ACTION)
    assert lookup(page, zip_code) == "done"
    assert progress(page) == f"1 of 1 · Delegate {delegate['last_name']}"
    assert "has no senators" in page.inner_text("#results")


@pytest.mark.parametrize("zip_code", ["09012", "34001", "96201"])
def test_military_mail_says_use_your_voting_address(page: Any, context: Any,
                                                    real_site_url: str, zip_code: str) -> None:
    page.goto(real_site_url + ACTION)
    assert lookup(page, zip_code) == "error"
    text = page.inner_text("#results")
    assert "military or diplomatic mail" in text and "U.S. voting address" in text
    assert not [u for u in context.requests if f"/zip/{zip_code[:3]}.json" in u]


INVALID = [
    ("", "Please enter your ZIP code"),
    ("1234", "too short"),
    ("123456", "too long"),
    ("abcde", "only digits"),
    ("12345-678", "4 digits after the hyphen"),
    ("00000", "could not find ZIP 00000"),
    ("99999", "could not find ZIP 99999"),  # no such ZIP file: no request, no 404
]


def test_invalid_zip_says_what_to_do(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + ACTION)
    for typed, message in INVALID:
        assert lookup(page, typed) == "error", typed
        assert message in page.inner_text("#results"), typed
        assert page.get_attribute("#zip", "aria-invalid") == "true"
        assert page.locator("#results a[href='/representatives/']").count() == 1
        assert page.locator("#step-you").is_hidden()
    assert "PO-box-only" in page.inner_text("#results")
    assert lookup(page, "82001") == "done"
    assert page.get_attribute("#zip", "aria-invalid") is None


def test_zip_is_normalised(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + ACTION)
    for typed in ["０２１３９", "  02139 ", "02139-4307", "021394307", "02139\u20134307"]:
        assert lookup(page, typed) == "done", typed
        assert "ZIP 02139" in page.inner_text("#results h3"), typed


# --- committees, print, targets -----------------------------------------------------------------


def _states(site: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text()) for p in sorted((site / "api/v1/states").glob("*.json"))]


def test_committee_line_names_the_committee_and_the_data_date(
    page: Any, real_site: Path, real_site_url: str
) -> None:
    """A senator on Appropriations gets its sentence and the reason; one on none, neither."""
    senate = [(s, m) for s in _states(real_site) for m in s.get("senators", [])
              if m["status"] == "current"]
    on = next((s, m) for s, m in senate if "SSAP" in m["committees"])
    off = next((s, m) for s, m in senate
               if not {"SSAP", "SSFR"} & set(m["committees"]) and m is s["senators"][0])
    for (st, member), expected in ((on, True), (off, False)):
        zip_code = _a_zip_of(real_site, st["state"])
        page.goto(real_site_url + ACTION)
        assert lookup(page, zip_code) == "done"
        page.fill("#sender-name", "Ada")
        index = st["senators"].index(member)
        for _ in range(index):
            page.click("#stepper [data-do=next]")
        assert progress(page).endswith(short(member))
        why = page.locator("#stepper .recipient__why")
        page.click("#stepper details.recipient__letter summary")
        letter = page.inner_text("#stepper .letter")
        if expected:
            assert why.count() == 1
            text = why.inner_text()
            assert "Senate Committee on Appropriations" in text and "committee data of" in text
            assert "Senate Appropriations Committee" in letter
        else:
            assert why.count() == 0
            assert "Appropriations Committee" not in letter and "[if your member" not in letter


def _a_zip_of(site: Path, code: str) -> str:
    """A ZIP wholly in one district of state `code`, from the published ZIP files."""
    for shard in sorted((site / "api/v1/zip").glob("*.json")):
        for zip_code, seats in json.loads(shard.read_text()).items():
            if len(seats) == 1 and seats[0].startswith(f"{code}-"):
                return zip_code
    raise AssertionError(f"no ZIP for {code}")


def test_print_asks_for_the_name_then_prints_one_page_to_the_chosen_office(
    page: Any, real_site: Path, real_site_url: str
) -> None:
    page.add_init_script("window.print = () => { window.__printed = (window.__printed||0) + 1; };")
    page.goto(real_site_url + ACTION)
    assert lookup(page, "82001") == "done"
    page.click("#stepper [data-do=print]")
    assert page.evaluate("window.__printed") is None
    assert page.evaluate("document.activeElement.id") == "sender-name"
    page.fill("#sender-name", "Ada Lovelace")
    page.fill("#sender-city", "Cheyenne")
    page.fill("#sender-address", "1 Main Street")
    office = page.locator("#stepper select[data-office] option").nth(1).inner_text()
    page.select_option("#stepper select[data-office]", index=1)
    page.click("#stepper [data-do=print]")
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    sheet = page.locator("#print-letter")
    assert sheet.is_visible()
    for hidden in (".site-header", ".safety", "#zip-form", "#stepper", "footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    text = sheet.inner_text()
    senator = state(real_site, "WY")["senators"][0]
    assert f"The Honorable {senator['name']}" in text
    assert office.removeprefix("the ").removesuffix(" office") in text
    assert "1 Main Street" in text and "Ada Lovelace" in text and "Subject:" in text
    pdf = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not sheet.is_visible()


def test_an_action_for_senators_only_says_so(page: Any, real_site: Path,
                                             real_site_url: str) -> None:
    page.goto(real_site_url + "/act/presidential-leadership/")  # Senate only
    assert lookup(page, "82001") == "done"
    assert "This action asks senators only." in page.inner_text("#results")
    assert progress(page).startswith("1 of 2 · Senator ")
    page.goto(real_site_url + "/act/measurement/")  # House only
    assert lookup(page, "20001") == "done"
    assert progress(page).startswith("1 of 1 · Delegate ")


def test_senators_only_action_in_dc_has_nobody_to_ask(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + "/act/presidential-leadership/")
    assert lookup(page, "20001") == "done"
    assert "asks senators, and this place has none" in page.inner_text("#results")
    assert page.locator("#step-contact").is_hidden()


# --- memory, hostile data, privacy, accessibility, no JavaScript --------------------------------


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
    ma = state(real_site, "MA")
    evil = ma["senators"][0]
    evil["name"] = '<img src=x onerror="window.__xss=1">Eve'
    evil["last_name"] = "<b>Eve</b>"
    evil["contact_form"] = "javascript:window.__xss=2"
    evil["website"] = "http://insecure.example/"
    evil["report_url"] = "javascript:window.__xss=4"
    evil["offices"][0]["phone"] = '"><script>window.__xss=3</script>'
    evil["address"] = "<b>bold</b>"
    body = json.dumps(ma)
    page.route("**/api/v1/states/MA.json", lambda route: route.fulfill(
        status=200, content_type="application/json", body=body))
    page.goto(real_site_url + ACTION)
    assert lookup(page, "02139") == "done"
    page.fill("#sender-name", "Ada")
    card = page.locator(f"#stepper .recipient[data-bioguide={evil['bioguide']}]")
    assert card.locator("h3").inner_text() == 'Senator <img src=x onerror="window.__xss=1">Eve'
    assert card.locator("img, script, b").count() == 0
    assert "No website in our data" in card.inner_text()
    hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h.lower().startswith(("javascript:", "http:", "data:"))]
    page.click("#stepper [data-do=write]")
    page.wait_for_timeout(100)
    assert page.evaluate("window.__xss") is None


def test_no_request_leaves_the_origin_and_no_cookies(
    context: Any, page: Any, real_site_url: str
) -> None:
    page.add_init_script("window.print = () => {};")
    page.goto(real_site_url + ACTION)
    assert lookup(page, "02139") == "done"
    page.fill("#sender-name", "Ada")
    page.check("#district-MA-5")
    page.click("#stepper [data-do=call]")
    page.click("#stepper [data-do=print]")
    assert lookup(page, "00000") == "error"
    assert lookup(page, "20001") == "done"
    own = [u for u in context.requests if u.startswith(real_site_url + "/")]
    foreign = [u for u in context.requests if not u.startswith(real_site_url + "/")]
    assert own and foreign == []
    assert any("/api/v1/zip/021.json" in u for u in own)
    assert not [u for u in own if "02139" in u or "20001" in u]
    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_before_and_after_a_lookup(browser: Any, real_site_url: str,
                                                     viewport: dict[str, int],
                                                     scheme: str) -> None:
    ctx = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = ctx.new_page()
    try:
        page.goto(real_site_url + ACTION)
        assert axe_violations(page) == []
        assert lookup(page, "02139") == "done"
        for summary in page.locator("main details summary").all():
            if summary.is_visible():
                summary.click()
        assert axe_violations(page) == []
        page.check("#district-MA-7")
        page.click("#stepper [data-do=write]")  # the name error
        assert axe_violations(page) == []
        assert lookup(page, "1234") == "error"
        assert axe_violations(page) == []
    finally:
        ctx.close()


def test_usable_without_javascript(browser: Any, real_site_url: str) -> None:
    ctx = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = ctx.new_page()
    try:
        page.goto(real_site_url + ACTION)
        letter = page.inner_text("#letter")
        assert "Dear [Senator or Representative and last name]," in letter
        assert "[your name]" in letter and "two cents" in letter
        assert "[your name]" in page.inner_text("#script")
        assert page.locator("a[href='/representatives/']").first.is_visible()
        page.click(".state-picker summary")
        assert page.locator("a[href='/representatives/ma/']").is_visible()
        assert page.locator(
            "a[href='https://www.house.gov/representatives/find-your-representative']"
        ).is_visible()
        assert not page.locator("#zip-form").is_visible()  # the lookup needs JavaScript
        assert "What to expect" in page.inner_text("main")
        page.goto(real_site_url + "/")
        assert page.locator("#home-zip").is_visible()  # it opens the action page
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
    assert page.locator("#letter").is_visible()  # the letter is still there to read
