"""Page weight and lookup-JSON sizes, measured from a tiny hand-made output folder."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from bench import weight


def _write(root: Path, rel: str, text: str) -> bytes:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text.encode("utf-8")


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def test_page_follows_stylesheets_imports_and_module_imports_once(tmp_path: Path) -> None:
    html = _write(
        tmp_path,
        "act/x/index.html",
        '<!doctype html><html><head><link rel="stylesheet" href="/theme/css/main.css">'
        '<link rel="icon" href="/favicon.svg">'
        '<link rel="stylesheet" href="https://cdn.example.com/x.css">'
        '<script type="module" src="../../theme/js/a.js"></script>'
        '<script type="module" src="/theme/js/b.js"></script>'
        '<script src="/theme/js/gone.js"></script></head><body></body></html>',
    )
    css = _write(tmp_path, "theme/css/main.css", '@import url("print.css");\nbody{color:#123}')
    css2 = _write(tmp_path, "theme/css/print.css", "@media print{a{color:#000}}")
    js_a = _write(
        tmp_path,
        "theme/js/a.js",
        'import { b } from "./b.js";\nexport * from "./c.js";\n'
        'const later = () => import("./lazy.js");\n',
    )
    js_b = _write(tmp_path, "theme/js/b.js", "export const b = 1;\n")
    js_c = _write(tmp_path, "theme/js/c.js", 'import "./b.js";\nexport const c = 2;\n')
    js_lazy = _write(tmp_path, "theme/js/lazy.js", "export default 3;\n")

    w = weight.page_weight(tmp_path, tmp_path / "act/x/index.html", "action page")

    assert w.file == "/act/x/"
    assert w.html == (len(html), _gz(html))
    assert w.css == (len(css) + len(css2), _gz(css) + _gz(css2))
    scripts = (js_a, js_b, js_c, js_lazy)
    assert w.js == (sum(len(s) for s in scripts), sum(_gz(s) for s in scripts))
    assert sorted(w.assets) == [
        "/theme/css/main.css",
        "/theme/css/print.css",
        "/theme/js/a.js",
        "/theme/js/b.js",
        "/theme/js/c.js",
        "/theme/js/lazy.js",
    ]
    assert w.missing == ["/theme/js/gone.js"]
    assert w.total_gz == w.html[1] + w.css[1] + w.js[1]


def test_scripts_named_in_data_attributes_are_deferred_not_counted(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "search/index.html",
        '<html><form data-pagefind="/pagefind/pagefind.js"></form>'
        '<script type="module" src="/theme/js/search.js"></script></html>',
    )
    js = _write(tmp_path, "theme/js/search.js", "const m = await import(form.dataset.x);\n")
    pf = _write(tmp_path, "pagefind/pagefind.js", "export const search = 1;\n")
    w = weight.page_weight(tmp_path, tmp_path / "search/index.html", "search")
    assert w.js == (len(js), _gz(js))
    assert w.deferred == [("/pagefind/pagefind.js", len(pf), _gz(pf))]


def test_page_types_found_and_missing_ones_named(tmp_path: Path) -> None:
    _write(tmp_path, "index.html", "<html></html>")
    _write(tmp_path, "cases/page/2/index.html", "<html></html>")
    _write(tmp_path, "cases/b-case/index.html", "<html></html>")
    _write(tmp_path, "cases/a-case/index.html", "<html></html>")
    _write(tmp_path, "representatives/wy/index.html", "<html></html>")
    weights, missing = weight.page_weights(tmp_path)
    found = {w.page: w.file for w in weights}
    assert found["home"] == "/"
    assert found["case"] == "/cases/a-case/"  # first in sorted order, not the pagination folder
    assert found["state page"] == "/representatives/wy/"
    assert "platform page" in missing
    assert "action page" in missing
    assert "404" in missing


def test_json_sizes_and_bytes_per_lookup(tmp_path: Path) -> None:
    api = tmp_path / "api" / "v1"
    z021 = _write(tmp_path, "api/v1/zip/021.json", json.dumps({"02139": ["MA-5", "MA-7"]}))
    z201 = _write(tmp_path, "api/v1/zip/201.json", json.dumps({"20135": ["VA-10", "WV-2"]}))
    ma = _write(tmp_path, "api/v1/states/MA.json", json.dumps({"state": "MA", "x": "y" * 500}))
    va = _write(tmp_path, "api/v1/states/VA.json", json.dumps({"state": "VA"}))
    _write(tmp_path, "api/v1/meta.json", "{}")
    sizes = weight.json_sizes(tmp_path)
    assert sizes is not None
    assert sizes.zip_count == 2
    assert sizes.state_count == 2
    assert sizes.zip_total == (len(z021) + len(z201), _gz(z021) + _gz(z201))
    assert sizes.state_largest == ("MA.json", len(ma), _gz(ma))
    assert sizes.meta == (2, _gz(b"{}"))
    assert sizes.lookups == 2
    # 20135 spans two states: its shard plus VA and (missing) WV; 02139: shard plus MA.
    per_ma = _gz(z021) + _gz(ma)
    per_va = _gz(z201) + _gz(va)
    assert sizes.per_lookup_max_gz == max(per_ma, per_va)
    assert sizes.problems == ["20135: no states/WV.json"]
    assert api.is_dir()


def test_no_api_folder_means_no_json_sizes(tmp_path: Path) -> None:
    assert weight.json_sizes(tmp_path) is None
