"""`python -m quality`: build the site strictly and run every quality gate (quality.runner)."""

from __future__ import annotations

import sys

from quality.runner import main

if __name__ == "__main__":
    sys.exit(main())
