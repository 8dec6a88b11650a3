"""Reading a query (hooks/sportwijzer/twins/query_reading.py) with the demo region's lexicon: what
the words people type name, and how offers fit it. The browser's twin is checked against these
rules in tests/browser/test_query_reading.py."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest

from query_reading_cases import demo_lexicon
from sportwijzer.finder.query_lexicon import query_lexicon
from sportwijzer.twins import query_reading as qr

RULES = {"iedereen": "iedereen", "breder": {"rolstoel": "lichamelijk"}}


def named(query: str) -> list[tuple[str, list]]:
    return [(p[0], p[1]) for p in qr.read_query(query, demo_lexicon())["delen"]]


@pytest.mark.parametrize(
    ("query", "parts"),
    [
        ("sport voor mijn zoon met autisme", [("wie", [0, 17]), ("beperking", ["autisme"])]),
        ("zoon autisme", [("wie", [0, 17]), ("beperking", ["autisme"])]),
        ("autisme 9 jaar", [("beperking", ["autisme"]), ("leeftijd", [9])]),
        ("parkinsons", [("beperking", ["chronisch"])]),
        ("Parkinson's", [("beperking", ["chronisch"])]),
        (
            "judo voor mijn dochter van 10",
            [("sport", ["judo"]), ("wie", [0, 17]), ("leeftijd", [10])],
        ),
        ("in Kampen", [("bij", ["kampen"])]),
        ("rond Dalfsen", [("bij", ["dalfsen"])]),
        ("in de buurt van Wezep", [("bij", ["wezep"])]),
        ("rolstoelgebruiker", [("beperking", ["rolstoel"])]),
        ("rolstoeltennis", [("sport", ["rolstoeltennis"])]),
        ("14-jarige met adhd", [("leeftijd", [14]), ("beperking", ["psychisch"])]),
        ("oma", [("wie", [55, None])]),
        ("65+", [("wie", [65, None])]),
        ("tiener", [("wie", [12, 17])]),
        ("gratis proefles", [("kenmerk", ["proefles-gratis"])]),
        ("in een team", [("samen", ["team"])]),
        ("binnen 10 km", [("km", [10])]),
        ("zwemen", [("sport", ["zwemmen"])]),  # one typo
        ("judoles", [("sport", ["judo"])]),  # a sport and a word that says nothing
        ("down", [("beperking", ["verstandelijk"])]),
        ("prikkelgevoelig", [("beperking", ["autisme"])]),
        ("cva", [("beperking", ["nah"])]),
        ("hersenbloeding", [("beperking", ["nah"])]),
        ("slechtziend", [("beperking", ["visueel"])]),
        ("doof", [("beperking", ["auditief"])]),
    ],
)
def test_a_query_names_what_people_mean(query, parts):
    assert named(query) == parts


@pytest.mark.parametrize(
    "query", ["sport", "sporten", "iets voor mij", "ik zoek graag een sport", "voor mijn", ""]
)
def test_words_that_say_nothing_never_narrow_the_list(query):
    reading = qr.read_query(query, demo_lexicon())
    assert reading["delen"] == [] and reading["tekst"] == []
    assert not qr.named(qr.asked(reading))


def test_the_words_left_are_text_and_must_be_found():
    reading = qr.read_query("zwemmen met zwembandjes", demo_lexicon())
    assert qr.asked(reading)["tekst"] == "zwembandjes"
    assert qr.chips(reading) == [["Zwemmen", [0]], ["‘zwembandjes’", [2]]]


def test_who_and_an_age_are_one_chip_and_its_cross_takes_their_filler_words_too():
    reading = qr.read_query("judo voor mijn dochter van 10", demo_lexicon())
    assert qr.chips(reading) == [["Judo", [0]], ["Kind, 10 jaar", [3, 5]]]
    assert qr.without(reading, [3, 5]) == "judo"
    assert qr.without(reading, [0]) == "voor mijn dochter van 10"


OFFER = {"sport": "judo", "gemeente": "kampen", "beperkingen": ["autisme"], "min": 6, "max": 12,
         "omgeving": ["binnen"], "samen": "beide", "kenmerken": []}  # fmt: skip
FOR_ALL = OFFER | {"beperkingen": ["iedereen"], "min": None, "max": None}


def fit(query: str, offer: dict, distance: float | None = None) -> dict:
    wish = qr.asked(qr.read_query(query, demo_lexicon()))
    return qr.fit(offer, wish, distance, False, "Kampen", demo_lexicon()["namen"], RULES)


def test_an_offer_fits_what_is_named_and_says_why():
    fitted = fit("judo voor mijn zoon van 9 met autisme in Kampen", OFFER, 0.6)
    assert fitted["alles"]
    assert qr.why_text(fitted) == "Past bij: Autisme · Judo · 6–12 jaar · 600 m van Kampen."
    assert fitted["eigen"] == 2  # it names the impairment and an age range


def test_an_offer_for_everyone_fits_but_one_that_names_the_impairment_comes_first():
    specific, everyone = fit("autisme", OFFER), fit("autisme", FOR_ALL)
    assert specific["alles"] and everyone["alles"]
    assert qr.why_text(everyone) == "Past bij: voor iedereen."
    order = qr.answer(
        [
            {"ref": "0", "order": 0, "distance": None, "tekst": 0} | everyone,
            {"ref": "1", "order": 1, "distance": None, "tekst": 0} | specific,
        ]
    )
    assert order == {"stand": "alles", "refs": ["1", "0"]}


def test_what_does_not_fit_is_said_and_a_partial_match_still_counts():
    fitted = fit("rolstoel judo 40 jaar", OFFER)
    assert not fitted["alles"] and fitted["punten"] == qr.WEIGHT["sport"]
    assert qr.why_text(fitted) == "Past bij: Judo. Niet: Rolstoelgebruiker, 40 jaar."


def test_nothing_fits_everything_then_partial_matches_best_first_and_never_a_dead_end():
    results = [
        {"ref": "0", "order": 0, "distance": 30.0, "punten": 8, "alles": False, "eigen": 0,
         "tekst": 0},
        {"ref": "1", "order": 1, "distance": 2.0, "punten": 2, "alles": False, "eigen": 0,
         "tekst": 0},
        {"ref": "2", "order": 2, "distance": 1.0, "punten": 0, "alles": False, "eigen": 0,
         "tekst": 0},
    ]  # fmt: skip
    assert qr.answer(results) == {"stand": "deels", "refs": ["0", "1"]}
    assert qr.answer([results[2]]) == {"stand": "geen", "refs": []}


def test_coordinators_extend_the_lay_words_in_lijsten(demo):
    demo = demo.site
    assert "spierreuma" not in query_lexicon(demo)["woorden"]
    vocabulary = copy.copy(demo.vocabulary)
    vocabulary.beperkingen = dict(vocabulary.beperkingen)
    term = vocabulary.beperkingen["chronisch"]
    vocabulary.beperkingen["chronisch"] = replace(term, woorden=(*term.woorden, "spierreuma"))
    site = copy.copy(demo)
    object.__setattr__(site, "vocabulary", vocabulary)
    lexicon = query_lexicon(site)
    assert lexicon["woorden"]["spierreuma"] == [
        "beperking",
        ["chronisch"],
        "Spierreuma (chronisch)",
    ]


def test_a_sport_s_own_name_wins_and_an_impairment_wins_over_a_sport_s_search_word():
    words = demo_lexicon()["woorden"]
    assert words["rolstoel"][0] == "beperking"
    assert words["rolstoelbasketbal"][0] == "sport"
    assert words["balsport"][0] == "sport" and len(words["balsport"][1]) > 1  # any of them
