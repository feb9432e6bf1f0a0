"""Receivers: validate every action file, render its letter and script, list the actions."""

from __future__ import annotations

from dataclasses import dataclass
import logging
from pathlib import Path, PurePosixPath
import re
import sys
from typing import Any

from pelican import signals
from pelican.contents import Page
import yaml

# Pelican loads this package from PLUGIN_PATHS without putting that folder on sys.path;
# the shared content rules live beside it in plugins/content_schema.
_PLUGINS = str(Path(__file__).resolve().parent.parent)
if _PLUGINS not in sys.path:
    sys.path.append(_PLUGINS)

from content_schema.actions import check_action, targets_of  # noqa: E402
from content_schema.fields import Problem  # noqa: E402

from .render import make_markdown, render_inline, render_markdown  # noqa: E402
from .settings import ActionsSettings, read_settings  # noqa: E402

logger = logging.getLogger(__name__)

_HEADER = re.compile(r"\A\ufeff?\s*^---[ \t]*$(?P<meta>.*?)^(?:---|\.\.\.)[ \t]*$", re.M | re.S)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:")


class ActionsError(ValueError):
    """One or more action files are wrong; the message lists file, line, field and fix."""


@dataclass(frozen=True, slots=True)
class ActionView:
    """What action.html and act_index.html see as `page.action` / `actions`."""

    slug: str
    url: str
    title: str
    summary: str
    ask: str
    ask_title: str | None
    ask_url: str | None
    order: int
    targets: tuple[str, ...]
    subject_html: str
    letter_html: str
    script_html: str
    personal_in_letter: bool
    config: ActionsSettings

    @property
    def targets_text(self) -> str:
        """Return who this action asks, in words."""
        if self.targets == ("senate",):
            return "your two senators"
        if self.targets == ("house",):
            return "your member of the House of Representatives"
        return "your two senators and your member of the House of Representatives"

    @property
    def targets_attr(self) -> str:
        """Return the targets as a space-separated list for a data attribute."""
        return " ".join(self.targets)


def read_front_matter(path: Path) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """Return the raw YAML front matter of a file, the line of each key, and parse problems."""
    text = path.read_text(encoding="utf-8")
    match = _HEADER.match(text)
    if not match:
        return {}, {}, [Problem(str(path), 1, "front matter", "no '---' block at the top",
                                "start the file with a line '---', the fields, then '---'")]
    lines: dict[str, int] = {}
    first = text[: match.start("meta")].count("\n") + 1
    for offset, line in enumerate(match.group("meta").split("\n")):
        key = _KEY.match(line)
        if key and key.group(1) not in lines:
            lines[key.group(1)] = first + offset
    try:
        data = yaml.safe_load(match.group("meta"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first + mark.line if mark is not None else 1
        return {}, lines, [Problem(str(path), line, "front matter", f"is not valid YAML ({error})",
                                   "check quotes, colons and indentation on that line")]
    if not isinstance(data, dict):
        return {}, lines, [Problem(str(path), 1, "front matter", "is not a list of fields",
                                   "write one 'name: value' per line")]
    return data, lines, []


def _in_folder(page: Page, folder: str) -> bool:
    """Return True when the page's source lies in content/<folder>/."""
    relative = PurePosixPath(page.get_relative_source_path().replace("\\", "/"))
    return relative.parts[:1] == (folder,)


def _all_pages(generator: Any) -> list[Page]:
    """Return published, hidden and draft pages."""
    return [
        *getattr(generator, "pages", []),
        *getattr(generator, "hidden_pages", []),
        *getattr(generator, "draft_pages", []),
    ]


def _order(value: Any) -> int:
    """Return a platform page's `order` as an int (99 when missing)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 99


def build_actions(generator: Any) -> None:
    """Validate and render every action page; fail the build listing every problem."""
    config = read_settings(generator.settings)
    pages = _all_pages(generator)
    platform = {p.slug: p for p in pages if _in_folder(p, config.platform_folder)}
    asks = frozenset(platform) or None
    md = make_markdown(generator.settings)
    problems: list[Problem] = []
    views: list[ActionView] = []
    for page in pages:
        if not _in_folder(page, config.folder):
            continue
        path = Path(page.source_path)
        content_dir = Path(generator.settings["PATH"]).name
        shown = str(PurePosixPath(content_dir) / config.folder / path.name)
        meta, lines, found = read_front_matter(path)
        found += check_action(meta, path=shown, lines=lines, asks=asks)
        rendered: dict[str, str] = {}
        for name in ("letter", "script"):
            if isinstance(meta.get(name), str):
                rendered[name], messages = render_markdown(meta[name], md)
                found += [
                    Problem(shown, lines.get(name, 1), name, m, "edit the text in this field")
                    for m in messages
                ]
        problems += found
        if found:
            continue
        ask_page = platform.get(meta["ask"])
        view = ActionView(
            slug=page.slug,
            url=page.url,
            title=str(meta["title"]),
            summary=str(meta["summary"]),
            ask=str(meta["ask"]),
            ask_title=getattr(ask_page, "title", None),
            ask_url=getattr(ask_page, "url", None),
            order=_order(ask_page.metadata.get("order")) if ask_page else 99,
            targets=targets_of(meta["targets"]),
            subject_html=render_inline(str(meta["subject"])),
            letter_html=rendered["letter"],
            script_html=rendered["script"],
            personal_in_letter="{personal}" in meta["letter"].replace(" ", ""),
            config=config,
        )
        page.action = view
        if getattr(page, "status", "published") == "published":
            views.append(view)
    if problems:
        raise ActionsError(
            "action files have problems:\n" + "\n".join(f"  {p}" for p in problems)
        )
    views.sort(key=lambda v: (v.order, v.title))
    generator.context["actions"] = views
    generator.context["ACTIONS_CONFIG"] = config


def register() -> None:
    """Connect receivers."""
    signals.page_generator_finalized.connect(build_actions)
