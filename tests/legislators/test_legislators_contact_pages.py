"""House contact pages, found by `make data` on members' own sites (a local server here).

Requests for https://<member>.house.gov/... are answered by a server on 127.0.0.1 (a
transport adapter rewrites the address), so the crawler's real code runs: standard paths,
redirects only on the member's host, a page that is about contact and has a form.
"""

from __future__ import annotations

from dataclasses import replace
import datetime as dt
import json
from pathlib import Path
import re
from typing import Any

from pytest_httpserver import HTTPServer
import requests
from upstream import FIXTURES
from werkzeug import Request, Response

from legislators.contact_pages import GIVE_UP_AFTER, PAGES_FILE, discover, read
from legislators.fetch import Policy
from legislators.members import parse_member
from legislators.report import Report
from tests.conftest import build

POLICY = Policy(connect_timeout=1, read_timeout=1, deadline=5, max_bytes=100_000, retries=0)
TODAY = dt.date(2026, 11, 22)
CONTACT = "<!doctype html><title>Contact Fay Finch</title><h1>Email me</h1><form></form>"


class LocalHouse(requests.adapters.HTTPAdapter):
    """Sends https://<name>.house.gov/<path> to http://127.0.0.1:<port>/<name>/<path>."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        match = re.match(r"https://([a-z0-9-]+)\.house\.gov(/.*)?$", request.url or "")
        assert match, request.url  # nothing else may be asked for
        request.url = f"{self.base}/{match.group(1)}{match.group(2) or '/'}"
        return super().send(request, **kwargs)


def member_sites(request: Request) -> Response:
    """Finch: /contact redirects on her host to a real contact page. Tester: /contact goes
    to another host, /email-me is a page without a form."""
    path = request.path
    if path == "/finch/contact":
        return Response(status=302, headers={"Location": "https://finch.house.gov/contact/email"})
    if path == "/finch/contact/email":
        return Response(CONTACT, content_type="text/html; charset=utf-8")
    if path == "/tester/contact":
        return Response(status=302, headers={"Location": "https://tester.house.gov.evil.example/"})
    if path == "/tester/email-me":
        return Response("<title>Email</title><p>Write to us by post.</p>", content_type="text/html")
    return Response("not found", status=404)


def members() -> list[Any]:
    records = json.loads((FIXTURES / "congress" / "legislators-current.json").read_text())
    found = [parse_member(r, i, offices={}, today=TODAY, allowed_hosts=("house.gov",
                          "senate.gov"), report=Report()) for i, r in enumerate(records)]
    return [m for m in found if m is not None]


def test_make_data_finds_a_contact_page_on_the_members_own_host(
    server: HTTPServer, tmp_path: Path
) -> None:
    server.expect_request(re.compile(".*")).respond_with_handler(member_sites)
    session = requests.Session()
    session.mount("https://", LocalHouse(server.url_for("").rstrip("/")))
    result = discover(members(), tmp_path, paths=("/contact", "/email-me"), policy=POLICY,
                      workers=2, max_age_days=30, today=TODAY, session=session)
    assert result["R000002"]["url"] == "https://finch.house.gov/contact/email"
    assert result["R000002"]["found"] == "2026-11-22"
    assert result["R000001"]["url"] is None  # off-host redirect; a page with no form
    # Senators and House members with an official contact form are not looked for.
    assert "S000001" not in result
    found = read(tmp_path, ("house.gov", "senate.gov"))
    assert found == {"R000002": {"url": "https://finch.house.gov/contact/email",
                                 "found": "2026-11-22"}}
    # A fresh entry is not looked for again.
    server.clear()
    again = discover(members(), tmp_path, paths=("/contact",), policy=POLICY, workers=1,
                     max_age_days=30, today=TODAY + dt.timedelta(days=1), session=session)
    assert again["R000002"] == result["R000002"] and not server.log


class NoNetwork(requests.adapters.BaseAdapter):
    """Every host fails as it does with the network down (no name, no connection)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        self.asked.append(request.url or "")
        raise requests.ConnectionError("Name or service not known")

    def close(self) -> None:
        """Nothing to close."""


def test_with_the_network_down_what_was_found_is_kept(tmp_path: Path) -> None:
    """An outage is not "no contact page": the entry found before stays, and is tried again."""
    before = {"R000002": {"website": "https://finch.house.gov", "checked": "2026-09-01",
                          "url": "https://finch.house.gov/contact/email", "found": "2026-09-01"}}
    (tmp_path / PAGES_FILE).write_text(json.dumps(before), encoding="utf-8")
    session = requests.Session()
    session.mount("https://", NoNetwork())
    result = discover(members(), tmp_path, paths=("/contact", "/email-me"), policy=POLICY,
                      workers=1, max_age_days=30, today=TODAY, session=session)
    assert result["R000002"] == before["R000002"]
    # Never found, and not recorded as "none" either: tester and isla are tried next time.
    assert "R000001" not in result and "R000004" not in result
    assert result.unreached == 3
    assert json.loads((tmp_path / PAGES_FILE).read_text())["R000002"] == before["R000002"]


def test_after_a_run_of_unreachable_sites_the_rest_are_not_tried(tmp_path: Path) -> None:
    many = [replace(members()[-1], bioguide=f"R{n:06d}", website=f"https://m{n}.house.gov")
            for n in range(3, 40)]
    adapter = NoNetwork()
    session = requests.Session()
    session.mount("https://", adapter)
    result = discover(many, tmp_path, paths=("/contact", "/email-me"), policy=POLICY,
                      workers=1, max_age_days=30, today=TODAY, session=session)
    assert result.unreached == len(many)
    assert len(adapter.asked) == GIVE_UP_AFTER  # one path per site, then it gives up


def test_the_build_publishes_what_was_found_apart_from_an_official_form(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / PAGES_FILE).write_text(json.dumps({
        "R000002": {"website": "https://finch.house.gov", "checked": "2026-11-20",
                    "url": "https://finch.house.gov/contact/email", "found": "2026-11-20"},
        # A page on another host is never published, whatever the file says.
        "R000001": {"website": "https://tester.house.gov", "checked": "2026-11-20",
                    "url": "https://evil.example/contact", "found": "2026-11-20"},
    }), encoding="utf-8")
    out = build(tmp_path / "out", PATH=str(FIXTURES / "site"),
                PLUGINS=["content_schema", "sections", "legislators"],
                LEGISLATORS_SOURCE=str(FIXTURES / "congress"),
                LEGISLATORS_ZIP_SOURCE=str(FIXTURES / "zccd.csv"),
                LEGISLATORS_CACHE_PATH=str(cache), LEGISLATORS_SET_CHECKS=False,
                LEGISLATORS_TODAY="2026-11-22")
    mt = json.loads((out / "api/v1/states/MT.json").read_text(encoding="utf-8"))
    finch = mt["districts"]["MT-1"]
    assert finch["contact_form"] is None
    assert (finch["contact_page"], finch["contact_page_found"]) == (
        "https://finch.house.gov/contact/email", "2026-11-20")
    wy = json.loads((out / "api/v1/states/WY.json").read_text(encoding="utf-8"))
    assert wy["districts"]["WY-AL"]["contact_page"] is None
    page = " ".join((out / "representatives/mt/index.html").read_text().split())
    assert ('<a href="https://finch.house.gov/contact/email">Contact page</a> '
            "(found on the member&#39;s own site on "
            '<time datetime="2026-11-20">November 20, 2026</time>') in page
