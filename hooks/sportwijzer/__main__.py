"""`python -m sportwijzer check [ROOT]`: validate the data; exit 1 on errors."""

from __future__ import annotations

import sys

from .tools.cli import main

sys.exit(main(sys.argv[1:]))
