"""The only network code, against a local HTTP server on 127.0.0.1: timeouts, 304, 429,
5xx, truncated JSON, HTML with status 200, oversize bodies; and the cache's last good copy."""

from __future__ import annotations

from collections.abc import Iterator
import datetime as dt
import gzip
import json
from pathlib import Path
import time
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from upstream import DOWN, Upstream
from werkzeug import Request, Response

from legislators.fetch import (
    FetchError,
    Policy,
    check_body,
    download,
    retry_after,
)
from legislators.settings import LegislatorsSettings
from legislators.sources import load
from legislators.store import read_cached

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legislators"
FAST = Policy(
    connect_timeout=1, read_timeout=0.5, deadline=5, max_bytes=10_000, retries=3,
    backoff=0.01, retry_after_max=2,
)  # fmt: skip
CSV_KIND = "csv:state_fips,state_abbr,zcta,cd"




class Waits(list[float]):
    """Records the waits `download` asks for instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def test_json_body_is_returned_with_validators(server: HTTPServer) -> None:
    server.expect_request("/a.json").respond_with_data(
        "[1, 2]", headers={"ETag": '"v1"', "Last-Modified": "Mon, 15 Jun 2026 10:00:00 GMT"}
    )
    got = download(server.url_for("/a.json"), kind="json", policy=FAST)
    assert got.body == b"[1, 2]"
    assert (got.etag, got.last_modified) == ('"v1"', "Mon, 15 Jun 2026 10:00:00 GMT")
    assert not got.not_modified


def test_conditional_get_returns_not_modified(server: HTTPServer) -> None:
    server.expect_request("/a.json", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304, headers={"ETag": '"v1"'}
    )
    got = download(server.url_for("/a.json"), kind="json", policy=FAST, etag='"v1"')
    assert got.not_modified and got.body is None


def test_304_without_a_cached_copy_is_an_error(server: HTTPServer) -> None:
    server.expect_request("/a.json").respond_with_data("", status=304)
    with pytest.raises(FetchError, match="nothing was cached"):
        download(server.url_for("/a.json"), kind="json", policy=FAST)


def test_429_waits_for_retry_after_then_succeeds(server: HTTPServer) -> None:
    server.expect_ordered_request("/a.json").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "1"}
    )
    server.expect_ordered_request("/a.json").respond_with_data("[]")
    waits = Waits()
    got = download(server.url_for("/a.json"), kind="json", policy=FAST, sleep=waits)
    assert got.body == b"[]"
    assert waits == [1.0]


def test_429_with_a_huge_retry_after_fails_fast(server: HTTPServer) -> None:
    server.expect_request("/a.json").respond_with_data(
        "", status=429, headers={"Retry-After": "99999"}
    )
    waits = Waits()
    with pytest.raises(FetchError, match="asked to wait 99999 s"):
        download(server.url_for("/a.json"), kind="json", policy=FAST, sleep=waits)
    assert waits == []


def test_retry_after_accepts_an_http_date() -> None:
    assert (
        retry_after(
            "Thu, 01 Jan 2026 00:00:30 GMT", now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC).timestamp()
        )
        == 30
    )
    assert retry_after("soon") is None


def test_500_then_success_backs_off(server: HTTPServer) -> None:
    server.expect_ordered_request("/a.json").respond_with_data("oops", status=500)
    server.expect_ordered_request("/a.json").respond_with_data("oops", status=503)
    server.expect_ordered_request("/a.json").respond_with_data('{"ok": true}')
    waits = Waits()
    got = download(server.url_for("/a.json"), kind="json", policy=FAST, sleep=waits)
    assert got.body == b'{"ok": true}'
    assert waits == [0.01, 0.02]


def test_persistent_500_gives_up_after_the_retries(server: HTTPServer) -> None:
    server.expect_request("/a.json").respond_with_data("oops", status=502)
    waits = Waits()
    with pytest.raises(FetchError, match="HTTP 502; gave up after 4 tries"):
        download(server.url_for("/a.json"), kind="json", policy=FAST, sleep=waits)
    assert len(waits) == 3


def test_404_is_not_retried(server: HTTPServer) -> None:
    server.expect_request("/a.json").respond_with_data("no", status=404)
    with pytest.raises(FetchError, match="HTTP 404"):
        download(server.url_for("/a.json"), kind="json", policy=FAST, sleep=Waits())
    assert len(server.log) == 1


def test_read_timeout(server: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response("[]")

    server.expect_request("/a.json").respond_with_handler(slow)
    policy = Policy(connect_timeout=1, read_timeout=0.2, deadline=5, retries=0)
    with pytest.raises(FetchError, match="ReadTimeout"):
        download(server.url_for("/a.json"), kind="json", policy=policy)


def test_slow_trickle_hits_the_wall_clock_deadline(server: HTTPServer) -> None:
    def trickle(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            yield b"["
            for _ in range(30):
                time.sleep(0.1)
                yield b"1,"

        return Response(body(), mimetype="application/json")

    server.expect_request("/a.json").respond_with_handler(trickle)
    policy = Policy(connect_timeout=1, read_timeout=1, deadline=0.6, retries=0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        download(server.url_for("/a.json"), kind="json", policy=policy)
    assert time.monotonic() - started < 2


def test_connection_refused_is_retried_then_reported() -> None:
    waits = Waits()
    with pytest.raises(FetchError, match="connection failed"):
        download("http://127.0.0.1:1/a.json", kind="json", policy=FAST, sleep=waits)
    assert len(waits) == 3


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        ('[{"id": {"bioguide": "A00', "application/json", "not valid JSON"),
        ("<!doctype html><title>Rate limited</title>", "text/html", "HTML page"),
        ("<html><body>Error</body></html>", "application/json", "HTML page"),
        ("[NaN]", "application/json", "not valid JSON"),
        ("---\n- id: 1\n", "text/yaml", "not valid JSON"),
        (b"\xff\xfe[\x00]\x00", "application/json", "not UTF-8"),
    ],
)
def test_bodies_that_are_not_json_are_refused(
    server: HTTPServer, body: str | bytes, content_type: str, message: str
) -> None:
    server.expect_request("/a.json").respond_with_data(body, content_type=content_type)
    with pytest.raises(FetchError, match=message):
        download(server.url_for("/a.json"), kind="json", policy=FAST)


def test_json_with_a_bom_is_accepted(server: HTTPServer) -> None:
    server.expect_request("/a.json").respond_with_data(b"\xef\xbb\xbf[]")
    assert download(server.url_for("/a.json"), kind="json", policy=FAST).body


def test_csv_header_is_checked(server: HTTPServer) -> None:
    server.expect_request("/z.csv").respond_with_data("zip,cd\n02139,5\n")
    with pytest.raises(FetchError, match="CSV header"):
        download(server.url_for("/z.csv"), kind=CSV_KIND, policy=FAST)


def test_oversize_body_with_content_length(server: HTTPServer) -> None:
    server.expect_request("/a.json").respond_with_data("[" + "1," * 6000 + "1]")
    with pytest.raises(FetchError, match="over the 10000 byte cap"):
        download(server.url_for("/a.json"), kind="json", policy=FAST)


def test_oversize_streamed_body_without_content_length(server: HTTPServer) -> None:
    def endless(request: Request) -> Response:
        return Response((b"1," * 1000 for _ in range(100)), mimetype="application/json")

    server.expect_request("/a.json").respond_with_handler(endless)
    with pytest.raises(FetchError, match="over the 10000 byte cap"):
        download(server.url_for("/a.json"), kind="json", policy=FAST)


# --- the cache: fresh copies, 304s and the last good copy -------------------------------


def settings(server_url: str, cache: Path, **extra: Any) -> LegislatorsSettings:
    """Settings pointing at the local server."""
    return LegislatorsSettings.from_pelican(
        {
            "LEGISLATORS_SOURCE": server_url + "/congress/",
            "LEGISLATORS_ZIP_SOURCE": server_url + "/zccd.csv",
            "LEGISLATORS_CACHE_PATH": str(cache),
            "LEGISLATORS_SET_CHECKS": False,
            "LEGISLATORS_TODAY": "2026-11-22",
            "LEGISLATORS_RETRIES": 0,
            "LEGISLATORS_TIMEOUT": (1, 2),
            "LEGISLATORS_DEADLINE": 5,
            **extra,
        },
        environ={},
    )


NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)


def test_first_load_downloads_validates_and_caches(server: HTTPServer, tmp_path: Path) -> None:
    Upstream(server)
    cfg = settings(server.url_for("").rstrip("/"), tmp_path / "cache")
    data = load(cfg, now=NOW)
    assert data.available, data.reason
    assert len(data.members) == 10
    assert data.data_date == "2026-06-15"  # from Last-Modified
    assert data.fetched == "2026-11-22"
    cached = read_cached(tmp_path / "cache", "legislators-current.json")
    assert cached is not None and cached.meta["etag"].startswith('"')
    assert not list((tmp_path / "cache").glob("*.tmp"))
    # A fresh cache is used without any request.
    requests_before = len(server.log)
    assert load(cfg, now=NOW + dt.timedelta(days=1)).available
    assert len(server.log) == requests_before


def test_stale_cache_is_revalidated_with_a_conditional_get(
    server: HTTPServer, tmp_path: Path
) -> None:
    Upstream(server)
    cfg = settings(server.url_for("").rstrip("/"), tmp_path / "cache")
    load(cfg, now=NOW)
    later = NOW + dt.timedelta(days=10)
    data = load(cfg, now=later)
    assert data.available and not data.notices
    statuses = [response.status_code for _, response in server.log[-5:]]
    assert 304 in statuses
    cached = read_cached(tmp_path / "cache", "legislators-current.json")
    assert cached is not None and cached.fetched == later


def test_network_down_uses_the_last_good_copy_and_warns_with_its_age(
    server: HTTPServer, tmp_path: Path
) -> None:
    Upstream(server)
    url = server.url_for("").rstrip("/")
    load(settings(url, tmp_path / "cache"), now=NOW)
    data = load(settings(DOWN, tmp_path / "cache"), now=NOW + dt.timedelta(days=9))
    assert data.available
    assert len(data.members) == 10
    assert any("last good copy" in w and "9 day(s) ago" in w for w in data.notices), data.notices


def test_suspicious_shrink_keeps_the_last_good_copy(server: HTTPServer, tmp_path: Path) -> None:
    upstream = Upstream(server)
    cfg = settings(server.url_for("").rstrip("/"), tmp_path / "cache")
    load(cfg, now=NOW)
    records = json.loads(upstream.files["/congress/legislators-current.json"])
    upstream.files["/congress/legislators-current.json"] = json.dumps(records[:7]).encode()
    data = load(cfg, force=True, now=NOW)
    assert data.available and len(data.members) == 10
    assert any("shrank suspiciously (7 records" in w for w in data.notices), data.notices
    cached = read_cached(tmp_path / "cache", "legislators-current.json")
    assert cached is not None and len(json.loads(cached.body)) == 10


def test_invalid_download_keeps_the_last_good_copy(server: HTTPServer, tmp_path: Path) -> None:
    upstream = Upstream(server)
    cfg = settings(server.url_for("").rstrip("/"), tmp_path / "cache")
    load(cfg, now=NOW)
    upstream.files["/congress/legislators-current.json"] = (
        FIXTURES / "broken" / "legislators-current.json"
    ).read_bytes()
    data = load(cfg, force=True, now=NOW)
    assert data.available
    assert any("the download is invalid" in w for w in data.notices), data.notices


def test_no_cache_and_no_network_is_unavailable(tmp_path: Path) -> None:
    cfg = settings(DOWN, tmp_path / "cache")
    data = load(cfg, now=NOW)
    assert not data.available
    assert "legislators-current.json" in data.reason


def test_corrupt_cache_is_not_trusted(server: HTTPServer, tmp_path: Path) -> None:
    Upstream(server)
    url = server.url_for("").rstrip("/")
    load(settings(url, tmp_path / "cache"), now=NOW)
    (tmp_path / "cache" / "legislators-current.json").write_text("[]")
    assert read_cached(tmp_path / "cache", "legislators-current.json") is None
    assert not load(settings(DOWN, tmp_path / "cache"), now=NOW).available


def test_gzip_bomb_is_stopped_by_the_cap_on_decoded_bytes(server: HTTPServer) -> None:
    bomb = gzip.compress(b"[" + b"0," * 5_000_000 + b"0]")
    assert len(bomb) < 50_000
    server.expect_request("/a.json").respond_with_data(
        bomb, headers={"Content-Encoding": "gzip"}, content_type="application/json"
    )
    with pytest.raises(FetchError, match="byte cap"):
        download(server.url_for("/a.json"), kind="json", policy=FAST)


def test_deeply_nested_json_is_refused() -> None:
    with pytest.raises(FetchError, match="not valid JSON"):
        check_body(b"[" * 100_000 + b"]" * 100_000, "json", "https://x.example/a.json")
