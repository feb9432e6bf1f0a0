"""Dates and numbers written the way a reader of the page's language expects.

A library, not a Pelican plugin: pelicanconf.py hands `FILTERS` to Jinja (JINJA_FILTERS),
and plugins (legislators' seat labels) call the same functions.
"""

from .formats import FILTERS, datetime_format, ordinal

__all__ = ["FILTERS", "datetime_format", "ordinal"]
