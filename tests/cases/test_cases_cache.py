"""Per-file check results are kept between builds only while nothing they depend on changed."""

from __future__ import annotations

import os
from pathlib import Path

from content_schema.cache import cached_entries
from content_schema.files import Checking, check_file

CASE = """---
title: A case
date: 2024-03-19
outcomes: [money]
place: Bangkok, Thailand
summary: Assets were seized.
slug: a-case
sources:
  - name: A source
    url: https://www.example.org/a
---

Body with ![a chart](/images/chart.png).
"""


def _site(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    root = tmp_path / "content"
    (root / "cases").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "images" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (root / "cases" / "2024-03-19-a-case.md").write_text(CASE, encoding="utf-8")
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "CACHE_CONTENT": True,
                "LOAD_CONTENT_CACHE": True}
    return root, settings


def _run(root: Path, settings: dict[str, object], calls: list[Path]) -> dict:
    def check(path: Path):
        calls.append(path)
        return check_file(path, Checking(root, render=False))

    cache = Path(str(settings["CACHE_PATH"]))
    return cached_entries(
        root, sorted((root / "cases").glob("*.md")), check,
        load=cache if settings["LOAD_CONTENT_CACHE"] else None,
        save=cache if settings["CACHE_CONTENT"] else None,
    )


def test_unchanged_files_are_not_checked_again(tmp_path: Path) -> None:
    root, settings = _site(tmp_path)
    calls: list[Path] = []
    first = _run(root, settings, calls)
    second = _run(root, settings, calls)
    assert len(calls) == 1
    assert first == second


def test_an_edited_file_is_checked_again(tmp_path: Path) -> None:
    root, settings = _site(tmp_path)
    calls: list[Path] = []
    _run(root, settings, calls)
    case = root / "cases" / "2024-03-19-a-case.md"
    case.write_text(CASE.replace("[money]", "[mony]"), encoding="utf-8")
    os.utime(case, ns=(1, 1))  # a different stamp even on a coarse clock
    reports = _run(root, settings, calls)
    assert len(calls) == 2
    assert any(p.field == "outcomes" for r in reports.values() for p in r.problems)


def test_a_deleted_image_invalidates_the_cache(tmp_path: Path) -> None:
    root, settings = _site(tmp_path)
    calls: list[Path] = []
    assert not any(r.problems for r in _run(root, settings, calls).values())
    (root / "images" / "chart.png").unlink()
    reports = _run(root, settings, calls)
    assert len(calls) == 2
    assert any("chart.png" in p.message for r in reports.values() for p in r.problems)


def test_other_settings_check_every_file_again(tmp_path: Path) -> None:
    """What the checks read from the settings (addresses, the date) is part of the key."""
    root, settings = _site(tmp_path)
    calls: list[Path] = []
    cache = Path(str(settings["CACHE_PATH"]))
    for salt in ("one", "one", "two"):
        cached_entries(root, sorted((root / "cases").glob("*.md")),
                       lambda p: calls.append(p) or check_file(p, Checking(root, render=False)),
                       load=cache, save=cache, salt=salt)
    assert len(calls) == 2


def test_nothing_is_kept_when_the_content_cache_is_off(tmp_path: Path) -> None:
    root, settings = _site(tmp_path)
    settings.update(CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False)
    calls: list[Path] = []
    _run(root, settings, calls)
    _run(root, settings, calls)
    assert len(calls) == 2
    assert not (tmp_path / "cache").exists()
