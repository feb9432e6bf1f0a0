"""One content file: read once, checked on its own, with everything the build needs from it.

`check_file` parses the front matter (frontmatter.py), checks every field against its
collection, runs the folder's own rules, works out the file's address and scans the body.
The result, an `Entry`, is what the content index keeps: the build's reader, the plugins,
`make check-content`, `make case` and the editor all read entries instead of the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
import datetime as dt
from pathlib import Path, PurePosixPath
import re

from . import frontmatter
from .body import BodyChecker
from .cases import SLUG_HELP, SLUG_PATTERN
from .collections import COLLECTIONS, collection_folder, folder_rules, original_folder
from .entry import Entry
from .fields import Problem

CONTENT_SUFFIXES = (".md", ".markdown")
STATUSES = ("published", "draft", "hidden")
# Names Windows cannot use for a folder, whatever the extension.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)


def iter_content(root: Path) -> Iterator[Path]:
    """Yield every Markdown file under the collection folders of `root`, sorted."""
    for folder in sorted(COLLECTIONS):
        base = root / folder
        if base.is_dir():
            yield from sorted(
                p for p in base.rglob("*")
                if p.is_file() and p.suffix.lower() in CONTENT_SUFFIXES
                and not p.name.startswith(("_", ".")) and p.name != "README.md"
            )


def shown_path(path: Path, root: Path, prefix: str | None = None) -> str:
    """Return the path as messages show it: `prefix` (default: the folder name) + relative."""
    try:
        return str(PurePosixPath(prefix or root.name) / path.relative_to(root).as_posix())
    except ValueError:
        return str(path)


def check_slug(value: str, path: str, line: int, name: str = "slug") -> list[Problem]:
    """A slug is lower-case a-z, 0-9 and hyphens, at most 80 characters, not a device name."""
    if not re.fullmatch(SLUG_PATTERN, value):
        return [Problem(path, line, name, f"'{value}' is not allowed in an address", SLUG_HELP)]
    if len(value) > 80:
        return [Problem(path, line, name, f"is {len(value)} characters long (at most 80)",
                        "shorten it")]
    if value in WINDOWS_RESERVED:
        return [Problem(path, line, name, f"'{value}' is a reserved device name on Windows",
                        "choose another word")]
    return []


@dataclass(frozen=True, slots=True)
class Checking:
    """How files are checked: where content lives and what the checks read from settings.

    `url_of(folder, slug)` gives a file's address (SchemaSettings.url_of); `today` is the
    build's date; `prefix` is how the content folder is shown in messages; with
    `render=False` the body is not rendered for the last safety scan (the build scans
    Pelican's own rendering instead).
    """

    root: Path
    url_of: Callable[[str, str], str | None] | None = None
    today: dt.date | None = None
    prefix: str | None = None
    render: bool = True


def check_file(path: Path, how: Checking) -> Entry:
    """Read and check one content file on its own (everything except rules across files)."""
    fm, problems = frontmatter.read(path, shown_path(path, how.root, how.prefix))
    return check_parsed(fm, problems, path, how)


def check_text(text: str, path: Path, how: Checking) -> Entry:
    """Check the text a file would hold at `path`, before it is written (`make case`)."""
    fm, problems = frontmatter.parse(text, shown_path(path, how.root, how.prefix))
    return check_parsed(fm, problems, path, how)


def check_parsed(
    fm: frontmatter.FrontMatter | None, problems: list[Problem], path: Path, how: Checking
) -> Entry:
    """Check a parsed file: fields, the folder's rules, status, address, body."""
    root, url_of, today = how.root, how.url_of, how.today
    folder = collection_folder(path.relative_to(root).parts) or path.relative_to(root).parts[0]
    shown = shown_path(path, root, how.prefix)
    entry = Entry(shown, folder)
    entry.problems += problems
    if fm is None:
        return entry
    entry.parsed = True
    entry.metadata, entry.lines = fm.metadata, fm.lines
    entry.body, entry.body_line = fm.body, fm.body_line
    collection = COLLECTIONS[folder]
    entry.problems += [
        p for p in collection.check(fm.metadata, path=shown, lines=fm.lines, raws=fm.raw)
        if p.field not in fm.broken
    ]
    entry.problems += folder_rules(
        folder, fm.metadata, shown, fm.lines, today or dt.datetime.now(dt.UTC).date()
    )
    status = fm.metadata.get("status")
    if status is not None and status not in STATUSES:
        entry.problems.append(Problem(shown, fm.lines.get("status", 1), "status",
                                      f"'{status}' is not one of {', '.join(STATUSES)}",
                                      "write 'status: draft' or delete the line"))
    slug = _slug_of(entry, path)
    if slug is not None:
        page_url = fm.metadata.get("url")
        # An evergreen page (or its translation) may say where it goes: the home pages.
        if original_folder(folder) == "pages" and isinstance(page_url, str):
            entry.url = page_url
        elif url_of is not None:
            entry.url = url_of(folder, slug)
    body = BodyChecker(shown, path, root, fm.body_line, render=how.render)
    entry.problems += body.check(fm.body)
    entry.links = body.links
    return entry


def _slug_of(entry: Entry, path: Path) -> str | None:
    """Return the file's slug (written, or from the file name); report a bad one."""
    slug = entry.metadata.get("slug")
    if not isinstance(slug, str) or not slug:
        if COLLECTIONS[entry.folder].slug_required or "slug" in entry.lines:
            return None  # already reported as a field problem
        slug = path.stem.lower()
        entry.problems += [
            Problem(entry.path, 1, "slug", f"the file name gives the address '{slug}', "
                    "which is not allowed", f"rename the file or add a 'slug:' line; {SLUG_HELP}")
            for _ in check_slug(slug, entry.path, 1)
        ]
        return slug
    if not re.fullmatch(SLUG_PATTERN, slug):
        return None  # reported by the field check
    entry.problems += [p for p in check_slug(slug, entry.path, entry.lines.get("slug", 1))
                       if "reserved" in p.message or "characters long" in p.message]
    return slug
