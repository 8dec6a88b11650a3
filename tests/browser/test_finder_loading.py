"""The finder while its files load, and after Back: what someone types before it is ready counts,
a search in the address is never answered by the static list, and Back from an offer puts the
focus on the link that was followed, where it was.

The finder's files are held back with page.route till the test lets them go: the test decides
when the finder is ready, not the speed of the machine.
"""

from __future__ import annotations

import re

import pytest

from .harness import (
    assert_in_sight,
    expect_aborted,
    focused,
    url_for,
    visit,
    wait_ready,
    wait_until_settled,
)
from .test_finder import expected, search_of, shown

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}
FACTS = "aanbod/feiten.json"
SEARCHING = "Even zoeken…"

# How many static cards can be seen (a box of their own, not visibility: hidden).
VISIBLE_CARDS = """() => [...document.querySelectorAll('#sw-resultaten > li')].filter(li => {
    const box = li.getBoundingClientRect();
    return getComputedStyle(li).visibility === 'visible' && box.width > 0 && box.height > 0;
}).length"""


def open_holding(page, path: str, held_file: str) -> list:
    """Open `path` with `held_file` (below the base URL) held back; returns the held route once
    the page has asked for it. Release it with .continue_() (or .abort())."""
    held: list = []
    page.route(url_for(page, held_file) + "*", lambda route: held.append(route))
    with page.expect_request(lambda request: request.url.startswith(url_for(page, held_file))):
        response = page.goto(url_for(page, path), wait_until="commit")
    assert response is not None and response.status == 200
    page.wait_for_function("() => document.getElementById('sw-resultaten') !== null")
    # The route's handler runs when Playwright hands the route over, with one of its next
    # answers: each round trip to the page lets it through; no waiting for a time.
    for _ in range(100):
        if held:
            return held
        page.evaluate("() => null")
    pytest.fail(f"{held_file} was asked for but never reached the test's route", pytrace=False)


def abort(page, route) -> None:
    """Let the held request fail, as a dropped connection does; the guard expects it."""
    expect_aborted(page, route.request.url)
    route.abort()


# --- 1. what someone types before the finder is ready counts ----------------------------------


@pytest.mark.parametrize("held_file", [FACTS, "javascripts/finder.js"], ids=["facts", "script"])
@pytest.mark.parametrize(
    ("path", "after"),
    [("aanbod/", "q=judo"), ("aanbod/?beperking=visueel", "q=judo&beperking=visueel")],
    ids=["alles", "beperking"],
)
def test_what_someone_types_before_the_finder_is_ready_counts(page, held_file, path, after):
    """The search box is there at once (only the filters wait); typing in it while the finder's
    facts (or the finder itself) are still on their way is the first search it answers."""
    held = open_holding(page, path, held_file)
    box = page.locator("#sw-q")
    box.click()  # a person can reach it: it is visible and nothing covers it
    page.keyboard.type("judo", delay=20)
    assert box.input_value() == "judo"
    held[0].continue_()
    assert search_of(page) == f"?{after}"  # the finder's first answer is to what was typed
    assert shown(page) == expected(after)
    assert box.input_value() == "judo"
    assert page.evaluate("() => document.activeElement.id") == "sw-q"  # still typing there
    wait_until_settled(page)


# --- 2. honest loading: a search in the address waits for its answer -------------------------


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390", "1280"])
@pytest.mark.parametrize("query", ["q=judo", "beperking=autisme"])
def test_a_search_in_the_address_is_never_answered_by_the_static_list(page, query, viewport):
    page.set_viewport_size(viewport)
    held = open_holding(page, f"aanbod/?{query}", FACTS)
    status = page.locator("#sw-aantal")
    page.wait_for_function("() => document.readyState !== 'loading'")
    assert status.text_content() == SEARCHING
    assert_in_sight(page, status.element_handle(), "the status line")
    assert page.locator("#sw-resultaten").get_attribute("aria-busy") == "true"
    assert page.locator("#sw-resultaten > li").count() > 0  # there, keeping their place
    assert page.evaluate(VISIBLE_CARDS) == 0
    assert page.locator("#sw-paginas").is_hidden()
    top = page.locator("#resultaten").evaluate("el => el.getBoundingClientRect().top")
    held[0].continue_()
    assert shown(page) == expected(query)
    assert page.locator("#sw-resultaten").get_attribute("aria-busy") is None
    assert page.evaluate(VISIBLE_CARDS) == page.locator("#sw-resultaten > li").count() > 0
    assert_in_sight(
        page, page.locator("#sw-resultaten > li h3 a").first.element_handle(), "the first result"
    )
    # nothing jumps: the line of chips that comes above the results had its place kept
    assert page.locator("#sw-aan").is_visible()
    after = page.locator("#resultaten").evaluate("el => el.getBoundingClientRect().top")
    assert after == pytest.approx(top, abs=2)
    wait_until_settled(page)


