"""Every content error the build stops on, `make check-content` reports first, in the same words.

Each case breaks the real content/ in one way a volunteer or editor could. The build (the
real settings, theme and plugins) must stop with a ContentError listing the problem, and
scripts/check_content.py must print exactly the same line for the same file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
import re
import shutil

import check_content
from PIL import Image
import pytest

from content_schema import ContentError
from tests.conftest import ROOT, SHARED_DATA, build, shared_sources

CASE = "cases/2018-04-17-child-begging-case-tried-as-trafficking.md"
ACTION = "actions/prevention.md"
PLATFORM = "platform/prevention.md"


def edit(relative: str, old: str, new: str) -> Callable[[Path], None]:
    """Replace the first `old` in a content file (which must hold it)."""
    def change(content: Path) -> None:
        path = content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def write(relative: str, text: str | bytes) -> Callable[[Path], None]:
    """Add a file under content/."""
    def change(content: Path) -> None:
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return change


def png(content: Path, relative: str) -> None:
    path = content / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), (200, 30, 30)).save(path, "PNG")


NEW_CASE = """---
title: {title}
date: {date}
outcomes: [policy]
place: Texas, United States
summary: A short summary.
slug: {slug}
sources:
  - name: A source, 1 May 2024
    url: https://www.example.org/a
---

Text.{body}
"""


def new_case(name: str, *, title: str = "A new case", date: str = "2024-05-01",
             slug: str = "a-new-case", body: str = "") -> Callable[[Path], None]:
    return write(f"cases/{name}.md", NEW_CASE.format(title=title, date=date, slug=slug,
                                                     body=body))


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "misspelt outcome": (edit(CASE, "outcomes: [people, policy]", "outcomes: [people, mony]"),
                         r"cases/2018-04-17-.*\.md:4: outcomes: 'mony' is not one of"),
    "yes/no value": (edit(CASE, "outcomes: [people, policy]", "outcomes: no"),
                     r"outcomes: 'no' is read as the yes/no value False"),
    "date in the future": (new_case("2099-01-01-future", date="2099-01-01", slug="future"),
                           r"date: 2099-01-01 is in the future"),
    "no source": (edit(CASE, "sources:\n", "unused:\n"), r"sources: 'sources' is missing"),
    "unknown field": (edit(CASE, "place: Thailand", "plase: Thailand"),
                      r"plase: 'plase' is not a field of a case highlight"),
    "unclosed front matter": (write("cases/2024-05-02-open.md", "---\ntitle: Open\n\nText\n"),
                              r"front matter that starts on line 1 is never closed"),
    "tab": (write("cases/2024-05-03-tab.md", "---\ntitle:\tTab\n---\n"),
            r"the line contains a tab character"),
    "windows line ends": (write("cases/2024-05-04-crlf.md",
                                NEW_CASE.format(title="CRLF", date="2024-05-04", slug="crlf",
                                                body="").replace("\n", "\r\n")),
                          r"Windows \(CRLF\)"),
    "unknown ask": (edit(ACTION, "ask: prevention", "ask: prevent-ion"),
                    r"ask: 'prevent-ion' is not a platform page \(did you mean 'prevention'\?\)"),
    "unknown placeholder": (edit(ACTION, "{sender_city}", "{sender_town}"),
                            r"'\{sender_town\}' is not a placeholder"),
    "plain http link in a letter": (edit(ACTION, "letter: |\n", "letter: |\n  See [it](http://x.example/).\n\n"),
                                    r"letter: the link 'http://x.example/' is not an https://"),
    "order out of range": (edit(PLATFORM, "order: 7", "order: 12"),
                           r"order: 12 is out of range"),
    "address of the site itself": (write("pages/find.md", "---\ntitle: Find\nslug: search\n---\n"),
                                   r"the address /search/ is used by the site itself"),
    "two files, one address": (new_case("2024-05-05-twin", slug="child-begging-case-tried-as-"
                                        "trafficking"),
                               r"the address /cases/child-begging-case-tried-as-trafficking/ "
                               r"is also used by"),
    "link to no page": (new_case("2024-05-06-link", slug="link", body="\n\n[x](/platform/nope/)"),
                        r"the link '/platform/nope/' goes to no page of the site"),
    "javascript link": (new_case("2024-05-07-js", slug="js", body="\n\n[x](javascript:alert(1))"),
                        r"links to 'javascript:' addresses are not allowed"),
    "script": (new_case("2024-05-08-script", slug="script", body="\n\n<script>x()</script>"),
               r"the HTML element <script> is not allowed"),
    "image without alt": (lambda c: (png(c, "images/court.png"),
                                     new_case("2024-05-09-img", slug="img",
                                              body="\n\n![](/images/court.png)")(c)),
                          r"image: the image '/images/court.png' has no alt text"),
    "missing image": (new_case("2024-05-10-gone", slug="gone",
                               body="\n\n![A court](/images/none.png)"),
                      r"'/images/none.png' is not a file in content/"),
    "unsafe image name": (lambda c: png(c, "images/Court Photo.PNG"),
                          r"'Court Photo.PNG' is not a safe image name"),
    "a page renamed as an image": (write("images/fake.png", "<html>not an image</html>"),
                                   r"images/fake.png:1: file: the file is not a \.png image"),
    "unknown chart": (edit(PLATFORM, "## Why", "[chart: fundng-gap]\n\n## Why"),
                      r"\[chart: …\]: there is no chart file content/charts/fundng-gap\.yaml"),
    "title the share image cannot draw": (
        edit(PLATFORM, "title: Prevention", "title: 防止 Prevention"),
        r"title: the share image's font has no letter"),
    "image linked with attach": (
        lambda c: (png(c, "images/court.png"),
                   new_case("2024-05-11-att", slug="att",
                            body="\n\n![A court]({attach}/images/court.png)")(c)),
        r"'\{attach\}/images/court.png' would publish the file as it is"),
}
if (SHARED_DATA / "congress-legislators").is_dir():
    CASES["unknown committee id"] = (
        edit(ACTION, "committees:\n", "committees:\n  SSXX: \"No.\"\n"),
        r"committees: 'SSXX' is not a committee id")


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_content_reports_what_the_build_stops_on(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    change, expected = CASES[name]
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    change(content)
    sources = shared_sources() if (SHARED_DATA / "congress-legislators").is_dir() else {}
    with pytest.raises(ContentError) as stopped:
        build(tmp_path / "out", content=content, **sources)
    built = [str(p) for p in stopped.value.problems]
    assert any(re.search(expected, line) for line in built), built
    assert not (tmp_path / "out" / "index.html").exists()  # nothing half published
    for key, value in sources.items():
        monkeypatch.setenv(key, value)
    assert check_content.main([str(content)]) == 1
    printed = capsys.readouterr().out.splitlines()
    for line in built:
        assert line in printed, (line, printed)
