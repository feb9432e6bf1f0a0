"""The errors content_schema raises: every one names the file or setting and the fix."""

from __future__ import annotations

from collections.abc import Iterable

from pluginkit import SettingsError, SiteError

from .fields import Problem


class ContentConfigError(SettingsError):
    """The settings and the content rules do not fit together (a folder without rules)."""


class ContentError(SiteError):
    """Content files have problems; the build stops and lists every one, one per line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        """Keep the problems (errors only) and say how many there are."""
        self.problems = sorted(
            (p for p in problems if p.is_error), key=lambda p: (p.path, p.line, p.field)
        )
        files = len({p.path for p in self.problems})
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(
            f"{lines}\n{len(self.problems)} content problem(s) in {files} file(s); the site was "
            "not built. Fix them and build again (`make check-content` lists the same problems)."
        )
