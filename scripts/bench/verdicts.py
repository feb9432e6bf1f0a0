"""The benchmark's targets (issues 3, 4 and 6) and whether each was met: PASS, FAIL or NOT
MEASURED, from the figures alone (nothing here measures anything, so it is tested on tiny
hand-made inputs).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
import statistics
from typing import Any

from bench.markdown import KB, get, kb

BUILD_RATIO = 1.3
# What the case highlights themselves cost us against plain Pelican: the build of N cases
# minus the build of none, in each configuration (issue 13's target).
MARGINAL_RATIO = 1.1
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



def build_medians(builds: Iterable[Any]) -> dict[tuple[str, int, str], dict[str, Any]]:
    """Median seconds and peak memory per (config, size, mode), over successful runs."""
    groups: dict[tuple[str, int, str], list[Any]] = {}
    for b in builds:
        groups.setdefault((get(b, "config"), get(b, "size"), get(b, "mode")), []).append(b)
    out: dict[tuple[str, int, str], dict[str, Any]] = {}
    for key, runs in groups.items():
        ok = [r for r in runs if get(r, "status") == 0]
        out[key] = {
            "runs": len(runs),
            "ok": len(ok),
            "seconds": statistics.median(get(r, "seconds") for r in ok) if ok else None,
            "spread": (min(get(r, "seconds") for r in ok), max(get(r, "seconds") for r in ok))
            if ok
            else None,
            "peak_mib": max(get(r, "peak_mib") for r in ok) if ok else None,
            "html_files": get(ok[-1], "html_files") if ok else 0,
            "error": next((get(r, "error") for r in runs if get(r, "status") != 0), ""),
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
                "marginal": marginal(medians, size, mode),
            }
        )
    return rows


def marginal(
    medians: dict[tuple[str, int, str], dict[str, Any]], size: int, mode: str
) -> float | None:
    """(ours with N cases - ours with none) / (plain with N - plain with none), or None."""
    if size == 0:
        return None
    seconds = {
        (config, n): (medians.get((config, n, mode)) or {}).get("seconds")
        for config in ("ours", "plain") for n in (0, size)
    }
    if None in seconds.values():
        return None
    plain = seconds["plain", size] - seconds["plain", 0]
    ours = seconds["ours", size] - seconds["ours", 0]
    return ours / plain if plain > 0 else None


def verdicts(res: Any) -> list[Verdict]:
    """Pass or fail per target of issues 3, 4 and 6."""
    out: list[Verdict] = []
    rows = ratios(build_medians(get(res, "builds", [])))
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
    margins = [r for r in rows if r.get("marginal") is not None]
    if margins:
        worst = max(margins, key=lambda r: r["marginal"])
        out.append(Verdict(
            f"the cases themselves cost ≤ {MARGINAL_RATIO}× plain Pelican (marginal time)",
            f"worst {worst['marginal']:.2f}× ({worst['size']:,} cases, {worst['mode']})",
            worst["marginal"] <= MARGINAL_RATIO,
        ))
    stage = get(res, "data_stage", {}) or {}
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
    weights = list(get(res, "weights", []) or []) + list(get(res, "weights_scaled", []) or [])
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
    js = get(res, "json_sizes")
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
    action_js = get(res, "action_js")
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
    lookup = get(res, "lookup", {}) or {}
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
    scripting = get(res, "scripting", []) or []
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
