"""The sites the benchmark builds: their settings files and content folders.

Plain = Pelican's default theme and no plugins, reading the synthetic cases and the real pages
in Pelican's native metadata; ours = pelicanconf.py (theme, all plugins) on the same cases in
YAML front matter plus the real content folders. Each build gets its own cache folders.
"""

from __future__ import annotations

from pathlib import Path
import shutil

from bench import ROOT

SHARED_DATA = ROOT.parent / "shared" / "data"
# Real content folders copied into our synthetic site (cases are replaced by the synthetic ones).
REAL_FOLDERS = ("pages", "platform", "actions", "extra", "images", "charts")
# The real pages converted for plain Pelican, so both builds render the same Markdown.
PLAIN_PAGE_FOLDERS = ("pages", "platform", "actions")
# Settings lines of a build that must not read or write Pelican's content cache.
NO_CACHE = "CACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False"

PLAIN_SETTINGS = """# Plain Pelican: default theme, no plugins (tooling.md Appendix B).
AUTHOR = "Bench Author"
SITENAME = "Bench Site"
SITEURL = ""
PATH = {path!r}
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
RELATIVE_URLS = True
DEFAULT_PAGINATION = 10
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = {cache!r}
"""

OURS_SETTINGS = """# Our site: pelicanconf.py (theme, all plugins) on the benchmark's folders.
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F403

PATH = {path!r}
CACHE_PATH = {cache!r}
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
LEGISLATORS_CACHE_PATH = {legcache!r}
{extra}
"""


def prepare_ours_content(dest: Path, cases: Path | None) -> None:
    """Copy the real content folders and, if given, the synthetic `cases` into `dest`.

    The real case highlights come along too (the platform pages link to them); plain Pelican
    gets them as well (builds.py), so both builds read the same articles.
    """
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for folder in REAL_FOLDERS:
        if (ROOT / "content" / folder).is_dir():
            shutil.copytree(ROOT / "content" / folder, dest / folder)
    if cases is not None:
        shutil.copytree(cases, dest / "cases")
    else:
        (dest / "cases").mkdir()
    for case in sorted((ROOT / "content" / "cases").glob("*.md")):
        if not (dest / "cases" / case.name).exists():
            shutil.copyfile(case, dest / "cases" / case.name)


def write_ours_settings(work: Path, content: Path, extra: str = "") -> Path:
    """Settings file for our site in `work` (its cache folders live there too)."""
    work.mkdir(parents=True, exist_ok=True)
    settings = work / "settings.py"
    settings.write_text(
        OURS_SETTINGS.format(
            root=str(ROOT),
            path=str(content),
            cache=str(work / "cache"),
            legcache=str(work.parent / "legislators-cache"),
            extra=extra,
        ),
        encoding="utf-8",
    )
    return settings


def write_plain_settings(work: Path, content: Path) -> Path:
    """Settings file for plain Pelican in `work` (its cache folder lives there too)."""
    work.mkdir(parents=True, exist_ok=True)
    settings = work / "settings.py"
    settings.write_text(
        PLAIN_SETTINGS.format(path=str(content), cache=str(work / "cache")), encoding="utf-8"
    )
    return settings


def ensure_sources(env: dict[str, str], notes: list[str]) -> None:
    """Point the legislator plugin at the local snapshot when the caller did not."""
    if "LEGISLATORS_SOURCE" in env:
        return
    if (SHARED_DATA / "congress-legislators").is_dir():
        env["LEGISLATORS_SOURCE"] = str(SHARED_DATA / "congress-legislators")
        env["LEGISLATORS_ZIP_SOURCE"] = str(SHARED_DATA / "zcta-cd" / "zccd.csv")
        notes.append(f"Legislator data from the local snapshot {SHARED_DATA}.")
    else:
        notes.append(
            "LEGISLATORS_SOURCE is not set and ../shared/data is absent: the plugin may try the "
            "network or build without data."
        )

