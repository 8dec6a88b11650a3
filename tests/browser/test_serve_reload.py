"""`make serve` in a browser: the error page loads the real page again by itself once the data is
fixed, as the live reload does for a page of the site (hooks/sportwijzer_serve.py)."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from tests.conftest import make_site

WAIT_MS = 180_000  # generous: a busy machine; every wait ends at what the page shows


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _lines(stream) -> queue.Queue[str | None]:
    """The stream's lines as they come, read in a thread (so the pipe never fills); None at
    its end."""
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def _wait_until_serving(lines: queue.Queue[str | None]) -> None:
    """Until MkDocs says 'Serving on': its first build is done and the port listens (a request
    waits there until the server takes it). Fails with what it said if it stops first."""
    said: list[str] = []
    while True:
        try:
            line = lines.get(timeout=WAIT_MS / 1000)
        except queue.Empty:
            pytest.fail("make serve said nothing for too long:\n" + "".join(said))
        if line is None:
            pytest.fail("make serve stopped before it served:\n" + "".join(said))
        if "Serving on " in line:
            return
        said.append(line)


@pytest.fixture
def served(tmp_path):
    """A copy of regio-a served by the same command as `make serve`."""
    (tmp_path / "bron").mkdir()
    root = make_site(tmp_path / "bron")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": "hooks", "POORT": str(port), "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "sportwijzer_serve"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_serving(_lines(process.stderr))
        yield root, url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


@pytest.mark.traag
def test_the_error_page_turns_into_the_page_once_the_data_is_fixed(served, browser):
    root, url = served
    offer: Path = root / "offers" / "g-judo-zwolle.yml"
    good = offer.read_text(encoding="utf-8")
    page = browser.new_context().new_page()
    page.goto(url + "aanbod/g-judo-zwolle/")
    page.locator("h1").first.wait_for(timeout=WAIT_MS)

    offer.write_text(good.replace("sport: judo", "sport: jduo"), encoding="utf-8")
    errors = page.locator("#sw-voorbeeld-fouten")  # the live reload brings the error page
    errors.wait_for(timeout=WAIT_MS)
    assert "g-judo-zwolle.yml" in errors.inner_text()
    assert page.locator("html").get_attribute("lang") == "nl"

    offer.write_text(good, encoding="utf-8")
    errors.wait_for(state="detached", timeout=WAIT_MS)  # the error page's own script reloads
    assert page.locator("h1").first.is_visible()
    assert "sw-voorbeeld-fouten" not in page.content()
    page.context.close()
