"""The one typed view of the LEGISLATORS_* settings, with documented defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import datetime as dt
import os
from pathlib import Path
from typing import Any

PREFIX = "LEGISLATORS_"

DEFAULT_SOURCE = "https://unitedstates.github.io/congress-legislators/"
DEFAULT_ZIP_SOURCE = (
    "https://raw.githubusercontent.com/OpenSourceActivismTech/us-zipcodes-congress/master/zccd.csv"
)

#: Every setting the plugin reads, with its default. See README.md for what each does.
DEFAULTS: dict[str, Any] = {
    # Base URL or local folder holding the congress-legislators JSON files (env overrides).
    "LEGISLATORS_SOURCE": DEFAULT_SOURCE,
    # URL or local file: the ZCTA-to-119th-district table, zccd.csv (env overrides).
    "LEGISLATORS_ZIP_SOURCE": DEFAULT_ZIP_SOURCE,
    # Folder for downloaded copies (last good copy + HTTP validators).
    "LEGISLATORS_CACHE_PATH": ".cache/legislators",
    # True in publishconf.py: missing, stale or invalid data stops the build.
    "LEGISLATORS_STRICT": False,
    # The build downloads only when the cache is missing or older than this.
    "LEGISLATORS_MAX_AGE_DAYS": 7,
    # A strict build refuses data fetched longer ago than this.
    "LEGISLATORS_STALE_DAYS": 30,
    # "YYYY-MM-DD": the date terms are compared with and "built" (tests). Default:
    # SOURCE_DATE_EPOCH if set, else today (UTC).
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
    # Where the directory pages are written (URL and output path).
    "LEGISLATORS_URL": "representatives/",
    "LEGISLATORS_SAVE_AS": "representatives/index.html",
    "LEGISLATORS_STATE_URL": "representatives/{st}/",
    "LEGISLATORS_STATE_SAVE_AS": "representatives/{st}/index.html",
    # Folder of the JSON API inside the output.
    "LEGISLATORS_API_PATH": "api/v1",
}

#: Settings an environment variable of the same name supplies when a settings file omits them.
ENV_OVERRIDES = ("LEGISLATORS_SOURCE", "LEGISLATORS_ZIP_SOURCE")


class LegislatorsConfigError(ValueError):
    """A LEGISLATORS_* setting is unknown or malformed."""


def is_url(value: str) -> bool:
    """Return True for an http(s) URL, False for a local path."""
    return value.startswith(("https://", "http://"))


@dataclass(frozen=True, slots=True)
class LegislatorsSettings:
    """Typed, validated plugin settings (read once per build)."""

    source: str
    zip_source: str
    cache_path: Path
    strict: bool
    max_age_days: int
    stale_days: int
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
    url: str
    save_as: str
    state_url: str
    state_save_as: str
    api_path: str

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

        Raises LegislatorsConfigError naming the setting and the known ones.
        """
        unknown = sorted(k for k in settings if k.startswith(PREFIX) and k not in DEFAULTS)
        if unknown:
            raise LegislatorsConfigError(
                f"[legislators] unknown setting(s) {', '.join(unknown)}; "
                f"known settings: {', '.join(sorted(DEFAULTS))}"
            )
        merged = {**DEFAULTS, **{k: v for k, v in settings.items() if k in DEFAULTS}}
        env = os.environ if environ is None else environ
        for key in ENV_OVERRIDES:
            # pelicanconf.py already reads the environment; this covers other settings files.
            if key not in settings and env.get(key):
                merged[key] = env[key]
        root = Path(str(settings.get("PATH", "."))).parent
        return cls(
            source=_text(merged, "LEGISLATORS_SOURCE"),
            zip_source=_text(merged, "LEGISLATORS_ZIP_SOURCE"),
            cache_path=_path(merged["LEGISLATORS_CACHE_PATH"], root),
            strict=_bool(merged, "LEGISLATORS_STRICT"),
            max_age_days=_int(merged, "LEGISLATORS_MAX_AGE_DAYS", 0),
            stale_days=_int(merged, "LEGISLATORS_STALE_DAYS", 1),
            today=_today(merged["LEGISLATORS_TODAY"], env),
            connect_timeout=_pair(merged, "LEGISLATORS_TIMEOUT")[0],
            read_timeout=_pair(merged, "LEGISLATORS_TIMEOUT")[1],
            deadline=_number(merged, "LEGISLATORS_DEADLINE"),
            max_bytes=_int(merged, "LEGISLATORS_MAX_BYTES", 1),
            retries=_int(merged, "LEGISLATORS_RETRIES", 0),
            retry_after_max=_number(merged, "LEGISLATORS_RETRY_AFTER_MAX"),
            allowed_hosts=_hosts(merged["LEGISLATORS_ALLOWED_HOSTS"]),
            set_checks=_bool(merged, "LEGISLATORS_SET_CHECKS"),
            count_band=_band(merged["LEGISLATORS_COUNT_BAND"]),
            senators=_int(merged, "LEGISLATORS_SENATORS", 0),
            max_shrink=_number(merged, "LEGISLATORS_MAX_SHRINK"),
            url=_text(merged, "LEGISLATORS_URL"),
            save_as=_text(merged, "LEGISLATORS_SAVE_AS"),
            state_url=_pattern(merged, "LEGISLATORS_STATE_URL"),
            state_save_as=_pattern(merged, "LEGISLATORS_STATE_SAVE_AS"),
            api_path=_text(merged, "LEGISLATORS_API_PATH").strip("/"),
        )


