"""Local HTTP servers for checks, tests and the benchmark: run one in a thread on 127.0.0.1.

`running()` runs any server until the block ends; `serve_static()` serves a folder as plain
files (no headers file, no compression, like `python -m http.server`); scripts/serve_headers.py
builds the server that applies the production headers on top of these.
"""

from __future__ import annotations

from collections.abc import Iterator
import contextlib
import functools
import http.server
from pathlib import Path
import socket
import socketserver
import sys
import threading
from typing import Any


class QuietServer(http.server.ThreadingHTTPServer):
    """A threading server that does not print a traceback when a client hangs up early."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore a client that closed the connection (browsers cancel requests)."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return
        super().handle_error(request, client_address)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line for every request."""

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing."""
        return


@contextlib.contextmanager
def running(server: socketserver.BaseServer) -> Iterator[str]:
    """Run a server bound to 127.0.0.1 in a thread until the block ends; yield its URL."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve_static(directory: Path) -> Iterator[str]:
    """Serve `directory` as plain files on 127.0.0.1 on a free port; yield the base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    with running(QuietServer(("127.0.0.1", 0), handler)) as url:
        yield url


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
