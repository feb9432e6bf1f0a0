"""The lighthouse gate: Lighthouse 12 (mobile) on home, a platform page and an action page:
accessibility, best practices and SEO 1.0 (100), performance at least 0.95.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
import subprocess
import tempfile
from typing import Any

from quality import NODE_MODULES
from quality.chromium import CHROMIUM, CHROMIUM_ARGS
from quality.page_types import PAGE_TYPES
from quality.results import GateResult

NODE_BIN = NODE_MODULES / ".bin"
LIGHTHOUSE_MIN = {"accessibility": 1.0, "best-practices": 1.0, "seo": 1.0, "performance": 0.95}


def _lighthouse_run(url: str, report: Path) -> tuple[dict[str, Any] | None, str]:
    """One Lighthouse run (mobile, simulated throttling); the report, or None and why."""
    proc = subprocess.run(
        [str(NODE_BIN / "lighthouse"), url, "--quiet", "--output=json",
         f"--output-path={report}",
         "--only-categories=performance,accessibility,best-practices,seo",
         f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=False,
    )
    if proc.returncode != 0 or not report.is_file():
        return None, f"Lighthouse failed (exit {proc.returncode}): {proc.stderr.strip()[-300:]}"
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        return None, f"Lighthouse runtime error: {data['runtimeError']}"
    return data, ""


def _scores(data: dict[str, Any]) -> dict[str, float | None]:
    return {k: v.get("score") for k, v in data["categories"].items()}


def _passes(scores: dict[str, float | None]) -> bool:
    return all((scores.get(c) or 0) >= m for c, m in LIGHTHOUSE_MIN.items())


def lighthouse_gate(base_url: str, pages: dict[str, str | None], runs: int = 3) -> GateResult:
    """Lighthouse 12, mobile, on home, a platform page and an action page.

    One run per page; a page that misses a threshold (or a run that Lighthouse itself
    aborts, such as NO_NAVSTART) is run again, up to `runs` runs in all, and the page is judged
    on the median run by performance score (Lighthouse CI's median-run), because performance
    on a shared 2-core machine varies from run to run.
    """
    result = GateResult("lighthouse")
    if not (NODE_BIN / "lighthouse").exists():
        result.fail("-", "node_modules/.bin/lighthouse is missing (npm ci)")
        return result
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        for t in PAGE_TYPES:
            path = pages.get(t.name)
            if not t.lighthouse or not path:
                continue
            reports: list[dict[str, Any]] = []
            error = ""
            for attempt in range(runs):
                report = Path(tmp) / f"{t.name}-{attempt}.json"
                data, error = _lighthouse_run(base_url + path, report)
                if data is None:  # e.g. NO_NAVSTART: Lighthouse itself asks to run again
                    result.notes.append(f"{path}: run {attempt + 1} gave no report: {error[:120]}")
                    continue
                reports.append(data)
                if len(reports) == 1 and _passes(_scores(data)):
                    break
            if not reports:
                result.fail(path, error)
                continue
            reports.sort(key=lambda d: _scores(d).get("performance") or 0)
            data = reports[len(reports) // 2]
            scores = _scores(data)
            all_perf = ", ".join(str(round((_scores(d).get("performance") or 0) * 100))
                                 for d in reports)
            result.notes.append(
                f"{path} [{t.name}]: "
                + ", ".join(f"{k} {'-' if v is None else round(v * 100)}" for k, v in
                            scores.items())
                + (f" (median of {len(reports)} runs; performance {all_perf})"
                   if len(reports) > 1 else "")
            )
            for category, minimum in LIGHTHOUSE_MIN.items():
                score = scores.get(category)
                if score is None or score < minimum:
                    audits = _failing_audits(data, category)
                    result.fail(
                        path,
                        f"{category} {score} < {minimum}; failing audits: "
                        f"{audits or 'none listed'}",
                    )
    return result


def _failing_audits(data: dict[str, Any], category: str) -> str:
    refs = data["categories"][category].get("auditRefs", [])
    bad = []
    for ref in refs:
        audit = data["audits"].get(ref["id"], {})
        score = audit.get("score")
        if ref.get("weight", 0) > 0 and score is not None and score < 1:
            value = audit.get("displayValue")
            bad.append(f"{ref['id']} ({score}{', ' + value if value else ''})")
    return "; ".join(bad)
