"""Check every file under content/ with the rules the build enforces; list every problem.

Usage: `make check-content`, or `python scripts/check_content.py [--format github] [folder]`.
It builds the same content index as the build (every rule, those of the plugins too) and
prints each problem as one line, `file:line: field: what is wrong; how to fix it`, errors
and warnings alike, all in one run. The exit status is 1 if there is any error (warnings
alone pass), 0 otherwise. `--format github` also prints each problem as a GitHub Actions
`::error` (or `::warning`) workflow command, which GitHub shows on the problem's line of
the pull request.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
import os
from pathlib import Path
import sys

from content_schema.fields import Problem
from content_schema.files import iter_content
from content_schema.media import MEDIA_FOLDER
from content_schema.tools import index_for, load_settings
from pluginkit import SiteError

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("text", "github")


def build_parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default=str(ROOT / "content"),
                        help="the content folder to check (default: content/)")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py",
                        help="the Pelican settings file whose plugins and rules apply")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text: one line per problem; github: each line followed by a "
                        "GitHub Actions ::error command for the pull request (default: text)")
    return parser


def github_annotation(problem: Problem) -> str:
    """Render a problem as `::error file=..,line=..,title=<field>::<message; fix>`.

    Escaped as GitHub's runner reads workflow commands: % CR LF in the message, and also
    : and , in the property values. A problem with no line (0) annotates the whole file.
    A warning becomes `::warning`.
    """

    def data(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(value: str) -> str:
        return data(value).replace(":", "%3A").replace(",", "%2C")

    where = f"file={prop(problem.path)}" + (f",line={problem.line}" if problem.line > 0 else "")
    message = data(f"{problem.message}; {problem.fix}")
    command = "error" if problem.is_error else "warning"
    return f"::{command} {where},title={prop(problem.field)}::{message}"


def display_prefix(root: Path) -> str:
    """Show the folder relative to the current directory when it is inside it."""
    relative = os.path.relpath(root)
    return root.name if relative.startswith("..") else Path(relative).as_posix()


def main(argv: Sequence[str] | None = None) -> int:
    """Check every file under the content folder; print problems; return 1 on any error."""
    args = build_parser().parse_args(argv)
    root = Path(args.content).resolve()
    if not root.is_dir():
        print(f"{args.content}: not a folder; give the content folder, e.g. content",
              file=sys.stderr)
        return 2
    try:
        index = index_for(load_settings(args.settings, root), prefix=display_prefix(root))
    except SiteError as error:
        print(error, file=sys.stderr)
        return 2
    for problem in index.problems:
        print(problem if problem.is_error else f"{problem} (warning)")
        if args.format == "github":
            print(github_annotation(problem))
    images = root / MEDIA_FOLDER
    files = sum(1 for _ in iter_content(root)) + (
        sum(1 for p in images.rglob("*") if p.is_file()) if images.is_dir() else 0
    )
    for vocabulary in index.unchecked:
        print(f"note: the {vocabulary} ids of the actions were not checked: there is no "
              f"{vocabulary} data yet (run `make data`, or set LEGISLATORS_SOURCE to a folder)",
              file=sys.stderr)
    errors, warnings = index.errors, index.warnings
    note = f" and {len(warnings)} warning(s)" if warnings else ""
    if errors:
        with_problems = len({p.path for p in errors})
        print(f"{len(errors)} problem(s){note} in {with_problems} of {files} file(s).",
              file=sys.stderr)
        return 1
    print(f"{files} file(s) checked: no problems{note}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
