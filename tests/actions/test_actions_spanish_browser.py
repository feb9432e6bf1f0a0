"""The Spanish action pages in Chromium, on a phone, against the real site built from
../shared/data: words, titles and results in Spanish; the letter and the script in English
with the translation beside each paragraph; copy sends the English; the language switcher
keeps the visitor on the same page; the quick exit behaves as in English."""

from __future__ import annotations

from pathlib import Path
import re
from typing import Any

from conftest import ROOT, axe_violations, leaves_for_good, shift_three_times
from flow_helpers import ELSEWHERE, PHONE, context, lookup, page, state  # noqa: F401
import pytest

from formats.words import read_words

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]

ACTION = "/es/act/two-cents-for-freedom/"
ES = read_words(ROOT / "theme" / "strings" / "es.yaml")
TITLES = {"Senator": "senator", "Representative": "representative", "Delegate": "delegate",
          "Resident Commissioner": "commissioner"}


def w(key: str, **values: Any) -> str:
    """The Spanish words of the scripts, filled like words.js fills them."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))),
                  ES[f"js.{key}"])


def short(member: dict[str, Any]) -> str:
    """'Senadora Warren': the Spanish title by gender, then `name.last`."""
    gender = "f" if member["gender"] == "F" else "m"
    title = w(f"title_{TITLES[member['title']]}_{gender}")
    return f"{title} {member['last_name']}"


def test_a_normal_zip_in_spanish(page: Any, context: Any, real_site: Path,
                                 real_site_url: str) -> None:
    wy = state(real_site, "WY")
    people = [*wy["senators"], wy["districts"]["WY-AL"]]
    page.goto(real_site_url + ACTION)
    assert page.get_attribute("html", "lang") == "es"
    assert page.inner_text("label[for=zip]") == ES["zip.label"]
    assert lookup(page, "82001") == "done"
    names = [short(m) for m in people]
    assert page.inner_text("#results .members").strip() == (
        f"{names[0]}, {names[1]} {w('and')} {names[2]}")
    assert page.inner_text(".stepper__progress") == f"{w('progress', n=1, total=3)} · {names[0]}"
    seat = w("seat_senate", state=wy["name_es"])
    assert seat in page.inner_text("#stepper .recipient__meta")
    # Only this language's words were loaded.
    scripts = [u for u in context.requests if "/theme/js/" in u]
    assert any(u.endswith("/action-es.js") for u in scripts)
    assert not any(u.endswith("/action-en.js") for u in scripts)


def test_the_letter_is_english_with_the_translation_beside_it(page: Any, real_site: Path,
                                                              real_site_url: str) -> None:
    senator = state(real_site, "WY")["senators"][0]
    page.goto(real_site_url + ACTION)
    assert ES["action.language_note"] in page.inner_text(".language-note")
    english = page.locator("#letter .pair__en")
    translated = page.locator("#letter .pair__tr")
    assert english.count() == translated.count() > 3
    assert english.first.get_attribute("lang") == "en"
    assert translated.first.get_attribute("lang") == "es"
    assert page.locator("#script .pair__en").count() == page.locator("#script .pair__tr").count()
    assert lookup(page, "82001") == "done"
    page.fill("#sender-name", "Ana Pérez")
    page.fill("#sender-city", "Cheyenne")
    page.fill("#personal", "Mi prima fue víctima de trata.")
    page.click("#stepper details.recipient__letter summary")
    card_letter = page.inner_text("#stepper .letter")
    assert "Vivo en Cheyenne" in card_letter  # the translation is filled in too
    assert f"Dear Senator {senator['last_name']}," in card_letter
    page.click("#stepper [data-do=write]")
    page.wait_for_function("() => document.querySelector('.recipient__status').textContent")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"Dear Senator {senator['last_name']},\n\nI am your constituent")
    assert "Mi prima fue víctima de trata." in copied  # the sender's own sentence, as written
    assert "Vivo en" not in copied and "Por favor" not in copied  # no translation is sent
    assert "Sincerely,\n\nAna Pérez\nCheyenne, Wyoming 82001" in copied


def test_split_zip_chooser_in_spanish(page: Any, real_site: Path, real_site_url: str) -> None:
    ma = state(real_site, "MA")
    page.goto(real_site_url + ACTION)
    assert lookup(page, "02139") == "done"
    assert page.inner_text("#results legend") == w("choose_split", zip="02139", count=2)
    labels = page.locator("#results .choice label").all_inner_texts()
    assert labels[1].startswith(ma["labels_es"]["MA-7"])
    page.check("#district-MA-7")
    page.click("#stepper [data-do=next]")
    page.click("#stepper [data-do=next]")
    assert page.inner_text(".stepper__progress").endswith(short(ma["districts"]["MA-7"]))


@pytest.mark.parametrize(("zip_code", "code"), [("20001", "DC"), ("00601", "PR")])
def test_dc_and_puerto_rico_in_spanish(page: Any, real_site: Path, real_site_url: str,
                                       zip_code: str, code: str) -> None:
    data = state(real_site, code)
    member = data["districts"][f"{code}-AL"]
    page.goto(real_site_url + ACTION)
    assert lookup(page, zip_code) == "done"
    assert page.inner_text(".stepper__progress") == (
        f"{w('progress', n=1, total=1)} · {short(member)}")
    note = w("no_senators_pr" if code == "PR" else "no_senators", place=data["name_es"])
    assert note in page.inner_text("#results")


def test_errors_are_in_spanish(page: Any, real_site_url: str) -> None:
    page.goto(real_site_url + ACTION)
    assert lookup(page, "1234") == "error"
    assert w("zip_short") in page.inner_text("#results")
    assert lookup(page, "09012") == "error"
    assert w("military", zip="09012") in page.inner_text("#results")


def test_the_language_switcher_keeps_the_page(page: Any, real_site_url: str) -> None:
    for spanish, english in ((ACTION, "/act/two-cents-for-freedom/"),
                             ("/es/representatives/ma/", "/representatives/ma/"),
                             ("/es/platform/measurement/", "/platform/measurement/"),
                             ("/es/", "/")):
        page.goto(real_site_url + spanish)
        page.click(".language-switch a[hreflang=en]")
        assert page.url == real_site_url + english
        assert page.get_attribute("html", "lang") == "en"
        page.click(".language-switch a[hreflang=es]")
        assert page.url == real_site_url + spanish


def test_quick_exit_in_spanish(browser: Any, real_site_url: str) -> None:
    ctx = browser.new_context()
    ctx.route("https://www.weather.gov/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body=ELSEWHERE))
    try:
        page = ctx.new_page()
        page.goto(real_site_url + "/es/get-help/")
        page.goto(real_site_url + ACTION)
        assert page.locator(".quick-exit").inner_text().startswith(ES["safety.quick_exit"])
        leaves_for_good(page, shift_three_times(page), real_site_url + "/es/get-help/")
    finally:
        ctx.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_in_spanish(browser: Any, real_site_url: str, scheme: str) -> None:
    ctx = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = ctx.new_page()
    try:
        page.goto(real_site_url + ACTION)
        assert axe_violations(page) == []
        assert lookup(page, "02139") == "done"
        assert axe_violations(page) == []
        for path in ("/es/", "/es/representatives/ma/", "/es/get-help/", "/es/platform/"):
            page.goto(real_site_url + path)
            assert axe_violations(page) == [], path
    finally:
        ctx.close()
