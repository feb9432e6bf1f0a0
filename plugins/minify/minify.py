"""Receivers: minify every script the theme published, with a cache keyed by content.

The scripts not in the cache go to one Node process (batch.mjs, terser's API), so a build
pays for Node's start-up once, not once per file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
import subprocess
from typing import Any

from pelican import signals

from pluginkit import SiteError, settings_of

from .settings import MinifySettings

BATCH = Path(__file__).with_name("batch.mjs")
# The options batch.mjs gives terser (part of the cache key): ES modules, compressed and
# mangled, no comments; the same input gives the same bytes.
OPTIONS = b"module compress mangle no-comments"


class MinifyError(SiteError):
    """terser refused a script; the message names the file and terser's reason."""


def _salt(config: MinifySettings) -> bytes:
    """What besides a script decides its minified bytes: terser's version, the options."""
    return b"\0".join([(config.terser / "package.json").read_bytes(), OPTIONS,
                       BATCH.read_bytes()])


def _key(source: bytes, salt: bytes) -> str:
    return hashlib.sha256(salt + b"\0" + source).hexdigest()


def minify_all(sources: dict[str, bytes], config: MinifySettings) -> dict[str, bytes]:
    """The minified scripts by name, from the cache or from one run of terser."""
    salt = _salt(config)
    keys = {name: _key(source, salt) for name, source in sources.items()}
    done: dict[str, bytes] = {}
    todo: dict[str, str] = {}
    for name, source in sources.items():
        cached = config.cache / f"{keys[name]}.js"
        if cached.is_file():
            done[name] = cached.read_bytes()
        else:
            todo[name] = source.decode("utf-8")
    if todo:
        request = json.dumps({"terser": str(config.terser), "files": todo}).encode("utf-8")
        run = subprocess.run(["node", str(BATCH)], input=request, capture_output=True,
                             check=False)
        if run.returncode != 0:
            why = run.stderr.decode("utf-8", "replace").strip().splitlines()
            raise MinifyError(f"[minify] terser did not run ({why[-1] if why else 'no reason'}); "
                              "run `make deps`, or set MINIFY_ENABLED = False")
        config.cache.mkdir(parents=True, exist_ok=True)
        for name, result in json.loads(run.stdout).items():
            if "error" in result:
                raise MinifyError(f"theme/static/js/{name}: terser could not read it "
                                  f"({result['error']}); fix the script (node --check shows "
                                  "where)")
            code = result["code"].encode("utf-8")
            (config.cache / f"{keys[name]}.js").write_bytes(code)
            done[name] = code
    return done


def minify_scripts(pelican: Any) -> None:
    """Replace every published script with its minified form."""
    config = settings_of(pelican.settings, MinifySettings)
    if not config.enabled or not config.folder.is_dir():
        return
    found = sorted(config.folder.rglob("*.js"))
    paths = {p.relative_to(config.folder).as_posix(): p for p in found}
    for name, code in minify_all({n: p.read_bytes() for n, p in paths.items()}, config).items():
        if paths[name].read_bytes() != code:
            paths[name].write_bytes(code)


def check_settings(pelican: Any) -> None:
    """Stop at start-up on a bad MINIFY_* setting, or when terser is missing."""
    settings_of(pelican.settings, MinifySettings)


def register() -> None:
    """Connect receivers; no logic here."""
    signals.initialized.connect(check_settings)
    signals.finalized.connect(minify_scripts)
