"""Development settings for the campaign site (see publishconf.py for production)."""

from __future__ import annotations

import os
from pathlib import Path
import re

from formats import FILTERS, GLOBALS

ROOT = Path(__file__).parent.resolve()

# --- Site -------------------------------------------------------------------
AUTHOR = "Two Cents for Freedom"
SITENAME = "Two Cents for Freedom"
SITE_TAGLINE = "A campaign to end human trafficking and modern slavery"
SITE_DESCRIPTION = (
    "Our platform to end human trafficking and modern slavery: what we ask of "
    "Congress and the President, why, and how to write to your representatives."
)
# Root-relative links in development; publishconf.py sets the real origin.
SITEURL = ""
# Feeds and canonical URLs need an absolute origin even in development.
SITE_ORIGIN = os.environ.get("SITE_ORIGIN", "http://127.0.0.1:8000")
FEED_DOMAIN = SITE_ORIGIN
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%B %-d, %Y"

# --- Paths ------------------------------------------------------------------
PATH = str(ROOT / "content")
OUTPUT_PATH = str(ROOT / "output")
THEME = str(ROOT / "theme")
CACHE_PATH = str(ROOT / ".cache" / "pelican")
PLUGIN_PATHS = [str(ROOT / "plugins")]

ARTICLE_PATHS = ["cases"]
# content/es/: the Spanish pages (translations of pages, platform pages and actions).
PAGE_PATHS = ["pages", "platform", "actions", "es"]
# content/images/ is published by plugins/images (no metadata, resized), not copied as it is.
STATIC_PATHS = ["extra"]
EXTRA_PATH_METADATA = {
    "extra/favicon.ico": {"path": "favicon.ico"},
    "extra/favicon.svg": {"path": "favicon.svg"},
}
IGNORE_FILES = [".#*", "README.md", "_*"]

# --- Plugins ----------------------------------------------------------------
PLUGINS = [
    "sitemaps",
    "sections",
    # YAML front matter reader (pelican-yaml-metadata's, with libyaml) and the content rules:
    # checks pages, platform pages and links across files
    "content_schema",
    "translations",  # pairs each Spanish page with its English original (hreflang, switcher)
    "outcomes",
    "legislators",
    "actions",
    "charts",
    "admin",  # the web editor (Decap CMS) at /admin/, generated from content_schema
    # content/images/ without location metadata, resized, with srcset; share images (og:image)
    "images",
    "words",  # the scripts' words, one module per language, from theme/strings (before minify)
    "minify",  # the theme's scripts minified with terser (the sources stay readable)
]

# --- URLs (see ../shared/DESIGN.md section 4) -------------------------------
ARTICLE_URL = "cases/{slug}/"
ARTICLE_SAVE_AS = "cases/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# Folders whose pages live under their own prefix, with their own template.
SECTIONS = {
    "platform": {"url": "platform/{slug}/", "template": "platform"},
    "actions": {"url": "act/{slug}/", "template": "action"},
    "es/pages": {"url": "es/{slug}/", "template": "page"},
    "es/platform": {"url": "es/platform/{slug}/", "template": "platform"},
    "es/actions": {"url": "es/act/{slug}/", "template": "action"},
}
# The case list; the home page is content/pages/home.md (save_as: index.html).
INDEX_SAVE_AS = "cases/index.html"
INDEX_URL = "cases/"
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
DEFAULT_PAGINATION = 20
# The case list and each outcome's list of cases are paginated.
PAGINATED_TEMPLATES = {"index": None, "outcome": None}
DIRECT_TEMPLATES = ["index", "search", "404", "robots"]
# robots.txt is a template: its Sitemap line must be an absolute URL (SITE_ORIGIN).
ROBOTS_SAVE_AS = "robots.txt"
# A platform page and its action share a slug (/platform/x/ and /act/x/), and so does a page
# and its Spanish translation: translations are paired by `translation_of` (plugins/
# translations), not by Pelican's grouping by slug.
PAGE_TRANSLATION_ID = None
SEARCH_SAVE_AS = "search/index.html"
SEARCH_URL = "search/"
# Where Pagefind writes the search index (scripts/publish.py) and search.js loads it from.
SEARCH_INDEX_URL = "pagefind/"
# "404" is a direct template written to /404.html
# Categories, tags, authors and archives are not part of this site.
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DEFAULT_CATEGORY = "Case highlights"
USE_FOLDER_AS_CATEGORY = False
SLUGIFY_SOURCE = "basename"
SLUG_REGEX_SUBSTITUTIONS = [
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]

