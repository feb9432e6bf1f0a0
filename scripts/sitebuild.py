"""Run one Pelican build with messages people can read (the Makefile's builds use it).

    python scripts/sitebuild.py content -o output -s pelicanconf.py --fatal warnings

It takes Pelican's own arguments and runs the same build as `pelican`, but prints:
- one line per message, as it was written: no columns, no wrapping, no source file of ours;
- the data report and notices of our plugins (INFO), and Pelican's own warnings;
- an error a person can fix (`pluginkit.SiteError`: content problems, a missing editor, bad
  settings or data) as its message alone, never with a Python traceback;
- a warning that stops a `--fatal warnings` build as one line after the warning itself.
Anything else that escapes the build is a bug and keeps its traceback. Exit status 0 when
the site was built, 1 when the build stopped.
"""

from __future__ import annotations

from collections.abc import Sequence
import logging
import sys

from pelican import get_instance, parse_arguments
from pelican.log import init as init_logging

from pluginkit import SiteError

# What Pelican's --fatal mode raises after logging the warning or error that stopped it.
FATAL = "Warning or error encountered"
PREFIX = {logging.WARNING: "warning: ", logging.ERROR: "error: ", logging.CRITICAL: "error: "}


class PlainHandler(logging.Handler):
    """Write each record as one plain line to standard error, without tracebacks we made."""

    def emit(self, record: logging.LogRecord) -> None:
        """Print the message with a short level word for warnings and errors."""
        try:
            text = PREFIX.get(record.levelno, "") + record.getMessage()
            error = record.exc_info[1] if record.exc_info else None
            if record.exc_info and not isinstance(error, SiteError):
                text += "\n" + logging.Formatter().formatException(record.exc_info)
            sys.stderr.write(text + "\n")
            sys.stderr.flush()
        except Exception:
            self.handleError(record)


def main(argv: Sequence[str] | None = None) -> int:
    """Build once with Pelican's arguments; return 0 when built, 1 when stopped."""
    args = parse_arguments(list(argv) if argv is not None else None)
    init_logging(level=logging.INFO, fatal=args.fatal, handler=PlainHandler(), name="pelican")
    # Pelican's own INFO lines ("Writing …", one per file) stay quiet; ours are shown.
    quiet = logging.DEBUG if args.verbosity == logging.DEBUG else logging.WARNING
    logging.getLogger("pelican").setLevel(quiet)
    try:
        pelican, _settings = get_instance(args)
        pelican.run()
    except SiteError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    except RuntimeError as error:
        if str(error) != FATAL:
            raise
        sys.stderr.write("The build stopped at the message above (warnings are errors in "
                         "this build); fix it and build again.\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
