"""Receivers: minify every script the theme published, with a cache keyed by content."""

from __future__ import annotations

import hashlib
import subprocess
from typing import Any

from pelican import signals

from pluginkit import SiteError, settings_of

from .settings import MinifySettings

# ES modules, compressed and mangled, no comments; the same input gives the same bytes.
OPTIONS = ("--module", "--compress", "--mangle", "--comments", "false")


class MinifyError(SiteError):
    """terser refused a script; the message names the file and terser's reason."""


def minified(source: bytes, name: str, config: MinifySettings) -> bytes:
    """The minified script, from the cache when this exact source was minified before."""
    parts = [config.terser.read_bytes(), *map(str.encode, OPTIONS), source]
    key = hashlib.sha256(b"\0".join(parts))
    cached = config.cache / f"{key.hexdigest()}.js"
    if cached.is_file():
        return cached.read_bytes()
    done = subprocess.run(
        ["node", str(config.terser), *OPTIONS], input=source, capture_output=True, check=False
    )
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        why = reason[0] if reason else "no reason given"
        raise MinifyError(
            f"theme/static/js/{name}: terser could not read it ({why}); "
            "fix the script (node --check shows where)"
        )
    config.cache.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(done.stdout)
    return done.stdout


def minify_scripts(pelican: Any) -> None:
    """Replace every published script with its minified form."""
    config = settings_of(pelican.settings, MinifySettings)
    if not config.enabled or not config.folder.is_dir():
        return
    for path in sorted(config.folder.rglob("*.js")):
        name = path.relative_to(config.folder).as_posix()
        path.write_bytes(minified(path.read_bytes(), name, config))


def check_settings(pelican: Any) -> None:
    """Stop at start-up on a bad MINIFY_* setting, or when terser is missing."""
    settings_of(pelican.settings, MinifySettings)


def register() -> None:
    """Connect receivers; no logic here."""
    signals.initialized.connect(check_settings)
    signals.finalized.connect(minify_scripts)
