"""The action page after 3 January 2027, in Chromium: members of the 120th Congress, a ZIP
table of the 119th. Texas drew new House maps: its senators are named and the visitor chooses
the district (never a guess); Massachusetts still gets its member, with a note on the table.
Fixture: tests/fixtures/legislators/congress-120 (fictional people, the real format)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from conftest import build, serve
from flow_helpers import lookup, state
import pytest

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legislators"
ACTION = "/act/two-cents-for-freedom/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("changeover") / "out",
                 LEGISLATORS_SOURCE=str(FIXTURES / "congress-120"),
                 LEGISLATORS_ZIP_SOURCE=str(FIXTURES / "zccd-tx-ma.csv"),
                 LEGISLATORS_SET_CHECKS=False, LEGISLATORS_TODAY="2027-01-05")


@pytest.fixture(scope="module")
def url(site: Path) -> Iterator[str]:
    with serve(site) as base:
        yield base


def test_texas_names_its_senators_and_asks_for_the_district(browser: Any, site: Path,
                                                             url: str) -> None:
    tx = state(site, "TX")
    assert tx["house_by_zip"] is False
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(url + ACTION)
    lookup(page, "77002")
    text = page.inner_text("#results")
    assert "new House maps since January 2027" in text
    senators = [f"Senator {m['last_name']}" for m in tx["senators"]]
    assert page.inner_text("#results .members").startswith(f"{senators[0]} and {senators[1]}")
    options = page.locator("#district-select option")
    assert options.count() == len(tx["districts"]) + 1 == 39  # every seat, and "Choose"
    assert page.inner_text(".stepper__progress") == f"1 of 3 · {senators[0]}"
    page.select_option("#district-select", "TX-7")
    page.click("#stepper [data-do=next]")
    page.click("#stepper [data-do=next]")
    member = tx["districts"]["TX-7"]
    assert page.inner_text(".stepper__progress") == f"3 of 3 · Representative {member['last_name']}"
    page.close()


def test_massachusetts_still_gets_its_member_with_a_note(browser: Any, site: Path,
                                                         url: str) -> None:
    member = state(site, "MA")["districts"]["MA-7"]
    page = browser.new_page()
    page.goto(url + ACTION)
    lookup(page, "02118")
    assert f"Representative {member['last_name']}" in page.inner_text("#results .members")
    assert "House districts in force in January 2025" in page.inner_text("#results")
    assert page.locator("#district-select, #results input[name=district]").count() == 0
    page.close()
