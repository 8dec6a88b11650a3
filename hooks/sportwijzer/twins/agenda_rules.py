"""The agenda's rules: how a link's filters are read and written, which events match, which have
passed on a given day, and how a count is said.

The browser has the same rules in content/javascripts/agenda_rules.js, function for function
(read_params here is readParams there). tests/browser/test_agenda_pages.py runs one table of
cases (tests/agenda_rule_cases.py) through both and compares the answers: change both or neither.

Plain data in, plain data out; only finder_rules below it (an impairment is served as in the
finder). An event is a dict of its facts: beperkingen, gemeente, doelgroep (slugs) and tot (its
last day, 'YYYY-MM-DD').
"""

from __future__ import annotations

import re
from typing import Any

from .finder_rules import serves, unknown_value, usable_params

# A date as the data and the browser write it; base/dates.py reads dates with this one pattern
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# The URL parameters, in the order a link writes them
FIELDS = ("beperking", "gemeente", "doelgroep")
MULTI = ("beperking",)  # may come more than once
NAMES = {"beperking": "Beperking", "gemeente": "Gemeente", "doelgroep": "Voor wie"}


def empty_state() -> dict[str, Any]:
    return {"beperking": [], "gemeente": "", "doelgroep": ""}


def read_params(pairs: list[list[str]], known: dict[str, list[str]]) -> dict[str, Any]:
    """A link's parameters ([name, value] pairs, in order) as the agenda's state, and a problem
    ([field, Dutch sentence]) for each value it cannot use; that value does not filter. Other
    parameters are left alone, and of a single-valued field the first value counts."""
    state = empty_state()
    problems: list[list[str]] = []
    for name, value in usable_params(pairs, FIELDS, MULTI):
        if value not in known.get(name, ()):
            problems.append([name, unknown_value(NAMES[name], value)])
        elif name in MULTI:
            if value not in state[name]:
                state[name].append(value)
        else:
            state[name] = value
    return {"state": state, "problems": problems}


def to_params(state: dict[str, Any]) -> list[list[str]]:
    """The state as a link's parameters, in the order of FIELDS."""
    pairs = []
    for name in FIELDS:
        for one in state[name] if name in MULTI else [state[name]]:
            if one:
                pairs.append([name, one])
    return pairs


def matches(event: dict[str, Any], state: dict[str, Any], rules: dict[str, Any]) -> bool:
    """Does the event meet every filter? An event for 'iedereen' serves every impairment; one
    for 'sporters' is not for 'trainers': a doelgroep must be named."""
    wanted = state["beperking"]
    if wanted and not any(serves(event["beperkingen"], b, rules) for b in wanted):
        return False
    return (not state["gemeente"] or event["gemeente"] == state["gemeente"]) and (
        not state["doelgroep"] or state["doelgroep"] in event["doelgroep"]
    )


def is_over(last_day: str, today: str) -> bool:
    """Over once its last day ('YYYY-MM-DD') is before today; a day that cannot be read never
    hides an event."""
    if not ISO_DATE.fullmatch(last_day) or not ISO_DATE.fullmatch(today):
        return False
    return last_day < today


def count_text(n: int, filtered: bool) -> str:
    """What the list says above the events: nothing while it shows all of them."""
    if n == 0:
        if filtered:
            return "Geen evenementen gevonden. Kies minder filters."
        return "Er staan nu geen evenementen op de agenda."
    if not filtered:
        return ""
    return "1 evenement gevonden." if n == 1 else f"{n} evenementen gevonden."


def filtered(state: dict[str, Any]) -> bool:
    """Is any filter on?"""
    return bool(to_params(state))
