"""The gates of `make check` can fail: planted violations are caught and named."""

from __future__ import annotations

from pathlib import Path
import shutil

import pytest
from serve_headers import serve

from quality.links import linkchecker, links_gate
from quality.static import scan_css, scan_html, scan_js, static_gate
from quality.vnu import VNU_JAR, finish_vnu, start_vnu

ORIGIN = "http://127.0.0.1:8000"
OWN = {ORIGIN}
PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>" \
       "</head><body><main id=\"main\">{body}</main></body></html>"


def html_problems(body: str) -> list[str]:
    problems, _ = scan_html("x/index.html", PAGE.format(title="x", body=body), ORIGIN + "/x/", OWN)
    assert all(p.page == "/x/" for p in problems)
    return [p.message for p in problems]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<script>alert(1)</script>", "inline <script>"),
        ("<script type=module>import './a.js'</script>", "inline <script>"),
        ('<button onclick="go()">Go</button>', "event-handler attribute onclick"),
        ('<body onload="x()">', "event-handler attribute onload"),
        ('<div style="color:red">x</div>', "style attribute on <div>"),
        ('<svg><rect style="fill:red"/></svg>', "style attribute on <rect>"),
        ("<style>p{color:red}</style>", "inline <style>"),
        ('<a href="javascript:void(0)">x</a>', "javascript: URL"),
        ('<script src="https://cdn.example.com/x.js"></script>', "https://cdn.example.com/x.js"),
        ('<link rel="stylesheet" href="//fonts.googleapis.com/css">', "//fonts.googleapis.com/css"),
        ('<link rel="preconnect" href="https://fonts.gstatic.com">', "fonts.gstatic.com"),
        ('<link rel="icon" href="https://cdn.example.com/f.ico">', "cdn.example.com/f.ico"),
        ('<img src="https://tracker.example/p.gif" alt="">', "tracker.example/p.gif"),
        ('<img src="/a.png" srcset="/a.png 1x, https://cdn.example/b.png 2x" alt="">',
         "cdn.example/b.png"),
        ('<img src="data:image/png;base64,AAAA" alt="">', "data: URL in <img src>"),
        ('<iframe src="https://www.youtube.com/embed/x" title="v"></iframe>', "youtube.com"),
        ('<object data="https://evil.example/x.swf"></object>', "evil.example/x.swf"),
        ('<svg><image href="https://evil.example/i.svg"/></svg>', "evil.example/i.svg"),
        ('<form action="https://forms.example/submit"></form>', "forms.example/submit"),
        ('<video src="/v.mp4" poster="https://cdn.example/p.jpg"></video>', "cdn.example/p.jpg"),
        ('<meta http-equiv="refresh" content="0;url=https://x.example">', "http-equiv=refresh"),
        ('<script src="http://127.0.0.1:9999/x.js"></script>', "127.0.0.1:9999"),
    ],
)
def test_html_violations_are_caught(body: str, expected: str) -> None:
    problems = html_problems(body)
    assert any(expected in p for p in problems), problems


def test_allowed_html_passes() -> None:
    body = (
        '<a href="https://www.congress.gov/">Congress</a>'
        '<a href="tel:+18883737888">call</a><a href="#main">top</a>'
        '<link rel="canonical" href="https://campaign.example/x/">'
        '<link rel="alternate" type="application/atom+xml" href="https://campaign.example/f.xml">'
        '<link rel="stylesheet" href="/theme/css/main.css">'
        f'<script type="module" src="{ORIGIN}/theme/js/a.js"></script>'
        '<script type="application/json" id="data">{"a": 1}</script>'
        '<img src="../images/chart.svg" alt="chart">'
        '<form action="/search/" method="get"></form>'
        '<svg role="img" aria-label="x"><rect fill="red" width="2" height="2"/></svg>'
    )
    assert html_problems(body) == []


def test_html_scan_reports_what_the_page_loads() -> None:
    body = '<link rel="stylesheet" href="../theme/css/main.css"><script src="/theme/js/a.js">' \
           "</script>"
    _, loads = scan_html("x/index.html", PAGE.format(title="x", body=body), ORIGIN + "/x/", OWN)
    assert loads == {ORIGIN + "/theme/css/main.css", ORIGIN + "/theme/js/a.js"}


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("@font-face{src:url(https://fonts.gstatic.com/a.woff2)}", "fonts.gstatic.com"),
        ('@import url("//cdn.example/x.css");', "cdn.example/x.css"),
        ("@import 'https://cdn.example/y.css';", "cdn.example/y.css"),
        (".a{background:url('data:image/svg+xml,%3Csvg%3E')}", "url(data:"),
    ],
)
def test_css_violations_are_caught(css: str, expected: str) -> None:
    problems = scan_css("theme/css/x.css", css, ORIGIN + "/theme/css/x.css", OWN)
    assert any(expected in p.message for p in problems), problems
    assert problems[0].page == "/theme/css/x.css"


def test_allowed_css_passes() -> None:
    css = ".a{background:url(../img/a.png)} .b{background:url('/img/b.svg')} @import 'c.css';"
    assert scan_css("theme/css/x.css", css, ORIGIN + "/theme/css/x.css", OWN) == []


