"""The scripts' words: one small ES module per language, written from theme/strings.

For each language in LANGUAGES, `theme/js/words-<code>.js` exports the words under `js:` in
theme/strings/<code>.yaml, and `theme/js/action-<code>.js` starts the action page with them;
a page loads its own language's module only. The words have one owner, the YAML file.
"""

from .words import register

__all__ = ["register"]
