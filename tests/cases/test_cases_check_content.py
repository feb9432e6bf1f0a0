"""`make check-content`: every broken fixture reported with file and line; real content passes."""

from __future__ import annotations

from pathlib import Path
import re
import shutil

from cases_helpers import BAD, ROOT
import check_content

# file (under content-bad/) -> (line, field, words in the message)
EXPECTED: dict[str, tuple[int, str, str]] = {
    "cases/2024-01-01-mony.md": (4, "outcomes", "'mony' is not one of people, policy, "
                                 "prevention, money (did you mean 'money'?)"),
    "cases/2024-01-02-no-outcome.md": (1, "outcomes", "'outcomes' is missing"),
    "cases/2024-01-03-norway.md": (2, "title", "'no' is read as the yes/no value False"),
    "cases/2024-01-04-octal-slug.md": (9, "slug", "'0123' is read as the number 83"),
    "cases/2024-01-05-impossible-date.md": (3, "date", "'2024-13-45' cannot be read"),
    "cases/2024-01-06-slash-date.md": (3, "date", "'31/12/2024' is not a date"),
    "cases/2024-01-07-path-slug.md": (9, "slug", "'../../etc/passwd' is not allowed"),
    "cases/2024-01-08-script.md": (13, "body", "<script> is not allowed"),
    "cases/2024-01-09-javascript-link.md": (11, "body", "'javascript:' addresses"),
    "cases/2024-01-10-event-handler.md": (11, "body", "'onerror' (an event handler)"),
    "cases/2024-01-11-data-link.md": (11, "body", "'data:' addresses"),
    "cases/2024-01-12-no-sources.md": (1, "sources", "'sources' is missing"),
    "cases/2024-01-13-duplicate-slug-a.md": (1, "slug", "/cases/same-slug/ is also used by"),
    "cases/2024-01-13-duplicate-slug-b.md": (1, "slug", "/cases/same-slug/ is also used by"),
    "cases/2024-01-14-tabs.md": (5, "front matter", "tab character"),
    "cases/2024-01-15-unclosed-quote.md": (2, "title", "opened but not closed"),
    "cases/2024-01-16-no-fence.md": (1, "front matter", "does not start with a line '---'"),
    "cases/2024-01-17-alias-bomb.md": (10, "front matter", "anchors"),
    "cases/2024-01-18-python-tag.md": (2, "front matter", "'!!python/object/apply:os.system'"),
    "cases/2024-01-19-image-without-alt.md": (13, "image", "has no alt text"),
    "cases/2024-01-20-broken-site-link.md": (11, "body", "'/platform/no-such-ask/' goes to no "
                                             "page"),
    "cases/2024-01-21-never-closed.md": (1, "front matter", "never closed"),
    "cases/2024-01-22-unknown-field.md": (10, "sumary", "(did you mean 'summary'?)"),
    "pages/malformed.md": (2, "title", "the bracket [ is opened but not closed"),
    "pages/search.md": (1, "slug", "/search/ is used by the site itself"),
    "pages/2024-iframe.md": (5, "body", "<iframe> is not allowed"),
    # Written by the test (bytes that editors and git may not keep as they are):
    "cases/2024-02-01-bom.md": (1, "file", "byte-order mark"),
    "cases/2024-02-02-crlf.md": (1, "file", "(CRLF)"),
    "cases/2024-02-03-enormous.md": (1, "file", "more than the limit"),
    "cases/2024-02-04-ten-thousand-lines.md": (5001, "file", "lines, more than the limit of 5,000"),
    "cases/2024-02-05-second-javascript.md": (14, "body", "'javascript:' addresses"),
    "images/renamed-page.jpg": (1, "file", "not a .jpg image"),
    "images/empty.png": (1, "file", "empty (0 bytes)"),
    "images/handler.svg": (1, "file", "the SVG contains a script, an event handler"),
    "images/My Photo.png": (1, "file", "'My Photo.png' is not a safe image name"),
}
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<field>[^:]+): (?P<what>.+); (?P<fix>.+)$")
GOOD_CASE = (ROOT / "tests/fixtures/cases-site/cases/2022-06-07-second-fixture-case.md").read_text(
    encoding="utf-8"
)


def write_generated(content: Path) -> None:
    """Add the broken inputs that are better made than stored."""
    cases = content / "cases"
    text = GOOD_CASE.replace("second-fixture-case", "{slug}")
    (cases / "2024-02-01-bom.md").write_bytes(b"\xef\xbb\xbf" + text.format(slug="bom").encode())
    (cases / "2024-02-02-crlf.md").write_bytes(text.format(slug="crlf").replace(
        "\n", "\r\n").encode())
    (cases / "2024-02-03-enormous.md").write_text(
        text.format(slug="enormous") + "word " * 1_100_000, encoding="utf-8")
    (cases / "2024-02-04-ten-thousand-lines.md").write_text(
        text.format(slug="ten-thousand-lines") + "line\n" * 10_000, encoding="utf-8")
    (cases / "2024-02-05-second-javascript.md").write_text(
        text.format(slug="second-javascript") + "\n[x](  javascript:alert(1))\n",
        encoding="utf-8")
    images = content / "images"
    images.mkdir()
    (images / "renamed-page.jpg").write_text("<html><script>alert(1)</script>", encoding="utf-8")
    (images / "empty.png").write_bytes(b"")
    (images / "handler.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', encoding="utf-8")
    (images / "My Photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (images / "fine.svg").write_text(  # a plain image: no problem
        '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>',
        encoding="utf-8")


def run(capsys, *args: str) -> tuple[int, list[str], str]:
    code = check_content.main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_every_broken_fixture_is_reported_with_file_line_and_field(tmp_path, capsys, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(BAD, content)
    write_generated(content)
    monkeypatch.chdir(tmp_path)
    code, lines, err = run(capsys, "content")
    assert code == 1
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), [line for line, m in zip(lines, parsed, strict=True) if not m]
    for name, (line, field, words) in EXPECTED.items():
        path = f"content/{name}"
        hits = [m for m in parsed if m["path"] == path]
        assert hits, f"{path}: not reported"
        assert any(
            int(m["line"]) == line and m["field"] == field and words in m["what"] for m in hits
        ), (path, [m.group(0) for m in hits])
    every_file = {f"content/{p.relative_to(content).as_posix()}" for p in content.rglob("*")
                  if p.is_file()}
    fine = "content/images/fine.svg"
    assert {m["path"] for m in parsed} == every_file - {fine}  # every broken file reported
    assert f"in {len(every_file) - 1} of {len(every_file)} file(s)" in err


def test_the_fixture_site_has_no_problem(capsys):
    code, lines, err = run(capsys, str(ROOT / "tests/fixtures/cases-site"))
    assert (code, lines) == (0, [])
    assert "no problems" in err


def test_the_real_content_passes(capsys):
    code, lines, _ = run(capsys, str(ROOT / "content"))
    assert lines == []
    assert code == 0


def test_a_missing_folder_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, str(tmp_path / "nope"))
    assert code == 2 and "not a folder" in err
