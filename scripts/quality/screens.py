"""`make screens`: screenshots of every page type, and the action flow measured on a phone.

Opens one page of each type (quality.page_types) in Debian's Chromium at phone (390 × 844)
and desktop (1280 × 800) size, in light and dark mode, and saves full-page PNGs to
`screens/` (git-ignored). On the headline action page it then measures what issue 14 asks:
where the ZIP field sits in the first screen, the distance from the ZIP field to the first
recipient's call button after a lookup, the page height after a split-ZIP lookup, and the
JavaScript the page loads (bytes, gzipped). The figures go to `screens/flow.json` and to
the terminal.

    python -m quality.screens --site output            # a built site
    python -m quality.screens --site output --only action --no-screens
"""

from __future__ import annotations

import argparse
from dataclasses import asdict, dataclass
import gzip
import json
from pathlib import Path
import sys
from typing import Any

from quality.chromium import launch
from quality.localserver import serve_static
from quality.page_types import PAGE_TYPES

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
SCHEMES = ("light", "dark")
# A ZIP with one House district (Cheyenne, WY) and one split between two (Cambridge, MA).
ONE_DISTRICT_ZIP = "82001"
SPLIT_ZIP = "02139"
ZIP_FIELD = ".zip-form input, #zip"
SUBMIT = ".zip-form button[type=submit]"
# The first recipient's call button (the rebuilt flow), else the first phone link (before).
CALL = "#stepper [data-do=call]"
CALL_FALLBACK = "#results a[href^='tel:']"
DONE = "#results[data-state=done]"


@dataclass
class Flow:
    """The action flow on a 390 × 844 phone, in CSS pixels."""

    page: str
    zip_field_bottom: float  # the ZIP field's bottom edge before any scroll (first screen: ≤ 844)
    zip_button_bottom: float
    zip_in_first_screen: bool
    zip_to_call: float  # from the ZIP field's top to the first call button's bottom, after a lookup
    height_after_lookup: float  # the page after the one-district lookup
    height_after_split_lookup: float  # the page after the split-ZIP lookup
    js_bytes: int  # the page's own JavaScript, as served
    js_gzip_bytes: int


def _box(page: Any, selector: str) -> dict[str, float] | None:
    """The element's box relative to the document (not the viewport), or None."""
    return page.evaluate(
        """(sel) => { const el = [...document.querySelectorAll(sel)].find(e => e.offsetParent);
            if (!el) return null; const r = el.getBoundingClientRect();
            return {top: r.top + scrollY, bottom: r.bottom + scrollY}; }""",
        selector,
    )


def _lookup(page: Any, zip_code: str) -> None:
    page.fill(ZIP_FIELD, zip_code)
    page.click(SUBMIT)
    page.wait_for_selector(DONE, timeout=10_000)


def _scripts(page: Any, site: Path) -> tuple[int, int]:
    """Bytes of every same-origin script the page loaded (raw and gzipped)."""
    urls = page.evaluate(
        "() => performance.getEntriesByType('resource')"
        ".filter(e => e.initiatorType === 'script' || e.name.endsWith('.js')).map(e => e.name)"
    )
    raw = zipped = 0
    for url in sorted(set(urls)):
        path = site / url.split("/", 3)[3].split("?")[0]
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            zipped += len(gzip.compress(data, 9, mtime=0))
    return raw, zipped


def measure_flow(browser: Any, base: str, site: Path, action: str) -> Flow:
    """Measure the headline action's flow at phone size (issue 14's figures)."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, has_touch=True)
    page = context.new_page()
    try:
        page.goto(base + action)
        page.wait_for_selector(ZIP_FIELD, state="visible")
        field = _box(page, ZIP_FIELD) or {"top": 0, "bottom": 0}
        button = _box(page, SUBMIT) or {"bottom": 0}
        _lookup(page, ONE_DISTRICT_ZIP)
        call = _box(page, CALL) or _box(page, CALL_FALLBACK) or {"bottom": 0}
        after = page.evaluate("document.documentElement.scrollHeight")
        _lookup(page, SPLIT_ZIP)
        split = page.evaluate("document.documentElement.scrollHeight")
        raw, zipped = _scripts(page, site)
    finally:
        context.close()
    return Flow(
        page=action,
        zip_field_bottom=round(field["bottom"]),
        zip_button_bottom=round(button["bottom"]),
        zip_in_first_screen=max(field["bottom"], button["bottom"]) <= PHONE["height"],
        zip_to_call=round(call["bottom"] - field["top"]),
        height_after_lookup=round(after),
        height_after_split_lookup=round(split),
        js_bytes=raw,
        js_gzip_bytes=zipped,
    )


def screenshots(browser: Any, base: str, pages: dict[str, str], folder: Path) -> list[Path]:
    """Full-page screenshots of every page type, phone and desktop, light and dark."""
    made: list[Path] = []
    for size, viewport in SIZES.items():
        for scheme in SCHEMES:
            context = browser.new_context(viewport=viewport, color_scheme=scheme,
                                          has_touch=size == "phone")
            page = context.new_page()
            for name, path in pages.items():
                page.goto(base + path)
                shot = folder / f"{name}-{size}-{scheme}.png"
                page.screenshot(path=str(shot), full_page=True)
                made.append(shot)
                if name in ("action", "es-action"):
                    _lookup(page, SPLIT_ZIP)
                    shot = folder / f"{name}-after-lookup-{size}-{scheme}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    made.append(shot)
            context.close()
    return made


def main(argv: list[str] | None = None) -> int:
    """Screenshots and flow figures for a built site."""
    parser = argparse.ArgumentParser(prog="python -m quality.screens", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=Path("output"), help="the built site")
    parser.add_argument("--out", type=Path, default=Path("screens"), help="where PNGs go")
    parser.add_argument("--only", nargs="*", help="page types to photograph (default: all)")
    parser.add_argument("--no-screens", action="store_true", help="only measure the flow")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}/index.html: no built site there; run `make html` first",
              file=sys.stderr)
        return 2
    # Served as plain files here, so the 404 page is opened as the file itself.
    files = {t.name: "/" + rel for t in PAGE_TYPES if (rel := t.find(args.site))}
    found = {name: "/" if url == "/index.html" else url.removesuffix("index.html")
             for name, url in files.items()}
    action = found.get("action")
    if args.only:
        found = {name: url for name, url in found.items() if name in args.only}
    args.out.mkdir(parents=True, exist_ok=True)
    with serve_static(args.site) as base, launch() as browser:
        flow = measure_flow(browser, base, args.site, action) if action else None
        made = [] if args.no_screens else screenshots(browser, base, found, args.out)
    if flow:
        (args.out / "flow.json").write_text(json.dumps(asdict(flow), indent=2) + "\n")
        for key, value in asdict(flow).items():
            print(f"{key:26} {value}")
    print(f"{len(made)} screenshots in {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
