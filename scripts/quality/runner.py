"""`make check`: build the real site strictly, then run every quality gate over it.

    .venv/bin/python -m quality --output output          # what `make check` runs
    .venv/bin/python -m quality --no-build --output /tmp/site --skip lighthouse
    .venv/bin/python -m quality --allow-missing-page-types  # while pages are missing

Gates (each names the page and the problem when it fails):
  build         `pelican --fatal warnings` into a clean folder, Pagefind, then swap
                (scripts/publish.py), with LEGISLATORS_SOURCE etc. from the environment
  page-types    one page of every type exists (home, platform index, platform page, action,
                case, outcome, representatives, state, search, 404); a missing type is
                skipped loudly by the other gates and fails here unless
                --allow-missing-page-types
  static        every HTML page, and every CSS/JS file a page can load: nothing from another
                origin (script, style, image, font, frame, form, fetch/import/worker, CSS
                url()/@import), no inline <script>/<style>, no on* or style attribute, no
                javascript: URL, no eval, no cookie writes
  html          the Nu HTML checker (node_modules/vnu-jar, Java): zero errors on every page
                and every stylesheet
  links         LinkChecker with its AnchorCheck plugin over http://127.0.0.1, every page as
                a start URL: zero broken links and zero missing #fragments
  browser       Debian's Chromium (Playwright), served WITH deploy/_headers: axe-core (WCAG
                2.0/2.1/2.2 A+AA tags) on one page of every type, in light and dark colour
                scheme, the action page before and after a ZIP lookup; no CSP violation,
                console error, request to another origin, or cookie
  lighthouse    Lighthouse 12 (mobile) on home, a platform page and an action page:
                accessibility 1.0, best practices, SEO and performance at least 0.95
Exit status: 0 if every gate passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
from pathlib import Path
import time

# serve_headers.py is a script beside this package (scripts/ is on sys.path).
import serve_headers

from quality import ROOT
from quality.browser import browser_gate
from quality.build import build_gate, no_site
from quality.lighthouse import lighthouse_gate
from quality.links import links_gate
from quality.localserver import free_port
from quality.page_types import find_pages, page_types_gate
from quality.results import GateResult, print_summary, timed
from quality.static import site_origins, static_gate
from quality.vnu import finish_vnu, start_vnu

GATES = ("build", "page-types", "static", "html", "links", "browser", "lighthouse")
SKIPPABLE = GATES[2:]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line; --skip is checked against the gates that can be skipped."""
    parser = argparse.ArgumentParser(
        prog="python -m quality",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n\n", 2)[2],
    )
    parser.add_argument("--output", type=Path, default=ROOT / "output",
                        help="where to build (safely swapped in) and what to check")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--no-build", action="store_true", help="check --output as it is")
    parser.add_argument("--skip", default="",
                        help=f"comma-separated gates to skip: {', '.join(SKIPPABLE)} "
                             "(use --no-build to skip the build)")
    parser.add_argument("--port", type=int, default=0, help="port for the local server")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--require-all-page-types", dest="require_all", action="store_true",
                       default=True, help="fail if a page type is missing (default)")
    group.add_argument("--allow-missing-page-types", dest="require_all", action="store_false",
                       help="skip missing page types loudly instead of failing")
    args = parser.parse_args(argv)
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    unknown = args.skip - set(SKIPPABLE)
    if unknown:
        parser.error(f"cannot skip {', '.join(sorted(unknown))}; "
                     f"gates that can be skipped: {', '.join(SKIPPABLE)}")
    return args


def main(argv: list[str] | None = None) -> int:
    """Build, serve with the deploy headers, run the gates, print the summary."""
    args = parse_args(argv)
    skip: set[str] = args.skip
    out: Path = args.output.resolve()
    port = args.port or free_port()
    origin = f"http://127.0.0.1:{port}"
    results: list[GateResult] = []

    if not args.no_build:
        build = timed(lambda: build_gate(out, args.settings, origin))
        results.append(build)
        if build.status == "fail":
            print_summary(results)
            return 1
    missing = no_site(out)
    if missing:
        results.append(missing)
        print_summary(results)
        return 1

    pages = find_pages(out)
    results.append(page_types_gate(pages, args.require_all))
    for name in SKIPPABLE:
        if name in skip:
            results.append(GateResult(name, "skip", notes=["skipped with --skip"]))

    vnu = start_vnu(out) if "html" not in skip else None
    vnu_start = time.perf_counter()
    if "static" not in skip:
        own = site_origins(args.settings)
        results.append(timed(lambda: static_gate(out, origin, own)))
    with serve_headers.serve(out, port=port) as base_url:
        if "links" not in skip:
            results.append(timed(lambda: links_gate(out, base_url)))
        if "browser" not in skip:
            results.append(timed(lambda: browser_gate(base_url, pages)))
        if "html" not in skip:
            html = finish_vnu(vnu, out)
            html.seconds = time.perf_counter() - vnu_start
            results.append(html)
        if "lighthouse" not in skip:
            results.append(timed(lambda: lighthouse_gate(base_url, pages)))
    order = {name: i for i, name in enumerate(GATES)}
    results.sort(key=lambda r: order.get(r.name, 99))
    print_summary(results)
    return 1 if any(r.status == "fail" for r in results) else 0
