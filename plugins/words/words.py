"""Receivers: write each language's words module and action entry module into the output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pelican import signals

from formats.words import languages, words_of

FOLDER = "theme/js"  # in the output, beside the theme's scripts (minified after this)
HEADER = "// Written by plugins/words from theme/strings/{code}.yaml (js:); edit that file.\n"


def words_module(code: str, words: dict[str, str]) -> str:
    """The ES module that exports one language's script words."""
    found = {k[3:]: v for k, v in sorted(words.items()) if k.startswith("js.")}
    body = json.dumps(found, ensure_ascii=False, indent=0, sort_keys=True)
    return HEADER.format(code=code) + f"export default {body};\n"


def entry_module(code: str) -> str:
    """The action page's entry module for one language: its words, then the page's script."""
    return (HEADER.format(code=code)
            + f"import words from './words-{code}.js';\n"
            + "import { start } from './action.js';\n\nstart(words);\n")


def write_modules(pelican: Any) -> None:
    """Write words-<code>.js and action-<code>.js for every language of the site."""
    settings = pelican.settings
    langs = languages(settings)
    words = words_of(str(settings.get("THEME", "theme")), tuple(lang.code for lang in langs))
    folder = Path(str(settings["OUTPUT_PATH"])) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        for name, text in ((f"words-{lang.code}.js", words_module(lang.code, words[lang.code])),
                           (f"action-{lang.code}.js", entry_module(lang.code))):
            path = folder / name
            data = text.encode("utf-8")
            if not path.is_file() or path.read_bytes() != data:
                path.write_bytes(data)


def register() -> None:
    """Connect receivers; no logic here (runs before plugins/minify: order in PLUGINS)."""
    signals.finalized.connect(write_modules)
