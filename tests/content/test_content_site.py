"""The real site, built once: the platform, the home page, Learn, the chart, no other origins."""

from __future__ import annotations

import itertools
from pathlib import Path
import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
ASKS = (
    "two-cents-for-freedom",
    "federal-supply-chains",
    "trade-and-market-access",
    "presidential-leadership",
    "business-incentives",
    "vulnerable-people",
    "prevention",
    "protect-all-victims",
    "measurement",
)
SECTIONS = ["What we ask", "Who decides", "Why", "The figures", "What would change"]
DECIDERS = re.compile(
    r"Congress|President|Department|Secretary|Customs|Council|Trade Representative|Office of"
)
# A second sentence starts after a full stop, except after the abbreviation "U.S.".
SECOND_SENTENCE = re.compile(r"(?<!U\.S)\.\s+[A-Z]")


def front_matter(path: Path) -> dict:
    """Return the YAML front matter of a content file."""
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def page(site: Path, url_path: str) -> BeautifulSoup:
    """Parse the built page at /url_path."""
    file = site / url_path / "index.html"
    assert file.is_file(), f"/{url_path} was not built"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def norm(node: object) -> str:
    """A node's text with whitespace collapsed and typographic apostrophes made plain."""
    text = node.get_text(" ") if hasattr(node, "get_text") else str(node)
    return " ".join(text.replace("’", "'").split())


def is_external(url: str) -> bool:
    """True for an absolute http(s) address (sources are linked this way)."""
    return urlsplit(url).scheme in {"http", "https"}


@pytest.mark.parametrize("slug", ASKS)
def test_ask_page_has_ask_decider_sources_and_action(real_site: Path, slug: str) -> None:
    meta = front_matter(CONTENT / "platform" / f"{slug}.md")
    soup = page(real_site, f"platform/{slug}")
    main = soup.find("main")
    assert len(soup.find_all("h1")) == 1
    assert main.h1.get_text(strip=True) == meta["title"]
    headings = [h.get_text(strip=True) for h in main.find_all("h2")]
    assert [h for h in headings if h in SECTIONS] == SECTIONS, headings

    ask = norm(main.select_one(".ask-box__ask"))
    assert ask == norm(meta["ask"])
    assert ask.endswith(".") and not SECOND_SENTENCE.search(ask), f"not one sentence: {ask}"
    decides = norm(main.select_one(".ask-box__decides"))
    assert DECIDERS.search(decides), f"who decides names no institution: {decides}"

    figures = main.find("h2", string="The figures")
    sources = []
    for node in figures.find_all_next():
        if node.name == "h2":
            break
        if node.name == "a" and is_external(node.get("href", "")):
            sources.append(node)
    assert sources, "the figures section links no source"
    for link in sources:
        name = link.get_text(strip=True)
        assert name and not is_external(name), f"source link without a name: {link}"

    action = [a for a in main.find_all("a") if a.get("href") == f"/act/{slug}/"]
    assert action and all(
        a.get_text(strip=True) == "Write to your representatives about this" for a in action
    )
    assert (real_site / "act" / slug / "index.html").is_file(), f"/act/{slug}/ is not built"


def test_platform_index_lists_the_asks_in_order(real_site: Path) -> None:
    main = page(real_site, "platform").find("main")
    items = main.select("ol.ask-list > li")
    assert [li.a["href"] for li in items] == [f"/platform/{slug}/" for slug in ASKS]
    for li, slug in zip(items, ASKS, strict=True):
        meta = front_matter(CONTENT / "platform" / f"{slug}.md")
        assert norm(meta["ask"]) in norm(li)


def _linked_near(main: BeautifulSoup, text: str, host: str) -> bool:
    """True when an element containing `text` also links a source on `host`."""
    for node in main.find_all(["li", "p"]):
        if text in norm(node) and any(
            urlsplit(a["href"]).hostname and urlsplit(a["href"]).hostname.endswith(host)
            for a in node.find_all("a", href=True)
        ):
            return True
    return False


def test_home_has_sourced_figures_coalition_claim_and_call_to_action(real_site: Path) -> None:
    soup = page(real_site, "")
    main = soup.find("main")
    assert len(soup.find_all("h1")) == 1
    assert _linked_near(main, "About 50 million people", "ilo.org")
    assert _linked_near(main, "US$236 billion a year", "ilo.org")
    assert _linked_near(main, "$150 billion", "state.gov")
    assert _linked_near(main, "About $250 million a year", "verite.org")
    text = norm(main)
    # The coalition's own figures are attributed and dated, never presented as outside facts.
    claim = next(p for p in main.find_all("p") if "$150 million" in p.get_text())
    claim_text = norm(claim)
    assert "Alliance to End Slavery and Trafficking" in claim_text
    assert "2016–17" in claim_text and "1,000 times more" in claim_text
    assert "coalition's own figures" in claim_text
    assert "two cents for freedom" in text.lower()
    # One headline amount, on the ILO's 2024 estimate.
    assert "$4.7 billion a year" in text and "$3 billion a year" not in text
    assert "our calculation" in text
    # The headline action's ZIP form is on the home page and opens that action (no detour
    # through /act/); its input has no name, so nothing is sent even without JavaScript.
    form = main.select_one("form#home-zip")
    assert form["action"] == "/act/two-cents-for-freedom/"
    assert "ZIP" in form.find("label").get_text()
    assert form.find("input").get("name") is None


