"""Shared fixtures: build the real site into a temporary folder, serve it, drive Chromium."""

from __future__ import annotations

from collections.abc import Callable, Iterator
import logging
import os
from pathlib import Path
from typing import Any

import blinker
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.plugins import signals as pelican_signals
from pelican.settings import read_settings
import pytest

# axe_violations and serve are re-exported: tests import them from conftest.
from quality.chromium import CHROMIUM, axe_violations, launch  # noqa: F401
from quality.localserver import serve_static as serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"


def check_tree(content: Path, prefix: str | None = None) -> list[Any]:
    """Every problem `make check-content` reports for `content`, with the site's settings."""
    from content_schema.tools import check_tree as check

    return check(content, ROOT / "pelicanconf.py", prefix)


def leaves_for_good(page: Any, leave: Callable[[], None], came_from: str) -> None:
    """`leave()` (a click on the quick exit, Shift three times) opens the neutral page in place
    of this one: no new history entry, and Back returns to `came_from`, not to this page."""
    href = page.locator(".quick-exit").get_attribute("href")
    length = page.evaluate("history.length")
    leave()
    page.wait_for_url(href)
    assert page.evaluate("history.length") == length, "location.replace adds no entry"
    page.go_back()
    assert page.url == came_from, "Back does not return to the page left"


def shift_three_times(page: Any) -> Callable[[], None]:
    """The quick exit's keyboard shortcut, as a `leave` for leaves_for_good()."""

    def press() -> None:
        for _ in range(3):
            page.keyboard.press("Shift")

    return press


def shared_sources() -> dict[str, str]:
    """Return settings that point the legislator plugin at ../shared/data."""
    return {
        "LEGISLATORS_SOURCE": str(SHARED_DATA / "congress-legislators"),
        "LEGISLATORS_ZIP_SOURCE": str(SHARED_DATA / "zcta-cd" / "zccd.csv"),
    }


needs_shared_data = pytest.mark.skipif(
    not (SHARED_DATA / "congress-legislators").is_dir(),
    reason="../shared/data is not present",
)


@pytest.fixture(autouse=True)
def _reset_pelican_log_filter() -> Iterator[None]:
    """Pelican's LimitFilter drops repeated messages for the whole process; reset it."""
    LimitFilter._ignore = set()
    LimitFilter._raised_messages = set()
    LimitFilter._threshold = 5
    LimitFilter._group_count = {}
    yield


def _disconnect_plugins() -> None:
    """Forget receivers of earlier builds: Pelican's signals outlive a build in one process."""
    for value in vars(pelican_signals).values():
        if isinstance(value, blinker.Signal):
            value._clear_state()


def build(
    output: Path,
    *,
    content: Path | None = None,
    settings_file: Path = ROOT / "pelicanconf.py",
    **overrides: Any,
) -> Path:
    """Build the site with the real config, theme and plugins into `output`."""
    override: dict[str, Any] = {
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / ".pelican-cache"),
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "LEGISLATORS_CACHE_PATH": str(output.parent / ".legislators-cache"),
        # No network in tests: without explicit sources a build has no legislator data
        # (pass **shared_sources() or fixture paths to get some).
        "LEGISLATORS_SOURCE": str(output.parent / "no-legislator-data"),
        "LEGISLATORS_ZIP_SOURCE": str(output.parent / "no-legislator-data" / "zccd.csv"),
        **overrides,
    }
    if content is not None:
        override["PATH"] = str(content)
    settings = read_settings(path=str(settings_file), override=override)
    _disconnect_plugins()
    Pelican(settings=settings).run()
    return output


@pytest.fixture
def build_site(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Callable[..., Path]:
    """Build (fixture or real) content into tmp_path/out; fail on any warning."""

    def _build(*, allow_warnings: bool = False, **kwargs: Any) -> Path:
        with caplog.at_level(logging.WARNING):
            out = build(tmp_path / "out", **kwargs)
        if not allow_warnings:
            problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
            assert not problems, problems
        return out

    return _build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content/ built once per test session from ../shared/data (offline)."""
    if not (SHARED_DATA / "congress-legislators").is_dir():
        pytest.skip("../shared/data is not present")
    out = tmp_path_factory.mktemp("real-site") / "out"
    build(out, **shared_sources())
    return out


@pytest.fixture(scope="session")
def real_site_url(real_site: Path) -> Iterator[str]:
    """The real site served on 127.0.0.1 for browser tests."""
    with serve(real_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (no downloaded browser)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (make deps installs it)")
    with launch() as b:
        yield b


@pytest.fixture(scope="session")
def _running_server() -> Iterator[Any]:
    from pytest_httpserver import HTTPServer

    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def server(_running_server: Any) -> Iterator[Any]:
    """A local HTTP server on 127.0.0.1 standing in for upstream (never the network)."""
    yield _running_server
    _running_server.clear()
