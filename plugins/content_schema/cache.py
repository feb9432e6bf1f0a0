"""Keep per-file check results between builds, like Pelican's content cache.

A file's own check depends on its bytes, on the rules' code and on which files exist
(images and `{filename}` links must exist). The cache key holds all three: each entry
is kept with the file's size and modification time, and the whole cache with a
fingerprint of the rules' source files and of the names of every file under content/.
Rules across files (duplicate addresses, links to pages) run on every build.
It follows Pelican's settings: read only with LOAD_CONTENT_CACHE, written only with
CACHE_CONTENT, in CACHE_PATH.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
import contextlib
import hashlib
import os
from pathlib import Path
import pickle
import tempfile
from typing import Any

from .rules import FileReport

CACHE_NAME = "content_schema_reports.pickle"
Stamp = tuple[int, int]


def fingerprint(root: Path) -> str:
    """Hash the rules' code and the names of every file under `root`."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        stat = source.stat()
        digest.update(f"{source.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    for path in sorted(root.rglob("*")):
        digest.update(f"{path.relative_to(root).as_posix()}\n".encode())
    return digest.hexdigest()


def stamp(path: Path) -> Stamp:
    """Return what says a file changed: its size and modification time."""
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _cache_file(settings: Mapping[str, Any]) -> Path:
    return Path(settings["CACHE_PATH"]) / CACHE_NAME


def _load(settings: Mapping[str, Any], key: str) -> dict[str, tuple[Stamp, FileReport]]:
    """Return cached entries if the cache is on, readable and made under the same key."""
    if not settings.get("LOAD_CONTENT_CACHE"):
        return {}
    try:
        with _cache_file(settings).open("rb") as handle:
            saved_key, entries = pickle.load(handle)  # our own file in CACHE_PATH
    except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError):
        return {}
    return entries if saved_key == key else {}


def _save(
    settings: Mapping[str, Any], key: str, entries: dict[str, tuple[Stamp, FileReport]]
) -> None:
    """Write the cache atomically (temporary file in the same folder, then rename)."""
    if not settings.get("CACHE_CONTENT"):
        return
    target = _cache_file(settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".content_schema.")
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((key, entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def cached_reports(
    settings: Mapping[str, Any],
    root: Path,
    paths: Iterable[Path],
    check: Callable[[Path], FileReport],
) -> dict[str, FileReport]:
    """Check each path, reusing the result of an earlier build for unchanged files."""
    key = fingerprint(root)
    old = _load(settings, key)
    entries: dict[str, tuple[Stamp, FileReport]] = {}
    for path in paths:
        name = str(path.resolve())
        now = stamp(path)
        hit = old.get(name)
        entries[name] = hit if hit is not None and hit[0] == now else (now, check(path))
    if entries != old:
        _save(settings, key, entries)
    return {name: report for name, (_, report) in entries.items()}
