"""scripts/admin_server.py: one origin for the editor, the proxy to decap-server, rebuilds."""

from __future__ import annotations

from collections.abc import Iterator
import json
from pathlib import Path
import socket
import threading
import time
from typing import Any
import urllib.error
import urllib.request

from admin_server import Rebuilder, make_server, written_paths
import pytest
from pytest_httpserver import HTTPServer


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def site(tmp_path: Path, httpserver: HTTPServer) -> Iterator[dict[str, Any]]:
    """The admin server over a tiny built site, with a stand-in for decap-server."""
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "index.html").write_text("<!doctype html><title>e</title>")
    (tmp_path / "admin" / "config.yml").write_text("backend: {name: proxy}\n")
    (tmp_path / "index.html").write_text("<!doctype html><title>home</title>")
    built: list[str] = []

    def build() -> float:
        built.append("x")
        return 0.01

    rebuilder = Rebuilder(build)
    port = free_port()
    server = make_server(tmp_path, port, httpserver.port, rebuilder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {"url": f"http://127.0.0.1:{port}", "built": built, "rebuilder": rebuilder}
    finally:
        server.shutdown()
        server.server_close()


def post(url: str, body: bytes, **headers: str) -> tuple[int, bytes]:
    """POST and return (status, body), errors included."""
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_editor_requests_are_passed_on(site: dict[str, Any], httpserver: HTTPServer) -> None:
    """A same-origin JSON request reaches decap-server and its answer comes back as is."""
    httpserver.expect_request("/api/v1", method="POST", json={"action": "info"}).respond_with_json(
        {"type": "local_fs"}
    )
    status, body = post(
        site["url"] + "/api/v1", b'{"action": "info"}',
        **{"Content-Type": "application/json", "Origin": site["url"]},
    )
    assert (status, json.loads(body)) == (200, {"type": "local_fs"})
    assert site["built"] == []  # reading does not rebuild


def test_other_origins_cannot_write(site: dict[str, Any], httpserver: HTTPServer) -> None:
    """A page on another site gets 403 and decap-server never sees the request."""
    status, _ = post(
        site["url"] + "/api/v1", b'{"action": "persistEntry"}',
        **{"Content-Type": "application/json", "Origin": "https://evil.example"},
    )
    assert status == 403
    status, _ = post(site["url"] + "/api/v1", b"action=persistEntry",
                     **{"Content-Type": "text/plain", "Origin": site["url"]})
    assert status == 415
    status, _ = post(site["url"] + "/elsewhere", b"{}", **{"Content-Type": "application/json"})
    assert status == 404
    assert httpserver.log == []


def test_a_save_rebuilds_the_site(site: dict[str, Any], httpserver: HTTPServer) -> None:
    """After persistEntry succeeds, the site is rebuilt once."""
    httpserver.expect_request("/api/v1", method="POST").respond_with_json({"ok": True})
    request = {"action": "persistEntry",
               "params": {"dataFiles": [{"path": "content/cases/2024-03-19-x.md"}]}}
    status, _ = post(site["url"] + "/api/v1", json.dumps(request).encode(),
                     **{"Content-Type": "application/json", "Origin": site["url"]})
    assert status == 200
    deadline = time.monotonic() + 5
    while not site["built"] and time.monotonic() < deadline:
        time.sleep(0.02)
    assert site["built"] == ["x"]
    assert written_paths(request) == "content/cases/2024-03-19-x.md"


def test_admin_is_served_with_its_own_single_policy(site: dict[str, Any]) -> None:
    """The local server applies deploy/_headers: one CSP on /admin/, the strict one elsewhere."""
    with urllib.request.urlopen(site["url"] + "/admin/") as response:
        policies = response.headers.get_all("Content-Security-Policy")
    assert len(policies) == 1 and "'unsafe-eval'" in policies[0]
    with urllib.request.urlopen(site["url"] + "/admin/config.yml") as response:
        assert response.headers["Content-Type"].startswith("text/yaml")
    with urllib.request.urlopen(site["url"] + "/") as response:
        policies = response.headers.get_all("Content-Security-Policy")
    assert len(policies) == 1 and "unsafe" not in policies[0]
