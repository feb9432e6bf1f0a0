"""Receivers: render every action's letter and call script from the content index."""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.contents import Page

from content_schema.plugin import content_index
from content_schema.translations import BY_FOLDER
from pluginkit import requires, settings_of

from .render import make_markdown
from .settings import ActionsConfigError, ActionsSettings
from .view import ActionView, build_view


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


def _folders(config: ActionsSettings) -> dict[str, str]:
    """Content folders of actions -> the folder of their platform pages (English first)."""
    found = {config.folder: "platform"}
    for folder, spec in BY_FOLDER.items():
        if spec.original == config.folder:
            found[folder] = f"{spec.code}/platform"
    return found


def build_actions(generator: Any) -> None:
    """Render every action page's letter and script; list the published actions by language."""
    config = settings_of(generator.settings, ActionsSettings)
    index = content_index(generator)
    pages: list[Page] = [*generator.pages, *generator.hidden_pages, *generator.draft_pages]
    folders = _folders(config)
    platform = {(getattr(p, "section", None), p.slug): p for p in pages}
    md = make_markdown(generator.settings)
    by_lang: dict[str, list[ActionView]] = {}
    for page in pages:
        entry = index.entry(page.source_path)
        if entry is None or entry.folder not in folders:
            continue
        english = None
        if entry.folder != config.folder:
            original = index.entry(index.root / str(entry.metadata["translation_of"]))
            english = original.metadata if original is not None else None
            if english is None:
                continue  # reported by content_schema (a translation without its original)
        ask = str((english or entry.metadata)["ask"])
        ask_page = platform.get((folders[entry.folder], ask)) or platform.get(("platform", ask))
        page.action = view = build_view(page, entry.metadata, english, ask_page=ask_page,
                                        md=md, config=config)
        if getattr(page, "status", "published") == "published":
            by_lang.setdefault(view.lang, []).append(view)
    for views in by_lang.values():
        views.sort(key=lambda v: (v.order, v.title))
    generator.context["actions_by_lang"] = by_lang
    generator.context["headline_actions"] = {
        lang: _headline_in(views, by_lang.get("en", []), config) for lang, views in by_lang.items()
    }
    generator.context["ACTIONS_CONFIG"] = config


def _headline_in(views: list[ActionView], english: list[ActionView],
                 config: ActionsSettings) -> ActionView | None:
    """The headline action in one language: the translation of the English headline."""
    first = headline(english, config)
    return next((v for v in views if first and v.slug == first.slug), headline(views, config))


def register() -> None:
    """Connect receivers; no logic here."""
    signals.initialized.connect(check_settings)
    signals.page_generator_finalized.connect(build_actions)
