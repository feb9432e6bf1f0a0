"""Build-time receivers: check pages, platform pages, images and the rules across files.

Cases are checked by the outcomes plugin and actions by the actions plugin, with the
same rules; this plugin adds the other folders and what needs every file at once
(two files with one address, links to pages nobody builds).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals

from .cache import cached_reports
from .reader import use_front_matter_reader
from .rules import FileReport, check_file, check_media, cross_file, iter_content, scan_rendered

logger = logging.getLogger(__name__)

LOG_PREFIX = "[content_schema]"
# Folders whose per-file problems this plugin reports (others have their own plugin).
OWN_FOLDERS = ("pages", "platform")
# Where one build keeps the reports in Pelican's context, shared by every generator.
REPORTS_KEY = "CONTENT_SCHEMA_REPORTS"


def content_reports(generator: Any) -> dict[str, FileReport]:
    """Check every content file once per build; return reports keyed by resolved path.

    The first plugin that asks does the work; the others (outcomes, this plugin) reuse it
    through the context that all of one build's generators share. With Pelican's content
    cache on, unchanged files keep their result from the last build (see cache.py).
    """
    reports = generator.context.get(REPORTS_KEY)
    if reports is None:
        root = Path(generator.path)
        reports = cached_reports(
            generator.settings,
            root,
            iter_content(root),
            lambda path: check_file(path, root, render=False),
        )
        generator.context[REPORTS_KEY] = reports
    return reports


def validate_site(generator: Any) -> None:
    """Log the problems of pages, platform pages, images and links across files."""
    root = Path(generator.path)
    reports = list(content_reports(generator).values())
    for report in reports:
        if report.folder in OWN_FOLDERS:
            for problem in report.problems:
                logger.error("%s %s", LOG_PREFIX, problem)
    for problem in cross_file(reports, root) + check_media(root):
        logger.error("%s %s", LOG_PREFIX, problem)


def check_rendered(content: Any) -> None:
    """Scan the HTML Pelican rendered from a file for what the source scan could miss."""
    html = getattr(content, "_content", None)
    if not html:
        return
    unsafe, _links = scan_rendered(html)
    if unsafe:
        logger.error(
            "%s %s:1: body: the rendered text contains an unsafe <%s> element; "
            "remove raw HTML and unusual links from the text",
            LOG_PREFIX,
            content.relative_source_path,
            unsafe,
        )


def register() -> None:
    """Connect receivers; no logic here."""
    # YAML front matter for every Markdown file (pelican-yaml-metadata's reader, faster).
    signals.readers_init.connect(use_front_matter_reader)
    signals.page_generator_init.connect(validate_site)
    # Pelican renders every file once; the last safety scan reuses that HTML.
    signals.content_object_init.connect(check_rendered)
