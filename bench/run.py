"""`make bench`: speed and size, measured, never asserted.

1. The demo region: `make check` and the full build; `make check` on the largest input it
   accepts (the demo plus an offer, an event and a partner at every limit, slowest Markdown).
2. Synthetic regions of 1,000 and 10,000 offers (in a temporary folder): our full build against
   a bare Material build (with its search) of as many plain pages, by processor time (the goal:
   at most GOAL times) and wall clock, and where each build's processor time goes, phase by phase
   (bench/phases.py); the sizes of the index and the
   finder's files; transfer (gzip; our own files and the theme's apart) on a first visit to the
   home page, an offer page and a toolkit page, for the header's first suggestions, and for the
   finder when loaded and up to its first text result; keystroke-to-results time in headless
   Chromium (median and p95 over 50 queries).
3. The preview (bench/preview.py): from saving a changed offer title to the served page showing
   it, with MkDocs' own serve (before) and `make serve` (now); 1,000 offers (BENCH_PREVIEW_SIZES).
4. The guards on hostile input (bench/guards.py): an alias bomb, 100 KB of odd text, a register
   of 1,000 rows; the tests assert what the guards do, the time is measured here.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import guards
from preview import PREVIEW_SIZES, preview
from synthetic import ROOT, make_bare_material, make_largest_input, make_region

sys.path.insert(0, str(ROOT))
from tests.browser.harness import CHROMIUM_ARGS  # one list of Chromium flags

SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000").split(","))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
BROWSER = os.environ.get("BENCH_BROWSER", "1") != "0"  # 0: builds only, no Chromium figures
GOAL = 1.3  # issue #24: our full build at most 1.3 times the bare build, by processor time
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
][:40] + [  # sentences, as people type them: read by query_reading before the text search
    "sport voor mijn zoon met autisme",
    "judo voor mijn dochter van 10",
    "zwemmen voor mijn opa in Zwolle",
    "rolstoeltennis in Kampen",
    "iets voor mijn moeder met parkinson",
    "gratis proefles voor een kind van 9",
    "blinde man 45 jaar fitness",
    "voetbal in een team voor jongeren met adhd",
    "dochter 14 jaar doof dansen",
    "beroerte gehad en wil weer bewegen in Dalfsen",
]


def env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}


CPU_TIMES: list[float] = []  # the processor time (user + system) of each timed() command


def timed(command: list[str], cwd: Path, extra: dict[str, str] | None = None) -> float:
    """Wall time of a command; its processor time goes to CPU_TIMES (less disturbed by other
    work on a shared machine than the wall clock)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, env={**env(), **(extra or {})}, check=True, capture_output=True
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_TIMES.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
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


# A first visit to each kind of page: no search file may be fetched until someone searches.
PAGE_TYPES = {
    "home": "",
    "offer page": "aanbod/aanbod-00000/",
    "toolkit page": "toolkit/stappenplan/",
}
SEARCH_FILES = ("zoeken/", "zoeken.js", "zoekbalk.js", "assets/vendor/lunr/", "aanbod/kaartjes/")


