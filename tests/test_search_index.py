"""The finder's lunr index: deterministic, Dutch, with synonyms and compound sports."""

from __future__ import annotations

import json

import pytest
from lunr.index import Index

from conftest import TODAY, VALID_OFFER, write
from sportwijzer.search import document, fold, index_json, stop_words
from sportwijzer.site import load_site


def site_with(region, offers: dict[str, tuple[str, str, str]]):
    """Offers by slug: (titel, sport, beperkingen) on top of the base offer."""
    for slug, (titel, sport, beperkingen) in offers.items():
        text = (
            VALID_OFFER.replace("titel: Zwemmen voor iedereen", f"titel: {titel}")
            .replace("sport: zwemmen", f"sport: {sport}")
            .replace("beperkingen: [visueel]", f"beperkingen: [{beperkingen}]")
        )
        write(region, f"offers/{slug}.yml", text)
    result = load_site(region, today=TODAY)
    assert result.ok, result.problems
    return result.site


@pytest.fixture
def searchable(region):
    write(region, "offers/nieuw.yml", VALID_OFFER)  # for visueel
    site = site_with(
        region,
        {
            "yoga": ("Stoelyoga in het buurthuis", "yoga", "chronisch"),
            "cafe": ("Bewegen in het café", "fitness", "psychisch"),
            "quad": ("Quad rijden op zaterdag", "fietsen", "lichamelijk"),
            "relax": ("Relax en beweeg", "dansen", "autisme"),
            "rbb": ("Rolstoelbasketbal voor de jeugd", "rolstoelbasketbal", "rolstoel"),
            "doof": ("Voetbal met tolk", "voetbal", "auditief"),
        },
    )
    payload = json.loads(index_json(site))
    index = payload["index"]
    fields = index["fields"]
    for _term, posting in index["invertedIndex"]:  # as the browser does
        for field in fields:
            posting.setdefault(field, {})
    refs = {str(i): offer.slug for i, offer in enumerate(site.gepubliceerd)}
    idx = Index.load(index)

    def search(query: str) -> set[str]:
        return {refs[hit["ref"]] for hit in idx.search(query)}

    return site, search


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("yoga", "yoga"),  # lunr.py's Dutch trimmer would strip the y
        ("café", "cafe"),  # and the accent
        ("quad", "quad"),  # and the q
        ("relax", "relax"),  # and the x
        ("cafe", "cafe"),  # accents folded
    ],
)
def test_words_with_y_q_x_and_accents_are_found(searchable, query, expected):
    _, search = searchable
    assert expected in search(fold(query))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("basketbal", "rbb"),  # a compound sport is found by its part
        ("rolstoel", "rbb"),
        ("blind", "nieuw"),  # synonym -> visueel (the base offer is for visueel)
        ("slechtziend", "nieuw"),
        ("doof", "doof"),  # synonym -> auditief
        ("ass", "relax"),  # synonym -> autisme
        ("rolstoelgebruiker", "rbb"),
    ],
)
def test_synonyms_and_search_words_find_offers(searchable, query, expected):
    _, search = searchable
    assert expected in search(query)


def test_dutch_stemming_finds_other_forms(searchable):
    _, search = searchable
    assert "rbb" in search("jeugd")
    assert "quad" in search("zaterdagen")  # 'zaterdagen' -> 'zaterdag'
    assert "doof" in search("tolken")  # 'tolken' and 'tolk' share the stem 'tolk'


def test_index_is_deterministic_and_compact(region):
    site = load_site(region, today=TODAY).site
    first, second = index_json(site), index_json(site)
    assert first == second
    data = json.loads(first)
    assert data["index"]["pipeline"] == ["stemmer-nl"]
    assert data["stopwoorden"] == stop_words()
    assert all(
        refs
        for _t, posting in data["index"]["invertedIndex"]
        for refs in posting.values()
        if not isinstance(refs, int)
    )


def test_only_short_fields_are_indexed(region):
    site = load_site(region, today=TODAY).site
    offer = site.aanbod["g-judo-zwolle"]
    doc = document("0", offer, list(site.vocabulary.sporten.values()))
    assert set(doc) == {
        "ref",
        "titel",
        "sport",
        "beperkingen",
        "plaats",
        "aanbieder",
        "samenvatting",
    }
    assert "houdgrepen" not in json.dumps(doc)  # from the description, not indexed
    assert "autistisch" in doc["beperkingen"] and "ASS".lower() in doc["beperkingen"].lower()
