"""Front matter parsing: line numbers per key and clear errors for YAML pitfalls."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from content_schema import frontmatter
from content_schema.cases import CASES, OUTCOMES
from content_schema.fields import Kind


def parse(text: str):
    return frontmatter.parse(text, "content/cases/x.md")


def test_keys_carry_their_line_numbers_and_the_body_its_first_line():
    fm, problems = parse("---\ntitle: A\ndate: 2024-01-02\noutcomes: [money]\n---\nBody\n")
    assert problems == []
    assert fm.lines == {"title": 2, "date": 3, "outcomes": 4}
    assert fm.metadata["date"] == dt.date(2024, 1, 2)
    assert fm.body_line == 6
    assert fm.body.startswith("Body")


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        ("title: x\n", 1, "front matter", "does not start with a line '---'"),
        ("---\ntitle: x\nbody\n", 1, "front matter", "never closed"),
        ("---\ntitle: x\n\tslug: y\n---\n", 3, "front matter", "tab"),
        ('---\ntitle: "open\nslug: x\n---\n', 2, "title", "not closed"),
        ("---\na: &a [1]\nb: [*a, *a]\n---\n", 2, "front matter", "anchors"),
        ("---\ntitle: !!python/object/apply:os.system [ls]\n---\n", 2, "front matter",
         "'!!python/object/apply:os.system' is not allowed"),
        ("---\ntitle: a\ntitle: b\n---\n", 3, "title", "written twice (also on line 2)"),
        ("---\ndate: 2024-02-30\n---\n", 2, "date", "'2024-02-30' cannot be read"),
        ("---\ntitle: a\u202eb\n---\n", 2, "file", "U+202E"),
    ],
)
def test_pitfalls_are_reported_with_line_and_field(text, line, field, words):
    _, problems = parse(text)
    assert any(p.line == line and p.field == field and words in p.message for p in problems), [
        str(p) for p in problems
    ]


def test_bom_and_crlf_are_reported_and_the_rest_still_checked():
    fm, problems = parse("\ufeff---\r\ntitle: A\r\nslug: b\r\n---\r\nBody\r\n")
    assert [p.field for p in problems] == ["file", "file"]
    assert "byte-order mark" in problems[0].message
    assert "CRLF" in problems[1].message
    assert fm.metadata == {"title": "A", "slug": "b"}
    assert fm.lines["slug"] == 3


def test_yaml_1_1_surprises_are_explained_with_the_value_as_written():
    fm, _ = parse("---\ntitle: no\nslug: 0123\n---\n")
    problems = [str(p) for p in CASES.check(fm.metadata, path="x.md", lines=fm.lines,
                                            raws=fm.raw)]
    assert (
        "x.md:2: title: 'no' is read as the yes/no value False, not as text; "
        'put it in quotes: title: "no"'
    ) in problems
    assert any(p.startswith("x.md:3: slug: '0123' is read as the number 83") for p in problems)


def test_an_enormous_file_is_refused_before_it_is_parsed(tmp_path: Path):
    big = tmp_path / "big.md"
    big.write_text("---\ntitle: x\n---\n" + "a" * (frontmatter.MAX_BYTES + 1), encoding="utf-8")
    fm, problems = frontmatter.read(big, "content/cases/big.md")
    assert fm is None
    assert problems[0].field == "file" and "more than the limit" in problems[0].message


def test_the_outcome_vocabulary_is_defined_once_and_used_by_the_field():
    field = CASES.field_named("outcomes")
    assert OUTCOMES == ("people", "policy", "prevention", "money")
    assert field.choices == OUTCOMES and field.multiple and field.kind is Kind.CHOICE
    assert field.check("mony") == [(
        "'mony' is not one of people, policy, prevention, money (did you mean 'money'?)",
        "use only people, policy, prevention, money",
    )]


def test_sources_accept_both_forms_and_need_a_link():
    field = CASES.field_named("sources")
    both = [{"name": "A", "url": "https://a.example/x"}, "B | https://b.example/"]
    assert field.check(both) == []
    assert "has no link" in field.check(["Only a name"])[0][0]
    assert "url of a source" in field.check([{"name": "A", "url": "javascript:alert(1)"}])[0][0]
    assert field.check([])[0][0] == "'sources' is missing"
    assert field.check({"name": "A"})[0][0] == "url of a source: 'url' is missing"
