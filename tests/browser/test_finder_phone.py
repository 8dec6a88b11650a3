"""The finder as a parent on a phone and someone with a keyboard meet it (issue #12): results
first, filters behind a button, nothing jumps, the list kept after Back, distances that make
sense, odd links said back. At 390 x 844 (a phone) and 1280 x 900 (a laptop); what is asserted is
what a person sees: in the window, on top, focused."""

from __future__ import annotations

import re
from urllib.parse import parse_qs

import pytest

from sportwijzer.finder.static_pages import PAGE_SIZE

from .harness import TILE_PATH, visit, wait_ready
from .test_finder import demo, expected, search_of, shown
from .test_finder_loading import open_holding

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}

# The element at the centre of `el`'s first line: is it `el` or inside it (nothing on top)?
ON_TOP = """el => {
    const box = el.getClientRects()[0];
    if (!box) return false;
    const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 40),
                                          box.top + box.height / 2);
    return !!hit && (el === hit || el.contains(hit));
}"""
FIRST_RESULT = "#sw-resultaten > li:first-child h3 a"


def on_top(locator) -> bool:
    """Scrolled into view if need be: is it on top of everything else there?"""
    locator.scroll_into_view_if_needed()
    return locator.evaluate(ON_TOP)


def first_screen(page, selector: str) -> dict:
    """Where `selector` is on the page as it opens: its top and bottom edges from the page's top,
    and whether it is on top of everything else there."""
    page.evaluate("() => window.scrollTo(0, 0)")
    el = page.locator(selector).first
    box = el.evaluate("el => { const r = el.getBoundingClientRect(); return [r.top, r.bottom]; }")
    return {"top": round(box[0]), "bottom": round(box[1]), "on_top": el.evaluate(ON_TOP)}


def km_of(text: str) -> float:
    """'800 m van …' -> 0.8, '7,7 km van …' -> 7.7, 'minder dan 100 m …' -> 0."""
    if text.startswith("minder dan"):
        return 0.0
    number = float(re.match(r"[\d,]+", text)[0].replace(",", "."))
    return number / 1000 if " m " in text else number


def tabs_to(page, selector: str, limit: int = 80) -> int:
    """Tab presses from the top of the page until `selector` has the focus."""
    page.evaluate("() => { window.scrollTo(0, 0); document.activeElement.blur(); }")
    page.locator("body").focus()
    page.evaluate("() => document.body.focus()")
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.locator(selector).first.evaluate("el => el === document.activeElement"):
            return count
    raise AssertionError(f"{selector} not reached in {limit} Tabs")


@pytest.mark.parametrize("query", ["", "beperking=visueel"])
def test_on_a_phone_the_count_and_the_first_result_are_in_the_first_screen(page, query):
    page.set_viewport_size(PHONE)
    visit(page, f"aanbod/?{query}")
    shown(page)
    count = first_screen(page, "#sw-aantal")
    first = first_screen(page, FIRST_RESULT)
    assert count["on_top"] and first["on_top"]
    assert first["bottom"] <= PHONE["height"], first
    assert page.locator(FIRST_RESULT).is_visible()
    # the filters are folded behind a button that says how many are on
    button = page.locator("#sw-filters-knop")
    assert button.is_visible() and button.get_attribute("aria-expanded") == "false"
    assert button.inner_text().strip() == ("Filters (1 aan)" if query else "Filters")
    assert page.locator("#sw-sport").is_hidden()
    tabs = tabs_to(page, FIRST_RESULT)
    assert tabs <= 16, tabs
    print(f"\n390x844 aanbod/?{query}: first result top {first['top']} px, {tabs} Tabs")


def test_the_filters_button_opens_the_filters_and_toon_de_resultaten_goes_back(page):
    page.set_viewport_size(PHONE)
    visit(page, "aanbod/")
    shown(page)
    page.get_by_role("button", name="Filters").click()
    assert page.locator("#sw-filters-knop").get_attribute("aria-expanded") == "true"
    box = page.get_by_label("Visuele beperking")
    assert box.is_visible() and on_top(box)
    assert page.evaluate("() => document.activeElement.name") == "beperking"  # focus moved in
    box.check()
    assert search_of(page) == "?beperking=visueel"
    page.get_by_role("button", name="Toon de resultaten").click()
    assert page.locator("#sw-sport").is_hidden()
    assert page.evaluate("() => document.activeElement.id") == "resultaten"
    assert on_top(page.locator("#resultaten"))
    assert shown(page) == expected("beperking=visueel")
    assert page.locator("#sw-filters-knop").inner_text().strip() == "Filters (1 aan)"


