"""The pieces of the browser tests: build, static server, Chromium, request guard and axe.

The fixtures in conftest.py put these together; tests import the helpers from here:

    from .harness import WIDTHS, assert_no_axe_violations, set_width, visit
"""

from __future__ import annotations

import contextlib
import functools
import importlib.resources
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
SUB_PATH = "/sportwijzer/"  # the site lives below this path, as a GitHub Pages project site does
WIDTHS = (320, 1280)  # a small phone and a desktop screen, in CSS pixels
HEIGHT = 800
TILE_PATH = "tegels-test/"  # below the base URL: where the stand-in map tiles are
TIMEOUT_MS = 10_000


@functools.cache
def demo_site():
    """The demo region as the session's build sees it, loaded once per process: the build day is
    today in Amsterdam (dt.date.today() on a UTC machine is a day behind from 23:00 to 24:00)."""
    from sportwijzer.base.dates import today_in_amsterdam
    from sportwijzer.site import load_site

    return load_site(REPO, today=today_in_amsterdam()).site


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # A key or wheel scrolls at once, not in a smooth animation: a test reads the place it
    # scrolled to right after the key, even on a page without JavaScript (where nothing polls).
    "--disable-smooth-scrolling",
]

# axe-core rules to run: WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus Deque's best practices.
AXE_TAGS = [
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22a",
    "wcag22aa",
    "best-practice",
]


# --- building -------------------------------------------------------------------------------


