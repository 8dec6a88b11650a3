"""Nothing leaves the site's origin: a Content-Security-Policy on every page, no cookies, no
inline event handlers. (The request guard in conftest.py fails every test that makes a request
to another host.)"""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from .harness import expect_refused, fetch, links_in, visit, wait_ready

_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
_HANDLER = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.S)


def site_pages(server: str) -> dict[str, str]:
    """Every HTML page reachable from the home page and the 404 page: url -> html."""
    pages: dict[str, str] = {}
    queue = deque([server, urljoin(server, "bestaat-niet/")])
    while queue:
        url = queue.popleft()
        if url in pages:
            continue
        answer = fetch(url)
        if not answer.is_html:
            continue
        pages[url] = answer.text
        for link in links_in(answer.text):
            target = urldefrag(urljoin(url, link.value)).url
            if target.startswith(server) and target not in pages and link.tag == "a":
                queue.append(target)
    return pages


@pytest.fixture(scope="module")
def pages(server):
    found = site_pages(server)
    assert len(found) > 100
    return found


def test_every_page_has_a_policy_that_allows_only_its_own_origin(pages, server):
    tile_host = "http://127.0.0.1"  # the stand-in tiles of the test build live on this origin
    for url, html in pages.items():
        match = _CSP.search(html)
        assert match, f"{url}: no Content-Security-Policy"
        assert html.index(match.group(0)) < html.index("<script"), f"{url}: policy after a script"
        rules = dict(rule.strip().split(" ", 1) for rule in match.group(1).split(";"))
        assert rules["default-src"] == "'self'", url
        assert rules["object-src"] == "'none'", url
        sources = rules["script-src"].split()
        assert sources[0] == "'self'" and all(s.startswith("'sha256-") for s in sources[1:]), url
        images = rules["img-src"].split()
        assert all(s in ("'self'", "data:") or s.startswith(tile_host) for s in images), url
        assert "unsafe-inline" not in match.group(1) and "*" not in match.group(1), url


def test_no_inline_event_handlers(pages):
    offenders = [url for url, html in pages.items() if _HANDLER.search(html)]
    assert offenders == []


def test_the_policy_stops_what_the_guard_would_catch(page):
    """Even if a script tried: the browser itself refuses a request to another host."""
    visit(page, "aanbod/")
    expect_refused(page, "https://tracker.invalid/pixel.gif")
    outcome = page.evaluate(
        """() => new Promise(resolve => {
            document.addEventListener('securitypolicyviolation',
                event => resolve(event.violatedDirective), {once: true});
            const img = document.createElement('img');
            img.src = 'https://tracker.invalid/pixel.gif';
            document.body.append(img);
        })"""
    )
    assert outcome == "img-src"


def test_no_cookies_and_nothing_in_the_url_but_the_choices(page):
    visit(page, "aanbod/?beperking=visueel")
    page.locator("#sw-q").fill("judo")
    wait_ready(page, "finder")
    assert page.evaluate("() => document.cookie") == ""
    assert page.context.cookies() == []
    assert urlsplit(page.url).query == "q=judo&beperking=visueel"


def test_privacy_and_accessibility_pages_are_linked_from_every_page(pages, server):
    for url, html in list(pages.items())[:40]:
        for target in ("privacy/", "toegankelijkheid/"):
            hrefs = [urljoin(url, link.value) for link in links_in(html) if link.tag == "a"]
            assert urljoin(server, target) in hrefs, f"{url} does not link to {target}"
