"""Encoded images kept in Pelican's CACHE_PATH, so a rebuild re-encodes only what changed.

An entry is a folder named by a key: a hash of everything that decides its bytes (the source's
bytes, the settings, Pillow's version, the plugin's own version). Entries are written to a
temporary folder and renamed into place, so an interrupted build never leaves half an entry.
Entries no build used are removed at the end of a build.
"""

from __future__ import annotations

from collections.abc import Callable
import hashlib
from pathlib import Path
import shutil
import tempfile

import PIL

# Bump when the processing changes what the same settings produce.
VERSION = "1"


def cache_key(*parts: bytes | str) -> str:
    """Return a hex key for the parts (with Pillow's and this plugin's versions)."""
    digest = hashlib.sha256()
    for part in (VERSION, PIL.__version__, *parts):
        raw = part.encode() if isinstance(part, str) else part
        digest.update(len(raw).to_bytes(8, "big") + raw)
    return digest.hexdigest()


class Store:
    """One build's view of the cache folder <CACHE_PATH>/images/."""

    def __init__(self, cache_path: Path) -> None:
        self.root = cache_path / "images"
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def get(self, key: str, names: list[str]) -> dict[str, bytes] | None:
        """Return the named blobs of an entry, or None when it is missing or incomplete."""
        folder = self.root / key
        try:
            blobs = {name: (folder / name).read_bytes() for name in names}
        except OSError:
            self.misses += 1
            return None
        self.used.add(key)
        self.hits += 1
        return blobs

    def put(self, key: str, blobs: dict[str, bytes]) -> None:
        """Store an entry (atomically; an entry another build stored first is kept)."""
        self.root.mkdir(parents=True, exist_ok=True)
        self.used.add(key)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.root))
        for name, data in blobs.items():
            (tmp / name).write_bytes(data)
        target = self.root / key
        if target.exists():
            shutil.rmtree(target, ignore_errors=True)
        try:
            tmp.rename(target)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)

    def fetch(
        self, key: str, names: list[str], make: Callable[[], dict[str, bytes]]
    ) -> dict[str, bytes]:
        """Return the entry's blobs, making and storing them first when they are not cached."""
        blobs = self.get(key, names)
        if blobs is None:
            blobs = make()
            self.put(key, blobs)
        return blobs

    def prune(self) -> None:
        """Remove the entries this build did not use (and leftovers of interrupted builds)."""
        if not self.root.is_dir():
            return
        for folder in self.root.iterdir():
            if folder.name not in self.used:
                shutil.rmtree(folder, ignore_errors=True)
