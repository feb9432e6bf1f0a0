"""The browser gate: Debian's Chromium (Playwright) on the site served WITH deploy/_headers.

axe-core (WCAG 2.0/2.1/2.2 A+AA tags) on one page of every type, in light and dark colour
scheme, the action page before and after a ZIP lookup and the search page before and after
a search; no CSP violation, console error, request to another origin, or cookie.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
import os
from typing import Any

from quality.chromium import AXE_JS, AXE_TAGS, CHROMIUM, axe_violations, launch
from quality.page_types import PAGE_TYPES
from quality.results import GateResult, Problem
from quality.urls import origin

LOOKUP_ZIP = "02139"
SEARCH_QUERY = "trafficking"
WAIT_MS = 10_000

_CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`
    + (e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : ''));
});
"""


@dataclass
class BrowserCheck:
    """What to check in the browser for one page type."""

    page_type: str
    path: str
    lookup: bool = False
    search: bool = False


def browse(
    base_url: str,
    checks: list[BrowserCheck],
    *,
    axe: bool = True,
    schemes: tuple[str, ...] = ("light", "dark"),
    browser: Any = None,
) -> list[Problem]:
    """Visit every page in every colour scheme; return axe, CSP, console and cookie problems."""
    problems: list[Problem] = []
    own = origin(base_url)
    with contextlib.ExitStack() as stack:
        if browser is None:
            browser = stack.enter_context(launch())
        for scheme in schemes:
            context = browser.new_context(color_scheme=scheme)
            stack.callback(context.close)
            foreign: list[str] = []

            def block_foreign(route: Any, foreign: list[str] = foreign) -> None:
                url = route.request.url
                if url.startswith(("http:", "https:", "ws:", "wss:")) and origin(url) != own:
                    foreign.append(url)
                    route.abort()
                else:
                    route.continue_()

            context.route("**/*", block_foreign)
            context.add_init_script(_CSP_LISTENER)
            for check in checks:
                problems.extend(
                    _visit(context, base_url, check, scheme=scheme, axe=axe,
                           foreign=foreign)
                )
            cookies = context.cookies()
            if cookies:
                names = ", ".join(sorted({c["name"] for c in cookies}))
                problems.append(Problem("(all pages)", f"cookies were set: {names}"))
    return problems


def _visit(
    context: Any,
    base_url: str,
    check: BrowserCheck,
    *,
    scheme: str,
    axe: bool,
    foreign: list[str],
) -> list[Problem]:
    problems: list[Problem] = []
    label = f"{check.path} [{check.page_type}, {scheme}]"
    console: list[tuple[str, str]] = []
    page = context.new_page()
    page.on(
        "console",
        lambda msg: console.append((msg.text, (msg.location or {}).get("url", "")))
        if msg.type == "error" else None,
    )
    page.on("pageerror", lambda error: console.append((f"uncaught {error}", "")))
    foreign.clear()
    try:
        response = page.goto(base_url + check.path, wait_until="load")
        expected = 404 if check.page_type == "404" else 200
        if response is None or response.status != expected:
            status = response.status if response else "no response"
            problems.append(Problem(label, f"HTTP {status}, expected {expected}"))
        states: list[tuple[str, Any]] = [
            ("before lookup" if check.lookup else "before search", None)
        ]
        if check.lookup:
            states.append(("after lookup", _lookup))
        if check.search:
            states.append(("after a search", _search))
        for state, interact in states:
            where = f"{label} {state}" if len(states) > 1 else label
            if interact:
                problem = interact(page)
                if problem:
                    problems.append(Problem(where, problem))
                    continue
            if axe:
                for v in axe_violations(page):
                    targets = "; ".join(" ".join(t) for t in v["nodes"][:3])
                    more = f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else ""
                    problems.append(
                        Problem(where, f"axe {v['id']} ({v['impact']}): {v['help']} at "
                                       f"{targets}{more}")
                    )
        for violation in page.evaluate("window.__cspViolations || []"):
            problems.append(Problem(label, f"CSP violation: {violation}"))
        if page.evaluate("document.cookie"):
            problems.append(Problem(label, "document.cookie is not empty"))
        # The 404 page's own status shows up as a console error in Chromium; that is expected
        # (a missing stylesheet or script on it is still reported: its URL differs).
        for text, source in console:
            if (check.page_type == "404" and source == base_url + check.path
                    and "Failed to load resource" in text):
                continue
            problems.append(Problem(label, f"console error: {text[:200]}"))
        for url in sorted(set(foreign)):
            problems.append(Problem(label, f"requested another origin: {url}"))
    finally:
        page.close()
    return problems


def _submit(page: Any, form: str, field: str, value: str, done: str) -> bool:
    """Type `value` into `field`, submit `form`, wait for `done`; False if it never shows."""
    page.fill(field, value)
    page.locator(form).evaluate("f => f.requestSubmit()")
    try:
        page.wait_for_selector(done, timeout=WAIT_MS)
    except Exception:  # Playwright's TimeoutError
        return False
    return True


def _lookup(page: Any) -> str | None:
    """Type the ZIP, submit, wait for the results; return a problem or None."""
    if not page.locator("form#zip-form input#zip").count():
        return "no form#zip-form with input#zip (see the action page DOM contract)"
    done = "#results[data-state=done], #results[data-state=error]"
    if not _submit(page, "form#zip-form", "input#zip", LOOKUP_ZIP, done):
        return f"#results never got data-state=done within 10 s after looking up {LOOKUP_ZIP}"
    if page.get_attribute("#results", "data-state") != "done":
        text = (page.text_content("#results") or "").strip()[:160]
        return f"lookup of {LOOKUP_ZIP} ended with data-state=error: {text}"
    return None


def _search(page: Any) -> str | None:
    """Search for a word the site certainly contains; return a problem or None."""
    if not page.locator("input#search-q").count():
        return "no input#search-q on the search page"
    if not _submit(page, "form.search-form", "input#search-q", SEARCH_QUERY, ".search-result a"):
        text = (page.text_content("#search-results") or "").strip()[:160]
        return f"no result for '{SEARCH_QUERY}' within 10 s: {text or 'nothing shown'}"
    return None


def browser_gate(base_url: str, pages: dict[str, str | None]) -> GateResult:
    """axe in light and dark, CSP, console, cookies and foreign requests, every page type."""
    result = GateResult("browser")
    if not os.path.exists(CHROMIUM):
        result.fail("-", "Debian's chromium is not installed (make chromium)")
        return result
    if not AXE_JS.is_file():
        result.fail("-", "node_modules/axe-core is missing (npm ci)")
        return result
    checks = [
        BrowserCheck(t.name, path, lookup=t.lookup, search=t.search)
        for t in PAGE_TYPES
        if (path := pages.get(t.name))
    ]
    for problem in browse(base_url, checks):
        result.fail(problem.page, problem.message)
    result.notes.append(
        f"{len(checks)} page types x light/dark, served with deploy/_headers; axe tags "
        f"{', '.join(AXE_TAGS)}"
    )
    return result
