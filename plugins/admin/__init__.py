"""The web editor for volunteers: Decap CMS at /admin/, configured from content_schema."""

from pelican import signals

from .admin import finalized, initialized


def register() -> None:
    """Connect receivers."""
    signals.initialized.connect(initialized)
    signals.finalized.connect(finalized)


__all__ = ["register"]
