"""Receivers: validate every case with content_schema, badge cases, add the generator."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals

from content_schema.cases import outcomes_of, sources_of
from content_schema.plugin import content_reports

from .generator import OutcomesGenerator
from .model import outcome_pages
from .settings import LOG_PREFIX, OutcomesSettings, check_settings

logger = logging.getLogger(__name__)

CASES_FOLDER = "cases"


def validate_cases(generator: Any) -> None:
    """Check every case file before Pelican reads it; log one error per problem.

    Files with problems are remembered on the generator and left out of the site
    (a strict `--fatal warnings` build stops at the first error instead).
    """
    generator.invalid_cases = set()
    # Each file is checked once per build; content_schema shares the reports.
    for path, report in sorted(content_reports(generator).items()):
        if report.folder != CASES_FOLDER:
            continue
        # Links to other pages are checked across all files by content_schema.
        for problem in report.problems:
            logger.error("%s %s", LOG_PREFIX, problem)
        if report.problems:
            generator.invalid_cases.add(path)


def attach_outcomes(generator: Any) -> None:
    """Drop invalid cases; give each case its outcome badges and parsed sources."""
    config = OutcomesSettings.from_pelican(generator.settings)
    pages = {p.slug: p for p in outcome_pages(config)}
    invalid: set[str] = getattr(generator, "invalid_cases", set())
    for name in ("articles", "translations", "drafts", "drafts_translations",
                 "hidden_articles", "hidden_translations"):
        kept = [a for a in getattr(generator, name) if str(Path(a.source_path).resolve())
                not in invalid]
        setattr(generator, name, kept)
        for article in kept:
            article.outcome_links = [pages[o] for o in outcomes_of(
                article.metadata.get("outcomes"))]
            article.case_sources = sources_of(article.metadata.get("sources"))


def add_generator(pelican: Any) -> type[OutcomesGenerator]:
    """Contribute the generator that writes /outcomes/ pages and feeds."""
    return OutcomesGenerator


def register() -> None:
    """Connect receivers; no logic here."""
    signals.initialized.connect(check_settings)
    # Before Pelican reads the files, so our message (file, field, fix) comes first.
    signals.article_generator_init.connect(validate_cases)
    # After reading, before categories and context: the place to drop and decorate.
    signals.article_generator_pretaxonomy.connect(attach_outcomes)
    signals.get_generators.connect(add_generator)