def _fail(key: str, value: Any, want: str) -> LegislatorsConfigError:
    return LegislatorsConfigError(f"[legislators] {key} = {value!r}: expected {want}")


def _text(merged: Mapping[str, Any], key: str) -> str:
    value = merged[key]
    if isinstance(value, Path):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise _fail(key, value, "a non-empty string")
    return value.strip()


def _pattern(merged: Mapping[str, Any], key: str) -> str:
    value = _text(merged, key)
    if "{st}" not in value:
        raise _fail(key, value, "a pattern containing {st}, e.g. 'representatives/{st}/'")
    return value


def _bool(merged: Mapping[str, Any], key: str) -> bool:
    value = merged[key]
    if not isinstance(value, bool):
        raise _fail(key, value, "True or False")
    return value


def _int(merged: Mapping[str, Any], key: str, minimum: int) -> int:
    value = merged[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise _fail(key, value, f"a whole number >= {minimum}")
    return value


def _number(merged: Mapping[str, Any], key: str) -> float:
    value = merged[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise _fail(key, value, "a number >= 0")
    return float(value)


def _pair(merged: Mapping[str, Any], key: str) -> tuple[float, float]:
    value = merged[key]
    if (
        not isinstance(value, tuple | list)
        or len(value) != 2
        or not all(isinstance(v, int | float) and v > 0 for v in value)
    ):
        raise _fail(key, value, "(connect seconds, read seconds), e.g. (5, 30)")
    return float(value[0]), float(value[1])


def _band(value: Any) -> tuple[int, int]:
    if (
        not isinstance(value, tuple | list)
        or len(value) != 2
        or not all(isinstance(v, int) for v in value)
        or value[0] > value[1]
    ):
        raise _fail("LEGISLATORS_COUNT_BAND", value, "(lowest, highest) member counts")
    return int(value[0]), int(value[1])


def _hosts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not all(isinstance(v, str) and v for v in value):
        raise _fail("LEGISLATORS_ALLOWED_HOSTS", value, "a list of domains like ['house.gov']")
    return tuple(sorted(v.lower().strip(".") for v in value))


def _path(value: Any, root: Path) -> Path:
    path = Path(str(value))
    return path if path.is_absolute() else (root / path)


def _today(value: Any, env: Mapping[str, str]) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as e:
            raise _fail("LEGISLATORS_TODAY", value, "a date 'YYYY-MM-DD'") from e
    if value is not None:
        raise _fail("LEGISLATORS_TODAY", value, "None or a date 'YYYY-MM-DD'")
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
        except ValueError as e:
            raise _fail("SOURCE_DATE_EPOCH", epoch, "seconds since 1970") from e
    return dt.datetime.now(dt.UTC).date()
