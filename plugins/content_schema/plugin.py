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

from .rules import check_file, check_media, cross_file, iter_content

logger = logging.getLogger(__name__)

LOG_PREFIX = "[content_schema]"
# Folders whose per-file problems this plugin reports (others have their own plugin).
OWN_FOLDERS = ("pages", "platform")


def validate_site(generator: Any) -> None:
    """Check every content file before Pelican reads the pages; log one error per problem."""
    root = Path(generator.path)
    reports = [check_file(path, root) for path in iter_content(root)]
    for report in reports:
        if report.folder in OWN_FOLDERS:
            for problem in report.problems:
                logger.error("%s %s", LOG_PREFIX, problem)
    for problem in cross_file(reports, root) + check_media(root):
        logger.error("%s %s", LOG_PREFIX, problem)


def register() -> None:
    """Connect receivers; no logic here."""
    signals.page_generator_init.connect(validate_site)
