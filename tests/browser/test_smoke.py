"""First browser tests: every page type is accessible, on a phone and on a desktop.

To test another page type, add a line to PAGES.
"""

from __future__ import annotations

import functools
from collections import deque
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from .harness import (
    SUB_PATH,
    WIDTHS,
    assert_in_sight,
    assert_no_axe_violations,
    demo_site,
    fetch,
    focused,
    links_in,
    set_width,
    visit,
)

NOT_FOUND_PATH = "bestaat-niet/ook-niet/"  # two levels deep: the 404 page must work at any depth


@dataclass(frozen=True)
class PageType:
    """One kind of page. Give `path`, or `first_link_on`: the first link on that list page to a
    page below it (so the test follows the data instead of naming a demo page)."""

    name: str
    path: str = ""
    first_link_on: str | None = None
    status: int = 200


def _demo_offer(minimal: bool) -> str:
    """The demo offer with the most (or the fewest) fields: a full and a minimal offer page."""
    site = demo_site()
    offers = sorted(site.gepubliceerd, key=lambda o: (len(o.fields), o.slug))
    return (offers[0] if minimal else offers[-1]).url


def _stopped_offer() -> str:
    """A stopped demo offer: its page stays, so that links to it keep working."""
    site = demo_site()
    return min(o.url for o in site.aanbod.values() if not o.is_published)


PAGES = [
    PageType("home", path=""),
    PageType("aanbod-lijst", path="aanbod/"),
    PageType("aanbod-lijst-pagina", path="aanbod/pagina/2/"),  # the static list, without JS
    PageType("partner-lijst", path="partners/"),
    PageType("aanbod", first_link_on="aanbod/"),
    PageType("aanbod-volledig", path=_demo_offer(minimal=False)),
    PageType("aanbod-minimaal", path=_demo_offer(minimal=True)),
    PageType("aanbod-gestopt", path=_stopped_offer()),
    PageType("partner", first_link_on="partners/"),
    PageType("sport-overzicht", path="sport/"),
    PageType("sport", first_link_on="sport/"),
    PageType("beperking", first_link_on="beperking/"),
    PageType("gemeente", first_link_on="gemeente/"),
    PageType("keuzehulp", path="keuzehulp/"),
    PageType("hulp", path="hulp/vervoer/"),
    PageType("open-data", path="open-data/"),
    PageType("toolkit", path="toolkit/"),
    PageType("toolkit-meerkamp", path="toolkit/meedoen-meerkamp/"),
    PageType("toolkit-zelftest", path="toolkit/zelftest/"),
    PageType("toolkit-stap", path="toolkit/stap-1-initiatief/"),
    PageType("toolkit-werkvormen", path="toolkit/werkvormen/"),
    PageType("samenwerkingsverband", path="samenwerkingsverband/"),
    PageType("regio-analyse", path="regio-analyse/"),
    PageType("aanmelden", path="aanmelden/"),
    PageType("privacy", path="privacy/"),
    PageType("toegankelijkheid", path="toegankelijkheid/"),
    PageType("404", path=NOT_FOUND_PATH, status=404),
]


@functools.cache
def first_link_below(list_url: str) -> str:
    answer = fetch(list_url)
    assert answer.status == 200, f"{list_url}: status {answer.status}"
    for link in links_in(answer.text):
        target = urldefrag(urljoin(list_url, link.value)).url
        if link.tag == "a" and target.startswith(list_url) and target != list_url:
            return target
    raise AssertionError(f"{list_url} links to no page below it")


def url_of(page_type: PageType, base_url: str) -> str:
    if page_type.first_link_on is not None:
        return first_link_below(urljoin(base_url, page_type.first_link_on))
    return urljoin(base_url, page_type.path)


@pytest.mark.parametrize("width", WIDTHS, ids=lambda width: f"{width}px")
@pytest.mark.parametrize("page_type", PAGES, ids=lambda page_type: page_type.name)
def test_page_is_accessible(page, server, page_type, width):
    set_width(page, width)
    url = url_of(page_type, server)
    visit(page, url, status=page_type.status)

    problems = []
    lang = page.locator("html").get_attribute("lang")
    if lang != "nl":
        problems.append(f"<html lang> is {lang!r}, not 'nl'")
    headings = page.locator("h1").all_inner_texts()
    if len(headings) != 1:
        problems.append(f"{len(headings)} h1 elements instead of 1: {headings}")
    if not page.title().strip():
        problems.append("the <title> is empty")
    scroll_width, inner_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    if scroll_width > inner_width:
        problems.append(f"scrolls sideways: {scroll_width}px content in a {inner_width}px window")
    assert not problems, f"{url} at {width}px:\n" + "\n".join(f"- {p}" for p in problems)

    assert_no_axe_violations(page, f"{page_type.name} ({url}) at {width}px")


