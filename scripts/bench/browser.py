"""Browser figures for the benchmark: ZIP lookup timing and main-thread scripting per page.

Debian's Chromium through Playwright, against the built site served on 127.0.0.1 by a small
standard-library server (quality.localserver.serve_static: no compression, like
`python -m http.server`). Nothing leaves the machine.

Lookup timing is measured *inside the page*: `performance.now()` in a capture-phase `submit`
listener on `window` (it runs before the page's own handler on the form), and again in a
MutationObserver callback when `#results` gets `data-state="done"` (or `"error"`), which the
action page sets once the members are rendered into the DOM. Every lookup runs in a fresh browser
context (empty HTTP cache, no stored ZIP), as a first-time visitor's would. The Playwright-side
wall time (click to seeing the state) is recorded too, as a cross-check with protocol overhead.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
import random
import statistics
import time
from typing import Any

from bench.results import Results, log
from quality.chromium import CHROMIUM, launch
from quality.localserver import serve_static

FIXED_ZIPS = ("02139", "20001", "82001")
# Scripting time per page: (key, CPU slowdown, loads); the median of the loads is reported.
SCRIPTING_RUNS = (("x1", 1.0, 3), ("x4", 4.0, 1))

ARM = """() => {
  const form = document.querySelector('form#zip-form');
  const results = document.querySelector('#results');
  if (!form || !results || !document.querySelector('#zip')) return 'missing';
  const bench = {t0: null, t1: null, state: null};
  window.__bench = bench;
  results.removeAttribute('data-state');
  window.addEventListener('submit', (event) => {
    if (event.target === form && bench.t0 === null) bench.t0 = performance.now();
  }, true);
  new MutationObserver(() => {
    const state = results.getAttribute('data-state');
    if ((state === 'done' || state === 'error') && bench.t0 !== null && bench.t1 === null) {
      bench.t1 = performance.now();
      bench.state = state;
      const stepper = document.querySelector('#stepper');
      bench.recipients = stepper ? Number(stepper.dataset.total || 0) : 0;
    }
  }).observe(results, {attributes: true, attributeFilter: ['data-state']});
  return 'ok';
}"""


def _submit(page: Any) -> None:
    button = page.query_selector("form#zip-form [type=submit], form#zip-form button:not([type])")
    if button is not None:
        button.click()
    else:
        page.press("#zip", "Enter")


def one_lookup(browser: Any, url: str, zip_code: str, timeout_ms: int = 10_000) -> dict[str, Any]:
    """Load the action page fresh, type `zip_code`, press the button; return the figures."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        if page.evaluate(ARM) != "ok":
            return {"zip": zip_code, "error": "no form#zip-form, input#zip or #results on the page"}
        page.fill("#zip", zip_code)
        responses: list[Any] = []
        page.on("response", lambda response: responses.append(response))  # noqa: PLW0108 (Playwright cannot wrap a bound builtin)
        start = time.perf_counter()
        _submit(page)
        try:
            page.wait_for_function("() => window.__bench.t1 !== null", timeout=timeout_ms)
        except Exception:  # Playwright's TimeoutError
            return {
                "zip": zip_code,
                "error": f"#results never got data-state done/error in {timeout_ms} ms",
            }
        wall = time.perf_counter() - start
        bench = page.evaluate("() => window.__bench")
        body = transfer = 0
        urls: list[str] = []
        for response in responses:
            sizes = response.request.sizes()
            body += sizes.get("responseBodySize", 0)
            transfer += sizes.get("responseBodySize", 0) + sizes.get("responseHeadersSize", 0)
            urls.append(response.url.split("/", 3)[-1])
        return {
            "zip": zip_code,
            "in_page_ms": bench["t1"] - bench["t0"],
            "playwright_ms": wall * 1000,
            "state": bench["state"],
            "recipients": bench.get("recipients", 0),
            "requests": len(responses),
            "body_bytes": body,
            "transfer_bytes": transfer,
            "urls": sorted(urls),
        }
    finally:
        context.close()


