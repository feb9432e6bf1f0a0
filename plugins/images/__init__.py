"""Images: publish content/images/ without metadata and in responsive sizes; share images."""

from .metadata import location_metadata
from .plugin import register

__all__ = ["location_metadata", "register"]
