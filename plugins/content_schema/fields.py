"""Field and collection definitions, and the one message format for problems."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
import datetime as dt
import difflib
from enum import StrEnum
import re
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in one file, with where it is and how to fix it."""

    path: str
    line: int
    field: str
    message: str
    fix: str
    # "error" stops the build and `make check-content`; "warning" is reported and passes.
    severity: str = "error"

    def __str__(self) -> str:
        """Render as `file:line: field: what is wrong; how to fix it`."""
        return f"{self.path}:{self.line}: {self.field}: {self.message}; {self.fix}"

    @property
    def is_error(self) -> bool:
        """Return True unless this is only a warning."""
        return self.severity == "error"


class Kind(StrEnum):
    """What a field holds; the values are the Decap CMS widget names."""

    TEXT = "string"
    LONGTEXT = "text"
    MARKDOWN = "markdown"
    DATE = "datetime"
    CHOICE = "select"
    LIST = "list"
    NUMBER = "number"
    # A mapping of words to text (an action's committee lines); not editable in the editor.
    MAPPING = "object"


def did_you_mean(value: str, choices: tuple[str, ...]) -> str:
    """Return ` (did you mean 'x'?)` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(value.lower(), choices, n=1, cutoff=0.5)
    return f" (did you mean '{close[0]}'?)" if close else ""


def as_list(value: Any) -> list[Any]:
    """Return a metadata value as a list: YAML lists stay, 'a, b' strings are split."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return [value]


def not_text(
    name: str, item: Any, raw: str | None = None, choices: tuple[str, ...] = ()
) -> tuple[str, str]:
    """Explain a value YAML read as something other than text (`title: no` is False).

    `raw` is the value as written in the file; the message always shows what the
    volunteer wrote, never what YAML turned it into.
    """
    written = raw if raw is not None else str(item)
    if isinstance(item, bool):
        seen = f"the yes/no value {item}"
    elif isinstance(item, int | float):
        seen = f"the number {item}"
    elif isinstance(item, dt.date):
        seen = "a date"
    elif isinstance(item, list | dict):
        seen = "a list" if isinstance(item, list) else "a group of fields"
        return (f"is read as {seen}, not as text", f"write one line of text: {name}: \"…\"")
    else:
        seen = type(item).__name__
    if choices:
        return (
            f"'{written}' is read as {seen}, not as one of {', '.join(choices)}",
            f"write the words you mean, e.g. {name}: [{choices[0]}]",
        )
    return (
        f"'{written}' is read as {seen}, not as text",
        f"put it in quotes: {name}: \"{written}\"",
    )


@dataclass(frozen=True, slots=True)
class Field:
    """One metadata field of a collection, as volunteers write it in front matter."""

    name: str
    label: str
    kind: Kind
    help: str
    required: bool = True
    choices: tuple[str, ...] = ()
    multiple: bool = False
    pattern: str | None = None
    pattern_help: str = ""
    max_length: int | None = None
    # Sub-fields of each item of a list of objects (Decap: list widget with `fields`).
    fields: tuple[Field, ...] = ()
    # Smallest and largest value of a NUMBER field (Decap: number widget min/max).
    minimum: int | None = None
    maximum: int | None = None
    # Extra rule run after the generic ones: value -> (what is wrong, how to fix it) pairs.
    validate: Callable[[Any], list[tuple[str, str]]] | None = None

    def check(self, value: Any, raw: str | list[str | None] | None = None) -> list[tuple[str, str]]:
        """Return (what is wrong, how to fix it) pairs for one value; empty if valid.

        `raw` is the value as written in the file (for messages about YAML surprises).
        """
        if value is None or value in ("", []):
            if self.required:
                return [(f"'{self.name}' is missing", f"add a line '{self.name}: …' ({self.help})")]
            return []
        if self.kind is Kind.DATE:
            return _check_date(value)
        if self.kind is Kind.NUMBER:
            if isinstance(value, bool) or not isinstance(value, int | float):
                return [(f"{value!r} is not a number", "write a plain number such as 3")]
            if (self.minimum is not None and value < self.minimum) or (
                self.maximum is not None and value > self.maximum
            ):
                return [
                    (
                        f"{value} is out of range",
                        f"write a number from {self.minimum} to {self.maximum}",
                    )
                ]
            return []
        if self.validate is not None:
            return self.validate(value)
        values = as_list(value) if self.multiple else [value]
        # What the file says for each value (`outcomes: no` or `[people, no]`), for messages.
        writtens = raw if isinstance(raw, list) else [raw]
        problems: list[tuple[str, str]] = []
        for number, item in enumerate(values):
            if not isinstance(item, str):
                written = writtens[number] if number < len(writtens) else None
                problems.append(not_text(self.name, item, written, self.choices))
                continue
            if self.choices and item not in self.choices:
                problems.append(
                    (
                        f"'{item}' is not one of {', '.join(self.choices)}"
                        + did_you_mean(item, self.choices),
                        f"use only {', '.join(self.choices)}",
                    )
                )
            if self.pattern and not re.fullmatch(self.pattern, item):
                problems.append((f"'{item}' is not allowed", self.pattern_help or self.help))
            if self.max_length and len(item) > self.max_length:
                problems.append(
                    (
                        f"is {len(item)} characters long (at most {self.max_length})",
                        "shorten it",
                    )
                )
        return problems


def _check_date(value: Any) -> list[tuple[str, str]]:
    """Check a date written as YYYY-MM-DD (optionally with a time)."""
    if isinstance(value, dt.date):
        return []
    text = str(value).strip()
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return [(f"'{text}' is not a date", "write it as YYYY-MM-DD, for example 2024-03-19")]
    return []


@dataclass(frozen=True, slots=True)
class Collection:
    """A content folder and the fields every file in it carries."""

    name: str
    label: str
    folder: str
    fields: tuple[Field, ...]
    filename: str = "{slug}.md"
    # Keys allowed beyond `fields` (Pelican's own: save_as, url, template, status…).
    extra_keys: frozenset[str] = field(default_factory=frozenset)
    # Whether the slug must be written in the file (else it may come from the file name).
    slug_required: bool = False

    def field_named(self, name: str) -> Field | None:
        """Return the field called `name`, if any."""
        return next((f for f in self.fields if f.name == name), None)

    def check(
        self,
        metadata: Mapping[str, Any],
        *,
        path: str,
        lines: Mapping[str, int] | None = None,
        raws: Mapping[str, Any] | None = None,
    ) -> list[Problem]:
        """Check one file's metadata; `lines` maps a key to its line in the file.

        `raws` maps a key to its value as written (see `frontmatter.FrontMatter.raw`).
        """
        lines = lines or {}
        raws = raws or {}
        known = {f.name for f in self.fields} | self.extra_keys
        problems = [
            Problem(path, lines.get(f.name, 1), f.name, message, fix)
            for f in self.fields
            for message, fix in f.check(metadata.get(f.name), raws.get(f.name))
        ]
        for key in sorted(set(metadata) - known):
            problems.append(
                Problem(
                    path,
                    lines.get(key, 1),
                    key,
                    f"'{key}' is not a field of {self.label}"
                    + did_you_mean(key, tuple(sorted(known))),
                    f"use only {', '.join(sorted(known))}",
                )
            )
        return problems
