""""Today" for a whole build: SOURCE_DATE_EPOCH when it is set, so builds can be repeated."""

from __future__ import annotations

from collections.abc import Mapping
import datetime as dt
import os

from .settings import SettingsError


def build_date(environ: Mapping[str, str] | None = None) -> dt.date:
    """Return the UTC date of SOURCE_DATE_EPOCH (seconds since 1970), else today's (UTC)."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.now(dt.UTC).date()
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    except (ValueError, OverflowError, OSError) as error:
        raise SettingsError(
            f"SOURCE_DATE_EPOCH = {epoch!r}: expected whole seconds since 1970, "
            "e.g. SOURCE_DATE_EPOCH=$(date -d 2027-01-04 +%s)"
        ) from error
