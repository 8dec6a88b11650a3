"""`make serve` in a browser: the error page loads the real page again by itself once the data is
fixed, as the live reload does for a page of the site (hooks/sportwijzer_serve.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SERVE_WAIT, make_site, serving

WAIT_MS = SERVE_WAIT * 1000  # every wait ends at what the page shows


@pytest.fixture
def served(tmp_path):
    """A copy of regio-a served by the same command as `make serve`."""
    (tmp_path / "bron").mkdir()
    root = make_site(tmp_path / "bron")
    with serving(root, tmp_path / "serve.log") as url:
        yield root, url


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
