"""The site's date and number filters for templates (pelicanconf.py's JINJA_FILTERS).

- `datetime_format`: a date (or "YYYY-MM-DD") as "January 3, 2027" (American English), or
  "3 de enero de 2027" with `lang="es"`;
- `ordinal`: 119 as "119th".
Templates call them on values from the plugins; nothing formats a date by hand.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre")


def as_date(value: Any) -> dt.date | None:
    """Return a date from a date, a datetime or an ISO "YYYY-MM-DD" text (else None)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def datetime_format(value: Any, lang: str = "en") -> str:
    """Return "January 3, 2027" (or "3 de enero de 2027") for a date; else the text as it is."""
    day = as_date(value)
    if day is None:
        return str(value)
    if lang == "es":
        return f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"
    return f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}"


def ordinal(value: Any) -> str:
    """Return 1st, 2nd, 3rd, 4th, 11th, 21st, 119th ..."""
    n = int(value)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


