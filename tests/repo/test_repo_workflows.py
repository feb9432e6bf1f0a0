"""The CI workflows: check-jsonschema and zizmor (as `make lint` runs them) pass on ours and
fail on a broken or unsafe workflow; every action is pinned by a full commit SHA."""

from __future__ import annotations

from pathlib import Path
import re
import subprocess
import sys

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent
OURS = sorted(WORKFLOWS.glob("*.yml"))
# A pull request title is attacker-controlled text; inside `run:` it becomes shell code.
UNSAFE = """\
name: Unsafe
on: pull_request
permissions:
  contents: read
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - run: echo "${{ github.event.pull_request.title }}"
"""
# Not a workflow GitHub accepts: a job without runs-on, a step with both uses and run.
MALFORMED = """\
name: Malformed
on: pull_request
jobs:
  greet:
    steps:
      - uses: actions/checkout@v4
        run: echo hello
"""


def run(tool: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run a tool installed in this virtual environment (the dev extras), from the root."""
    return subprocess.run([str(BIN / tool), *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)


def schema(*files: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with its vendored GitHub workflow schema (no network)."""
    return run("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *files)


def zizmor(target: Path) -> subprocess.CompletedProcess[str]:
    """zizmor's security audit, offline, as `make lint` runs it."""
    return run("zizmor", "--offline", "--no-progress", target)


def write_workflow(tmp_path: Path, name: str, text: str) -> Path:
    """Write `text` as .github/workflows/<name> under tmp_path; return the folder."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_we_have_the_two_workflows() -> None:
    assert [p.name for p in OURS] == ["content.yml", "deploy.yml"]


def test_our_workflows_match_githubs_schema() -> None:
    done = schema(*OURS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_malformed_workflow_fails_the_schema(tmp_path: Path) -> None:
    folder = write_workflow(tmp_path, "malformed.yml", MALFORMED)
    done = schema(folder / "malformed.yml")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "malformed.yml" in done.stdout and "runs-on" in done.stdout, done.stdout


def test_zizmor_finds_nothing_in_our_workflows() -> None:
    done = zizmor(WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings" in done.stdout


def test_zizmor_fails_an_unpinned_action_and_a_template_injection(tmp_path: Path) -> None:
    folder = write_workflow(tmp_path, "unsafe.yml", UNSAFE)
    assert schema(folder / "unsafe.yml").returncode == 0  # valid, and still unsafe
    done = zizmor(folder)
    assert done.returncode != 0, done.stdout + done.stderr
    assert "error[template-injection]" in done.stdout, done.stdout
    assert "error[unpinned-uses]" in done.stdout, done.stdout


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_sha_with_its_tag(path: Path) -> None:
    """`uses: owner/repo@<40 hex> # vX.Y.Z`, and checkout never keeps the token on disk."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line
    for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
