"""A table of cases for the agenda's rules: [function, arguments], run through the Python rules
(hooks/sportwijzer/twins/agenda_rules.py) and the browser's (content/javascripts/agenda_rules.js).

Written here, not read from the data. Malformed links are most of it: that is where two
implementations drift.
"""

from __future__ import annotations

import itertools

KNOWN = {
    "beperking": ["lichamelijk", "rolstoel", "visueel", "autisme"],
    "gemeente": ["zwolle", "kampen", "olst-wijhe"],
    "doelgroep": ["sporters", "ouders-en-begeleiders", "trainers"],
}
RULES = {"iedereen": "iedereen", "breder": {"rolstoel": "lichamelijk"}}

EVENTS = [
    {"beperkingen": ["visueel"], "gemeente": "zwolle", "doelgroep": ["sporters"],
     "tot": "2027-04-17"},
    {"beperkingen": ["iedereen"], "gemeente": "kampen", "doelgroep": ["sporters", "trainers"],
     "tot": "2027-06-14"},
    {"beperkingen": ["rolstoel"], "gemeente": "olst-wijhe", "doelgroep": ["sporters"],
     "tot": "2026-12-31"},
    {"beperkingen": ["autisme", "lichamelijk"], "gemeente": "zwolle",
     "doelgroep": ["trainers", "ouders-en-begeleiders"], "tot": "2027-01-01"},
]  # fmt: skip

PARAMS = [
    [],
    [["beperking", "visueel"]],
    [["beperking", "visueel"], ["beperking", "visueel"]],
    [["beperking", "visueel"], ["beperking", "autisme"]],
    [["beperking", "lichamelijk"]],
    [["beperking", "rolstoel"]],
    [["beperking", "iedereen"]],
    [["beperking", "Visueel"]],
    [["beperking", " visueel "]],
    [["beperking", ""]],
    [["beperking", "blind"], ["beperking", "visueel"]],
    [["gemeente", "zwolle"]],
    [["gemeente", "kampen"], ["gemeente", "zwolle"]],
    [["gemeente", "Zwolle"]],
    [["gemeente", "amsterdam"]],
    [["gemeente", "olst-wijhe"]],
    [["doelgroep", "trainers"]],
    [["doelgroep", "ouders-en-begeleiders"]],
    [["doelgroep", "sporter"]],
    [["doelgroep", "x" * 40]],
    [["doelgroep", "😀 ouders"]],
    [["beperking", "lichamelijk"], ["gemeente", "zwolle"], ["doelgroep", "trainers"]],
    [["beperking", "visueel"], ["doelgroep", "trainers"]],
    [["q", "judo"], ["sport", "judo"], ["gemeente", "kampen"]],
    [["gemeente", "\t\n"], ["gemeente", "kampen"]],
    [["doelgroep", "\u00a0trainers"]],
]

DAYS = ["2026-12-31", "2027-01-01", "2027-04-17", "2027-04-18", "", "17-04-2027", "2027-4-17"]


def cases() -> list[tuple[str, list]]:
    """[python function name, arguments]: the same call for both implementations."""
    from sportwijzer.twins import agenda_rules as rules

    table: list[tuple[str, list]] = []
    for pairs in PARAMS:
        table.append(("read_params", [pairs, KNOWN]))
        state = rules.read_params(pairs, KNOWN)["state"]
        table.append(("to_params", [state]))
        table.append(("filtered", [state]))
        table += [("matches", [event, state, RULES]) for event in EVENTS]
    table += [("is_over", [a, b]) for a, b in itertools.product(DAYS, repeat=2)]
    table += [("count_text", [n, f]) for n in (0, 1, 2, 17) for f in (False, True)]
    return table
