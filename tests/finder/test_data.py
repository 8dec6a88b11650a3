"""The finder's static pages and files (facts, places, titles, a card per offer), read back offer
by offer."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from sportwijzer.base.dutch import aantal
from sportwijzer.finder.data import (
    CARD_FOLDER,
    CARDS_PER_FILE,
    FACTS_PATH,
    ICON_FOLDER,
    PLACES_PATH,
    TITLES_PATH,
    finder_files,
    icon_files,
    position,
)
from sportwijzer.finder.filters import kenmerken
from sportwijzer.finder.page import finder_view
from sportwijzer.finder.static_pages import PAGE_SIZE, Pager, page_path, static_pages


@pytest.fixture(scope="module")
def demo(demo):
    """The site of the shared demo load (conftest)."""
    return demo.site


def test_the_files_hold_every_published_offer_in_index_order(demo):
    files = finder_files(demo)
    data = json.loads(files[FACTS_PATH])
    places = json.loads(files[PLACES_PATH])
    titles = json.loads(files[TITLES_PATH])
    columns = data["aanbod"]
    assert {len(values) for values in columns.values()} == {len(demo.gepubliceerd)}
    card_files = sorted(
        (p for p in files if p.startswith(CARD_FOLDER)), key=lambda p: int(p.split("/")[-1][:-5])
    )
    cards = [card for path in card_files for card in json.loads(files[path])]
    assert len(cards) == len(demo.gepubliceerd)
    assert len(card_files) == -(-len(cards) // CARDS_PER_FILE) > 1
    for i, offer in enumerate(demo.gepubliceerd):
        sport = data["sporten"][columns["sport"][i]]
        assert (
            cards[i]
            == json.loads(files[f"{CARD_FOLDER}{i // CARDS_PER_FILE}.json"])[i % CARDS_PER_FILE]
        )
        slug, titel, samenvatting, plaats, proefles, status = cards[i]
        assert (slug, titel, samenvatting, plaats) == (
            offer.slug,
            offer.titel,
            offer.samenvatting,
            offer.locatie.plaats,
        )
        assert proefles == (offer.proefles.tekst if offer.proefles else "")
        assert status == (offer.status.naam if offer.status.slug != "actief" else "")
        assert sport[:2] == [offer.sport.slug, offer.sport.naam]
        assert data["gemeenten"][columns["gemeente"][i]] == offer.locatie.gemeente.slug
        assert [data["beperkingen"][b][0] for b in columns["beperkingen"][i]] == [
            b.slug for b in offer.beperkingen
        ]
        assert [data["kenmerken"][k] for k in columns["kenmerken"][i]] == kenmerken(offer)
        assert (columns["min"][i], columns["max"][i]) == (offer.leeftijd_min, offer.leeftijd_max)
        assert (places["lat"][i], places["lon"][i]) == position(offer)
        assert (titles["slug"][i], titles["titel"][i]) == (offer.slug, offer.titel)


def test_the_files_escape_html_and_are_deterministic(demo):
    files = finder_files(demo)
    assert files == finder_files(demo)
    assert not [path for path, text in files.items() if "<" in text or ">" in text]


def test_static_pages_cut_the_list_in_pages_that_link_to_each_other(demo):
    offers = demo.gepubliceerd
    pages = static_pages(offers)
    assert len(pages) == -(-len(offers) // PAGE_SIZE) >= 2
    assert [card.aanbod for _, cards in pages for card in cards] == offers
    assert [card.data["ref"] for _, cards in pages for card in cards] == [
        str(i) for i in range(len(offers))
    ]
    first, second = pages[0][0], pages[1][0]
    assert (first.vorige, first.volgende) == (None, "aanbod/pagina/2/")
    assert second.vorige == "aanbod/"
    assert pages[-1][0].volgende is None
    assert [path for _, path in first.paginas] == [page_path(n) for n in range(1, len(pages) + 1)]


def test_an_empty_region_still_has_one_finder_page():
    ((pager, cards),) = static_pages([])
    assert (pager.pagina, pager.aantal, cards) == (1, 1, [])


def test_the_pager_shows_the_first_the_last_and_the_pages_around_this_one():
    paths = [(n, page_path(n)) for n in range(1, 201)]
    numbers = [link[0] if link else "…" for link in Pager(100, paths).getoond]
    assert numbers == [1, "…", 98, 99, 100, 101, 102, "…", 200]
    assert [link[0] if link else "…" for link in Pager(2, paths[:5]).getoond] == [1, 2, 3, 4, 5]
    assert [link[0] if link else "…" for link in Pager(1, paths).getoond] == [1, 2, 3, "…", 200]


@pytest.mark.parametrize(
    ("count", "pages", "line"),
    [
        (0, 1, "Geen activiteiten."),
        (1, 1, "1 activiteit."),
        (84, 5, f"84 activiteiten. De eerste {PAGE_SIZE} staan hieronder."),
    ],
)
def test_the_finder_count_line_before_javascript_says_how_many(demo, count, pages, line):
    view = finder_view(demo)
    paths = [(n, page_path(n)) for n in range(1, pages + 1)]
    cards = view.cards[: min(count, PAGE_SIZE)]
    text = aantal(count, "activiteit", "activiteiten")
    assert replace(view, aantal_tekst=text, pager=Pager(1, paths), cards=cards).status_tekst == line


def test_the_finder_page_gets_the_data_paths_from_the_modules_that_write_them(demo):
    assert finder_view(demo).paden == {
        "index": "zoeken/index.json",
        "feiten": FACTS_PATH,
        "plekken": PLACES_PATH,
        "titels": TITLES_PATH,
        "kaartjes": CARD_FOLDER,
        "iconen": ICON_FOLDER,
        "aanbod": "aanbod/",
    }


def test_each_sport_icon_has_its_own_file_with_the_symbol_the_cards_point_to(demo):
    """A card finder.js makes for a sport not in the page's sprite points to its own file."""
    files = icon_files(demo)
    sports = {o.sport for o in demo.gepubliceerd}
    assert sorted(files) == sorted(
        f"{ICON_FOLDER}{s.icoon.removeprefix('material/')}.svg" for s in sports
    )
    facts = json.loads(finder_files(demo)[FACTS_PATH])
    for sport in facts["sporten"]:
        text = files[f"{ICON_FOLDER}{sport[4]}.svg"]
        assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg">')
        assert f'<symbol id="sw-i-{sport[4]}" viewBox="0 0 24 24"><path d="' in text
