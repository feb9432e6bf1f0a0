"""The benchmark report: medians, ratios, targets and the Markdown, on tiny hand-made figures."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from bench.markdown import kb, table
from bench.report import render
from bench.verdicts import Verdict, build_medians, ratios, verdicts


def _build(config: str, size: int, mode: str, seconds: float, status: int = 0) -> dict[str, Any]:
    return {
        "config": config,
        "size": size,
        "mode": mode,
        "seconds": seconds,
        "peak_mib": 50.0 if config == "plain" else 80.0,
        "html_files": 10,
        "status": status,
        "error": "" if status == 0 else "CRITICAL TemplateNotFound: action.html",
    }


def _results(**kw: Any) -> SimpleNamespace:
    base: dict[str, Any] = {
        "started": "2026-11-22 05:00:00 UTC",
        "finished": "2026-11-22 05:10:00 UTC",
        "machine": {"nproc": "2", "python": "3.11.7", "pelican": "4.12.0"},
        "options": {"sizes": [1000], "runs": 3, "lookups": 20, "seed": 42},
        "builds": [],
        "data_stage": {},
        "weights": [],
        "weights_missing": [],
        "weights_scaled": [],
        "json_sizes": None,
        "action_js": None,
        "lookup": {},
        "scripting": [],
        "plugin_times": {},
        "notes": [],
    }
    base.update(kw)
    return SimpleNamespace(**base)


def _weight(page: str, total_gz: int) -> dict[str, Any]:
    return {
        "page": page,
        "file": f"/{page}/",
        "html": (total_gz * 3, total_gz),
        "css": (0, 0),
        "js": (0, 0),
        "assets": [],
        "missing": [],
        "total_gz": total_gz,
        "total_raw": total_gz * 3,
    }


def _verdict(res: SimpleNamespace, start: str) -> Verdict:
    return next(v for v in verdicts(res) if v.target.startswith(start))


def test_medians_and_ratio_per_size_and_mode() -> None:
    builds = [_build("plain", 1000, "cold", s) for s in (8.0, 10.0, 9.0)] + [
        _build("ours", 1000, "cold", s) for s in (11.0, 12.0, 30.0)
    ]
    medians = build_medians(builds)
    assert medians[("plain", 1000, "cold")]["seconds"] == 9.0
    assert medians[("ours", 1000, "cold")]["spread"] == (11.0, 30.0)
    (row,) = ratios(medians)
    assert row["ratio"] == 12.0 / 9.0
    assert row["mem_ratio"] == 80.0 / 50.0


def test_build_ratio_target_uses_the_worst_pair() -> None:
    ok = _results(builds=[_build("plain", 1000, "cold", 10.0), _build("ours", 1000, "cold", 12.0)])
    assert _verdict(ok, "our full build").passed is True
    slow = _results(
        builds=[
            _build("plain", 1000, "cold", 10.0),
            _build("ours", 1000, "cold", 12.0),
            _build("plain", 1000, "warm", 5.0),
            _build("ours", 1000, "warm", 7.0),
        ]
    )
    verdict = _verdict(slow, "our full build")
    assert verdict.passed is False
    assert "1.40×" in verdict.measured
    assert "warm" in verdict.measured


def test_failed_builds_are_not_measured_and_their_error_is_shown() -> None:
    res = _results(
        builds=[_build("plain", 1000, "cold", 10.0), _build("ours", 1000, "cold", 3.0, status=1)]
    )
    assert _verdict(res, "our full build").passed is None
    report = render(res)
    assert "failed (1 of 1)" in report
    assert "| cases | mode | runs | ratio ours/plain |" in report
    assert "| 1,000 | cold | 0 | — | — | 10.00 (10.00–10.00) | failed (1 of 1) |" in report
    assert "TemplateNotFound: action.html" in report


def test_page_weight_target_includes_pages_at_scale() -> None:
    res = _results(
        weights=[_weight("home", 12_000)],
        weights_scaled=[_weight("outcome page", 61_000) | {"size": 5000}],
    )
    verdict = _verdict(res, "every page")
    assert verdict.passed is False
    assert "outcome page at 5,000 cases" in verdict.measured
    assert _verdict(_results(weights=[_weight("home", 49_999)]), "every page").passed is True


def test_lookup_targets_and_missing_parts_say_not_measured() -> None:
    res = _results(
        json_sizes={
            "lookups": 10,
            "per_lookup_max_gz": 21_000,
            "per_lookup_max_zip": "90210",
            "per_lookup_median_gz": 9_000,
        },
        action_js={"raw": 30_000, "gz": 9_000, "file": "/act/x/", "assets": []},
        lookup={"median_in_page_ms": 40.0, "ok": 20, "count": 20},
        scripting=[{"page": "home", "x1": 12.0}, {"page": "action page", "x1": 140.0}],
    )
    assert _verdict(res, "one ZIP lookup").passed is False
    assert "90210" in _verdict(res, "one ZIP lookup").measured
    assert _verdict(res, "JavaScript on an action page").passed is True
    assert _verdict(res, "lookup").passed is True
    scripting = _verdict(res, "no page over")
    assert scripting.passed is False
    assert "action page" in scripting.measured
    empty = verdicts(_results())
    assert all(v.passed is None for v in empty)
    assert {v.mark for v in empty} == {"NOT MEASURED"}


def test_a_failed_lookup_fails_the_lookup_target() -> None:
    res = _results(lookup={"median_in_page_ms": 20.0, "ok": 19, "count": 20})
    assert _verdict(res, "lookup").passed is False


def test_report_lists_missing_page_types_and_has_every_section() -> None:
    res = _results(
        weights=[_weight("home", 12_000)],
        weights_missing=["action page", "state page"],
        notes=["Legislator data from the local snapshot."],
    )
    report = render(res)
    for heading in (
        "# Benchmark report, 2026-11-22 05:00:00 UTC",
        "## Targets",
        "## Build: ours ÷ plain Pelican",
        "## Legislator data stage",
        "## Page weight per page type",
        "## Lookup JSON and action-page JavaScript",
        "## ZIP lookup in Chromium",
        "## Main-thread scripting per page type",
        "## Notes",
    ):
        assert heading in report
    assert "**Page types missing from the build:** action page, state page." in report
    assert "| home | `/home/` | 36,000 / 12,000 |" in report
    assert table(["a", "b"], [[1, 2]]) == "| a | b |\n|---|---|\n| 1 | 2 |"
    assert kb(15_000) == "15.0 KB"


def test_plugin_times_are_sorted_with_their_share_of_the_build() -> None:
    res = _results(
        plugin_times={
            "size": 1000,
            "build_seconds": 20.0,
            "plugins": {
                "sections": {"seconds": 0.5, "calls": {"init": 0.5}, "wrapped": {}},
                "outcomes": {"seconds": 10.0, "calls": {"validate_cases": 9.0}, "wrapped": {}},
            },
        }
    )
    report = render(res)
    assert "### Where our build's time goes (1,000 cases, one build, no cache)" in report
    assert "| `outcomes` | 10.00 | 50 % | validate_cases 9.00 s |" in report
    assert report.index("`outcomes`") < report.index("`sections`")
    assert "| everything else | 9.50 | 48 % |" in report


def test_marginal_ratio_subtracts_the_builds_of_no_cases() -> None:
    """What the cases themselves cost: (ours N - ours 0) / (plain N - plain 0)."""
    from bench.results import Build
    from bench.verdicts import build_medians, ratios

    builds = [Build("plain", 0, "cold", 1.0, 50, 10, 0, ""),
              Build("ours", 0, "cold", 2.0, 80, 10, 0, ""),
              Build("plain", 1000, "cold", 3.0, 60, 1010, 0, ""),
              Build("ours", 1000, "cold", 4.2, 90, 1010, 0, "")]
    [row] = [r for r in ratios(build_medians(builds)) if r["size"] == 1000]
    assert row["ratio"] == pytest.approx(1.4)
    assert row["marginal"] == pytest.approx(1.1)
