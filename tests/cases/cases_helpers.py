"""Shared helpers of the case-highlight tests: a tiny site and a strict subprocess build."""

from __future__ import annotations

import json
import os
from pathlib import Path
import shutil
import subprocess
import sys

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SITE = FIXTURES / "cases-site"
BAD = FIXTURES / "content-bad"
# The plugins a case site needs; the legislator data and actions are not part of it.
PLUGINS = ["sitemaps", "sections", "content_schema", "outcomes"]


def tiny_site(tmp: Path) -> Path:
    """Copy the fixture site into `tmp` (so a test can add a broken file) and return it."""
    content = tmp / "content"
    shutil.copytree(SITE, content)
    return content


def strict_build(content: Path, output: Path) -> subprocess.CompletedProcess[str]:
    """Build `content` into `output` strictly, as `make html` does (scripts/sitebuild.py)."""
    command = [
        sys.executable, str(ROOT / "scripts" / "sitebuild.py"), str(content), "-o", str(output),
        "-s", str(ROOT / "pelicanconf.py"), "--fatal", "warnings",
        "-e", f"PLUGINS={json.dumps(PLUGINS)}",
        f"CACHE_PATH={json.dumps(str(output.parent / '.cache'))}",
    ]
    # A narrow terminal: the messages must still be one line each.
    env = {**os.environ, "COLUMNS": "40", "TERM": "dumb", "NO_COLOR": "1"}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120, check=False)


def html_files(output: Path) -> list[Path]:
    """Return every HTML file written into `output`."""
    return sorted(output.rglob("*.html")) if output.exists() else []
