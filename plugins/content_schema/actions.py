"""The actions collection (`content/actions/*.md`) and the letter placeholder vocabulary.

Defined once here; `collections.py` imports `ACTIONS`, and the actions plugin uses
`ACTIONS`, `PLACEHOLDERS` and `check_action()` at build time, so an error reads the
same in the build, in `make check-content` and in the editor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import re
from typing import Any

from .fields import Collection, Field, Kind, Problem, as_list, did_you_mean


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A word an author may write in braces in a letter or script, e.g. `{sender_name}`."""

    name: str
    shown_as: str  # what a reader without JavaScript sees, in brackets
    help: str


# The vocabulary. The browser fills these in; without JavaScript each one is shown as
# its bracketed text, so the letter still reads as a letter.
PLACEHOLDERS: dict[str, Placeholder] = {
    p.name: p
    for p in (
        Placeholder(
            "recipient",
            "[Senator or Representative and full name]",
            "the member's title and full name, e.g. 'Senator Jane Doe'",
        ),
        Placeholder(
            "recipient_title",
            "[Senator or Representative]",
            "Senator, Representative, Delegate or Resident Commissioner",
        ),
        Placeholder("recipient_name", "[member's name]", "the member's full name"),
        Placeholder(
            "recipient_last_name",
            "[member's last name]",
            "the member's last name, for 'Dear Senator Doe'",
        ),
        Placeholder("sender_name", "[your name]", "the visitor's name"),
        Placeholder("sender_address", "[your street address]", "the visitor's street address"),
        Placeholder("sender_city", "[your city or town]", "the visitor's city or town"),
        Placeholder("sender_zip", "[your ZIP code]", "the ZIP code the visitor looked up"),
        Placeholder("state", "[your state]", "the name of the visitor's state or territory"),
        Placeholder(
            "district",
            "[your district]",
            "the visitor's district, e.g. 'Massachusetts's 7th district'",
        ),
        Placeholder(
            "personal",
            "[a sentence in your own words on why this matters to you]",
            "the visitor's own sentence (left out of the letter if they write none)",
        ),
    )
}

# `{name}` with a word inside; `{{` and `}}` are not placeholders (a literal brace).
PLACEHOLDER_RE = re.compile(r"(?<!\{)\{\s*([A-Za-z_][A-Za-z0-9_ -]*?)\s*\}(?!\})")

TARGETS = ("senate", "house")

ACTIONS = Collection(
    name="actions",
    label="an action (content/actions)",
    folder="actions",
    fields=(
        Field("title", "Title", Kind.TEXT, "the page heading, e.g. 'Ask Congress for two cents'",
              max_length=120),
        Field(
            "ask",
            "Platform ask",
            Kind.TEXT,
            "the slug of the platform page this action belongs to, e.g. two-cents-for-freedom",
            pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*",
            pattern_help="write the platform page's slug: lower-case words joined by hyphens",
        ),
        Field(
            "targets",
            "Who to contact",
            Kind.CHOICE,
            "senate, house, or both (a list such as [senate, house])",
            choices=("senate", "house", "both"),
            multiple=True,
        ),
        Field("subject", "Letter subject", Kind.TEXT, "the subject line of the letter",
              max_length=150),
        Field(
            "letter",
            "Letter",
            Kind.MARKDOWN,
            "the body of the letter in Markdown, without 'Dear …' or the signature "
            "(added for each recipient); placeholders in braces such as {sender_city}",
        ),
        Field(
            "script",
            "Call script",
            Kind.MARKDOWN,
            "what to say on the phone, in Markdown; placeholders in braces such as {sender_name}",
        ),
        Field("summary", "Summary", Kind.LONGTEXT, "one or two sentences for the list of actions",
              max_length=400),
        Field("slug", "Slug", Kind.TEXT, "the URL name; the same as the platform ask",
              required=False, pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*",
              pattern_help="lower-case words joined by hyphens"),
    ),
    extra_keys=frozenset({"status", "template", "save_as", "url", "order"}),
)


def targets_of(value: Any) -> tuple[str, ...]:
    """Normalise the `targets` value to a sorted tuple drawn from ('house', 'senate')."""
    found: set[str] = set()
    for item in as_list(value):
        text = str(item).strip().lower()
        if text == "both":
            found.update(TARGETS)
        elif text in TARGETS:
            found.add(text)
    return tuple(t for t in ("senate", "house") if t in found)


def placeholders_in(text: str) -> list[str]:
    """Return every placeholder name written in `text`, in order."""
    return [m.group(1) for m in PLACEHOLDER_RE.finditer(text)]


def check_placeholders(text: Any, *, path: str, line: int, field: str) -> list[Problem]:
    """Report every placeholder in `text` that is not in the vocabulary."""
    if not isinstance(text, str):
        return []
    known = tuple(sorted(PLACEHOLDERS))
    problems = []
    for name in placeholders_in(text):
        if name not in PLACEHOLDERS:
            problems.append(
                Problem(
                    path,
                    line,
                    field,
                    f"'{{{name}}}' is not a placeholder" + did_you_mean(name, known),
                    "use one of " + ", ".join("{" + k + "}" for k in known)
                    + " (write {{ and }} for a literal brace)",
                )
            )
    return problems


def check_action(
    metadata: Mapping[str, Any],
    *,
    path: str,
    lines: Mapping[str, int] | None = None,
    asks: frozenset[str] | None = None,
) -> list[Problem]:
    """Check one action file: its fields, its placeholders and (if known) its ask."""
    lines = lines or {}
    problems = ACTIONS.check(metadata, path=path, lines=lines)
    for name in ("letter", "script", "subject"):
        problems += check_placeholders(
            metadata.get(name), path=path, line=lines.get(name, 1), field=name
        )
    ask = metadata.get("ask")
    if asks and isinstance(ask, str) and ask and ask not in asks:
        choices = tuple(sorted(asks))
        problems.append(
            Problem(
                path,
                lines.get("ask", 1),
                "ask",
                f"'{ask}' is not a platform page" + did_you_mean(ask, choices),
                "use the slug of a file in content/platform: " + ", ".join(choices),
            )
        )
    return problems
