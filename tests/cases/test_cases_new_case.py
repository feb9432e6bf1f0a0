"""`make case`: writes a valid case that builds; refuses to overwrite; rejects bad answers."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from cases_helpers import strict_build, tiny_site
import new_case
import pytest

ARGS = [
    "--title", "Court orders a recruiter to repay fees",
    "--date", "2023-04-05",
    "--outcomes", "money, people",
    "--place", "Testland",
    "--source", "Example Labour Court, 5 April 2023 | https://example.org/ruling",
    "--source", "Example News, 6 April 2023 | https://news.example/story",
    "--summary", "A court ordered an alleged recruiter to repay workers' fees.",
    "--no-input",
]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return tiny_site(tmp_path)


def test_new_case_writes_a_file_that_builds(content: Path, tmp_path: Path, capsys):
    assert new_case.main([*ARGS, "--content", str(content)]) == 0
    out = capsys.readouterr().out
    path = content / "cases/2023-04-05-court-orders-a-recruiter-to-repay-fees.md"
    assert f"Wrote {path}" in out
    assert "/cases/court-orders-a-recruiter-to-repay-fees/" in out
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n# A case highlight.")
    result = strict_build(content, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    page = tmp_path / "out/cases/court-orders-a-recruiter-to-repay-fees/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.h1.get_text() == "Court orders a recruiter to repay fees"
    badges = [a.get_text() for a in soup.select(".case-facts .badge")]
    assert badges == ["People", "Money"]  # vocabulary order
    assert [a["href"] for a in soup.select(".case-sources a")] == [
        "https://example.org/ruling", "https://news.example/story"]


def test_new_case_refuses_to_overwrite(content: Path, capsys):
    assert new_case.main([*ARGS, "--content", str(content)]) == 0
    path = content / "cases/2023-04-05-court-orders-a-recruiter-to-repay-fees.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nEdited by a volunteer.\n",
                    encoding="utf-8")
    before = path.read_bytes()
    capsys.readouterr()
    assert new_case.main([*ARGS, "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert "already exists; nothing was overwritten" in err
    assert path.read_bytes() == before


def test_new_case_refuses_a_slug_another_case_uses(content: Path, capsys):
    args = [*ARGS, "--slug", "first-fixture-case", "--content", str(content)]
    assert new_case.main(args) == 1
    assert "'first-fixture-case' is already used by" in capsys.readouterr().err
    assert not list((content / "cases").glob("2023-04-05-*"))


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("--outcomes", "mony"), "outcomes: 'mony' is not one of people, policy, prevention, "
                                 "money (did you mean 'money'?)"),
        (("--date", "31/12/2023"), "date: '31/12/2023' is not a date"),
        (("--slug", "../escape"), "slug: '../escape' is not allowed"),
        (("--source", "No link at all"), "write it as 'Name, date | https://…'"),
        (("--title", "no"), None),  # a YAML 1.1 word: quoted, so it stays text and is accepted
    ],
)
def test_new_case_rejects_bad_answers_and_writes_nothing(content: Path, capsys, change, words):
    args = [*ARGS, *change, "--content", str(content)]
    code = new_case.main(args)
    err = capsys.readouterr().err
    written = list((content / "cases").glob("2023-04-05-*"))
    if words is None:
        assert code == 0 and len(written) == 1
        return
    assert code == 1
    assert words in err
    assert "nothing written" in err or "write it as" in err
    assert written == []


def test_missing_options_without_a_terminal_is_a_usage_error(content: Path, capsys):
    assert new_case.main(["--title", "x", "--no-input", "--content", str(content)]) == 2
    assert "missing: --date, --outcomes, --place, --summary, --source" in capsys.readouterr().err


def test_slugify_keeps_whole_words_and_ascii():
    assert new_case.slugify("Thailand's first child-begging case!") == (
        "thailands-first-child-begging-case")
    assert new_case.slugify("Sécurité des travailleurs") == "securite-des-travailleurs"


def test_new_case_asks_again_until_each_answer_is_valid(content: Path, capsys, monkeypatch):
    answers = iter([
        "Workers win back recruitment fees",  # title
        "2023-13-01", "2023-05-06",  # date: wrong, then right
        "mony", "money",  # outcomes: wrong, then right
        "Testland",  # place
        "Fees were repaid to workers.",  # summary
        "A source without a link", "Example | javascript:alert(1)",
        "Example Tribunal, 6 May 2023 | https://example.org/t",
        "",  # no more sources
        "",  # slug: accept the suggestion
    ])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    assert new_case.main(["--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert "'2023-13-01' is not a date" in out
    assert "'mony' is not one of people, policy, prevention, money (did you mean 'money'?)" in out
    assert "write it as 'Name, date | https://…'" in out
    assert "url of a source: 'javascript:alert(1)' is not allowed" in out
    path = content / "cases/2023-05-06-workers-win-back-recruitment-fees.md"
    assert path.is_file()
    assert 'url: "https://example.org/t"' in path.read_text(encoding="utf-8")
