"""deploy/_headers and deploy/nginx.conf: strict, identical, and one CSP per path."""

from __future__ import annotations

from pathlib import Path
import re
import urllib.error
import urllib.request

import pytest
from serve_headers import (
    HeadersFileError,
    headers_for,
    parse_headers_file,
    serve,
)

ROOT = Path(__file__).resolve().parents[2]
HEADERS_FILE = ROOT / "deploy" / "_headers"
NGINX_FILE = ROOT / "deploy" / "nginx.conf"

STRICT_CSP = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "connect-src": ["'self'"],
    "font-src": ["'self'"],
    "manifest-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "object-src": ["'none'"],
}
# Pagefind compiles WebAssembly: its page and its files may add exactly this keyword.
SEARCH_CSP = {**STRICT_CSP, "script-src": ["'self'", "'wasm-unsafe-eval'"]}
SITE_PATHS = ["/", "/platform/", "/platform/prevention/", "/act/measurement/", "/404.html",
              "/theme/css/main.css", "/api/v1/zip/021.json", "/no-such-page/"]
SEARCH_PATHS = ["/search/", "/search/index.html", "/pagefind/pagefind.js",
                "/pagefind/pagefind-worker.js"]
ADMIN_PATHS = ["/admin/", "/admin/index.html", "/admin/config.yml"]
ALL_PATHS = SITE_PATHS + SEARCH_PATHS + ADMIN_PATHS


def parse_csp(value: str) -> dict[str, list[str]]:
    """A CSP header value as {directive: [sources]} (one policy: no commas allowed)."""
    assert "," not in value, f"two policies joined in one header: {value}"
    policy: dict[str, list[str]] = {}
    for part in value.split(";"):
        tokens = part.split()
        if tokens:
            assert tokens[0] not in policy, f"directive {tokens[0]} twice in {value}"
            policy[tokens[0]] = tokens[1:]
    return policy


@pytest.fixture(scope="module")
def rules() -> list:
    return parse_headers_file(HEADERS_FILE.read_text(encoding="utf-8"), str(HEADERS_FILE))


def headers_dict(rules: list, path: str) -> dict[str, str]:
    """Headers for `path` as {lower-case name: value}, asserting no name repeats."""
    pairs = headers_for(rules, path)
    names = [name.lower() for name, _ in pairs]
    assert len(names) == len(set(names))
    return {name.lower(): value for name, value in pairs}


# --- the _headers file --------------------------------------------------------------------------


@pytest.mark.parametrize("path", SITE_PATHS)
def test_site_paths_get_exactly_the_strict_csp(rules: list, path: str) -> None:
    csp = headers_dict(rules, path)["content-security-policy"]
    assert parse_csp(csp) == STRICT_CSP


@pytest.mark.parametrize("path", SEARCH_PATHS)
def test_search_paths_add_only_wasm_unsafe_eval(rules: list, path: str) -> None:
    csp = headers_dict(rules, path)["content-security-policy"]
    assert parse_csp(csp) == SEARCH_CSP


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_admin_gets_one_policy_of_its_own(rules: list, path: str) -> None:
    csp = parse_csp(headers_dict(rules, path)["content-security-policy"])
    assert csp != STRICT_CSP
    # Even the editor's looser policy keeps the anti-framing and anti-injection basics.
    assert csp["default-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert "'unsafe-inline'" not in csp["script-src"]


@pytest.mark.parametrize("path", ALL_PATHS)
def test_every_path_gets_the_other_security_headers(rules: list, path: str) -> None:
    headers = headers_dict(rules, path)
    hsts = headers["strict-transport-security"]
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1))
    assert max_age >= 31536000
    assert "includesubdomains" in hsts.lower()
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] in ("no-referrer", "strict-origin-when-cross-origin")
    assert headers["cross-origin-resource-policy"] == "same-origin"
    permissions = {
        item.split("=")[0].strip(): item.split("=")[1].strip()
        for item in headers["permissions-policy"].split(",")
    }
    for feature in ("camera", "microphone", "geolocation"):
        assert permissions[feature] == "()", feature
    assert "set-cookie" not in headers


def test_no_unsafe_keyword_outside_admin(rules: list) -> None:
    for rule in rules:
        for name, value in rule.set:
            unsafe = set(re.findall(r"'[a-z-]*unsafe[a-z-]*'", value))
            if rule.pattern.startswith("/admin/"):
                continue
            if rule.pattern in ("/search/*", "/pagefind/*"):
                assert unsafe <= {"'wasm-unsafe-eval'"}, (rule.pattern, name, unsafe)
            else:
                assert not unsafe, (rule.pattern, name, unsafe)


def test_every_csp_override_detaches_the_inherited_policy(rules: list) -> None:
    """On Cloudflare Pages a second CSP without `! Content-Security-Policy` is ADDED."""
    for rule in rules[1:]:
        sets_csp = any(name.lower() == "content-security-policy" for name, _ in rule.set)
        if sets_csp:
            assert "content-security-policy" in [n.lower() for n in rule.unset], rule.pattern


