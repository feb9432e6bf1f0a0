"""Checks of single values in the data: URLs, phones, names, addresses, dates.

Each returns (the clean value, None) or (None, why it was refused); the caller decides
what is shown instead and reports it.
"""

from __future__ import annotations

from collections.abc import Iterable
import datetime as dt
import re
from typing import Any
import unicodedata
from urllib.parse import urlsplit

BIOGUIDE = re.compile(r"[A-Z][0-9]{6}")
PHONE_CHARS = re.compile(r"[0-9 ().+\-]+")
ZIP = re.compile(r"[0-9]{5}(-[0-9]{4})?")
HOST_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
PARTY = re.compile(r"[A-Za-z][A-Za-z .'-]{0,39}")
# Characters a name may hold besides letters and combining marks.
NAME_PUNCT = set(" .,'’‘-\"()")
# Characters an address or city may hold besides letters and digits.
ADDRESS_PUNCT = set(" .,#'’‘-/&()")
# Invisible or direction-changing characters (Unicode categories Cc, Cf) are never allowed.
MAX_NAME = 100
MAX_ADDRESS = 200
MAX_URL = 2000


def check_url(value: Any, allowed_hosts: Iterable[str]) -> tuple[str | None, str | None]:
    """Return (url, None) for a safe https URL on an allowed host, else (None, why)."""
    if not isinstance(value, str):
        return None, f"{value!r} is not a string"
    text = value.strip(" ")
    if not text:
        return None, "is empty"
    if len(text) > MAX_URL:
        return None, f"is {len(text)} characters long (over {MAX_URL})"
    if any(unicodedata.category(c) in {"Cc", "Cf", "Zs", "Zl", "Zp"} for c in text):
        return None, f"{text[:80]!r} contains spaces or control characters"
    if any(c in '"<>\\^`{|}' for c in text):
        return None, f"{text[:80]!r} contains characters not allowed in a URL"
    text = text.replace("&amp;", "&")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as e:
        return None, f"{text[:80]!r} is not a valid URL ({e})"
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in {"https", "http"} or not parts.netloc:
        return None, f"{text[:80]!r} is not an https:// URL"
    if "@" in parts.netloc:
        return None, f"{text[:80]!r} has a user name in it (look-alike host)"
    if port is not None:
        return None, f"{text[:80]!r} names a port"
    if not host.isascii() or any(label.startswith("xn--") for label in host.split(".")):
        return None, f"{text[:80]!r} has a non-ASCII (look-alike) host"
    labels = host.split(".")
    if not all(HOST_LABEL.fullmatch(label) for label in labels):
        return None, f"{text[:80]!r} has an invalid host"
    allowed = tuple(allowed_hosts)
    if not any(host == h or host.endswith("." + h) for h in allowed):
        return None, f"host {host!r} is not on the allow-list ({', '.join(allowed)})"
    if scheme == "http":
        # Official house.gov/senate.gov sites all serve https; upgrade (research 1.6).
        text = "https" + text[len(parts.scheme) :]
    return text, None


def check_phone(value: Any) -> tuple[str | None, str | None]:
    """Return ("202-225-1234", None) for a US number in any usual format, else (None, why)."""
    if not isinstance(value, str):
        return None, f"{value!r} is not a string"
    if not PHONE_CHARS.fullmatch(value.strip()):
        return None, f"{value[:40]!r} is not a phone number"
    digits = re.sub(r"[^0-9]", "", value)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10 or digits[0] in "01":
        return None, f"{value[:40]!r} is not a 10-digit US phone number"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}", None


def _text(value: Any, punct: set[str], limit: int, what: str) -> tuple[str | None, str | None]:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None, f"{value!r} is not text"
    text = unicodedata.normalize("NFC", " ".join(value.split()))
    if not text:
        return None, "is empty"
    if len(text) > limit:
        return None, f"is {len(text)} characters long (over {limit})"
    if text.isascii() and all(c.isalnum() or c in punct for c in text):
        return text, None
    bad = sorted(
        {c for c in text if not (c.isalnum() or unicodedata.category(c)[0] == "M")} - punct
    )
    if bad:
        shown = "".join(bad)
        return None, f"{text[:60]!r} contains {shown!r}, not allowed in {what}"
    return text, None


def check_name(value: Any) -> tuple[str | None, str | None]:
    """Return a display name (letters, spaces, . , ' - and quoted nicknames), else (None, why)."""
    name, why = _text(value, NAME_PUNCT, MAX_NAME, "a name")
    if name is not None and not any(c.isalpha() for c in name):
        return None, f"{name!r} has no letters"
    return name, why


def check_address(value: Any) -> tuple[str | None, str | None]:
    """Return a postal address or city as plain text, else (None, why)."""
    return _text(value, ADDRESS_PUNCT, MAX_ADDRESS, "an address")


def check_date(value: Any) -> dt.date | None:
    """Return a date from "YYYY-MM-DD", else None."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None
