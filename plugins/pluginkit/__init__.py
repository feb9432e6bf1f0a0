"""What every plugin of this site shares: typed settings read once, errors people can read.

Not a Pelican plugin (it connects nothing): a small library the plugins import by name.

- `read_prefixed()` is the one "refuse unknown prefixed keys, fill in the documented
  defaults" step; every plugin's typed settings class calls it from `from_pelican()`.
- `settings_of()` returns a plugin's typed settings for a build, read once and kept in the
  build's settings mapping.
- `requires()` stops the build when a plugin another one needs is not in PLUGINS.
- `build_date()` is "today" for a build (SOURCE_DATE_EPOCH when set).
- `SiteError` is the base of every error whose message already says where and how to fix
  it; the site's build front end (scripts/sitebuild.py) prints it without a traceback.
"""

from .errors import SiteError
from .settings import SettingsError, read_prefixed, requires, settings_of
from .today import build_date

__all__ = [
    "SettingsError", "SiteError", "build_date", "read_prefixed", "requires", "settings_of",
]
