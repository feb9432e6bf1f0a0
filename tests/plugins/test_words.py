"""The interface words (theme/strings/<lang>.yaml): every word a template or a script asks
for exists in every language, no language has a word the others lack, and no word is dead."""

from __future__ import annotations

from pathlib import Path
import re

from jinja2 import Environment
import pytest

from formats.words import WordsError, flatten, read_words, t, words_of
from words.words import words_module

ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "theme"
CODES = tuple(sorted(p.stem for p in (THEME / "strings").glob("*.yaml")))
JS = sorted((THEME / "static" / "js").glob("*.js"))
# Keys a script builds from data: titles by seat and gender, ZIP errors by code.
BUILT = {f"title_{seat}_{g}" for seat in ("senator", "representative", "delegate",
                                           "commissioner") for g in "fm"}
BUILT |= {f"zip_{code}" for code in ("empty", "letters", "short", "long", "plus4")}
BUILT |= {f"party_{party}" for party in ("democrat", "republican", "independent")}
BUILT |= {f"done_{channel}" for channel in ("call", "write", "print")}


def script_keys() -> set[str]:
    """Every literal key inside a w(...) call of the theme's scripts (ternaries included)."""
    keys: set[str] = set()
    for path in JS:
        text = path.read_text(encoding="utf-8")
        for call in re.finditer(r"\bw\(((?:[^()]|\([^()]*\))*)\)", text):
            # Conditions (has('senate'), === 'F') and built keys (`title_${…}`) are not keys.
            args = re.sub(r"has\('[^']*'\)|===? '[^']*'|`[^`]*`", "", call.group(1))
            keys |= set(re.findall(r"'([a-z][a-z0-9_]*)'", args))
    return keys


def quoted_in_scripts() -> set[str]:
    """Every quoted name in the scripts (a key may be passed on, as in official(c, 'key'))."""
    return {m for path in JS for m in re.findall(r"'([a-z][a-z0-9_]*)'", path.read_text())}


def template_keys() -> set[str]:
    found: set[str] = set()
    for path in (THEME / "templates").rglob("*.html"):
        found |= set(re.findall(r"""\bt\(["']([a-z0-9_.]+)["']""", path.read_text()))
    return found


def test_every_language_has_exactly_the_same_words() -> None:
    words = words_of(str(THEME), ("en", *[c for c in CODES if c != "en"]))
    assert set(words) == set(CODES)


def test_every_word_the_templates_ask_for_exists() -> None:
    words = read_words(THEME / "strings" / "en.yaml")
    literal = {k for k in template_keys() if not k.endswith(("_", "."))}
    assert sorted(literal - set(words)) == []
    # Keys a template builds: who an action asks, titles and parties by the data.
    built = {f"targets.{t}" for t in ("senate", "house", "senate_house")}
    built |= {f"js.{k}" for k in BUILT if k.startswith(("title_", "party_"))}
    assert sorted(built - set(words)) == []


def test_every_word_the_scripts_ask_for_exists_and_none_is_dead() -> None:
    words = {k[3:] for k in read_words(THEME / "strings" / "en.yaml") if k.startswith("js.")}
    assert sorted((script_keys() | BUILT) - words) == []
    assert sorted(words - quoted_in_scripts() - BUILT) == []


def test_a_missing_word_is_an_error_naming_the_file_and_the_key(tmp_path: Path) -> None:
    strings = tmp_path / "strings"
    strings.mkdir()
    (strings / "en.yaml").write_text("nav:\n  home: Home\n  act: Act\n")
    (strings / "es.yaml").write_text("nav:\n  home: Inicio\n")
    with pytest.raises(WordsError, match=r"theme/strings/es.yaml: missing nav.act"):
        words_of(str(tmp_path), ("en", "es"))


def test_t_uses_the_language_of_the_page_and_fills_values(tmp_path: Path) -> None:
    strings = tmp_path / "strings"
    strings.mkdir()
    (strings / "en.yaml").write_text('greet: "Hello, {name}"\njs:\n  call: Call\n')
    (strings / "es.yaml").write_text('greet: "Hola, {name}"\njs:\n  call: Llamar\n')
    env = Environment(autoescape=True)
    env.globals.update(t=t)
    settings = {"THEME": str(tmp_path), "DEFAULT_LANG": "en",
                "LANGUAGES": {"en": {"name": "English", "locale": "en_US", "prefix": ""},
                              "es": {"name": "Español", "locale": "es_US", "prefix": "es/"}}}
    page = env.from_string('{{ t("greet", name="Ana") }}')
    assert page.render(settings, lang_code="es") == "Hola, Ana"
    assert page.render(settings) == "Hello, Ana"
    words = words_of(str(tmp_path), ("en", "es"))
    module = words_module("es", words["es"])
    assert "import { start } from './action.js';" in module
    assert module.endswith('start({\n"call": "Llamar"\n});\n')
    assert "greet" not in module  # only the scripts' words


def test_flatten_joins_nested_keys() -> None:
    assert flatten({"a": {"b": "x", "c": {"d": "y"}}, "e": "z"}) == {
        "a.b": "x", "a.c.d": "y", "e": "z"}
