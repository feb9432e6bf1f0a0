"""Case-highlight outcomes: validate cases, badge them, build /outcomes/ pages and feeds."""

from .outcomes import register

__all__ = ["register"]
