"""Split a content file into YAML front matter and body, with a line number per key.

The front matter is parsed with PyYAML's *safe* loader only, one key at a time, so
that every problem can name its line and field: a missing or unclosed `---` block,
a byte-order mark, Windows line endings, tabs, unclosed quotes, YAML 1.1 surprises
(`title: no` is False, `slug: 0123` is the number 83), anchors and aliases (the
"billion laughs" bomb), explicit tags such as `!!python/object`, duplicate keys,
invisible direction-control characters and files too large to be a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
import re
from typing import Any

import yaml

from .fields import Problem

# libyaml's safe loader when PyYAML was built with it (about ten times faster), else
# the pure-Python one: both are safe loaders and give the same nodes and line marks.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A case highlight is a page or two; a 5 MB "post" is a mistake or an attack.
MAX_BYTES = 256 * 1024
MAX_LINES = 5000
MAX_FRONT_MATTER_LINES = 200
FENCE = "---"
FRONT_MATTER = "front matter"
FILE = "file"
BOM = "\ufeff"
# Characters that change how text is displayed without being visible (Trojan Source),
# zero-width spaces (U+200B, U+2060, U+FEFF inside the text), NUL and the other C0
# controls except tab, newline and carriage return. Zero-width joiners (U+200C, U+200D)
# stay allowed: emoji and some scripts need them.
INVISIBLE = re.compile(
    r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u200b\u2060\ufeff"
    r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
)


@dataclass(slots=True)
class FrontMatter:
    """A parsed file: its metadata (keys lower-cased, as Pelican reads them) and body."""

    metadata: dict[str, Any]
    lines: dict[str, int]  # key -> 1-based line number in the file
    # key -> the value as written, for plain (unquoted) scalars; for a list, one entry per
    # item (None where the item is not a plain scalar)
    raw: dict[str, str | list[str | None]]
    body: str
    body_line: int  # 1-based line number of the first body line
    text: str = field(repr=False, default="")
    broken: frozenset[str] = frozenset()  # keys whose value could not be read (reported)


def read(path: Path, shown: str | None = None) -> tuple[FrontMatter | None, list[Problem]]:
    """Read and parse one file; `shown` is the path used in messages (default: `path`)."""
    shown = shown or str(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [
            Problem(
                shown, 1, FILE,
                f"the file is {size:,} bytes, more than the limit of {MAX_BYTES:,}",
                "split it into shorter pages, or remove pasted data or embedded images",
            )
        ]
    data = path.read_bytes()
    if size == 0:
        return None, [
            Problem(shown, 1, FILE, "the file is empty",
                    "start from `make case`, or delete the file")
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return None, [
            Problem(shown, line, FILE, f"byte {e.start} is not UTF-8 text",
                    "save the file as UTF-8 (in most editors: Save as… > Encoding: UTF-8)")
        ]
    return parse(text, shown)


def parse(text: str, path: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Parse a file's text; return the front matter (None if unusable) and the problems."""
    problems: list[Problem] = []
    if text.startswith(BOM):
        problems.append(
            Problem(path, 1, FILE, "the file starts with an invisible byte-order mark (BOM)",
                    "save it as 'UTF-8' without BOM (not 'UTF-8 with BOM')")
        )
        text = text[1:]
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        problems.append(
            Problem(path, line, FILE, "the file has Windows (CRLF) or old Mac (CR) line endings",
                    "save it with Unix (LF) line endings; most editors have this in the status bar")
        )
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        problems.append(
            Problem(path, MAX_LINES + 1, FILE,
                    f"the file has {len(lines):,} lines, more than the limit of {MAX_LINES:,}",
                    "split it into shorter pages")
        )
        return None, problems
    for number, line in enumerate(lines, start=1):
        if m := INVISIBLE.search(line):
            problems.append(
                Problem(path, number, FILE,
                        f"line contains the invisible control character U+{ord(m.group()):04X}",
                        "delete it (retype the line if you cannot see it)")
            )
    if not lines or lines[0].rstrip() != FENCE:
        problems.append(
            Problem(path, 1, FRONT_MATTER, "the file does not start with a line '---'",
                    "put the fields first, between two lines of three hyphens: "
                    "'---', 'title: …', …, '---'")
        )
        return None, problems
    end = next(
        (i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "...")), None
    )
    if end is None:
        problems.append(
            Problem(path, 1, FRONT_MATTER, "the front matter that starts on line 1 is never closed",
                    "add a line '---' after the last field, before the text")
        )
        return None, problems
    if end - 1 > MAX_FRONT_MATTER_LINES:
        problems.append(
            Problem(path, 1, FRONT_MATTER,
                    f"the front matter has {end - 1} lines (at most {MAX_FRONT_MATTER_LINES})",
                    "move long text into the body, below the closing '---'")
        )
        return None, problems
    yaml_lines = lines[1:end]
    tabbed = [n for n, line in enumerate(yaml_lines, start=2) if "\t" in line]
    for n in tabbed:
        problems.append(
            Problem(path, n, FRONT_MATTER, "the line contains a tab character",
                    "use spaces instead of tabs in the front matter")
        )
    if tabbed:
        return None, problems
    metadata, key_lines, raw, yaml_problems = _load("\n".join(yaml_lines), path, first_line=2)
    problems += yaml_problems
    if metadata is None:
        return None, problems
    body = "\n".join(lines[end + 1 :])
    broken = frozenset(k for k in key_lines if k not in metadata)
    return FrontMatter(metadata, key_lines, raw, body, end + 2, text, broken), problems


