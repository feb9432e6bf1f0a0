"""The only network code: careful HTTP GETs (the on-disk cache is in store.py).

(`fetch_page` is used only by `make data`, to find House members' contact pages.)

- requests with (connect, read) timeouts *and* a wall-clock deadline (a slow trickle
  defeats read timeouts), a byte cap checked while streaming, retries with exponential
  backoff on connection errors, 429 and 5xx, honouring Retry-After up to a cap;
- conditional GET (If-None-Match / If-Modified-Since) with the validators kept beside
  the cached copy (store.py); a 304 reuses it;
- a body check: JSON must parse as JSON (not an HTML error page), CSV must start with
  the expected header;
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
import datetime as dt
import email.utils
import json
import time
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

USER_AGENT = "two-cents-for-freedom-site/0.1 (legislators plugin; python-requests)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


class FetchError(RuntimeError):
    """A download failed; the message names the URL and what went wrong."""


@dataclass(frozen=True, slots=True)
class Policy:
    """Timeouts, deadline, size cap and retry behaviour for one download."""

    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    deadline: float = 90.0
    max_bytes: int = 10_000_000
    retries: int = 3
    backoff: float = 1.0
    retry_after_max: float = 30.0


@dataclass(frozen=True, slots=True)
class Download:
    """A successful download (or a 304 confirming the cached copy)."""

    url: str
    body: bytes | None  # None when not_modified
    etag: str | None
    last_modified: str | None
    not_modified: bool


def check_body(body: bytes, kind: str, url: str, content_type: str = "") -> None:
    """Raise FetchError unless `body` is what `kind` ("json" or "csv:<header>") promises."""
    head = body[:512].lstrip().lower()
    if "html" in content_type.lower() or head.startswith((b"<!doctype", b"<html", b"<")):
        raise FetchError(f"{url}: got an HTML page, not {kind.split(':', maxsplit=1)[0].upper()}")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise FetchError(f"{url}: body is not UTF-8 ({e})") from e
    if kind == "json":
        try:
            json.loads(text, parse_constant=_reject_constant)
        except (ValueError, RecursionError) as e:
            raise FetchError(f"{url}: body is not valid JSON ({e}); truncated download?") from e
    elif kind.startswith("csv:"):
        first = text.split("\n", 1)[0].strip()
        if first != kind[4:]:
            raise FetchError(f"{url}: CSV header is {first[:80]!r}, expected {kind[4:]!r}")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON data")


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Return the wait in seconds from a Retry-After header (seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def download(
    url: str,
    *,
    kind: str,
    policy: Policy,
    etag: str | None = None,
    last_modified: str | None = None,
    session: requests.Session | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Download:
    """GET `url` with timeouts, deadline, retries, size cap and a body check."""
    own = session is None
    session = session or requests.Session()
    session.max_redirects = 5
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json, text/csv;q=0.9, */*;q=0.1"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    start = clock()
    attempt = 0
    try:
        while True:
            remaining = policy.deadline - (clock() - start)
            if remaining <= 0:
                raise FetchError(f"{url}: gave up after the {policy.deadline:.0f} s deadline")
            try:
                result = _get_once(
                    url,
                    kind,
                    headers=headers,
                    policy=policy,
                    session=session,
                    start=start,
                    clock=clock,
                )
            except _Retryable as e:
                attempt += 1
                wait = e.wait if e.wait is not None else policy.backoff * 2 ** (attempt - 1)
                if attempt > policy.retries:
                    raise FetchError(f"{url}: {e.reason}; gave up after {attempt} tries") from None
                if wait > policy.retry_after_max or wait >= policy.deadline - (clock() - start):
                    raise FetchError(
                        f"{url}: {e.reason}; asked to wait {wait:.0f} s, more than allowed"
                    ) from None
                sleep(wait)
                continue
            if result.not_modified and not (etag or last_modified):
                raise FetchError(f"{url}: 304 Not Modified but nothing was cached")
            return result
    finally:
        if own:
            session.close()


class _Retryable(Exception):
    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def _get_once(
    url: str,
    kind: str,
    *,
    headers: dict[str, str],
    policy: Policy,
    session: requests.Session,
    start: float,
    clock: Callable[[], float],
) -> Download:
    remaining = max(0.1, policy.deadline - (clock() - start))
    timeout = (min(policy.connect_timeout, remaining), min(policy.read_timeout, remaining))
    try:
        response = session.get(url, headers=headers, timeout=timeout, stream=True)
    except requests.exceptions.TooManyRedirects as e:
        raise FetchError(f"{url}: too many redirects ({e})") from e
    except (requests.ConnectionError, requests.Timeout) as e:
        if "NameResolutionError" in repr(e.args) or "Failed to resolve" in str(e):
            # No DNS (offline, or the host is gone as theunitedstates.io went): not transient.
            raise FetchError(f"{url}: host not found (offline?)") from e
        raise _Retryable(f"connection failed ({type(e).__name__})") from e
    with response:
        status = response.status_code
        if status == 304:
            return Download(url, None, _h(response, "ETag"), _h(response, "Last-Modified"), True)
        if status in RETRY_STATUSES:
            wait = retry_after(response.headers.get("Retry-After"))
            raise _Retryable(f"HTTP {status}", wait)
        if status != 200:
            raise FetchError(f"{url}: HTTP {status} {response.reason}")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > policy.max_bytes:
            raise FetchError(f"{url}: {declared} bytes is over the {policy.max_bytes} byte cap")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(chunk_size=65536):
                size += len(chunk)
                if size > policy.max_bytes:
                    raise FetchError(f"{url}: body is over the {policy.max_bytes} byte cap")
                if clock() - start > policy.deadline:
                    raise FetchError(
                        f"{url}: download exceeded the {policy.deadline:.0f} s deadline"
                    )
                chunks.append(chunk)
        except (requests.ConnectionError, requests.Timeout) as e:
            raise _Retryable(f"connection broke mid-body ({type(e).__name__})") from e
        body = b"".join(chunks)
        check_body(body, kind, url, response.headers.get("Content-Type", ""))
        return Download(url, body, _h(response, "ETag"), _h(response, "Last-Modified"), False)


def _h(response: requests.Response, name: str) -> str | None:
    return response.headers.get(name) or None


# --- web pages (make data only: House members' contact pages) ----------------------


@dataclass(frozen=True, slots=True)
class Page:
    """An HTML page fetched from one host."""

    url: str  # after redirects, all on the same host
    html: str


class Unreachable(Exception):
    """The host did not answer at all (no network, no such host, no connection)."""


def fetch_page(
    url: str, *, policy: Policy, session: requests.Session, max_redirects: int = 3
) -> Page | None:
    """GET an HTML page, following redirects only on the same host; None if it is not one.

    No retries: a page that does not answer at once is simply not found this time. A host
    that cannot be reached at all raises `Unreachable`, so that the caller keeps what it
    knew instead of recording "no page".
    """
    host = urlsplit(url).hostname
    for _ in range(max_redirects + 1):
        try:
            response = session.get(
                url, headers={"User-Agent": USER_AGENT, "Accept": "text/html"},
                timeout=(policy.connect_timeout, policy.read_timeout),
                allow_redirects=False, stream=True,
            )
        except (requests.ConnectionError, requests.Timeout) as error:
            raise Unreachable(f"{host}: {error}") from error
        except (requests.RequestException, ValueError):
            return None
        with response:
            if response.status_code in (301, 302, 303, 307, 308):
                target = urljoin(url, response.headers.get("Location", ""))
                if urlsplit(target).scheme != "https" or urlsplit(target).hostname != host:
                    return None
                url = target
                continue
            kind = response.headers.get("Content-Type", "")
            if response.status_code != 200 or "html" not in kind.lower():
                return None
            body = response.raw.read(policy.max_bytes + 1, decode_content=True)
            if len(body) > policy.max_bytes:
                return None
            return Page(url, body.decode(response.encoding or "utf-8", errors="replace"))
    return None
