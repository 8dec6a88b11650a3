"""`make bench`: speed and size, measured, never asserted.

1. The demo region: `make check` and the full build.
2. Synthetic regions of 1,000 and 10,000 offers (in a temporary folder): our full build against
   a bare Material build of as many plain pages, the finder's index and data sizes, the finder's
   transfer (gzip; its own files and the theme's apart) when loaded and for a first text search,
   and keystroke-to-results time in headless Chromium (median and p95 over 50 queries).
"""

from __future__ import annotations

import functools
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from synthetic import ROOT, make_bare_material, make_region

sys.path.insert(0, str(ROOT))
from tests.browser.harness import CHROMIUM_ARGS  # one list of Chromium flags

SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000").split(","))
QUERIES = [
    "zwemmen",
    "judo",
    "fietsen",
    "rolstoel",
    "blind",
    "autisme",
    "yoga",
    "wandelen",
    "voetbal",
    "tennis",
    "atletiek",
    "dansen",
    "fitness",
    "zwolle",
    "kampen",
    "ommen",
    "hardenberg",
    "groep",
    "training",
    "plezier",
    "rustig",
    "samen",
    "sporten",
    "bewegen",
    "ervaren",
    "trainer",
    "kleine",
    "jongeren",
    "senioren",
    "welkom",
    "basketbal",
    "hockey",
    "schaatsen",
    "zeilen",
    "roeien",
    "klimmen",
    "boccia",
    "goalball",
    "showdown",
    "golf",
    "badminton",
    "tafeltennis",
    "turnen",
    "bowlen",
    "schermen",
    "kanovaren",
    "dalfsen",
    "raalte",
    "hattem",
    "staphorst",
][:50]


def env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}


def timed(command: list[str], cwd: Path, extra: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, env={**env(), **(extra or {})}, check=True, capture_output=True
    )
    return time.perf_counter() - start


def build(root: Path, site: Path) -> float:
    return timed(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
        root,
        {"SITE_URL": "http://127.0.0.1/"},
    )


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def browser_figures(site: Path) -> dict[str, float]:
    """Transfer before any search and for a first text search, and keystroke-to-results times.

    Transfer is split into the theme's files (CSS, JavaScript and search index that every page of
    the site loads, cached after the first page) and the finder's own (its page, data, index and
    scripts).
    """
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    responses: list = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
            )
            page = browser.new_page()
            page.on("response", lambda response: responses.append(response))
            page.goto(base + "aanbod/", timeout=300_000)
            page.wait_for_function(
                "() => !document.getElementById('sw-finder').hidden", timeout=300_000
            )
            page.wait_for_load_state("networkidle")
            loaded = _transfer(responses, site, base)
            times = [_keystroke(page, q) for q in ("zwemmen", *QUERIES)][1:]
            searched = _transfer(responses, site, base)
            browser.close()
    finally:
        server.shutdown()
    times.sort()
    return {
        "finder page loaded: finder's own files (KB gzip)": loaded["finder"] / 1e3,
        "finder page loaded: theme's files (KB gzip)": loaded["theme"] / 1e3,
        "first text search: finder's own files (KB gzip)": searched["finder"] / 1e3,
        "first text search: theme's files (KB gzip)": searched["theme"] / 1e3,
        "first text search: everything (KB gzip)": (searched["finder"] + searched["theme"]) / 1e3,
        "keystroke to results, median (ms)": statistics.median(times),
        "keystroke to results, p95 (ms)": times[int(len(times) * 0.95) - 1],
    }


# Files of the theme (Material for MkDocs) that every page of the site loads.
THEME = ("assets/stylesheets/", "assets/javascripts/", "assets/images/", "search/")


def _transfer(responses: list, site: Path, base: str) -> dict[str, int]:
    """What the requested files weigh, gzip-compressed, each once (read from the built site)."""
    total = {"theme": 0, "finder": 0}
    for url in {r.url.split("#")[0].split("?")[0] for r in responses if r.ok}:
        relative = url.removeprefix(base)
        path = site / relative
        path = path / "index.html" if path.is_dir() else path
        total["theme" if relative.startswith(THEME) else "finder"] += gz(path)
    return total


def _keystroke(page, query: str) -> float:
    return page.evaluate(
        """(q) => new Promise(resolve => {
            const form = document.getElementById('sw-finder');
            const input = document.getElementById('sw-q');
            const start = performance.now();
            form.addEventListener('sw:bijgewerkt', () => resolve(performance.now() - start),
                                  {once: true});
            input.value = q;
            input.dispatchEvent(new Event('input', {bubbles: true}));
        })""",
        query,
    )


def demo() -> None:
    check = statistics.median(
        timed([sys.executable, "-m", "sportwijzer", "check"], ROOT) for _ in range(5)
    )
    print(f"demo region: make check (median of 5): {check:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"demo region: full build: {build(ROOT, Path(tmp) / 'site'):.2f} s")


def synthetic(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ours = make_region(Path(tmp) / "ours", n)
        ours_time = build(ours, ours / "site")
        bare = make_bare_material(Path(tmp) / "bare", n)
        bare_time = build(bare, bare / "site")
        index = ours / "site" / "aanbod" / "zoekindex.json"
        rows = {
            "our build (s)": ours_time,
            "bare Material build, same number of pages (s)": bare_time,
            "ratio": ours_time / bare_time,
            "index raw (KB)": index.stat().st_size / 1e3,
            "index gzip (KB)": gz(index) / 1e3,
            "finder data file gzip (KB)": gz(ours / "site" / "aanbod" / "kaarten.json") / 1e3,
            "Material search index gzip (KB)": gz(bare / "site" / "search" / "search_index.json")
            / 1e3,
        }
        print(f"\n{n} offers")
        _print(rows)
        _print(browser_figures(ours / "site"))


def _print(rows: dict[str, float]) -> None:
    for name, value in rows.items():
        print(f"  {name:48} {value:10.2f}", flush=True)


def main() -> None:
    demo()
    for n in SIZES:
        synthetic(n)


if __name__ == "__main__":
    main()
