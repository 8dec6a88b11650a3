"""The finder in a real browser: filters, text search, URL state, no results, map, keuzehulp.

The expected results come from the Python twin of the finder's rules (finder_oracle.select),
run on the same demo data: the browser must show exactly those offers, in that order.
"""

from __future__ import annotations

import functools
import math
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from finder_oracle import python_index, read_index, search, select
from sportwijzer.finder.page import finder_view
from sportwijzer.finder.static_pages import PAGE_SIZE

from .harness import (
    TILE_PATH,
    WIDTHS,
    assert_no_axe_violations,
    demo_site,
    visit,
    wait_ready,
    wait_until_settled,
)

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@functools.cache
def demo():
    site = demo_site()
    return site, python_index(site)


def built_index(site_dir):
    """lunr.py's Index over the built site's own index files (zoeken/)."""
    files = {
        path.relative_to(site_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in (site_dir / "zoeken").glob("*.json")
    }
    return read_index(files)


def expected(query: str) -> tuple[int, list[str]]:
    site, index = demo()
    offers = select(site, parse_qs(query), index)
    return len(offers), [o.slug for o in offers[:PAGE_SIZE]]


def search_of(page) -> str:
    """The query string of the page's address ('?q=judo'), once the finder has answered."""
    wait_ready(page, "finder")
    return page.evaluate("() => location.search")


def shown(page) -> tuple[int, list[str]]:
    """The count the page announces and the offers in view, in order, once the finder has
    answered (its ready signal: done, and the list no longer busy)."""
    wait_ready(page, "finder")
    status = page.locator("#sw-aantal").text_content()
    count = 0 if status.startswith("Geen") else int(re.search(r"(\d+) activiteit", status)[1])
    hrefs = page.locator("#sw-resultaten > li:not([hidden]) h3 a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return count, [href.strip("/").split("/")[-1] for href in hrefs]


CASES = [
    "",
    "beperking=visueel&gemeente=zwolle",
    "beperking=lichamelijk",  # also rolstoel offers, and offers for iedereen
    "beperking=rolstoel",
    "beperking=autisme&beperking=nah",  # any of them
    "sport=zwemmen",
    "leeftijd=8",
    "leeftijd=70&beperking=chronisch",
    "bij=zwolle&km=5&sorteer=afstand",
    "bij=wezep&km=10",  # a place, not a municipality
    "kenmerk=gratis",
    "kenmerk=proefles-gratis&kenmerk=rolstoeltoegankelijk",
    "omgeving=water&samen=team",
    "q=zwemmen",
    "q=blind",  # synonym of visueel
    "q=basketbal",  # finds rolstoelbasketbal too
    "q=zwemen",  # one typo
    "q=jeu+de+boules",
    "q=rolstoel+zwolle",
    "q=yoga&beperking=chronisch",
    "q=ASS&sorteer=afstand&bij=kampen",
    "sport=goalball&gemeente=ommen",  # nothing
]


@pytest.mark.parametrize("query", CASES, ids=lambda q: q or "alles")
def test_the_browser_shows_exactly_the_expected_offers(page, query):
    visit(page, f"aanbod/?{query}")
    assert shown(page) == expected(query)


def test_typing_filters_live_and_keeps_the_url(page):
    visit(page, "aanbod/")
    page.locator("#sw-q").press_sequentially("judo", delay=20)
    assert search_of(page) == "?q=judo"
    assert shown(page) == expected("q=judo")
    page.get_by_label("Visuele beperking").check()
    assert "beperking=visueel" in search_of(page)
    assert shown(page) == expected("q=judo&beperking=visueel")


def test_a_shared_link_reload_and_the_back_button_give_the_same_results(page):
    visit(page, "aanbod/?sport=judo")
    first = shown(page)
    page.locator("#sw-gemeente").select_option("kampen")
    assert search_of(page) == "?sport=judo&gemeente=kampen"
    assert shown(page) == expected("sport=judo&gemeente=kampen")
    page.go_back()
    assert search_of(page) == "?sport=judo"
    assert page.locator("#sw-gemeente").input_value() == ""
    assert shown(page) == first
    page.reload()
    assert shown(page) == first
    assert page.locator("#sw-sport").input_value() == "judo"


def test_without_javascript_every_offer_is_listed_a_page_at_a_time(page_without_js):
    page = page_without_js
    visit(page, "aanbod/")
    site, _ = demo()
    assert page.locator("#sw-finder").is_hidden()
    for target in ("sport/", "beperking/", "gemeente/"):
        assert page.locator(f'main a[href="../{target}"]').count() >= 1
    listed = []
    while True:
        cards = page.locator("main .sw-resultaten > li:visible h2 a, #sw-resultaten > li h3 a")
        assert 0 < cards.count() <= PAGE_SIZE
        listed += [
            h.strip("/").split("/")[-1]
            for h in cards.evaluate_all("links => links.map(a => a.getAttribute('href'))")
        ]
        current = page.locator('.sw-paginas a[aria-current="page"]')
        assert current.is_visible()
        following = page.locator('.sw-paginas a[rel="next"]')
        if not following.count():
            break
        following.click()
        page.wait_for_load_state()
    assert listed == [o.slug for o in site.gepubliceerd]
    assert page.url.endswith(f"aanbod/pagina/{-(-len(listed) // PAGE_SIZE)}/")
    assert len(listed) > PAGE_SIZE  # the demo needs more than one page, or this proves little


def test_with_javascript_the_static_pages_give_way_to_all_offers(page):
    visit(page, "aanbod/")
    assert shown(page) == expected("")
    assert page.locator("#sw-paginas").is_hidden()
    assert page.locator("#sw-meer").is_visible()


def test_cards_made_by_the_script_look_like_the_static_cards(page, page_without_js):
    """Static page 2 of the list, without JavaScript, against the same offers made by finder.js."""
    site, _ = demo()
    second = [o.slug for o in site.gepubliceerd[PAGE_SIZE : 2 * PAGE_SIZE]]
    visit(page_without_js, "aanbod/pagina/2/")
    # a sport's icon: a symbol in the page's sprite, or the same symbol in its own file
    normalise = """els => els.map(li => li.outerHTML.replace(/\\s+/g, ' ').replace(/> </g, '><')
        .replace(/ href="(?:[^"]*\\/)?([^/"]+)\\/"/g, ' href="$1"')
        .replace(/ href="[^"#]*\\.svg(#sw-i-[^"]+)"/g, ' href="$1"')
        .replace(/<(\\/?)h[23]/g, '<$1h'))"""
    static = page_without_js.locator("main .sw-resultaten > li").evaluate_all(normalise)
    visit(page, "aanbod/")
    wait_ready(page, "finder")
    page.locator("#sw-meer").click()
    wait_ready(page, "finder")  # "Toon meer" marks the list busy till it is drawn
    made = page.locator("#sw-resultaten > li").evaluate_all(normalise)[PAGE_SIZE : 2 * PAGE_SIZE]
    static = [re.sub(r' data-ref="\d+"', "", html) for html in static]
    made = [
        re.sub(r' data-ref="\d+"', "", html).replace('<li class="sw-afstand" hidden=""></li>', "")
        for html in made
    ]
    assert len(made) == len(static) == len(second) > 0
    for one, other in zip(made, static, strict=True):
        assert one == other


SPORT_ICONS = """els => els.map(li =>
    li.querySelector('.sw-card__facts use').getAttribute('href'))"""


def test_a_card_made_by_the_script_shows_its_sports_own_icon(page):
    """Issue #26: a card's sport has its own icon; a sport whose symbol is not in the page's
    sprite (the sports of the static cards) points to the symbol in its own file, and is drawn."""
    site, _ = demo()
    visit(page, "aanbod/")
    wait_ready(page, "finder")
    page.locator("#sw-meer").click()
    wait_ready(page, "finder")  # "Toon meer" marks the list busy till it is drawn
    hrefs = page.locator("#sw-resultaten > li").evaluate_all(SPORT_ICONS)
    offers = site.gepubliceerd[: len(hrefs)]
    assert [h.split("#sw-i-")[1] for h in hrefs] == [
        o.sport.icoon.removeprefix("material/") for o in offers
    ]
    assert {h.startswith("#") for h in hrefs[PAGE_SIZE:]} == {True, False}  # both kinds
    page.wait_for_function(
        """() => [...document.querySelectorAll('#sw-resultaten .sw-card__facts use')]
            .every(use => use.getBBox().width > 0)"""
    )


def test_if_the_offers_cannot_be_loaded_the_static_list_stays(page):
    page.route("**/aanbod/feiten.json", lambda route: route.fulfill(status=200, body="kapot"))
    visit(page, "aanbod/")
    wait_ready(page, "finder")  # the finder gives up: done, with the static list back
    assert page.evaluate("() => document.documentElement.classList.contains('sw-js')") is False
    assert page.locator("#sw-finder").is_hidden()
    assert page.locator("#sw-resultaten > li").count() == PAGE_SIZE
    assert page.locator("#sw-paginas").is_visible()


def test_a_link_within_the_page_leaves_the_results_alone(page):
    visit(page, "aanbod/")
    count, _ = shown(page)
    page.locator("#sw-meer").click()
    assert shown(page)[0] == count  # "Toon meer" has drawn the rest of the list
    assert page.locator("#sw-resultaten > li").count() == count
    # resolves a task after the hashchange event, when the page's own listeners have run
    page.evaluate(
        """() => new Promise(done => {
            addEventListener("hashchange", () => setTimeout(done), { once: true });
            location.hash = "sw-resultaten-kop";
        })"""
    )
    assert page.locator("#sw-resultaten > li").count() == count
    assert page.locator("#sw-aantal").text_content() == f"{count} activiteiten gevonden."


def test_if_the_text_index_cannot_be_loaded_the_page_says_so(page):
    page.route("**/zoeken/index.json", lambda route: route.fulfill(status=200, body="kapot"))
    visit(page, "aanbod/?sport=zwemmen&q=zzzzqqq")
    wait_ready(page, "finder")
    status = page.locator("#sw-aantal").text_content()
    assert status.startswith("Zoeken op woord lukt nu niet")
    assert shown(page) == expected("sport=zwemmen")


SCORED = [
    "zwemmen", "blind", "basketbal", "zwemen", "jeu de boules", "rolstoel zwolle", "ass",
    "yoga", "subsidie", "vrijwilligers", "toolkit", "kampen", "dalfsen", "paardrijden",
    "samenwerken gemeente", "de", "zw", "visueel", "kano", "vervoer", "café", "Quad",
    "CP", "cp kind", "kanoën", "SH", "g-sport", "syndroom van down", "ouderen", "65-plus",
    "senioren", "kinderen", "jeugd", "zwemmen ouderen", "gratis", "proefles",
]  # fmt: skip


def test_the_browser_scores_every_document_as_the_python_twin_does(page, built_site):
    """zoeken.js over the part files against search() over lunr.py's Index of the same weights:
    the same documents (offers, pages, sports, places, partners), the same scores."""
    index, synonyms, stop = built_index(built_site)
    visit(page, "aanbod/")
    wait_ready(page, "finder")
    got = page.evaluate(
        """(queries) => import(new URL('../javascripts/zoeken.js', location.href).href)
            .then((search) => search.open(
                document.getElementById('sw-finder').dataset.index,
                document.getElementById('sw-finder').dataset.lunr))
            .then(engine => Promise.all(queries.map(q => engine.scores(q).then(
                found => found && Object.fromEntries(found)))))""",
        SCORED,
    )
    for query, scores in zip(SCORED, got, strict=True):
        expected = search(index, query, synonyms, stop)
        if expected is None:
            assert scores is None, query
            continue
        assert set(scores) == set(expected), query
        for ref, score in expected.items():
            assert scores[ref] == pytest.approx(score, rel=1e-9), (query, ref)
    assert any(len(s or {}) > 5 for s in got)


def test_no_results_says_so_once_offers_to_drop_a_filter_and_the_desk(page):
    visit(page, "aanbod/?sport=goalball&gemeente=ommen")
    assert shown(page) == (0, [])
    assert page.locator("#sw-geen").is_visible()
    assert page.locator("#sw-geen").get_by_role("link", name=re.compile("Bel 038")).is_visible()
    assert page.locator("main").inner_text().count("Geen aanbod gevonden") == 1
    assert page.locator("#sw-map-button").is_hidden()  # no map of nothing
    chips = page.locator("#sw-aan button")
    assert chips.evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))") == [
        "Filter weghalen: Goalball", "Filter weghalen: Ommen", None,
    ]  # fmt: skip
    assert chips.last.text_content() == "Wis alles"
    page.get_by_role("button", name="Filter weghalen: Ommen").click()
    assert search_of(page) == "?sport=goalball"
    assert shown(page) == expected("sport=goalball")
    assert page.locator("#sw-geen").is_hidden()
    assert page.evaluate("() => document.activeElement.id") == "resultaten"