def _mark_line(error: yaml.YAMLError, first_line: int) -> int:
    """Return the file line of a YAML error (its problem mark, else its context mark)."""
    marks = ("problem_mark", "context_mark")
    if "quoted scalar" in str(getattr(error, "context", "")):
        marks = ("context_mark", "problem_mark")  # where the quote was opened
    mark = getattr(error, marks[0], None) or getattr(error, marks[1], None)
    return (mark.line + first_line) if mark is not None else first_line


def _yaml_message(error: yaml.YAMLError) -> str:
    """Turn a PyYAML error into a short sentence."""
    parts = [getattr(error, "context", None), getattr(error, "problem", None)]
    text = ", ".join(p for p in parts if p) or str(error).splitlines()[0]
    if "quoted scalar" in text or ("end of stream" in text and "quot" in text):
        return "a quotation mark is opened but never closed"
    return f"the front matter is not valid YAML ({text})"


def _yaml_problem(error: yaml.YAMLError, text: str, path: str, first_line: int) -> Problem:
    """Describe a YAML syntax error; point at a quote left open when there is one.

    A double-quoted value may run over several lines in YAML, so an unclosed quote is
    only noticed lines later; the line that opened it is the one to fix.
    """
    line = _mark_line(error, first_line)
    for number, source in enumerate(text.split("\n"), start=first_line):
        if number > line:
            break
        _, sep, value = source.partition(":")
        value = value.strip()
        key = source.split(":", 1)[0].strip().lower() or FRONT_MATTER
        if sep and value[:1] in ("'", '"') and (len(value) == 1 or value[-1] != value[0]):
            return Problem(path, number, key,
                           f"the quotation mark {value[0]} is opened but not closed on this line",
                           f"end the value with {value[0]}, or remove the opening quote")
        closing = {"[": "]", "{": "}"}.get(value[:1])
        if sep and closing and closing not in value:
            return Problem(path, number, key,
                           f"the bracket {value[0]} is opened but not closed on this line",
                           f"end the list with {closing}, or put the whole value in quotes")
    return Problem(path, line, FRONT_MATTER, _yaml_message(error),
                   "check the quotes and the 'name: value' shape of this line")


def _check_events(text: str, path: str, first_line: int) -> list[Problem]:
    """Reject anchors, aliases and explicit tags before anything is constructed."""
    problems: list[Problem] = []
    for event in yaml.parse(text, Loader=SAFE_LOADER):
        line = event.start_mark.line + first_line
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            problems.append(
                Problem(path, line, FRONT_MATTER, "YAML anchors (&name) and aliases (*name) "
                        "are not allowed", "write each value out in full")
            )
            return problems
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", (True, True))
        explicit = tag is not None and (
            (isinstance(event, yaml.ScalarEvent) and not any(implicit))
            or (not isinstance(event, yaml.ScalarEvent) and not implicit)
        )
        if explicit:
            problems.append(
                Problem(path, line, FRONT_MATTER,
                        f"the YAML tag '{tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed",
                        "remove it; to keep a value as text, put it in quotes")
            )
    return problems


def _load(
    text: str, path: str, first_line: int
) -> tuple[dict[str, Any] | None, dict[str, int], dict[str, Any], list[Problem]]:
    """Parse the YAML block key by key with the safe loader."""
    if not text.strip():
        return {}, {}, {}, []
    try:
        problems = _check_events(text, path, first_line)
    except yaml.YAMLError as e:
        return None, {}, {}, [_yaml_problem(e, text, path, first_line)]
    if problems:
        return None, {}, {}, problems
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as e:
        return None, {}, {}, [_yaml_problem(e, text, path, first_line)]
    finally:
        loader.dispose()
    if node is None:
        return {}, {}, {}, []
    if not isinstance(node, yaml.MappingNode):
        return None, {}, {}, [
            Problem(path, first_line, FRONT_MATTER, "the front matter is not a list of fields",
                    "write one 'name: value' per line")
        ]
    metadata: dict[str, Any] = {}
    lines: dict[str, int] = {}
    raw: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + first_line
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(path, line, FRONT_MATTER, "a field name is not plain text",
                                    "write 'name: value'"))
            continue
        key = key_node.value.strip().lower()
        if key in metadata or key in lines:
            problems.append(
                Problem(path, line, key, f"'{key}' is written twice (also on line {lines[key]})",
                        "keep one of the two lines")
            )
            continue
        lines[key] = line
        try:
            metadata[key] = loader.construct_object(value_node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as e:
            written = value_node.value if isinstance(value_node, yaml.ScalarNode) else "…"
            reason = str(e).splitlines()[0] if not isinstance(e, yaml.YAMLError) else (
                _yaml_message(e))
            problems.append(
                Problem(path, value_node.start_mark.line + first_line, key,
                        f"'{written}' cannot be read ({reason})",
                        "write a date as YYYY-MM-DD, or put text in quotes")
            )
            continue
        # A plain scalar has style None (pure-Python loader) or "" (libyaml).
        if isinstance(value_node, yaml.ScalarNode) and not value_node.style:
            raw[key] = value_node.value
        elif isinstance(value_node, yaml.SequenceNode):
            raw[key] = [
                item.value if isinstance(item, yaml.ScalarNode) and not item.style else None
                for item in value_node.value
            ]
    return metadata, lines, raw, problems
