"""Read a plugin's settings once, with documented defaults, refusing unknown keys."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any, Protocol, Self, TypeVar

from .errors import SiteError

# Where one build keeps the typed settings it has read (a private key of the settings).
_STORE = "_typed_settings"


class SettingsError(SiteError, ValueError):
    """A setting in pelicanconf.py is unknown or malformed; the message names it and the fix."""


class FromPelican(Protocol):
    """What every plugin's typed settings class provides."""

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> Self:
        """Validate the plugin's settings and return the typed view."""
        ...


T = TypeVar("T", bound=FromPelican)


def read_prefixed(
    settings: Mapping[str, Any], prefix: str, defaults: Mapping[str, Any], *, plugin: str
) -> dict[str, Any]:
    """Return every `prefix`* setting the plugin knows, with defaults filled in.

    An unknown key starting with `prefix` is an error naming the known ones (a typo such
    as OUTCOME_URLS would otherwise be ignored without a word).
    """
    unknown = sorted(k for k in settings if k.startswith(prefix) and k not in defaults)
    if unknown:
        raise SettingsError(
            f"[{plugin}] unknown setting(s) {', '.join(unknown)} in the settings file; "
            f"the known ones are {', '.join(sorted(defaults))}"
        )
    return {key: settings.get(key, default) for key, default in defaults.items()}


def settings_of(settings: MutableMapping[str, Any], cls: type[T]) -> T:
    """Return `cls.from_pelican(settings)`, read once per settings object (one build)."""
    store = settings.get(_STORE)
    if not isinstance(store, dict):
        store = {}
        settings[_STORE] = store
    typed = store.get(cls)
    if typed is None:
        typed = cls.from_pelican(settings)
        store[cls] = typed
    return typed


def _plugin_names(plugins: Iterable[Any]) -> set[str]:
    names = set()
    for plugin in plugins:
        name = plugin if isinstance(plugin, str) else getattr(plugin, "__name__", "")
        names.add(name.rsplit(".", 1)[-1])
    return names


def requires(settings: Mapping[str, Any], plugin: str, *needed: str) -> None:
    """Stop the build when a plugin that `plugin` needs is not listed in PLUGINS."""
    missing = [name for name in needed if name not in _plugin_names(settings.get("PLUGINS", ()))]
    if missing:
        raise SettingsError(
            f"[{plugin}] needs the plugin(s) {', '.join(missing)}, which PLUGINS in the "
            f"settings file does not list; add {', '.join(repr(m) for m in missing)} to PLUGINS"
        )
