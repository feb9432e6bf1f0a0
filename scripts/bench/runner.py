"""`make bench`: how fast the site builds against plain Pelican, how heavy its pages are, how fast
the ZIP lookup is. Prints a Markdown report and writes it (and the raw figures as JSON) to bench/.

Not a test: nothing here asserts; each target is reported as pass or fail. Absolute seconds vary
by machine and load (about ±15 % on the reference machine), so the report leads with ratios of our
build to plain Pelican measured on the same machine in the same run, with builds interleaved.

    python -m bench                  # 1,000 and 5,000 synthetic case highlights, up to 3 runs
                                     # each within a 13-minute budget (--budget)
    python -m bench --quick          # 1,000 only
    python -m bench --sizes 200,1000 --runs 5 --lookups 20
    python -m bench --render bench/bench-<stamp>.json   # reprint a saved report
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
import datetime as dt
import json
import os
from pathlib import Path
import shutil
import tempfile
import time

from bench import ROOT, corpus, report
from bench.browser import measure_browser
from bench.builds import measure_builds
from bench.datastage import measure_data_stage, measure_plugins
from bench.machine import load_average, machine
from bench.results import Results, log
from bench.sites import ensure_sources
from bench.weight import weigh


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    ap = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
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
    ap.add_argument("--out", type=Path, default=ROOT / "bench-results",
                    help="report folder (bench-results/)")
    ap.add_argument(
        "--render", type=Path, metavar="JSON", help="print the report of a saved bench-*.json"
    )
    args = ap.parse_args(argv)
    args.sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.runs < 1 or any(s < 1 for s in args.sizes):
        ap.error("--runs and --sizes must be positive")
    return args


def measure(args: argparse.Namespace, res: Results, env: dict[str, str], deadline: float) -> None:
    """Every measurement, in a temporary folder (kept with --keep)."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    log(f"working in {tmp}")
    try:
        real = measure_data_stage(tmp, env, args.runs, res)
        scaled = (
            {}
            if args.no_builds
            else measure_builds(
                tmp, env, args.sizes, runs=args.runs, seed=args.seed, res=res, deadline=deadline
            )
        )
        # The baseline of no cases only serves the marginal ratio.
        scaled = {size: out for size, out in scaled.items() if size}
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


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the report; write it to bench/."""
    args = parse_args(argv)
    if args.render:
        print(report.render(json.loads(args.render.read_text(encoding="utf-8"))))
        return 0
    started = dt.datetime.now(dt.UTC)
    t0 = time.monotonic()
    res = Results(
        started=started.strftime("%Y-%m-%d %H:%M:%S UTC"),
        machine=machine(),
        options={
            "sizes": args.sizes,
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
    problems = corpus.check_against_schema(list(corpus.generate(20, args.seed)))
    if problems:
        res.notes.append(
            "Synthetic cases do not match content_schema (fix scripts/bench/corpus.py): "
            + "; ".join(problems[:5])
        )
    measure(args, res, env, deadline=t0 + args.budget * 60)
    res.finished = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    res.machine["load_end"] = load_average()
    # Judged on the load before we started: the benchmark itself keeps one or two cores busy.
    busy = float(res.machine["load_start"].split()[0])
    if busy > (os.cpu_count() or 1):
        res.notes.insert(
            0,
            f"**The machine was busy** (load average {busy:.1f} on {os.cpu_count()} cores "
            "before the benchmark started): "
            "absolute times are inflated and noisy; the interleaved ratios are the figures to use.",
        )
    text = report.render(res)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    (args.out / f"bench-{stamp}.md").write_text(text, encoding="utf-8")
    (args.out / f"bench-{stamp}.json").write_text(
        json.dumps(asdict(res), indent=1, sort_keys=True, default=str), encoding="utf-8"
    )
    shutil.copyfile(args.out / f"bench-{stamp}.md", args.out / "latest.md")
    print(text)
    log(f"report written to {args.out / f'bench-{stamp}.md'}")
    return 0