def build_site(site_dir: Path, site_url: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the repository's own demo region, as `make build` runs it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    # Map tiles come from a stand-in on the test server (test_finder.py answers them), so a
    # click on the map never reaches a real tile server.
    tiles = f"{site_url}{TILE_PATH}{{z}}/{{x}}/{{y}}.png"
    env.update(NO_MKDOCS_2_WARNING="1", SITE_URL=site_url, KAART_TEGELS=tiles)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


# --- serving --------------------------------------------------------------------------------


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site below SUB_PATH only; anything else is 404.

    Unknown paths below SUB_PATH get the site's own 404.html (status 404), as on GitHub Pages.
    Folders without an index.html are 404 too: no directory listings.
    """

    def _under_sub_path(self) -> bool:
        return urlsplit(self.path).path.startswith(SUB_PATH)

    def send_head(self):
        if not self._under_sub_path():
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        rest = urlsplit(path).path[len(SUB_PATH) - 1 :]
        return super().translate_path(rest)

    def list_directory(self, path):
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not self._under_sub_path() or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # keep the test output clean
        pass


def make_server(site_dir: Path) -> ThreadingHTTPServer:
    """A server bound to a free port on 127.0.0.1; call serve_forever() once the site is built."""
    handler = functools.partial(SiteHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    return server


@contextlib.contextmanager
def serving(site_dir: Path, name: str):
    """A built site served in a daemon thread while the block runs; gives its base URL (ending in
    /sportwijzer/), for a module's own build of a changed region."""
    httpd = make_server(site_dir)
    thread = threading.Thread(target=httpd.serve_forever, name=name, daemon=True)
    thread.start()
    host, port = httpd.server_address[:2]
    try:
        yield f"http://{host}:{port}{SUB_PATH}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# --- plain HTTP (no browser) ---------------------------------------------------------------


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an answer of its own, not a 200


# No proxies from the environment: the test server is on this machine.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects)


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes

    @property
    def is_html(self) -> bool:
        return self.content_type.split(";")[0].strip() == "text/html"

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(url: str) -> Answer:
    """GET with urllib; redirects and errors are answers too."""
    assert urlsplit(url).hostname == "127.0.0.1", f"tests fetch only from the test server: {url}"
    try:
        with _OPENER.open(url, timeout=10) as response:
            return Answer(
                response.status, response.headers.get("Content-Type", ""), response.read()
            )
    except urllib.error.HTTPError as error:
        with error:
            return Answer(error.code, error.headers.get("Content-Type", ""), error.read())


@dataclass(frozen=True)
class Link:
    tag: str
    attribute: str  # href, src or srcset
    value: str
    rel: str = ""

    @property
    def is_asset(self) -> bool:
        """Loaded by the browser with the page (an image, script, stylesheet, icon …)."""
        if self.attribute in ("src", "srcset"):
            return True
        rels = set(self.rel.lower().split())
        return self.tag == "link" and bool(
            rels & {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}
        )


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        rel = values.get("rel") or ""
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(Link(tag, name, values[name].strip(), rel))
        for candidate in (values.get("srcset") or "").split(","):
            if candidate.strip():
                self.links.append(Link(tag, "srcset", candidate.split()[0], rel))


def links_in(html: str) -> list[Link]:
    """Every href, src and srcset URL in the HTML, in document order."""
    parser = _LinkParser()
    parser.feed(html)
    parser.close()
    return parser.links


# --- the browser ----------------------------------------------------------------------------


def chromium_path() -> str:
    """Debian's Chromium. Missing is a failure, never a skip."""
    path = shutil.which("chromium")
    if not path:
        pytest.fail(
            "Chromium is not installed, so the browser tests cannot run. "
            "Install Debian's package: `apt-get install -y chromium` (.ci/run does this).",
            pytrace=False,
        )
    return path


@dataclass
class Guard:
    """Watches one browser context: requests off the site's origin, console errors, bad answers.

    Every request to another origin is recorded and aborted: nothing may leave the site.
    """

    base_url: str
    third_party: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    expected_status: dict[str, int] = field(default_factory=dict)
    refused_by_policy: set[str] = field(default_factory=set)  # a test expects the CSP to refuse
    _blocked: set[str] = field(default_factory=set)

    @property
    def origin(self) -> str:
        return origin(self.base_url)

    def watch(self, context) -> None:
        context.route("**/*", self._route)
        context.route_web_socket("**/*", self._route_web_socket)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.page_errors.append(str(error.error)))
        context.on("response", self._response)
        context.on("requestfailed", self._request_failed)

    def _route(self, route) -> None:
        request = route.request
        if origin(request.url) == self.origin:
            route.continue_()
            return
        self._blocked.add(request.url)
        self.third_party.append(f"{request.method} {request.url} ({request.resource_type})")
        route.abort("blockedbyclient")

    def _route_web_socket(self, ws) -> None:
        self._blocked.add(ws.url)
        self.third_party.append(f"WebSocket {ws.url}")
        ws.close()

    def _console(self, message) -> None:
        if message.type != "error":
            return
        where = message.location.get("url", "")
        if message.text.startswith("Failed to load resource") and (
            where in self._blocked or where in self.expected_status
        ):
            return  # reported as a third-party request, or a status the test asked for
        if any(f"'{url}'" in message.text for url in self.refused_by_policy):
            return  # the policy refused what the test made the page try
        line = message.location.get("lineNumber", "")
        self.console_errors.append(f"{message.text} ({where}:{line})")

    def _response(self, response) -> None:
        if origin(response.url) != self.origin or response.status < 400:
            return
        if self.expected_status.get(response.url) != response.status:
            self.bad_responses.append(f"{response.status} {response.url}")

    def _request_failed(self, request) -> None:
        if request.failure == "net::ERR_ABORTED":
            return  # the page went on before it came (a favicon when a link is followed at once)
        if request.url not in self._blocked and request.url not in self.refused_by_policy:
            self.bad_responses.append(f"failed: {request.url} ({request.failure})")

    def problems(self) -> list[str]:
        sections = [
            ("requests that left the site's origin (aborted)", self.third_party),
            ("console errors", self.console_errors),
            ("uncaught JavaScript errors", self.page_errors),
            ("failed or unexpected error responses", self.bad_responses),
        ]
        return [
            f"{title}:\n" + "\n".join(f"  - {item}" for item in items)
            for title, items in sections
            if items
        ]


_GUARDS: dict[object, Guard] = {}  # page -> its guard, while the `page` fixture runs


def register(page, guard: Guard) -> None:
    _GUARDS[page] = guard


def unregister(page) -> None:
    _GUARDS.pop(page, None)


def url_for(page, path: str = "") -> str:
    """The address of a page of the test site (path relative to the base URL)."""
    return urljoin(_GUARDS[page].base_url, path)


def expect_aborted(page, url: str) -> None:
    """The test cuts this request off itself (as a dropped connection does): its failure and
    its console line are no finding."""
    _GUARDS[page]._blocked.add(url)


def expect_refused(page, url: str) -> None:
    """The test makes the page try this URL and expects the Content-Security-Policy to refuse it."""
    _GUARDS[page].refused_by_policy.add(url)


def visit(page, path: str = "", *, status: int = 200):
    """Open a page of the test site (path relative to the base URL) and check its HTTP status.

    A status other than 200 is then no failure for the guard either.
    """
    guard = _GUARDS[page]
    url = urljoin(guard.base_url, path)
    if status != HTTPStatus.OK:
        guard.expected_status[url] = status
    response = page.goto(url, wait_until="networkidle")
    assert response is not None, f"no response for {url}"
    assert response.status == status, f"{url}: status {response.status}, expected {status}"
    return response


