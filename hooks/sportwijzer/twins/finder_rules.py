"""The finder's rules: how a link's parameters are read, which offers match, in what order, and
how a distance, an age range and a count are said.

The browser has the same rules in content/javascripts/finder_rules.js, function for function
(read_params here is readParams there). tests/browser/test_finder_rules.py runs a table of cases
through both and compares the answers: change both or neither.

Plain data in, plain data out; no imports from the rest of the package, so every layer may use it.
An offer is a dict of its facts: sport, gemeente, beperkingen (slugs), min, max (age or None),
omgeving (list), samen, kenmerken (list).
"""

from __future__ import annotations

import math
import re
from typing import Any

PAGE = 50  # results in view before "Toon meer", and a static page of the finder
AGE_MIN, AGE_MAX = 0, 120
MY_LOCATION = (
    "mijn-locatie"  # 'bij' when the browser knows where someone is; never in a shared link
)

# The URL parameters, in the order a link writes them
FIELDS = (
    "q", "beperking", "sport", "gemeente", "leeftijd", "voor", "bij", "km", "kenmerk",
    "omgeving", "samen", "sorteer", "toon",
)  # fmt: skip
MULTI = ("beperking", "kenmerk")  # may come more than once
# The sportkeuzehulp's "Voor wie?" (mezelf, kind, ander): 'kind' means offers open to someone
# under 18; the others do not filter
VOORS = ("mezelf", "kind", "ander")
VOOR = {"kind": (0, 17)}
SORTS = ("passend", "afstand")  # 'sorteer': best match first, nearest first

# How a problem names the field, as the form's label does
NAMES = {
    "beperking": "Beperking", "sport": "Sport", "gemeente": "Gemeente", "leeftijd": "Leeftijd",
    "voor": "Voor wie", "bij": "Plaats", "km": "Afstand", "kenmerk": "Snel kiezen",
    "omgeving": "Binnen of buiten", "samen": "Alleen of in een team", "sorteer": "Volgorde",
}  # fmt: skip

NEED_PLACE = {
    "km": "Kies eerst een plaats bij ‘Vanaf’. Dan telt de afstand mee.",
    "sorteer": "Kies eerst een plaats bij ‘Vanaf’. Dan kan de volgorde op afstand.",
}

_AGE_HOW = "Vul een leeftijd in hele jaren in, bijvoorbeeld 12."
_AGE_RANGE = "Vul een leeftijd in van 0 tot en met 120 jaar."
_SPACE = " \t\n\r\f\v"
_WHOLE = re.compile(r"-?[0-9]+")


def empty_state() -> dict[str, Any]:
    return {name: [] if name in MULTI else "" for name in FIELDS} | {
        "leeftijd": None, "km": None, "toon": PAGE,
    }  # fmt: skip


def shorten(value: str) -> str:
    """A value said back: at most 30 characters."""
    return value if len(value) <= 30 else value[:30] + "…"


def usable_params(
    pairs: list[list[str]], fields: tuple[str, ...], multi: tuple[str, ...]
) -> list[tuple[str, str]]:
    """The (name, value) pairs a state is read from: only `fields`, values trimmed, empty values
    left out, and of a field not in `multi` only the first value (the finder's and the agenda's)."""
    used: list[tuple[str, str]] = []
    seen: set[str] = set()
    for name, raw in pairs:
        value = raw.strip(_SPACE)
        if name not in fields or value == "" or (name not in multi and name in seen):
            continue
        seen.add(name)
        used.append((name, value))
    return used


def unknown_value(label: str, value: str) -> str:
    """What a link's value that no list holds is told: 'Sport ‘x’ kennen we niet. ...'."""
    return f"{label} ‘{shorten(value)}’ kennen we niet. Kies er een uit de lijst."


def read_params(pairs: list[list[str]], known: dict[str, list[str]]) -> dict[str, Any]:
    """A link's parameters ([name, value] pairs, in order) as the finder's state, and a problem
    ([field, Dutch sentence]) for each value it cannot use. A value that cannot be used does not
    filter; the others still do. `known` lists the values each field with a list may have
    (beperking, sport, gemeente, voor, bij, km, kenmerk, omgeving, samen, sorteer)."""
    state = empty_state()
    problems: list[list[str]] = []
    for name, value in usable_params(pairs, FIELDS, MULTI):
        if name == "q":
            state["q"] = value
        elif name == "leeftijd":
            if not _WHOLE.fullmatch(value):
                problems.append([name, f"Leeftijd ‘{shorten(value)}’ is geen getal. {_AGE_HOW}"])
            elif not AGE_MIN <= int(value) <= AGE_MAX:
                problems.append([name, f"Leeftijd {shorten(value)} kan niet. {_AGE_RANGE}"])
            else:
                state["leeftijd"] = int(value)
        elif name == "toon":
            if re.fullmatch(r"[0-9]{1,5}", value) and int(value) > 0:
                state["toon"] = max(PAGE, math.ceil(int(value) / PAGE) * PAGE)
        elif value not in known.get(name, ()):
            problems.append([name, unknown_value(NAMES[name], value)])
        elif name in MULTI:
            if value not in state[name]:
                state[name].append(value)
        elif name == "km":
            state["km"] = int(value)
        elif name != "voor" or value in VOOR:  # 'voor mezelf' says nothing to filter on
            state[name] = value
    for name in ("km", "sorteer"):
        if state[name] not in (None, "", "passend") and not state["bij"]:
            problems.append([name, NEED_PLACE[name]])
    return {"state": state, "problems": problems}


