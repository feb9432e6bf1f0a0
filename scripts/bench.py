#!/usr/bin/env python3
"""`make bench`: how fast the site builds against plain Pelican, how heavy its pages are, how fast
the ZIP lookup is. Prints a Markdown report and writes it (and the raw figures as JSON) to bench/.

Not a test: nothing here asserts; each target is reported as pass or fail. Absolute seconds vary
by machine and load (about ±15 % on the reference machine), so the report leads with ratios of our
build to plain Pelican measured on the same machine in the same run, with builds interleaved.

    scripts/bench.py                 # 1,000 and 5,000 synthetic case highlights, up to 3 runs
                                     # each within a 13-minute budget (--budget)
    scripts/bench.py --quick         # 1,000 only
    scripts/bench.py --sizes 200,1000 --runs 5 --lookups 20
    scripts/bench.py --render bench/bench-<stamp>.json   # reprint a saved report
"""

from __future__ import annotations

import argparse
import contextlib
from dataclasses import asdict, dataclass, field
import datetime as dt
import json
import os
from pathlib import Path
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "plugins"))

import bench_corpus  # noqa: E402
import bench_report  # noqa: E402
import bench_weight  # noqa: E402
from chromium import CHROMIUM  # noqa: E402

SHARED_DATA = ROOT.parent / "shared" / "data"
# Real content folders copied into our synthetic site (cases are replaced by the synthetic ones).
REAL_FOLDERS = ("pages", "platform", "actions", "extra", "images", "charts")
# The real pages converted for plain Pelican, so both builds render the same Markdown.
PLAIN_PAGE_FOLDERS = ("pages", "platform", "actions")
FIXED_ZIPS = ("02139", "20001", "82001")
# Scripting time per page: (key, CPU slowdown, loads); the median of the loads is reported.
SCRIPTING_RUNS = (("x1", 1.0, 3), ("x4", 4.0, 1))
# The data stage is short and the machine noisy: at least this many instrumented builds.
DATA_STAGE_RUNS = 5
# Time kept for the browser part when deciding whether another build run fits the budget.
BROWSER_RESERVE_S = 120.0

PLAIN_SETTINGS = """# Plain Pelican: default theme, no plugins (tooling.md Appendix B).
AUTHOR = "Bench Author"
SITENAME = "Bench Site"
SITEURL = ""
PATH = {path!r}
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
RELATIVE_URLS = True
DEFAULT_PAGINATION = 10
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = {cache!r}
"""

OURS_SETTINGS = """# Our site: pelicanconf.py (theme, all plugins) on the benchmark's folders.
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F403

PATH = {path!r}
CACHE_PATH = {cache!r}
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
LEGISLATORS_CACHE_PATH = {legcache!r}
{extra}
"""


@dataclass
class Build:
    """One build run as a subprocess."""

    config: str
    size: int
    mode: str
    seconds: float
    peak_mib: float
    html_files: int
    status: int
    error: str = ""


@dataclass
class Results:
    """Everything measured in one run of the benchmark."""

    started: str
    machine: dict[str, str]
    options: dict[str, Any]
    builds: list[Build] = field(default_factory=list)
    data_stage: dict[str, Any] = field(default_factory=dict)
    weights: list[dict[str, Any]] = field(default_factory=list)
    weights_missing: list[str] = field(default_factory=list)
    weights_scaled: list[dict[str, Any]] = field(default_factory=list)
    json_sizes: dict[str, Any] | None = None
    action_js: dict[str, Any] | None = None
    lookup: dict[str, Any] = field(default_factory=dict)
    scripting: list[dict[str, Any]] = field(default_factory=list)
    plugin_times: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    finished: str = ""


