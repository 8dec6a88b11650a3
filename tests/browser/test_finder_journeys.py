"""Journeys through the finder with the words people type (issue #22): a parent's sentence, an
age and a place, a question nothing fits exactly, the chips that say what was understood, the
header's box. At 390 px (a phone) and 1280 px (a laptop): what matters is seen, on top, and the
list is exactly what the Python twin (finder_oracle.answer) says."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from finder_oracle import answer

from .harness import assert_no_axe_violations, visit, wait_ready
from .test_finder import demo, shown
from .test_finder_layout import BOX

SCREENS = {"390": {"width": 390, "height": 844}, "1280": {"width": 1280, "height": 900}}


def expected(query: str) -> tuple[str, int, list[str]]:
    """The mode, the count and the slugs in view for a link's query string."""
    site, index = demo()
    mode, refs, _fits = answer(site, parse_qs(query), index)
    slugs = [site.gepubliceerd[int(ref)].slug for ref in refs]
    return mode, len(refs), slugs[:50]


def type_query(page, screen: dict, words: str) -> None:
    """Open the finder and type `words` into its box, key by key, as a person does."""
    page.set_viewport_size(screen)
    visit(page, "aanbod/")
    wait_ready(page, "finder")
    page.locator("#sw-q").press_sequentially(words, delay=5)
    wait_ready(page, "finder")  # busy from the first keystroke till the list answers the last
    assert parse_qs(query_in_address(page))["q"] == [words.strip()]


def chips(page) -> list[str]:
    labels = page.locator("#sw-aan button:visible").all_text_contents()
    return [label.replace("✕", "").strip() for label in labels]


def first_card_seen(page) -> dict:
    card = page.locator("#sw-resultaten > li").first
    assert card.is_visible()
    seen = card.locator("a").first.evaluate(BOX)
    assert seen["onTop"], seen  # not under an overlay or the sticky header
    assert seen["top"] < page.viewport_size["height"], seen
    return seen


def query_in_address(page) -> str:
    return urlsplit(page.url).query


@pytest.mark.parametrize("width", SCREENS)
def test_a_parent_s_sentence_finds_what_fits_and_says_why(page, width):
    type_query(page, SCREENS[width], "sport voor mijn zoon met autisme")
    assert chips(page)[:2] == ["Kind", "Autisme"]
    mode, count, slugs = expected(query_in_address(page))
    assert mode == "alles" and count >= 3
    assert shown(page) == (count, slugs)
    first_card_seen(page)
    why = page.locator("#sw-resultaten > li .sw-waarom").first
    assert why.is_visible()
    assert why.text_content().startswith("Past bij: Autisme")
    assert page.locator("#sw-geen").is_hidden() and page.locator("#sw-deels").is_hidden()


@pytest.mark.parametrize("width", SCREENS)
def test_an_age_and_a_place_filter_and_order_by_distance(page, width):
    type_query(page, SCREENS[width], "judo voor mijn dochter van 10 in Kampen")
    assert chips(page) == ["Judo", "Kind, 10 jaar", "Bij Kampen", "Wis alles"]
    mode, count, slugs = expected(query_in_address(page))
    assert mode == "alles"
    assert shown(page) == (count, slugs)
    first_card_seen(page)
    site, _ = demo()
    offers = {o.slug: o for o in site.gepubliceerd}
    for slug in slugs:
        low, high = offers[slug].leeftijd_min, offers[slug].leeftijd_max
        assert offers[slug].sport.slug == "judo"
        assert (low is None or low <= 10) and (high is None or high >= 10)
    distances = page.locator("#sw-resultaten > li .sw-afstand:visible").all_text_contents()
    assert len(distances) == count and all("van Kampen" in d for d in distances)


@pytest.mark.parametrize("width", SCREENS)
def test_when_nothing_fits_everything_the_best_partial_matches_follow(page, width):
    type_query(page, SCREENS[width], "rolstoeltennis in Kampen")
    partial = page.locator("#sw-deels")
    assert partial.is_visible()
    assert partial.locator("p").first.text_content() == (
        "Niets past bij alles wat je zocht (Rolstoeltennis, Bij Kampen). Dit past het best:"
    )
    assert partial.get_by_role("link", name="Vraag het sportloket").is_visible()
    mode, count, slugs = expected(query_in_address(page))
    assert mode == "deels" and count > 0
    assert shown(page) == (count, slugs)
    first_card_seen(page)
    why = page.locator("#sw-resultaten > li .sw-waarom").first.text_content()
    assert why.startswith("Past bij: Rolstoeltennis") and "Niet: dicht bij Kampen" in why
    assert page.locator("#sw-geen").is_hidden()


@pytest.mark.parametrize("width", SCREENS)
def test_taking_a_chip_away_widens_the_list_and_the_link_keeps_it(page, width):
    type_query(page, SCREENS[width], "zwemmen voor mijn opa")
    assert chips(page)[:2] == ["Zwemmen", "Oudere"]
    narrow = shown(page)[0]
    page.get_by_role("button", name="Weghalen uit je zoekwoorden: Oudere").click()
    wait_ready(page, "finder")
    assert "opa" not in parse_qs(query_in_address(page))["q"][0]
    assert chips(page) == ["Zwemmen"]
    wide = shown(page)
    assert wide[0] > narrow
    assert page.locator("#sw-q").input_value() == "zwemmen"  # 'voor mijn' went with 'opa'
    page.reload()  # a shared link gives the same
    wait_ready(page, "finder")
    assert chips(page) == ["Zwemmen"] and shown(page) == wide


def test_words_that_find_nothing_say_what_to_do_and_keep_the_desk(page):
    type_query(page, SCREENS["1280"], "xqzwv")
    assert shown(page)[0] == 0
    assert page.locator("#sw-geen-tekst").text_content() == (
        "Probeer andere of minder woorden, of kies een sport of beperking in de lijsten."
    )
    assert page.locator("#sw-vraag-loket").is_visible()
    assert page.locator("#sw-deels").is_hidden()


@pytest.mark.parametrize("width", SCREENS)
def test_no_accessibility_violations_with_chips_and_the_partial_message(page, width):
    type_query(page, SCREENS[width], "rolstoeltennis voor mijn zoon van 9 in Kampen")
    assert page.locator("#sw-deels").is_visible()
    assert len(chips(page)) >= 3
    assert_no_axe_violations(page, f"aanbod/ met chips en deels, {width} px")


def test_the_header_box_offers_the_finder_with_what_it_understood(page):
    page.set_viewport_size(SCREENS["1280"])
    visit(page, "hulp/vervoer/")
    box = page.locator("#sw-zoekbalk-q")
    box.focus()
    page.wait_for_function("() => document.getElementById('sw-zoekbalk-q').getAttribute('role')")
    box.press_sequentially("zoon autisme", delay=5)
    first = page.locator("#sw-zoekbalk-lijst [role=option]").first
    first.wait_for()
    page.wait_for_function(
        "() => document.querySelector('#sw-zoekbalk-lijst [role=option]').textContent"
        ".startsWith('Aanbod: ')"
    )
    assert first.text_content() == "Aanbod: Kind · Autisme"
    assert first.is_visible()
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/aanbod/?q=zoon*")
    wait_ready(page, "finder")
    assert chips(page)[:2] == ["Kind", "Autisme"]
