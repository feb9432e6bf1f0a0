"""Build the site into a clean sibling folder, index it, and only then swap it in.

    .venv/bin/python scripts/publish.py --output output --settings publishconf.py   # make publish
    .venv/bin/python scripts/publish.py --output output --settings pelicanconf.py   # make html

Steps: (1) a strict Pelican build (scripts/sitebuild.py: `pelican --fatal warnings` with
messages people can read) into `<output>.new` (a fresh, empty folder);
(2) Pagefind writes the search index into it; (3) deploy/_headers is copied to its root
(Netlify and Cloudflare Pages read it there); (4) the new folder replaces `<output>` in one
atomic exchange (renameat2 RENAME_EXCHANGE on Linux; two renames elsewhere), and the old
site is removed. If any step fails, `<output>.new` is deleted and `<output>` is left
exactly as it was: the last good site stays published.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
import ctypes
import ctypes.util
from dataclasses import dataclass
import os
from pathlib import Path
import shutil
import subprocess
import sys
import time

ROOT = Path(__file__).resolve().parent.parent
HEADERS_FILE = ROOT / "deploy" / "_headers"
SITEBUILD = Path(__file__).resolve().parent / "sitebuild.py"
REQUIRED_FILES = ("index.html", "404.html")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class BuildError(RuntimeError):
    """A build step failed; the message says which and how to see why."""


@dataclass
class BuildResult:
    """What a successful safe build produced."""

    output: Path
    pages: int
    seconds: float


def _run(step: str, command: Sequence[str], env: Mapping[str, str] | None) -> None:
    """Run one build step, streaming its output; raise BuildError if it fails."""
    full_env = {**os.environ, **(env or {})}
    completed = subprocess.run(list(command), cwd=ROOT, env=full_env, check=False)
    if completed.returncode != 0:
        raise BuildError(
            f"{step} failed: the messages above name the file or setting and the fix."
        )


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False if the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE
    )
    return result == 0


def swap_in(new: Path, output: Path) -> None:
    """Replace `output` by `new` (atomically where possible) and delete the old site."""
    old = output.with_name(output.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if output.exists():
        if _exchange(new, output):
            # `new` now holds the previous site.
            new.rename(old)
        else:
            output.rename(old)
            new.rename(output)
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(output)


def safe_build(
    output: Path,
    settings: Path,
    *,
    env: Mapping[str, str] | None = None,
    pelican_args: Sequence[str] = (),
    search_index: bool = True,
    headers: bool = True,
    content: Path = ROOT / "content",
    required: Sequence[str] = REQUIRED_FILES,
) -> BuildResult:
    """Build `settings` into `<output>.new`, index, add headers, then swap into `output`."""
    start = time.perf_counter()
    output = output.resolve()
    new = output.with_name(output.name + ".new")
    if new.exists():
        shutil.rmtree(new)
    new.mkdir(parents=True)
    try:
        _run(
            "Pelican build",
            [
                sys.executable, str(SITEBUILD), str(content),
                "-o", str(new), "-s", str(settings), "--fatal", "warnings",
                *pelican_args,
            ],
            env,
        )
        missing = [name for name in required if not (new / name).is_file()]
        if missing:
            raise BuildError(
                f"Pelican build wrote no {', '.join(missing)} into {new}; "
                "check content/pages/home.md (save_as: index.html) and DIRECT_TEMPLATES"
            )
        if search_index:
            _run(
                "Pagefind search index",
                [sys.executable, "-m", "pagefind", "--site", str(new), "--silent"],
                env,
            )
        if headers:
            shutil.copyfile(HEADERS_FILE, new / "_headers")
        pages = sum(1 for _ in new.rglob("*.html"))
        swap_in(new, output)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    return BuildResult(output=output, pages=pages, seconds=time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    """Command line for `make publish` and `make html`."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--settings", type=Path, default=ROOT / "publishconf.py")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--no-search", action="store_true", help="skip the Pagefind index")
    parser.add_argument("--watch", action="store_true",
                        help="serve the site with the production headers and build again, "
                        "safely, whenever content, theme or settings change (make devserver)")
    parser.add_argument("--port", type=int, default=8000, help="with --watch: the port")
    parser.add_argument("--bind", default="127.0.0.1", help="with --watch: the address")
    parser.add_argument(
        "pelican_args", nargs="*", help="extra Pelican options, after `--` (e.g. -- -e KEY=VALUE)"
    )
    args = parser.parse_args(argv)
    if args.watch:
        return watch(args)
    return 0 if build_once(args) else 1


def build_once(args: argparse.Namespace) -> bool:
    """Build safely once; print what happened; return True when the new site is in place."""
    try:
        result = safe_build(
            args.output,
            args.settings,
            pelican_args=args.pelican_args,
            search_index=not args.no_search,
            content=args.content,
        )
    except BuildError as error:
        print(f"\nBuild failed; {args.output} was left as it was.\n{error}", file=sys.stderr)
        return False
    print(
        f"Built {result.pages} pages with {args.settings.name} into {result.output} "
        f"in {result.seconds:.1f} s"
    )
    return True


def watch(args: argparse.Namespace) -> int:
    """Serve the output with its headers; build again on every change until Ctrl-C."""
    from pelican.settings import read_settings
    from pelican.utils import wait_for_changes
    from serve_headers import make_server

    from quality.localserver import running

    build_once(args)
    server = make_server(args.output.resolve(), host=args.bind, port=args.port, quiet=True)
    with running(server) as url:
        print(f"Serving {args.output} on {url}/ with the production headers; building again "
              "on every change (Ctrl-C to stop)")
        try:
            while True:
                settings = read_settings(str(args.settings))
                changed = wait_for_changes(str(args.settings), settings)
                print(f"Changed: {', '.join(sorted(str(c[1]) for c in changed))}")
                build_once(args)
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    sys.exit(main())
