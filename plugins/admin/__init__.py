"""The web editor for volunteers: Decap CMS at /admin/, configured from content_schema."""

from pelican import signals

from content_schema.routes import routes

from .admin import admin_routes, finalized, initialized


def register() -> None:
    """Connect receivers; no logic here."""
    signals.initialized.connect(initialized)
    signals.finalized.connect(finalized)
    routes.connect(admin_routes)


__all__ = ["register"]
