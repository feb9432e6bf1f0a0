"""A volunteer creates a case highlight in the web editor, offline, in Debian's Chromium.

`scripts/admin_server.py` (what `make admin` runs) builds a TEMPORARY COPY of content/, starts
decap-server on 127.0.0.1 against that copy and serves the site with deploy/_headers. The test
fills in the form, publishes, and checks that the file is in the copy's content/cases/, passes
the content rules, and that the rebuilt site shows the page. The real content/ is never touched.
"""

from __future__ import annotations

from collections.abc import Iterator
import os
from pathlib import Path
import shutil
import signal
import socket
import subprocess
import sys
import time
from typing import Any
import urllib.error
import urllib.request

from admin_server import port_is_free
import pytest

from content_schema import frontmatter
from content_schema.cases import CASES
from tests.conftest import check_tree, needs_shared_data, shared_sources

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.browser,
    needs_shared_data,
    pytest.mark.skipif(
        not (ROOT / "node_modules" / ".bin" / "decap-server").exists(),
        reason="decap-server is not installed (make deps)",
    ),
]

SLUG = "wage-theft-case-ends-in-back-pay"
TITLE = "Court orders back pay for farmworkers held in debt"
DAY = "2024-03-19"


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, timeout: float) -> bytes:
    """GET `url` until it answers 200; return the body."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """`make admin` on a temporary copy of the repository's content."""
    base = tmp_path_factory.mktemp("admin")
    repo = base / "repo"
    shutil.copytree(ROOT / "content", repo / "content")
    port, decap_port = free_port(), free_port()
    env = {**os.environ, **shared_sources()}
    command = [
        sys.executable, str(ROOT / "scripts" / "admin_server.py"),
        "--port", str(port), "--decap-port", str(decap_port),
        "--repo", str(repo), "--output", str(base / "site"),
        "--set", f'LEGISLATORS_CACHE_PATH="{base / "legislators-cache"}"',
    ]
    log = (base / "server.log").open("w")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/admin/", timeout=90)
        yield {"url": url, "repo": repo, "process": process, "log": base / "server.log",
               "decap_port": decap_port, "site": base / "site"}
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