def to_params(state: dict[str, Any]) -> list[list[str]]:
    """The state as a link's parameters: the short form read_params() reads back the same."""
    pairs = []
    for name in FIELDS:
        value = state[name]
        if name == "toon" and value == PAGE:
            continue
        for one in value if name in MULTI else [value]:
            if one is not None and one != "":
                pairs.append([name, str(one)])
    return pairs


def serves(beperkingen: list[str], wanted: str, rules: dict[str, Any]) -> bool:
    """An offer for `iedereen` serves everyone; one for a narrower impairment (rolstoel) serves
    who asks for the broader one (lichamelijk), not the other way round."""
    return any(b in (wanted, rules["iedereen"]) or rules["breder"].get(b) == wanted
               for b in beperkingen)  # fmt: skip


def age_fits(low: int | None, high: int | None, state: dict[str, Any]) -> bool:
    """An offer without an age range is for every age. An age asked wins over 'voor'."""
    age = state["leeftijd"]
    if age is not None:
        return (low is None or age >= low) and (high is None or age <= high)
    group = VOOR.get(state["voor"])
    if group:
        return (low is None or low <= group[1]) and (high is None or high >= group[0])
    return True


def matches(
    offer: dict[str, Any], state: dict[str, Any], distance: float | None, rules: dict[str, Any]
) -> bool:
    """Does `offer` meet every filter in `state`? `distance` is None without a starting place."""
    wanted = state["beperking"]
    if wanted and not any(serves(offer["beperkingen"], b, rules) for b in wanted):
        return False
    return (
        (not state["sport"] or offer["sport"] == state["sport"])
        and (not state["gemeente"] or offer["gemeente"] == state["gemeente"])
        and age_fits(offer["min"], offer["max"], state)
        and (not state["omgeving"] or state["omgeving"] in offer["omgeving"])
        and (not state["samen"] or offer["samen"] in ("beide", state["samen"]))
        and all(k in offer["kenmerken"] for k in state["kenmerk"])
        and (distance is None or state["km"] is None or distance <= state["km"])
    )


def sort_mode(state: dict[str, Any], has_origin: bool) -> str:
    """'afstand' (nearest first) or 'passend' (best match first): by distance when there is a
    place to measure from, unless someone chose otherwise."""
    if not has_origin:
        return "passend"
    return state["sorteer"] or "afstand"


def distance_km(a: list[float], b: list[float]) -> float:
    """Great-circle distance between two [lat, lon] points (haversine)."""
    rad = math.pi / 180
    d_lat = (b[0] - a[0]) * rad
    d_lon = (b[1] - a[1]) * rad
    h = (
        math.sin(d_lat / 2) ** 2
        + math.cos(a[0] * rad) * math.cos(b[0] * rad) * math.sin(d_lon / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def format_distance(km: float) -> str:
    """'minder dan 100 m', '300 m', '7,7 km', '13 km': to 100 m below 1 km, to 0.1 km below
    10 km, whole km above; halves round up (0.25 km is 300 m, 12.5 km is 13 km)."""
    tenths = math.floor(km * 10 + 0.5)
    if tenths < 1:
        return "minder dan 100 m"
    if tenths < 10:
        return f"{tenths * 100} m"
    if tenths < 100:
        return f"{tenths // 10},{tenths % 10} km"
    return f"{math.floor(km + 0.5)} km"


def distance_text(km: float, place: str) -> str:
    """'14 km van Kampen', '800 m van jouw locatie'."""
    return f"{format_distance(km)} van {place}"


def age_text(low: int | None, high: int | None) -> str:
    """'6 tot en met 18 jaar', 'vanaf 6 jaar', 'tot en met 12 jaar', 'alle leeftijden'."""
    if low is not None and high is not None:
        return f"{low} jaar" if low == high else f"{low} tot en met {high} jaar"
    if low is not None:
        return f"vanaf {low} jaar"
    if high is not None:
        return f"tot en met {high} jaar"
    return "alle leeftijden"


def count_text(n: int) -> str:
    if n == 0:
        return "Geen aanbod gevonden."
    return "1 activiteit gevonden." if n == 1 else f"{number_text(n)} activiteiten gevonden."


def number_text(n: int) -> str:
    """1234 -> '1.234': Dutch groups thousands with a full stop."""
    return f"{n:,}".replace(",", ".")


def order(
    shown: list[dict[str, Any]], mode: str, scores: dict[str, Any] | None
) -> list[dict[str, Any]]:
    """Results ({ref, order, distance}) in the order the finder shows them."""
    if mode == "afstand":
        return sorted(shown, key=lambda r: (r["distance"], r["order"]))
    if scores is not None:
        return sorted(shown, key=lambda r: (-scores[r["ref"]], r["order"]))
    return sorted(shown, key=lambda r: r["order"])