def test_more_results_on_request(page):
    visit(page, "aanbod/")
    count, first_page = shown(page)
    assert count > PAGE_SIZE and len(first_page) == PAGE_SIZE
    more = page.locator("#sw-meer")
    assert more.text_content() == f"Toon meer resultaten (nog {count - PAGE_SIZE})"
    more.click()
    wait_ready(page, "finder")  # "Toon meer" marks the list busy till it is drawn
    assert page.locator("#sw-resultaten > li:not([hidden])").count() == count
    assert more.is_hidden()
    focused = page.evaluate("() => document.activeElement.textContent")
    site, _ = demo()
    assert focused == site.gepubliceerd[PAGE_SIZE].titel  # focus moves to the first new result


def test_the_count_is_announced(page):
    visit(page, "aanbod/")
    status = page.locator("#sw-aantal")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    page.locator("#sw-sport").select_option("judo")
    assert search_of(page) == "?sport=judo"
    count, _ = expected("sport=judo")
    assert status.text_content() == f"{count} activiteiten gevonden."


def test_the_map_loads_nothing_until_asked_and_then_only_stand_in_tiles(page, server):
    tiles: list[str] = []

    def answer_tile(route):
        tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=PNG)

    page.route(f"**/{TILE_PATH}**", answer_tile)
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    visit(page, "aanbod/?beperking=visueel")
    shown(page)
    page.locator("#sw-sport").select_option("goalball")
    page.wait_for_url(re.compile(r"sport=goalball"))  # the finder has filtered for it
    wait_until_settled(page)
    assert tiles == []
    assert not [url for url in loaded if "leaflet" in url]
    button = page.locator("#sw-map-button")
    assert page.get_by_role("button", name="Toon op kaart").count() == 1
    assert (
        "OpenStreetMap"
        in page.locator("#" + button.get_attribute("aria-describedby")).text_content()
    )
    button.click()
    wait_ready(page)  # the map is busy till its markers are drawn
    count, _ = expected("beperking=visueel&sport=goalball")
    assert page.locator(".leaflet-marker-icon").count() == count
    page.wait_for_function("() => document.querySelectorAll('.leaflet-tile-loaded').length > 0")
    assert tiles and all(url.startswith(server + TILE_PATH) for url in tiles)
    assert button.get_attribute("aria-expanded") == "true"
    assert button.text_content().strip() == "Verberg de kaart"


