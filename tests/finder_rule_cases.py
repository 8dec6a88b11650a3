"""A table of cases for the finder's rules: [function, arguments], run through the Python rules
(hooks/sportwijzer/twins/finder_rules.py) and the browser's (content/javascripts/finder_rules.js).

Written here, not read from the data: the same table works for any region. Malformed input is
most of it, because that is where two implementations drift.
"""

from __future__ import annotations

import itertools

from sportwijzer.twins import finder_rules as rules

KNOWN = {
    "beperking": ["lichamelijk", "rolstoel", "visueel", "auditief", "autisme"],
    "sport": ["zwemmen", "judo", "rolstoelbasketbal", "kanovaren"],
    "gemeente": ["zwolle", "kampen", "ommen"],
    "voor": list(rules.VOORS),
    "bij": ["zwolle", "kampen", "wezep", rules.MY_LOCATION],
    "km": ["5", "10", "15", "25", "50"],
    "kenmerk": ["gratis", "proefles-gratis", "rolstoeltoegankelijk"],
    "omgeving": ["binnen", "buiten", "water"],
    "samen": ["alleen", "team"],
    "sorteer": list(rules.SORTS),
}
RULES = {"iedereen": "iedereen", "breder": {"rolstoel": "lichamelijk"}}

OFFERS = [
    {"sport": "zwemmen", "gemeente": "zwolle", "beperkingen": ["visueel"], "min": 6, "max": 12,
     "omgeving": ["water"], "samen": "alleen", "kenmerken": ["gratis"]},
    {"sport": "judo", "gemeente": "kampen", "beperkingen": ["iedereen"], "min": None, "max": None,
     "omgeving": ["binnen"], "samen": "beide", "kenmerken": []},
    {"sport": "rolstoelbasketbal", "gemeente": "zwolle", "beperkingen": ["rolstoel"], "min": 16,
     "max": None, "omgeving": ["binnen"], "samen": "team",
     "kenmerken": ["rolstoeltoegankelijk", "proefles-gratis"]},
    {"sport": "kanovaren", "gemeente": "ommen", "beperkingen": ["lichamelijk", "autisme"],
     "min": None, "max": 17, "omgeving": ["buiten", "water"], "samen": "alleen",
     "kenmerken": ["gratis", "proefles-gratis"]},
    {"sport": "zwemmen", "gemeente": "kampen", "beperkingen": ["auditief"], "min": 65, "max": 120,
     "omgeving": ["water", "binnen"], "samen": "alleen", "kenmerken": []},
    {"sport": "judo", "gemeente": "zwolle", "beperkingen": ["autisme", "visueel"], "min": 18,
     "max": 18, "omgeving": ["binnen"], "samen": "team", "kenmerken": ["gratis"]},
]  # fmt: skip

# Link parameters as a browser's URLSearchParams gives them: [name, value] pairs, in order
PARAMS = [
    [],
    [["q", "zwemmen"]],
    [["q", "  zwemmen in Zwolle  "]],
    [["q", ""]],
    [["q", " \t "]],
    [["q", "ß & ü"]],
    [["q", "😀 zwemmen"]],
    [["q", "eerste"], ["q", "tweede"]],
    [["beperking", "visueel"]],
    [["beperking", "visueel"], ["beperking", "visueel"]],
    [["beperking", "visueel"], ["beperking", "auditief"]],
    [["beperking", "onbekend"]],
    [["beperking", "Visueel"]],
    [["beperking", "iedereen"]],
    [["beperking", ""], ["beperking", "rolstoel"]],
    [["sport", "judo"]],
    [["sport", "xyz"]],
    [["sport", "judo"], ["sport", "zwemmen"]],
    [["sport", "xyz"], ["sport", "judo"]],
    [["sport", " judo "]],
    [["gemeente", "zwolle"]],
    [["gemeente", "amsterdam"]],
    [["gemeente", "a" * 40]],
    [["gemeente", "😀" * 35]],
    [["bij", "zwolle"], ["km", "10"]],
    [["km", "10"]],
    [["km", "abc"]],
    [["km", "7"]],
    [["km", "10"], ["bij", "onbekend"]],
    [["bij", "wezep"]],
    [["bij", rules.MY_LOCATION], ["km", "5"]],
    [["sorteer", "afstand"]],
    [["sorteer", "afstand"], ["bij", "kampen"]],
    [["sorteer", "passend"]],
    [["sorteer", "passend"], ["bij", "kampen"]],
    [["sorteer", "willekeurig"]],
    [["kenmerk", "gratis"], ["kenmerk", "proefles-gratis"]],
    [["kenmerk", "gratis"], ["kenmerk", "goedkoop"]],
    [["omgeving", "water"], ["samen", "team"]],
    [["omgeving", "lucht"], ["samen", "samen"]],
    [["voor", "kind"]],
    [["voor", "mezelf"]],
    [["voor", "hond"]],
    [["voor", "kind"], ["leeftijd", "40"]],
    [["onbekend", "x"], ["utm_source", "nieuwsbrief"]],
    [["q", "judo"], ["beperking", "visueel"], ["sport", "judo"], ["gemeente", "zwolle"],
     ["leeftijd", "12"], ["voor", "kind"], ["bij", "zwolle"], ["km", "25"],
     ["kenmerk", "gratis"], ["omgeving", "binnen"], ["samen", "team"], ["sorteer", "passend"],
     ["toon", "150"]],
]  # fmt: skip
AGES = ["12", "0", "120", "121", "-3", "-0", "150", "12abc", "abc", "1e2", "12.5", " 7 ", "007",
        "٣", "99999999999999999999", "+5", "1 2", "0x10", ""]  # fmt: skip
