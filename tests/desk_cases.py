"""A table of cases for the desk's rules: [function, arguments], run through the Python rules
(hooks/sportwijzer/twins/desk.py) and the browser's (content/javascripts/desk.js).

Written here, not read from the data. Odd input is most of it (& # % + = ? newlines, emoji,
control characters, very long text), because that is where two implementations drift.
"""

from __future__ import annotations

LABELS = {
    "gemeente": {"kampen": "Kampen", "zwolle": "Zwolle", "olst-wijhe": "Olst-Wijhe"},
    "beperking": {"autisme": "Autisme", "visueel": "Visueel", "rolstoel": "Rolstoel"},
    "sport": {"zwemmen": "Zwemmen", "judo": "Judo", "rolstoelbasketbal": "Rolstoelbasketbal"},
}
KNOWN = {
    "gemeente": list(LABELS["gemeente"]),
    "beperking": list(LABELS["beperking"]),
    "sport": list(LABELS["sport"]),
    "leeftijdsgroep": ["kind", "jongere", "volwassene", "senior"],
}
LOKET = {"naam": "Sportloket IJssel-Vecht", "email": "loket@example.org"}

LONG = "Ik zoek iets. " * 80  # 1120 characters
EMOJI_AT_THE_CUT = "a" * 999 + "😀😀"


def form(**changes) -> dict:
    base = {"gemeente": "", "beperking": [], "leeftijdsgroep": "", "sport": "", "vraag": ""}
    return base | changes


FORMS = [
    form(),
    form(gemeente="kampen"),
    form(sport="zwemmen"),
    form(gemeente="kampen", sport="zwemmen"),
    form(gemeente="olst-wijhe", beperking=["autisme", "visueel"], leeftijdsgroep="kind",
         sport="judo", vraag="Mijn zoon (12) wil graag judoën."),
    form(leeftijdsgroep="senior"),
    form(vraag="Tom & Jerry #1 100% zeker? a+b=c"),
    form(vraag="regel 1\nregel 2\r\nregel 3\rregel 4"),
    form(vraag="  \n\t  "),
    form(vraag="zwemmen 😀 met mijn hond 🐕‍🦺, ß ü é"),
    form(vraag="nul\x00bel\x07tab\tdel\x7f"),
    form(vraag=LONG),
    form(vraag=EMOJI_AT_THE_CUT),
    form(vraag="'quotes' (haakjes) *ster* !uitroep ~tilde"),
    form(gemeente="onbekend", sport="kok", beperking=["blind", "__proto__"],
         leeftijdsgroep="baby"),
    form(gemeente="__proto__", sport="constructor"),
    form(beperking=["rolstoel"], vraag="<script>alert(1)</script>"),
]  # fmt: skip

PARAMS = [
    [],
    [["gemeente", "kampen"]],
    [["gemeente", "kampen"], ["gemeente", "zwolle"]],
    [["gemeente", "Kampen"]],
    [["gemeente", " kampen "]],
    [["beperking", "autisme"], ["beperking", "visueel"], ["beperking", "autisme"]],
    [["beperking", "blind"]],
    [["sport", "zwemmen"], ["q", "zwemmen in de avond"], ["bij", "mijn-locatie"]],
    [["leeftijd", "12"]],
    [["leeftijd", "13"]],
    [["leeftijd", "17"]],
    [["leeftijd", "18"]],
    [["leeftijd", "64"]],
    [["leeftijd", "65"]],
    [["leeftijd", "120"]],
    [["leeftijd", "121"]],
    [["leeftijd", "-1"]],
    [["leeftijd", "12abc"]],
    [["leeftijd", "1e2"]],
    [["leeftijd", "٣"]],
    [["leeftijd", "12"], ["leeftijdsgroep", "senior"]],
    [["leeftijdsgroep", "jongere"], ["leeftijd", "70"]],
    [["leeftijd", "70"], ["leeftijd", "5"]],
    [["vraag", "mag niet uit een link komen"]],
    [["__proto__", "x"], ["constructor", "y"]],
    [["sport", "judo"], ["gemeente", "zwolle"], ["beperking", "rolstoel"], ["leeftijd", "30"]],
]  # fmt: skip

STATES = [
    {"beperking": [], "sport": "", "gemeente": "", "leeftijd": None},
    {"beperking": ["autisme"], "sport": "zwemmen", "gemeente": "kampen", "leeftijd": 12,
     "q": "avond", "bij": "kampen", "km": 10, "kenmerk": ["gratis"], "toon": 100},
    {"beperking": ["autisme", "visueel"], "sport": "", "gemeente": "", "leeftijd": 0},
    {"beperking": [], "sport": "judo", "gemeente": "", "leeftijd": None, "q": "judo"},
]  # fmt: skip

TEXTS = [
    "",
    "gewoon",
    "a b",
    "& # % + = ? /",
    "!'()*~-_.",
    "😀",
    "\n\r\t",
    "ß ü é ij",
    "\ud800",
    "a\udc00b",
]


def cases() -> list[list]:
    """[function name, arguments] for every rule the two modules share."""
    table: list[list] = []
    table += [["age_group", [age]] for age in (0, 12, 13, 17, 18, 64, 65, 120, 121)]
    table += [["encode", [text]] for text in TEXTS]
    table += [["help_params", [state]] for state in STATES]
    table += [["help_url", [pairs]] for pairs in PARAMS]
    table += [["read_help_params", [pairs, KNOWN]] for pairs in PARAMS]
    table += [["clean_text", [f["vraag"]]] for f in FORMS]
    table += [["subject", [f, LABELS]] for f in FORMS]
    table += [["body", [f, LABELS, LOKET["naam"]]] for f in FORMS]
    table += [["mail", [f, LABELS, LOKET]] for f in FORMS]
    return table