def log(message: str) -> None:
    """Progress on stderr (the report goes to stdout)."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _cmd_version(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "not available"
    return (
        (out.stdout or out.stderr).strip().splitlines()[-1] if (out.stdout or out.stderr) else "?"
    )


def machine() -> dict[str, str]:
    """Describe the machine and the tool versions."""
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kib / 1024 / 1024:.1f} GiB"
    from importlib.metadata import version

    commit = _cmd_version(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "memory": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "pelican": version("pelican"),
        "markdown": version("markdown"),
        "playwright": version("playwright"),
        "chromium": _cmd_version([CHROMIUM, "--version"]),
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "load_start": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def run_build(cmd: list[str], env: dict[str, str], output: Path) -> tuple[float, float, int, str]:
    """Run one build; return (wall seconds, peak RSS MiB, exit status, stderr tail)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=str(output.parent)
    )
    assert proc.stdout is not None
    err = proc.stdout.read()  # Pelican's log (rich) goes to stdout
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = [" ".join(line.split()) for line in err.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line and set(line) - set("^~ ")]
    errors = [line for line in lines if re.search(r"Error|Exception|CRITICAL|ERROR", line)]
    tail = errors[-3:] or lines[-8:]
    # ru_maxrss is in KiB on Linux: the peak of the build process itself.
    return seconds, usage.ru_maxrss / 1024, proc.returncode, "\n".join(tail)


def pelican_cmd(content: Path, output: Path, settings: Path) -> list[str]:
    """The build command, as `make html` runs it (without --fatal: a warning must not stop us).

    Not `-q`: it would hide the error of a failed build; Pelican's few INFO lines cost nothing.
    """
    return [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-o",
        str(output),
        "-s",
        str(settings),
    ]


def count_html(output: Path) -> int:
    """HTML files written."""
    return sum(1 for _ in output.rglob("*.html")) if output.is_dir() else 0


def build_pair(
    config: str, size: int, content: Path, settings: Path, *, env: dict[str, str], runs: list[Build]
) -> Path:
    """Build cold (empty content cache, the build writes it) then warm; append both runs."""
    work = settings.parent
    output = work / "out"
    for d in (output, work / "cache"):
        shutil.rmtree(d, ignore_errors=True)
    for mode in ("cold", "warm"):
        seconds, peak, status, err = run_build(pelican_cmd(content, output, settings), env, output)
        runs.append(
            Build(
                config, size, mode, seconds, peak, count_html(output), status, err if status else ""
            )
        )
        log(f"{config:5} {size:>5} {mode}: {seconds:6.2f} s, {peak:5.0f} MiB, status {status}")
    return output


