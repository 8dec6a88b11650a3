"""Only our own scripts run, in a real browser: no page type breaks the Content-Security-Policy,
and a script or event attribute forced into a page's text stays inert.

The policy allows exactly the inline scripts that our templates write (csp.own_scripts). A clean
site must never trip it: every page type is loaded and the browser's `securitypolicyviolation`
events and console messages are read. A copy of regio-a with code in a content page and a
partner's text, built past make check (which refuses it), is served next: `window.pwned` stays
undefined.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from build.test_payloads import content_payload_build

from .harness import HEIGHT, SUB_PATH, TIMEOUT_MS, demo_site, serving, visit
from .test_smoke import PAGES, PageType, url_of

# Every violation the page reports, from before its first script runs.
_RECORD_VIOLATIONS = """
window.__swViolations = [];
document.addEventListener('securitypolicyviolation', event => {
    window.__swViolations.push(
        `${event.violatedDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
});
"""


def _more_page_types() -> list[PageType]:
    """The page types the smoke test does not open: a toolkit page with an aligned table, the
    agenda and an event, and a hand-written page."""
    event = demo_site().komend[0]
    return [
        PageType("toolkit-tabel", path="toolkit/waarom-samenwerken/"),
        PageType("agenda", path="agenda/"),
        PageType("evenement", path=event.url),
        PageType("hulp-kosten", path="hulp/kosten/"),
        PageType("coordinatoren", path="coordinatoren/"),
    ]


ALL_PAGES = PAGES + _more_page_types()


def policy_messages(messages: list[str]) -> list[str]:
    return [m for m in messages if "Content Security Policy" in m or "Refused to" in m]


@pytest.mark.parametrize("page_type", ALL_PAGES, ids=lambda page_type: page_type.name)
def test_no_page_type_breaks_the_policy(page, server, page_type):
    """The guard fails the test on any console error as well; this names the policy's own."""
    page.add_init_script(_RECORD_VIOLATIONS)
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    visit(page, url_of(page_type, server), status=page_type.status)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__swViolations") == []
    assert policy_messages(messages) == []


def test_an_aligned_table_column_is_aligned_without_a_style_attribute(page):
    """toolkit/waarom-samenwerken has a table whose number columns are right-aligned."""
    visit(page, "toolkit/waarom-samenwerken/")
    cell = page.locator("td[align=right]").first
    # Chromium maps the align attribute to its own name for right alignment
    assert cell.evaluate("el => getComputedStyle(el).textAlign") in ("right", "-webkit-right")
    left = page.locator("td:not([align])").first
    assert left.evaluate("el => getComputedStyle(el).textAlign") in ("left", "start")
    assert page.locator("[style*='text-align']").count() == 0


# --- a payload built past make check ----------------------------------------------------------


@pytest.fixture(scope="module")
def payload_server(tmp_path_factory):
    """regio-a with code in content/payload.md and in a partner's text, built past make check,
    served below /sportwijzer/ as the demo is."""
    build = content_payload_build(tmp_path_factory)
    with serving(build.site, "payload-server") as url:
        yield url


@pytest.mark.traag  # a build of its own
@pytest.mark.parametrize("path", ["payload/", "partners/judoclub-de-mat/"])
def test_a_forced_payload_stays_inert(browser, payload_server, path):
    context = browser.new_context(viewport={"width": 1280, "height": HEIGHT})
    context.set_default_timeout(TIMEOUT_MS)
    context.route("**/*", _only_from(payload_server))
    page = context.new_page()
    page.add_init_script(_RECORD_VIOLATIONS)
    try:
        response = page.goto(urljoin(payload_server, path), wait_until="networkidle")
        assert response is not None and response.status == 200
        html = page.content()
        assert "window.pwned=1" in html  # the payload is there, as markup or as text
        # networkidle: the broken image's request is over, so its onerror has had its chance
        assert page.evaluate("() => typeof window.pwned") == "undefined"
        assert page.evaluate("() => typeof window.titel") == "undefined"
        violations = page.evaluate("() => window.__swViolations")
        if path == "payload/":  # the raw script and the event attribute, both refused
            assert any(v.startswith("script-src-elem inline") for v in violations), violations
            assert any(v.startswith("script-src-attr inline") for v in violations), violations
        else:  # the partner's text is rendered as text: nothing to refuse
            assert violations == []
    finally:
        context.close()


def _only_from(base_url: str):
    """Requests to another origin are aborted: the payload site must not reach out either."""

    def route(route) -> None:
        if route.request.url.startswith(base_url.split(SUB_PATH)[0]):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    return route