def browser_figures(site: Path) -> dict[str, float]:
    """Transfer (gzip, each file once, read from the built site) on a first visit to each kind of
    page, of the finder when loaded and up to its first text result, and of the header's first
    suggestions; and keystroke-to-results times in the finder once it has warmed up (after its
    first results it fetches every title and the whole index in the background).

    Transfer is split into the theme's files (Material's CSS, JavaScript and images, that every
    page loads and the browser then caches) and our own (the page, its data, index and scripts).
    """
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    rows: dict[str, float] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
            )
            for name, path in PAGE_TYPES.items():
                page, responses = _fresh(browser)
                page.goto(base + path, timeout=300_000, wait_until="networkidle")
                first = _transfer(responses, site, base)
                rows[f"first visit, {name}: own files (KB gzip)"] = first["own"] / 1e3
                rows[f"first visit, {name}: theme's files (KB gzip)"] = first["theme"] / 1e3
                rows[f"first visit, {name}: search files fetched (count)"] = first["search"]
                if name == "offer page":
                    _suggest(page, "zwemmen")
                    asked = _transfer(responses, site, base)
                    rows["header box, first suggestions: own files (KB gzip)"] = asked["own"] / 1e3
                page.context.close()

            page, responses = _fresh(browser)
            page.goto(base + "aanbod/", timeout=300_000)
            page.wait_for_function(
                "() => !document.getElementById('sw-finder').hidden", timeout=300_000
            )
            page.wait_for_load_state("networkidle")
            loaded = _transfer(responses, site, base)
            first = _keystroke(page, "zwemmen")
            page.wait_for_timeout(300)  # the warm-up waits a second after the first results
            searched = _transfer(responses, site, base)
            page.wait_for_function(
                "() => document.getElementById('sw-finder').dataset.opgewarmd", timeout=300_000
            )
            page.wait_for_load_state("networkidle")
            warmed = _transfer(responses, site, base)
            times = sorted(_keystroke(page, q) for q in QUERIES)
            browser.close()
    finally:
        server.shutdown()
    rows.update(
        {
            "finder page loaded: own files (KB gzip)": loaded["own"] / 1e3,
            "finder page loaded: theme's files (KB gzip)": loaded["theme"] / 1e3,
            "finder, first text result: own files (KB gzip)": searched["own"] / 1e3,
            "finder, first text result: theme's files (KB gzip)": searched["theme"] / 1e3,
            "finder, first text result: everything (KB gzip)": (searched["own"] + searched["theme"])
            / 1e3,
            "finder, first text result: requests (count)": searched["requests"],
            "finder, first text result: time (ms)": first,
            "finder, warm-up after it (titles, whole index): KB gzip": (
                warmed["own"] - searched["own"]
            )
            / 1e3,
            "keystroke to results, median (ms)": statistics.median(times),
            "keystroke to results, p95 (ms)": times[int(len(times) * 0.95) - 1],
        }
    )
    return rows


def _fresh(browser):
    """A page in a new context (an empty cache), and the list its responses go into."""
    page = browser.new_context().new_page()
    responses: list = []
    page.on("response", lambda response: responses.append(response))
    return page, responses


def _suggest(page, words: str) -> None:
    page.locator("#sw-zoekbalk-q").focus()
    page.locator("#sw-zoekbalk-q").press_sequentially(words, delay=20)
    page.wait_for_function(
        "() => document.getElementById('sw-zoekbalk-q').getAttribute('aria-expanded') === 'true'",
        timeout=300_000,
    )
    page.wait_for_load_state("networkidle")


# Files of the theme (Material for MkDocs) that every page of the site loads.
THEME = ("assets/stylesheets/", "assets/javascripts/", "assets/images/")


