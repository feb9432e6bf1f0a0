#!/usr/bin/env python3
"""`make admin`: the web editor on your own computer, offline, writing into content/.

    .venv/bin/python scripts/admin_server.py                 # http://127.0.0.1:8000/admin/
    .venv/bin/python scripts/admin_server.py --port 8001 --repo /path/to/a/copy

1. Builds the site into .cache/admin-site/ (never output/, never a publish build) with
   `ADMIN_LOCAL_BACKEND` set, so /admin/config.yml says `local_backend` (nothing else does).
2. Starts Decap's local backend, node_modules/.bin/decap-server, on 127.0.0.1:8081 with the
   repository as its working folder: what you save in the editor is written to content/.
3. Serves the site on 127.0.0.1:$PORT with the headers of deploy/_headers (so /admin/ runs
   under its real Content-Security-Policy) and passes the editor's requests to /api/v1 on
   to decap-server: the browser talks to one origin only.
4. After every save it rebuilds the site and prints the address of the page.
Ctrl-C stops the server and decap-server.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
import contextlib
import functools
import http.server
import json
import os
from pathlib import Path
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from typing import Any, ClassVar
import urllib.error
import urllib.request

from serve_headers import HeadersHandler, load_rules

ROOT = Path(__file__).resolve().parent.parent
SITEBUILD = Path(__file__).resolve().parent / "sitebuild.py"

DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
DECAP_BUNDLE = ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
API_PATH = "/api/v1"
MAX_BODY = 50 * 1024 * 1024  # decap-server's own limit for one request
# Requests after which the files under content/ have changed.
WRITES = frozenset({"persistEntry", "persistMedia", "deleteFile", "deleteFiles"})


class AdminServerError(RuntimeError):
    """Something the person running `make admin` can fix; the message says how."""


def port_is_free(port: int) -> bool:
    """Whether nothing listens on 127.0.0.1:`port`."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


# The build running now, if any: Ctrl-C stops it too.
_BUILDS: set[subprocess.Popen[bytes]] = set()


def build_site(
    repo: Path, output: Path, origin: str, settings: Path, extra: Sequence[str] = ()
) -> float:
    """Build `repo`/content into `output` with the local backend; return the seconds taken."""
    command = [
        sys.executable, str(SITEBUILD), str(repo / "content"),
        "-o", str(output), "-s", str(settings),
        "-e", f"ADMIN_LOCAL_BACKEND={json.dumps(origin + API_PATH)}",
        f"CACHE_PATH={json.dumps(str(output.parent / 'pelican-cache'))}",
        *extra,
    ]
    env = {**os.environ, "SITE_ORIGIN": origin}
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    _BUILDS.add(process)
    try:
        returncode = process.wait()
    finally:
        _BUILDS.discard(process)
    if returncode != 0:
        raise AdminServerError(
            f"the site did not build (exit {returncode}); the messages above name the "
            "file and the problem. Fix it, or run `make check-content`, then start again."
        )
    return time.monotonic() - start


