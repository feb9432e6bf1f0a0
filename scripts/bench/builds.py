"""Builds as subprocesses: wall time and peak memory, plain Pelican against ours, interleaved.

Every size of synthetic corpus is built cold (empty content cache, the build writes it) and
then warm, first with plain Pelican, then with our config, run after run, so that a drift in
the machine's load hits both. Absolute seconds vary by machine; the report leads with ratios.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
import re
import shutil
import subprocess
import sys
import time
from typing import Any

from bench import ROOT, corpus
from bench.results import Build, Results, log
from bench.sites import (
    PLAIN_PAGE_FOLDERS,
    prepare_ours_content,
    write_ours_settings,
    write_plain_settings,
)

# Time kept for the browser part when deciding whether another build run fits the budget.
BROWSER_RESERVE_S = 120.0


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


def python_json(args: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[Any, str]:
    """Run `python ARGS`; return the JSON object of its last output line, or None and why."""
    out = subprocess.run(
        [sys.executable, *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=str(cwd) if cwd else None,
    )
    try:
        return json.loads(out.stdout.strip().splitlines()[-1]), ""
    except (ValueError, IndexError):
        return None, (out.stderr or out.stdout).strip()[-800:]


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
    # A baseline of no synthetic cases first: the report's marginal ratio subtracts it.
    sizes = [0, *(s for s in sizes if s)] if 0 not in sizes else sizes
    for index, size in enumerate(sizes):
        log(f"generating {size} synthetic case highlights (seed {seed})")
        folders = corpus.write_corpus(tmp / f"corpus-{size}", size, seed)
        corpus.write_plain_pages(ROOT / "content", folders["plain"] / "pages", PLAIN_PAGE_FOLDERS)
        # The real case highlights, as articles (ours reads them too: prepare_ours_content).
        corpus.write_plain_pages(ROOT / "content", folders["plain"], ("cases",))
        ours_content = tmp / f"ours-{size}" / "content"
        prepare_ours_content(ours_content, folders["yaml"])
        plain_work = tmp / f"plain-{size}"
        plain_settings = write_plain_settings(plain_work, folders["plain"])
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
            later = sum(pair * s / max(size, 1) for s in sizes[index + 1 :])
            if run + 1 < runs and time.monotonic() + pair + later + BROWSER_RESERVE_S > deadline:
                res.notes.append(
                    f"{size:,} cases: {run + 1} run(s) instead of {runs}, to stay within the "
                    f"time budget (--budget); one run pair took {pair:.0f} s."
                )
                break
    return ours_outputs
