"""The legislator data stage and the per-plugin times, measured inside real builds.

Method 1 (the figure judged): the real site built in-process by bench.instrument, a wall clock
around the plugin's own code, median of several builds. Method 2 (a cross-check): whole builds
with and without the plugin, a difference of two noisy figures.
"""

from __future__ import annotations

from pathlib import Path
import shutil
import statistics
import subprocess
import sys
from typing import Any

from bench import ROOT
from bench.builds import count_html, pelican_cmd, python_json, run_build
from bench.results import Results, log
from bench.sites import NO_CACHE, prepare_ours_content, write_ours_settings

# The data stage is short and the machine noisy: at least this many instrumented builds.
DATA_STAGE_RUNS = 5


def instrumented_build(
    settings: Path, output: Path, plugins: list[str], env: dict[str, str]
) -> tuple[dict[str, Any] | None, str]:
    """Build once in a subprocess with `plugins` timed (bench.instrument); its JSON or the error."""
    return python_json(
        ["-m", "bench.instrument", str(settings), str(output), *plugins],
        env,
        cwd=settings.parent,
    )


def plugin_list(settings: Path, env: dict[str, str]) -> list[str]:
    """PLUGINS of our config, as Pelican reads it."""
    code = (
        "import json,sys;from pelican.settings import read_settings;"
        "print(json.dumps(read_settings(sys.argv[1])['PLUGINS']))"
    )
    plugins, _ = python_json(["-c", code, str(settings)], env)
    return [str(p) for p in plugins] if isinstance(plugins, list) else []


def measure_data_stage(tmp: Path, env: dict[str, str], runs: int, res: Results) -> Path | None:
    """Build the real content with our config; time the legislators plugin inside the build.

    Returns the output folder of the real site (for page weight and the browser), or None.
    """
    work = tmp / "real"
    content = work / "content"
    shutil.rmtree(work, ignore_errors=True)
    real_cases = ROOT / "content" / "cases"
    prepare_ours_content(content, real_cases if real_cases.is_dir() else None)
    settings = write_ours_settings(work, content, NO_CACHE)
    output = work / "out"
    log("real site: warm-up build (fills the legislator cache)")
    seconds, peak, status, err = run_build(pelican_cmd(content, output, settings), env, output)
    res.data_stage["real_build"] = {
        "seconds": seconds,
        "peak_mib": peak,
        "status": status,
        "html_files": count_html(output),
        "error": err if status else "",
    }
    if status:
        res.notes.append(
            f"**The real site did not build (status {status}); page weight and browser figures "
            f"below come from its partial output.** Last lines of the log: {err}"
        )
    timings: list[dict[str, Any]] = []
    for i in range(max(runs, DATA_STAGE_RUNS)):
        timing, error = instrumented_build(settings, work / "out-stage", ["legislators"], env)
        if timing is None:
            res.data_stage["error"] = error
            break
        timings.append(timing)
        log(f"data stage run {i + 1}: {timings[-1]['plugin_seconds']:.3f} s in the plugin")
    if timings:
        wrapped = timings[0]["wrapped"]
        res.data_stage.update(
            {
                "method": "in-process wall clock around the plugin's receivers and generators",
                "plugin_seconds": statistics.median(t["plugin_seconds"] for t in timings),
                "plugin_runs": [t["plugin_seconds"] for t in timings],
                "build_seconds": statistics.median(t["total_seconds"] for t in timings),
                "calls": timings[0]["calls"],
                "wrapped": wrapped,
            }
        )
        if not wrapped.get("receivers") and not wrapped.get("generators"):
            res.data_stage["missing"] = (
                "the legislators plugin connects no receiver and defines no generator"
            )
    _with_and_without(tmp, env, runs, settings=settings, content=content, res=res)
    log("real site: search index (pagefind), as make html does")
    pf = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(output), "--silent"],
        capture_output=True,
        text=True,
        check=False,
    )
    if pf.returncode:
        res.notes.append(f"pagefind failed on the real site: {pf.stderr.strip()[-300:]}")
    return output


def _with_and_without(
    tmp: Path, env: dict[str, str], runs: int, *, settings: Path, content: Path, res: Results
) -> None:
    """Method 2: whole builds of the real site with and without the legislators plugin."""
    plugins = plugin_list(settings, env)
    if "legislators" not in plugins:
        return
    without = [p for p in plugins if p != "legislators"]
    settings_without = write_ours_settings(
        tmp / "real-without", content, f"{NO_CACHE}\nPLUGINS = {without!r}"
    )
    with_s: list[float] = []
    without_s: list[float] = []
    for _ in range(runs):
        for target, bucket in ((settings, with_s), (settings_without, without_s)):
            out_dir = target.parent / "out-diff"
            shutil.rmtree(out_dir, ignore_errors=True)
            sec, _, st, err = run_build(pelican_cmd(content, out_dir, target), env, out_dir)
            if st:
                res.data_stage["diff_error"] = err
                break
            bucket.append(sec)
    if len(with_s) == len(without_s) == runs:
        res.data_stage["with_plugin_seconds"] = statistics.median(with_s)
        res.data_stage["without_plugin_seconds"] = statistics.median(without_s)


def measure_plugins(tmp: Path, env: dict[str, str], size: int, res: Results) -> None:
    """One instrumented build of our site with `size` cases: the time spent in each plugin."""
    content = tmp / f"ours-{size}" / "content"
    if not content.is_dir():
        return
    settings = write_ours_settings(tmp / f"plugins-{size}", content, NO_CACHE)
    log(f"per-plugin times: one instrumented build with {size:,} cases")
    data, error = instrumented_build(settings, settings.parent / "out", ["ALL"], env)
    if data is None:
        res.plugin_times = {"size": size, "error": error}
        return
    res.plugin_times = {
        "size": size,
        "build_seconds": data["total_seconds"],
        "plugins": data["plugins"],
    }
