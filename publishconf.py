"""Production settings: absolute URLs, feeds, and strict data (no stale or missing data)."""

from __future__ import annotations

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

# The public origin of the site; set SITEURL in the environment of the deploy job.
SITEURL = os.environ.get("SITEURL", "https://campaign.example").rstrip("/")
SITE_ORIGIN = SITEURL
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False

# A publish build refuses missing, stale or invalid legislator data.
LEGISLATORS_STRICT = True
# A publish build fails if Decap CMS (the editor at /admin/) is not installed, and never
# carries the local, unauthenticated backend. The Git host it commits to: docs/admin.md.
ADMIN_STRICT = True
