"""The Markdown reader for our front matter: pelican-yaml-metadata's, with libyaml.

pelican-yaml-metadata (pelican-plugins) does the work of turning YAML front matter into
Pelican metadata; its reader parses with the pure-Python `yaml.safe_load`, which costs
about seven times more than libyaml's safe loader on a thousand case highlights. This
subclass only swaps the loader. Problems are reported in full (line, field, fix) by
`content_schema` before Pelican reads anything; here a bad block only names the file.
"""

from __future__ import annotations

import logging
from typing import Any

from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
import yaml

from .frontmatter import SAFE_LOADER

logger = logging.getLogger(__name__)


class FrontMatterReader(YAMLMetadataReader):
    """Read Markdown with YAML front matter, parsed by the fastest safe loader."""

    def _load_yaml_metadata(self, text: str, source_path: str) -> dict[str, Any]:
        """Parse the front matter block; log and return {} if it is not a YAML mapping."""
        try:
            metadata = yaml.load(text, Loader=SAFE_LOADER)
        except yaml.YAMLError:
            logger.error(
                "[content_schema] %s: front matter: cannot be read as YAML; "
                "run `make check-content` for the line and the fix",
                source_path,
            )
            return {}
        if not isinstance(metadata, dict):
            logger.error(
                "[content_schema] %s: front matter: is not a list of 'name: value' fields; "
                "write one field per line",
                source_path,
            )
            return {}
        return self._parse_yaml_metadata(metadata, source_path)


def use_front_matter_reader(readers: Any) -> None:
    """Read .md/.markdown/.mkd/.mdown files with FrontMatterReader."""
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader
