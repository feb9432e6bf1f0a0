"""Action pages: validate content/actions/*.md and render the letter and call script."""

from .actions import register

__all__ = ["register"]
