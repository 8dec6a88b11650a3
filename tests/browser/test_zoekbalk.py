"""One search for the whole site: the box in the header, and the finder it leads to.

What a person sees: the results on top and in view (not under an overlay), at 390 and 1280 px;
the suggestions by keyboard and for a screen reader; nothing searched for until someone searches.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from .harness import WIDTHS, assert_no_axe_violations, visit, wait_ready, wait_until_settled
from .test_finder import expected, shown

BOX = "#sw-zoekbalk-q"
LIST = "#sw-zoekbalk-lijst"
SEARCH_FILES = ("zoeken/", "zoeken.js", "zoekbalk.js", "lunr", "aanbod/kaartjes/", "feiten.json")


def open_box(page) -> None:
    """On a small screen the magnifier opens the box first (site.js makes the link a button)."""
    wait_ready(page, "site")
    opener = page.locator("button.sw-zoekknop")
    if opener.is_visible() and opener.get_attribute("aria-expanded") == "false":
        opener.click()
    assert page.locator(BOX).is_visible()


def suggest(page, words: str) -> list[tuple[str, str, str]]:
    """Type into the header box; the suggestions shown as (group, text, link)."""
    open_box(page)
    box = page.locator(BOX)
    box.fill("")
    box.press_sequentially(words, delay=15)
    wait_ready(page, "zoekbalk")  # the list shows the suggestions for the last keystroke
    assert box.get_attribute("aria-expanded") == "true"
    last = page.locator(f"{LIST} .sw-zoekbalk__alles")
    assert last.get_attribute("href").endswith(quote(words, safe="!*'()"))  # as encodeURIComponent
    return page.locator(f"{LIST} [role=option]").evaluate_all(
        """options => options.map(o => {
            const group = o.closest('[role=group]');
            const name = group && document.getElementById(group.getAttribute('aria-labelledby'));
            return [name ? name.textContent : '', o.textContent, o.getAttribute('href')];
        })"""
    )


def on_top(page, selector: str) -> bool:
    """The element is visible and nothing covers the middle of its first line."""
    element = page.locator(selector).first
    element.scroll_into_view_if_needed()
    return element.is_visible() and element.evaluate(
        """el => { const r = el.getClientRects()[0];
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return !!hit && (el === hit || el.contains(hit)); }"""
    )


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("where", ["home page form", "header box"])
def test_zwemmen_and_enter_shows_the_swimming_offers_on_top_and_keeps_q(page, width, where):
    page.set_viewport_size({"width": width, "height": 844})
    visit(page, "")
    if where == "header box":
        suggest(page, "zwemmen")  # typed as a person types: the suggestions appear
        page.locator(BOX).press("Enter")  # none chosen: the finder
    else:
        page.locator("#sw-zoekveld").fill("zwemmen")
        page.locator("#sw-zoekveld").press("Enter")
    page.wait_for_url(re.compile(r"/aanbod/\?q=zwemmen$"))
    count, slugs = shown(page)
    assert (count, slugs) == expected("q=zwemmen")
    assert count >= 5 and any("zwem" in slug for slug in slugs)
    wait_until_settled(page)  # nothing rewrites the address or covers the results afterwards
    assert parse_qs(urlsplit(page.url).query) == {"q": ["zwemmen"]}
    assert on_top(page, "#sw-resultaten > li h3 a")
    assert on_top(page, "#sw-aantal")
    assert page.locator("#sw-q").input_value() == "zwemmen"
    page.reload()
    assert shown(page) == expected("q=zwemmen")
    wait_until_settled(page)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["zwemmen"]}
    assert on_top(page, "#sw-resultaten > li h3 a")


@pytest.mark.parametrize(
    ("words", "group", "text"),
    [
        ("Dansgroep Sterrenstof", "Aanbod", "Dansgroep Sterrenstof"),  # an offer by its title
        ("goalball", "Aanbod", "Goalball"),  # by its sport
        ("goalball", "Sporten", "Goalball"),  # and the sport's own page
        ("Dalfsen", "Plaatsen", "Dalfsen"),  # a municipality
        ("Dalfsen", "Aanbod", "Dalfsen"),  # the offers in it, the town next to the title
        ("blind", "Aanbod", "voor blinden en slechtzienden"),  # a synonym of 'visueel'
        ("blind", "Beperkingen", "Visuele beperking"),
        ("paardrijden", "Aanbod", "paardrijden"),
        ("tijdlijnmethode", "Informatie", "Werkvormen"),  # a word from a toolkit page's text
        ("vrijwilligers", "Informatie", "Vrijwilligers"),
        ("Spetters", "Organisaties", "Zwemvereniging De Spetters"),  # a partner
    ],
)
def test_the_header_box_finds_offers_sports_places_partners_and_pages(page, words, group, text):
    visit(page, "aanbod/g-judo-volwassenen-kampen/")
    found = suggest(page, words)
    assert [hit for hit in found if hit[0] == group and text.lower() in hit[1].lower()], found
    assert found[-1][1].startswith(("Alle ", "Zoek "))  # the last one opens the finder


def test_a_suggestion_is_a_link_that_works(page, server):
    visit(page, "toolkit/")
    found = suggest(page, "goalball")
    sport = next(hit for hit in found if hit[0] == "Sporten")
    page.locator(f'{LIST} [role=option][href="{sport[2]}"]').click()
    page.wait_for_url(re.compile(r"/sport/goalball/$"))
    assert page.locator("h1").text_content().startswith("Goalball")


def test_by_keyboard_a_combobox_with_escape_back_to_the_box(page):
    visit(page, "hulp/vervoer/")
    box = page.locator(BOX)
    box.focus()  # loads the script that makes it a combobox
    wait_ready(page, "zoekbalk")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    found = suggest(page, "judo")
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == "sw-zoekbalk-lijst"
    status = page.locator("#sw-zoekbalk-status")
    count = len(found) - 1  # the last line opens the finder
    assert status.text_content().startswith(f"{count} suggesties")
    box.press("ArrowDown")
    first = page.locator(f"{LIST} [role=option]").first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    assert page.evaluate("() => document.activeElement.id") == "sw-zoekbalk-q"
    box.press("ArrowDown")
    assert page.locator(f"{LIST} [aria-selected=true]").count() == 1
    box.press("Escape")
    assert page.locator("#sw-zoekbalk-uitslag").is_hidden()
    assert box.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.id") == "sw-zoekbalk-q"
    assert box.input_value() == "judo"
    box.press("ArrowDown")  # opens the list again
    wait_ready(page, "zoekbalk")
    assert page.locator("#sw-zoekbalk-uitslag").is_visible()
    box.press("ArrowDown")
    target = page.locator(f"{LIST} [aria-selected=true]").get_attribute("href")
    box.press("Enter")
    page.wait_for_load_state()
    here = urlsplit(page.url)
    assert f"{here.path}?{here.query}".rstrip("?").endswith(target.lstrip("./"))


def test_on_a_phone_the_magnifier_opens_the_box_and_escape_closes_it(page):
    page.set_viewport_size({"width": 390, "height": 844})
    visit(page, "toolkit/")
    opener = page.locator("button.sw-zoekknop")
    assert opener.is_visible() and page.locator(BOX).is_hidden()
    assert opener.get_attribute("aria-expanded") == "false"
    opener.click()
    assert opener.get_attribute("aria-expanded") == "true"
    assert page.evaluate("() => document.activeElement.id") == "sw-zoekbalk-q"
    suggest(page, "zwemmen")
    assert on_top(page, f"{LIST} [role=option]")
    page.keyboard.press("Escape")  # closes the suggestions, the focus stays in the box
    assert page.evaluate("() => document.activeElement.id") == "sw-zoekbalk-q"
    page.keyboard.press("Escape")  # empties the box
    page.keyboard.press("Escape")  # closes the box, the focus back on the magnifier
    assert page.locator(BOX).is_hidden()
    assert page.evaluate("() => document.activeElement.classList.contains('sw-zoekknop')")


def test_what_is_typed_before_the_script_is_in_still_counts(page):
    """A slow line: zoekbalk.js comes in only after the whole word is typed. The suggestions are
    for that word, and the ready signal waited for the script that site.js had asked for."""
    held = []
    page.route("**/javascripts/zoekbalk.js", lambda route: held.append(route))  # answered below
    visit(page, "toolkit/")
    open_box(page)
    with page.expect_request("**/javascripts/zoekbalk.js"):
        page.locator(BOX).press_sequentially("zwemmen", delay=15)
    page.title()  # one round trip: the route of that request has reached this process
    assert len(held) == 1
    waiting = page.evaluate("() => document.documentElement.getAttribute('data-waiting')")
    assert waiting == "zoekbalk"
    assert page.locator(BOX).get_attribute("role") is None  # not a combobox yet
    held[0].continue_()
    wait_ready(page, "zoekbalk")
    assert page.locator(BOX).get_attribute("aria-expanded") == "true"
    last = page.locator(f"{LIST} .sw-zoekbalk__alles")
    assert last.get_attribute("href").endswith("?q=zwemmen")


@pytest.mark.parametrize("path", ["", "aanbod/g-judo-volwassenen-kampen/", "toolkit/stappenplan/"])
def test_no_search_file_is_fetched_until_someone_uses_the_box(page, path):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    visit(page, path)
    wait_ready(page, "site")
    assert not [url for url in requested if any(part in url for part in SEARCH_FILES)]
    page.locator("a, button").first.focus()
    page.keyboard.press("Tab")
    assert not [url for url in requested if any(part in url for part in SEARCH_FILES)]
    suggest(page, "judo")
    fetched = [url for url in requested if "zoeken/" in url]
    assert any(url.endswith("zoeken/index.json") for url in fetched)
    assert any("deel-" in url for url in fetched)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_accessibility_violations_with_the_suggestions_open(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    visit(page, "toolkit/")
    suggest(page, "zwemmen")
    page.locator(BOX).press("ArrowDown")
    assert_no_axe_violations(page, f"suggestions open at {width}px")
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")


def test_without_javascript_the_box_opens_the_finder_which_says_it_cannot_filter(
    page_without_js,
):
    page = page_without_js
    page.set_viewport_size({"width": 390, "height": 844})
    visit(page, "toolkit/")
    page.locator("a.sw-zoekknop").click()  # a link to the box (#sw-zoekbalk)
    page.locator(BOX).fill("zwemmen")
    page.locator(BOX).press("Enter")
    page.wait_for_url(re.compile(r"/aanbod/\?q=zwemmen$"))
    note = page.locator("main noscript + *, main .sw-melding").first
    text = page.locator("main").inner_text()
    assert "werken alleen met JavaScript" in text
    assert note.is_visible()
    for target in ("sport/", "beperking/", "gemeente/"):
        assert page.locator(f'.sw-melding a[href="../{target}"]').count() == 1


def test_if_the_finder_cannot_load_it_says_back_the_words_and_links_the_lists(page):
    page.route("**/aanbod/feiten.json", lambda route: route.fulfill(status=200, body="kapot"))
    visit(page, "aanbod/?q=zwemmen+in+Zwolle")
    wait_ready(page, "finder")  # it gave up
    note = page.locator("#sw-niet-gelukt")
    assert note.is_visible()
    assert "Je zocht op ‘zwemmen in Zwolle’" in note.inner_text()
    links = note.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "./../sport/zwemmen/" in links and "./../gemeente/zwolle/" in links
    assert page.locator("#sw-resultaten > li").count() > 0  # the list itself stays
