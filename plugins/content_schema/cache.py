"""Keep per-file check results between builds, like Pelican's content cache.

A file's own check depends on its bytes, on the rules' code, on the settings it reads
(addresses, the build's date) and on which files exist
(images and `{filename}` links must exist). The cache key holds all three: each entry
is kept with the file's size and modification time, and the whole cache with a
fingerprint of the rules' source files and of the names of every file under content/.
Rules across files (duplicate addresses, links to pages) run on every build.
It follows Pelican's settings: read only with LOAD_CONTENT_CACHE, written only with
CACHE_CONTENT, in CACHE_PATH.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
import contextlib
import hashlib
import os
from pathlib import Path
import pickle
import tempfile

from .files import Entry

CACHE_NAME = "content_schema_entries.pickle"
Stamp = tuple[int, int]


def fingerprint(root: Path, salt: str = "") -> str:
    """Hash the rules' code, `salt` (the settings the checks use) and every file name."""
    digest = hashlib.sha256(salt.encode())
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


def _load(folder: Path | None, key: str) -> dict[str, tuple[Stamp, Entry]]:
    """Return cached entries if the cache is on, readable and made under the same key."""
    if folder is None:
        return {}
    try:
        with (folder / CACHE_NAME).open("rb") as handle:
            saved_key, entries = pickle.load(handle)  # our own file in CACHE_PATH
    except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError):
        return {}
    return entries if saved_key == key else {}


def _save(folder: Path | None, key: str, entries: dict[str, tuple[Stamp, Entry]]) -> None:
    """Write the cache atomically (temporary file in the same folder, then rename)."""
    if folder is None:
        return
    target = folder / CACHE_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".content_schema.")
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((key, entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def cached_entries(
    root: Path,
    paths: Iterable[Path],
    check: Callable[[Path], Entry],
    *,
    load: Path | None = None,
    save: Path | None = None,
    salt: str = "",
) -> dict[str, Entry]:
    """Check each path, reusing the result of an earlier build for unchanged files.

    `load` and `save` are the cache folder when reading and writing are on (Pelican's
    LOAD_CONTENT_CACHE and CACHE_CONTENT), else None; `salt` holds what the checks read
    from the settings (addresses, today), so changing it checks every file again.
    """
    key = fingerprint(root, salt)
    old = _load(load, key)
    entries: dict[str, tuple[Stamp, Entry]] = {}
    for path in paths:
        name = str(path.resolve())
        now = stamp(path)
        hit = old.get(name)
        entries[name] = hit if hit is not None and hit[0] == now else (now, check(path))
    if entries != old:
        _save(save, key, entries)
    return {name: entry for name, (_, entry) in entries.items()}
