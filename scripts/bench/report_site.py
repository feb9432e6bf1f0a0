"""The report's sections on the real site: page weight, lookup JSON and action-page JavaScript,
the ZIP lookup in Chromium, and main-thread scripting per page.
"""

from __future__ import annotations

from typing import Any

from bench.markdown import get, kb, table
from bench.verdicts import ACTION_JS_GZ, LOOKUP_GZ, PAGE_GZ, SCRIPT_MS


def weights_section(res: Any) -> list[str]:
    """HTML+CSS+JS per page type of the real site, and the list pages at scale."""
    weights = get(res, "weights", []) or []
    out = [
        "## Page weight per page type (the real site)",
        "",
        "HTML plus every stylesheet it links (and @imports) and every script it loads (and "
        "module imports), each once; raw / gzip -9. Images, fonts and favicons are not counted. "
        f"Target: HTML+CSS+JS under {kb(PAGE_GZ)} gzipped.",
        "",
    ]
    if weights:
        out.append(
            table(
                [
                    "page type",
                    "URL",
                    "HTML raw / gz",
                    "CSS raw / gz",
                    "JS raw / gz",
                    "total raw / gz",
                    f"< {kb(PAGE_GZ)} gz",
                ],
                [
                    [
                        w["page"],
                        f"`{w['file']}`",
                        f"{w['html'][0]:,} / {w['html'][1]:,}",
                        f"{w['css'][0]:,} / {w['css'][1]:,}",
                        f"{w['js'][0]:,} / {w['js'][1]:,}",
                        f"{w['total_raw']:,} / **{w['total_gz']:,}**",
                        "pass" if w["total_gz"] < PAGE_GZ else "**FAIL**",
                    ]
                    for w in weights
                ],
            )
        )
        deferred = [
            f"`{w['file']}` loads `{url}` later ({raw:,} B raw, {gzd:,} B gzipped)"
            for w in weights
            for url, raw, gzd in w.get("deferred", [])
        ]
        if deferred:
            out += ["", "Loaded on demand, not counted above: " + "; ".join(deferred) + "."]
        missing_refs = [
            f"`{w['file']}` → {', '.join(w['missing'])}" for w in weights if w["missing"]
        ]
        if missing_refs:
            out += ["", "Referenced but not in the output: " + "; ".join(missing_refs) + "."]
    missing = get(res, "weights_missing", []) or []
    if missing:
        out += ["", "**Page types missing from the build:** " + ", ".join(missing) + "."]
    scaled = get(res, "weights_scaled", []) or []
    if scaled:
        out += [
            "",
            f"The same pages with {scaled[0]['size']:,} synthetic case highlights "
            "(list pages grow with the number of cases):",
            "",
            table(
                ["page type", "URL", "HTML raw / gz", "total gz", f"< {kb(PAGE_GZ)}"],
                [
                    [
                        w["page"],
                        f"`{w['file']}`",
                        f"{w['html'][0]:,} / {w['html'][1]:,}",
                        f"{w['total_gz']:,}",
                        "pass" if w["total_gz"] < PAGE_GZ else "**FAIL**",
                    ]
                    for w in scaled
                ],
            ),
        ]
    return [*out, ""]


def json_section(js: dict[str, Any] | None, action_js: dict[str, Any] | None) -> list[str]:
    """Sizes of the lookup JSON, bytes per lookup, and the action page's JavaScript."""
    out = ["## Lookup JSON and action-page JavaScript", ""]
    if js:
        out.append(
            table(
                ["files", "count", "total raw / gz", "largest", "largest raw / gz"],
                [
                    [
                        "`/api/v1/zip/*.json`",
                        js["zip_count"],
                        f"{js['zip_total'][0]:,} / {js['zip_total'][1]:,}",
                        js["zip_largest"][0],
                        f"{js['zip_largest'][1]:,} / {js['zip_largest'][2]:,}",
                    ],
                    [
                        "`/api/v1/states/*.json`",
                        js["state_count"],
                        f"{js['state_total'][0]:,} / {js['state_total'][1]:,}",
                        js["state_largest"][0],
                        f"{js['state_largest'][1]:,} / {js['state_largest'][2]:,}",
                    ],
                    [
                        "`/api/v1/meta.json`",
                        1 if js["meta"][0] else 0,
                        f"{js['meta'][0]:,} / {js['meta'][1]:,}",
                        "",
                        "",
                    ],
                ],
            )
        )
        out += [
            "",
            f"Bytes per lookup (one ZIP shard + the state file(s) of its districts, gzipped), "
            f"over all {js['lookups']:,} ZIPs: median **{js['per_lookup_median_gz']:,} B**, worst "
            f"**{js['per_lookup_max_gz']:,} B** ({js['per_lookup_max_zip']}). Target "
            f"< {kb(LOOKUP_GZ)}.",
        ]
        if js.get("problems"):
            out += ["", "Problems: " + "; ".join(js["problems"][:10])]
    else:
        out.append(
            "**No `/api/v1/zip` or `/api/v1/states` in the build** (legislators plugin missing)."
        )
    out.append("")
    if action_js:
        out.append(
            f"JavaScript shipped on an action page (`{action_js['file']}`): "
            f"{action_js['raw']:,} B raw, **{action_js['gz']:,} B gzipped** "
            f"({', '.join(action_js['assets']) or 'none'}). Target < {kb(ACTION_JS_GZ)} gzipped."
        )
    else:
        out.append("**No action page in the build**: JavaScript not measured.")
    return [*out, ""]


