"""The html gate: the Nu HTML checker (node_modules/vnu-jar, Java), zero errors on every page
and every stylesheet. It is slow to start, so it runs in the background while other gates run.
"""

from __future__ import annotations

import json
from pathlib import Path
import shutil
import subprocess

from quality import NODE_MODULES
from quality.results import GateResult

VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def start_vnu(out: Path) -> subprocess.Popen[bytes] | None:
    """Start the Nu HTML checker over every page in the background (it takes a while)."""
    if not VNU_JAR.is_file() or not shutil.which("java"):
        return None
    return subprocess.Popen(
        ["java", "-Xss1024k", "-jar", str(VNU_JAR), "--skip-non-html", "--also-check-css",
         "--errors-only", "--format", "json", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def finish_vnu(proc: subprocess.Popen[bytes] | None, out: Path) -> GateResult:
    """Collect the checker's errors, one problem per message, named by page and line."""
    result = GateResult("html")
    if proc is None:
        result.fail("-", "the Nu HTML checker cannot run: need node_modules/vnu-jar "
                         "(npm ci) and java (apt-get install default-jre-headless)")
        return result
    stdout, stderr = proc.communicate()
    try:
        messages = json.loads(stderr or stdout or b"{}").get("messages", [])
    except json.JSONDecodeError:
        result.fail("-", f"unreadable output from vnu: {(stderr or stdout)[:300]!r}")
        return result
    root = out.resolve().as_uri()
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        url = message.get("url", "-")
        page = url.replace(root, "").replace("file:" + str(out.resolve()), "") or url
        line = message.get("lastLine")
        where = f"{page}:{line}" if line else page
        extract = (message.get("extract") or "").strip().replace("\n", " ")[:80]
        text = message.get("message", "").strip()
        result.fail(where, f"{text}" + (f"  [{extract}]" if extract else ""))
    pages = sum(1 for _ in out.rglob("*.html"))
    result.notes.append(f"{pages} HTML files checked by vnu (in the background, while the "
                        "links and browser gates ran; its time overlaps theirs)")
    return result
