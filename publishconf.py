"""Production settings: absolute URLs, feeds, and strict data (no stale or missing data)."""

from __future__ import annotations

import os
import re
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

# The public origin of the site, from the environment: `make publish SITEURL=https://…`
# (the deploy workflow takes it from the repository's SITEURL variable). Never a guess.
SITEURL = os.environ.get("SITEURL", "").strip().rstrip("/")
if not re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]{2,}(?::[0-9]+)?", SITEURL, re.IGNORECASE):
    raise SystemExit(
        f"publishconf.py: SITEURL is {SITEURL or 'not set'}; a publish build needs the site's "
        "public origin, for example: make publish SITEURL=https://www.example.org "
        "(https://, the host only, no path)"
    )
SITE_ORIGIN = SITEURL
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False

# A publish build refuses missing, stale or invalid legislator data.
LEGISLATORS_STRICT = True
# A publish build fails if Decap CMS (the editor at /admin/) is not installed, and never
# carries the local, unauthenticated backend. The Git host it commits to: docs/admin.md.
ADMIN_STRICT = True