def start_decap_server(repo: Path, port: int) -> subprocess.Popen[bytes]:
    """Start decap-server on 127.0.0.1:`port` writing into `repo`; wait until it answers."""
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(repo),
        "MODE": "fs",  # write files; never touch the repository's Git state
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "warn"),
    }
    # Its own session: Ctrl-C reaches this script, which then stops decap-server in order.
    process = subprocess.Popen([str(DECAP_SERVER)], cwd=repo, env=env, start_new_session=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AdminServerError(f"decap-server stopped at once (exit {process.returncode})")
        with contextlib.suppress(OSError):
            info = decap_request(port, b'{"action":"info"}')
            if b"local_fs" in info[1]:
                return process
        time.sleep(0.2)
    stop_process(process)
    raise AdminServerError(f"decap-server did not answer on 127.0.0.1:{port} within 20 s")


def decap_request(port: int, body: bytes) -> tuple[int, bytes, str]:
    """POST one JSON request to decap-server; return status, body and content type."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{API_PATH}",
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get("Content-Type", "")


def stop_process(process: subprocess.Popen[bytes], timeout: float = 5.0) -> None:
    """Stop a child process: SIGTERM, then SIGKILL if it does not exit in time."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


class Rebuilder:
    """Rebuild the site after saves, one build at a time, coalescing saves made meanwhile."""

    def __init__(self, build: Any) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._pending = threading.Event()
        self.builds = 0
        self.last_error = ""

    def request(self, what: str) -> None:
        """Ask for a rebuild (returns at once)."""
        self._pending.set()
        threading.Thread(target=self._run, args=(what,), daemon=True).start()

    def _run(self, what: str) -> None:
        while self._pending.is_set():
            if not self._lock.acquire(blocking=False):
                return  # the running build sees _pending and builds once more
            try:
                while self._pending.is_set():
                    self._pending.clear()
                    self._build_once(what)
            finally:
                self._lock.release()

    def _build_once(self, what: str) -> None:
        try:
            seconds = self._build()
        except AdminServerError as error:
            self.last_error = str(error)
            print(f"admin: after saving {what}: {error}", file=sys.stderr, flush=True)
        else:
            self.builds += 1
            self.last_error = ""
            print(f"admin: saved {what}; site rebuilt in {seconds:.1f} s", flush=True)


def written_paths(request: dict[str, Any]) -> str:
    """The files a decap-server write request names, for the terminal ('' if none)."""
    params = request.get("params") or {}
    files = list(params.get("dataFiles") or [])
    files += [params.get("entry") or {}, params.get("asset") or {}, params]
    paths = [f.get("path") for f in files if isinstance(f, dict) and f.get("path")]
    paths += [p for p in params.get("paths") or [] if isinstance(p, str)]
    return ", ".join(dict.fromkeys(paths))


class AdminHandler(HeadersHandler):
    """The built site with deploy/_headers, plus POST /api/v1 passed on to decap-server."""

    decap_port: ClassVar[int] = 8081
    origins: ClassVar[frozenset[str]] = frozenset()
    rebuilder: ClassVar[Rebuilder | None] = None
    extensions_map: ClassVar[dict[str, str]] = {
        **HeadersHandler.extensions_map,
        ".yml": "text/yaml; charset=utf-8",
    }

    def do_POST(self) -> None:
        """Pass the editor's API requests on to decap-server, from our own origin only."""
        if self._url_path() != API_PATH:
            self.send_error(404)
            return
        origin = self.headers.get("Origin")
        # A page on another site must not write into content/ through this server.
        if origin is not None and origin not in self.origins:
            self._reply(403, b'{"error":"requests from other origins are refused"}')
            return
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            self._reply(415, b'{"error":"send JSON"}')
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 0 or length > MAX_BODY:
            self._reply(413, b'{"error":"empty or too large"}')
            return
        body = self.rfile.read(length)
        try:
            status, answer, kind = decap_request(self.decap_port, body)
        except OSError as error:
            self._reply(502, json.dumps({"error": f"decap-server: {error}"}).encode())
            return
        self._reply(status, answer, kind or "application/json")
        if status == 200 and self.rebuilder is not None:
            with contextlib.suppress(ValueError, AttributeError):
                request = json.loads(body)
                if request.get("action") in WRITES:
                    self.rebuilder.request(written_paths(request) or request["action"])

    def _reply(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def make_server(
    output: Path, port: int, decap_port: int, rebuilder: Rebuilder | None, quiet: bool = True
) -> http.server.ThreadingHTTPServer:
    """The site server on 127.0.0.1:`port` (not started)."""
    origins = frozenset({f"http://127.0.0.1:{port}", f"http://localhost:{port}"})
    handler = type(
        "BoundAdminHandler",
        (AdminHandler,),
        {
            "rules": load_rules(output),
            "quiet": quiet,
            "decap_port": decap_port,
            "origins": origins,
            "rebuilder": rebuilder,
        },
    )
    return http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(output))
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Build, start decap-server and the site server; stop both on Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000, help="site port (default 8000)")
    parser.add_argument(
        "--decap-port", type=int, default=8081, help="decap-server port (default 8081)"
    )
    parser.add_argument(
        "--repo", type=Path, default=ROOT, help="folder holding content/ (default: this one)"
    )
    parser.add_argument(
        "--output", type=Path, default=ROOT / ".cache" / "admin-site", help="where to build"
    )
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar='NAME=JSON',
        help='extra Pelican setting for the build, e.g. --set \'LEGISLATORS_CACHE_PATH="/tmp/x"\'',
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    repo, output = args.repo.resolve(), args.output.resolve()
    origin = f"http://127.0.0.1:{args.port}"

    def fail(message: str) -> int:
        print(f"admin: {message}", file=sys.stderr)
        return 1

    if not DECAP_SERVER.exists() or not DECAP_BUNDLE.exists():
        return fail("Decap CMS is not installed; run `make deps` (it runs `npm ci`) first")
    if not (repo / "content").is_dir():
        return fail(f"{repo / 'content'} does not exist; pass --repo <folder with content/>")
    for port, what in ((args.port, "--port"), (args.decap_port, "--decap-port")):
        if not port_is_free(port):
            return fail(f"127.0.0.1:{port} is in use; stop that program or choose {what}")
    if output == (ROOT / "output").resolve():
        return fail("never build the local editor into output/ (it could be deployed)")
    shutil.rmtree(output, ignore_errors=True)
    output.parent.mkdir(parents=True, exist_ok=True)

    def build() -> float:
        return build_site(repo, output, origin, args.settings.resolve(), args.set)

    # Ctrl-C and SIGTERM (a test, a process manager) stop cleanly, even when this was
    # started in the background with SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    decap: subprocess.Popen[bytes] | None = None
    server: http.server.ThreadingHTTPServer | None = None
    try:
        print(f"admin: building the site into {output} ...", flush=True)
        seconds = build()
        print(f"admin: built in {seconds:.1f} s", flush=True)
        decap = start_decap_server(repo, args.decap_port)
        server = make_server(output, args.port, args.decap_port, Rebuilder(build), not args.verbose)
        print(
            f"admin: the editor is at {origin}/admin/ (files are written to {repo / 'content'})\n"
            f"admin: decap-server listens on 127.0.0.1:{args.decap_port}; Ctrl-C stops both",
            flush=True,
        )
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nadmin: stopping", flush=True)
    except AdminServerError as error:
        return fail(str(error))
    finally:
        if server is not None:
            server.server_close()
        for build_process in list(_BUILDS):
            stop_process(build_process)
        if decap is not None:
            stop_process(decap)
    return 0


if __name__ == "__main__":
    sys.exit(main())
