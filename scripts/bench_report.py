"""The Markdown report of scripts/bench.py: figures, ratios, targets and pass/fail per target.

`render(results)` takes the benchmark's Results object (or anything with the same attributes)
and never measures anything itself, so it can be tested on tiny hand-made inputs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
import statistics
from typing import Any

KB = 1000  # targets are in kilobytes of 1,000 bytes (the stricter reading)
BUILD_RATIO = 1.3
DATA_STAGE_S = 1.0
PAGE_GZ = 50 * KB
LOOKUP_GZ = 20 * KB
ACTION_JS_GZ = 15 * KB
LOOKUP_MS = 100.0
SCRIPT_MS = 100.0


@dataclass(frozen=True)
class Verdict:
    """One target and what was measured against it."""

    target: str
    measured: str
    passed: bool | None  # None: not measured

    @property
    def mark(self) -> str:
        """PASS, FAIL or NOT MEASURED."""
        return {True: "PASS", False: "FAIL", None: "NOT MEASURED"}[self.passed]


def kb(n: float) -> str:
    """Bytes as kilobytes (1 KB = 1,000 bytes) with one decimal."""
    return f"{n / KB:.1f} KB"


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def table(headers: list[str], rows: Iterable[list[Any]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def build_medians(builds: Iterable[Any]) -> dict[tuple[str, int, str], dict[str, Any]]:
    """Median seconds and peak memory per (config, size, mode), over successful runs."""
    groups: dict[tuple[str, int, str], list[Any]] = {}
    for b in builds:
        groups.setdefault((_get(b, "config"), _get(b, "size"), _get(b, "mode")), []).append(b)
    out: dict[tuple[str, int, str], dict[str, Any]] = {}
    for key, runs in groups.items():
        ok = [r for r in runs if _get(r, "status") == 0]
        out[key] = {
            "runs": len(runs),
            "ok": len(ok),
            "seconds": statistics.median(_get(r, "seconds") for r in ok) if ok else None,
            "spread": (min(_get(r, "seconds") for r in ok), max(_get(r, "seconds") for r in ok))
            if ok
            else None,
            "peak_mib": max(_get(r, "peak_mib") for r in ok) if ok else None,
            "html_files": _get(ok[-1], "html_files") if ok else 0,
            "error": next((_get(r, "error") for r in runs if _get(r, "status") != 0), ""),
        }
    return out


def ratios(medians: dict[tuple[str, int, str], dict[str, Any]]) -> list[dict[str, Any]]:
    """Ours / plain per (size, mode), where both were measured."""
    rows = []
    for (config, size, mode), ours in sorted(medians.items(), key=lambda kv: (kv[0][1], kv[0][2])):
        if config != "ours":
            continue
        plain = medians.get(("plain", size, mode))
        ratio = None
        if plain and plain["seconds"] and ours["seconds"]:
            ratio = ours["seconds"] / plain["seconds"]
        mem = None
        if plain and plain["peak_mib"] and ours["peak_mib"]:
            mem = ours["peak_mib"] / plain["peak_mib"]
        rows.append(
            {
                "size": size,
                "mode": mode,
                "ours": ours,
                "plain": plain,
                "ratio": ratio,
                "mem_ratio": mem,
            }
        )
    return rows


def verdicts(res: Any) -> list[Verdict]:
    """Pass or fail per target of issues 3, 4 and 6."""
    out: list[Verdict] = []
    rows = ratios(build_medians(_get(res, "builds", [])))
    measured = [r for r in rows if r["ratio"] is not None]
    if measured:
        worst = max(measured, key=lambda r: r["ratio"])
        out.append(
            Verdict(
                f"our full build ≤ {BUILD_RATIO}× plain Pelican (every size and mode)",
                f"worst {worst['ratio']:.2f}× ({worst['size']:,} cases, {worst['mode']})",
                worst["ratio"] <= BUILD_RATIO,
            )
        )
    else:
        out.append(Verdict(f"our full build ≤ {BUILD_RATIO}× plain Pelican", "no pair built", None))
    stage = _get(res, "data_stage", {}) or {}
    secs = stage.get("plugin_seconds")
    if secs is not None and not stage.get("missing"):
        out.append(
            Verdict(
                f"legislator data stage < {DATA_STAGE_S:.0f} s (full Congress)",
                f"{secs:.3f} s",
                secs < DATA_STAGE_S,
            )
        )
    else:
        out.append(
            Verdict(
                f"legislator data stage < {DATA_STAGE_S:.0f} s",
                stage.get("missing") or stage.get("error", "not measured")[:120],
                None,
            )
        )
    weights = list(_get(res, "weights", []) or []) + list(_get(res, "weights_scaled", []) or [])
    if weights:
        heaviest = max(weights, key=lambda w: w["total_gz"])
        label = heaviest["page"] + (
            f" at {heaviest['size']:,} cases" if heaviest.get("size") else ""
        )
        out.append(
            Verdict(
                f"every page < {kb(PAGE_GZ)} HTML+CSS+JS gzipped",
                f"heaviest {kb(heaviest['total_gz'])} ({label}, {heaviest['file']})",
                heaviest["total_gz"] < PAGE_GZ,
            )
        )
    else:
        out.append(Verdict(f"every page < {kb(PAGE_GZ)} gzipped", "no page measured", None))
    js = _get(res, "json_sizes")
    if js and js.get("lookups"):
        out.append(
            Verdict(
                f"one ZIP lookup downloads < {kb(LOOKUP_GZ)} gzipped (worst ZIP)",
                f"worst {kb(js['per_lookup_max_gz'])} ({js['per_lookup_max_zip']}), "
                f"median {kb(js['per_lookup_median_gz'])}",
                js["per_lookup_max_gz"] < LOOKUP_GZ,
            )
        )
    else:
        out.append(Verdict(f"one ZIP lookup < {kb(LOOKUP_GZ)} gzipped", "no lookup JSON", None))
    action_js = _get(res, "action_js")
    if action_js:
        out.append(
            Verdict(
                f"JavaScript on an action page < {kb(ACTION_JS_GZ)} gzipped",
                f"{kb(action_js['gz'])} gzipped ({kb(action_js['raw'])} raw)",
                action_js["gz"] < ACTION_JS_GZ,
            )
        )
    else:
        out.append(
            Verdict(f"JavaScript on an action page < {kb(ACTION_JS_GZ)}", "no action page", None)
        )
    lookup = _get(res, "lookup", {}) or {}
    if lookup.get("median_in_page_ms") is not None:
        out.append(
            Verdict(
                f"lookup, button to members shown < {LOOKUP_MS:.0f} ms (median)",
                f"{lookup['median_in_page_ms']:.1f} ms median of {lookup['ok']}",
                lookup["median_in_page_ms"] < LOOKUP_MS and lookup["ok"] == lookup["count"],
            )
        )
    else:
        reason = lookup.get("missing") or next(
            (r.get("error") for r in lookup.get("runs", []) if r.get("error")), "not measured"
        )
        out.append(Verdict(f"lookup < {LOOKUP_MS:.0f} ms", reason, None))
    scripting = _get(res, "scripting", []) or []
    if scripting:
        worst = max(scripting, key=lambda s: s["x1"])
        out.append(
            Verdict(
                f"no page over {SCRIPT_MS:.0f} ms of main-thread scripting",
                f"worst {worst['x1']:.1f} ms ({worst['page']})",
                worst["x1"] <= SCRIPT_MS,
            )
        )
    else:
        out.append(Verdict(f"no page over {SCRIPT_MS:.0f} ms of scripting", "not measured", None))
    return out


def _secs(v: float | None) -> str:
    return "—" if v is None else f"{v:.2f}"


def render(res: Any) -> str:
    """The whole report as Markdown."""
    m = _get(res, "machine", {})
    opts = _get(res, "options", {})
    parts = [
        f"# Benchmark report, {_get(res, 'started')}",
        "",
        f"Machine: {m.get('nproc')} cores ({m.get('cpu', '?')}), {m.get('memory', '?')} RAM, "
        f"{m.get('os', '?')}. Python {m.get('python')}, Pelican {m.get('pelican')}, Markdown "
        f"{m.get('markdown')}, Playwright {m.get('playwright')}, {m.get('chromium')}. "
        f"Tree: {m.get('commit')}. Load average (1, 5, 15 min) at start "
        f"{m.get('load_start', '?')}, "
        f"at end {m.get('load_end', '?')}.",
        "",
        f"Options: sizes {', '.join(f'{s:,}' for s in opts.get('sizes', []))}; "
        f"{opts.get('runs')} runs per build (median); {opts.get('lookups')} lookups; "
        f"seed {opts.get('seed')}; time budget {opts.get('budget_min', '?')} min. "
        f"Finished {_get(res, 'finished')}.",
        "",
        "## Targets",
        "",
        table(
            ["target", "measured", "result"],
            [[v.target, v.measured, f"**{v.mark}**"] for v in verdicts(res)],
        ),
        "",
    ]
    rows = ratios(build_medians(_get(res, "builds", [])))
    parts += [
        "## Build: ours ÷ plain Pelican (same synthetic case highlights, same run)",
        "",
        "Plain = Pelican's default theme, no plugins, native `Key: value` metadata (same data), "
        "quickstart settings (tooling.md Appendix B). Ours = pelicanconf.py with our theme and all "
        "plugins, YAML front matter, the real content/ pages, legislator data from the local "
        "snapshot with a warm cache. Cold = empty content cache (the build writes it); warm = the "
        "same build again with Pelican's content cache. Wall time is the whole process (start-up "
        "included); peak = max RSS of the build process (os.wait4). Builds are interleaved "
        "(plain, ours, plain, ours…) so load drift hits both.",
        "",
    ]
    if rows:
        parts.append(
            table(
                [
                    "cases",
                    "mode",
                    "runs",
                    "ratio ours/plain",
                    "plain s (min–max)",
                    "ours s (min–max)",
                    "plain MiB",
                    "ours MiB",
                    "memory ratio",
                    "HTML files plain / ours",
                ],
                [
                    [
                        f"{r['size']:,}",
                        r["mode"],
                        r["ours"]["ok"],
                        "—" if r["ratio"] is None else f"**{r['ratio']:.2f}×**",
                        _fmt_build(r["plain"]),
                        _fmt_build(r["ours"]),
                        _mib(r["plain"] and r["plain"]["peak_mib"]),
                        _mib(r["ours"]["peak_mib"]),
                        "—" if r["mem_ratio"] is None else f"{r['mem_ratio']:.2f}×",
                        f"{(r['plain'] or {}).get('html_files', 0):,} / "
                        f"{r['ours']['html_files']:,}",
                    ]
                    for r in rows
                ],
            )
        )
        errors = {
            f"{k[0]} {k[1]} {k[2]}": v["error"]
            for k, v in build_medians(_get(res, "builds", [])).items()
            if v["error"]
        }
        for name, err in errors.items():
            parts += ["", f"Build failure ({name}):", "", "```", err, "```"]
    else:
        parts.append("Not run.")
    parts += ["", *_plugin_times(_get(res, "plugin_times", {}) or {})]
    parts += ["", *_data_stage(_get(res, "data_stage", {}) or {}), ""]
    parts += _weights(res)
    parts += _json(_get(res, "json_sizes"), _get(res, "action_js"))
    parts += _lookup(_get(res, "lookup", {}) or {})
    parts += _scripting(_get(res, "scripting", []) or [])
    notes = _get(res, "notes", []) or []
    if notes:
        parts += ["## Notes", "", *[f"- {n}" for n in notes], ""]
    return "\n".join(parts).rstrip() + "\n"


def _mib(v: float | None) -> str:
    return "—" if not v else f"{v:.0f}"


def _fmt_build(b: dict[str, Any] | None) -> str:
    if not b:
        return "—"
    if b["seconds"] is None:
        return f"failed ({b['runs'] - b['ok']} of {b['runs']})"
    lo, hi = b["spread"]
    return f"{b['seconds']:.2f} ({lo:.2f}–{hi:.2f})"


def _plugin_times(times: dict[str, Any]) -> list[str]:
    """Where our build's time goes: seconds inside each plugin during one build."""
    if not times:
        return []
    out = [f"### Where our build's time goes ({times['size']:,} cases, one build, no cache)", ""]
    if times.get("error"):
        return [*out, "Not measured:", "", "```", times["error"], "```"]
    total = times["build_seconds"]
    rows = []
    for name, entry in sorted(times["plugins"].items(), key=lambda kv: -kv[1]["seconds"]):
        calls = sorted(entry["calls"].items(), key=lambda kv: -kv[1])[:3]
        rows.append(
            [
                f"`{name}`",
                f"{entry['seconds']:.2f}",
                f"{100 * entry['seconds'] / total:.0f} %" if total else "—",
                ", ".join(f"{k} {v:.2f} s" for k, v in calls) or "nothing timed",
            ]
        )
    out.append(
        f"Seconds spent inside each plugin's receivers, generators and readers during one "
        f"in-process build of {total:.2f} s (same method as the data stage below). A "
        "plugin's reader is timed only if it defines `read` itself (its time then includes "
        "the Markdown rendering plain Pelican does too); otherwise reading is under "
        "'everything else'."
    )
    rest = total - sum(e["seconds"] for e in times["plugins"].values())
    rows.append(
        [
            "everything else",
            f"{rest:.2f}",
            f"{100 * rest / total:.0f} %" if total else "—",
            "Pelican itself: start-up, finding files, templates, writing pages",
        ]
    )
    out += ["", table(["plugin", "s", "share", "main entry points"], rows)]
    return out


