"""Dates and numbers written the way a reader of the page's language expects.

A library, not a Pelican plugin: pelicanconf.py hands `FILTERS` (dates, ordinals, in the
language of the page being written) and `GLOBALS` (`t`, the interface words of the page's
language) to Jinja, and plugins (legislators' seat labels) call the same functions.
"""

from .formats import datetime_format, ordinal
from .words import FILTERS, GLOBALS, Language, t

__all__ = ["FILTERS", "GLOBALS", "Language", "datetime_format", "ordinal", "t"]
