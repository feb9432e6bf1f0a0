"""Write /outcomes/, one page per outcome and one Atom feed per outcome."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from content_schema.cases import outcomes_of
from pluginkit import settings_of

from .feeds import FeedItem
from .model import OutcomePage, outcome_pages
from .settings import OutcomesSettings


class OutcomesGenerator(Generator):
    """Group published cases by outcome; write the index, the pages and the feeds."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Read settings once."""
        super().__init__(*args, **kwargs)
        self.config = settings_of(self.settings, OutcomesSettings)
        self.outcomes: list[OutcomePage] = []

    def generate_context(self) -> None:
        """Group the published cases (newest first, as Pelican ordered them) by outcome."""
        self.outcomes = outcome_pages(self.config)
        by_slug = {o.slug: o for o in self.outcomes}
        for article in self.context.get("articles", []):
            for slug in outcomes_of(article.metadata.get("outcomes")):
                by_slug[slug].articles.append(article)
        self.context["outcomes"] = self.outcomes
        self.context["OUTCOMES_URL"] = self.config.index_url
        has_cases = bool(self.context.get("articles"))
        self.context["ALL_CASES_FEED"] = self.config.all_feed_atom if has_cases else None

    def generate_output(self, writer: Any) -> None:
        """Write the index, each outcome page and each non-empty outcome's feed."""
        relative = self.settings["RELATIVE_URLS"]
        writer.write_file(
            self.config.index_save_as, self.get_template("outcomes"), self.context,
            relative_urls=relative, url=self.config.index_url, outcomes=self.outcomes,
        )
        template = self.get_template("outcome")
        # Feeds are read away from the site: their links need the absolute origin.
        origin = self.settings.get("FEED_DOMAIN") or self.settings.get("SITEURL", "")
        feed_context = {**self.context, "SITEURL": origin}
        for outcome in self.outcomes:
            # Paginated like the case list (PAGINATED_TEMPLATES has "outcome").
            writer.write_file(
                outcome.save_as, template, self.context, relative_urls=relative,
                paginated={"articles": outcome.articles}, template_name="outcome",
                url=outcome.url, outcome=outcome, outcomes=self.outcomes,
            )
            # An empty feed would carry the build time as its date: write none, link none.
            if outcome.articles:
                writer.write_feed(
                    FeedItem.wrap(outcome.articles), feed_context, path=outcome.feed_url,
                    url=outcome.feed_url, feed_title=f"Case highlights: {outcome.label}",
                )
        if self.context["ALL_CASES_FEED"]:
            writer.write_feed(
                FeedItem.wrap(self.context["articles"]), feed_context,
                path=self.config.all_feed_atom,
                url=self.config.all_feed_atom, feed_title="All case highlights",
            )
