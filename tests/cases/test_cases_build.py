"""The build validates every case: bad metadata fails a strict build, naming file and field."""

from __future__ import annotations

from pathlib import Path
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup
from cases_helpers import PLUGINS, html_files, strict_build, tiny_site
import pytest

from content_schema import ContentError

MONY = """---
title: A misspelt outcome
date: 2023-03-03
outcomes: [people, mony]
place: Testland
summary: One outcome is misspelt.
sources:
  - "Example | https://example.org/"
slug: misspelt-outcome
---
Body.
"""
NO_OUTCOME = MONY.replace("outcomes: [people, mony]\n", "").replace("misspelt-outcome",
                                                                    "no-outcome")
MALFORMED_PAGE = """---
title: "Malformed
slug: malformed
---
Body.
"""
BAD_INPUTS = {
    "mony": ("cases/2023-03-03-misspelt-outcome.md", MONY,
             "content/cases/2023-03-03-misspelt-outcome.md:4: outcomes: 'mony' is not one of "
             "people, policy, prevention, money (did you mean 'money'?)"),
    "no-outcome": ("cases/2023-03-03-no-outcome.md", NO_OUTCOME,
                   "content/cases/2023-03-03-no-outcome.md:1: outcomes: 'outcomes' is missing"),
    "malformed-page": ("pages/malformed.md", MALFORMED_PAGE,
                       "content/pages/malformed.md:2: title: the quotation mark \" is opened "
                       "but not closed"),
}


def test_titles_with_angle_brackets_and_ampersands_survive_whole(tmp_path: Path):
    """`<`, `>` and `&` in a title come out escaped and whole in <title>, og:title and feeds."""
    title = "Sentences < 5 years, fines > $1m & more"
    content = tiny_site(tmp_path)
    case = content / "cases" / "2021-05-04-first-fixture-case.md"
    text = case.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("title:"))
    case.write_text(text.replace(old, f'title: "{title}"'), encoding="utf-8")
    result = strict_build(content, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "out/cases/first-fixture-case/index.html").read_text(),
                         "html.parser")
    assert page.title.get_text() == f"{title} · Two Cents for Freedom"
    assert page.find("meta", property="og:title")["content"] == f"{title} · Two Cents for Freedom"
    assert page.h1.get_text() == title
    feed = ET.parse(tmp_path / "out/feeds/all.atom.xml").getroot()
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in
              feed.iter("{http://www.w3.org/2005/Atom}entry")]
    assert title in titles


def test_the_fixture_site_builds_strictly(tmp_path: Path):
    content = tiny_site(tmp_path)
    result = strict_build(content, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "out/cases/first-fixture-case/index.html").is_file()


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_metadata_fails_the_strict_build_naming_file_and_field(tmp_path: Path, name: str):
    relative, text, message = BAD_INPUTS[name]
    content = tiny_site(tmp_path)
    (content / relative).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = strict_build(content, out)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    # One line per problem, credited to the content file, never wrapped, no traceback.
    assert any(line.startswith(message) for line in result.stderr.splitlines()), log
    assert "Traceback" not in log and ".py:" not in log
    assert html_files(out) == []  # failed before anything was written


@pytest.fixture
def content_with_mony(tmp_path: Path) -> Path:
    content = tiny_site(tmp_path / "src")
    (content / "cases/2023-03-03-misspelt-outcome.md").write_text(MONY, encoding="utf-8")
    return content


def test_an_invalid_case_stops_the_build_with_every_problem(
    build_site, tmp_path: Path, content_with_mony: Path
) -> None:
    """One error policy: a content problem stops every build, nothing is half published."""
    with pytest.raises(ContentError) as stopped:
        build_site(content=content_with_mony, PLUGINS=PLUGINS, allow_warnings=True)
    assert [str(p) for p in stopped.value.problems] == [
        "content/cases/2023-03-03-misspelt-outcome.md:4: outcomes: 'mony' is not one "
        "of people, policy, prevention, money (did you mean 'money'?); use only people, policy, "
        "prevention, money"
    ]
    assert not (tmp_path / "out" / "cases").exists()
