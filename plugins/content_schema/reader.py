"""The Markdown reader for our front matter, fed by the content index.

pelican-yaml-metadata (pelican-plugins) turns YAML front matter into Pelican metadata. Its
reader reads and parses each file itself; this subclass takes the file's already parsed
front matter and body from the build's content index (content_schema read and checked
every file once before Pelican reads any), so each file is read and parsed once per build.
A file the index does not hold (outside the content folders) is read the plugin's way.
"""

from __future__ import annotations

from typing import Any

from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader, _convert_py_to_meta

# Where the build keeps its index for the readers (they see only the settings).
READER_KEY = "_content_index"


class FrontMatterReader(YAMLMetadataReader):
    """Read Markdown with YAML front matter from the content index."""

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Return the rendered body and the Pelican metadata of one file."""
        index = self.settings.get(READER_KEY)
        entry = index.entry(source_path) if index is not None else None
        if entry is None or not entry.parsed:
            return super().read(source_path)
        metadata = dict(entry.metadata)
        # As the plugin does: Markdown extensions may look at the Meta attribute.
        self._md.Meta = {k: _convert_py_to_meta(v) for k, v in metadata.items()}
        body = self._md.reset().convert(entry.body)
        return body, self._parse_yaml_metadata(metadata, source_path)


def use_front_matter_reader(readers: Any) -> None:
    """Read .md/.markdown/.mkd/.mdown files with FrontMatterReader."""
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader
