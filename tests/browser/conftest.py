"""Fixtures for the browser tests: the demo site built once, served below /sportwijzer/, Chromium.

- `built_site`: the repository's own demo region, built once per session with `--strict`.
- `server`: the base URL, e.g. http://127.0.0.1:PORT/sportwijzer/ (a local thread, no network).
- `browser`: Debian's Chromium via Playwright; a missing Chromium fails, it never skips.
- `page`: a fresh page in a fresh context. Every request off the site's origin is aborted and
  fails the test at teardown, and so does any console error, uncaught error or unexpected
  error response. Open pages with `visit(page, "aanbod/")` from harness.py.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from .harness import (
    CHROMIUM_ARGS,
    HEIGHT,
    SUB_PATH,
    TIMEOUT_MS,
    Guard,
    build_site,
    chromium_path,
    make_server,
    register,
    unregister,
)


@pytest.fixture(scope="session")
def _site_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("browser") / "site"


@pytest.fixture(scope="session")
def _http_server(_site_dir):
    """The server, bound to a free port before the build so the site knows its own URL."""
    httpd = make_server(_site_dir)
    yield httpd
    httpd.server_close()


@pytest.fixture(scope="session")
def base_url(_http_server) -> str:
    host, port = _http_server.server_address[:2]
    return f"http://{host}:{port}{SUB_PATH}"


@pytest.fixture(scope="session")
def built_site(_site_dir, base_url) -> Path:
    result = build_site(_site_dir, base_url)
    if result.returncode != 0:
        log = (result.stdout + result.stderr).strip()
        pytest.fail(f"mkdocs build failed (exit {result.returncode}):\n{log}", pytrace=False)
    return _site_dir


@pytest.fixture(scope="session")
def server(built_site, _http_server, base_url):
    """Serves the built site in a daemon thread; yields its base URL (ending in /sportwijzer/)."""
    thread = threading.Thread(target=_http_server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield base_url
    _http_server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    except Exception as error:
        playwright.stop()
        pytest.fail(f"Chromium ({executable}) did not start: {error}", pytrace=False)
    yield browser
    browser.close()
    playwright.stop()


def _guarded_page(browser, server, **options):
    guard = Guard(base_url=server)
    context = browser.new_context(
        base_url=server,
        viewport={"width": 1280, "height": HEIGHT},
        service_workers="block",  # so that every request passes the guard's route
        **options,
    )
    context.set_default_timeout(TIMEOUT_MS)
    guard.watch(context)
    page = context.new_page()
    register(page, guard)
    yield page
    last_url = page.url
    context.close()
    unregister(page)
    problems = guard.problems()
    if problems:
        pytest.fail(f"{last_url}:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def page(browser, server):
    yield from _guarded_page(browser, server)


@pytest.fixture
def page_without_js(browser, server):
    """The same, with JavaScript switched off: what the site is without its scripts."""
    yield from _guarded_page(browser, server, java_script_enabled=False)
