"""What an action page shows, built from its content file (and, for a translation, from the
English file it translates): `ActionView`, which templates see as `page.action`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markdown import Markdown

from content_schema.actions import PLACEHOLDERS, committee_lines, targets_of

from .render import render_inline, render_markdown, render_side_by_side
from .settings import ActionsSettings


@dataclass(frozen=True, slots=True)
class ActionView:
    """What action.html and act_index.html see as `page.action` / `actions_by_lang`.

    The letter, the script and the subject are the English ones that are sent; on a
    translated page they carry the translation beside each paragraph (`translated`).
    """

    slug: str
    url: str
    lang: str
    title: str
    summary: str
    ask: str
    ask_title: str | None
    ask_url: str | None
    order: int
    targets: tuple[str, ...]
    subject_html: str
    subject_translation: str | None  # the translated subject (text), on a translated page
    letter_html: str
    script_html: str
    personal_in_letter: bool
    committees: dict[str, str]  # committee id -> the English line for a member of it
    committees_translated: dict[str, str]  # the same lines translated (translated pages)
    config: ActionsSettings

    @property
    def translated(self) -> bool:
        """True on a page in another language than the letter's (English)."""
        return self.subject_translation is not None

    @property
    def targets_key(self) -> str:
        """Return who this action asks as a words key: senate, house or senate_house."""
        return "_".join(self.targets)

    @property
    def targets_attr(self) -> str:
        """Return the targets as a space-separated list for a data attribute."""
        return " ".join(self.targets)

    @property
    def committee_table(self) -> list[list[str]]:
        """[id, English line, translated line] for the page's script (data-committees)."""
        return [[cid, line, self.committees_translated.get(cid, "")]
                for cid, line in self.committees.items()]

    def shown(self, name: str) -> str:
        """What a reader without JavaScript sees for placeholder `name` ("[your name]")."""
        return PLACEHOLDERS[name].shown_as


def _order(value: Any) -> int:
    """Return a platform page's `order` as an int (99 when missing)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 99


def build_view(page: Any, meta: Mapping[str, Any], english: Mapping[str, Any] | None, *,
               ask_page: Any, md: Markdown, config: ActionsSettings) -> ActionView:
    """The view of one action page; `english` is the original's metadata on a translation."""
    lang = str(getattr(page, "lang", None) or "en") if english is not None else "en"
    source = english if english is not None else meta
    if english is None:
        letter = render_markdown(source["letter"], md)
        script = render_markdown(source["script"], md)
    else:
        letter = render_side_by_side(source["letter"], meta["letter"], md, lang)
        script = render_side_by_side(source["script"], meta["script"], md, lang)
    return ActionView(
        slug=page.slug,
        url=page.url,
        lang=lang,
        title=str(meta["title"]),
        summary=str(meta["summary"]),
        ask=str(source["ask"]),
        ask_title=getattr(ask_page, "title", None),
        ask_url=getattr(ask_page, "url", None),
        order=_order(ask_page.metadata.get("order")) if ask_page else 99,
        targets=targets_of(source["targets"]),
        subject_html=render_inline(str(source["subject"])),
        subject_translation=str(meta["subject"]) if english is not None else None,
        letter_html=letter,
        script_html=script,
        personal_in_letter="{personal}" in source["letter"].replace(" ", ""),
        committees=committee_lines(source.get("committees")),
        committees_translated=committee_lines(meta.get("committees")) if english else {},
        config=config,
    )
