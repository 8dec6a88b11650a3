"""The finder's lunr index and query: deterministic, Dutch, with synonyms and compound sports.

`search()` is the Python twin of the query in finder.js; the browser tests run the real one.
"""

from __future__ import annotations

import json

import pytest
from lunr.index import Index

from conftest import TODAY, VALID_OFFER, write
from sportwijzer.search import document, expansions, fold, index_json, query_groups, search
from sportwijzer.site import load_site


def load_index(site):
    payload = json.loads(index_json(site))
    index = payload["index"]
    for _term, posting in index["invertedIndex"]:  # as finder.js does
        for field in index["fields"]:
            posting.setdefault(field, {})
    return Index.load(index), payload["synoniemen"], payload["stopwoorden"]


@pytest.fixture
def searchable(region):
    offers = {
        "nieuw": ("Zwemmen voor iedereen", "zwemmen", "visueel"),
        "yoga": ("Stoelyoga in het buurthuis", "yoga", "chronisch"),
        "cafe": ("Bewegen in het café", "fitness", "psychisch"),
        "quad": ("Quad rijden op zaterdagen", "fietsen", "lichamelijk"),
        "relax": ("Relax en beweeg", "dansen", "autisme"),
        "rbb": ("Jeugdtraining", "rolstoelbasketbal", "rolstoel"),
        "doof": ("Voetbal met tolk", "voetbal", "auditief"),
        "boccia": ("Boccia op dinsdag", "boccia", "verstandelijk"),
    }
    for slug, (titel, sport, beperking) in offers.items():
        text = (
            VALID_OFFER.replace("titel: Zwemmen voor iedereen", f"titel: {titel}")
            .replace("sport: zwemmen", f"sport: {sport}")
            .replace("beperkingen: [visueel]", f"beperkingen: [{beperking}]")
            .replace("Zwemmen in een kleine groep", f"{titel}, in een kleine groep")
        )
        write(region, f"offers/{slug}.yml", text)
    site = load_site(region, today=TODAY).site
    index, synonyms, stop = load_index(site)
    refs = {str(i): offer.slug for i, offer in enumerate(site.gepubliceerd)}

    def find(query: str) -> list[str] | None:
        scores = search(index, query, synonyms, stop)
        if scores is None:
            return None
        return [refs[r] for r in sorted(scores, key=lambda r: -scores[r])]

    return find


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("yoga", "yoga"),  # lunr.py's own Dutch trimmer strips the y
        ("café", "cafe"),  # and accents
        ("cafe", "cafe"),  # accents are folded on both sides
        ("quad", "quad"),  # and the q
        ("relax", "relax"),  # and the x
    ],
)
def test_words_with_y_q_x_and_accents_are_found(searchable, query, expected):
    assert expected in searchable(query)


@pytest.mark.parametrize(
    ("query", "expected", "not_expected"),
    [
        ("basketbal", "rbb", "doof"),  # a compound sport is found by its part
        ("rolstoel", "rbb", "yoga"),
        ("blind", "nieuw", "doof"),  # synonym -> visueel
        ("slechtziend", "nieuw", "doof"),
        ("doof", "doof", "nieuw"),  # synonym -> auditief
        ("ASS", "relax", "nieuw"),  # synonym -> autisme
        ("rolstoelgebruiker", "rbb", "nieuw"),
        ("jeu de boules", "boccia", "nieuw"),  # a phrase from the sports list
        ("zwemen", "nieuw", "yoga"),  # one typo
        ("zwem", "nieuw", "yoga"),  # the start of a word
        ("zaterdag", "quad", "yoga"),  # Dutch stem: zaterdagen -> zaterdag
        ("tolken", "doof", "yoga"),  # tolken -> tolk
    ],
)
def test_synonyms_stems_prefixes_and_typos(searchable, query, expected, not_expected):
    found = searchable(query)
    assert expected in found
    assert not_expected not in found


def test_every_word_must_match(searchable):
    assert searchable("voetbal tolk") == ["doof"]
    assert searchable("voetbal yoga") == []
    assert searchable("de en het") is None  # only stop words: no text filter at all


def test_the_title_weighs_more_than_the_summary(searchable):
    assert searchable("boccia")[0] == "boccia"


def test_query_groups():
    synonyms = {"blind": ["visueel"], "jeu de boules": ["boccia"]}
    assert query_groups("Blind en jeu de boules!", synonyms, ["en"]) == [
        ["", "boccia"],
        ["blind", "visueel"],
    ]


def test_expansions_come_from_the_lists(region):
    site = load_site(region, today=TODAY).site
    synonyms = expansions(site)
    assert synonyms["blind"] == ["visueel"]
    assert synonyms["ass"] == ["autisme"]
    assert "rolstoelbasketbal" in synonyms["basketbal"]
    assert "rolstoeltennis" in synonyms["tennis"]  # derived: 'tennis' is part of the name
    assert "zwemmen" not in synonyms  # a word that only means itself is left out


def test_index_is_deterministic_and_compact(region):
    site = load_site(region, today=TODAY).site
    first, second = index_json(site), index_json(site)
    assert first == second
    data = json.loads(first)
    assert data["index"]["pipeline"] == ["stemmer-nl"]
    for _term, posting in data["index"]["invertedIndex"]:
        assert all(refs for key, refs in posting.items() if key != "_index")
    weights = [v for _r, vector in data["index"]["fieldVectors"] for v in vector[1::2]]
    assert all(round(w, 1) == w for w in weights)


def test_only_short_fields_are_indexed(region):
    site = load_site(region, today=TODAY).site
    doc = document("0", site.aanbod["g-judo-zwolle"])
    assert set(doc) == {
        "ref",
        "titel",
        "sport",
        "beperkingen",
        "plaats",
        "aanbieder",
        "samenvatting",
    }
    assert "houdgrepen" not in json.dumps(doc)  # from the description: not indexed
    assert fold("café") == "cafe"