# --- the emulator the browser tests rely on ---------------------------------------------------


def test_a_missing_detach_would_be_caught() -> None:
    """Without `!`, two matching rules give two policies; parse_csp above rejects that."""
    rules = parse_headers_file(
        "/*\n  Content-Security-Policy: default-src 'none'\n"
        "/admin/*\n  Content-Security-Policy: default-src 'self'\n"
    )
    value = dict(headers_for(rules, "/admin/"))["Content-Security-Policy"]
    assert value == "default-src 'none', default-src 'self'"
    with pytest.raises(AssertionError):
        parse_csp(value)


def test_patterns_splat_and_placeholder() -> None:
    rules = parse_headers_file("/a/*\n  X-A: 1\n/b/:slug/\n  X-B: 2\n")
    assert dict(headers_for(rules, "/a/")) == {"X-A": "1"}
    assert dict(headers_for(rules, "/a/x/y.css")) == {"X-A": "1"}
    assert dict(headers_for(rules, "/b/one/")) == {"X-B": "2"}
    assert headers_for(rules, "/b/one/two/") == []
    assert headers_for(rules, "/c/") == []


@pytest.mark.parametrize(
    ("text", "line"),
    [("  X-A: 1\n", 1), ("/a\n  X-A\n", 2), ("a/b\n  X-A: 1\n", 1), ("/a\n  !\n", 2)],
)
def test_bad_headers_file_names_the_line(text: str, line: int) -> None:
    with pytest.raises(HeadersFileError, match=rf"_headers:{line}: "):
        parse_headers_file(text)


def test_local_server_sends_the_headers_on_pages_404s_and_admin(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>home</title>")
    (tmp_path / "404.html").write_text("<!doctype html><title>missing</title>")
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "index.html").write_text("<!doctype html><title>admin</title>")
    (tmp_path / "_headers").write_text(HEADERS_FILE.read_text(encoding="utf-8"))
    with serve(tmp_path) as url:
        with urllib.request.urlopen(url + "/") as response:
            assert response.status == 200
            assert len(response.headers.get_all("Content-Security-Policy")) == 1
            assert parse_csp(response.headers["Content-Security-Policy"]) == STRICT_CSP
            assert response.headers.get_all("Set-Cookie") is None
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(url + "/nothing-here/")
        assert missing.value.code == 404
        assert b"missing" in missing.value.read()
        assert parse_csp(missing.value.headers["Content-Security-Policy"]) == STRICT_CSP
        with urllib.request.urlopen(url + "/admin/") as response:
            policies = response.headers.get_all("Content-Security-Policy")
            assert len(policies) == 1
            assert "'unsafe-eval'" in policies[0]
        with pytest.raises(urllib.error.HTTPError) as hidden:
            urllib.request.urlopen(url + "/_headers")
        assert hidden.value.code == 404


# --- nginx agrees with _headers ------------------------------------------------------------------


def parse_nginx(text: str) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Server-level add_header lines and each `location ^~ /x/ {}` block's, by name."""
    server: dict[str, str] = {}
    locations: dict[str, dict[str, str]] = {}
    current: dict[str, str] = server
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.strip().startswith("add_header") else (
            raw.strip()
        )
        if not line:
            continue
        opened = re.match(r"location\s+\^~\s+(\S+)\s*\{$", line)
        if opened:
            current = locations.setdefault(opened.group(1), {})
            continue
        if line == "}":
            current = server
            continue
        if line.startswith("add_header"):
            match = re.fullmatch(r'add_header\s+(\S+)\s+"([^"]*)"\s+always;', line)
            assert match, f"nginx.conf: add_header without a quoted value and `always`: {line}"
            name = match.group(1).lower()
            assert name not in current, f"nginx.conf: {name} twice in one block"
            current[name] = match.group(2)
    return server, locations


def nginx_headers_for(text: str, path: str) -> dict[str, str]:
    server, locations = parse_nginx(text)
    matches = [prefix for prefix in locations if path.startswith(prefix)]
    if not matches:
        return server
    return locations[max(matches, key=len)]


@pytest.mark.parametrize("path", ALL_PATHS)
def test_nginx_sends_the_same_headers_as_headers_file(rules: list, path: str) -> None:
    nginx = nginx_headers_for(NGINX_FILE.read_text(encoding="utf-8"), path)
    assert nginx == headers_dict(rules, path)


def test_nginx_locations_repeat_every_server_header() -> None:
    """nginx drops server-level add_header in a location that has its own."""
    server, locations = parse_nginx(NGINX_FILE.read_text(encoding="utf-8"))
    assert locations, "expected the /search/, /pagefind/ and /admin/ locations"
    for prefix, headers in locations.items():
        assert set(server) <= set(headers), (prefix, set(server) - set(headers))
