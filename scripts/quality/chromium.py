"""How every tool here starts Debian's Chromium, and which axe-core rules it runs.

One definition for the tests, `make check` and `make bench`. As root on a machine with
no network, Chromium needs these flags (see ../shared/reference/tooling.md): without the
background-networking ones it keeps trying to reach Google's hosts.
"""

from __future__ import annotations

from collections.abc import Iterator
import contextlib
import functools
from typing import Any

from quality import NODE_MODULES

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
# WCAG 2.2 AA and everything below it.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@contextlib.contextmanager
def launch() -> Iterator[Any]:
    """Debian's Chromium, headless, through Playwright; closed when the block ends."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@functools.cache
def axe_source() -> str:
    """Return axe-core's script (read once per process)."""
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core in a Playwright page; return its WCAG 2.2 AA violations.

    The script is evaluated through DevTools rather than added as a <script> element, so
    it runs under the page's strict Content-Security-Policy as well.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source() + "\n;undefined")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]],
        }
        for v in result["violations"]
    ]
