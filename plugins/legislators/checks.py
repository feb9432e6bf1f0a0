"""Checks of single setting values: each returns the typed value or names the fix."""

from __future__ import annotations

from collections.abc import Mapping
import datetime as dt
from pathlib import Path
import re
from typing import Any

from pluginkit import SettingsError

from .places import STATE_NAMES


class LegislatorsConfigError(SettingsError):
    """A LEGISLATORS_* setting is unknown or malformed."""


def fail(key: str, value: Any, want: str) -> SettingsError:
    """The error for one setting: its value and what is expected instead."""
    return LegislatorsConfigError(f"[legislators] {key} = {value!r}: expected {want}")


def text(merged: Mapping[str, Any], key: str) -> str:
    """A non-empty string (a Path is accepted)."""
    value = merged[key]
    if isinstance(value, Path):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise fail(key, value, "a non-empty string")
    return value.strip()


def https(merged: Mapping[str, Any], key: str) -> str:
    """An https:// address."""
    value = text(merged, key)
    if not value.startswith("https://"):
        raise fail(key, value, "an https:// address")
    return value


def pattern(merged: Mapping[str, Any], key: str) -> str:
    """An address pattern with {st} (the lower-case postal code)."""
    value = text(merged, key)
    if "{st}" not in value:
        raise fail(key, value, "a pattern containing {st}, e.g. 'representatives/{st}/'")
    return value


def boolean(merged: Mapping[str, Any], key: str) -> bool:
    """True or False."""
    value = merged[key]
    if not isinstance(value, bool):
        raise fail(key, value, "True or False")
    return value


def whole(merged: Mapping[str, Any], key: str, minimum: int) -> int:
    """A whole number of at least `minimum`."""
    value = merged[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise fail(key, value, f"a whole number >= {minimum}")
    return value


def number(merged: Mapping[str, Any], key: str) -> float:
    """A number >= 0."""
    value = merged[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise fail(key, value, "a number >= 0")
    return float(value)


def share(merged: Mapping[str, Any], key: str) -> float:
    """A share from 0 to 1."""
    value = number(merged, key)
    if value > 1:
        raise fail(key, value, "a share from 0 to 1, e.g. 0.1")
    return value


def pair(merged: Mapping[str, Any], key: str) -> tuple[float, float]:
    """(connect seconds, read seconds)."""
    value = merged[key]
    if (
        not isinstance(value, tuple | list)
        or len(value) != 2
        or not all(isinstance(v, int | float) and v > 0 for v in value)
    ):
        raise fail(key, value, "(connect seconds, read seconds), e.g. (5, 30)")
    return float(value[0]), float(value[1])


def band(value: Any) -> tuple[int, int]:
    """(lowest, highest) member counts."""
    if (
        not isinstance(value, tuple | list)
        or len(value) != 2
        or not all(isinstance(v, int) for v in value)
        or value[0] > value[1]
    ):
        raise fail("LEGISLATORS_COUNT_BAND", value, "(lowest, highest) member counts")
    return int(value[0]), int(value[1])


def hosts(value: Any) -> tuple[str, ...]:
    """Registrable domains such as 'house.gov'."""
    if isinstance(value, str) or not all(isinstance(v, str) and v for v in value):
        raise fail("LEGISLATORS_ALLOWED_HOSTS", value, "a list of domains like ['house.gov']")
    return tuple(sorted(v.lower().strip(".") for v in value))


def paths(value: Any) -> tuple[str, ...]:
    """Paths on a member's own site, each starting with '/'."""
    if isinstance(value, str) or not all(
        isinstance(v, str) and re.fullmatch(r"/[a-z0-9/_-]*", v) for v in value
    ):
        raise fail("LEGISLATORS_CONTACT_PATHS", value, "paths such as ('/contact', '/email-me')")
    return tuple(value)


def path(value: Any, root: Path) -> Path:
    """A folder; relative paths are taken from the project root."""
    found = Path(str(value))
    return found if found.is_absolute() else (root / found)


def day(value: Any) -> dt.date | None:
    """None, a date, or 'YYYY-MM-DD'."""
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as e:
            raise fail("LEGISLATORS_TODAY", value, "a date 'YYYY-MM-DD'") from e
    raise fail("LEGISLATORS_TODAY", value, "None or a date 'YYYY-MM-DD'")


def congress(merged: Mapping[str, Any], key: str) -> int:
    """The number of a Congress (the 119th sat from 2025 to 2027)."""
    value = merged[key]
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 100 <= value <= 200:
        raise fail(key, value, "the number of a Congress, e.g. 119")
    return value


def new_maps(value: Any) -> dict[int, tuple[str, ...]]:
    """{Congress: states}; as text '120:CA,MO,NC,OH,TX,UT' (more Congresses joined by ';')."""
    want = "{120: ('CA', 'TX')} or, in the environment, '120:CA,TX' (';' between Congresses)"
    if isinstance(value, str):
        parsed: dict[Any, Any] = {}
        for part in filter(None, (p.strip() for p in value.split(";"))):
            number_text, colon, states = part.partition(":")
            if not colon:
                raise fail("LEGISLATORS_NEW_MAPS", value, want)
            parsed[number_text.strip()] = [
                s.strip().upper() for s in states.split(",") if s.strip()
            ]
        value = parsed
    if not isinstance(value, Mapping):
        raise fail("LEGISLATORS_NEW_MAPS", value, want)
    found: dict[int, tuple[str, ...]] = {}
    for number_value, states in value.items():
        key = congress({"LEGISLATORS_NEW_MAPS": number_value}, "LEGISLATORS_NEW_MAPS")
        if isinstance(states, str) or not all(isinstance(s, str) for s in states):
            raise fail("LEGISLATORS_NEW_MAPS", value, want)
        unknown = sorted(set(states) - set(STATE_NAMES))
        if unknown:
            raise fail("LEGISLATORS_NEW_MAPS", value, f"postal codes of states ({unknown} are not)")
        found[key] = tuple(sorted(set(states)))
    return dict(sorted(found.items()))


def corrections(value: Any) -> str:
    """Where a wrong detail is reported: a mailto: address or an https:// page."""
    if not isinstance(value, str) or not re.fullmatch(
        r"(?:mailto:[^@\s?]+@[^@\s?]+\.[a-z]{2,}|https://[^\s<>\"]+)", value.strip(), re.I
    ):
        raise fail("CAMPAIGN_CORRECTIONS", value,
                   "'mailto:corrections@your.domain' or an https:// page")
    return value.strip()
