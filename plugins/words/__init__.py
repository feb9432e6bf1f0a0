"""The scripts' words: one small ES module per language, written from theme/strings.

For each language in LANGUAGES, `theme/js/action-<code>.js` holds the words under `js:` in
theme/strings/<code>.yaml and starts the action page (action.js) with them; a page loads its
own language's module only. The words have one owner, the YAML file.
"""

from .words import register

__all__ = ["register"]
