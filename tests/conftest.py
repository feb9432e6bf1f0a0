"""Shared fixtures: build the real site into a temporary folder, serve it, drive Chromium."""

from __future__ import annotations

from collections.abc import Callable, Iterator
import contextlib
import functools
import http.server
import logging
import os
from pathlib import Path
from typing import Any

import blinker
from chromium import CHROMIUM, CHROMIUM_ARGS, axe_violations  # noqa: F401 (re-exported for tests)
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.plugins import signals as pelican_signals
from pelican.settings import read_settings
import pytest
from serve_headers import running

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler that does not log every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        return


@contextlib.contextmanager
def serve(
    directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler
) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 on a free port; yield the base URL."""
    handler_factory = functools.partial(handler, directory=str(directory))
    with running(http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_factory)) as url:
        yield url


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
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
