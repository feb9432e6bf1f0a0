"""The quality gates of `make check`, one module per gate; `python -m quality` runs them all.

build (build.py), page-types (page_types.py), static (static.py), html (vnu.py),
links (links.py), browser (browser.py) and lighthouse (lighthouse.py); runner.py orders
them and prints the summary. chromium.py and localserver.py are shared with the tests and
the benchmark (scripts/bench).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