def test_two_cents_chart_is_accessible_and_matches_its_table(real_site: Path) -> None:
    main = page(real_site, "platform/two-cents-for-freedom").find("main")
    figure = main.select_one("figure#chart-funding-gap")
    svg = figure.find("svg")
    assert svg["role"] == "img"
    ids = svg["aria-labelledby"].split()
    assert [svg.find(id=i).name for i in ids] == ["title", "desc"]
    desc = svg.find("desc").get_text()
    drawn = [t.get_text() for t in svg.select(".chart__value")]
    table = figure.find("table")
    assert table.caption and table.caption.get_text(strip=True)
    assert [td.get_text() for td in table.select("td.num")] == drawn
    for value in drawn:
        assert value in desc
    assert "$4.72 billion" in drawn and "$3 billion" not in drawn
    assert table.get_text().count("Our calculation") == 1
    assert not main.find("script")


MY_PAGES = (
    "",
    "platform",
    *(f"platform/{slug}" for slug in ASKS),
    "learn",
    "learn/strategies",
    "learn/lessons",
    "about",
    "privacy",
    "get-help",
)


@pytest.mark.parametrize("url_path", MY_PAGES)
def test_headings_in_order_and_tables_labelled(real_site: Path, url_path: str) -> None:
    soup = page(real_site, url_path)
    assert len(soup.find_all("h1")) == 1
    levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"/{url_path}: heading level jumps {levels}"
    for table in soup.find_all("table"):
        assert table.caption and table.caption.get_text(strip=True)
        assert all(th.get("scope") in {"col", "row"} for th in table.find_all("th"))


def test_learn_pages_cover_the_frameworks_and_lessons(real_site: Path) -> None:
    strategies = norm(page(real_site, "learn/strategies").find("main"))
    for words in ("Respond", "equip", "disrupt", "rescue", "restore", "restrain", "represent",
                  "repair systems", "Safety", "empowerment", "sustainable work"):
        assert words in strategies, words
    lessons = [norm(h) for h in page(real_site, "learn/lessons").find_all("h2")]
    for heading in ("Survivors must be believed", "Survivors' voices guide the work",
                    "Services and job training go together",
                    "Immigration policy can protect or endanger",
                    "Preventive education works best when it is targeted"):
        assert heading in lessons, lessons


def test_privacy_and_help_pages_say_what_matters(real_site: Path) -> None:
    privacy = norm(page(real_site, "privacy").find("main"))
    for words in ("No cookies", "No analytics", "Nothing loaded from other sites",
                  "full ZIP code is never sent anywhere", "your own browser's storage",
                  "depends on the host"):
        assert words in privacy, words
    help_page = page(real_site, "get-help").find("main")
    assert help_page.find("a", href="tel:+18883737888")
    assert help_page.find("a", href="sms:233733")
    assert "Browsing more safely" in help_page.get_text()


# Elements and attributes that load something into the page (not plain links).
LOADERS = (
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("image", "href"),
    ("use", "href"),
)
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest",
                "apple-touch-icon", "mask-icon"}


def _foreign(url: str) -> bool:
    """True when a URL names another origin (scheme or network path)."""
    url = url.strip()
    return bool(urlsplit(url).scheme and urlsplit(url).scheme != "data") or url.startswith("//")


def test_no_page_loads_anything_from_another_origin(real_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 20
    problems = []
    for file in pages:
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in LOADERS:
            for node in soup.find_all(tag):
                for value in re.split(r",\s*", node.get(attr, "") or ""):
                    if value and _foreign(value.split()[0]):
                        problems.append(f"{file.relative_to(real_site)}: <{tag} {attr}={value}>")
        for link in soup.find_all("link", href=True):
            if LOADING_RELS & set(link.get("rel", [])) and _foreign(link["href"]):
                where = file.relative_to(real_site)
                problems.append(f"{where}: <link {link['rel']} {link['href']}>")
        for node in soup.find_all(style=True):
            if re.search(r"url\(\s*['\"]?(https?:)?//", node["style"]):
                problems.append(f"{file.relative_to(real_site)}: style url()")
        for style in soup.find_all("style"):
            if re.search(r"url\(\s*['\"]?(https?:)?//|@import", style.get_text()):
                problems.append(f"{file.relative_to(real_site)}: <style> loads from elsewhere")
    for css in real_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        if re.search(r"url\(\s*['\"]?(https?:)?//|@import\s+['\"]?(https?:)?//", text):
            problems.append(f"{css.relative_to(real_site)}: loads from elsewhere")
    assert not problems, problems
