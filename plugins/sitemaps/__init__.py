"""Write a deterministic sitemap.xml with absolute URLs."""

from .sitemaps import register

__all__ = ["register"]
