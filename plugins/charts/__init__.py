"""Build-time bar charts as inline, accessible SVG with a text table (no JavaScript)."""

from .charts import register

__all__ = ["register"]
