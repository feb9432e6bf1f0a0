"""Case highlights (`content/cases/*.md`): their fields and the outcome vocabulary.

The outcome vocabulary is defined here and nowhere else. It follows LIFT International's
"People, Policy, Prevention & $" way of counting what case work changed (2019).
"""

from __future__ import annotations

from dataclasses import dataclass
import datetime as dt
import re
from typing import Any

from .fields import Collection, Field, Kind, Problem, as_list, not_text

SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SLUG_HELP = (
    "use only lower-case letters a-z, digits and single hyphens, e.g. "
    "child-begging-case-tried-as-trafficking (no spaces, dots, slashes or accents)"
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One kind of change a case highlight reports."""

    slug: str
    label: str
    description: str


OUTCOME_LIST: tuple[Outcome, ...] = (
    Outcome("people", "People", "People were freed from exploitation, supported or protected."),
    Outcome("policy", "Policy", "A law, rule or official practice changed, or a court set a "
            "precedent."),
    Outcome("prevention", "Prevention", "Trafficking was made harder before it happened: "
            "recruitment routes closed, people warned or protected in advance."),
    Outcome("money", "Money", "Traffickers' money was seized or victims were awarded "
            "compensation."),
)
OUTCOMES: tuple[str, ...] = tuple(o.slug for o in OUTCOME_LIST)
OUTCOMES_BY_SLUG: dict[str, Outcome] = {o.slug: o for o in OUTCOME_LIST}

URL_RE = re.compile(r"https?://[^\s/?#<>\"'`]+\.[^\s/?#<>\"'`]+(?:[/?#][^\s<>\"'`]*)?")


@dataclass(frozen=True, slots=True)
class Source:
    """A named, linked source of a case highlight."""

    name: str
    url: str


SOURCE_FIELDS = (
    Field("name", "Name", Kind.TEXT,
          "who published it and when, e.g. 'LIFT International, 17 April 2018'", max_length=200),
    Field("url", "Link", Kind.TEXT, "the full address, starting with https://",
          pattern=URL_RE.pattern,
          pattern_help="write the full address of the source, starting with https://"),
)


def parse_source(item: Any) -> tuple[Source | None, list[tuple[str, str]]]:
    """Read one source written as {name, url} or as the string 'Name | URL'."""
    if isinstance(item, str):
        if "|" not in item:
            return None, [(f"source '{item}' has no link",
                           "write it as 'Name | https://…' or as name: and url: lines")]
        name, _, url = (part.strip() for part in item.rpartition("|"))
        item = {"name": name, "url": url}
    if not isinstance(item, dict):
        return None, [not_text("sources", item)]
    problems: list[tuple[str, str]] = []
    for key in sorted(set(item) - {"name", "url"}):
        problems.append((f"a source has an unknown part '{key}'", "give each source only "
                         "a name and a url"))
    for sub in SOURCE_FIELDS:
        problems += [
            (f"{sub.name} of a source: {m}", fix) for m, fix in sub.check(item.get(sub.name))
        ]
    if problems:
        return None, problems
    return Source(str(item["name"]).strip(), str(item["url"]).strip()), []


def sources_of(value: Any) -> list[Source]:
    """Return the valid sources of a case, in the order written."""
    return [s for s in (parse_source(item)[0] for item in as_list_of_items(value)) if s]


def as_list_of_items(value: Any) -> list[Any]:
    """Return a list of sources; a single string or mapping counts as one source."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def check_sources(value: Any) -> list[tuple[str, str]]:
    """Every case needs at least one named, linked source."""
    items = as_list_of_items(value)
    problems = [p for item in items for p in parse_source(item)[1]]
    if not items:
        problems.append(("a case highlight needs at least one source",
                         "add 'sources:' with '- name: …' and '  url: https://…'"))
    return problems


def outcomes_of(value: Any) -> list[str]:
    """Return the known outcomes of a case, in vocabulary order, without duplicates."""
    given = {str(v).strip() for v in as_list(value)}
    return [o for o in OUTCOMES if o in given]


CASES = Collection(
    name="cases",
    label="a case highlight (content/cases)",
    folder="cases",
    filename="{year}-{month}-{day}-{slug}.md",
    fields=(
        Field("title", "Title", Kind.TEXT,
              "a short headline that names no victim, e.g. 'First child-begging case tried as "
              "trafficking in Thailand'", max_length=120),
        Field("date", "Date", Kind.DATE,
              "the day the outcome was made public (the date of your main source), YYYY-MM-DD"),
        Field("outcomes", "Outcomes", Kind.CHOICE,
              "one or more of " + ", ".join(OUTCOMES) + ", e.g. [people, money]",
              choices=OUTCOMES, multiple=True),
        Field("place", "Place", Kind.TEXT,
              "a country or region, e.g. 'Thailand'; never an address or anything that could "
              "identify a person", max_length=80),
        Field("sources", "Sources", Kind.LIST,
              "at least one source: who published it (with the date) and its link",
              fields=SOURCE_FIELDS, multiple=True, validate=check_sources),
        Field("summary", "Summary", Kind.LONGTEXT,
              "one or two sentences for the list of cases and the feeds", max_length=300),
        Field("slug", "Slug", Kind.TEXT, "the last part of the address /cases/<slug>/",
              pattern=SLUG_PATTERN, pattern_help=SLUG_HELP, max_length=80),
        Field("content_warning", "Content warning", Kind.TEXT,
              "optional: what a reader should know before reading, e.g. 'sexual exploitation "
              "of children'", required=False, max_length=200),
    ),
    extra_keys=frozenset({"status"}),
    slug_required=True,
)


def check_case(
    metadata: dict[str, Any], path: str, lines: dict[str, int], today: dt.date
) -> list[Problem]:
    """Rules of a case beyond single fields: the date is not after `today` (the build's)."""
    value = metadata.get("date")
    day: dt.date | None = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            day = None
    tomorrow = today + dt.timedelta(days=1)
    if day is not None and day > tomorrow:
        return [Problem(path, lines.get("date", 1), "date", f"{day.isoformat()} is in the future",
                        "use the date the outcome was made public")]
    return []
