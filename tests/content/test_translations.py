"""Translations (content/es/...): each names its English original and that file's hash; the
checks across files catch a missing original, an English page changed since, a letter that
no longer pairs paragraph by paragraph, and a translation in the wrong folder."""

from __future__ import annotations

from pathlib import Path
import re
import shutil

from conftest import ROOT, check_tree

from content_schema.translations import content_hash, paragraphs

REAL = ROOT / "content"


def copy(tmp_path: Path) -> Path:
    """A copy of the real content to break."""
    content = tmp_path / "content"
    shutil.copytree(REAL, content)
    return content


def messages(content: Path) -> list[str]:
    return [f"{p.path}:{p.line}: {p.field}: {p.message}; {p.fix}"
            for p in check_tree(content) if p.is_error]


def test_the_real_translations_are_up_to_date() -> None:
    problems = [m for m in messages(REAL) if "/es/" in m]
    assert problems == []
    spanish = sorted((REAL / "es").rglob("*.md"))
    assert len(spanish) == 24  # 6 pages, 9 platform summaries, 9 actions


def test_an_english_page_changed_since_its_translation(tmp_path: Path) -> None:
    content = copy(tmp_path)
    english = content / "platform" / "measurement.md"
    english.write_text(english.read_text() + "\nA new paragraph.\n")
    now = content_hash(english)
    found = [m for m in messages(content) if "translated_from" in m]
    assert found == [
        f"content/es/platform/measurement.md:{_line(content / 'es/platform/measurement.md')}: "
        f"translated_from: the English page content/platform/measurement.md has changed since "
        f"this translation (its hash is now {now}, not "
        f"{_value(content / 'es/platform/measurement.md', 'translated_from')}); bring the "
        f"translation up to date with the English page, then write translated_from: {now}"
    ]


def test_a_translation_whose_original_is_missing(tmp_path: Path) -> None:
    content = copy(tmp_path)
    (content / "platform" / "measurement.md").unlink()
    (content / "actions" / "measurement.md").unlink()
    found = [m for m in messages(content) if "translation_of" in m]
    assert any(m.startswith("content/es/platform/measurement.md:")
               and "the English file content/platform/measurement.md does not exist" in m
               for m in found), found


def test_a_translation_must_name_a_file_of_its_own_folder(tmp_path: Path) -> None:
    content = copy(tmp_path)
    spanish = content / "es" / "platform" / "prevention.md"
    spanish.write_text(spanish.read_text().replace("translation_of: platform/prevention.md",
                                                   "translation_of: actions/prevention.md"))
    assert any("'actions/prevention.md' is not in content/platform/" in m
               for m in messages(content))


def test_a_letter_that_does_not_pair_paragraph_by_paragraph(tmp_path: Path) -> None:
    content = copy(tmp_path)
    spanish = content / "es" / "actions" / "two-cents-for-freedom.md"
    text = spanish.read_text()
    # Join two paragraphs of the Spanish letter into one, and drop a placeholder of the script.
    text = text.replace("{personal}\n\n  Le pido", "{personal} Le pido", 1)
    text = text.replace("código postal {sender_zip}.", "código postal.", 1)
    spanish.write_text(text)
    found = messages(content)
    english = paragraphs(_value(content / "actions/two-cents-for-freedom.md", "letter"))
    assert any(f"letter: has {len(english) - 1} paragraphs, and the English letter in "
               f"content/actions/two-cents-for-freedom.md has {len(english)}" in m for m in found)
    assert any("script: paragraph 1 has the placeholders ['sender_city', 'sender_name'] and "
               "the English one ['sender_city', 'sender_name', 'sender_zip']" in m
               for m in found), found


def _line(path: Path, key: str = "translated_from") -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), start=1)
                if line.startswith(f"{key}:"))


def _value(path: Path, key: str) -> str:
    import yaml

    front = re.match(r"---\n(.*?)\n---", path.read_text(), re.S).group(1)
    return yaml.safe_load(front)[key]


def test_every_page_of_a_pair_links_the_other_both_ways(real_site: Path) -> None:
    """plugins/translations (pages) and plugins/legislators (directory): hreflang both ways,
    a switcher to the other language, the page's own lang and og:locale."""
    from bs4 import BeautifulSoup

    pairs = [("act/two-cents-for-freedom/", "es/act/two-cents-for-freedom/"),
             ("platform/measurement/", "es/platform/measurement/"),
             ("", "es/"), ("get-help/", "es/get-help/"),
             ("representatives/ma/", "es/representatives/ma/")]
    for english, spanish in pairs:
        for path, lang, other in ((english, "en", spanish), (spanish, "es", english)):
            soup = BeautifulSoup((real_site / path / "index.html").read_text(), "html.parser")
            assert soup.html["lang"] == lang
            links = {a["hreflang"]: a["href"] for a in soup.select("link[rel=alternate][hreflang]")}
            assert links == {"en": f"http://127.0.0.1:8000/{english}",
                             "es": f"http://127.0.0.1:8000/{spanish}"}, path
            switch = soup.select_one(".language-switch a")
            assert switch["href"] == f"/{other}" and switch["hreflang"] != lang
            locale = soup.select_one("meta[property='og:locale']")["content"]
            assert locale == ("es_US" if lang == "es" else "en_US")
    summary = BeautifulSoup((real_site / "es/platform/measurement/index.html").read_text(),
                            "html.parser")
    assert summary.select_one(".translation-note a")["href"] == "/platform/measurement/"
