"""The one typed view of the ADMIN_* settings (the web editor at /admin/)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from content_schema.routes import Routes
from pluginkit import SettingsError, read_prefixed

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BUNDLE_DIR = PROJECT_ROOT / "node_modules" / "decap-cms" / "dist"

# Documented defaults; every ADMIN_* setting must be one of these.
DEFAULTS: dict[str, Any] = {
    # Publish builds set this (publishconf.py): the local backend is refused.
    "ADMIN_STRICT": False,
    # Where Decap CMS's built files are (npm package decap-cms, installed by `make deps`).
    "ADMIN_BUNDLE_DIR": str(DEFAULT_BUNDLE_DIR),
    # The Git host the editor commits to in production (Decap's `backend` block).
    "ADMIN_BACKEND": {"name": "git-gateway", "branch": "main"},
    # "editorial_workflow" (drafts become pull requests, reviewed before they go live) or "simple".
    "ADMIN_PUBLISH_MODE": "editorial_workflow",
    # URL of a local decap-server API (only `make admin` sets it); never in a publish build.
    "ADMIN_LOCAL_BACKEND": "",
    # Content folders (keys of content_schema.collections.COLLECTIONS) shown in the editor,
    # mapped to whether volunteers may create new files there.
    "ADMIN_COLLECTIONS": {"cases": True, "platform": False},
    # Repository folders for uploaded images and the URL they have on the site.
    "ADMIN_MEDIA_FOLDER": "content/images",
    "ADMIN_PUBLIC_FOLDER": "/images",
}

PUBLISH_MODES = ("editorial_workflow", "simple")


class AdminConfigError(SettingsError):
    """An ADMIN_* setting is malformed; the message names the setting and the fix."""


@dataclass(frozen=True, slots=True)
class AdminSettings:
    """Validated ADMIN_* settings plus the few Pelican settings the editor needs."""

    strict: bool
    bundle_dir: Path
    backend: dict[str, Any]
    publish_mode: str
    local_backend: str
    collections: dict[str, bool]
    media_folder: str
    public_folder: str
    site_url: str
    site_origin: str
    sitename: str
    output_path: Path
    content_path: Path

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> AdminSettings:
        """Validate the ADMIN_* settings once and return them as one typed object."""
        raw = read_prefixed(settings, "ADMIN_", DEFAULTS, plugin="admin")
        backend = raw["ADMIN_BACKEND"]
        if not isinstance(backend, Mapping) or not isinstance(backend.get("name"), str):
            raise AdminConfigError(
                "[admin] ADMIN_BACKEND must be a dict with at least a 'name', for example "
                '{"name": "github", "repo": "owner/site", "branch": "main", '
                '"base_url": "https://oauth.example.org"}'
            )
        if raw["ADMIN_PUBLISH_MODE"] not in PUBLISH_MODES:
            raise AdminConfigError(
                f"[admin] ADMIN_PUBLISH_MODE is {raw['ADMIN_PUBLISH_MODE']!r}; "
                f"use one of {', '.join(PUBLISH_MODES)}"
            )
        local = raw["ADMIN_LOCAL_BACKEND"] or ""
        if local and not str(local).startswith(("http://127.0.0.1:", "http://localhost:")):
            raise AdminConfigError(
                f"[admin] ADMIN_LOCAL_BACKEND is {local!r}; it must be a local URL such as "
                "http://127.0.0.1:8000/api/v1 (decap-server has no authentication)"
            )
        if local and raw["ADMIN_STRICT"]:
            raise AdminConfigError(
                "[admin] ADMIN_LOCAL_BACKEND is set in a strict (publish) build; the local, "
                "unauthenticated backend must never be published: remove ADMIN_LOCAL_BACKEND"
            )
        collections = raw["ADMIN_COLLECTIONS"]
        if not isinstance(collections, Mapping) or not all(
            isinstance(k, str) and isinstance(v, bool) for k, v in collections.items()
        ):
            raise AdminConfigError(
                '[admin] ADMIN_COLLECTIONS must map folder names to True/False (may create), '
                'for example {"cases": True, "platform": False}'
            )
        return cls(
            strict=bool(raw["ADMIN_STRICT"]),
            bundle_dir=Path(raw["ADMIN_BUNDLE_DIR"]),
            backend=dict(backend),
            publish_mode=raw["ADMIN_PUBLISH_MODE"],
            local_backend=str(local),
            collections=dict(collections),
            media_folder=str(raw["ADMIN_MEDIA_FOLDER"]).strip("/"),
            public_folder="/" + str(raw["ADMIN_PUBLIC_FOLDER"]).strip("/"),
            site_url=str(settings.get("SITEURL", "")).rstrip("/"),
            site_origin=str(settings.get("SITE_ORIGIN", settings.get("SITEURL", ""))).rstrip("/"),
            sitename=str(settings.get("SITENAME", "")),
            output_path=Path(settings.get("OUTPUT_PATH", "output")),
            content_path=Path(settings.get("PATH", PROJECT_ROOT / "content")),
        )

    def routes(self) -> Routes:
        """The addresses this plugin writes (for content_schema's rules across files)."""
        return Routes(generated=("admin/", "admin/*"))
