"""Pairs each translated page with its English original (`translation_of`), both ways.

Every page of a pair gets `alternates` (each language's version: code, name, URL) for the
hreflang links and the language switcher, and a translated summary page gets
`original_url`, the English page it summarizes. content_schema has checked the pairs.
"""

from .translations import register

__all__ = ["register"]
