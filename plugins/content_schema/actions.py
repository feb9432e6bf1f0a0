"""The actions collection (`content/actions/*.md`) and the letter placeholder vocabulary.

Defined once here: `collections.py` imports `ACTIONS` and `check_action()`, and the
actions plugin renders letters with `PLACEHOLDERS`, so an error reads the same in the
build, in `make check-content` and in the editor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import html
import re
from typing import Any

from .body import render
from .fields import Collection, Field, Kind, Problem, as_list, did_you_mean


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A word an author may write in braces in a letter or script, e.g. `{sender_name}`."""

    name: str
    shown_as: str  # what a reader without JavaScript sees, in brackets
    help: str
    shown_es: str = ""  # the same in a Spanish translation

    def shown_in(self, lang: str) -> str:
        """What a reader of `lang` sees before the browser fills it in."""
        return self.shown_es if lang == "es" and self.shown_es else self.shown_as


# The vocabulary. The browser fills these in; without JavaScript each one is shown as
# its bracketed text, so the letter still reads as a letter.
PLACEHOLDERS: dict[str, Placeholder] = {
    p.name: p
    for p in (
        Placeholder("recipient", "[Senator or Representative and last name]",
                    "the member's title and last name, e.g. 'Senator Doe' (for 'Dear Senator "
                    "Doe,')", "[senador/a o representante y apellido]"),
        Placeholder("recipient_title", "[Senator or Representative]",
                    "Senator, Representative, Delegate or Resident Commissioner",
                    "[senador/a o representante]"),
        Placeholder("recipient_name", "[member's name]", "the member's full name",
                    "[nombre del miembro del Congreso]"),
        Placeholder("recipient_last_name", "[member's last name]",
                    "the member's last name, for 'Dear Senator Doe'",
                    "[apellido del miembro del Congreso]"),
        Placeholder("sender_name", "[your name]", "the visitor's name", "[su nombre]"),
        Placeholder("sender_address", "[your street address]", "the visitor's street address",
                    "[su dirección]"),
        Placeholder("sender_city", "[your city or town]", "the visitor's city or town",
                    "[su ciudad o pueblo]"),
        Placeholder("sender_zip", "[your ZIP code]", "the ZIP code the visitor looked up",
                    "[su código postal]"),
        Placeholder("state", "[your state]", "the name of the visitor's state or territory",
                    "[su estado]"),
        Placeholder("district", "[your district]",
                    "the visitor's district, e.g. 'Massachusetts's 7th district'",
                    "[su distrito]"),
        Placeholder("personal", "[a sentence in your own words on why this matters to you]",
                    "the visitor's own sentence (left out of the letter if they write none)",
                    "[una frase suya sobre por qué esto le importa]"),
        Placeholder("committee",
                    "[if your member sits on one of the committees listed below, its sentence]",
                    "the sentence of `committees` for a committee the recipient sits on (left "
                    "out when they sit on none)",
                    "[si su representante forma parte de uno de los comités de la lista, su "
                    "frase]"),
    )
}

# `{name}` with a word inside; `{{` and `}}` are not placeholders (a literal brace).
PLACEHOLDER_RE = re.compile(r"(?<!\{)\{\s*([A-Za-z_][A-Za-z0-9_ -]*?)\s*\}(?!\})")

TARGETS = ("senate", "house")

COMMITTEE_ID = re.compile(r"[HSJ]S[A-Z]{2}(?:[0-9]{2})?")
MAX_LINE = 500  # a Spanish line, with the committee's English name, runs longer


def check_committee_lines(value: Any) -> list[tuple[str, str]]:
    """`committees` maps committee ids to one sentence each (plain text, at most MAX_LINE long)."""
    if not isinstance(value, Mapping) or not value:
        return [("is not a list of 'ID: sentence' lines",
                 "write one committee per line, e.g.\n  SSAP: \"As a member of …\"")]
    problems = []
    for key, line in value.items():
        if not isinstance(key, str) or not COMMITTEE_ID.fullmatch(key):
            problems.append((f"'{key}' is not a committee id",
                             "use the thomas_id of committees-current.json, e.g. SSAP or HSAP20"))
        if not isinstance(line, str) or not line.strip():
            problems.append((f"the line for {key} is not text", f"write {key}: \"One sentence.\""))
        elif len(line) > MAX_LINE or "<" in line or "{" in line:
            problems.append((f"the line for {key} is too long or holds markup or braces",
                             f"write one plain sentence of at most {MAX_LINE} characters"))
    return problems


def committee_lines(value: Any) -> dict[str, str]:
    """Return the valid committee lines of an action, in the order written."""
    if not isinstance(value, Mapping):
        return {}
    return {k: " ".join(v.split()) for k, v in value.items()
            if isinstance(k, str) and isinstance(v, str) and v.strip()}


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
        Field(
            "committees",
            "Committee lines",
            Kind.MAPPING,
            "optional: committee ids (thomas_id in committees-current.json, e.g. SSAP, HSAP20) "
            "mapped to one sentence for a recipient who sits on that committee, used where the "
            "letter and script say {committee}",
            required=False,
            validate=check_committee_lines,
        ),
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


_TAG_SPLIT = re.compile(r"(<[^>]*>)")
_RAW_HTML = re.compile(r"<(?!https://)[A-Za-z/!?]")
_HREF = re.compile(r"""\b(?:href|src)\s*=\s*"([^"]*)\"""")


def check_letter(text: Any, *, path: str, line: int, field: str) -> list[Problem]:
    """A letter or script is plain Markdown: no HTML, no images, https links only.

    Placeholders work in text, not inside a link or its address.
    """
    if not isinstance(text, str):
        return []
    found: list[tuple[str, str]] = []
    if _RAW_HTML.search(text):
        found.append(("contains HTML", "write plain Markdown (a letter is plain text)"))
    rendered = render(text)
    for url in _HREF.findall(rendered):
        address = html.unescape(url)
        if not address.startswith("https://"):
            found.append((f"the link '{address}' is not an https:// address",
                          "link only to https:// pages"))
    if "<img" in rendered:
        found.append(("contains an image", "remove it; a letter is text only"))
    if any(part.startswith("<") and PLACEHOLDER_RE.search(part)
           for part in _TAG_SPLIT.split(rendered)):
        found.append(("a placeholder is inside a link or tag",
                      "placeholders work in text: move it out of the link"))
    return [Problem(path, line, field, message, fix) for message, fix in found]


def check_action(
    metadata: Mapping[str, Any], *, path: str, lines: Mapping[str, int] | None = None
) -> list[Problem]:
    """Rules of one action file beyond its fields: placeholders and the letter's text.

    The fields are checked by `ACTIONS.check`; that its `ask` names a platform page is a
    rule across files (crossfile.py).
    """
    lines = lines or {}
    problems: list[Problem] = []
    for name in ("letter", "script", "subject"):
        where = {"path": path, "line": lines.get(name, 1), "field": name}
        problems += check_placeholders(metadata.get(name), **where)
        if name != "subject":
            problems += check_letter(metadata.get(name), **where)
    return problems
