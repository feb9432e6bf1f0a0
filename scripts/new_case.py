"""Start a new case highlight: content/cases/<date>-<slug>.md with valid metadata.

Usage: `make case` (asks questions), or with options, e.g.
  python scripts/new_case.py --title "…" --date 2024-03-19 --outcomes people,money \\
      --place Thailand --source "LIFT International, 17 April 2018 | https://…" \\
      --summary "…"
The answers are checked with the same rules as the build; nothing is written if one
is wrong, and an existing file is never overwritten.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
import datetime as dt
import json
from pathlib import Path
import re
import sys
import unicodedata

from content_schema.cases import CASES, OUTCOMES
from content_schema.cases import parse_source as read_source
from content_schema.fields import Problem
from content_schema.files import Checking, check_slug, check_text
from content_schema.index import ContentIndex
from content_schema.settings import SchemaSettings
from content_schema.tools import index_for, load_settings
from pluginkit import settings_of

ROOT = Path(__file__).resolve().parent.parent
DEV_ORIGIN = "http://127.0.0.1:8000"
FILE = "file"


class CaseError(ValueError):
    """The answers do not make a valid case highlight."""


def slugify(text: str) -> str:
    """Turn a title into a slug: 'Thailand's first case!' -> 'thailands-first-case'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", " ", ascii_text.lower().replace("'", "")).split()
    slug = ""
    for word in words:  # keep whole words, at most 60 characters
        if len(slug) + len(word) + 1 > 60:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug


def quoted(text: str) -> str:
    """Return a YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def render(answers: dict[str, object]) -> str:
    """Return the file text: commented front matter and a short skeleton of the body."""
    outcomes = ", ".join(answers["outcomes"])  # type: ignore[arg-type]
    lines = [
        "---",
        "# A case highlight. Never name or describe a victim; write 'alleged' until a conviction.",
        f"title: {quoted(str(answers['title']))}",
        "# The day the outcome was made public (the date of your main source): YYYY-MM-DD.",
        f"date: {answers['date']}",
        f"# One or more of: {', '.join(OUTCOMES)}.",
        f"outcomes: [{outcomes}]",
        "# A country or region, never an address.",
        f"place: {quoted(str(answers['place']))}",
        "# One or two sentences for the list of cases and the feeds.",
        f"summary: {quoted(str(answers['summary']))}",
        "# Who published each source (with its date) and its link.",
        "sources:",
    ]
    for name, url in answers["sources"]:  # type: ignore[attr-defined]
        lines += [f"  - name: {quoted(name)}", f"    url: {quoted(url)}"]
    lines.append("# The address will be /cases/<slug>/; lower-case letters, digits, hyphens.")
    lines.append(f"slug: {quoted(str(answers['slug']))}")
    if answers.get("content_warning"):
        lines.append(f"content_warning: {quoted(str(answers['content_warning']))}")
    lines += [
        "---",
        "",
        "<!-- Write in your own words. Say who reports each fact (\"the court found\", \"the "
        "organisation reports\"). Delete these comments before you publish. -->",
        "",
        "## What happened",
        "",
        "<!-- The facts, with no detail that could identify a victim. -->",
        "",
        "## What changed",
        "",
        "<!-- The outcome: for people, policy, prevention or money. -->",
        "",
    ]
    return "\n".join(lines)


def parse_source(text: str) -> tuple[str, str]:
    """Split 'Name | https://…' into its two parts."""
    name, bar, url = text.rpartition("|")
    if not bar or not name.strip() or not url.strip():
        raise CaseError(f"source '{text}': write it as 'Name, date | https://…'")
    return name.strip(), url.strip()


def validate(answers: dict[str, object], path: Path, content: Path,
             config: SchemaSettings) -> list[Problem]:
    """Check the answers as the file they make, with the build's own rules."""
    how = Checking(content, url_of=config.url_of, today=config.today, prefix=str(content))
    entry = check_text(render(answers), path, how)
    return entry.errors


def existing_slugs(index: ContentIndex) -> dict[str, str]:
    """Map each slug already used by a case to its file (from the content index)."""
    return {slug: entry.path for slug, entry in index.slugs("cases").items()}


def build_parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--title", help="a short headline that names no victim")
    p.add_argument("--date", help="YYYY-MM-DD: the day the outcome was made public")
    p.add_argument("--outcomes", help="comma-separated: " + ", ".join(OUTCOMES))
    p.add_argument("--place", help="a country or region")
    p.add_argument("--source", action="append", default=[],
                   help="'Name, date | https://…' (repeat for more sources)")
    p.add_argument("--summary", help="one or two sentences")
    p.add_argument("--slug", help="the address /cases/<slug>/ (default: from the title)")
    p.add_argument("--content-warning", help="optional content warning")
    p.add_argument("--content", default=str(ROOT / "content"), help="the content folder")
    p.add_argument("--settings", default=str(ROOT / "pelicanconf.py"),
                   help="the Pelican settings file whose rules apply")
    p.add_argument("--no-input", action="store_true",
                   help="never ask questions; fail if an option is missing")
    return p


