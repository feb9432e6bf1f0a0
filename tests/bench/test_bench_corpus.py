"""The benchmark's synthetic case highlights: deterministic, valid, the same data two ways."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG
import pytest
import yaml

from bench import corpus
from content_schema.cases import CASES, OUTCOMES
from tests.conftest import check_tree


def test_same_seed_same_cases_other_seed_other_cases() -> None:
    first = [corpus.yaml_text(c) for c in corpus.generate(30, seed=7)]
    again = [corpus.yaml_text(c) for c in corpus.generate(30, seed=7)]
    other = [corpus.yaml_text(c) for c in corpus.generate(30, seed=8)]
    assert first == again
    assert first != other


def test_cases_pass_the_sites_case_schema() -> None:
    cases = list(corpus.generate(200, seed=1))
    for case in cases:
        problems = CASES.check(corpus.yaml_metadata(case), path=case.filename)
        assert not problems, [str(p) for p in problems]
    assert corpus.check_against_schema(cases) == []


def test_outcomes_come_from_the_real_vocabulary_and_all_are_used() -> None:
    cases = list(corpus.generate(200, seed=2))
    used = {o for c in cases for o in c.outcomes}
    assert used == set(OUTCOMES)
    assert corpus.outcome_vocabulary() == OUTCOMES


def test_realistic_length_unique_slugs_and_dates_in_the_past() -> None:
    cases = list(corpus.generate(300, seed=3))
    words = [len(c.body.split()) for c in cases]
    assert min(words) >= 150
    assert max(words) <= 500
    assert 200 <= sum(words) / len(words) <= 350
    assert len({c.slug for c in cases}) == len(cases)
    assert all(c.date <= dt.date(2026, 10, 31) for c in cases)
    assert all(1 <= len(c.sources) <= 3 for c in cases)


def test_yaml_files_pass_make_check_content_rules(tmp_path: Path) -> None:
    """The files as written (front matter, file name, body links) pass the site's own checker."""
    folders = corpus.write_corpus(tmp_path / "corpus", 40, seed=4)
    content = tmp_path / "content"
    (content / "cases").parent.mkdir(parents=True)
    folders["yaml"].rename(content / "cases")
    problems = [str(p) for p in check_tree(content)]
    assert problems == []
    first = sorted((content / "cases").glob("*.md"))[0]
    front = yaml.safe_load(first.read_text(encoding="utf-8").split("---\n")[1])
    assert first.name.endswith(front["slug"] + ".md")


def test_plain_pelican_reads_the_same_data(tmp_path: Path) -> None:
    case = next(corpus.generate(1, seed=5))
    path = tmp_path / case.filename
    path.write_text(corpus.plain_text(case), encoding="utf-8")
    settings = dict(DEFAULT_CONFIG)
    content, meta = MarkdownReader(settings).read(str(path))
    assert meta["title"] == case.title
    assert meta["slug"] == case.slug
    assert meta["date"].date() == case.date
    assert meta["outcomes"] == ", ".join(case.outcomes)
    assert meta["place"] == case.place
    for name, url in case.sources:
        assert f"{name} <{url}>" in meta["sources"]
    assert "<h2>" in content or "<p>" in content


def test_write_corpus_writes_both_forms_with_the_same_names(tmp_path: Path) -> None:
    folders = corpus.write_corpus(tmp_path, 12, seed=6)
    yaml_names = sorted(p.name for p in folders["yaml"].glob("*.md"))
    plain_names = sorted(p.name for p in folders["plain"].glob("*.md"))
    assert len(yaml_names) == 12
    assert yaml_names == plain_names
    assert all(n[:10].count("-") == 2 for n in yaml_names)  # YYYY-MM-DD- prefix


def test_real_pages_convert_to_plain_pages_without_our_template_keys(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Home\nslug: home\ntemplate: home\nsave_as: index.html\n"
        "summary: |\n  One\n  two\n---\nBody **text**.\n"
    )
    converted = corpus.plain_page(text, "pages-home")
    assert converted is not None
    assert converted.startswith("Title: Home\nSlug: pages-home\n")
    assert "Summary: One two" in converted
    assert "template" not in converted.lower() and "save_as" not in converted
    assert converted.endswith("Body **text**.\n")
    assert corpus.plain_page("no front matter", "x") is None


@pytest.mark.parametrize("size", [1, 5])
def test_write_plain_pages_counts_files(tmp_path: Path, size: int) -> None:
    src = tmp_path / "content" / "pages"
    src.mkdir(parents=True)
    for i in range(size):
        (src / f"p{i}.md").write_text(f"---\ntitle: P{i}\n---\nx\n", encoding="utf-8")
    (src / "README.md").write_text("---\ntitle: no\n---\n", encoding="utf-8")
    count = corpus.write_plain_pages(tmp_path / "content", tmp_path / "out", ("pages",))
    assert count == size
    assert sorted(p.name for p in (tmp_path / "out").iterdir())[0] == "pages-p0.md"
