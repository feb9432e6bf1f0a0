"""The report's build sections: ours against plain Pelican, where our build's time goes, and
the legislator data stage.
"""

from __future__ import annotations

from typing import Any

from bench.markdown import get, mib, table
from bench.verdicts import build_medians, ratios


def builds_section(res: Any) -> list[str]:
    """Ours ÷ plain Pelican per size and mode, and the log of any failed build."""
    rows = ratios(build_medians(get(res, "builds", [])))
    parts = [
        "## Build: ours ÷ plain Pelican (same synthetic case highlights, same run)",
        "",
        "Plain = Pelican's default theme, no plugins, native `Key: value` metadata (same data), "
        "quickstart settings (tooling.md Appendix B). Ours = pelicanconf.py with our theme and all "
        "plugins, YAML front matter, the real content/ pages, legislator data from the local "
        "snapshot with a warm cache. Cold = empty content cache (the build writes it); warm = the "
        "same build again with Pelican's content cache. Wall time is the whole process (start-up "
        "included); peak = max RSS of the build process (os.wait4). Builds are interleaved "
        "(plain, ours, plain, ours…) so load drift hits both. Marginal = what the synthetic "
        "cases themselves cost: (ours with N cases − ours with none) ÷ (plain with N − plain "
        "with none), from the baseline builds of 0 cases made in the same run.",
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
                    "marginal ours/plain",
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
                        "—" if r.get("marginal") is None else f"**{r['marginal']:.2f}×**",
                        _fmt_build(r["plain"]),
                        _fmt_build(r["ours"]),
                        mib(r["plain"] and r["plain"]["peak_mib"]),
                        mib(r["ours"]["peak_mib"]),
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
            for k, v in build_medians(get(res, "builds", [])).items()
            if v["error"]
        }
        for name, err in errors.items():
            parts += ["", f"Build failure ({name}):", "", "```", err, "```"]
    else:
        parts.append("Not run.")
    return parts


def _fmt_build(b: dict[str, Any] | None) -> str:
    if not b:
        return "—"
    if b["seconds"] is None:
        return f"failed ({b['runs'] - b['ok']} of {b['runs']})"
    lo, hi = b["spread"]
    return f"{b['seconds']:.2f} ({lo:.2f}–{hi:.2f})"


def plugin_times_section(times: dict[str, Any]) -> list[str]:
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


def data_stage_section(stage: dict[str, Any]) -> list[str]:
    """The legislators plugin's time inside a build, and the with/without cross-check."""
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
