#!/usr/bin/env python3
"""Print the web editor's config.yml (Decap CMS), generated from plugins/content_schema.

    python scripts/admin_config.py > config.yml
    python scripts/admin_config.py --local-backend http://127.0.0.1:8000/api/v1

The build writes the same file to /admin/config.yml (plugins/admin); this script shows it
without building, and `config_for()` is what scripts/admin_server.py and the tests import.
"""

from __future__ import annotations

import argparse
from pathlib import Path
import sys
from typing import Any

from admin.decap import build_config, render_yaml
from admin.settings import AdminSettings
from content_schema.settings import SchemaSettings
from content_schema.tools import index_for, load_settings
from pluginkit import SiteError, settings_of

ROOT = Path(__file__).resolve().parent.parent


def config_for(settings_file: Path = ROOT / "pelicanconf.py", **overrides: Any) -> dict[str, Any]:
    """Return the Decap config for a Pelican settings file plus overrides (e.g. ADMIN_*).

    The files of edit-only collections come from the content index, as in the build.
    """
    settings = load_settings(settings_file)
    settings.update(overrides)
    return build_config(settings_of(settings, AdminSettings), index_for(settings),
                        settings_of(settings, SchemaSettings).folders)


def main(argv: list[str] | None = None) -> int:
    """Print config.yml to standard output."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--settings", type=Path, default=ROOT / "pelicanconf.py", help="Pelican settings file"
    )
    parser.add_argument(
        "--local-backend",
        default="",
        metavar="URL",
        help="decap-server API URL for local editing, e.g. http://127.0.0.1:8000/api/v1",
    )
    args = parser.parse_args(argv)
    overrides = {"ADMIN_LOCAL_BACKEND": args.local_backend} if args.local_backend else {}
    try:
        config = config_for(args.settings, **overrides)
    except (SiteError, ValueError) as err:
        print(f"admin_config: {err}", file=sys.stderr)
        return 1
    sys.stdout.write(render_yaml(config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
