"""The links gate: LinkChecker with its AnchorCheck plugin over the site served on 127.0.0.1,
every page a start URL: zero broken links and zero missing #fragments.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
import shutil
import subprocess
import tempfile
from urllib.parse import urlsplit

from quality import ROOT
from quality.results import GateResult
from quality.urls import url_of

# maxrequestspersecond above 10 applies only when the server sends a "LinkChecker" header,
# which scripts/serve_headers.py does for LinkChecker.
LINKCHECKER_RC = (
    "[checking]\nthreads=4\nmaxrequestspersecond=200\n"
    "[filtering]\ncheckextern=0\n[AnchorCheck]\n"
)


def linkchecker() -> Path | None:
    """The LinkChecker of the project's venv, else one on PATH, else None."""
    exe = ROOT / ".venv" / "bin" / "linkchecker"
    if exe.exists():
        return exe
    found = shutil.which("linkchecker")
    return Path(found) if found else None


def links_gate(out: Path, origin: str) -> GateResult:
    """LinkChecker with AnchorCheck over the served site, every page a start URL."""
    result = GateResult("links")
    exe = linkchecker()
    if exe is None:
        result.fail("-", "LinkChecker is not installed (pip install -e '.[dev]')")
        return result
    urls = [origin + url_of(p.relative_to(out).as_posix()) for p in sorted(out.rglob("*.html"))]
    with tempfile.TemporaryDirectory(prefix="linkcheck-") as tmp:
        config = Path(tmp) / "linkcheckerrc"
        config.write_text(LINKCHECKER_RC)
        os.chmod(tmp, 0o755)
        os.chmod(config, 0o644)
        proc = subprocess.run(
            [str(exe), "-f", str(config), "--no-status", "--no-robots", "--verbose", "-o", "csv",
             *urls],
            capture_output=True,
            text=True,
            check=False,
        )
    rows = [line for line in proc.stdout.splitlines() if line and not line.startswith("#")]
    seen: set[tuple[str, str]] = set()
    checked = 0
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        checked += 1
        url = row.get("url") or row.get("urlname") or "?"
        parent = row.get("parentname") or url
        parent_page = urlsplit(parent).path or "/"
        target = url.replace(origin, "")
        if row.get("valid") == "False":
            key = (parent_page, target)
            if key not in seen:
                seen.add(key)
                result.fail(parent_page, f"broken link {target} ({row.get('result', '').strip()})")
        warning = row.get("warningstring") or ""
        if "Anchor" in warning and "not found" in warning:
            key = (parent_page, target)
            if key not in seen:
                seen.add(key)
                fragment = urlsplit(url).fragment
                result.fail(parent_page, f"link {target}: no element with id=\"{fragment}\" there")
    if proc.returncode not in (0, 1) or (checked == 0 and urls):
        result.fail("-", f"LinkChecker did not run properly (exit {proc.returncode}): "
                         f"{proc.stderr.strip()[-400:]}")
    result.notes.append(f"{len(urls)} pages as start URLs, {checked} links reported")
    return result
