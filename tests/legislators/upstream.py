"""A stand-in for the upstream data host on 127.0.0.1 (never the network), with faults.

It serves the fixture files with ETags (honouring If-None-Match); `files` can be swapped
for another snapshot, and `fault` makes every request fail in one of the ways upstream
hosts fail: refused, slow, 5xx, 429, truncated, an HTML page with status 200, too big.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
import re
import time

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legislators"
DOWN = "http://127.0.0.1:1"  # nothing listens on port 1: connection refused
FAULTS = ("refused", "timeout", "5xx", "429", "truncated", "html", "oversize", "shrink")


def fixture_files(folder: Path = FIXTURES / "congress") -> dict[str, bytes]:
    """The congress files of a fixture folder and the ZIP table, by request path."""
    return {
        "/congress/legislators-current.json": (folder / "legislators-current.json").read_bytes(),
        "/congress/legislators-district-offices.json": (
            folder / "legislators-district-offices.json"
        ).read_bytes(),
        "/zccd.csv": (FIXTURES / "zccd.csv").read_bytes(),
    }


class Upstream:
    """Serves fixture files; `fault` names how every request fails (None: it does not)."""

    def __init__(self, server: HTTPServer, files: dict[str, bytes] | None = None) -> None:
        self.files = files if files is not None else fixture_files()
        self.fault: str | None = None
        server.expect_request(re.compile(".*")).respond_with_handler(self.handle)

    def handle(self, request: Request) -> Response:
        """Answer one request as the host would, or fail as `fault` says."""
        body = self.files.get(request.path)
        if body is None:
            return Response("not found", status=404)
        fault = self.fault
        if fault == "timeout":
            time.sleep(1.5)  # longer than the tests' read timeout
        elif fault == "5xx":
            return Response("upstream is down", status=503)
        elif fault == "429":
            return Response("slow down", status=429, headers={"Retry-After": "3600"})
        elif fault == "html":
            return Response("<!doctype html><title>Maintenance</title>", status=200,
                            content_type="text/html")
        elif fault == "truncated" and request.path.endswith(".json"):
            body = body[: len(body) // 2]
        elif fault == "oversize" and request.path.endswith(".json"):
            body = b"[" + b" " * 400_000 + body[1:]
        elif fault == "shrink" and request.path.endswith("legislators-current.json"):
            body = json.dumps(json.loads(body)[:7]).encode()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(
            body, headers={"ETag": etag, "Last-Modified": "Mon, 15 Jun 2026 10:00:00 GMT"}
        )