def lookup_section(lookup: dict[str, Any]) -> list[str]:
    """Time from the button to the members shown, per ZIP."""
    out = ["## ZIP lookup in Chromium (127.0.0.1, no throttling)", ""]
    if lookup.get("missing"):
        return [*out, f"**Not measured:** {lookup['missing']}.", ""]
    if not lookup.get("runs"):
        return [*out, "Not measured.", ""]
    out.append(
        "Measured inside the page: `performance.now()` in a capture-phase `submit` listener, then "
        'in a MutationObserver when `#results` gets `data-state="done"` (members rendered into '
        "the DOM). Each lookup is a fresh browser context (empty cache) on "
        f"`{lookup.get('page')}`. Bytes are response bodies from the network log after the press."
    )
    out.append("")
    if lookup.get("ok"):
        out.append(
            f"Median **{lookup['median_in_page_ms']:.1f} ms** in the page (worst "
            f"{lookup['max_in_page_ms']:.1f} ms), {lookup['median_playwright_ms']:.1f} ms as "
            f"seen by Playwright; {lookup['ok']} of {lookup['count']} lookups finished. "
            f"Downloaded per lookup: median {lookup['median_body_bytes']:,} B, worst "
            f"{lookup['max_body_bytes']:,} B (uncompressed: the test server does not gzip). "
            "*Playwright ms: click() until Python's polling sees the state; it adds protocol "
            "round trips and polling delay (a cross-check, not the figure against the target)."
        )
        out.append("")
    out.append(
        table(
            [
                "ZIP",
                "in page ms",
                "Playwright ms",
                "state",
                "members",
                "requests",
                "bytes",
                "files",
            ],
            [
                [
                    r["zip"],
                    f"{r['in_page_ms']:.1f}",
                    f"{r['playwright_ms']:.1f}",
                    r["state"],
                    r["recipients"],
                    r["requests"],
                    f"{r['body_bytes']:,}",
                    " ".join(r["urls"]),
                ]
                if "error" not in r
                else [r["zip"], "—", "—", "error: " + r["error"], "", "", "", ""]
                for r in lookup["runs"]
            ],
        )
    )
    return [*out, ""]


def scripting_section(rows: list[dict[str, Any]]) -> list[str]:
    """Main-thread scripting per page type, unthrottled and with 4× CPU slowdown."""
    out = ["## Main-thread scripting per page type (Chromium, CDP Performance metrics)", ""]
    if not rows:
        return [*out, "Not measured.", ""]
    out.append(
        "`ScriptDuration` (main-thread CPU time, `timeDomain: threadTicks`) of one fresh page "
        "load plus 300 ms idle: median of 3 loads "
        "unthrottled, and one load with 4× CPU slowdown (as Lighthouse's mobile preset). "
        f"Target: no page over {SCRIPT_MS:.0f} ms (judged unthrottled)."
    )
    out.append("")
    out.append(
        table(
            ["page", "URL", "script ms", "script ms (4× CPU)", "all tasks ms", "result"],
            [
                [
                    r["page"],
                    f"`{r['file']}`",
                    f"{r['x1']:.1f}",
                    f"{r['x4']:.1f}",
                    f"{r['x1_task']:.1f}",
                    "pass" if r["x1"] <= SCRIPT_MS else "**FAIL**",
                ]
                for r in rows
            ],
        )
    )
    return [*out, ""]