def lookups(browser: Any, url: str, zips: list[str]) -> dict[str, Any]:
    """Run one lookup per ZIP; return every lookup and the medians."""
    runs = [one_lookup(browser, url, z) for z in zips]
    good = [r for r in runs if "error" not in r]
    summary: dict[str, Any] = {"runs": runs, "ok": len(good), "count": len(runs)}
    if good:
        summary["median_in_page_ms"] = statistics.median(r["in_page_ms"] for r in good)
        summary["max_in_page_ms"] = max(r["in_page_ms"] for r in good)
        summary["median_playwright_ms"] = statistics.median(r["playwright_ms"] for r in good)
        summary["median_body_bytes"] = int(statistics.median(r["body_bytes"] for r in good))
        summary["max_body_bytes"] = max(r["body_bytes"] for r in good)
    return summary


def scripting(browser: Any, url: str, throttle: float = 1.0, lookup_zip: str | None = None) -> dict:
    """Main-thread time of one fresh page load (CDP Performance metrics), in milliseconds.

    With `lookup_zip`, a lookup is made after the load and its scripting is included.
    """
    context = browser.new_context()
    page = context.new_page()
    try:
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable", {"timeDomain": "threadTicks"})
        if throttle != 1.0:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)  # let module scripts and idle callbacks finish
        if lookup_zip is not None:
            if page.evaluate(ARM) != "ok":
                return {"error": "no lookup form on the page"}
            page.fill("#zip", lookup_zip)
            _submit(page)
            page.wait_for_function("() => window.__bench.t1 !== null", timeout=10_000)
            page.wait_for_timeout(100)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        return {
            "script_ms": metrics.get("ScriptDuration", 0.0) * 1000,
            "task_ms": metrics.get("TaskDuration", 0.0) * 1000,
            "layout_ms": metrics.get("LayoutDuration", 0.0) * 1000,
        }
    finally:
        context.close()


def pick_zips(output: Path, count: int, seed: int) -> list[str]:
    """The fixed ZIPs of the issue plus a seeded sample of the ZIPs the site knows."""
    known: list[str] = []
    for shard in sorted((output / "api" / "v1" / "zip").glob("*.json")):
        with contextlib.suppress(OSError, ValueError):
            known += sorted(json.loads(shard.read_text(encoding="utf-8")))
    if not known:
        return list(FIXED_ZIPS)[:count]
    fixed = [z for z in FIXED_ZIPS if z in set(known)]
    rest = sorted(set(known) - set(fixed))
    sample = random.Random(seed).sample(rest, max(0, min(len(rest), count - len(fixed))))
    return fixed + sorted(sample)


def _scripting_entry(
    browser: Any, url: str, page: str, file: str, lookup_zip: str | None = None
) -> dict[str, Any]:
    """Scripting of one page (medians of SCRIPTING_RUNS), optionally with one lookup."""
    entry: dict[str, Any] = {"page": page, "file": file}
    for key, throttle, count in SCRIPTING_RUNS:
        runs = [scripting(browser, url, throttle, lookup_zip) for _ in range(count)]
        entry[key] = statistics.median(r.get("script_ms", 0.0) for r in runs)
        entry[key + "_task"] = statistics.median(r.get("task_ms", 0.0) for r in runs)
    return entry


def measure_browser(output: Path, lookups_count: int, seed: int, res: Results) -> None:
    """Lookup timing on an action page and scripting time per page type, in Chromium."""
    if not Path(CHROMIUM).exists():
        res.notes.append("Chromium is not installed: no browser figures (make deps installs it).")
        return
    pages = {w["page"]: w["file"] for w in res.weights}
    with serve_static(output) as base, launch() as browser:
        action = pages.get("action page")
        if action:
            zips = pick_zips(output, lookups_count, seed)
            log(f"lookups: {len(zips)} ZIPs on {action}")
            res.lookup = lookups(browser, base + action, zips)
            res.lookup["page"] = action
        else:
            res.lookup = {"missing": "no action page in the build"}
        for page_type, path in pages.items():
            entry = _scripting_entry(browser, base + path, page_type, path)
            res.scripting.append(entry)
            log(f"scripting {page_type}: {entry['x1']:.1f} ms")
        if action and res.lookup.get("ok"):
            zip_code = res.lookup["runs"][0]["zip"]
            res.scripting.append(
                _scripting_entry(
                    browser, base + action, "action page + one lookup", f"{action} ({zip_code})",
                    zip_code,
                )
            )
