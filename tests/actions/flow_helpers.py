"""What the action-page browser tests share (English and Spanish): a phone context that keeps
every request local and records them, a page that fails on any script or console error, and
the lookup as a visitor does it."""

from __future__ import annotations

from collections.abc import Iterator
import json
from pathlib import Path
import re
from typing import Any

import pytest

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# Clicking a tel: link in headless Chromium would try to open a phone app: keep the click
# (our handlers still see it) but not the navigation.
NO_DIALER = """document.addEventListener('click', (e) => {
  if (e.target.closest && e.target.closest('a[href^="tel:"]')) e.preventDefault(); }, true);"""
# What an office's site, or the neutral quick-exit site, answers here (never the network).
ELSEWHERE = "<!doctype html><html lang='en'><title>Elsewhere</title><h1>Forecast</h1></html>"


def state(site: Path, code: str) -> dict[str, Any]:
    """The published /api/v1/states/<code>.json of a built site."""
    return json.loads((site / "api" / "v1" / "states" / f"{code}.json").read_text())


def lookup(page: Any, zip_code: str) -> str:
    """Type a ZIP, press the button, wait until the results are rendered; return the state."""
    page.fill("#zip", zip_code)
    page.click("#zip-form button[type=submit]")
    page.wait_for_selector("#results[data-state=done], #results[data-state=error]")
    return page.get_attribute("#results", "data-state")


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    """A phone-sized context (own storage) that records every request it makes."""
    ctx = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True,
                              permissions=["clipboard-read", "clipboard-write"])
    ctx.requests = []
    ctx.on("request", lambda request: ctx.requests.append(request.url))
    # Offices' own sites open in a new tab: answer them here, never on the network.
    ctx.route(re.compile(r"^https://"), lambda route: route.fulfill(
        status=200, content_type="text/html", body=ELSEWHERE))
    ctx.add_init_script(NO_DIALER)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Iterator[Any]:
    """A page that fails the test on any JavaScript error or console error."""
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda error: pg.errors.append(str(error)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    yield pg
    assert pg.errors == []
