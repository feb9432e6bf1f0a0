"""Serve a built site locally with the response headers of a `_headers` file.

Netlify and Cloudflare Pages read `_headers` from the root of the published folder; this
tiny server applies the same rules on 127.0.0.1 so that tests, `make check` and people
can see the site under its real Content-Security-Policy before deploying it.

    .venv/bin/python scripts/serve_headers.py output            # http://127.0.0.1:8000/
    .venv/bin/python scripts/serve_headers.py output --port 8001 --headers deploy/_headers

Rules follow Cloudflare Pages (the stricter of the two hosts): every rule whose pattern
matches the path applies, in file order; `! Name` in a rule first removes that header as
set by earlier rules; a header set again by a later rule is joined to the earlier value
with ", " (for Content-Security-Policy that means two policies, both enforced). Patterns:
`*` matches anything (including "/"), `:name` matches one path segment. Like both hosts,
a missing path is answered with /404.html and status 404, and `_headers` itself is not
served.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
import contextlib
from dataclasses import dataclass, field
import functools
import http.server
from pathlib import Path
import re
import sys
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

from quality.localserver import QuietServer, running

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_HEADERS_FILE = ROOT / "deploy" / "_headers"


class HeadersFileError(ValueError):
    """A `_headers` file that a host would reject or misread."""


@dataclass
class Rule:
    """One block of a `_headers` file: a URL pattern and what it sets and removes."""

    pattern: str
    line: int
    set: list[tuple[str, str]] = field(default_factory=list)
    unset: list[str] = field(default_factory=list)

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """The pattern as an anchored regular expression."""
        parts = re.split(r"(\*|:[A-Za-z]\w*)", self.pattern)
        out = []
        for part in parts:
            if part == "*":
                out.append(".*")
            elif part.startswith(":") and len(part) > 1:
                out.append("[^/]+")
            else:
                out.append(re.escape(part))
        return re.compile("".join(out))

    def matches(self, path: str) -> bool:
        """Whether this rule applies to the URL path `path`."""
        return self.regex.fullmatch(path) is not None


def parse_headers_file(text: str, source: str = "_headers") -> list[Rule]:
    """Parse `_headers` text into rules; raise HeadersFileError naming the line."""
    rules: ClassVar[list[Rule]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not raw[:1].isspace():
            if not stripped.startswith("/"):
                raise HeadersFileError(
                    f"{source}:{number}: {stripped!r} is not a URL pattern; "
                    "a rule starts with '/' at the beginning of the line"
                )
            rules.append(Rule(pattern=stripped, line=number))
            continue
        if not rules:
            raise HeadersFileError(
                f"{source}:{number}: header before any URL pattern; put a pattern line first"
            )
        if stripped.startswith("!"):
            name = stripped[1:].strip()
            if not name:
                raise HeadersFileError(f"{source}:{number}: '!' needs a header name to detach")
            rules[-1].unset.append(name)
            continue
        name, sep, value = stripped.partition(":")
        if not sep or not name.strip() or not value.strip():
            raise HeadersFileError(
                f"{source}:{number}: {stripped!r} is not 'Name: value'; write one header a line"
            )
        rules[-1].set.append((name.strip(), value.strip()))
    return rules


def headers_for(rules: list[Rule], path: str) -> list[tuple[str, str]]:
    """The headers a Cloudflare-Pages-like host sends for `path`, in a stable order."""
    values: dict[str, tuple[str, list[str]]] = {}
    for rule in rules:
        if not rule.matches(path):
            continue
        for name in rule.unset:
            values.pop(name.lower(), None)
        for name, value in rule.set:
            key = name.lower()
            if key in values:
                values[key][1].append(value)
            else:
                values[key] = (name, [value])
    return [(name, ", ".join(vals)) for name, vals in values.values()]


def load_rules(directory: Path, headers_file: Path | None = None) -> list[Rule]:
    """Rules from `headers_file`, else `<directory>/_headers`, else deploy/_headers."""
    if headers_file is None:
        in_site = directory / "_headers"
        headers_file = in_site if in_site.is_file() else DEFAULT_HEADERS_FILE
    return parse_headers_file(headers_file.read_text(encoding="utf-8"), str(headers_file))


class HeadersHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with `_headers` rules, a 404 page, and no request logging."""

    rules: ClassVar[list[Rule]] = []
    quiet = True
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".json": "application/json",
        ".wasm": "application/wasm",
        ".svg": "image/svg+xml",
        ".xml": "application/xml",
        ".html": "text/html; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pf_filter": "application/octet-stream",
        "": "application/octet-stream",
    }

    def _url_path(self) -> str:
        return unquote(urlsplit(self.path).path) or "/"

    def end_headers(self) -> None:
        """Add the matching `_headers` rules to every response (200, 301, 404...)."""
        for name, value in headers_for(self.rules, self._url_path()):
            self.send_header(name, value)
        request_headers = getattr(self, "headers", None)
        if request_headers and "LinkChecker" in request_headers.get("User-Agent", ""):
            # LinkChecker limits itself to ~3 requests a second per host unless the server
            # answers with this header; this is our own local server, so lift the limit.
            self.send_header("LinkChecker", "local")
        super().end_headers()

    def send_head(self) -> Any:
        """Refuse to serve the `_headers` file itself, as the hosts do."""
        if self._url_path().rstrip("/").endswith("/_headers"):
            self.send_error(404)
            return None
        return super().send_head()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer a missing path with the site's own 404.html, like the hosts do."""
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: Any) -> None:
        """Log only when asked (the CLI), never in tests."""
        if not self.quiet:
            super().log_message(format, *args)


def make_server(
    directory: Path,
    *,
    headers_file: Path | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    quiet: bool = True,
) -> QuietServer:
    """A server (not yet started) for `directory` with the `_headers` rules applied."""
    rules = load_rules(directory, headers_file)
    handler = type("BoundHeadersHandler", (HeadersHandler,), {"rules": rules, "quiet": quiet})
    factory = functools.partial(handler, directory=str(directory))
    return QuietServer((host, port), factory)


@contextlib.contextmanager
def serve(directory: Path, headers_file: Path | None = None, port: int = 0) -> Iterator[str]:
    """Serve `directory` with headers on 127.0.0.1 in a thread; yield the base URL."""
    with running(make_server(directory, headers_file=headers_file, port=port)) as url:
        yield url


def main(argv: list[str] | None = None) -> int:
    """Command line: serve a folder with its `_headers` rules until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path, nargs="?", default=ROOT / "output")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument(
        "--headers",
        type=Path,
        default=None,
        help="headers file (default: <directory>/_headers, else deploy/_headers)",
    )
    args = parser.parse_args(argv)
    if not (args.directory / "index.html").is_file():
        print(f"{args.directory}: no index.html; build the site first (make html)", file=sys.stderr)
        return 2
    try:
        server = make_server(
            args.directory, headers_file=args.headers, host=args.bind, port=args.port, quiet=False
        )
    except HeadersFileError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"Serving {args.directory} with its headers on http://{args.bind}:{args.port}/")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