def test_volunteer_creates_a_case_highlight(editor: dict[str, Any], browser: Any) -> None:
    """Refused while invalid; once valid, written to content/cases/, checked and built."""
    url, repo = editor["url"], editor["repo"]
    real_cases = sorted(p.name for p in (ROOT / "content" / "cases").iterdir())
    target = repo / "content" / "cases" / f"{DAY}-{SLUG}.md"
    assert not target.exists()

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => "
        "window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(repr(e)))
    page.on(
        "console",
        lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None,
    )

    started = time.monotonic()
    response = page.goto(f"{url}/admin/#/collections/cases/new")
    csp = [v for k, v in response.headers.items() if k == "content-security-policy"]
    assert len(csp) == 1 and "'unsafe-eval'" in csp[0] and "\n" not in csp[0]
    page.get_by_role("button", name="Login").click()
    # The preview pane re-renders on every keystroke; a volunteer may hide it, and so do we.
    page.get_by_title("Toggle preview").click()

    title = page.locator("input[id^=title-field]")
    title.fill(TITLE)
    page.locator("input[id^=date-field]").fill(DAY)
    page.locator("input[id^=outcomes-field]").click()
    for outcome in ("people", "money"):
        page.keyboard.type(outcome)
        page.keyboard.press("Enter")
    page.locator("input[id^=place-field]").fill("California, United States")
    page.get_by_role("button", name="Add sources").click()
    page.locator("input[id^=name-field]").fill("U.S. Department of Labor, 19 March 2024")
    page.locator("input[id^=url-field]").fill("https://www.dol.gov/newsroom/releases")
    page.locator("textarea[id^=summary-field]").fill(
        "A court ordered back pay for farmworkers whose wages were withheld against a debt."
    )
    slug = page.locator("input[id^=slug-field]")
    slug.fill("Wage Theft!")  # not a slug: the editor must refuse to save it
    page.locator("[data-slate-editor]").click()
    page.keyboard.insert_text("Workers recovered wages after a long case, the department reports.")


    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Publish now").click()
    page.get_by_text("lower-case letters a-z", exact=False).first.wait_for(timeout=5000)
    time.sleep(0.5)
    assert not list((repo / "content" / "cases").glob(f"*{SLUG}*"))
    assert not list((repo / "content" / "cases").glob("*wage-theft*"))
    # Decap rejects its own publish promise with `undefined` when a field is invalid.
    assert set(errors) <= {"Error('undefined')"}, errors
    errors.clear()

    slug.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(SLUG)
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Publish now").click()

    deadline = time.monotonic() + 15
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    created = time.monotonic() - started
    assert target.exists(), sorted(p.name for p in (repo / "content" / "cases").iterdir())
    print(f"\ncase created through the editor in {created:.1f} s")

    # The preview shows what will publish: the site's stylesheet and the outcome badges.
    page.get_by_title("Toggle preview").click()
    preview = page.frame_locator("iframe").first
    badge = preview.locator(".badges .badge--people")
    badge.wait_for(timeout=10_000)
    assert badge.inner_text() == "People"
    assert preview.locator(".badges .badge--money").inner_text() == "Money"
    assert preview.locator("h1").inner_text() == TITLE
    assert preview.locator("link[href$='/theme/css/main.css']").count() == 1
    page.get_by_title("Toggle preview").click()

    # What the editor wrote is what the schema and the build accept.
    fm, problems = frontmatter.read(target)
    assert problems == [] and fm is not None
    assert fm.metadata["title"] == TITLE
    assert str(fm.metadata["date"]) == DAY
    assert fm.metadata["outcomes"] == ["people", "money"]
    assert fm.metadata["slug"] == SLUG
    assert fm.metadata["sources"] == [
        {"name": "U.S. Department of Labor, 19 March 2024",
         "url": "https://www.dol.gov/newsroom/releases"}
    ]
    assert "Workers recovered wages" in fm.body
    assert CASES.check(fm.metadata, path=str(target)) == []
    mine = [p for p in check_tree(repo / "content") if SLUG in p.path]
    assert mine == [], [str(p) for p in mine]
    if (ROOT / "scripts" / "check_content.py").exists():
        done = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "check_content.py"), str(repo / "content")],
            capture_output=True, text=True, check=False,
        )
        assert SLUG not in done.stdout + done.stderr, done.stdout

    # admin_server rebuilt the site after the save: the new page is served.
    page_html = wait_for(f"{url}/cases/{SLUG}/", timeout=60).decode()
    assert TITLE in page_html
    print(f"case page built and served {time.monotonic() - started:.1f} s after opening /admin/")

    # Nothing from another origin, no CSP violation, no script error; real content/ untouched.
    assert [r for r in requests if not r.startswith(url) and not r.startswith("blob:")
            and not r.startswith("data:")] == []
    assert page.evaluate("window.__csp") == []
    assert errors == []
    assert sorted(p.name for p in (ROOT / "content" / "cases").iterdir()) == real_cases
    context.close()


def test_local_backend_only_in_the_preview_build(editor: dict[str, Any]) -> None:
    """Only the preview build (outside output/) says local_backend, pointing at our origin."""
    config = (editor["site"] / "admin" / "config.yml").read_text(encoding="utf-8")
    assert f"url: {editor['url']}/api/v1" in config
    assert "publish_mode" not in config
    assert not editor["site"].is_relative_to(ROOT / "output")


def test_ctrl_c_stops_server_and_decap_server(editor: dict[str, Any]) -> None:
    """SIGINT (Ctrl-C) stops the site server and decap-server, and exits 0."""
    process = editor["process"]
    assert not port_is_free(editor["decap_port"])
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=15) == 0
    deadline = time.monotonic() + 5
    while not port_is_free(editor["decap_port"]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert port_is_free(editor["decap_port"])
    assert "stopping" in editor["log"].read_text()
