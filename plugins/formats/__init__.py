"""Jinja filters that write dates and numbers the way a reader of the page's language expects."""

from .formats import register

__all__ = ["register"]
