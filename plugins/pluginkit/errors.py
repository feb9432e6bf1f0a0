"""The one error convention: a message that names the file or setting and the fix."""

from __future__ import annotations


class SiteError(Exception):
    """An error a person can act on; shown as its message alone, never with a traceback.

    Subclass it for every error whose message says where (a file and line, or a setting)
    and how to fix it. Anything else that escapes a build is a bug, and keeps its traceback.
    """
