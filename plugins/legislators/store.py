"""The last good copy on disk: each file with its validators, written atomically.

Cache writes go to a temp file in the same folder, fsync, then os.replace, so a crash or a
full disk never leaves half a file; a copy whose sha256 no longer matches is not trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
import datetime as dt
import hashlib
import json
import os
from pathlib import Path
import tempfile
from typing import Any


@dataclass(frozen=True, slots=True)
class Cached:
    """A last good copy and what we know about it."""

    body: bytes
    meta: dict[str, Any]

    @property
    def fetched(self) -> dt.datetime:
        """Return when the copy was last confirmed by the server (UTC)."""
        return utc(self.meta["fetched"])


def utc(text: str) -> dt.datetime:
    """An ISO date and time as UTC (a time written without a zone, by hand, is taken as UTC)."""
    when = dt.datetime.fromisoformat(text)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temp file in the same folder and os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_cached(folder: Path, name: str) -> Cached | None:
    """Return the last good copy of `name`, or None if missing or corrupt."""
    body_path, meta_path = folder / name, folder / f"{name}.meta.json"
    try:
        body = body_path.read_bytes()
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        utc(meta["fetched"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if meta.get("sha256") != hashlib.sha256(body).hexdigest():
        return None
    return Cached(body, meta)


def write_cached(folder: Path, name: str, body: bytes, meta: dict[str, Any]) -> None:
    """Store a validated copy and its metadata (validators, fetch time, sha256)."""
    meta = {**meta, "sha256": hashlib.sha256(body).hexdigest(), "bytes": len(body)}
    atomic_write(folder / name, body)
    atomic_write(
        folder / f"{name}.meta.json",
        (json.dumps(meta, sort_keys=True, indent=1) + "\n").encode("utf-8"),
    )