def test_on_a_laptop_the_filters_stay_open_and_the_skip_link_lands_on_the_results(page):
    page.set_viewport_size(LAPTOP)
    visit(page, "aanbod/?beperking=visueel")
    shown(page)
    assert page.locator("#sw-filters-knop").is_hidden()
    assert page.locator("#sw-sport").is_visible()
    skip = page.get_by_role("link", name="Naar de resultaten")
    assert tabs_to(page, ".sw-naar-resultaten") <= 25  # past the site menu on the left
    assert skip.is_visible() and on_top(skip)  # seen when it has the focus
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "resultaten"
    assert on_top(page.locator("#resultaten"))
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('#sw-resultaten') !== null")


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390", "1280"])
def test_nothing_jumps_when_the_form_appears(page, viewport):
    """On a slow line the form comes after the list: its place is kept, so what someone is about
    to tap stays where it is."""
    page.set_viewport_size(viewport)
    held = open_holding(page, "aanbod/", "aanbod/feiten.json")  # till the test lets them go
    page.wait_for_function("() => document.readyState !== 'loading'")
    before = page.locator("#resultaten").evaluate("el => el.getBoundingClientRect().top")
    assert page.locator("#sw-finder").is_hidden()  # not there yet
    held[0].continue_()
    shown(page)
    after = page.locator("#resultaten").evaluate("el => el.getBoundingClientRect().top")
    assert page.locator("#sw-q").is_visible()
    assert after == pytest.approx(before, abs=2)
    page.wait_for_load_state("networkidle")  # nothing left in flight when the page closes


def test_back_from_an_offer_brings_the_list_back_as_it_was(page):
    page.set_viewport_size(PHONE)
    visit(page, "aanbod/")
    count, _ = shown(page)
    assert count > PAGE_SIZE + 20
    page.get_by_role("button", name=re.compile("Toon meer resultaten")).click()
    assert "toon=100" in search_of(page)
    assert page.locator("#sw-resultaten > li").count() > PAGE_SIZE
    target = page.locator("#sw-resultaten > li").nth(69).locator("h3 a")
    title = target.text_content()
    target.scroll_into_view_if_needed()
    # the finder keeps the scroll position with the address a moment after scrolling stops
    page.wait_for_function(
        "() => scrollY > 0 && history.state && history.state.y === Math.round(scrollY)"
    )
    page.wait_for_load_state("networkidle")  # leaving mid-request aborts it (the favicon)
    target.click()
    page.wait_for_url(re.compile(r"/aanbod/[a-z0-9-]+/$"))
    page.wait_for_load_state("networkidle")
    page.go_back()
    wait_ready(page, "finder")  # the list is back, and so is the scroll position
    back = page.get_by_role("link", name=title, exact=True)
    assert back.evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    assert on_top(back)
    assert page.locator("#sw-resultaten > li").count() == min(count, 2 * PAGE_SIZE)
    # a reload gives the same list: the address holds it
    page.wait_for_load_state("networkidle")
    page.reload()
    wait_ready(page, "finder")
    assert page.locator("#sw-resultaten > li").count() == min(count, 2 * PAGE_SIZE)
    page.wait_for_load_state("networkidle")  # nothing left in flight when the page closes


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390", "1280"])
def test_a_distance_without_a_place_says_so_and_offers_to_pick_one(page, viewport):
    page.set_viewport_size(viewport)
    visit(page, "aanbod/?km=10")
    assert shown(page) == expected("km=10")  # nothing is filtered away by a guess
    said = "Kies eerst een plaats bij ‘Vanaf’. Dan telt de afstand mee."
    assert said in page.locator("#sw-aantal").text_content()
    assert on_top(page.locator("#sw-aantal"))
    pick = page.get_by_role("button", name="Kies een plaats")
    assert pick.is_visible()
    pick.click()
    where = page.locator("#sw-bij")
    assert page.evaluate("() => document.activeElement.id") == "sw-bij"
    assert where.is_visible()
    note = page.locator("#sw-fout-km")
    assert note.text_content() == said and note.is_visible()  # next to the control too
    assert "sw-fout-km" in page.locator("#sw-km").get_attribute("aria-describedby")
    where.select_option("kampen")
    assert "bij=kampen" in search_of(page)
    assert page.locator("#sw-fout-km").count() == 0
    assert page.locator("#sw-sorteer").input_value() == "afstand"  # nearest first, by itself
    query = "km=10&bij=kampen"
    assert shown(page) == expected(query)
    distances = page.locator("#sw-resultaten .sw-afstand").all_text_contents()
    assert distances and all(d.endswith(" van Kampen") for d in distances)
    assert "hiervandaan" not in page.locator("main").inner_text()
    numbers = [km_of(d) for d in distances]
    assert numbers == sorted(numbers)