def _transfer(responses: list, site: Path, base: str) -> dict[str, int]:
    """What the requested files weigh, gzip-compressed, each once (read from the built site)."""
    total = {"theme": 0, "own": 0, "search": 0, "requests": 0}
    for url in {r.url.split("#")[0].split("?")[0] for r in responses if r.ok}:
        relative = url.removeprefix(base)
        path = site / relative
        path = path / "index.html" if path.is_dir() else path
        total["theme" if relative.startswith(THEME) else "own"] += gz(path)
        total["search"] += any(part in relative for part in SEARCH_FILES)
        total["requests"] += 1
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
        largest = make_largest_input(Path(tmp) / "grootst")
        check = statistics.median(
            timed([sys.executable, "-m", "sportwijzer", "check"], largest) for _ in range(3)
        )
        print(f"make check, grootste toegestane invoer (s) (median of 3): {check:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"demo region: full build: {build(ROOT, Path(tmp) / 'site'):.2f} s")


def synthetic(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ours = make_region(Path(tmp) / "ours", n)
        bare = make_bare_material(Path(tmp) / "bare", n)
        # Builds take turns, RUNS times each; the fastest of each counts (the least disturbed by
        # whatever else the machine does).
        ours_times, bare_times, ours_cpu, bare_cpu = [], [], [], []
        for _ in range(RUNS):
            ours_times.append(build(ours, ours / "site"))
            ours_cpu.append(CPU_TIMES[-1])
            bare_times.append(build(bare, bare / "site"))
            bare_cpu.append(CPU_TIMES[-1])
        ours_time, bare_time = min(ours_times), min(bare_times)
        zoeken = ours / "site" / "zoeken"
        parts = sorted(zoeken.glob("deel-*.json"))
        aanbod = ours / "site" / "aanbod"
        cards = list((aanbod / "kaartjes").glob("*.json"))
        rows = {
            f"our build, fastest of {RUNS} (s)": ours_time,
            f"bare Material build, same number of pages, fastest of {RUNS} (s)": bare_time,
            "ratio": ours_time / bare_time,
            "ratio of the medians": statistics.median(ours_times) / statistics.median(bare_times),
            f"our build, processor time, least of {RUNS} (s)": min(ours_cpu),
            f"bare build, processor time, least of {RUNS} (s)": min(bare_cpu),
            "ratio of processor times": min(ours_cpu) / min(bare_cpu),
            "index head (zoeken/index.json) gzip (KB)": gz(zoeken / "index.json") / 1e3,
            "index parts: count": len(parts),
            "index parts: all together gzip (KB)": sum(gz(p) for p in parts) / 1e3,
            "finder facts (aanbod/feiten.json) gzip (KB)": gz(aanbod / "feiten.json") / 1e3,
            "finder places (aanbod/plekken.json) gzip (KB)": gz(aanbod / "plekken.json") / 1e3,
            "finder titles, for the map (aanbod/titels.json) gzip (KB)": gz(aanbod / "titels.json")
            / 1e3,
            "a card file (aanbod/kaartjes/N.json, 8 offers), mean gzip (KB)": statistics.mean(
                gz(c) for c in cards[:500]
            )
            / 1e3,
            "Material search index gzip (KB)": gz(bare / "site" / "search" / "search_index.json")
            / 1e3,
        }
        print(f"\n{n} offers")
        cpu, wall = rows["ratio of processor times"], rows["ratio"]
        verdict = "goal met" if cpu <= GOAL else "goal not met"
        print(
            f"  >>> full build / bare Material build: {cpu:.2f}x processor time "
            f"(goal: at most {GOAL:.2f}x, {verdict}), {wall:.2f}x wall clock",
            flush=True,
        )
        _print(rows)
        _print_phases(phase_table(ours, bare))
        if BROWSER:
            _print(browser_figures(ours / "site"))


def phase_table(ours: Path, bare: Path) -> dict[str, tuple[float, float]]:
    """Processor time per phase of one more build of each (bench/phases.py): ours, bare."""
    found = []
    for root in (ours, bare):
        done = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("phases.py")), root, root / "site"],
            cwd=root,
            env={**env(), "SITE_URL": "http://127.0.0.1/"},
            check=True,
            capture_output=True,
            text=True,
        )
        found.append(json.loads(done.stdout))
    return {phase: (found[0][phase], found[1][phase]) for phase in found[0]}


def _print_phases(rows: dict[str, tuple[float, float]]) -> None:
    print(f"  {'processor time by phase (s), one build each':66} {'ours':>10} {'bare':>10}")
    for name, (ours, bare) in rows.items():
        print(f"    {name:64} {ours:10.2f} {bare:10.2f}", flush=True)


def _print(rows: dict[str, float]) -> None:
    for name, value in rows.items():
        print(f"  {name:66} {value:10.2f}", flush=True)


def main() -> None:
    demo()
    for n in SIZES:
        synthetic(n)
    for n in PREVIEW_SIZES:
        preview(n)
    guards.main()


if __name__ == "__main__":
    main()
