"""Page weight and lookup-JSON sizes of a built site, read from the output folder (no server).

A page's weight is its HTML plus every stylesheet it links (`<link rel="stylesheet">`, and their
`@import`s) plus every script it loads (`<script src>`, and for modules their static `import`s and
`import("…")` calls with a literal path), each counted once, raw and gzipped (level 9, as the
reference baseline in tooling.md). Files referenced but absent from the output are listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import gzip
import json
from pathlib import Path, PurePosixPath
import re
import statistics
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

# Page types of the site and how to find one of each in the output (first match wins).
PAGE_TYPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("home", ("index.html",)),
    ("platform page", ("platform/two-cents-for-freedom/index.html", "platform/*/index.html")),
    ("action page", ("act/two-cents-for-freedom/index.html", "act/*/index.html")),
    ("case", ("cases/*/index.html",)),
    ("case list", ("cases/index.html",)),
    ("outcome page", ("outcomes/people/index.html", "outcomes/*/index.html")),
    ("directory", ("representatives/index.html",)),
    ("state page", ("representatives/ma/index.html", "representatives/*/index.html")),
    ("search", ("search/index.html",)),
    ("404", ("404.html",)),
)
# Folders under a page type's glob that are not pages of that type.
_NOT_A_PAGE = {"page"}


def gz(data: bytes) -> int:
    """Gzipped size (level 9, no file name or time stamp in the header)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def find_page(output: Path, patterns: tuple[str, ...]) -> Path | None:
    """Return the first existing output file matching one of `patterns` (sorted, deterministic)."""
    for pattern in patterns:
        if "*" not in pattern:
            if (output / pattern).is_file():
                return output / pattern
            continue
        for candidate in sorted(output.glob(pattern)):
            if candidate.parent.name in _NOT_A_PAGE:
                continue
            if candidate.is_file():
                return candidate
    return None


def url_path(output: Path, file: Path) -> str:
    """The root-relative URL path of an output file (`/x/` for `x/index.html`)."""
    rel = file.relative_to(output).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def _local(output: Path, base: str, ref: str) -> Path | None:
    """Resolve a reference from a page or asset URL to a file in the output (None if external)."""
    if not ref or ref.startswith(("data:", "#")):
        return None
    joined = urljoin("http://site.invalid" + base, ref)
    parsed = urlparse(joined)
    if parsed.netloc != "site.invalid":
        return None
    path = PurePosixPath(parsed.path)
    target = output / str(path).lstrip("/")
    if parsed.path.endswith("/"):
        target = target / "index.html"
    return target


CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""")
JS_IMPORT = re.compile(
    r"""(?:\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?|\bexport\s*[\w*{}\s,$]+\s*from\s*|\bimport\s*\(\s*)"""
    r"""['"]([^'"]+\.m?js)['"]"""
)


@dataclass
class Weight:
    """Bytes of one page and everything it loads, by kind."""

    page: str
    file: str
    html: tuple[int, int] = (0, 0)
    css: tuple[int, int] = (0, 0)
    js: tuple[int, int] = (0, 0)
    assets: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    # Scripts a page names in a data-* attribute and imports later (e.g. Pagefind on the first
    # search): (url, raw, gz), reported beside the page, not in its total.
    deferred: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def total_gz(self) -> int:
        """HTML + CSS + JS, gzipped."""
        return self.html[1] + self.css[1] + self.js[1]

    @property
    def total_raw(self) -> int:
        """HTML + CSS + JS, raw."""
        return self.html[0] + self.css[0] + self.js[0]


def _add(pair: tuple[int, int], data: bytes) -> tuple[int, int]:
    return (pair[0] + len(data), pair[1] + gz(data))


def page_weight(output: Path, file: Path, page_type: str = "") -> Weight:
    """Measure one HTML page of the output and the CSS and JS it loads."""
    base = url_path(output, file)
    html = file.read_bytes()
    weight = Weight(page=page_type, file=base, html=(len(html), gz(html)))
    soup = BeautifulSoup(html, "html.parser")
    seen: set[Path] = set()
    css_queue: list[tuple[str, Path]] = []
    js_queue: list[tuple[str, Path]] = []
    for link in soup.find_all("link", href=True):
        rels = [r.lower() for r in (link.get("rel") or [])]
        if "stylesheet" in rels:
            target = _local(output, base, link["href"])
            if target is not None:
                css_queue.append((link["href"], target))
        if "modulepreload" in rels:
            target = _local(output, base, link["href"])
            if target is not None:
                js_queue.append((link["href"], target))
    for script in soup.find_all("script", src=True):
        target = _local(output, base, script["src"])
        if target is not None:
            js_queue.append((script["src"], target))

    def take(queue: list[tuple[str, Path]], kind: str, pattern: re.Pattern[str]) -> None:
        while queue:
            ref, target = queue.pop(0)
            if target in seen:
                continue
            seen.add(target)
            if not target.is_file():
                weight.missing.append(ref)
                continue
            data = target.read_bytes()
            if kind == "css":
                weight.css = _add(weight.css, data)
            else:
                weight.js = _add(weight.js, data)
            asset_url = url_path(output, target)
            weight.assets.append(asset_url)
            text = data.decode("utf-8", "replace")
            for found in pattern.findall(text):
                nested = _local(output, asset_url, found)
                if nested is not None:
                    queue.append((found, nested))

    take(css_queue, "css", CSS_IMPORT)
    take(js_queue, "js", JS_IMPORT)
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if name.startswith("data-") and isinstance(value, str) and value.endswith(".js"):
                target = _local(output, base, value)
                if target is not None and target.is_file() and target not in seen:
                    data = target.read_bytes()
                    weight.deferred.append((url_path(output, target), len(data), gz(data)))
    return weight


def page_weights(output: Path) -> tuple[list[Weight], list[str]]:
    """Weigh one page of every type; return the weights and the page types not found."""
    weights: list[Weight] = []
    missing: list[str] = []
    for page_type, patterns in PAGE_TYPES:
        file = find_page(output, patterns)
        if file is None:
            missing.append(page_type)
        else:
            weights.append(page_weight(output, file, page_type))
    return weights, missing


@dataclass
class JsonSizes:
    """Sizes of the lookup JSON (zip shards and state files) and bytes per lookup."""

    zip_count: int = 0
    zip_total: tuple[int, int] = (0, 0)
    zip_largest: tuple[str, int, int] = ("", 0, 0)
    state_count: int = 0
    state_total: tuple[int, int] = (0, 0)
    state_largest: tuple[str, int, int] = ("", 0, 0)
    meta: tuple[int, int] = (0, 0)
    lookups: int = 0
    per_lookup_median_gz: int = 0
    per_lookup_max_gz: int = 0
    per_lookup_max_zip: str = ""
    problems: list[str] = field(default_factory=list)


def _sizes(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (len(b := p.read_bytes()), gz(b)) for p in sorted(folder.glob("*.json"))}


def json_sizes(output: Path) -> JsonSizes | None:
    """Measure /api/v1/zip/*.json and /api/v1/states/*.json; None if the site has no API."""
    api = output / "api" / "v1"
    zdir, sdir = api / "zip", api / "states"
    if not zdir.is_dir() or not sdir.is_dir():
        return None
    result = JsonSizes()
    zips, states = _sizes(zdir), _sizes(sdir)
    result.zip_count, result.state_count = len(zips), len(states)
    result.zip_total = (sum(r for r, _ in zips.values()), sum(g for _, g in zips.values()))
    result.state_total = (sum(r for r, _ in states.values()), sum(g for _, g in states.values()))
    if zips:
        name, (raw, gzd) = max(zips.items(), key=lambda kv: (kv[1][1], kv[0]))
        result.zip_largest = (name, raw, gzd)
    if states:
        name, (raw, gzd) = max(states.items(), key=lambda kv: (kv[1][1], kv[0]))
        result.state_largest = (name, raw, gzd)
    if (api / "meta.json").is_file():
        data = (api / "meta.json").read_bytes()
        result.meta = (len(data), gz(data))
    per_lookup: list[tuple[int, str]] = []
    for shard in sorted(zdir.glob("*.json")):
        try:
            table = json.loads(shard.read_text(encoding="utf-8"))
        except ValueError as err:
            result.problems.append(f"{shard.name}: not JSON ({err})")
            continue
        for zip_code, districts in table.items():
            needed = sorted({str(d).split("-")[0] for d in districts})
            state_gz = 0
            for st in needed:
                if f"{st}.json" in states:
                    state_gz += states[f"{st}.json"][1]
                else:
                    result.problems.append(f"{zip_code}: no states/{st}.json")
            per_lookup.append((zips[shard.name][1] + state_gz, zip_code))
    if per_lookup:
        result.lookups = len(per_lookup)
        result.per_lookup_median_gz = int(statistics.median(b for b, _ in per_lookup))
        result.per_lookup_max_gz, result.per_lookup_max_zip = max(per_lookup)
    return result
