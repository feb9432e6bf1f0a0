"""Build-time receivers: build the content index once, read files from it, scan renderings.

The index is built when the first generator starts (before Pelican reads any file); if any
file has a problem, the build stops with every problem listed (`ContentError`). Pelican's
reader then takes each file's front matter and body from the index instead of reading and
parsing the file again, and each rendering gets a last safety scan.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals

from pluginkit import settings_of

from .body import scan_rendered
from .errors import ContentError
from .fields import Problem
from .index import ContentIndex, build_index
from .reader import READER_KEY, use_front_matter_reader
from .settings import SchemaSettings

logger = logging.getLogger(__name__)

LOG_PREFIX = "[content_schema]"
# Where one build keeps its index: the context all of the build's generators share.
CONTEXT_KEY = "CONTENT_INDEX"


def content_index(generator: Any) -> ContentIndex:
    """Return this build's content index, building it on first use; stop on any problem.

    Whichever plugin asks first builds it (the order of PLUGINS does not matter); the
    others get the same index from the build's shared context.
    """
    index = generator.context.get(CONTEXT_KEY)
    if index is None:
        index = build_index(settings_of(generator.settings, SchemaSettings), render=False,
                            settings=generator.settings)
        generator.context[CONTEXT_KEY] = index
        # Readers see only the settings: hand them this build's index there.
        generator.settings[READER_KEY] = index
        for warning in index.warnings:
            logger.info("%s warning: %s", LOG_PREFIX, warning)
        if index.errors:
            raise ContentError(index.errors)
    return index


def built_index(settings: Any) -> ContentIndex | None:
    """Return the content index the last build made with these settings (None: no build)."""
    return settings.get(READER_KEY)


def check_rendered(content: Any) -> None:
    """Scan the HTML Pelican rendered from a file for what the source scan could miss.

    `make check-content` runs the same scan on its own rendering first; here the problem
    is logged as an error in the same form, which stops a strict build.
    """
    html = getattr(content, "_content", None)
    if not html:
        return
    unsafe, _links = scan_rendered(html)
    if unsafe:
        logger.error("%s", Problem(
            f"{Path(content.settings['PATH']).name}/{content.relative_source_path}", 1, "body",
            f"the rendered text contains an unsafe <{unsafe}> element",
            "remove raw HTML and unusual links from the text",
        ))


def register() -> None:
    """Connect receivers; no logic here."""
    signals.readers_init.connect(use_front_matter_reader)
    signals.article_generator_init.connect(content_index)
    signals.page_generator_init.connect(content_index)
    signals.content_object_init.connect(check_rendered)