def test_odd_values_in_a_link_are_said_back_and_the_rest_still_filters(page):
    visit(page, "aanbod/?leeftijd=150&sport=judo&gemeente=atlantis")
    assert shown(page) == expected("sport=judo")
    status = page.locator("#sw-aantal").text_content()
    assert "Leeftijd 150 kan niet. Vul een leeftijd in van 0 tot en met 120 jaar." in status
    assert "Gemeente ‘atlantis’ kennen we niet. Kies er een uit de lijst." in status
    assert page.locator("#sw-fout-leeftijd").is_visible()
    assert page.locator("#sw-leeftijd").get_attribute("aria-invalid") == "true"
    # typing a good age clears it, typing a bad one says so
    page.locator("#sw-leeftijd").fill("12abc")
    wait_ready(page, "finder")
    assert "12abc" in page.locator("#sw-fout-leeftijd").text_content()
    page.locator("#sw-leeftijd").fill("12")
    assert "leeftijd=12" in search_of(page)
    assert page.locator("#sw-fout-leeftijd").count() == 0
    assert shown(page) == expected("sport=judo&leeftijd=12")


def test_a_card_says_for_which_ages_and_all_ages_when_there_is_no_range(page):
    site, _ = demo()
    visit(page, "aanbod/?leeftijd=70")
    _, slugs = shown(page)
    ages = page.locator("#sw-resultaten > li").evaluate_all(
        "lis => lis.map(li => li.querySelector('.sw-card__facts').textContent)"
    )
    by_slug = {o.slug: o for o in site.gepubliceerd}
    for slug, text in zip(slugs, ages, strict=True):
        offer = by_slug[slug]
        assert offer.leeftijd_tekst in text
    assert any("alle leeftijden" in text for text in ages)


def test_the_keuzehulp_lands_on_the_results_and_voor_mijn_kind_counts(page):
    page.set_viewport_size(PHONE)
    visit(page, "keuzehulp/")
    page.get_by_label("Voor mijn kind").check()
    page.get_by_role("button", name="Laat zien wat past").click()
    page.wait_for_url(re.compile(r"/aanbod/\?voor=kind.*#resultaten$"))
    wait_ready(page, "finder")  # it has put the focus on the results
    assert page.evaluate("() => document.activeElement.id") == "resultaten"
    assert on_top(page.locator("#resultaten"))
    assert shown(page) == expected("voor=kind")
    assert expected("voor=kind")[0] < expected("")[0]  # it changes something
    assert page.get_by_role(
        "button", name="Filter weghalen: Voor een kind (tot 18 jaar)"
    ).is_visible()


def test_the_map_says_when_its_tiles_cannot_load(page, server):
    page.route(f"**/{TILE_PATH}**", lambda route: route.fulfill(
        status=200, content_type="image/png", body=b"geen plaatje"))  # fmt: skip
    visit(page, "aanbod/?sport=judo")
    shown(page)
    page.get_by_role("button", name="Toon op kaart").click()
    note = page.locator("#sw-map-tiles")
    note.wait_for(state="visible")  # Leaflet's tileerror event shows it
    assert "De achtergrond van de kaart laadt nu niet" in note.text_content()
    wait_ready(page)  # the map is busy till its markers are drawn
    assert page.locator(".leaflet-marker-icon").count() == expected("sport=judo")[0]


def test_the_query_in_the_address_stays_short(page):
    visit(page, "aanbod/")
    shown(page)
    page.locator("#sw-sport").select_option("judo")
    assert search_of(page) == "?sport=judo"
    page.locator("#sw-bij").select_option("kampen")
    assert "bij=kampen" in search_of(page)
    params = parse_qs(page.url.split("?", 1)[1])
    assert params == {"sport": ["judo"], "bij": ["kampen"]}  # no empty fields, no default order


def test_my_location_puts_the_nearest_first_and_cards_say_from_where(page):
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": 52.5125, "longitude": 6.0944})  # Zwolle centre
    visit(page, "aanbod/?sport=zwemmen")
    shown(page)
    page.get_by_role("button", name="Gebruik mijn locatie").click()
    wait_ready(page, "finder")  # busy from the click till the list is measured from there
    assert page.locator("#sw-sorteer").input_value() == "afstand"
    distances = page.locator("#sw-resultaten .sw-afstand").all_text_contents()
    assert all(d.endswith(" van jouw locatie") for d in distances)
    numbers = [km_of(d) for d in distances]
    assert numbers == sorted(numbers) and len(numbers) == expected("sport=zwemmen")[0]
    assert on_top(page.get_by_role("button", name="Filter weghalen: Vanaf jouw locatie"))
