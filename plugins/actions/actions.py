"""Receivers: render every action's letter and call script from the content index."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pelican import signals
from pelican.contents import Page

from content_schema.actions import PLACEHOLDERS, committee_lines, targets_of
from content_schema.plugin import content_index
from pluginkit import requires, settings_of

from .render import make_markdown, render_inline, render_markdown
from .settings import ActionsConfigError, ActionsSettings


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
    committees: dict[str, str]  # committee id -> the line for a member of it
    config: ActionsSettings

    @property
    def targets_key(self) -> str:
        """Return who this action asks as a words key: senate, house or senate_house."""
        return "_".join(self.targets)

    @staticmethod
    def shown(name: str) -> str:
        """What a reader without JavaScript sees for placeholder `name` ("[your name]")."""
        return PLACEHOLDERS[name].shown_as

    @property
    def targets_attr(self) -> str:
        """Return the targets as a space-separated list for a data attribute."""
        return " ".join(self.targets)


def _order(value: Any) -> int:
    """Return a platform page's `order` as an int (99 when missing)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 99


def headline(views: list[ActionView], config: ActionsSettings) -> ActionView | None:
    """The action the home page's ZIP form opens: ACTIONS_HEADLINE, else the first."""
    if not config.headline:
        return views[0] if views else None
    for view in views:
        if view.slug == config.headline:
            return view
    raise ActionsConfigError(
        f"[actions] ACTIONS_HEADLINE = {config.headline!r}: no published action has that "
        f"slug; use one of {', '.join(v.slug for v in views) or '(none)'}, or '' for the first"
    )


def check_settings(pelican: Any) -> None:
    """Stop at start-up on a bad ACTIONS_* setting or a missing plugin this one needs."""
    requires(pelican.settings, "actions", "content_schema", "legislators")
    settings_of(pelican.settings, ActionsSettings)


def build_actions(generator: Any) -> None:
    """Render every action page's letter and script; list the published actions."""
    config = settings_of(generator.settings, ActionsSettings)
    index = content_index(generator)
    pages: list[Page] = [*generator.pages, *generator.hidden_pages, *generator.draft_pages]
    platform = {p.slug: p for p in pages if getattr(p, "section", None) == "platform"}
    md = make_markdown(generator.settings)
    views: list[ActionView] = []
    for page in pages:
        entry = index.entry(page.source_path)
        if entry is None or entry.folder != config.folder:
            continue
        meta = entry.metadata
        ask_page = platform.get(meta["ask"])
        page.action = view = ActionView(
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
            letter_html=render_markdown(meta["letter"], md),
            script_html=render_markdown(meta["script"], md),
            personal_in_letter="{personal}" in meta["letter"].replace(" ", ""),
            committees=committee_lines(meta.get("committees")),
            config=config,
        )
        if getattr(page, "status", "published") == "published":
            views.append(view)
    views.sort(key=lambda v: (v.order, v.title))
    generator.context["actions"] = views
    generator.context["headline_action"] = headline(views, config)
    generator.context["ACTIONS_CONFIG"] = config


def register() -> None:
    """Connect receivers; no logic here."""
    signals.initialized.connect(check_settings)
    signals.page_generator_finalized.connect(build_actions)
