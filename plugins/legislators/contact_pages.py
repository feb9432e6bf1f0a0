"""House members' contact pages, found by `make data` on each member's own website.

The data has a contact form for 2 of 431 House members, so a letter would end at a home
page. `make data` (never the build) tries a few standard paths on the member's own site
(LEGISLATORS_CONTACT_PATHS), follows redirects only on that host, and keeps what it finds,
with the day it found it, in the cache folder. The build publishes a page found as
"Contact page (found on <date>)", apart from an official contact form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
import datetime as dt
import json
from pathlib import Path
import threading
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
import requests

from .fetch import Page, Policy, Unreachable, fetch_page
from .model import Member
from .store import atomic_write
from .values import check_url

PAGES_FILE = "contact-pages.json"
WORDS = ("contact", "email", "e-mail", "write")


def same_site(url: str | None, website: str | None) -> bool:
    """Return True when both addresses are on the same host."""
    return bool(url and website) and urlsplit(url).hostname == urlsplit(website).hostname


def is_contact_page(page: Page) -> bool:
    """A contact page has a form, and its title or main heading is about contact."""
    soup = BeautifulSoup(page.html, "html.parser")
    heading = " ".join(
        node.get_text(" ", strip=True) for node in soup.find_all(["title", "h1"])
    ).lower()
    return soup.find("form") is not None and any(word in heading for word in WORDS)


def find_page(
    member: Member, paths: Iterable[str], fetch: Callable[[str], Page | None]
) -> str | None:
    """Try each path on the member's site; return the first contact page's address."""
    assert member.website is not None
    base = member.website.rstrip("/")
    root = f"{urlsplit(base).scheme}://{urlsplit(base).netloc}"
    for path in paths:
        page = fetch(root + path)
        if page is not None and same_site(page.url, member.website) and is_contact_page(page):
            return page.url
    return None


def read(folder: Path, allowed_hosts: Iterable[str]) -> dict[str, dict[str, str]]:
    """Return bioguide -> {url, found} for the pages found, each URL checked again."""
    try:
        data = json.loads((folder / PAGES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found: dict[str, dict[str, str]] = {}
    hosts = tuple(allowed_hosts)
    for bioguide, entry in data.items() if isinstance(data, Mapping) else ():
        if not isinstance(entry, Mapping) or not entry.get("url"):
            continue
        url, _ = check_url(entry.get("url"), hosts)
        if url and isinstance(entry.get("found"), str):
            found[str(bioguide)] = {"url": url, "found": entry["found"]}
    return found


class Found(dict[str, Any]):
    """bioguide -> entry, and how many sites could not be reached this time (`unreached`)."""

    unreached: int = 0


# After this many sites in a row could not be reached, the network is taken to be down: the
# rest are not tried (a lookup that cannot resolve a name can take seconds each).
GIVE_UP_AFTER = 8


def discover(
    members: Iterable[Member], folder: Path, *, paths: Iterable[str], policy: Policy,
    workers: int, max_age_days: int, today: dt.date, session: requests.Session | None = None,
) -> Found:
    """Look for the contact page of every House member without a contact form.

    Entries younger than `max_age_days` are kept as they are; a site that cannot be reached
    keeps the entry it had (it is tried again next time); the result is written to the cache
    folder and returned.
    """
    try:
        old = json.loads((folder / PAGES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    old = old if isinstance(old, dict) else {}
    paths = tuple(paths)
    todo = []
    result = Found()
    for m in members:
        if m.chamber != "house" or m.contact_form or not m.website:
            continue
        entry = old.get(m.bioguide)
        checked = entry.get("checked") if isinstance(entry, dict) else None
        fresh = checked and (today - dt.date.fromisoformat(checked)).days < max_age_days
        if fresh and entry.get("website") == m.website:
            result[m.bioguide] = entry
        else:
            todo.append(m)
    own = session is None
    session = session or requests.Session()
    misses = {"in_a_row": 0}
    lock = threading.Lock()

    def look(member: Member) -> str | Unreachable | None:
        if misses["in_a_row"] >= GIVE_UP_AFTER:
            return Unreachable("the network seems down")
        try:
            url = find_page(member, paths, lambda u: fetch_page(u, policy=policy, session=session))
        except Unreachable as error:
            with lock:
                misses["in_a_row"] += 1
            return error
        with lock:
            misses["in_a_row"] = 0
        return url

    try:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            for member, url in zip(todo, pool.map(look, todo), strict=True):
                if isinstance(url, Unreachable):
                    result.unreached += 1
                    if isinstance(old.get(member.bioguide), dict):
                        result[member.bioguide] = old[member.bioguide]
                    continue
                result[member.bioguide] = {
                    "website": member.website, "checked": today.isoformat(), "url": url,
                    "found": today.isoformat() if url else None,
                }
    finally:
        if own:
            session.close()
    atomic_write(folder / PAGES_FILE, (json.dumps(result, sort_keys=True, indent=1) + "\n")
                 .encode("utf-8"))
    return result
