"""The theme's JavaScript, minified at build time with terser (node_modules, `make deps`).

The sources in theme/static/js stay readable ES modules; the site ships them minified
(about a third smaller gzipped), so the action page keeps under its 15 KB budget.
"""

from .minify import register

__all__ = ["register"]
