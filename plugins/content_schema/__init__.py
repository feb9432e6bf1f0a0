"""One definition of every content rule, shared by the build, the scripts and the editor.

`collections.COLLECTIONS` maps a content folder to its fields. The Pelican plugins
validate metadata with it (`plugin.py` for pages, platform pages and the rules across
files; the outcomes plugin for cases; the actions plugin for actions),
`scripts/check_content.py` lints files with it, and `scripts/admin_config.py`
generates the Decap CMS collections from it.
"""

from .fields import Collection, Field, Kind, Problem


def register() -> None:
    """Connect the build-time checks (imported lazily: scripts need no Pelican signals)."""
    from .plugin import register as connect

    connect()


__all__ = ["Collection", "Field", "Kind", "Problem", "register"]
