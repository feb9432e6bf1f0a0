"""The Markdown report of the benchmark: figures, ratios, targets and pass/fail per target.

`render(results)` takes the benchmark's Results object (or anything with the same attributes,
or its saved JSON) and never measures anything itself, so it can be tested on tiny hand-made
inputs. The sections are in report_builds.py and report_site.py; the targets in verdicts.py.
"""

from __future__ import annotations

from typing import Any

from bench.markdown import get, table
from bench.report_builds import builds_section, data_stage_section, plugin_times_section
from bench.report_site import json_section, lookup_section, scripting_section, weights_section
from bench.verdicts import verdicts


def render(res: Any) -> str:
    """The whole report as Markdown."""
    m = get(res, "machine", {})
    opts = get(res, "options", {})
    parts = [
        f"# Benchmark report, {get(res, 'started')}",
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
        f"Finished {get(res, 'finished')}.",
        "",
        "## Targets",
        "",
        table(
            ["target", "measured", "result"],
            [[v.target, v.measured, f"**{v.mark}**"] for v in verdicts(res)],
        ),
        "",
    ]
    parts += builds_section(res)
    parts += ["", *plugin_times_section(get(res, "plugin_times", {}) or {})]
    parts += ["", *data_stage_section(get(res, "data_stage", {}) or {}), ""]
    parts += weights_section(res)
    parts += json_section(get(res, "json_sizes"), get(res, "action_js"))
    parts += lookup_section(get(res, "lookup", {}) or {})
    parts += scripting_section(get(res, "scripting", []) or [])
    notes = get(res, "notes", []) or []
    if notes:
        parts += ["## Notes", "", *[f"- {n}" for n in notes], ""]
    return "\n".join(parts).rstrip() + "\n"
