"""The finder's static pages and its data file (aanbod/kaarten.json), read back offer by offer."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, TODAY
from sportwijzer.finder import (
    PAGE_SIZE,
    Pager,
    data_json,
    kenmerken,
    page_path,
    position,
    static_pages,
)
from sportwijzer.site import load_site


@pytest.fixture(scope="module")
def demo():
    return load_site(REPO, today=TODAY).site


def test_the_data_file_holds_every_published_offer_in_index_order(demo):
    data = json.loads(data_json(demo))
    columns = data["aanbod"]
    assert {len(values) for values in columns.values()} == {len(demo.gepubliceerd)}
    for i, offer in enumerate(demo.gepubliceerd):
        sport = data["sporten"][columns["sport"][i]]
        assert columns["slug"][i] == offer.slug
        assert columns["titel"][i] == offer.titel
        assert columns["samenvatting"][i] == offer.samenvatting
        assert sport[:2] == [offer.sport.slug, offer.sport.naam]
        assert data["gemeenten"][columns["gemeente"][i]] == offer.locatie.gemeente.slug
        assert [data["beperkingen"][b][0] for b in columns["beperkingen"][i]] == [
            b.slug for b in offer.beperkingen
        ]
        assert [data["kenmerken"][k] for k in columns["kenmerken"][i]] == kenmerken(offer)
        assert (columns["min"][i], columns["max"][i]) == (offer.leeftijd_min, offer.leeftijd_max)
        assert (columns["lat"][i], columns["lon"][i]) == position(offer)
        proefles = columns["proefles"][i]
        assert (data["teksten"][proefles] if proefles >= 0 else None) == (
            offer.proefles.tekst if offer.proefles else None
        )
        status = columns["status"][i]
        assert (data["teksten"][status] if status >= 0 else "actief") == (
            offer.status.naam if offer.status.slug != "actief" else "actief"
        )


def test_the_data_file_escapes_html_and_is_deterministic(demo):
    text = data_json(demo)
    assert text == data_json(demo)
    assert "<" not in text and ">" not in text


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