TOONS = ["100", "75", "50", "1", "0", "-50", "abc", "99999", "123456", "100.0", " 200 "]
PARAMS += [[["leeftijd", age]] for age in AGES]
PARAMS += [[["leeftijd", age], ["beperking", "visueel"]] for age in AGES[:6]]
PARAMS += [[["toon", toon]] for toon in TOONS]

KMS = [0, 0.01, 0.04, 0.049, 0.05, 0.051, 0.1, 0.15, 0.25, 0.35, 0.45, 0.5, 0.55, 0.749, 0.75,
       0.94, 0.95, 0.96, 0.999, 1, 1.04, 1.05, 1.25, 2.45, 7.7, 7.75, 9.94, 9.95, 9.96, 9.99, 10,
       10.4, 10.5, 12.4999, 12.5, 12.51, 14, 49.5, 99.5, 123.456]  # fmt: skip
POINTS = [
    ([52.5168, 6.0830], [52.5168, 6.0830]),
    ([52.5168, 6.0830], [52.5556, 5.9111]),
    ([52.5168, 6.0830], [52.4024, 6.4312]),
    ([51.0, 3.5], [53.5, 7.2]),
    ([52.0, 5.0], [52.0, 5.0001]),
]


def _state(**changes) -> dict:
    state = rules.empty_state()
    state.update(changes)
    return state


STATES = [
    _state(),
    _state(beperking=["visueel"]),
    _state(beperking=["lichamelijk"]),
    _state(beperking=["rolstoel"]),
    _state(beperking=["autisme", "auditief"]),
    _state(sport="judo"),
    _state(gemeente="zwolle", omgeving="water"),
    _state(leeftijd=12),
    _state(leeftijd=0),
    _state(leeftijd=70),
    _state(leeftijd=18),
    _state(voor="kind"),
    _state(voor="kind", leeftijd=40),
    _state(voor="mezelf"),
    _state(samen="team"),
    _state(samen="alleen"),
    _state(kenmerk=["gratis", "proefles-gratis"]),
    _state(km=10),
]
DISTANCES = [None, 3.0, 10.0, 10.0001]


def cases() -> list[list]:
    """[function name (Python's), arguments] for every case."""
    table: list[list] = []
    for pairs in PARAMS:
        table.append(["read_params", [pairs, KNOWN]])
        table.append(["to_params", [rules.read_params(pairs, KNOWN)["state"]]])
    for offer, state in itertools.product(OFFERS, STATES):
        table.append(["matches", [offer, state, DISTANCES[len(table) % 4], RULES]])
    for km in KMS:
        table.append(["format_distance", [km]])
    table += [["distance_text", [3.44, "Kampen"]], ["distance_text", [0.8, "jouw locatie"]]]
    for a, b in POINTS:
        table.append(["distance_km", [a, b]])
    for low, high in [(None, None), (6, None), (None, 12), (6, 12), (18, 18), (0, 120)]:
        table.append(["age_text", [low, high]])
        for state in STATES[7:14]:
            table.append(["age_fits", [low, high, state]])
    for n in (0, 1, 2, 50, 999, 1000, 12345, 1234567):
        table.append(["count_text", [n]])
    for state, has_origin in itertools.product(
        [_state(), _state(sorteer="afstand"), _state(sorteer="passend")], [False, True]
    ):
        table.append(["sort_mode", [state, has_origin]])
    shown = [
        {"ref": "0", "order": 0, "distance": 5.0},
        {"ref": "3", "order": 3, "distance": 1.0},
        {"ref": "7", "order": 7, "distance": 5.0},
        {"ref": "9", "order": 9, "distance": 0.5},
    ]
    scores = {"0": 1.5, "3": 2.5, "7": 2.5, "9": 0.1}
    for mode, given in itertools.product(["afstand", "passend"], [None, scores]):
        table.append(["order", [list(reversed(shown)), mode, given]])
    for wanted in ["visueel", "lichamelijk", "rolstoel", "auditief", "iedereen"]:
        for offer in OFFERS:
            table.append(["serves", [offer["beperkingen"], wanted, RULES]])
    for text in ["kort", "a" * 30, "a" * 31, "😀" * 31]:
        table.append(["shorten", [text]])
    return table