def wait_until_settled(page) -> None:
    """Wait until the page has done what it does on its own: no request for half a second, and
    every script that started has said it is done, with no region busy (wait_ready). A test that
    asserts that nothing happened asserts it after this, not after a fixed time."""
    page.wait_for_load_state("networkidle")
    wait_ready(page)


_READY = """(wanted) => {
  const root = document.documentElement;
  const ready = (root.getAttribute("data-ready") || "").split(" ");
  return !root.getAttribute("data-waiting")
    && wanted.every((name) => ready.includes(name))
    && !document.querySelector('[aria-busy="true"]');
}"""


def wait_ready(page, *names: str, timeout_ms: int = 10_000) -> None:
    """Wait for the page's one ready signal (content/javascripts/ready.js): no script still at
    work (`data-waiting` on <html> is empty), each script named here finished at least once
    (its name is in `data-ready`), and no region is `aria-busy`. Name a script when the test
    makes it start (typing in the search box starts zoekbalk), so the wait cannot pass before
    it began."""
    page.wait_for_function(_READY, arg=list(names), timeout=timeout_ms)


def set_width(page, width: int, height: int = HEIGHT) -> None:
    """Set the viewport width in CSS pixels (e.g. 320 for a small phone, 1280 for a desktop)."""
    page.set_viewport_size({"width": width, "height": height})


# Whether an element can be seen: a box of its own inside the window, opaque, not hidden, and on
# top at its centre (not covered by something else, not clipped away).
_IN_SIGHT = """el => {
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || Number(style.opacity) < 1) return false;
    // A link that wraps over two lines has a box per line: one of them must be in sight.
    return [...el.getClientRects()].some(r => {
        if (r.width < 1 || r.height < 1) return false;
        if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) {
            return false;
        }
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && (hit === el || el.contains(hit));
    });
}"""

_DESCRIBE = r"""el => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const box = [r.left, r.top, r.width, r.height].map(Math.round).join(',');
    const html = el.outerHTML.replace(/\s+/g, ' ').slice(0, 160);
    return `${html} box=${box} opacity=${s.opacity} visibility=${s.visibility}`;
}"""


def focused(page):
    """The element that has the focus now (an ElementHandle)."""
    return page.evaluate_handle("() => document.activeElement")


# Resolves when every animation and transition that will end has ended (one that ends starts
# another: up to ten rounds). It awaits the animations' own `finished` promises, which settle
# on a page without JavaScript too (that page runs no timers or frames to poll with). An
# animation that runs forever is not waited for.
_SETTLED = """async () => {
    for (let round = 0; round < 10; round++) {
        const running = document.getAnimations().filter(a => a.playState === 'running'
            && Number.isFinite(a.effect.getComputedTiming().endTime));
        if (!running.length) return;
        await Promise.all(running.map(a => a.finished.catch(() => null)));
    }
}"""


def assert_in_sight(page, element, what: str) -> None:
    """Once transitions have ended, the element can be seen; else fail with its box and style.

    Checking the settled state, not the first moment it is in sight, keeps an element that only
    slides past the window from passing.
    """
    page.evaluate(_SETTLED)
    if not element.evaluate(_IN_SIGHT):
        pytest.fail(f"{what} is out of sight: {element.evaluate(_DESCRIBE)}", pytrace=False)


# --- axe-core -------------------------------------------------------------------------------


@functools.cache
def axe_source() -> str:
    """axe.min.js from the pinned axe-playwright-python wheel (not copied into this repository)."""
    files = importlib.resources.files("axe_playwright_python")
    return files.joinpath("axe.min.js").read_text(encoding="utf-8")


@functools.cache
def axe_version() -> str:
    match = re.search(r"axe v(\d+\.\d+\.\d+)", axe_source()[:200])
    return match.group(1) if match else "unknown"


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now; the violations of WCAG 2.x A/AA and best practice."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = page.evaluate("options => axe.run(document, options)", options)
    return results["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"    at {target}")
            summary = " ".join((node.get("failureSummary") or "").split())
            if summary:
                lines.append(f"       {summary[:300]}")
    return "\n".join(lines)


def assert_no_axe_violations(page, label: str = "") -> None:
    """Fail with every violation: rule id, impact, help and the selectors of its elements."""
    violations = axe_violations(page)
    if violations:
        where = label or page.url
        pytest.fail(
            f"{where}: axe-core {axe_version()} found {len(violations)} violation(s):\n"
            + format_violations(violations),
            pytrace=False,
        )
