"""`make bench`: build time against plain Pelican, page weight, lookup time (`python -m bench`).

runner.py runs the parts in order: builds.py (synthetic builds, corpus.py and words.py
write the cases, sites.py the settings and content folders), datastage.py (the plugins timed
inside a build by instrument.py), weight.py (page and JSON sizes), browser.py (Chromium);
verdicts.py judges the targets and report.py (with report_builds.py, report_site.py and
markdown.py) writes the Markdown report.
"""

from __future__ import annotations

from pathlib import Path
import sys

ROOT = Path(__file__).resolve().parents[2]
# content_schema (the case format the synthetic cases are checked against) is a plugin.
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))
