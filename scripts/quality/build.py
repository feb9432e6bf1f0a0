"""The build gate: `pelican --fatal warnings` into a clean folder, Pagefind, then the swap
(scripts/publish.py), with LEGISLATORS_SOURCE etc. from the environment.
"""

from __future__ import annotations

from pathlib import Path

# publish.py is a script beside this package (scripts/ is on sys.path: see pyproject.toml).
import publish

from quality.results import GateResult, Problem


def build_gate(out: Path, settings: Path, origin: str) -> GateResult:
    """Build the site safely into `out`, with absolute links to `origin` counted as our own."""
    result = GateResult("build")
    try:
        built = publish.safe_build(out, settings, env={"SITE_ORIGIN": origin})
        result.notes.append(f"{built.pages} HTML pages with {settings.name} into {out} "
                            f"(pelican --fatal warnings + Pagefind)")
    except publish.BuildError as error:
        result.fail(str(settings.name), str(error))
    return result


def no_site(out: Path) -> GateResult | None:
    """A failed build result if `out` holds no built site (with --no-build), else None."""
    if (out / "index.html").is_file():
        return None
    return GateResult("build", "fail", [Problem(str(out), "no index.html; build first")])
