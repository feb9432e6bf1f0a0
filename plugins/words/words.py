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
    """The action page's module for one language: its script words, then the page's script
    started with them (one module per language: a page never loads another's words)."""
    found = {k[3:]: v for k, v in sorted(words.items()) if k.startswith("js.")}
    body = json.dumps(found, ensure_ascii=False, indent=0, sort_keys=True)
    return (HEADER.format(code=code) + "import { start } from './action.js';\n\n"
            + f"start({body});\n")


def write_modules(pelican: Any) -> None:
    """Write action-<code>.js (the words and the start) for every language of the site."""
    settings = pelican.settings
    langs = languages(settings)
    words = words_of(str(settings.get("THEME", "theme")), tuple(lang.code for lang in langs))
    folder = Path(str(settings["OUTPUT_PATH"])) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        path = folder / f"action-{lang.code}.js"
        data = words_module(lang.code, words[lang.code]).encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)


def register() -> None:
    """Connect receivers; no logic here (runs before plugins/minify: order in PLUGINS)."""
    signals.finalized.connect(write_modules)