def tile_at(lat: float, lon: float, zoom: int) -> str:
    """The map tile ('z/x/y') that holds a point (the tiles of OpenStreetMap and Leaflet)."""
    n = 2**zoom
    y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n
    return f"{zoom}/{int((lon + 180) / 360 * n)}/{int(y)}"


def test_the_map_opens_on_the_middle_of_the_region_from_regio_yml(page, server):
    """Before its markers are drawn the map shows the region: its first tiles are those around
    the middle that finder/page.py works out from the gemeenten in regio.yml (data-midden)."""
    tiles: list[str] = []

    def answer_tile(route):
        tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=PNG)

    page.route(f"**/{TILE_PATH}**", answer_tile)
    visit(page, "aanbod/?sport=judo")
    middle = finder_view(demo()[0]).map_centre
    assert page.locator("#sw-finder").get_attribute("data-midden") == middle
    shown(page)
    page.get_by_role("button", name="Toon op kaart").click()
    wait_ready(page)
    lat, lon = (float(part) for part in middle.split(","))
    assert f"{server}{TILE_PATH}{tile_at(lat, lon, 9)}.png" in tiles


def test_keuzehulp_ends_in_the_finder_with_matching_filters(page):
    visit(page, "keuzehulp/")
    page.get_by_label("Voor mijn kind").check()
    page.get_by_label("Autisme").check()
    page.get_by_label("Leeftijd in jaren").fill("10")
    page.get_by_label("Binnen", exact=True).check()
    page.get_by_label("Alleen (zelf bezig)").check()
    page.get_by_label("Ik woon in of bij").select_option("zwolle")
    page.get_by_label("Niet verder dan").select_option("15")
    page.get_by_role("button", name="Laat zien wat past").click()
    page.wait_for_url(re.compile(r"/aanbod/\?"))
    query = urlsplit(page.url).query
    assert parse_qs(query)["beperking"] == ["autisme"]
    assert shown(page) == expected(query)
    assert page.locator("#sw-omgeving").input_value() == "binnen"
    assert page.locator("#sw-samen").input_value() == "alleen"


