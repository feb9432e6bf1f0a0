"""The one typed view of the LEGISLATORS_* settings, with documented defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import datetime as dt
import os
from pathlib import Path
from typing import Any

from content_schema.routes import Routes
from pluginkit import build_date, read_prefixed

from . import checks

PREFIX = "LEGISLATORS_"

DEFAULT_SOURCE = "https://unitedstates.github.io/congress-legislators/"
DEFAULT_ZIP_SOURCE = (
    "https://raw.githubusercontent.com/OpenSourceActivismTech/us-zipcodes-congress/master/zccd.csv"
)
#: How to get data, for messages in the terminal and on pages.
HOW_TO_GET = (
    "run `make data` (downloads into LEGISLATORS_CACHE_PATH), or point LEGISLATORS_SOURCE "
    "at a folder of congress-legislators JSON and LEGISLATORS_ZIP_SOURCE at a zccd.csv, e.g. "
    "make serve LEGISLATORS_SOURCE=../shared/data/congress-legislators "
    "LEGISLATORS_ZIP_SOURCE=../shared/data/zcta-cd/zccd.csv"
)
#: Where a wrong detail is reported when the campaign has no address of its own.
UPSTREAM_ISSUES = "https://github.com/unitedstates/congress-legislators/issues/new"

#: Every setting the plugin reads, with its default. See README.md for what each does.
DEFAULTS: dict[str, Any] = {
    # Base URL or local folder holding the congress-legislators JSON files (env overrides).
    "LEGISLATORS_SOURCE": DEFAULT_SOURCE,
    # URL or local file: the ZCTA-to-district table, zccd.csv (env overrides).
    "LEGISLATORS_ZIP_SOURCE": DEFAULT_ZIP_SOURCE,
    # The Congress whose districts the ZIP table follows (env overrides).
    "LEGISLATORS_ZIP_CONGRESS": 119,
    # Congress -> states whose House districts changed for it (env: "120:CA,MO,NC,OH,TX,UT").
    # Ballotpedia, 5 Nov 2025: TX, MO, NC, OH, CA enacted new maps; a Utah court ordered one.
    # The campaign must review this list: court rulings can still change a state's map.
    "LEGISLATORS_NEW_MAPS": {120: ("CA", "MO", "NC", "OH", "TX", "UT")},
    # Folder for downloaded copies (last good copy + HTTP validators + history of changes).
    "LEGISLATORS_CACHE_PATH": ".cache/legislators",
    # True in publishconf.py: missing, stale or out-of-date data stops the build.
    "LEGISLATORS_STRICT": False,
    # The build downloads only when the cache is missing or older than this.
    "LEGISLATORS_MAX_AGE_DAYS": 7,
    # A strict build refuses data fetched longer ago than this.
    "LEGISLATORS_STALE_DAYS": 30,
    # A strict build refuses data in which more than this share of members' terms have
    # ended (a new Congress has begun and the data was not refreshed).
    "LEGISLATORS_MAX_OUT_OF_DATE": 0.1,
    # "YYYY-MM-DD": the date terms are compared with and "built" (tests; env overrides).
    # Default: SOURCE_DATE_EPOCH if set, else today (UTC).
    "LEGISLATORS_TODAY": None,
    # Network: (connect, read) timeouts in seconds, wall-clock deadline per file,
    # body size cap, retries on 429/5xx/connection errors, longest Retry-After honoured.
    "LEGISLATORS_TIMEOUT": (5.0, 30.0),
    "LEGISLATORS_DEADLINE": 90.0,
    "LEGISLATORS_MAX_BYTES": 10_000_000,
    "LEGISLATORS_RETRIES": 3,
    "LEGISLATORS_RETRY_AFTER_MAX": 30.0,
    # Registrable domains a member's website or contact form may be on (https only).
    "LEGISLATORS_ALLOWED_HOSTS": ("house.gov", "senate.gov"),
    # Whole-set checks: member count band and exact number of senators. Set
    # LEGISLATORS_SET_CHECKS = False only for partial test fixtures.
    "LEGISLATORS_SET_CHECKS": True,
    "LEGISLATORS_COUNT_BAND": (520, 545),
    "LEGISLATORS_SENATORS": 100,
    # A fresh download losing more than this share of members vs the last good copy
    # is suspicious: the last good copy is kept.
    "LEGISLATORS_MAX_SHRINK": 0.02,
    # A card says "Took office on …" for this many days after a seat changed hands.
    "LEGISLATORS_RECENT_DAYS": 30,
    # `make data` looks for House members' contact pages on their own sites (paths tried).
    "LEGISLATORS_CONTACT_PATHS": ("/contact", "/contact/email", "/contact/email-me",
                                  "/email-me", "/contact-me"),
    "LEGISLATORS_CONTACT_WORKERS": 4,
    "LEGISLATORS_CONTACT_MAX_AGE_DAYS": 30,
    # The House's own "find your representative" page (by street address or ZIP+4).
    "LEGISLATORS_HOUSE_LOOKUP_URL": "https://www.house.gov/representatives/find-your-representative",
    # Where the directory pages are written (URL and output path).
    "LEGISLATORS_URL": "representatives/",
    "LEGISLATORS_SAVE_AS": "representatives/index.html",
    "LEGISLATORS_STATE_URL": "representatives/{st}/",
    "LEGISLATORS_STATE_SAVE_AS": "representatives/{st}/index.html",
    "LEGISLATORS_DATA_URL": "representatives/data/",
    "LEGISLATORS_DATA_SAVE_AS": "representatives/data/index.html",
    "LEGISLATORS_CHANGES_URL": "representatives/changes/",
    "LEGISLATORS_CHANGES_SAVE_AS": "representatives/changes/index.html",
    # Folder of the JSON API inside the output.
    "LEGISLATORS_API_PATH": "api/v1",
}

#: Settings an environment variable of the same name supplies (the one place that reads them).
ENV_OVERRIDES = ("LEGISLATORS_SOURCE", "LEGISLATORS_ZIP_SOURCE", "LEGISLATORS_ZIP_CONGRESS",
                 "LEGISLATORS_NEW_MAPS", "LEGISLATORS_TODAY")


def is_url(value: str) -> bool:
    """Return True for an http(s) URL, False for a local path."""
    return value.startswith(("https://", "http://"))


@dataclass(frozen=True, slots=True)
class LegislatorsSettings:
    """Typed, validated plugin settings (read once per build)."""

    source: str
    zip_source: str
    zip_congress: int
    new_maps: Mapping[int, tuple[str, ...]]
    cache_path: Path
    strict: bool
    max_age_days: int
    stale_days: int
    max_out_of_date: float
    today: dt.date
    connect_timeout: float
    read_timeout: float
    deadline: float
    max_bytes: int
    retries: int
    retry_after_max: float
    allowed_hosts: tuple[str, ...]
    set_checks: bool
    count_band: tuple[int, int]
    senators: int
    max_shrink: float
    recent_days: int
    contact_paths: tuple[str, ...]
    contact_workers: int
    contact_max_age_days: int
    house_lookup_url: str
    url: str
    save_as: str
    state_url: str
    state_save_as: str
    data_url: str
    data_save_as: str
    changes_url: str
    changes_save_as: str
    api_path: str
    corrections: str

    @property
    def source_is_url(self) -> bool:
        """Return True when LEGISLATORS_SOURCE is a URL (downloaded and cached)."""
        return is_url(self.source)

    @property
    def zip_source_is_url(self) -> bool:
        """Return True when LEGISLATORS_ZIP_SOURCE is a URL."""
        return is_url(self.zip_source)

    @classmethod
    def from_pelican(
        cls, settings: Mapping[str, Any], environ: Mapping[str, str] | None = None
    ) -> LegislatorsSettings:
        """Validate LEGISLATORS_* settings and return the typed view.

        An environment variable named like a setting in ENV_OVERRIDES supplies it when the
        settings do not set it (pelicanconf.py leaves them to the defaults, so `make serve
        LEGISLATORS_SOURCE=…` works; a test's explicit setting is never overridden).
        Raises LegislatorsConfigError naming the setting and the known ones.
        """
        merged = read_prefixed(settings, PREFIX, DEFAULTS, plugin="legislators")
        env = os.environ if environ is None else environ
        for key in ENV_OVERRIDES:
            if key not in settings and env.get(key, "").strip():
                merged[key] = env[key].strip()
        root = Path(str(settings.get("PATH", "."))).parent
        c = checks
        return cls(
            source=c.text(merged, "LEGISLATORS_SOURCE"),
            zip_source=c.text(merged, "LEGISLATORS_ZIP_SOURCE"),
            zip_congress=c.congress(merged, "LEGISLATORS_ZIP_CONGRESS"),
            new_maps=c.new_maps(merged["LEGISLATORS_NEW_MAPS"]),
            cache_path=c.path(merged["LEGISLATORS_CACHE_PATH"], root),
            strict=c.boolean(merged, "LEGISLATORS_STRICT"),
            max_age_days=c.whole(merged, "LEGISLATORS_MAX_AGE_DAYS", 0),
            stale_days=c.whole(merged, "LEGISLATORS_STALE_DAYS", 1),
            max_out_of_date=c.share(merged, "LEGISLATORS_MAX_OUT_OF_DATE"),
            today=c.day(merged["LEGISLATORS_TODAY"]) or build_date(env),
            connect_timeout=c.pair(merged, "LEGISLATORS_TIMEOUT")[0],
            read_timeout=c.pair(merged, "LEGISLATORS_TIMEOUT")[1],
            deadline=c.number(merged, "LEGISLATORS_DEADLINE"),
            max_bytes=c.whole(merged, "LEGISLATORS_MAX_BYTES", 1),
            retries=c.whole(merged, "LEGISLATORS_RETRIES", 0),
            retry_after_max=c.number(merged, "LEGISLATORS_RETRY_AFTER_MAX"),
            allowed_hosts=c.hosts(merged["LEGISLATORS_ALLOWED_HOSTS"]),
            set_checks=c.boolean(merged, "LEGISLATORS_SET_CHECKS"),
            count_band=c.band(merged["LEGISLATORS_COUNT_BAND"]),
            senators=c.whole(merged, "LEGISLATORS_SENATORS", 0),
            max_shrink=c.share(merged, "LEGISLATORS_MAX_SHRINK"),
            recent_days=c.whole(merged, "LEGISLATORS_RECENT_DAYS", 0),
            contact_paths=c.paths(merged["LEGISLATORS_CONTACT_PATHS"]),
            contact_workers=c.whole(merged, "LEGISLATORS_CONTACT_WORKERS", 1),
            contact_max_age_days=c.whole(merged, "LEGISLATORS_CONTACT_MAX_AGE_DAYS", 0),
            house_lookup_url=c.https(merged, "LEGISLATORS_HOUSE_LOOKUP_URL"),
            url=c.text(merged, "LEGISLATORS_URL"),
            save_as=c.text(merged, "LEGISLATORS_SAVE_AS"),
            state_url=c.pattern(merged, "LEGISLATORS_STATE_URL"),
            state_save_as=c.pattern(merged, "LEGISLATORS_STATE_SAVE_AS"),
            data_url=c.text(merged, "LEGISLATORS_DATA_URL"),
            data_save_as=c.text(merged, "LEGISLATORS_DATA_SAVE_AS"),
            changes_url=c.text(merged, "LEGISLATORS_CHANGES_URL"),
            changes_save_as=c.text(merged, "LEGISLATORS_CHANGES_SAVE_AS"),
            api_path=c.text(merged, "LEGISLATORS_API_PATH").strip("/"),
            corrections=c.corrections(settings.get("CAMPAIGN_CORRECTIONS") or UPSTREAM_ISSUES),
        )

    @property
    def translated_routes(self) -> tuple[str, str]:
        """The pages written in every language of the site: the directory and the states
        (the pages about the data itself stay in the default language)."""
        return (self.url, self.state_url)

    def routes(self, prefixes: tuple[str, ...] = ()) -> Routes:
        """The addresses this plugin writes (for content_schema's rules across files), with
        the translated pages under each language prefix (es/)."""
        translated = tuple(f"{p}{route}" for p in prefixes for route in self.translated_routes)
        return Routes(generated=(
            *self.translated_routes, self.data_url, self.changes_url, f"{self.api_path}/*",
            *translated,
        ))

    def redistricted(self, members_congress: int) -> tuple[str, ...]:
        """Return the states whose House maps changed after the ZIP table's Congress."""
        states = {
            state for congress, listed in self.new_maps.items()
            if self.zip_congress < congress <= members_congress for state in listed
        }
        return tuple(sorted(states))
