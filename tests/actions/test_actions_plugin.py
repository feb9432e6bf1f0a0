"""The actions plugin and schema: problems name file, line, field and fix (reported by the
content index, so `make check-content` and the build agree); the letter and script render
into the static page with readable [bracketed] placeholders."""

from __future__ import annotations

from pathlib import Path
import re
import shutil

from bs4 import BeautifulSoup
import pytest
import yaml

from actions.render import fill_placeholders, make_markdown, render_inline, render_markdown
from actions.settings import ActionsSettings
from bench.weight import JS_IMPORT
from content_schema import ContentError
from content_schema.actions import (
    ACTIONS,
    PLACEHOLDERS,
    check_letter,
    placeholders_in,
    targets_of,
)
from pluginkit import SettingsError
from tests.conftest import check_tree

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "actions" / "content"
PLUGINS = ["content_schema", "sections", "legislators", "actions"]
GOOD = {
    "title": "Write",
    "ask": "fund-it",
    "targets": ["senate", "house"],
    "subject": "Subject",
    "summary": "Short.",
    "letter": "I live in {sender_city}.",
    "script": "Hello, I'm {sender_name}.",
}


def _site_with(tmp_path: Path, metadata: dict) -> Path:
    """The fixture content with one more action file holding `metadata` (in YAML)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    front = yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True)
    (content / "actions" / "x.md").write_text(f"---\n{front}---\n\nBody.\n", encoding="utf-8")
    return content


def _problems(tmp_path: Path, metadata: dict) -> list[str]:
    """What `make check-content` says about the action file x.md."""
    content = _site_with(tmp_path, metadata)
    return [str(p) for p in check_tree(content) if p.path.endswith("actions/x.md")]


def test_good_action_has_no_problems(tmp_path: Path) -> None:
    assert _problems(tmp_path, GOOD) == []


def test_actions_collection_is_the_actions_folder() -> None:
    assert ACTIONS.folder == "actions"
    assert {f.name for f in ACTIONS.fields} >= {
        "title", "ask", "targets", "subject", "letter", "script", "summary", "committees",
    }


@pytest.mark.parametrize(
    ("change", "field", "says"),
    [
        ({"targets": ["senate", "hose"]}, "targets", "did you mean 'house'"),
        ({"targets": "governor"}, "targets", "'governor' is not one of senate, house, both"),
        ({"letter": None}, "letter", "'letter' is missing"),
        ({"script": ""}, "script", "'script' is missing"),
        ({"letter": "Dear {sender_nmae}"}, "letter", "did you mean 'sender_name'"),
        ({"script": "Hi {zip}"}, "script", "'{zip}' is not a placeholder"),
        ({"subject": "About {town}"}, "subject", "'{town}' is not a placeholder"),
        ({"ask": "fund-i"}, "ask", "did you mean 'fund-it'"),
        ({"colour": "red"}, "colour", "is not a field of"),
        ({"title": 42}, "title", "42"),
        ({"committees": {"SXAP": "A line."}}, "committees", "'SXAP' is not a committee id"),
        ({"committees": ["SSAP"]}, "committees", "is not a list of 'ID: sentence' lines"),
    ],
)
def test_wrong_action_names_file_line_and_field(
    tmp_path: Path, change: dict, field: str, says: str
) -> None:
    meta = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    text = "\n".join(_problems(tmp_path, meta))
    assert re.search(rf"actions/x\.md:\d+: {field}: ", text), text
    assert says in text


def test_targets_are_normalised() -> None:
    assert targets_of("both") == ("senate", "house")
    assert targets_of(["house"]) == ("house",)
    assert targets_of("house, senate") == ("senate", "house")


def test_placeholder_syntax() -> None:
    found = placeholders_in("Hi {sender_name}, {{literal}} and { state }")
    assert found == ["sender_name", "state"]
    assert set(PLACEHOLDERS) >= {"recipient", "recipient_title", "sender_name", "sender_city",
                                 "sender_zip", "personal", "state"}


def test_placeholders_become_readable_spans() -> None:
    md = make_markdown({"MARKDOWN": {"extension_configs": {}, "output_format": "html5"}})
    html = render_markdown("From {sender_city}: {{not one}}", md)
    soup = BeautifulSoup(html, "html.parser")
    span = soup.select_one('span.ph[data-ph="sender_city"]')
    assert span is not None and span.get_text() == "[your city or town]"
    assert "{not one}" in soup.get_text()
    assert render_inline("A <b> & {state}").startswith("A &lt;b&gt; &amp; <span")


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("Hello <script>alert(1)</script>", "contains HTML"),
        ("See [this](http://example.org/)", "is not an https:// address"),
        ("See [this](javascript:alert(1))", "is not an https:// address"),
        ("![x](https://example.org/x.png)", "image"),
    ],
)
def test_letter_markdown_is_plain_text_with_https_links(source: str, says: str) -> None:
    problems = check_letter(source, path="actions/x.md", line=3, field="letter")
    assert any(says in str(p) and str(p).startswith("actions/x.md:3: letter:")
               for p in problems), problems


def test_placeholder_inside_a_link_is_refused() -> None:
    problems = check_letter("[x](https://x.example/{state})", path="a.md", line=1, field="letter")
    assert problems and "inside a link" in problems[0].message
    # Rendering leaves tags alone (the rule is content_schema's, checked before the build).
    assert fill_placeholders('<a href="https://x.example/{state}">x</a>').count("<span") == 0


def test_settings_unknown_key_names_the_known_ones() -> None:
    with pytest.raises(SettingsError, match=r"ACTIONS_FOLDR.*the known ones are ACTIONS_FOLDER"):
        ActionsSettings.from_pelican({"ACTIONS_FOLDR": "x", "PATH": "content"})
    cfg = ActionsSettings.from_pelican({"LEGISLATORS_API_PATH": "/api/v2/", "PATH": "content"})
    # Where the data and the directory are, the legislators plugin owns.
    assert cfg.api_path == "api/v2" and cfg.folder == "actions"
    assert cfg.directory_url == "representatives/"
    assert cfg.house_lookup_url.startswith("https://www.house.gov/")


def test_fixture_site_renders_letter_script_and_list(build_site) -> None:
    out = build_site(content=FIXTURE, PLUGINS=PLUGINS)
    page = BeautifulSoup((out / "act" / "fund-it" / "index.html").read_text(), "html.parser")
    article = page.select_one("article#action")
    assert article["data-targets"] == "senate"
    assert article["data-api"] == "/api/v1/"
    assert page.select_one("form#zip-form input#zip") is not None
    assert "ZIP" in page.select_one('label[for="zip"]').get_text()
    assert page.select_one("#results[aria-live=polite]") is not None
    letter = page.select_one("#letter")
    text = " ".join(letter.get_text().split())
    assert "I live in [your city or town] (ZIP [your ZIP code])" in text
    assert "A literal {brace} stays." in text
    assert "Dear [Senator or Representative and last name]" in text
    assert "About [your state]" in text
    assert letter.select_one('[data-ph="personal"]') is not None  # added after the body
    script = " ".join(page.select_one("#script").get_text().split())
    assert "my name is [your name]" in script
    # The no-JavaScript path: the directory link; no inline script anywhere.
    assert page.select_one('[data-no-js] a[href="/representatives/"]') is not None
    assert all(s.get("src") for s in page.find_all("script"))
    assert not re.search(r"\son[a-z]+=", str(page))
    listing = BeautifulSoup((out / "act" / "index.html").read_text(), "html.parser")
    links = [a["href"] for a in listing.select(".action-list h2 a")]
    assert links == ["/act/fund-it/"]
    assert "your two senators" in listing.select_one(".action-list").get_text()


def _bad_site(tmp_path: Path, front: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "actions" / "bad.md").write_text(f"---\n{front}---\n\nBody.\n", encoding="utf-8")
    return content


def test_the_actions_plugin_says_which_plugins_it_needs(build_site) -> None:
    with pytest.raises(SettingsError, match=r"\[actions\] needs the plugin\(s\) legislators.*"
                       r"add 'legislators' to PLUGINS"):
        build_site(content=FIXTURE, PLUGINS=["content_schema", "sections", "actions"],
                   allow_warnings=True)


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (
            "title: Bad\nask: fund-it\ntargets: [senate, governor]\nsubject: S\nsummary: S\n"
            "letter: Hi\nscript: Hi\n",
            r"actions/bad.md:4: targets: 'governor' is not one of senate, house, both",
        ),
        (
            "title: Bad\nask: fund-it\ntargets: house\nsubject: S\nsummary: S\n"
            "letter: Hi {sender_town}\nscript: Hi\n",
            r"actions/bad.md:7: letter: '\{sender_town\}' is not a placeholder",
        ),
        (
            "title: Bad\nask: fund-it\ntargets: house\nsubject: S\nsummary: S\nscript: Hi\n",
            r"actions/bad.md:1: letter: 'letter' is missing",
        ),
        (
            "title: Bad\nask: fund-this\ntargets: house\nsubject: S\nsummary: S\n"
            "letter: Hi\nscript: Hi\n",
            r"actions/bad.md:3: ask: 'fund-this' is not a platform page "
            r"\(did you mean 'fund-it'\?\)",
        ),
    ],
)
def test_wrong_action_fails_the_build_as_check_content_says(
    tmp_path: Path, build_site, front: str, expected: str
) -> None:
    content = _bad_site(tmp_path, front)
    assert any(re.search(expected, str(p)) for p in check_tree(content))
    with pytest.raises(ContentError, match=expected) as stopped:
        build_site(content=content, PLUGINS=PLUGINS, allow_warnings=True)
    assert "the site was not built" in str(stopped.value)


def test_unavailable_data_is_said_plainly(build_site, tmp_path: Path) -> None:
    """With the legislators plugin and no data at all, the page says the lookup is unavailable."""
    empty = tmp_path / "no-data"
    empty.mkdir()
    out = build_site(
        content=FIXTURE,
        PLUGINS=[*PLUGINS, "legislators"],
        LEGISLATORS_SOURCE=str(empty),
        LEGISLATORS_ZIP_SOURCE=str(empty / "zccd.csv"),
        allow_warnings=True,
    )
    page = BeautifulSoup((out / "act" / "fund-it" / "index.html").read_text(), "html.parser")
    assert page.select_one("article#action").has_attr("data-unavailable")
    note = page.select_one("#lookup-unavailable")
    assert note is not None and not note.has_attr("hidden")
    assert "lookup is unavailable" in note.get_text()
    assert "[your name]" in page.select_one("#letter").get_text()


def _module_graph(site: Path, page: Path) -> set[Path]:
    """Every script an action page loads: its <script src> and their static imports."""
    soup = BeautifulSoup(page.read_text(), "html.parser")
    todo = [site / s["src"].lstrip("/") for s in soup.find_all("script") if s.get("src")]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in JS_IMPORT.findall(path.read_text()):
            todo.append((path.parent / name).resolve())
    return seen


@pytest.mark.shared_data
def test_real_actions_and_javascript_budget(real_site: Path) -> None:
    """Nine actions, one per platform ask; under 15 KB of gzipped JavaScript per action page,
    in English and in Spanish."""
    import gzip

    slugs = sorted(p.name for p in (real_site / "act").iterdir() if p.is_dir())
    platform = sorted(p.name for p in (real_site / "platform").iterdir() if p.is_dir())
    assert len(slugs) == 9 and slugs == platform
    page = real_site / "act" / slugs[0] / "index.html"
    spanish = _module_graph(real_site, real_site / "es" / "act" / slugs[0] / "index.html")
    assert {p.name for p in spanish} >= {"action-es.js", "action.js"}
    assert "action-en.js" not in {p.name for p in spanish}  # no page loads the other words
    assert sum(len(gzip.compress(p.read_bytes(), 9)) for p in spanish) < 15_000
    scripts = _module_graph(real_site, page)
    assert {p.name for p in scripts} >= {
        "action.js", "lookup.js", "members.js", "stepper.js",
        "recipient.js", "letter.js", "dom.js", "quick-exit.js", "action-en.js",
    }
    gzipped = sum(len(gzip.compress(p.read_bytes(), 9)) for p in scripts)
    assert gzipped < 15_000, gzipped
    for slug in slugs:
        html = (real_site / "act" / slug / "index.html").read_text()
        assert "<script>" not in html and "[your name]" in html
