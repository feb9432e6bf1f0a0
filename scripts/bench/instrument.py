"""Time plugins inside one real build (run by bench.datastage as a subprocess).

Usage: python -m bench.instrument SETTINGS_FILE OUTPUT [PLUGIN ...|ALL]   (prints one JSON object)

It builds the site in-process and times, with a wall clock, every call into the plugin's code
from Pelican: each signal receiver defined in the plugin's modules, the `generate_context` /
`generate_output` methods of every Pelican Generator class and the `read` method of every
Reader class the plugin defines. Nested calls are
counted once (only the outermost call into the plugin adds time). No profiler runs, so the figure
carries no profiling overhead.
"""

from __future__ import annotations

from collections.abc import Callable
import functools
import inspect
import json
from pathlib import Path
import sys
import time
from typing import Any
import weakref


class Stopwatch:
    """Wall time spent inside the wrapped callables, outermost calls only."""

    def __init__(self) -> None:
        """Start at zero."""
        self.seconds = 0.0
        self.depth = 0
        self.calls: dict[str, float] = {}

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """Return `fn` wrapped so that its outermost calls add to the total."""

        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self.depth:
                return fn(*args, **kwargs)
            self.depth += 1
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.perf_counter() - start
                self.depth -= 1
                self.seconds += spent
                self.calls[name] = self.calls.get(name, 0.0) + spent

        return timed


def _in_plugin(obj: Any, plugin: str) -> bool:
    module = getattr(obj, "__module__", "") or ""
    return module == plugin or module.startswith(plugin + ".")


def instrument(plugin: str, watch: Stopwatch) -> dict[str, list[str]]:
    """Wrap the plugin's signal receivers, Generator and Reader methods; return what was wrapped."""
    from blinker import ANY
    from pelican.generators import Generator
    from pelican.plugins import signals
    from pelican.readers import BaseReader

    wrapped: dict[str, list[str]] = {"receivers": [], "generators": []}
    for signal_name, sig in vars(signals).items():
        if not hasattr(sig, "receivers") or not hasattr(sig, "connect"):
            continue
        for ref in list(sig.receivers.values()):
            fn = ref() if isinstance(ref, weakref.ref) else ref
            if fn is None or not _in_plugin(fn, plugin):
                continue
            name = f"{signal_name}:{getattr(fn, '__qualname__', fn)}"
            sig.disconnect(fn)
            sig.connect(watch.wrap(name, fn), sender=ANY, weak=False)
            wrapped["receivers"].append(name)
    methods = {Generator: ("generate_context", "generate_output"), BaseReader: ("read",)}
    for module_name, module in list(sys.modules.items()):
        if not (module_name == plugin or module_name.startswith(plugin + ".")) or module is None:
            continue
        for obj in list(vars(module).values()):
            if not inspect.isclass(obj) or obj.__module__ != module_name:
                continue
            for base, names in methods.items():
                if not issubclass(obj, base):
                    continue
                for method in names:
                    if method in vars(obj):
                        name = f"{obj.__qualname__}.{method}"
                        setattr(obj, method, watch.wrap(name, vars(obj)[method]))
                        wrapped["generators"].append(name)
    return wrapped


def main(argv: list[str]) -> int:
    """Build once with the plugins instrumented; print the timings as JSON.

    The plugin arguments are module names as in PLUGINS; `ALL` means every plugin of the settings.
    The first plugin's figures are also given as `plugin_seconds`, `calls` and `wrapped`.
    """
    settings_file, output = argv[0], argv[1]
    names = argv[2:] or ["legislators"]
    from pelican import Pelican
    from pelican.settings import read_settings

    total_start = time.perf_counter()
    settings = read_settings(path=settings_file, override={"OUTPUT_PATH": str(Path(output))})
    if names == ["ALL"]:
        names = [str(p) for p in settings.get("PLUGINS") or []]
    watches = {name: Stopwatch() for name in names}
    wrapped: dict[str, dict[str, list[str]]] = {}
    original_init_plugins = Pelican.init_plugins

    def init_plugins(self: Pelican) -> None:
        original_init_plugins(self)
        # Before signals.initialized is sent, so receivers of that signal are timed too.
        for name, watch in watches.items():
            wrapped[name] = instrument(name, watch)

    Pelican.init_plugins = init_plugins  # type: ignore[method-assign]
    pelican = Pelican(settings=settings)
    run_start = time.perf_counter()
    pelican.run()
    end = time.perf_counter()
    first = names[0]
    print(
        json.dumps(
            {
                "plugin": first,
                "plugin_seconds": watches[first].seconds,
                "calls": watches[first].calls,
                "wrapped": wrapped.get(first, {}),
                "plugins": {
                    name: {"seconds": w.seconds, "calls": w.calls, "wrapped": wrapped.get(name, {})}
                    for name, w in watches.items()
                },
                "run_seconds": end - run_start,
                "total_seconds": end - total_start,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
