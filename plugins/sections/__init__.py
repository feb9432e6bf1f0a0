"""Give the pages of a content folder their own URL prefix and template."""

from .sections import register

__all__ = ["register"]
