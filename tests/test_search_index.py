"""The finder's lunr index and query: deterministic, Dutch, with synonyms and compound sports.

`search()` is the Python twin of the query in finder.js; the browser tests run the real one.
"""

from __future__ import annotations

import json

import pytest

from conftest import REPO, TODAY, VALID_OFFER, write
from sportwijzer.search import (
    _filled,
    document,
    expansions,
    fold,
    index_json,
    python_index,
    query_groups,
    search,
    term,
)
from sportwijzer.site import load_site


def load_index(site):
    return python_index(site)


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


def decode(compact):
    """The compact index back to postings (term -> field -> ref -> count), as finder.js reads it."""
    names = [name for name, _boost in compact["velden"]]
    postings = {}
    for row in compact["termen"]:
        postings[row[0]] = {}
        for name, entries in zip(names, row[1:], strict=False):
            ref = 0
            for entry in entries:
                gap, count = (entry, 1) if isinstance(entry, int) else entry
                ref += gap
                postings[row[0]].setdefault(name, {})[str(ref)] = count
    return postings


@pytest.mark.parametrize("which", ["fixture", "demo"])
def test_index_is_deterministic_and_holds_what_lunr_py_holds(region, which):
    site = load_site(region if which == "fixture" else REPO, today=TODAY).site
    first, second = index_json(site), index_json(site)
    assert first == second
    compact = json.loads(first)["index"]
    builder = _filled(site)
    expected = {}
    for word, posting in builder.inverted_index.items():
        for name, refs in posting.items():
            if name != "_index" and refs:
                expected.setdefault(word, {})[name] = {
                    ref: builder.field_term_frequencies[f"{name}/{ref}"][word] for ref in refs
                }
    assert decode(compact) == expected
    # terms in lunr's numbering, so a term's position is its _index
    assert [row[0] for row in compact["termen"]] == sorted(
        builder.inverted_index, key=lambda t: builder.inverted_index[t]["_index"]
    )
    n = len(site.gepubliceerd)
    for (name, _boost), lengths in zip(compact["velden"], compact["lengtes"], strict=True):
        assert lengths == [builder.field_lengths[f"{name}/{ref}"] for ref in range(n)]
    assert any(isinstance(e, list) for row in compact["termen"] for f in row[1:] for e in f)


def test_index_words_are_trimmed_folded_and_stemmed():
    assert term("Yoga,") == "yoga"  # lunr.py's own Dutch trimmer would have made this 'og'
    assert term("Café") == term("cafe") == "caf"
    assert term("zwemmen") == term("Zwemmen") == "zwemm"
    assert term("de") is None and term("...") is None


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