@pytest.mark.parametrize("path", ["aanbod/", "aanbod/?toon=100", "aanbod/?q="])
def test_without_a_search_the_static_list_shows_at_once(page, path):
    held = open_holding(page, path, FACTS)
    page.wait_for_function("() => document.readyState !== 'loading'")
    assert "activiteiten" in page.locator("#sw-aantal").text_content()
    assert page.locator("#sw-resultaten").get_attribute("aria-busy") is None
    assert page.evaluate(VISIBLE_CARDS) == page.locator("#sw-resultaten > li").count() > 0
    held[0].continue_()
    shown(page)
    wait_until_settled(page)


def test_if_the_facts_fail_the_static_list_comes_back(page):
    held = open_holding(page, "aanbod/?q=judo", FACTS)
    page.wait_for_function("() => document.readyState !== 'loading'")
    original = page.locator("#sw-aantal").get_attribute("data-tekst")
    assert page.evaluate(VISIBLE_CARDS) == 0
    abort(page, held[0])
    wait_ready(page, "finder")  # it gave up: the static list is back, with the note
    assert not page.evaluate("() => document.documentElement.classList.contains('sw-js')")
    assert page.locator("#sw-aantal").text_content() == original
    assert re.match(r"\d+ activiteiten\.", original)
    assert page.locator("#sw-resultaten").get_attribute("aria-busy") is None
    assert page.evaluate(VISIBLE_CARDS) == page.locator("#sw-resultaten > li").count() > 0
    assert page.locator("#sw-paginas").is_visible()
    note = page.locator("#sw-niet-gelukt")
    assert note.is_visible() and "Je zocht op ‘judo’" in note.text_content()


def test_if_a_card_file_fails_its_cards_keep_their_title_and_stop_being_busy(page):
    """After the warm-up the finder knows every title, and a card beyond the static page shows
    its title at once and its text from aanbod/kaartjes/N.json. When that file fails, the card
    keeps its title link, sport and age, and no region stays aria-busy: a screen reader is not
    told to wait for it for ever (and wait_ready would time out)."""

    def refuse(route) -> None:
        expect_aborted(page, route.request.url)
        route.abort()

    page.route(url_for(page, "aanbod/kaartjes/") + "*", refuse)
    visit(page, "aanbod/")
    wait_ready(page, "finder")
    filter_box = page.get_by_role("checkbox", name="Lichamelijke beperking")
    filter_box.check()  # the first change: a moment later the finder fetches every title
    wait_ready(page, "finder")
    page.wait_for_selector("form[data-opgewarmd='ja']", state="attached")
    filter_box.uncheck()
    wait_ready(page, "finder")
    page.get_by_role("button", name=re.compile("Toon meer")).click()  # the titles are known
    wait_ready(page, "finder")
    without_text = page.locator("#sw-resultaten > li:has([data-veld])")
    assert without_text.count() > 0  # cards from the template whose text did not come
    card = without_text.first
    card.scroll_into_view_if_needed()
    wait_ready(page, "finder")
    assert card.locator("a").is_visible() and card.locator("a").inner_text().strip()
    assert page.locator("#sw-resultaten [aria-busy]").count() == 0


def test_if_the_finder_itself_cannot_load_the_static_list_comes_back(page):
    held = open_holding(page, "aanbod/?q=judo", "javascripts/finder.js")
    assert page.evaluate(VISIBLE_CARDS) == 0
    abort(page, held[0])
    wait_ready(page)  # the page's own fallback takes the list's aria-busy off
    assert not page.evaluate("() => document.documentElement.classList.contains('sw-zoekt')")
    assert re.match(r"\d+ activiteiten\.", page.locator("#sw-aantal").text_content())
    assert page.locator("#sw-resultaten").get_attribute("aria-busy") is None
    assert page.evaluate(VISIBLE_CARDS) == page.locator("#sw-resultaten > li").count() > 0


# --- 3. Back keeps the place: the scroll position and the focus on the link followed ----------


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390", "1280"])
def test_back_from_an_offer_puts_the_focus_on_the_link_that_was_followed(page, viewport):
    page.set_viewport_size(viewport)
    visit(page, "aanbod/?beperking=lichamelijk")
    shown(page)
    wait_until_settled(page)
    link = page.locator("#sw-resultaten > li").nth(9).locator("h3 a")
    href = link.get_attribute("href")
    link.focus()  # as a keyboard user gets there: it scrolls into view
    y = page.evaluate("() => scrollY")
    assert y > 0
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/aanbod/[a-z0-9-]+/$"))
    page.wait_for_load_state("networkidle")  # leaving mid-request aborts it (the favicon)
    page.go_back()
    wait_ready(page, "finder")
    wait_until_settled(page)
    back = focused(page)
    assert back.evaluate("el => el.getAttribute('href')") == href
    assert back.evaluate("el => el.closest('#sw-resultaten') !== null")
    assert_in_sight(page, back, "the link that was followed")
    assert page.evaluate("() => scrollY") == pytest.approx(y, abs=2)
    # Here the browser loaded the page again (the test's routes keep it out of the bfcache). A
    # browser that kept the page whole shows it with a pageshow event (persisted): the focus
    # comes back too, and nothing scrolls.
    restored = page.evaluate(
        """() => {
            document.activeElement.blur();
            dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
            return [document.activeElement.getAttribute('href'), scrollY];
        }"""
    )
    assert restored == [href, pytest.approx(y, abs=2)]