def ask(question: str, check: Callable[[str], str | None], default: str = "") -> str:
    """Ask until the answer passes `check` (which returns an error message or None)."""
    while True:
        suffix = f" [{default}]" if default else ""
        answer = input(f"{question}{suffix}: ").strip() or default
        error = check(answer)
        if error is None:
            return answer
        print(f"  {error}")


def field_error(name: str) -> Callable[[str], str | None]:
    """Return a checker for one answer using the field's own rule."""
    field = CASES.field_named(name)
    assert field is not None

    def check(value: str) -> str | None:
        if name == "outcomes":
            value_: object = [v.strip() for v in value.split(",") if v.strip()]
        elif name == "date":
            try:
                value_ = dt.date.fromisoformat(value)
            except ValueError:
                return f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-19"
        else:
            value_ = value
        problems = field.check(value_)
        return "; ".join(f"{m}; {fix}" for m, fix in problems) or None

    return check


def interview(args: argparse.Namespace) -> None:
    """Ask for every answer the options did not give."""
    print("A new case highlight. Never name or describe a victim. Ctrl-C to stop.")
    if not args.title:
        args.title = ask("Title", field_error("title"))
    if not args.date:
        args.date = ask("Date (YYYY-MM-DD)", field_error("date"), dt.date.today().isoformat())
    if not args.outcomes:
        args.outcomes = ask(f"Outcomes, comma-separated ({', '.join(OUTCOMES)})",
                            field_error("outcomes"))
    if not args.place:
        args.place = ask("Place (country or region)", field_error("place"))
    if not args.summary:
        args.summary = ask("Summary (one or two sentences)", field_error("summary"))
    while True:
        first = not args.source
        prompt = ("Source ('Name, date | https://…'): " if first
                  else "Another source ('Name, date | https://…'; empty when done): ")
        answer = input(prompt).strip()
        if not answer and not first:
            break
        try:
            name, url = parse_source(answer)
        except CaseError as e:
            print(f"  {e}")
            continue
        _, errors = read_source({"name": name, "url": url})
        if errors:
            print("  " + "; ".join(f"{m}; {fix}" for m, fix in errors))
            continue
        args.source.append(answer)
    if not args.slug:
        args.slug = ask("Slug (the address /cases/<slug>/)",
                        lambda s: "; ".join(str(p.message) for p in check_slug(s, "", 0)) or None,
                        slugify(args.title))


def main(argv: Sequence[str] | None = None) -> int:
    """Write a new case file; print its path and address; return 1 on any problem."""
    args = build_parser().parse_args(argv)
    needed = ("title", "date", "outcomes", "place", "summary")
    missing = [n for n in needed if not getattr(args, n)] + ([] if args.source else ["source"])
    if missing and (args.no_input or not sys.stdin.isatty()):
        print("missing: " + ", ".join(f"--{m}" for m in missing)
              + " (or run it in a terminal to be asked)", file=sys.stderr)
        return 2
    try:
        if missing:
            interview(args)
        sources = [parse_source(s) for s in args.source]
    except CaseError as e:
        print(str(e), file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\nstopped; nothing written", file=sys.stderr)
        return 1
    slug = args.slug or slugify(args.title)
    answers: dict[str, object] = {
        "title": args.title, "date": args.date, "place": args.place, "summary": args.summary,
        "outcomes": [o.strip() for o in args.outcomes.split(",") if o.strip()],
        "sources": sources, "slug": slug, "content_warning": args.content_warning,
    }
    content = Path(args.content)
    settings = load_settings(Path(args.settings), content.resolve())
    config = settings_of(settings, SchemaSettings)
    # Date and slug become the file name: check them before they touch a path.
    early = check_slug(slug, "--slug", 0)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.date):
        early.append(Problem("--date", 0, "date", f"'{args.date}' is not a date",
                             "write it as YYYY-MM-DD, e.g. 2024-03-19"))
    if early:
        for problem in early:
            print(f"{problem.field}: {problem.message}; {problem.fix}", file=sys.stderr)
        print("nothing written", file=sys.stderr)
        return 1
    path = content / "cases" / f"{args.date}-{slug}.md"
    shown = str(path)
    problems = validate(answers, path, content, config)
    if path.exists():
        problems = [Problem(shown, 1, FILE, "the file already exists; nothing was overwritten",
                            "choose another --slug or --date, or edit the existing file")]
    elif not problems and (other := existing_slugs(index_for(settings)).get(slug)):
        problems.append(Problem(shown, 1, "slug", f"'{slug}' is already used by {other}",
                                "choose another slug with --slug"))
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print("nothing written", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as f:  # "x": never overwrite
            f.write(render(answers))
    except FileExistsError:
        print(f"{shown} already exists; nothing written (choose another --slug or date)",
              file=sys.stderr)
        return 1
    address = config.url_of("cases", slug)
    print(f"Wrote {shown}")
    print(f"Its address: /{address} (with `make serve`: {DEV_ORIGIN}/{address})")
    print("Next: write the text, then run `make check-content`.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
