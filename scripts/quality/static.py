"""The static gate: every HTML page, and every CSS/JS file a page can load, read from disk.

Nothing from another origin (script, style, image, font, frame, form, fetch/import/worker,
CSS url()/@import), no inline <script>/<style>, no on* or style attribute, no javascript:
URL, no eval, no cookie writes: what the strict Content-Security-Policy and the privacy
promise forbid, caught before a browser sees the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
import re
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from quality.results import GateResult, Problem
from quality.urls import CSS_IMPORT, origin, url_of

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


def _foreign(value: str, base: str, own: set[str]) -> str | None:
    """The absolute URL if `value` (relative to `base`) is on another origin, else None."""
    value = value.strip()
    if not value or value.startswith(("#", "data:", "blob:", "about:", "mailto:", "tel:", "sms:")):
        return None
    absolute = urljoin(base, value)
    if urlsplit(absolute).scheme not in ("http", "https", "ws", "wss", "ftp"):
        return None
    return absolute if origin(absolute) not in own else None


def _srcset_urls(value: str) -> list[str]:
    return [item.strip().split()[0] for item in value.split(",") if item.strip()]


def scan_html(rel: str, html: str, base: str, own: set[str]) -> tuple[list[Problem], set[str]]:
    """Check one page; return its problems and the same-origin CSS/JS URLs it loads."""
    problems: list[Problem] = []
    loads: set[str] = set()
    page = url_of(rel)
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
    for match in CSS_IMPORT.finditer(text):
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
        if origin(absolute) not in own:
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


def site_origins(settings: Path) -> list[str]:
    """SITEURL and SITE_ORIGIN of a settings file: absolute links there are our own too."""
    from pelican.settings import read_settings

    values = read_settings(str(settings))
    return [str(values.get(k) or "") for k in ("SITEURL", "SITE_ORIGIN")
            if str(values.get(k) or "").startswith("http")]


def static_gate(out: Path, site_origin: str, own_origins: Iterable[str] = ()) -> GateResult:
    """Scan every HTML page, and every CSS/JS file a page can load, in `out`."""
    result = GateResult("static")
    own = {origin(site_origin), *(origin(o) for o in own_origins if o)}
    referenced: set[str] = set()
    pages = 0
    for path in sorted(out.rglob("*.html")):
        rel = path.relative_to(out).as_posix()
        if rel.startswith(OWN_POLICY_DIRS):
            continue
        pages += 1
        base = site_origin + url_of(rel)
        problems, loads = scan_html(rel, path.read_text(encoding="utf-8", errors="replace"), base,
                                    own)
        result.problems.extend(problems)
        referenced |= {urlsplit(u).path.lstrip("/") for u in loads if origin(u) in own}
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
            result.problems.extend(scan_css(rel, text, f"{site_origin}/{rel}", own))
        else:
            result.problems.extend(scan_js(rel, text, own))
    result.notes.append(f"{pages} HTML pages and {assets} CSS/JS files scanned "
                        f"(/admin/ has its own policy and is not scanned)")
    if result.problems:
        result.status = "fail"
    return result
