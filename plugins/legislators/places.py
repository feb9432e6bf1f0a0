"""Jurisdictions and seats: states, DC and territories, House districts, Congresses, labels.

Facts about the places members represent, owned here and nowhere else: the House seats of
each state (2020 apportionment), names, titles, district ids ("MA-7", "WY-AL"), the Congress
in session on a date, and the human label of a seat, which the JSON carries to the browser.
"""

from __future__ import annotations

import datetime as dt

from formats.formats import ordinal

#: The U.S. Capitol switchboard: reaches every office when a direct number is missing.
SWITCHBOARD = "202-224-3121"
SWITCHBOARD_TEL = "+12022243121"
#: The chambers' own lists of members: authoritative when our data is out of date.
OFFICIAL_LISTS = {
    "house": "https://www.house.gov/representatives",
    "senate": "https://www.senate.gov/senators/",
}
#: 119th Congress House seats per state (2020 apportionment, 435 in all).
SEATS: dict[str, int] = {
    "AL": 7, "AK": 1, "AZ": 9, "AR": 4, "CA": 52, "CO": 8, "CT": 5, "DE": 1, "FL": 28,
    "GA": 14, "HI": 2, "ID": 2, "IL": 17, "IN": 9, "IA": 4, "KS": 4, "KY": 6, "LA": 6,
    "ME": 2, "MD": 8, "MA": 9, "MI": 13, "MN": 8, "MS": 4, "MO": 8, "MT": 2, "NE": 3,
    "NV": 4, "NH": 2, "NJ": 12, "NM": 3, "NY": 26, "NC": 14, "ND": 1, "OH": 15, "OK": 5,
    "OR": 6, "PA": 17, "RI": 2, "SC": 7, "SD": 1, "TN": 9, "TX": 38, "UT": 4, "VT": 1,
    "VA": 11, "WA": 10, "WV": 2, "WI": 8, "WY": 1,
}  # fmt: skip

STATE_NAMES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "U.S. Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
}  # fmt: skip

#: The names Spanish-language U.S. media and government sites use (usa.gov/es); the others
#: are written the same in both languages.
STATE_NAMES_ES: dict[str, str] = {
    **STATE_NAMES,
    "HI": "Hawái", "LA": "Luisiana", "MO": "Misuri", "NY": "Nueva York", "NJ": "Nueva Jersey",
    "NM": "Nuevo México", "NH": "Nuevo Hampshire", "NC": "Carolina del Norte",
    "SC": "Carolina del Sur", "ND": "Dakota del Norte", "SD": "Dakota del Sur",
    "PA": "Pensilvania", "WV": "Virginia Occidental", "DC": "Distrito de Columbia",
    "VI": "Islas Vírgenes de los Estados Unidos", "AS": "Samoa Estadounidense",
    "MP": "Islas Marianas del Norte",
}  # fmt: skip

TERRITORIES = ("AS", "GU", "MP", "PR", "VI")


def state_name(state: str, lang: str = "en") -> str:
    """Return the state's name in `lang` ("es": Spanish, else English)."""
    return (STATE_NAMES_ES if lang == "es" else STATE_NAMES)[state]


def kind_of(state: str) -> str:
    """Return "state", "district" (DC) or "territory"."""
    if state == "DC":
        return "district"
    return "territory" if state in TERRITORIES else "state"


def seats_of(state: str) -> int:
    """Return the number of House seats (1 for DC and territories: one delegate)."""
    return SEATS.get(state, 1)


def district_id(state: str, number: int) -> str:
    """Return the district id: "MA-5", or "WY-AL" for at-large seats and delegates."""
    return f"{state}-AL" if seats_of(state) == 1 else f"{state}-{number}"


def district_ids(state: str) -> list[str]:
    """Return every seat of a state in numeric order."""
    n = seats_of(state)
    return [district_id(state, i) for i in range(1, n + 1)] if n > 1 else [f"{state}-AL"]


def house_title(state: str) -> str:
    """Return the title of a state's House member."""
    if state == "PR":
        return "Resident Commissioner"
    return "Representative" if kind_of(state) == "state" else "Delegate"


def congress_of(day: dt.date) -> int:
    """Return the number of the Congress in session on `day` (the 119th: 2025-01-03 to 2027)."""
    number = (day.year - 1789) // 2 + 1
    starts = dt.date(1789 + 2 * (number - 1), 1, 3)
    return number - 1 if day < starts else number


def seat_label(district: str, lang: str = "en") -> str:
    """Return a short label for a district id: "5th district", "At large", "Delegate seat"."""
    state, _, number = district.partition("-")
    if lang == "es":
        if number == "AL":
            return "Distrito único" if kind_of(state) == "state" else "Escaño de delegado"
        return f"Distrito {int(number)}"
    if number == "AL":
        return "At large" if kind_of(state) == "state" else "Delegate seat"
    return f"{ordinal(int(number))} district"


def full_seat_label(district: str, lang: str = "en") -> str:
    """Return the label a visitor reads: "Massachusetts's 7th district", "Wyoming (at large)"
    ("Distrito 7 de Massachusetts", "Wyoming (distrito único)" in Spanish)."""
    state, _, number = district.partition("-")
    name = state_name(state, lang)
    if lang == "es":
        if number != "AL":
            return f"Distrito {int(number)} de {name}"
        return f"{name} (distrito único)" if kind_of(state) == "state" else name
    if number != "AL":
        return f"{name}'s {ordinal(int(number))} district"
    return f"{name} (at large)" if kind_of(state) == "state" else name