def test_every_page_type_has_its_own_title(page, server):
    titles: dict[str, str] = {}
    for page_type in PAGES:
        visit(page, url_of(page_type, server), status=page_type.status)
        titles[page_type.name] = page.title().strip()
    assert all(titles.values()), titles
    assert len(set(titles.values())) == len(titles), f"titles are not unique: {titles}"


def test_every_internal_link_and_asset_answers_200(server):
    """Breadth-first from the home page (and the 404 page) over every href, src and srcset."""
    site = urlsplit(server)
    problems: list[str] = []
    seen = {server}
    queue: deque[tuple[str, str]] = deque([(server, "the start")])

    def follow(page_url: str, html: str) -> None:
        for link in links_in(html):
            target = urldefrag(urljoin(page_url, link.value)).url
            if target == page_url:
                continue  # a link within the page, e.g. the skip link
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https"):
                continue  # mailto:, tel:, data: …
            if parts.netloc != site.netloc:
                if link.is_asset:
                    problems.append(f"{page_url}: <{link.tag} {link.attribute}> from {target}")
                continue  # a link to another site: not ours to check
            if not parts.path.startswith(SUB_PATH):
                problems.append(f"{page_url}: {link.value!r} points outside {SUB_PATH}")
            elif target not in seen:
                seen.add(target)
                queue.append((target, page_url))

    not_found = urljoin(server, NOT_FOUND_PATH)
    answer = fetch(not_found)
    assert answer.status == 404, f"{not_found}: status {answer.status}"
    follow(not_found, answer.text)

    while queue:
        url, referrer = queue.popleft()
        answer = fetch(url)
        if answer.status != 200:
            problems.append(f"{url}: status {answer.status} (linked from {referrer})")
        elif answer.is_html:
            follow(url, answer.text)

    assert not problems, "\n".join(problems)
    for section in ("aanbod/", "partners/"):
        below = [url for url in seen if url.startswith(urljoin(server, section))]
        assert len(below) > 1, f"the crawl found no pages below {section}"


@pytest.mark.parametrize("width", WIDTHS, ids=lambda width: f"{width}px")
def test_first_tab_stop_is_a_visible_skip_link_to_the_main_content(page, width):
    set_width(page, width)
    visit(page, "")
    page.keyboard.press("Tab")
    link = focused(page)
    about = link.evaluate(
        """el => {
            const href = el.getAttribute('href') || '';
            const id = href.startsWith('#') ? decodeURIComponent(href.slice(1)) : null;
            const target = id ? document.getElementById(id) : null;
            const main = document.querySelector('main');
            return {
                html: el.outerHTML.slice(0, 200),
                tag: el.tagName,
                href,
                text: el.innerText.trim(),
                target: Boolean(target),
                inMain: Boolean(target && main && (main === target || main.contains(target))),
            };
        }"""
    )
    assert about["tag"] == "A" and about["href"].startswith("#"), (
        f"the first Tab stop is no skip link: {about['html']}"
    )
    assert about["text"], f"the skip link has no text: {about['html']}"
    assert about["target"], f"the skip link's target {about['href']} does not exist"
    assert about["inMain"], f"the skip link's target {about['href']} is not in <main>"
    assert_in_sight(page, link, "the focused skip link")


def test_without_javascript_the_drawer_links_are_in_sight_when_focused_on_a_phone(
    page_without_js,
):
    """At 320 px the navigation is a drawer off-screen; its Tab stops must not be invisible.

    Without JavaScript the menu button is the theme's <label>, which a keyboard cannot reach: the
    links themselves are the way in, and the drawer comes into sight while one has the focus.
    (With JavaScript the closed drawer takes no focus at all: test_menu_keyboard.py.)
    Forward at a slow pace, then quickly forward (no pause between keys, as a practised keyboard
    user tabs) and slowly back again: quick keys must not leave the drawer in a wrong state.
    """
    page = page_without_js
    set_width(page, 320)
    visit(page, "")
    drawer = page.locator(".md-sidebar--primary")
    first = drawer.locator("a[href]").first

    def walk(key: str, check: bool) -> int:
        stops = 0
        while drawer.evaluate("(el) => el.contains(document.activeElement)"):
            stops += 1
            if check:
                assert_in_sight(page, focused(page), f"{key} stop {stops} in the navigation drawer")
            page.keyboard.press(key)
            assert stops < 100, "the focus does not leave the navigation drawer"
        return stops

    first.focus()
    stops = walk("Tab", check=True)
    assert stops > 1, "the navigation drawer has no Tab stops"
    first.focus()
    assert walk("Tab", check=False) == stops
    page.keyboard.press("Shift+Tab")  # back into the drawer, at its last stop
    assert walk("Shift+Tab", check=True) == stops
