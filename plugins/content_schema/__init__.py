"""One definition of every content rule, and the content index every tool reads.

A library the other plugins import by name, and a Pelican plugin (its `register()` builds
the index once per build and feeds Pelican's reader from it). The public interface:

- `COLLECTIONS` (collections.py): each content folder and its fields, which the build,
  `make check-content`, `make case` and the editor's config are generated from;
- `ContentIndex`, `build_index`, `index_from` (index.py): every file read and checked once,
  with its metadata, lines, body, address and problems, and the rules across files;
- `content_index(generator)` (plugin.py): this build's index, for other plugins;
- `routes` / `Routes` (routes.py) and `vocabularies` (vocabularies.py): signals through
  which plugins hand in the addresses they own and the words their data knows;
- `Problem` and `ContentError`: the one format for problems, `file:line: field: what; fix`.
"""

from .errors import ContentConfigError, ContentError
from .fields import Collection, Field, Kind, Problem


def register() -> None:
    """Connect the build-time receivers (imported lazily: scripts need no Pelican signals)."""
    from .plugin import register as connect

    connect()


__all__ = [
    "Collection", "ContentConfigError", "ContentError", "Field", "Kind", "Problem", "register",
]
