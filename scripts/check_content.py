"""Check every file under content/ with the rules the build enforces; list every problem.

Usage: `make check-content`, or `python scripts/check_content.py [content folder]`.
Each problem is one line, `file:line: field: what is wrong; how to fix it`. All problems
are listed in one run; the exit status is 1 if there is any, 0 if there is none.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
import os
from pathlib import Path
import sys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from content_schema.rules import MEDIA_FOLDER, check_tree, iter_content  # noqa: E402


def build_parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default=str(ROOT / "content"),
                        help="the content folder to check (default: content/)")
    return parser


def display_prefix(root: Path) -> str:
    """Show the folder relative to the current directory when it is inside it."""
    relative = os.path.relpath(root)
    return root.name if relative.startswith("..") else Path(relative).as_posix()


def main(argv: Sequence[str] | None = None) -> int:
    """Check every file under the content folder; print problems; return 1 if any."""
    args = build_parser().parse_args(argv)
    root = Path(args.content).resolve()
    if not root.is_dir():
        print(f"{args.content}: not a folder; give the content folder, e.g. content",
              file=sys.stderr)
        return 2
    problems = check_tree(root, prefix=display_prefix(root))
    for problem in problems:
        print(problem)
    images = root / MEDIA_FOLDER
    files = sum(1 for _ in iter_content(root)) + (
        sum(1 for p in images.rglob("*") if p.is_file()) if images.is_dir() else 0
    )
    if problems:
        with_problems = len({p.path for p in problems})
        print(f"{len(problems)} problem(s) in {with_problems} of {files} file(s).",
              file=sys.stderr)
        return 1
    print(f"{files} file(s) checked: no problems.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