@pytest.mark.parametrize(
    "query",
    ["", "beperking=visueel&kenmerk=gratis&bij=kampen&km=25", "sport=goalball&gemeente=ommen"],
)
@pytest.mark.parametrize("width", WIDTHS)
def test_finder_states_have_no_accessibility_violations(page, query, width):
    page.set_viewport_size({"width": width, "height": 800})
    visit(page, f"aanbod/?{query}")
    shown(page)
    assert_no_axe_violations(page, f"aanbod/?{query} at {width}px")
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")


def test_after_the_warm_up_results_show_at_once_and_their_cards_follow(page, built_site):
    """Once someone has searched, the titles and the whole index come in the background; then a
    new search shows its results without waiting for their cards, which complete themselves."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    visit(page, "aanbod/")
    shown(page)
    assert not [url for url in requested if "titels.json" in url or "deel-" in url]
    page.locator("#sw-q").press_sequentially("judo", delay=20)
    page.wait_for_function("() => document.getElementById('sw-finder').dataset.opgewarmd")
    parts = len(list((built_site / "zoeken").glob("deel-*.json")))
    assert len({url.split("?")[0] for url in requested if "/zoeken/deel-" in url}) == parts
    assert [url for url in requested if "/aanbod/titels.json" in url]
    busy = page.evaluate(
        """() => new Promise(resolve => {
            const form = document.getElementById('sw-finder');
            form.addEventListener('sw:bijgewerkt', () => resolve(
                document.querySelectorAll('#sw-resultaten > li[aria-busy=true]').length),
                {once: true});
            const box = document.getElementById('sw-q');
            box.value = 'rolstoel';
            box.dispatchEvent(new Event('input', {bubbles: true}));
        })"""
    )
    assert busy > 0  # shown with their titles before their cards came in
    assert shown(page) == expected("q=rolstoel")  # shown() waits till no card is busy
    texts = page.locator("#sw-resultaten > li .sw-card__text").all_text_contents()
    assert all(text.strip() for text in texts)
    assert page.locator("#sw-resultaten [data-veld]").count() == 0
