"""Time the legislator data stage inside one real build (run by scripts/bench.py as a subprocess).

Usage: bench_datastage.py SETTINGS_FILE OUTPUT [PLUGIN]   (prints one JSON object on stdout)

It builds the site in-process and times, with a wall clock, every call into the plugin's code
from Pelican: each signal receiver defined in the plugin's modules and the `generate_context` /
`generate_output` methods of every Pelican Generator class the plugin defines. Nested calls are
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
    """Wrap the plugin's signal receivers and Generator methods; return what was wrapped."""
    from blinker import ANY
    from pelican.generators import Generator
    from pelican.plugins import signals

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
    for module_name, module in list(sys.modules.items()):
        if not (module_name == plugin or module_name.startswith(plugin + ".")) or module is None:
            continue
        for obj in list(vars(module).values()):
            if (
                inspect.isclass(obj)
                and issubclass(obj, Generator)
                and _in_plugin(obj, plugin)
                and obj.__module__ == module_name
            ):
                for method in ("generate_context", "generate_output"):
                    if method in vars(obj):
                        name = f"{obj.__qualname__}.{method}"
                        setattr(obj, method, watch.wrap(name, vars(obj)[method]))
                        wrapped["generators"].append(name)
    return wrapped


def main(argv: list[str]) -> int:
    """Build once with the plugin instrumented; print the timings as JSON."""
    settings_file, output = argv[0], argv[1]
    plugin = argv[2] if len(argv) > 2 else "legislators"
    from pelican import Pelican
    from pelican.settings import read_settings

    total_start = time.perf_counter()
    settings = read_settings(path=settings_file, override={"OUTPUT_PATH": str(Path(output))})
    watch = Stopwatch()
    wrapped: dict[str, list[str]] = {}
    original_init_plugins = Pelican.init_plugins

    def init_plugins(self: Pelican) -> None:
        original_init_plugins(self)
        # Before signals.initialized is sent, so receivers of that signal are timed too.
        wrapped.update(instrument(plugin, watch))

    Pelican.init_plugins = init_plugins  # type: ignore[method-assign]
    pelican = Pelican(settings=settings)
    init_seconds = watch.seconds
    run_start = time.perf_counter()
    pelican.run()
    end = time.perf_counter()
    print(
        json.dumps(
            {
                "plugin": plugin,
                "plugin_seconds": watch.seconds,
                "calls": watch.calls,
                "wrapped": wrapped,
                "init_plugin_seconds": init_seconds,
                "run_seconds": end - run_start,
                "total_seconds": end - total_start,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