@pytest.mark.parametrize(
    ("js", "expected"),
    [
        ('fetch("https://api.example.com/zip/021.json")', "api.example.com"),
        ("const r = await fetch('//api.example.com/x');", "//api.example.com/x"),
        ('import("https://cdn.example/mod.js")', "cdn.example/mod.js"),
        ('import { a } from "https://cdn.example/a.js";', "cdn.example/a.js"),
        ('new Worker("https://cdn.example/w.js")', "cdn.example/w.js"),
        ('new WebSocket("wss://live.example/s")', "live.example"),
        ('xhr.open("GET", "https://api.example/x")', "api.example/x"),
        ('navigator.sendBeacon("https://stats.example/hit")', "stats.example"),
        ('img.src = "https://tracker.example/p.gif"', "tracker.example"),
        ('eval("1 + 1")', "eval()"),
        ('const f = new Function("return 1")', "eval()"),
        ('document.cookie = "seen=1"', "sets a cookie"),
    ],
)
def test_js_violations_are_caught(js: str, expected: str) -> None:
    problems = scan_js("theme/js/x.js", "// header\n" + js, OWN)
    assert any(expected in p.message for p in problems), problems
    assert problems[0].page == "/theme/js/x.js:2"


def test_allowed_js_passes() -> None:
    js = (
        "const data = await fetch(`${base}/api/v1/zip/${zip.slice(0, 3)}.json`);\n"
        "const meta = await fetch('/api/v1/meta.json');\n"
        "import { x } from './x.js';\n"
        "const senate = 'https://www.senate.gov/senators/'; link.href = senate;\n"
        "// see https://example.org/docs for fetch details\n"
        "if (document.cookie === '') {}\n"
        "const retrieval = evaluate(1);\n"
    )
    assert scan_js("theme/js/x.js", js, OWN) == []


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_static_gate_names_page_and_problem(tmp_path: Path) -> None:
    _write(tmp_path, "index.html", PAGE.format(
        title="home", body='<link rel="stylesheet" href="/theme/css/main.css"><p>ok</p>'))
    _write(tmp_path, "theme/css/main.css", "body{color:black}")
    _write(tmp_path, "theme/js/ok.js", "fetch('/api/v1/meta.json')")
    # Pagefind's stock UI uses data: URLs; no page loads it, so it is not a violation...
    _write(tmp_path, "pagefind/pagefind-ui.css", ".x{background:url(data:image/png;base64,AA)}")
    # ... and Decap CMS under /admin/ has its own policy.
    _write(tmp_path, "admin/index.html", PAGE.format(title="admin", body="<script>x()</script>"))
    assert static_gate(tmp_path, ORIGIN).status == "pass"

    _write(tmp_path, "act/x/index.html", PAGE.format(
        title="act", body='<button onclick="send()">Send</button>'
                          '<script src="https://cdn.example/lib.js"></script>'))
    _write(tmp_path, "theme/js/bad.js", "\n\nfetch('https://api.example/x')")
    result = static_gate(tmp_path, ORIGIN)
    assert result.status == "fail"
    found = sorted(str(p) for p in result.problems)
    assert "/act/x/: event-handler attribute onclick= on <button>" in found
    assert any(f.startswith("/act/x/: <script src> loads https://cdn.example/lib.js")
               for f in found)
    assert any(f.startswith("/theme/js/bad.js:3: requests https://api.example/x") for f in found)
    assert len(found) == 3, found


def test_links_gate_finds_broken_links_and_fragments(tmp_path: Path) -> None:
    if linkchecker() is None:
        pytest.skip("LinkChecker is not installed")
    _write(tmp_path, "index.html", PAGE.format(title="home", body=(
        '<a href="#main">top</a> <a href="/about/#team">team</a> <a href="/about/">about</a>'
    )))
    _write(tmp_path, "about/index.html", PAGE.format(title="about", body=(
        '<h2 id="team">Team</h2><a href="/">home</a>'
    )))
    _write(tmp_path, "404.html", PAGE.format(title="404", body='<a href="/">home</a>'))
    with serve(tmp_path) as url:
        clean = links_gate(tmp_path, url)
    assert clean.status == "pass", [str(p) for p in clean.problems]

    _write(tmp_path, "about/index.html", PAGE.format(title="about", body=(
        '<h2 id="team">Team</h2><a href="/gone/">gone</a> <a href="/#nowhere">x</a>'
    )))
    with serve(tmp_path) as url:
        broken = links_gate(tmp_path, url)
    found = sorted(str(p) for p in broken.problems)
    assert broken.status == "fail"
    assert any(f.startswith("/about/: broken link /gone/ (404") for f in found), found
    assert '/about/: link /#nowhere: no element with id="nowhere" there' in found, found
    assert len(found) == 2, found


def test_html_gate_reports_validator_errors(tmp_path: Path) -> None:
    if not VNU_JAR.is_file() or not shutil.which("java"):
        pytest.skip("vnu-jar or java is missing")
    # One run (Java starts slowly): a valid page that must not be blamed, and a bad one.
    _write(tmp_path, "ok/index.html", PAGE.format(title="fine", body="<p>fine</p>"))
    _write(tmp_path, "bad/index.html", PAGE.format(title="", body='<img src="/a.png">'))
    _write(tmp_path, "theme/css/ok.css", "a { color: red; }")
    _write(tmp_path, "theme/css/bad.css", "a { colour: red; }")
    result = finish_vnu(start_vnu(tmp_path), tmp_path)
    assert result.status == "fail"
    messages = [str(p) for p in result.problems]
    assert any(m.startswith("/theme/css/bad.css") and "colour" in m for m in messages), messages
    messages = [m for m in messages if not m.startswith("/theme/css/bad.css")]
    assert all(m.startswith("/bad/index.html") for m in messages), messages
    assert any("alt" in m for m in messages), messages
    assert any("title" in m for m in messages), messages
