"""`make bench`: how fast the checks and the build are, and how big the site is.

Figures, not tests: run it on the demo region (or any region folder) and read the numbers.
"""

from __future__ import annotations

import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def median_of(command: list[str], env: dict[str, str], runs: int = RUNS) -> float:
    return statistics.median(timed(command, env) for _ in range(runs))


def size_report(site: Path) -> dict[str, float]:
    pages = list(site.rglob("*.html"))
    offer_pages = [p for p in pages if p.parent.parent.name == "aanbod"]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    gz = [len(gzip.compress(p.read_bytes())) for p in offer_pages]
    return {
        "html pages": len(pages),
        "site size (MB)": total / 1e6,
        "offer page, median (KB gzip)": statistics.median(gz) / 1e3 if gz else 0,
    }


def main() -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
    python = sys.executable
    check = median_of([python, "-m", "sportwijzer", "check"], env)
    print(f"make check (python -m sportwijzer check), median of {RUNS}: {check:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_cmd = [python, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
        build = median_of(build_cmd, env, runs=3)
        print(f"mkdocs build --strict, median of 3: {build:.2f} s")
        for name, value in size_report(site).items():
            print(f"{name}: {value:.1f}" if isinstance(value, float) else f"{name}: {value}")
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
