"""The interface words of each language, for templates: `t("nav.platform")`.

One YAML file per language in the theme (theme/strings/<code>.yaml); every language has
exactly the words of the default language (a missing or extra word stops the build, naming
the file and the words). The language of what a template writes is its `lang_code` (pages
a generator writes itself, such as the Spanish directory), else the page's or article's
`lang`, else DEFAULT_LANG. pelicanconf.py hands `t` and `language_of` to Jinja
(JINJA_GLOBALS), so the theme works with any set of plugins.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import functools
from pathlib import Path
from typing import Any

from jinja2 import pass_context
import yaml

from pluginkit import SettingsError

from .formats import datetime_format, ordinal

STRINGS = "strings"  # the folder in the theme


class WordsError(SettingsError):
    """A file of interface words is wrong; the message names it and the fix."""


@dataclass(frozen=True, slots=True)
class Language:
    """One language of the site (from LANGUAGES in pelicanconf.py)."""

    code: str
    name: str
    locale: str
    prefix: str  # "" for the default language, "es/" for Spanish


def flatten(tree: Mapping[str, Any], where: str = "") -> dict[str, str]:
    """Turn nested words ({"nav": {"home": "Home"}}) into {"nav.home": "Home"}."""
    found: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{where}{key}"
        if isinstance(value, Mapping):
            found.update(flatten(value, f"{name}."))
        else:
            found[name] = str(value)
    return found


def read_words(path: Path) -> dict[str, str]:
    """Read one file of interface words."""
    try:
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise WordsError(f"theme/{STRINGS}/{path.name}: cannot be read ({error}); write one "
                         "'key: words' per line") from error
    if not isinstance(tree, Mapping):
        raise WordsError(f"theme/{STRINGS}/{path.name}: is not a list of 'key: words' lines")
    return flatten(tree)


@functools.lru_cache(maxsize=8)
def words_of(theme: str, codes: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Every language's words (the first code is the default); all must have the same keys."""
    folder = Path(theme) / STRINGS
    words = {code: read_words(folder / f"{code}.yaml") for code in codes}
    base = set(words[codes[0]])
    for code, found in words.items():
        missing, extra = sorted(base - set(found)), sorted(set(found) - base)
        if missing or extra:
            raise WordsError(
                f"theme/{STRINGS}/{code}.yaml: "
                + "; ".join(filter(None, (
                    f"missing {', '.join(missing[:8])}" if missing else "",
                    f"not in {codes[0]}.yaml: {', '.join(extra[:8])}" if extra else "",
                )))
                + f"; every language needs exactly the words of {codes[0]}.yaml"
            )
    return words


_LANGUAGES: dict[int, tuple[Any, tuple[Language, ...]]] = {}


def languages(settings: Mapping[str, Any]) -> tuple[Language, ...]:
    """The site's languages, the default one first (read once per LANGUAGES setting: every
    `t()` of every page asks)."""
    default = str(settings.get("DEFAULT_LANG", "en"))
    raw = settings.get("LANGUAGES") or {default: {"name": default, "locale": "", "prefix": ""}}
    hit = _LANGUAGES.get(id(raw))
    if hit is not None and hit[0] is raw and hit[1][0].code == default:
        return hit[1]
    found = [Language(str(code), str(spec["name"]), str(spec["locale"]), str(spec["prefix"]))
             for code, spec in raw.items()]
    result = tuple(sorted(found, key=lambda lang: (lang.code != default, lang.code)))
    if len(_LANGUAGES) > 16:
        _LANGUAGES.clear()
    _LANGUAGES[id(raw)] = (raw, result)
    return result


def code_of(context: Mapping[str, Any]) -> str:
    """The language of what a template is writing now."""
    if context.get("lang_code"):
        return str(context["lang_code"])
    item = context.get("page") or context.get("article")
    return str(getattr(item, "lang", None) or context.get("DEFAULT_LANG", "en"))


@pass_context
def language_of(context: Any) -> Language:
    """The Language of what a template is writing now."""
    langs = languages(context)
    code = code_of(context)
    return next((lang for lang in langs if lang.code == code), langs[0])


# The words of the page being written, found once per render (a page asks `t()` some forty
# times): keyed by the render's context dict, which is kept with the entry to rule out a
# reused id.
_PAGE_WORDS: dict[int, tuple[Any, str, dict[str, str]]] = {}


def _words_here(context: Any) -> tuple[str, dict[str, str]]:
    """The language code and the words of what a template is writing now."""
    parent = getattr(context, "parent", None)
    hit = _PAGE_WORDS.get(id(parent)) if parent is not None else None
    if hit is not None and hit[0] is parent:
        return hit[1], hit[2]
    langs = languages(context)
    words = words_of(str(context.get("THEME", "theme")), tuple(lang.code for lang in langs))
    code = code_of(context)
    found = words.get(code, words[langs[0].code])
    if parent is not None:
        if len(_PAGE_WORDS) > 8:
            _PAGE_WORDS.clear()
        _PAGE_WORDS[id(parent)] = (parent, code, found)
    return code, found


@pass_context
def t(context: Any, key: str, **values: Any) -> str:
    """The words for `key` in the page's language, with `{name}` filled from `values`."""
    code, found = _words_here(context)
    text = found.get(key)
    if text is None:
        raise WordsError(f"theme/{STRINGS}/{code}.yaml: no words '{key}'; add '{key}' to "
                         "every language's file")
    return text.format(**values) if values else text


@pass_context
def date_filter(context: Any, value: Any) -> str:
    """`{{ day | datetime_format }}`: the date as readers of the page's language write it."""
    return datetime_format(value, code_of(context))


@pass_context
def ordinal_filter(context: Any, value: Any) -> str:
    """`{{ 120 | ordinal }}`: "120th", or "120.º" on a Spanish page."""
    return f"{int(value)}.º" if code_of(context) == "es" else ordinal(value)


GLOBALS = {"t": t, "language_of": language_of}
FILTERS = {"datetime_format": date_filter, "ordinal": ordinal_filter}
