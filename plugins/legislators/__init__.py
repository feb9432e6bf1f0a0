"""Members of Congress: pull, validate, cache and publish contact data (see README.md)."""

from .legislators import register

__all__ = ["register"]