# --- Feeds ------------------------------------------------------------------
# The all-cases feed is written by plugins/outcomes (OUTCOMES_ALL_FEED_ATOM).
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 50

# --- Markdown and templates --------------------------------------------------
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}
TYPOGRIFY = False
# Dates and numbers in the site's style ("3 January 2027", "119th"), and `t("key")`, the
# interface words of the page's language (theme/strings/<lang>.yaml): plugins/formats.
JINJA_FILTERS = dict(FILTERS)
JINJA_GLOBALS = dict(GLOBALS)
# The site's languages: code -> the name in the switcher, the Open Graph locale, the prefix.
LANGUAGES = {
    "en": {"name": "English", "locale": "en_US", "prefix": ""},
    "es": {"name": "Español", "locale": "es_US", "prefix": "es/"},
}
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    # Escape everything by default: data from outside (names, URLs) is never HTML.
    # Content rendered from Markdown is marked safe explicitly in templates.
    "autoescape": True,
}

# --- Build behaviour -----------------------------------------------------------
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_SOURCES = False

# --- Images (plugins/images; defaults and the other IMAGES_* settings in its README) --------
IMAGES_MAX_WIDTH = 1600
IMAGES_WIDTHS = (480, 960)
# Share images in the site's colours: ink navy with white text (15.9:1).
IMAGES_SHARE_BACKGROUND = "#14213d"
IMAGES_SHARE_TEXT = "#ffffff"
IMAGES_SHARE_ACCENT = "#f2b705"  # gold: the rule along the top and the 2¢ coin
IMAGES_SHARE_FONT = str(
    ROOT / "node_modules/@fontsource/atkinson-hyperlegible/files/"
    "atkinson-hyperlegible-latin-700-normal.woff"
)

# --- Scripts (plugins/minify) ----------------------------------------------------
MINIFY_TERSER = str(ROOT / "node_modules" / "terser")

# --- Safety ------------------------------------------------------------------
HOTLINE_PHONE = "1-888-373-7888"
HOTLINE_PHONE_TEL = "+18883737888"
HOTLINE_TEXT = "233733"
QUICK_EXIT_URL = "https://www.weather.gov/"

# --- Legislator data (plugins/legislators) -----------------------------------------
# The sources default to the public ones (plugins/legislators/README.md); the environment
# variables LEGISLATORS_SOURCE and LEGISLATORS_ZIP_SOURCE (a folder or file, or a URL)
# override them, as do LEGISLATORS_ZIP_CONGRESS and LEGISLATORS_NEW_MAPS.
LEGISLATORS_CACHE_PATH = str(ROOT / ".cache" / "legislators")

# --- The campaign ---------------------------------------------------------------------
CAMPAIGN_NAME = "Two Cents for Freedom"
# Where people write to the campaign (a mailto: or an https:// page), shown on About and on
# the printed leave-behinds: set it here or in the environment (make publish
# CAMPAIGN_CONTACT=mailto:…) before you publish; About says plainly when it is not set.
CAMPAIGN_CONTACT = os.environ.get("CAMPAIGN_CONTACT") or None
if CAMPAIGN_CONTACT and not re.fullmatch(
    r"mailto:[^\s@<>\"]+@[^\s@<>\"]+\.[a-z]{2,}|https://[^\s<>\"]+", CAMPAIGN_CONTACT
):
    raise SystemExit(f"CAMPAIGN_CONTACT={CAMPAIGN_CONTACT!r}: write a mailto: address "
                     "(mailto:team@example.org) or an https:// page")
# Where a wrong contact detail of a member of Congress is reported (mailto: or https://).
# Unset, reports go to the congress-legislators project's issue page.
CAMPAIGN_CORRECTIONS = None

# --- Navigation: (words in theme/strings, root-relative URL, also in Spanish?) -----------
# A page that exists in every language (True) gets the language's prefix (es/act/).
MENU = [
    ("nav.platform", "platform/", True),
    ("nav.act", "act/", True),
    ("nav.representatives", "representatives/", True),
    ("nav.cases", "cases/", False),
    ("nav.learn", "learn/", False),
    ("nav.search", "search/", False),
]
FOOTER_MENU = [
    ("footer.get_help", "get-help/", True),
    ("footer.about", "about/", True),
    ("footer.privacy", "privacy/", True),
    ("footer.outcomes", "outcomes/", False),
    ("footer.colophon", "colophon/", False),
    ("footer.feed", "feeds/all.atom.xml", False),
    ("footer.sitemap", "sitemap.xml", False),
]
