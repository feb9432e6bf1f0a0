"""Page weight and lookup-JSON sizes of a built site, read from the output folder (no server).

A page's weight is its HTML plus every stylesheet it links (`<link rel="stylesheet">`, and their
`@import`s) plus every script it loads (`<script src>`, and for modules their static `import`s and
`import("…")` calls with a literal path), each counted once, raw and gzipped (level 9, as the
reference baseline in tooling.md). Files referenced but absent from the output are listed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
import gzip
import json
from pathlib import Path, PurePosixPath
import re
import statistics
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

from bench.results import Results
from quality.page_types import BY_NAME
from quality.urls import CSS_IMPORT, url_of

# The page types weighed, as the report names them, and their names in quality.page_types
# (which finds one page of each in the output).
WEIGHED = (
    ("home", "home"),
    ("platform page", "platform"),
    ("action page", "action"),
    ("case", "case"),
    ("case list", "case-list"),
    ("outcome page", "outcome"),
    ("directory", "representatives"),
    ("state page", "state"),
    ("search", "search"),
    ("404", "404"),
)


def gz(data: bytes) -> int:
    """Gzipped size (level 9, no file name or time stamp in the header)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def url_path(output: Path, file: Path) -> str:
    """The root-relative URL path of an output file (`/x/` for `x/index.html`)."""
    return url_of(file.relative_to(output).as_posix())


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
    for label, name in WEIGHED:
        rel = BY_NAME[name].find(output)
        if rel is None:
            missing.append(label)
        else:
            weights.append(page_weight(output, output / rel, label))
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


# Page types whose weight grows with the number of cases: weighed again on the largest corpus.
SCALED = ("home", "case", "case list", "outcome page", "search", "404")


def weigh(res: Results, real: Path | None, scaled: dict[int, Path]) -> None:
    """Page weight of the real site (and list pages at scale), JSON sizes, action-page JS."""
    if real is not None:
        weights, missing = page_weights(real)
        res.weights = [
            asdict(w) | {"total_gz": w.total_gz, "total_raw": w.total_raw} for w in weights
        ]
        res.weights_missing = missing
        sizes = json_sizes(real)
        res.json_sizes = asdict(sizes) if sizes else None
        action = next((w for w in weights if w.page == "action page"), None)
        if action is not None:
            res.action_js = {
                "file": action.file,
                "raw": action.js[0],
                "gz": action.js[1],
                "assets": [a for a in action.assets if a.endswith((".js", ".mjs"))],
            }
    if scaled:
        size = max(scaled)
        weights, _ = page_weights(scaled[size])
        res.weights_scaled = [
            asdict(w) | {"total_gz": w.total_gz, "total_raw": w.total_raw, "size": size}
            for w in weights
            if w.page in SCALED
        ]