def _data_stage(stage: dict[str, Any]) -> list[str]:
    out = ["## Legislator data stage (full Congress, local snapshot, warm cache)", ""]
    real = stage.get("real_build")
    if real:
        out.append(
            f"The real site (content/ as it is) builds in {real['seconds']:.2f} s, "
            f"{real['peak_mib']:.0f} MiB peak, {real['html_files']:,} HTML files "
            f"(first build, status {real['status']})."
        )
        out.append("")
    if "plugin_seconds" in stage:
        out.append(
            "Time inside the legislators plugin during a build: "
            f"**{stage['plugin_seconds']:.3f} s** median of {len(stage['plugin_runs'])} builds, "
            f"fastest {min(stage['plugin_runs']):.3f} s (runs "
            + ", ".join(f"{s:.3f}" for s in stage["plugin_runs"])
            + f"), of a {stage['build_seconds']:.2f} s in-process build. Method: "
            f"{stage['method']} (outermost calls only, no profiler). The target is judged on "
            "the median."
        )
        wrapped = stage.get("wrapped", {})
        out.append("")
        out.append(
            "Timed: "
            + (
                ", ".join(wrapped.get("receivers", []) + wrapped.get("generators", []))
                or "nothing (the plugin registers nothing yet)"
            )
            + "."
        )
        calls = stage.get("calls") or {}
        if calls:
            out += [
                "",
                table(
                    ["plugin entry point", "s (first run)"],
                    [[k, f"{v:.3f}"] for k, v in sorted(calls.items(), key=lambda kv: -kv[1])],
                ),
            ]
    if stage.get("error"):
        out += ["", "Data stage measurement failed:", "", "```", stage["error"], "```"]
    if "with_plugin_seconds" in stage:
        diff = stage["with_plugin_seconds"] - stage["without_plugin_seconds"]
        out += [
            "",
            f"Cross-check, whole builds of the real site with and without the plugin: "
            f"{stage['with_plugin_seconds']:.2f} s vs {stage['without_plugin_seconds']:.2f} s "
            f"(difference {diff:+.2f} s, includes the directory pages and JSON it writes and the "
            f"machine's noise).",
        ]
    elif stage.get("diff_error"):
        out += [
            "",
            "Cross-check without the plugin could not build (another plugin depends on it):",
            "",
            "```",
            stage["diff_error"],
            "```",
        ]
    return out


def _weights(res: Any) -> list[str]:
    weights = _get(res, "weights", []) or []
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
    missing = _get(res, "weights_missing", []) or []
    if missing:
        out += ["", "**Page types missing from the build:** " + ", ".join(missing) + "."]
    scaled = _get(res, "weights_scaled", []) or []
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


def _json(js: dict[str, Any] | None, action_js: dict[str, Any] | None) -> list[str]:
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


def _lookup(lookup: dict[str, Any]) -> list[str]:
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


def _scripting(rows: list[dict[str, Any]]) -> list[str]:
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
