"""`make check`: build the real site strictly, then run every quality gate over it.

    .venv/bin/python scripts/check_site.py --output output          # what `make check` runs
    .venv/bin/python scripts/check_site.py --no-build --output /tmp/site --skip lighthouse
    .venv/bin/python scripts/check_site.py --allow-missing-page-types  # while pages are missing

Gates (each names the page and the problem when it fails):
  build         `pelican --fatal warnings` into a clean folder, Pagefind, then swap
                (scripts/publish.py), with LEGISLATORS_SOURCE etc. from the environment
  page-types    one page of every type exists (home, platform index, platform page, action,
                case, outcome, representatives, state, search, 404); a missing type is
                skipped loudly by the other gates and fails here unless
                --allow-missing-page-types
  static        every HTML page, and every CSS/JS file a page can load: nothing from another
                origin (script, style, image, font, frame, form, fetch/import/worker, CSS
                url()/@import), no inline <script>/<style>, no on* or style attribute, no
                javascript: URL, no eval, no cookie writes
  html          the Nu HTML checker (node_modules/vnu-jar, Java): zero errors on every page
                and every stylesheet
  links         LinkChecker with its AnchorCheck plugin over http://127.0.0.1, every page as
                a start URL: zero broken links and zero missing #fragments
  browser       Debian's Chromium (Playwright), served WITH deploy/_headers: axe-core (WCAG
                2.0/2.1/2.2 A+AA tags) on one page of every type, in light and dark colour
                scheme, the action page before and after a ZIP lookup; no CSP violation,
                console error, request to another origin, or cookie
  lighthouse    Lighthouse 12 (mobile) on home, a platform page and an action page:
                accessibility 1.0, best practices, SEO and performance at least 0.95
Exit status: 0 if every gate passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
import contextlib
import csv
from dataclasses import dataclass, field
import io
import json
import os
from pathlib import Path
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from chromium import AXE_JS, AXE_TAGS, CHROMIUM, CHROMIUM_ARGS, axe_violations

# scripts/ is on sys.path: it is the script's own folder (and pytest's pythonpath).
import publish
import serve_headers

ROOT = Path(__file__).resolve().parent.parent
NODE_BIN = ROOT / "node_modules" / ".bin"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE_MIN = {"accessibility": 1.0, "best-practices": 0.95, "seo": 0.95, "performance": 0.95}
LOOKUP_ZIP = "02139"
SEARCH_QUERY = "trafficking"
GATES = ("build", "page-types", "static", "html", "links", "browser", "lighthouse")
SKIPPABLE = GATES[2:]


# --- results -------------------------------------------------------------------------


@dataclass
class Problem:
    """One failure: which page (or file) and what is wrong there."""

    page: str
    message: str

    def __str__(self) -> str:
        return f"{self.page}: {self.message}"


@dataclass
class GateResult:
    """The outcome of one gate."""

    name: str
    status: str = "pass"  # pass | fail | skip
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def fail(self, page: str, message: str) -> None:
        """Record a problem; the gate fails."""
        self.problems.append(Problem(page, message))
        self.status = "fail"


# --- page types ------------------------------------------------------------------------


@dataclass(frozen=True)
class PageType:
    """A kind of page every gate must see: how to find one in a built site."""

    name: str
    describe: str
    find: Callable[[Path], str | None]
    required: bool = True
    lighthouse: bool = False
    lookup: bool = False
    search: bool = False


def _exact(rel: str) -> Callable[[Path], str | None]:
    def find(out: Path) -> str | None:
        return _url_of(rel) if (out / rel).is_file() else None

    return find


def _first_child(section: str, preferred: str, exclude: Iterable[str] = ()) -> Callable[
    [Path], str | None
]:
    """Find `<section>/<preferred>/index.html`, else the first `<section>/<x>/index.html`."""

    def find(out: Path) -> str | None:
        base = out / section
        if preferred and (base / preferred / "index.html").is_file():
            return _url_of(f"{section}/{preferred}/index.html")
        if not base.is_dir():
            return None
        for child in sorted(base.iterdir()):
            if child.name in exclude or not (child / "index.html").is_file():
                continue
            return _url_of(f"{section}/{child.name}/index.html")
        return None

    return find


def _missing_page(out: Path) -> str | None:
    return "/this-page-does-not-exist/" if (out / "404.html").is_file() else None


def _url_of(rel: str) -> str:
    """The root-relative URL of an output file (`a/index.html` -> `/a/`)."""
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


PAGE_TYPES: list[PageType] = [
    PageType("home", "index.html", _exact("index.html"), lighthouse=True),
    PageType("platform-index", "platform/index.html", _exact("platform/index.html")),
    PageType(
        "platform",
        "platform/<slug>/index.html",
        _first_child("platform", "two-cents-for-freedom"),
        lighthouse=True,
    ),
    PageType(
        "action",
        "act/<slug>/index.html",
        _first_child("act", "two-cents-for-freedom"),
        lighthouse=True,
        lookup=True,
    ),
    PageType("case", "cases/<slug>/index.html", _first_child("cases", "", exclude=("page",))),
    PageType("outcome", "outcomes/<outcome>/index.html", _first_child("outcomes", "people")),
    PageType("representatives", "representatives/index.html", _exact("representatives/index.html")),
    PageType("state", "representatives/<st>/index.html", _first_child("representatives", "ma")),
    PageType("search", "search/index.html", _exact("search/index.html"), search=True),
    PageType("404", "404.html (served for a missing path)", _missing_page),
    PageType("case-list", "cases/index.html", _exact("cases/index.html"), required=False),
    PageType("action-index", "act/index.html", _exact("act/index.html"), required=False),
]


def find_pages(out: Path, types: list[PageType] = PAGE_TYPES) -> dict[str, str | None]:
    """Map every page type to the URL path of one example in `out` (None if missing)."""
    return {t.name: t.find(out) for t in types}


# --- static scan: origins, inline code, cookies ---------------------------------------------

# <link rel> values that make the browser load the target.
LOADING_RELS = {
    "stylesheet", "icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed",
    "mask-icon", "manifest", "preload", "prefetch", "modulepreload", "preconnect",
    "dns-prefetch", "prerender",
}
# Elements and attributes that load a resource (image, media, frame, object).
LOADING_ATTRS = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
    "script": ("src",),
    "form": ("action",),
    "button": ("formaction",),
}
# <script type> values that are data, never executed (a CSP does not apply to them).
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "text/plain"}
# Files under /pagefind/ that Pagefind writes but no page of ours loads (its stock UIs use
# data: URLs and inline styles); scanned only if a page references them.
UNUSED_VENDOR = re.compile(
    r"^pagefind/pagefind-(?:component-|modular-)?(?:ui|highlight)\.(?:js|css)$"
)
# /admin/ (Decap CMS) has its own, looser policy (deploy/_headers): not scanned here.
OWN_POLICY_DIRS = ("admin/",)

_JS_REMOTE = re.compile(
    r"""(?x)
    (?: \bfetch | \bimport | \bimportScripts | \bsendBeacon
      | new\s+(?:Worker|SharedWorker|WebSocket|EventSource)
      | \.open\s*\(\s*['"][A-Za-z]+['"]\s*,  # XMLHttpRequest.open(method, url)
    )\s*\(?\s*
    ['"`]((?:https?:|wss?:)?//[^'"`\s]+)['"`]
    |
    \bimport\s[^;'"`]*?\bfrom\s*['"`]((?:https?:)?//[^'"`\s]+)['"`]
    |
    \.src\s*=\s*['"`]((?:https?:)?//[^'"`\s]+)['"`]
    """
)
_JS_EVAL = re.compile(r"(?<![\w.$])(?:eval\s*\(|new\s+Function\s*\()")
_JS_COOKIE = re.compile(r"document\.cookie\s*=(?!=)")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.S)
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)""")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _foreign(value: str, base: str, own: set[str]) -> str | None:
    """The absolute URL if `value` (relative to `base`) is on another origin, else None."""
    value = value.strip()
    if not value or value.startswith(("#", "data:", "blob:", "about:", "mailto:", "tel:", "sms:")):
        return None
    absolute = urljoin(base, value)
    if urlsplit(absolute).scheme not in ("http", "https", "ws", "wss", "ftp"):
        return None
    return absolute if _origin(absolute) not in own else None


def _srcset_urls(value: str) -> list[str]:
    return [item.strip().split()[0] for item in value.split(",") if item.strip()]


def scan_html(rel: str, html: str, base: str, own: set[str]) -> tuple[list[Problem], set[str]]:
    """Check one page; return its problems and the same-origin CSS/JS URLs it loads."""
    problems: list[Problem] = []
    loads: set[str] = set()
    page = _url_of(rel)
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        name = tag.name.lower()
        for attr, value in tag.attrs.items():
            low = attr.lower()
            if low.startswith("on") and len(low) > 2:
                problems.append(Problem(page, f"event-handler attribute {attr}= on <{name}>"))
            if low == "style":
                problems.append(
                    Problem(page, f"style attribute on <{name}> (CSP style-src 'self' blocks it)")
                )
            text = " ".join(value) if isinstance(value, list) else str(value)
            if low in ("href", "src", "action", "formaction", "xlink:href", "data") and re.match(
                r"\s*javascript:", text, re.I
            ):
                problems.append(Problem(page, f"javascript: URL in <{name} {attr}>"))
        if name == "script":
            src = tag.get("src")
            kind = (tag.get("type") or "").strip().lower()
            if not src:
                if kind not in DATA_SCRIPT_TYPES:
                    problems.append(
                        Problem(page, "inline <script> (CSP script-src 'self' blocks it)")
                    )
                continue
        if name == "style":
            problems.append(
                Problem(page, "inline <style> element (CSP style-src 'self' blocks it)")
            )
        if name == "meta" and (tag.get("http-equiv") or "").lower() == "refresh":
            problems.append(Problem(page, "<meta http-equiv=refresh> (use a link or a redirect)"))
        targets: list[tuple[str, str]] = []
        if name == "link":
            rels = {r.lower() for r in (tag.get("rel") or [])}
            if rels & LOADING_RELS and tag.get("href"):
                targets.append((f"<link rel={' '.join(sorted(rels))}>", tag["href"]))
                if rels & {"stylesheet", "modulepreload", "preload"}:
                    loads.add(urljoin(base, tag["href"]))
        for attr in LOADING_ATTRS.get(name, ()):
            value = tag.get(attr)
            if not value:
                continue
            urls = _srcset_urls(value) if attr == "srcset" else [value]
            for url in urls:
                targets.append((f"<{name} {attr}>", url))
                if name == "script":
                    loads.add(urljoin(base, url))
                if name in ("img", "source", "image", "input") and url.strip().startswith("data:"):
                    problems.append(
                        Problem(page, f"data: URL in <{name} {attr}> (CSP img-src blocks it)")
                    )
        for where, url in targets:
            foreign = _foreign(url, base, own)
            if foreign:
                problems.append(Problem(page, f"{where} loads {foreign} from another origin"))
    return problems, loads


def scan_css(rel: str, text: str, base: str, own: set[str]) -> list[Problem]:
    """Check a stylesheet: url() and @import only to our own origin, no data: URLs."""
    problems: list[Problem] = []
    page = "/" + rel
    for match in _CSS_URL.finditer(text):
        url = match.group(2).strip()
        if url.startswith("data:"):
            problems.append(
                Problem(page, f"url(data:...) in CSS (CSP img-src/font-src 'self' blocks it): "
                        f"{url[:40]}...")
            )
            continue
        foreign = _foreign(url, base, own)
        if foreign:
            problems.append(Problem(page, f"url({foreign}) loads from another origin"))
    for match in _CSS_IMPORT.finditer(text):
        foreign = _foreign(match.group(1), base, own)
        if foreign:
            problems.append(Problem(page, f"@import {foreign} loads from another origin"))
    return problems


def scan_js(rel: str, text: str, own: set[str]) -> list[Problem]:
    """Check a script: no fetch/import/worker/XHR to another origin, no eval, no cookies."""
    problems: list[Problem] = []
    page = "/" + rel
    for match in _JS_REMOTE.finditer(text):
        url = next(g for g in match.groups() if g)
        absolute = url if not url.startswith("//") else "https:" + url
        if _origin(absolute) not in own:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(Problem(f"{page}:{line}", f"requests {url} from another origin"))
    for match in _JS_EVAL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        problems.append(
            Problem(f"{page}:{line}", "eval()/new Function() (CSP without 'unsafe-eval' blocks it)")
        )
    for match in _JS_COOKIE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        problems.append(Problem(f"{page}:{line}", "sets a cookie (document.cookie =)"))
    return problems


def static_gate(out: Path, origin: str, own_origins: Iterable[str] = ()) -> GateResult:
    """Scan every HTML page, and every CSS/JS file a page can load, in `out`."""
    result = GateResult("static")
    own = {_origin(origin), *(_origin(o) for o in own_origins if o)}
    referenced: set[str] = set()
    pages = 0
    for path in sorted(out.rglob("*.html")):
        rel = path.relative_to(out).as_posix()
        if rel.startswith(OWN_POLICY_DIRS):
            continue
        pages += 1
        base = origin + _url_of(rel)
        problems, loads = scan_html(rel, path.read_text(encoding="utf-8", errors="replace"), base,
                                    own)
        result.problems.extend(problems)
        referenced |= {urlsplit(u).path.lstrip("/") for u in loads if _origin(u) in own}
    assets = 0
    for path in sorted([*out.rglob("*.css"), *out.rglob("*.js"), *out.rglob("*.mjs")]):
        rel = path.relative_to(out).as_posix()
        if rel.startswith(OWN_POLICY_DIRS):
            continue
        if UNUSED_VENDOR.match(rel) and rel not in referenced:
            continue
        assets += 1
        text = path.read_text(encoding="utf-8", errors="replace")
        if rel.endswith(".css"):
            result.problems.extend(scan_css(rel, text, f"{origin}/{rel}", own))
        else:
            result.problems.extend(scan_js(rel, text, own))
    result.notes.append(f"{pages} HTML pages and {assets} CSS/JS files scanned "
                        f"(/admin/ has its own policy and is not scanned)")
    if result.problems:
        result.status = "fail"
    return result


# --- Nu HTML checker ---------------------------------------------------------------------------


def start_vnu(out: Path) -> subprocess.Popen[bytes] | None:
    """Start the Nu HTML checker over every page in the background (it takes a while)."""
    if not VNU_JAR.is_file() or not shutil.which("java"):
        return None
    return subprocess.Popen(
        ["java", "-Xss1024k", "-jar", str(VNU_JAR), "--skip-non-html", "--also-check-css",
         "--errors-only", "--format", "json", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def finish_vnu(proc: subprocess.Popen[bytes] | None, out: Path) -> GateResult:
    """Collect the checker's errors, one problem per message, named by page and line."""
    result = GateResult("html")
    if proc is None:
        result.fail("-", "the Nu HTML checker cannot run: need node_modules/vnu-jar "
                         "(npm ci) and java (apt-get install default-jre-headless)")
        return result
    stdout, stderr = proc.communicate()
    try:
        messages = json.loads(stderr or stdout or b"{}").get("messages", [])
    except json.JSONDecodeError:
        result.fail("-", f"unreadable output from vnu: {(stderr or stdout)[:300]!r}")
        return result
    root = out.resolve().as_uri()
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        url = message.get("url", "-")
        page = url.replace(root, "").replace("file:" + str(out.resolve()), "") or url
        line = message.get("lastLine")
        where = f"{page}:{line}" if line else page
        extract = (message.get("extract") or "").strip().replace("\n", " ")[:80]
        text = message.get("message", "").strip()
        result.fail(where, f"{text}" + (f"  [{extract}]" if extract else ""))
    pages = sum(1 for _ in out.rglob("*.html"))
    result.notes.append(f"{pages} HTML files checked by vnu (in the background, while the "
                        "links and browser gates ran; its time overlaps theirs)")
    return result


# --- links and fragments ------------------------------------------------------------------------


def links_gate(out: Path, origin: str) -> GateResult:
    """LinkChecker with AnchorCheck over the served site, every page a start URL."""
    result = GateResult("links")
    exe = ROOT / ".venv" / "bin" / "linkchecker"
    if not exe.exists():
        exe_name = shutil.which("linkchecker")
        if not exe_name:
            result.fail("-", "LinkChecker is not installed (pip install -e '.[dev]')")
            return result
        exe = Path(exe_name)
    urls = [origin + _url_of(p.relative_to(out).as_posix()) for p in sorted(out.rglob("*.html"))]
    with tempfile.TemporaryDirectory(prefix="linkcheck-") as tmp:
        config = Path(tmp) / "linkcheckerrc"
        config.write_text(
            # maxrequestspersecond above 10 applies only when the server sends a
            # "LinkChecker" header, which scripts/serve_headers.py does for LinkChecker.
            "[checking]\nthreads=4\nmaxrequestspersecond=200\n"
            "[filtering]\ncheckextern=0\n[AnchorCheck]\n"
        )
        os.chmod(tmp, 0o755)
        os.chmod(config, 0o644)
        proc = subprocess.run(
            [str(exe), "-f", str(config), "--no-status", "--no-robots", "--verbose", "-o", "csv",
             *urls],
            capture_output=True,
            text=True,
            check=False,
        )
    rows = [line for line in proc.stdout.splitlines() if line and not line.startswith("#")]
    seen: set[tuple[str, str]] = set()
    checked = 0
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        checked += 1
        url = row.get("url") or row.get("urlname") or "?"
        parent = row.get("parentname") or url
        parent_page = urlsplit(parent).path or "/"
        target = url.replace(origin, "")
        if row.get("valid") == "False":
            key = (parent_page, target)
            if key not in seen:
                seen.add(key)
                result.fail(parent_page, f"broken link {target} ({row.get('result', '').strip()})")
        warning = row.get("warningstring") or ""
        if "Anchor" in warning and "not found" in warning:
            key = (parent_page, target)
            if key not in seen:
                seen.add(key)
                fragment = urlsplit(url).fragment
                result.fail(parent_page, f"link {target}: no element with id=\"{fragment}\" there")
    if proc.returncode not in (0, 1) or (checked == 0 and urls):
        result.fail("-", f"LinkChecker did not run properly (exit {proc.returncode}): "
                         f"{proc.stderr.strip()[-400:]}")
    result.notes.append(f"{len(urls)} pages as start URLs, {checked} links reported")
    return result


# --- browser: axe, CSP, console, cookies, foreign requests ---------------------------------------

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
    from playwright.sync_api import sync_playwright

    problems: list[Problem] = []
    own = _origin(base_url)
    with contextlib.ExitStack() as stack:
        if browser is None:
            p = stack.enter_context(sync_playwright())
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            stack.callback(browser.close)
        for scheme in schemes:
            context = browser.new_context(color_scheme=scheme)
            stack.callback(context.close)
            foreign: list[str] = []

            def block_foreign(route: Any, foreign: list[str] = foreign) -> None:
                url = route.request.url
                if url.startswith(("http:", "https:", "ws:", "wss:")) and _origin(url) != own:
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


def _lookup(page: Any) -> str | None:
    """Type the ZIP, submit, wait for the results; return a problem or None."""
    if not page.locator("form#zip-form input#zip").count():
        return "no form#zip-form with input#zip (see the action page DOM contract)"
    page.fill("input#zip", LOOKUP_ZIP)
    page.locator("form#zip-form").evaluate("f => f.requestSubmit()")
    try:
        page.wait_for_selector("#results[data-state=done], #results[data-state=error]",
                               timeout=10_000)
    except Exception:
        return f"#results never got data-state=done within 10 s after looking up {LOOKUP_ZIP}"
    if page.get_attribute("#results", "data-state") != "done":
        text = (page.text_content("#results") or "").strip()[:160]
        return f"lookup of {LOOKUP_ZIP} ended with data-state=error: {text}"
    return None


def _search(page: Any) -> str | None:
    """Search for a word the site certainly contains; return a problem or None."""
    if not page.locator("input#search-q").count():
        return "no input#search-q on the search page"
    page.fill("input#search-q", SEARCH_QUERY)
    page.locator("form.search-form").evaluate("f => f.requestSubmit()")
    try:
        page.wait_for_selector(".search-result a", timeout=10_000)
    except Exception:
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


# --- Lighthouse ---------------------------------------------------------------------------------


def _lighthouse_run(url: str, report: Path) -> tuple[dict[str, Any] | None, str]:
    """One Lighthouse run (mobile, simulated throttling); the report, or None and why."""
    proc = subprocess.run(
        [str(NODE_BIN / "lighthouse"), url, "--quiet", "--output=json",
         f"--output-path={report}",
         "--only-categories=performance,accessibility,best-practices,seo",
         f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=False,
    )
    if proc.returncode != 0 or not report.is_file():
        return None, f"Lighthouse failed (exit {proc.returncode}): {proc.stderr.strip()[-300:]}"
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        return None, f"Lighthouse runtime error: {data['runtimeError']}"
    return data, ""


def _scores(data: dict[str, Any]) -> dict[str, float | None]:
    return {k: v.get("score") for k, v in data["categories"].items()}


def _passes(scores: dict[str, float | None]) -> bool:
    return all((scores.get(c) or 0) >= m for c, m in LIGHTHOUSE_MIN.items())


def lighthouse_gate(base_url: str, pages: dict[str, str | None], runs: int = 3) -> GateResult:
    """Lighthouse 12, mobile, on home, a platform page and an action page.

    One run per page; a page that misses a threshold (or a run that Lighthouse itself
    aborts, such as NO_NAVSTART) is run again, up to `runs` runs in all, and the page is judged
    on the median run by performance score (Lighthouse CI's median-run), because performance
    on a shared 2-core machine varies from run to run.
    """
    result = GateResult("lighthouse")
    if not (NODE_BIN / "lighthouse").exists():
        result.fail("-", "node_modules/.bin/lighthouse is missing (npm ci)")
        return result
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        for t in PAGE_TYPES:
            path = pages.get(t.name)
            if not t.lighthouse or not path:
                continue
            reports: list[dict[str, Any]] = []
            error = ""
            for attempt in range(runs):
                report = Path(tmp) / f"{t.name}-{attempt}.json"
                data, error = _lighthouse_run(base_url + path, report)
                if data is None:  # e.g. NO_NAVSTART: Lighthouse itself asks to run again
                    result.notes.append(f"{path}: run {attempt + 1} gave no report: {error[:120]}")
                    continue
                reports.append(data)
                if len(reports) == 1 and _passes(_scores(data)):
                    break
            if not reports:
                result.fail(path, error)
                continue
            reports.sort(key=lambda d: _scores(d).get("performance") or 0)
            data = reports[len(reports) // 2]
            scores = _scores(data)
            all_perf = ", ".join(str(round((_scores(d).get("performance") or 0) * 100))
                                 for d in reports)
            result.notes.append(
                f"{path} [{t.name}]: "
                + ", ".join(f"{k} {'-' if v is None else round(v * 100)}" for k, v in
                            scores.items())
                + (f" (median of {len(reports)} runs; performance {all_perf})"
                   if len(reports) > 1 else "")
            )
            for category, minimum in LIGHTHOUSE_MIN.items():
                score = scores.get(category)
                if score is None or score < minimum:
                    audits = _failing_audits(data, category)
                    result.fail(
                        path,
                        f"{category} {score} < {minimum}; failing audits: "
                        f"{audits or 'none listed'}",
                    )
    return result


def _failing_audits(data: dict[str, Any], category: str) -> str:
    refs = data["categories"][category].get("auditRefs", [])
    bad = []
    for ref in refs:
        audit = data["audits"].get(ref["id"], {})
        score = audit.get("score")
        if ref.get("weight", 0) > 0 and score is not None and score < 1:
            value = audit.get("displayValue")
            bad.append(f"{ref['id']} ({score}{', ' + value if value else ''})")
    return "; ".join(bad)


# --- orchestration ------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def page_types_gate(pages: dict[str, str | None], require_all: bool) -> GateResult:
    """Every required page type must exist; report which example each gate uses."""
    result = GateResult("page-types")
    for t in PAGE_TYPES:
        path = pages.get(t.name)
        if path:
            result.notes.append(f"{t.name:16} {path}")
            continue
        message = f"MISSING page type '{t.name}': no {t.describe} in the output"
        if not t.required:
            result.notes.append(f"{t.name:16} (optional, not built)")
        elif require_all:
            result.fail(t.name, message + "; every gate skipped it")
        else:
            result.notes.append("!" * 3 + " " + message + " - SKIPPED by every gate "
                                "(--allow-missing-page-types)")
    return result


def _site_origins(settings: Path) -> list[str]:
    """SITEURL and SITE_ORIGIN of a settings file: absolute links there are our own too."""
    from pelican.settings import read_settings

    values = read_settings(str(settings))
    return [str(values.get(k) or "") for k in ("SITEURL", "SITE_ORIGIN")
            if str(values.get(k) or "").startswith("http")]


def print_summary(results: list[GateResult], stream: Any = sys.stdout) -> None:
    """A clear summary: one line per gate, then every problem as `page: problem`."""
    print("\n== make check summary " + "=" * 58, file=stream)
    for r in results:
        print(f"  {r.status.upper():5} {r.name:11} {r.seconds:6.1f} s  "
              f"{len(r.problems)} problem(s)", file=stream)
    for r in results:
        if not r.notes and not r.problems:
            continue
        print(f"\n-- {r.name} ({r.status})", file=stream)
        for note in r.notes:
            print(f"   {note}", file=stream)
        for problem in r.problems:
            print(f"   FAIL {problem}", file=stream)
    failed = [r.name for r in results if r.status == "fail"]
    print("", file=stream)
    print(f"FAILED gates: {', '.join(failed)}" if failed else "All gates passed.", file=stream)


def _timed(result_factory: Callable[[], GateResult]) -> GateResult:
    start = time.perf_counter()
    result = result_factory()
    result.seconds = time.perf_counter() - start
    return result


def main(argv: list[str] | None = None) -> int:
    """Build, serve with the deploy headers, run the gates, print the summary."""
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n\n", 2)[2],
    )
    parser.add_argument("--output", type=Path, default=ROOT / "output",
                        help="where to build (safely swapped in) and what to check")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--no-build", action="store_true", help="check --output as it is")
    parser.add_argument("--skip", default="",
                        help=f"comma-separated gates to skip: {', '.join(SKIPPABLE)} "
                             "(use --no-build to skip the build)")
    parser.add_argument("--port", type=int, default=0, help="port for the local server")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--require-all-page-types", dest="require_all", action="store_true",
                       default=True, help="fail if a page type is missing (default)")
    group.add_argument("--allow-missing-page-types", dest="require_all", action="store_false",
                       help="skip missing page types loudly instead of failing")
    args = parser.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    unknown = skip - set(SKIPPABLE)
    if unknown:
        parser.error(f"cannot skip {', '.join(sorted(unknown))}; "
                     f"gates that can be skipped: {', '.join(SKIPPABLE)}")

    out: Path = args.output.resolve()
    port = args.port or free_port()
    origin = f"http://127.0.0.1:{port}"
    results: list[GateResult] = []

    if not args.no_build:
        build = GateResult("build")
        start = time.perf_counter()
        try:
            built = publish.safe_build(out, args.settings, env={"SITE_ORIGIN": origin})
            build.notes.append(f"{built.pages} HTML pages with {args.settings.name} into {out} "
                               f"(pelican --fatal warnings + Pagefind)")
        except publish.BuildError as error:
            build.fail(str(args.settings.name), str(error))
        build.seconds = time.perf_counter() - start
        results.append(build)
        if build.status == "fail":
            print_summary(results)
            return 1
    if not (out / "index.html").is_file():
        results.append(GateResult("build", "fail", [Problem(str(out), "no index.html; build "
                                                                      "first")]))
        print_summary(results)
        return 1

    pages = find_pages(out)
    results.append(page_types_gate(pages, args.require_all))
    for name in SKIPPABLE:
        if name in skip:
            results.append(GateResult(name, "skip", notes=["skipped with --skip"]))

    vnu = start_vnu(out) if "html" not in skip else None
    vnu_start = time.perf_counter()
    if "static" not in skip:
        own = _site_origins(args.settings)
        results.append(_timed(lambda: static_gate(out, origin, own)))
    with serve_headers.serve(out, port=port) as base_url:
        if "links" not in skip:
            results.append(_timed(lambda: links_gate(out, base_url)))
        if "browser" not in skip:
            results.append(_timed(lambda: browser_gate(base_url, pages)))
        if "html" not in skip:
            html = finish_vnu(vnu, out)
            html.seconds = time.perf_counter() - vnu_start
            results.append(html)
        if "lighthouse" not in skip:
            results.append(_timed(lambda: lighthouse_gate(base_url, pages)))
    order = {name: i for i, name in enumerate(GATES)}
    results.sort(key=lambda r: order.get(r.name, 99))
    print_summary(results)
    return 1 if any(r.status == "fail" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
