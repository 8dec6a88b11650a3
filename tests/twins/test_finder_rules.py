"""The finder's rules in Python: what a person sees for odd links, distances, ages and counts.
(tests/browser/test_finder_rules.py checks the browser's module gives the same answers.)"""

from __future__ import annotations

import pytest

from finder_rule_cases import KNOWN, OFFERS, RULES, cases
from sportwijzer.twins import finder_rules as rules


def read(query: str) -> dict:
    pairs = [part.split("=", 1) for part in query.split("&") if part]
    return rules.read_params(pairs, KNOWN)


def test_a_good_link_is_read_whole_and_written_back_the_same():
    query = (
        "q=judo&beperking=visueel&beperking=auditief&sport=judo&leeftijd=12&bij=zwolle&km=10"
        "&toon=100"
    )
    result = read(query)
    assert result["problems"] == []
    assert result["state"]["leeftijd"] == 12 and result["state"]["km"] == 10
    assert "&".join("=".join(p) for p in rules.to_params(result["state"])) == query


@pytest.mark.parametrize(
    ("query", "field", "says"),
    [
        ("leeftijd=12abc", "leeftijd", "Leeftijd ‘12abc’ is geen getal."),
        ("leeftijd=-3", "leeftijd", "Leeftijd -3 kan niet."),
        ("leeftijd=150", "leeftijd", "Vul een leeftijd in van 0 tot en met 120 jaar."),
        ("sport=xyz", "sport", "Sport ‘xyz’ kennen we niet. Kies er een uit de lijst."),
        ("gemeente=amsterdam", "gemeente", "Gemeente ‘amsterdam’ kennen we niet."),
        ("beperking=onbekend", "beperking", "Beperking ‘onbekend’ kennen we niet."),
        ("bij=atlantis", "bij", "Plaats ‘atlantis’ kennen we niet."),
        ("km=abc", "km", "Afstand ‘abc’ kennen we niet."),
        ("km=10", "km", "Kies eerst een plaats bij ‘Vanaf’. Dan telt de afstand mee."),
        ("sorteer=afstand", "sorteer", "Kies eerst een plaats bij ‘Vanaf’."),
    ],
)
def test_a_value_that_cannot_be_used_is_said_back_and_the_rest_still_filters(query, field, says):
    result = read(query + "&sport=judo")
    problems = [p for p in result["problems"] if p[0] == field]
    assert len(problems) == 1 and says in problems[0][1]
    if field != "sport":
        assert result["state"]["sport"] == "judo"  # the other filters still count


def test_an_age_is_whole_years_from_0_to_120():
    assert [read(f"leeftijd={a}")["state"]["leeftijd"] for a in ("0", "120", " 7 ", "007")] == [
        0, 120, 7, 7,
    ]  # fmt: skip
    for odd in ("121", "12abc", "12.5", "1e2", "٣", "+5"):
        assert read(f"leeftijd={odd}")["state"]["leeftijd"] is None
        assert read(f"leeftijd={odd}")["problems"]


def test_an_offer_without_an_age_range_is_for_every_age():
    judo = OFFERS[1]  # no min, no max
    for age in (0, 8, 70, 120):
        assert rules.matches(judo, read(f"leeftijd={age}")["state"], None, RULES)
    assert rules.age_text(None, None) == "alle leeftijden"
    assert rules.age_text(6, 12) == "6 tot en met 12 jaar"


def test_voor_kind_from_the_keuzehulp_keeps_offers_open_to_under_18s():
    state = read("voor=kind")["state"]
    fits = [rules.age_fits(o["min"], o["max"], state) for o in OFFERS]
    assert fits == [True, True, True, True, False, False]
    assert rules.age_fits(65, 120, read("voor=kind&leeftijd=70")["state"])  # an age wins


def test_impairments_iedereen_serves_all_and_rolstoel_is_part_of_lichamelijk():
    assert rules.serves(["rolstoel"], "lichamelijk", RULES)
    assert not rules.serves(["lichamelijk"], "rolstoel", RULES)
    assert rules.serves(["iedereen"], "visueel", RULES)
    assert not rules.serves(["auditief"], "visueel", RULES)


@pytest.mark.parametrize(
    ("km", "said"),
    [(0.02, "minder dan 100 m"), (0.25, "300 m"), (0.8, "800 m"), (0.96, "1,0 km"),
     (7.7, "7,7 km"), (9.96, "10 km"), (12.5, "13 km"), (12.4, "12 km")],
)  # fmt: skip
def test_a_distance_is_said_one_way_everywhere(km, said):
    assert rules.format_distance(km) == said


def test_a_card_says_from_where_the_distance_is():
    assert rules.distance_text(14.2, "Kampen") == "14 km van Kampen"
    assert rules.distance_text(0.8, "jouw locatie") == "800 m van jouw locatie"


def test_with_a_place_nearest_comes_first_unless_someone_chose_otherwise():
    assert rules.sort_mode(read("bij=zwolle")["state"], True) == "afstand"
    assert rules.sort_mode(read("bij=zwolle&sorteer=passend")["state"], True) == "passend"
    assert rules.sort_mode(read("sorteer=afstand")["state"], False) == "passend"


def test_toon_more_is_whole_pages_and_short_in_the_link():
    assert read("toon=75")["state"]["toon"] == 100
    assert read("toon=abc")["state"]["toon"] == rules.PAGE
    assert rules.to_params(read("toon=50")["state"]) == []


def test_one_activiteit_many_activiteiten():
    assert [rules.count_text(n) for n in (0, 1, 2)] == [
        "Geen aanbod gevonden.", "1 activiteit gevonden.", "2 activiteiten gevonden.",
    ]  # fmt: skip


def test_the_twin_table_is_large_and_every_case_runs_in_python():
    table = cases()
    assert len(table) >= 300
    for name, args in table:
        getattr(rules, name)(*args)  # none raises, whatever the input
