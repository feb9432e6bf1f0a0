"""One definition of every content rule, shared by the build, the scripts and the editor.

`collections.COLLECTIONS` maps a content folder to its fields. The Pelican plugins
validate metadata with it, `scripts/check_content.py` lints files with it, and
`scripts/admin_config.py` generates the Decap CMS collections from it.
"""

from .fields import Collection, Field, Kind, Problem

__all__ = ["Collection", "Field", "Kind", "Problem"]