def prepare_ours_content(dest: Path, cases: Path | None) -> None:
    """Copy the real content folders (not cases) and, if given, the synthetic cases into `dest`."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for folder in REAL_FOLDERS:
        if (ROOT / "content" / folder).is_dir():
            shutil.copytree(ROOT / "content" / folder, dest / folder)
    if cases is not None:
        shutil.copytree(cases, dest / "cases")
    else:
        (dest / "cases").mkdir()


def write_ours_settings(work: Path, content: Path, extra: str = "") -> Path:
    """Settings file for our site in `work` (its cache folders live there too)."""
    work.mkdir(parents=True, exist_ok=True)
    settings = work / "settings.py"
    settings.write_text(
        OURS_SETTINGS.format(
            root=str(ROOT),
            path=str(content),
            cache=str(work / "cache"),
            legcache=str(work.parent / "legislators-cache"),
            extra=extra,
        ),
        encoding="utf-8",
    )
    return settings


def ensure_sources(env: dict[str, str], notes: list[str]) -> None:
    """Point the legislator plugin at the local snapshot when the caller did not."""
    if "LEGISLATORS_SOURCE" in env:
        return
    if (SHARED_DATA / "congress-legislators").is_dir():
        env["LEGISLATORS_SOURCE"] = str(SHARED_DATA / "congress-legislators")
        env["LEGISLATORS_ZIP_SOURCE"] = str(SHARED_DATA / "zcta-cd" / "zccd.csv")
        notes.append(f"Legislator data from the local snapshot {SHARED_DATA}.")
    else:
        notes.append(
            "LEGISLATORS_SOURCE is not set and ../shared/data is absent: the plugin may try the "
            "network or build without data."
        )


def plugin_list(settings: Path, env: dict[str, str]) -> list[str]:
    """PLUGINS of our config, as Pelican reads it."""
    code = (
        "import json,sys;from pelican.settings import read_settings;"
        "print(json.dumps(read_settings(sys.argv[1])['PLUGINS']))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(settings)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return [str(p) for p in json.loads(out.stdout.strip().splitlines()[-1])]
    except (ValueError, IndexError):
        return []


def measure_data_stage(tmp: Path, env: dict[str, str], runs: int, res: Results) -> Path | None:
    """Build the real content with our config; time the legislators plugin inside the build.

    Returns the output folder of the real site (for page weight and the browser), or None.
    """
    work = tmp / "real"
    content = work / "content"
    shutil.rmtree(work, ignore_errors=True)
    content.mkdir(parents=True)
    for folder in (*REAL_FOLDERS, "cases"):
        if (ROOT / "content" / folder).is_dir():
            shutil.rmtree(content / folder, ignore_errors=True)
            shutil.copytree(ROOT / "content" / folder, content / folder)
    settings = write_ours_settings(
        work, content, "CACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False"
    )
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
        out = subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "bench_datastage.py"),
                str(settings),
                str(work / "out-stage"),
                "legislators",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            cwd=str(work),
        )
        try:
            timings.append(json.loads(out.stdout.strip().splitlines()[-1]))
        except (ValueError, IndexError):
            res.data_stage["error"] = (out.stderr or out.stdout).strip()[-800:]
            break
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
    # Method 2: whole builds with and without the plugin (a difference of two noisy figures).
    plugins = plugin_list(settings, env)
    if "legislators" in plugins:
        without = [p for p in plugins if p != "legislators"]
        settings_without = write_ours_settings(
            tmp / "real-without",
            content,
            f"CACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False\nPLUGINS = {without!r}",
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


def measure_builds(
    tmp: Path,
    env: dict[str, str],
    sizes: list[int],
    *,
    runs: int,
    seed: int,
    res: Results,
    deadline: float,
) -> dict[int, Path]:
    """Build every size with plain Pelican and with our config, interleaved; keep our outputs.

    Every size gets at least one run; further runs (up to `runs`) are made only while the
    projected finish (this size's next run, one run of each larger size scaled by its case
    count, and the browser part) stays before `deadline` (time.monotonic()).
    """
    ours_outputs: dict[int, Path] = {}
    for index, size in enumerate(sizes):
        log(f"generating {size} synthetic case highlights (seed {seed})")
        corpus = tmp / f"corpus-{size}"
        folders = bench_corpus.write_corpus(corpus, size, seed)
        bench_corpus.write_plain_pages(
            ROOT / "content", folders["plain"] / "pages", PLAIN_PAGE_FOLDERS
        )
        ours_content = tmp / f"ours-{size}" / "content"
        prepare_ours_content(ours_content, folders["yaml"])
        plain_work = tmp / f"plain-{size}"
        plain_work.mkdir(parents=True, exist_ok=True)
        plain_settings = plain_work / "settings.py"
        plain_settings.write_text(
            PLAIN_SETTINGS.format(path=str(folders["plain"]), cache=str(plain_work / "cache")),
            encoding="utf-8",
        )
        ours_settings = write_ours_settings(tmp / f"ours-{size}", ours_content)
        if size == sizes[0]:
            log("warm-up build of plain Pelican (discarded)")
            run_build(
                pelican_cmd(folders["plain"], plain_work / "out", plain_settings),
                env,
                plain_work / "out",
            )
        for run in range(runs):
            start = time.monotonic()
            build_pair("plain", size, folders["plain"], plain_settings, env=env, runs=res.builds)
            ours_outputs[size] = build_pair(
                "ours", size, ours_content, ours_settings, env=env, runs=res.builds
            )
            pair = time.monotonic() - start
            later = sum(pair * s / size for s in sizes[index + 1 :])
            if run + 1 < runs and time.monotonic() + pair + later + BROWSER_RESERVE_S > deadline:
                res.notes.append(
                    f"{size:,} cases: {run + 1} run(s) instead of {runs}, to stay within the "
                    f"time budget (--budget); one run pair took {pair:.0f} s."
                )
                break
    return ours_outputs


def measure_plugins(tmp: Path, env: dict[str, str], size: int, res: Results) -> None:
    """One instrumented build of our site with `size` cases: the time spent in each plugin."""
    content = tmp / f"ours-{size}" / "content"
    if not content.is_dir():
        return
    settings = write_ours_settings(
        tmp / f"plugins-{size}", content, "CACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False"
    )
    log(f"per-plugin times: one instrumented build with {size:,} cases")
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "bench_datastage.py"),
            str(settings),
            str(settings.parent / "out"),
            "ALL",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=str(settings.parent),
    )
    try:
        data = json.loads(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        res.plugin_times = {"size": size, "error": (out.stderr or out.stdout).strip()[-800:]}
        return
    res.plugin_times = {
        "size": size,
        "build_seconds": data["total_seconds"],
        "plugins": data["plugins"],
    }


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


def measure_browser(output: Path, lookups: int, seed: int, res: Results) -> None:
    """Lookup timing on an action page and scripting time per page type, in Chromium."""
    import bench_browser

    if not Path(bench_browser.CHROMIUM).exists():
        res.notes.append("Chromium is not installed: no browser figures (make deps installs it).")
        return
    pages = {w["page"]: w["file"] for w in res.weights}
    with bench_browser.serve(output) as base, bench_browser.chromium() as browser:
        action = pages.get("action page")
        if action:
            zips = pick_zips(output, lookups, seed)
            log(f"lookups: {len(zips)} ZIPs on {action}")
            res.lookup = bench_browser.lookups(browser, base + action, zips)
            res.lookup["page"] = action
        else:
            res.lookup = {"missing": "no action page in the build"}
        for page_type, path in pages.items():
            entry: dict[str, Any] = {"page": page_type, "file": path}
            for key, throttle, count in SCRIPTING_RUNS:
                runs = [
                    bench_browser.scripting(browser, base + path, throttle) for _ in range(count)
                ]
                entry[key] = statistics.median(r.get("script_ms", 0.0) for r in runs)
                entry[key + "_task"] = statistics.median(r.get("task_ms", 0.0) for r in runs)
            res.scripting.append(entry)
            log(f"scripting {page_type}: {entry['x1']:.1f} ms")
        if action and res.lookup.get("ok"):
            zip_code = res.lookup["runs"][0]["zip"]
            entry = {"page": "action page + one lookup", "file": f"{action} ({zip_code})"}
            for key, throttle, count in SCRIPTING_RUNS:
                runs = [
                    bench_browser.scripting(browser, base + action, throttle, zip_code)
                    for _ in range(count)
                ]
                entry[key] = statistics.median(r.get("script_ms", 0.0) for r in runs)
                entry[key + "_task"] = statistics.median(r.get("task_ms", 0.0) for r in runs)
            res.scripting.append(entry)


def weigh(res: Results, real: Path | None, scaled: dict[int, Path]) -> None:
    """Page weight of the real site (and list pages at scale), JSON sizes, action-page JS."""
    if real is not None:
        weights, missing = bench_weight.page_weights(real)
        res.weights = [
            asdict(w) | {"total_gz": w.total_gz, "total_raw": w.total_raw} for w in weights
        ]
        res.weights_missing = missing
        sizes = bench_weight.json_sizes(real)
        res.json_sizes = asdict(sizes) if sizes else None
        action = next((w for w in weights if w.page == "action page"), None)
        if action is not None:
            res.action_js = {
                "file": action.file,
                "raw": action.js[0],
                "gz": action.js[1],
                "assets": [a for a in action.assets if a.endswith((".js", ".mjs"))],
            }
    if scaled:
        size = max(scaled)
        weights, _ = bench_weight.page_weights(scaled[size])
        res.weights_scaled = [
            asdict(w) | {"total_gz": w.total_gz, "total_raw": w.total_raw, "size": size}
            for w in weights
            if w.page in ("home", "case", "case list", "outcome page", "search", "404")
        ]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the report; write it to bench/."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--sizes", default="1000,5000", help="synthetic case counts (default 1000,5000)"
    )
    ap.add_argument("--quick", action="store_true", help="1,000 cases only")
    ap.add_argument("--runs", type=int, default=3, help="runs per build; the median is reported")
    ap.add_argument("--lookups", type=int, default=20, help="ZIP lookups in the browser")
    ap.add_argument(
        "--budget",
        type=float,
        default=13.0,
        help="minutes: fewer runs of the large sizes if the whole benchmark would take longer "
        "(every size still gets one run; default 13)",
    )
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--no-builds", action="store_true", help="skip the synthetic builds")
    ap.add_argument("--no-browser", action="store_true", help="skip Chromium")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--out", type=Path, default=ROOT / "bench", help="report folder (bench/)")
    ap.add_argument(
        "--render", type=Path, metavar="JSON", help="print the report of a saved bench-*.json"
    )
    args = ap.parse_args(argv)
    if args.render:
        print(bench_report.render(json.loads(args.render.read_text(encoding="utf-8"))))
        return 0
    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.runs < 1 or any(s < 1 for s in sizes):
        ap.error("--runs and --sizes must be positive")

    started = dt.datetime.now(dt.UTC)
    t0 = time.monotonic()
    res = Results(
        started=started.strftime("%Y-%m-%d %H:%M:%S UTC"),
        machine=machine(),
        options={
            "sizes": sizes,
            "runs": args.runs,
            "lookups": args.lookups,
            "seed": args.seed,
            "budget_min": args.budget,
        },
    )
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["COLUMNS"] = "200"  # rich (Pelican's log) wraps less
    ensure_sources(env, res.notes)
    problems = bench_corpus.check_against_schema(list(bench_corpus.generate(20, args.seed)))
    if problems:
        res.notes.append(
            "Synthetic cases do not match content_schema (fix scripts/bench_corpus.py): "
            + "; ".join(problems[:5])
        )
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    log(f"working in {tmp}")
    try:
        real = measure_data_stage(tmp, env, args.runs, res)
        scaled = (
            {}
            if args.no_builds
            else measure_builds(
                tmp,
                env,
                sizes,
                runs=args.runs,
                seed=args.seed,
                res=res,
                deadline=t0 + args.budget * 60,
            )
        )
        if scaled:
            measure_plugins(tmp, env, min(scaled), res)
        weigh(res, real, scaled)
        if real is not None and not args.no_browser:
            try:
                measure_browser(real, args.lookups, args.seed, res)
            except Exception as err:  # report, do not lose the build figures
                res.notes.append(f"Browser measurements failed: {type(err).__name__}: {err}")
    finally:
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    res.finished = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    res.machine["load_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    # Judged on the load before we started: the benchmark itself keeps one or two cores busy.
    busy = float(res.machine["load_start"].split()[0])
    if busy > (os.cpu_count() or 1):
        res.notes.insert(
            0,
            f"**The machine was busy** (load average {busy:.1f} on {os.cpu_count()} cores "
            "before the benchmark started): "
            "absolute times are inflated and noisy; the interleaved ratios are the figures to use.",
        )
    report = bench_report.render(res)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    (args.out / f"bench-{stamp}.md").write_text(report, encoding="utf-8")
    (args.out / f"bench-{stamp}.json").write_text(
        json.dumps(asdict(res), indent=1, sort_keys=True, default=str), encoding="utf-8"
    )
    shutil.copyfile(args.out / f"bench-{stamp}.md", args.out / "latest.md")
    print(report)
    log(f"report written to {args.out / f'bench-{stamp}.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
