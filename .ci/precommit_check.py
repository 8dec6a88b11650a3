"""pre-commit: check the data as `make check` does, in pre-commit's own small environment.

pre-commit installs only the packages of requirements-check.txt for this hook, so neither make nor
the project's full .venv is needed. Everything a person reads is Dutch.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from sportwijzer.tools.cli import main  # noqa: E402 (needs the path above)

BLOCKED = (
    "De commit is tegengehouden. Los de problemen hierboven op, sla de bestanden op en "
    "probeer het opnieuw."
)


def run(root: Path = ROOT) -> int:
    """Check the data in `root`; on errors, say why the commit stops."""
    code = main(["check", str(root)])
    if code != 0:
        print(BLOCKED)
    return code


if __name__ == "__main__":
    raise SystemExit(run())
