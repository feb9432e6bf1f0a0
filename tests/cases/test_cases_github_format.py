"""`check_content.py --format github`: each problem also as an `::error` workflow command."""

from __future__ import annotations

import re
import shutil

from cases_helpers import BAD
import check_content

from content_schema.fields import Problem

# How GitHub's runner reads `::error k=v,k=v::message` (actions/runner ActionCommand):
# properties split on "," then "=", values and message unescaped.
COMMAND = re.compile(r"^::error (?P<props>[^:]*)::(?P<message>.*)$")
MESSAGE_ESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
PROPERTY_ESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))


def unescape(value: str, escapes: tuple[tuple[str, str], ...]) -> str:
    """Undo the escapes in the runner's order (%25 last)."""
    for escaped, plain in escapes:
        value = value.replace(escaped, plain)
    return value


def read_command(line: str) -> tuple[dict[str, str], str]:
    """Parse one workflow command line as the runner does; return properties and message."""
    match = COMMAND.match(line)
    assert match, line
    props = dict(pair.split("=", 1) for pair in match["props"].split(","))
    return ({k: unescape(v, PROPERTY_ESCAPES) for k, v in props.items()},
            unescape(match["message"], MESSAGE_ESCAPES))


def test_a_plain_problem() -> None:
    problem = Problem("content/cases/a.md", 4, "outcomes", "'mony' is not one of people",
                      "write one of them")
    assert check_content.github_annotation(problem) == (
        "::error file=content/cases/a.md,line=4,title=outcomes::"
        "'mony' is not one of people; write one of them"
    )


def test_escapes_follow_githubs_rules() -> None:
    problem = Problem("content/cases/50%,a:b.md", 7, "front matter: a,b",
                      "100% sure:\r\nline two, three", "fix it: now")
    line = check_content.github_annotation(problem)
    assert line == (
        "::error file=content/cases/50%25%2Ca%3Ab.md,line=7,title=front matter%3A a%2Cb::"
        "100%25 sure:%0D%0Aline two, three; fix it: now"
    )
    assert "\n" not in line and "\r" not in line
    props, message = read_command(line)
    assert props == {"file": problem.path, "line": "7", "title": problem.field}
    assert message == f"{problem.message}; {problem.fix}"


def test_a_problem_without_a_line_annotates_the_file() -> None:
    problem = Problem("content/images/a.png", 0, "file", "empty", "upload it again")
    assert check_content.github_annotation(problem) == (
        "::error file=content/images/a.png,title=file::empty; upload it again"
    )


def test_github_format_prints_each_problem_and_its_command(tmp_path, capsys, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(BAD, content)
    monkeypatch.chdir(tmp_path)
    assert check_content.main(["--format", "github", "content"]) == 1
    lines = capsys.readouterr().out.splitlines()
    texts, commands = lines[0::2], lines[1::2]
    assert len(texts) == len(commands) > 10
    for text, command in zip(texts, commands, strict=True):
        props, message = read_command(command)
        assert text == f"{props['file']}:{props['line']}: {props['title']}: {message}"
        assert (tmp_path / props["file"]).is_file()
    assert check_content.main(["content"]) == 1
    assert capsys.readouterr().out.splitlines() == texts  # text format: unchanged


def test_an_unknown_format_is_refused(capsys) -> None:
    try:
        check_content.main(["--format", "xml", str(BAD)])
    except SystemExit as stop:
        assert stop.code == 2
    else:
        raise AssertionError("--format xml was accepted")
    assert "invalid choice: 'xml'" in capsys.readouterr().err
