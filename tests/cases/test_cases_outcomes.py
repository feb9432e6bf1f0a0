"""Outcome pages, feeds and badges: on the fixture site and on the real content."""

from __future__ import annotations

from pathlib import Path
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup
from cases_helpers import PLUGINS, ROOT, SITE
import pytest

from content_schema import frontmatter
from content_schema.cases import OUTCOMES, outcomes_of

ATOM = "{http://www.w3.org/2005/Atom}"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def feed_links(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return [e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")]


def listed_cases(page: BeautifulSoup) -> list[str]:
    return [a["href"] for a in page.select("main .case-card h2 a")]


@pytest.fixture
def fixture_site(build_site) -> Path:
    return build_site(content=SITE, PLUGINS=PLUGINS)


def test_outcome_index_lists_the_four_outcomes_with_counts(fixture_site: Path):
    page = soup(fixture_site / "outcomes/index.html")
    cards = page.select("main .outcome-list .card")
    assert [c.h2.get_text() for c in cards] == ["People", "Policy", "Prevention", "Money"]
    assert [c.select_one(".meta").get_text() for c in cards] == [
        "1 case highlight", "1 case highlight", "0 case highlights", "1 case highlight"]
    assert len(page.find_all("h1")) == 1


def test_each_outcome_page_lists_its_cases_and_links_its_feed(fixture_site: Path):
    people = soup(fixture_site / "outcomes/people/index.html")
    assert listed_cases(people) == ["/cases/first-fixture-case/"]
    alternate = people.select_one('head link[rel="alternate"][href$="outcome-people.atom.xml"]')
    assert alternate["type"] == "application/atom+xml"
    assert alternate["href"] == "http://127.0.0.1:8000/feeds/outcome-people.atom.xml"
    assert feed_links(fixture_site / "feeds/outcome-people.atom.xml") == [
        "http://127.0.0.1:8000/cases/first-fixture-case/"]
    assert feed_links(fixture_site / "feeds/outcome-policy.atom.xml") == [
        "http://127.0.0.1:8000/cases/second-fixture-case/"]
    prevention = soup(fixture_site / "outcomes/prevention/index.html")
    assert listed_cases(prevention) == []
    assert "No case highlight reports this outcome yet." in prevention.get_text()
    assert not prevention.select('head link[href$="outcome-prevention.atom.xml"]')
    assert not (fixture_site / "feeds/outcome-prevention.atom.xml").exists()


def test_case_page_shows_badges_warning_place_and_sources(fixture_site: Path):
    page = soup(fixture_site / "cases/first-fixture-case/index.html")
    badges = page.select("main .case-facts .badge")
    assert [(b.get_text(), b["href"]) for b in badges] == [
        ("People", "/outcomes/people/"), ("Money", "/outcomes/money/")]
    for badge in badges:  # every badge leads to a page that exists
        assert (fixture_site / badge["href"].strip("/") / "index.html").is_file()
    assert "fixture warning text" in page.select_one(".content-warning").get_text()
    assert "Testland" in page.select_one(".case-facts").get_text()
    assert [(a.get_text(), a["href"]) for a in page.select(".case-sources a")] == [
        ("Example Court, 4 May 2021", "https://example.org/ruling")]
    second = soup(fixture_site / "cases/second-fixture-case/index.html")
    assert not second.select(".content-warning")
    assert [a["href"] for a in second.select(".case-sources a")] == ["https://example.org/notice"]


def test_case_list_has_badges_and_text_pagination(build_site):
    out = build_site(content=SITE, PLUGINS=PLUGINS, DEFAULT_PAGINATION=1)
    first = soup(out / "cases/index.html")
    assert listed_cases(first) == ["/cases/second-fixture-case/"]  # newest first
    assert [b.get_text() for b in first.select("main .case-card .badge")] == ["Policy"]
    nxt = first.select_one('nav.pagination a[rel="next"]')
    assert nxt.get_text() == "Older case highlights" and nxt["href"] == "/cases/page/2/"
    second = soup(out / "cases/page/2/index.html")
    assert listed_cases(second) == ["/cases/first-fixture-case/"]
    prev = second.select_one('nav.pagination a[rel="prev"]')
    assert prev.get_text() == "Newer case highlights" and prev["href"] == "/cases/"


def real_cases() -> dict[str, list[str]]:
    """Map each real case's URL to its outcomes, read from content/cases."""
    cases = {}
    for path in sorted((ROOT / "content/cases").glob("*.md")):
        fm, problems = frontmatter.read(path)
        assert fm is not None and not problems
        cases[f"/cases/{fm.metadata['slug']}/"] = outcomes_of(fm.metadata["outcomes"])
    return cases


def test_real_content_has_at_least_four_cases_covering_every_outcome():
    cases = real_cases()
    assert len(cases) >= 4
    assert {o for outcomes in cases.values() for o in outcomes} == set(OUTCOMES)


@pytest.mark.shared_data
def test_real_site_outcome_pages_feeds_and_badges(real_site: Path):
    cases = real_cases()
    for outcome in OUTCOMES:
        expected = {url for url, outcomes in cases.items() if outcome in outcomes}
        page = soup(real_site / f"outcomes/{outcome}/index.html")
        assert set(listed_cases(page)) == expected, outcome
        feed = real_site / f"feeds/outcome-{outcome}.atom.xml"
        assert {link.split("8000", 1)[-1] for link in feed_links(feed)} == expected
    for url, outcomes in cases.items():
        page = soup(real_site / url.strip("/") / "index.html")
        assert [b["href"] for b in page.select("main .case-facts .badge")] == [
            f"/outcomes/{o}/" for o in outcomes]
        sources = page.select("main .case-sources a")
        assert sources and all(a["href"].startswith(("https://", "http://")) for a in sources)
        assert page.select_one("main[id=main] article[data-pagefind-body]") is not None
    index = soup(real_site / "cases/index.html")
    assert set(listed_cases(index)) == set(cases)
