"""The preview's speed (part of `make bench`; alone: `python bench/preview.py`).

On a synthetic region (bench/synthetic.py) the server starts, one offer's title changes a few
times, and each time the clock runs from saving the file to the served page showing the new
title; what the browser then does (live reload) is one more request. Measured for MkDocs' own
`mkdocs serve` (how `make serve` worked before issue #24) and for `make serve` now
(hooks/sportwijzer_serve.py), with the server's processor time per change, which other work on
a shared machine disturbs less than the wall clock.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from synthetic import ROOT, make_region

CHANGES = int(os.environ.get("BENCH_PREVIEW_CHANGES", "5"))
# 1,000 by default: at 10,000 MkDocs' own serve takes over a minute a change
PREVIEW_SIZES = tuple(int(n) for n in os.environ.get("BENCH_PREVIEW_SIZES", "1000").split(","))
OFFER = "offers/aanbod-00000.yml"
PAGE = "aanbod/aanbod-00000/"
COMMANDS = {
    "mkdocs serve (before)": [sys.executable, "-m", "mkdocs", "serve", "--dev-addr"],
    "make serve (now)": [sys.executable, "-m", "sportwijzer_serve"],
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=600) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _cpu(pid: int) -> float:
    """Processor time (user + system) of a running process, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _until(url: str, text: str, limit: float = 600) -> float:
    start = time.perf_counter()
    while text not in _get(url):
        if time.perf_counter() - start > limit:
            raise TimeoutError(f"{url} never showed {text!r}")
        time.sleep(0.02)
    return time.perf_counter() - start


def measure(root: Path, command: list[str]) -> dict[str, float]:
    """First build, then CHANGES title changes: seconds to the page, and the server's CPU."""
    port = _free_port()
    if command[-1] == "--dev-addr":
        command = [*command, f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root / "hooks")}
    env.update(POORT=str(port), SITE_URL=f"http://127.0.0.1:{port}/")
    server = subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url, offer = f"http://127.0.0.1:{port}/{PAGE}", root / OFFER
    original = offer.read_text(encoding="utf-8")
    try:
        first = _until(url, "<title>")
        walls, cpus = [], []
        for number in range(CHANGES):
            time.sleep(1.0)  # let the server settle: a benchmark, not a test
            title = f"Nieuwe titel {number} {time.time_ns()}"
            before = _cpu(server.pid)
            offer.write_text(re.sub(r"^titel: .*$", f"titel: {title}", original, flags=re.M))
            walls.append(_until(url, title))
            time.sleep(0.5)  # a second build the same save may have started
            cpus.append(_cpu(server.pid) - before)
    finally:
        offer.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=60)
    return {
        "first build, until the page is served (s)": first,
        f"title change to page, median of {CHANGES} (s)": statistics.median(walls),
        f"title change to page, slowest of {CHANGES} (s)": max(walls),
        f"server processor time per change, median of {CHANGES} (s)": statistics.median(cpus),
    }


def preview(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_region(Path(tmp) / "voorbeeld", n)
        print(f"\npreview at {n} offers: a changed title, from saving to the served page")
        for name, command in COMMANDS.items():
            for label, value in measure(root, command).items():
                print(f"  {name + ': ' + label:66} {value:10.2f}", flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for size in PREVIEW_SIZES:
        preview(size)
