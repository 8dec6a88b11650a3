"""Reading a query as people type it: "sport voor mijn zoon met autisme" names an impairment
(autisme) and who it is for (a child); "judo in Kampen voor mijn dochter van 10" a sport, a place
to measure from and an age. What a query names is matched on meaning (an offer's facts), the rest
is text; words that say nothing on their own ("voor", "mijn", "sport") never empty the list.

The browser has the same rules in content/javascripts/query_reading.js, function for function
(read_query here is readQuery there). tests/browser/test_query_reading.py runs a table of cases
through both and compares the answers: change both or neither.

Plain data in, plain data out; no imports from the rest of the package. The lexicon (which word
means what) is data, made at build time by finder/query_lexicon.py from lijsten/ and regio.yml:

    {"woorden": {key: [soort, waarden, label]}, "vul": [filler words]}

A key is a word or phrase as tokens() makes it ("in een team", "65+"). The kinds (soort):
beperking, sport (waarden: slugs, any of them), wie (waarden: [min, max], an age range, None for
no limit), bij (a place's slug), kenmerk, omgeving, samen (one value each).

How an offer fits what was asked, and the order of the results, is in this module too (fit,
answer), so that the finder and the search-quality benchmark give the same answer.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from .finder_rules import format_distance, number_text, serves

MAX_PHRASE = 5  # the longest key, in words
MIN_TYPO = 5  # a word this long may have one typo
AGE_LIMIT = 120
NEAR_KM = 15  # a place asked for fits offers this close
NEAR_STEP = 5  # when a place is named, offers this much nearer come first (before 'eigen')
# What each part of a question weighs: the impairment and the sport first, then age, place,
# wishes and words.
WEIGHT = {
    "beperking": 9, "sport": 8, "wie": 4, "leeftijd": 4, "bij": 2, "km": 2, "kenmerk": 2,
    "omgeving": 2, "samen": 2, "tekst": 3,
}  # fmt: skip
_TOKEN = re.compile(r"[0-9]+\+?|[a-z]+")
_DIGITS = re.compile(r"[0-9]{1,4}\+?")
_YEARS = ("jaar", "jaren", "jarig", "jarige", "jarigen", "jr", "jaars")
_PLUS = ("plus", "plusser", "plussers")


def fold(text: str) -> str:
    """Lower case without accents: 'Café' -> 'cafe'. The site's one fold: the text index uses
    it too (finder/search.py), and the browser folds the same way (sportwijzer.fold, fold below)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokens(text: str) -> list[str]:
    """The words of a text as the reading sees them: folded, runs of letters and of digits
    ('9jaar' is '9 jaar'), a '+' kept after a number ('65+')."""
    return _TOKEN.findall(fold(text))


def _typo_one(a: str, b: str) -> bool:
    """a and b differ by exactly one letter added, removed, changed or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return a[i:] == b[i + 1 :]


def _variants(word: str) -> list[str]:
    """Plural and other endings off: 'parkinsons' -> 'parkinson', 'autistische' -> 'autistisch',
    'judoles' -> 'judo' is not one (compounds are split elsewhere)."""
    found = []
    for end, keep in (("s", 1), ("en", 2), ("e", 1), ("tje", 3), ("je", 2), ("n", 1)):
        if word.endswith(end) and len(word) - keep >= 3:
            found.append(word[: len(word) - keep])
    return found


def _single(word: str, words: dict[str, Any], filler: set[str], fuzzy: list[str]) -> list[str]:
    """The key(s) one word means on its own: itself, without an ending, two keys joined
    ('rolstoeltennis'), a key and a filler word joined ('judoles'), or a key with one typo;
    [] if none."""
    if word in words:
        return [word]
    for variant in _variants(word):
        if variant in words:
            return [variant]
    for cut in range(len(word) - 3, 2, -1):
        left, right = word[:cut], word[cut:]
        for joint in (left, left[:-1] if left.endswith("s") else None):
            if joint and len(joint) >= 3 and joint in words:
                inner = [right] if right in words else [v for v in _variants(right) if v in words]
                if inner and words[joint][0] != words[inner[0]][0]:
                    return [joint, inner[0]]
                if right in filler and len(right) >= 3:
                    return [joint]
    if len(word) >= MIN_TYPO:
        for key in fuzzy:
            if _typo_one(word, key):
                return [key]
    return []


def fuzzy_keys(lexicon: dict[str, Any]) -> list[str]:
    """The keys a typo may reach: single words of at least MIN_TYPO - 1 letters, in order."""
    return sorted(k for k in lexicon["woorden"] if " " not in k and len(k) >= MIN_TYPO - 1)


def read_query(query: str, lexicon: dict[str, Any]) -> dict[str, Any]:
    """What a query names: its words (tokens), the parts it names ([soort, waarden, label,
    first word, last word + 1], in the order typed) and the positions of the words left as
    text."""
    words = lexicon["woorden"]
    filler = set(lexicon["vul"])
    fuzzy = fuzzy_keys(lexicon)
    found = tokens(query)
    parts: list[list[Any]] = []
    text: list[int] = []
    i = 0
    while i < len(found):
        word = found[i]
        after = found[i + 1] if i + 1 < len(found) else ""
        if _DIGITS.fullmatch(word):
            number = int(word.rstrip("+"))
            if (word.endswith("+") or after in _PLUS) and number <= AGE_LIMIT:
                end = i + 1 if word.endswith("+") else i + 2
                parts.append(["wie", [number, None], f"{number}+", i, end])
                i = end
                continue
            if after == "km" and number > 0:
                parts.append(["km", [number], f"Niet verder dan {number} km", i, i + 2])
                i += 2
                continue
            if number <= AGE_LIMIT:
                end = i + 2 if after in _YEARS else i + 1
                parts.append(["leeftijd", [number], f"{number} jaar", i, end])
                i = end
                continue
        if word == "binnen" and _DIGITS.fullmatch(after):  # 'binnen 10 km'
            i += 1
            continue
        matched = False
        for size in range(min(MAX_PHRASE, len(found) - i), 1, -1):
            key = " ".join(found[i : i + size])
            if key in words:
                meaning = words[key]
                parts.append([meaning[0], meaning[1], meaning[2], i, i + size])
                i += size
                matched = True
                break
        if matched:
            continue
        if word in filler or (len(word) < 2 and word not in words):
            i += 1
            continue
        keys = _single(word, words, filler, fuzzy)
        for key in keys:
            meaning = words[key]
            parts.append([meaning[0], meaning[1], meaning[2], i, i + 1])
        if not keys:
            text.append(i)
        i += 1
    return {"woorden": found, "delen": parts, "tekst": text}


def asked(reading: dict[str, Any]) -> dict[str, Any]:
    """The question as one set of wishes: beperking, sport, kenmerk, omgeving, samen (lists: any
    of them fits), wie ([min, max] or None), leeftijd, km (a number or None), bij (a place's
    slug or ''), tekst (the words left, as one text)."""
    wish: dict[str, Any] = {
        "beperking": [], "sport": [], "kenmerk": [], "omgeving": [], "samen": [],
        "wie": None, "leeftijd": None, "km": None, "bij": "", "tekst": "",
    }  # fmt: skip
    for soort, values, _label, _first, _end in reading["delen"]:
        if soort in ("wie", "leeftijd", "km", "bij"):
            wish[soort] = values if soort == "wie" else values[0]
        else:
            wish[soort] += [v for v in values if v not in wish[soort]]
    wish["tekst"] = " ".join(reading["woorden"][i] for i in reading["tekst"])
    return wish


def chips(reading: dict[str, Any]) -> list[list[Any]]:
    """What was understood, as people may take it away: [label, positions of its words]. Who and
    an age are one chip ('Kind, 9 jaar'); the words left are one chip (‘zwembad’)."""
    found: list[list[Any]] = []
    age_chip: list[Any] | None = None
    for soort, _values, label, first, end in reading["delen"]:
        where = list(range(first, end))
        if soort in ("wie", "leeftijd"):
            if age_chip is None:
                age_chip = [label, where]
                found.append(age_chip)
            else:
                age_chip[0] = f"{age_chip[0]}, {label}"
                age_chip[1] = age_chip[1] + [w for w in where if w not in age_chip[1]]
            continue
        same = [chip for chip in found if chip[1] == where]
        if same:  # a word that names two things ('rolstoeltennis')
            same[0][0] = f"{same[0][0]}, {label}"
        else:
            found.append([label, where])
    if reading["tekst"]:
        said = " ".join(reading["woorden"][i] for i in reading["tekst"])
        found.append([f"‘{said}’", list(reading["tekst"])])
    return found


def without(reading: dict[str, Any], positions: list[int]) -> str:
    """The query with the words at `positions` taken out, and the filler words just before each
    ('voor mijn opa', 'in Kampen'): what a chip's ✕ leaves."""
    used = set(reading["tekst"])
    for _soort, _values, _label, first, end in reading["delen"]:
        used.update(range(first, end))
    gone = set(positions)
    for start in sorted(positions):
        before = start - 1
        while before >= 0 and before not in used and before not in gone:
            gone.add(before)
            before -= 1
    return " ".join(w for i, w in enumerate(reading["woorden"]) if i not in gone)


_NOBODY = {"iedereen": ""}  # the rules without 'iedereen': does an offer name the impairment?


def age_span(low: int | None, high: int | None) -> str:
    """'8–17 jaar', 'vanaf 55 jaar', 'tot en met 12 jaar', 'alle leeftijden': short, for a card."""
    if low is not None and high is not None:
        return f"{low} jaar" if low == high else f"{low}–{high} jaar"
    if low is not None:
        return f"vanaf {low} jaar"
    return f"tot en met {high} jaar" if high is not None else "alle leeftijden"


def fit(
    offer: dict[str, Any],
    wish: dict[str, Any],
    distance: float | None,
    text_hit: bool,
    place: str,
    labels: dict[str, Any] | None,
    rules: dict[str, Any],
) -> dict[str, Any]:
    """How `offer` (its facts, as finder_rules takes them) fits `wish` (asked()): its points,
    whether it fits everything named (alles), whether it names the impairment or an age range
    itself rather than being for everyone (eigen), and what fits and what does not, in a few
    words each (ja, nee). `place`: the name of the place distances are measured from;
    `labels`: the names of impairments, sports and wishes (the lexicon's 'namen'); None for no
    words at all (score(): the finder scores every offer, and words only those in view)."""
    points = own = missing = 0
    yes: list[str] = []
    no: list[str] = []

    def count(
        soort: str, ok: bool, said: Callable[[], str], missing_said: Callable[[], str]
    ) -> None:
        nonlocal points, missing
        points += WEIGHT[soort] if ok else 0
        missing += 0 if ok else 1
        if labels is not None:
            (yes if ok else no).append(said() if ok else missing_said())

    def name(value: str) -> str:
        return labels.get(value, value) if labels else value

    if wish["beperking"]:
        served = [b for b in wish["beperking"] if serves(offer["beperkingen"], b, rules)]
        named_here = [b for b in served if serves(offer["beperkingen"], b, rules | _NOBODY)]
        own = 1 if named_here else 0
        count("beperking", bool(served),
              lambda: name(named_here[0]) if own else "voor iedereen",
              lambda: " of ".join(name(b) for b in wish["beperking"]))  # fmt: skip
    if wish["sport"]:
        count("sport", offer["sport"] in wish["sport"], lambda: name(offer["sport"]),
              lambda: " of ".join(name(s) for s in wish["sport"]))  # fmt: skip
    low, high = offer["min"], offer["max"]
    if wish["leeftijd"] is not None:
        age = wish["leeftijd"]
        ok = (low is None or age >= low) and (high is None or age <= high)
        count("leeftijd", ok, lambda: age_span(low, high), lambda: f"{age} jaar")
        own += 1 if ok and (low is not None or high is not None) else 0
    elif wish["wie"] is not None:
        a, b = wish["wie"]
        ok = (low is None or b is None or low <= b) and (high is None or a is None or high >= a)
        count("wie", ok, lambda: age_span(low, high), lambda: age_span(a, b))
        own += 1 if ok and (low is not None or high is not None) else 0
    if wish["bij"] and distance is not None:
        near = distance <= max(NEAR_KM, wish["km"] or 0)
        count("bij", near, lambda: f"{format_distance(distance)} van {place}",
              lambda: f"dicht bij {place}")  # fmt: skip
    if wish["km"] is not None and distance is not None:
        within = f"binnen {wish['km']} km"
        count("km", distance <= wish["km"], lambda: within, lambda: within)
    for soort in ("kenmerk", "omgeving", "samen"):
        for value in wish[soort]:
            if soort == "kenmerk":
                ok = value in offer["kenmerken"]
            elif soort == "omgeving":
                ok = value in offer["omgeving"]
            else:
                ok = offer["samen"] in ("beide", value)
            said = functools.partial(name, value)
            count(soort, ok, said, said)
    if wish["tekst"]:
        words = f"‘{wish['tekst']}’"
        count("tekst", text_hit, lambda: words, lambda: words)
    found = {"punten": points, "alles": missing == 0, "eigen": own}
    return found if labels is None else found | {"ja": yes, "nee": no}


def score(
    offer: dict[str, Any],
    wish: dict[str, Any],
    distance: float | None,
    text_hit: bool,
    rules: dict[str, Any],
) -> dict[str, Any]:
    """fit() without words: {punten, alles, eigen}, for every offer on every keystroke."""
    return fit(offer, wish, distance, text_hit, "", None, rules)


def named(wish: dict[str, Any]) -> bool:
    """Does the question name anything to fit (not only filler words)?"""
    lists = ("beperking", "sport", "kenmerk", "omgeving", "samen", "bij", "tekst")
    return any(wish[k] for k in lists) or any(
        wish[k] is not None for k in ("wie", "leeftijd", "km")
    )


def answer(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The results in the order the finder shows them, and whether they fit everything named.

    `results`: one per offer that passed the form's filters: {ref, order, distance (or None),
    punten, alles, eigen, tekst (the text score of the whole query, 0 without)}. When some fit
    everything, only those are shown (mode 'alles'); when none does, those that fit something,
    the best first (mode 'deels'); when nothing fits anything, none ('geen')."""
    full = [r for r in results if r["alles"]]
    mode = "alles" if full else "deels"
    shown = full if full else [r for r in results if r["punten"] > 0]
    if not shown:
        mode = "geen"

    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        near = r["distance"] if r["distance"] is not None else 0
        return (-r["punten"], near // NEAR_STEP, -r["eigen"], near, -r["tekst"], r["order"])

    return {"stand": mode, "refs": [r["ref"] for r in sorted(shown, key=key)]}


def partial_text(reading: dict[str, Any]) -> str:
    """The sentence before partial matches: 'Niets past bij alles wat je zocht (Rolstoeltennis,
    Bij Kampen). Dit past het best:'."""
    said = ", ".join(chip[0] for chip in chips(reading))
    return f"Niets past bij alles wat je zocht ({said}). Dit past het best:"


def why_text(fitted: dict[str, Any]) -> str:
    """Why a result is shown: 'Past bij: Autisme · 8–17 jaar · 12 km van Kampen', and for a
    partial match what does not fit: '… Niet: rolstoel.'."""
    text = "Past bij: " + " · ".join(fitted["ja"]) if fitted["ja"] else ""
    if fitted["nee"]:
        text += (". " if text else "") + "Niet: " + ", ".join(fitted["nee"])
    return text + "." if text else ""


def partial_count(n: int) -> str:
    """The status line when nothing fits everything (partial_text says so above the list):
    '4 activiteiten gevonden die voor een deel passen.'"""
    if n == 1:
        return "1 activiteit gevonden die voor een deel past."
    return f"{number_text(n)} activiteiten gevonden die voor een deel passen."


def none_text(has_words: bool, has_filters: bool) -> str:
    """What to do when nothing is found, fitting what the person did."""
    if has_words and has_filters:
        return "Probeer andere woorden, of haal hierboven een filter weg."
    if has_words:
        return "Probeer andere of minder woorden, of kies een sport of beperking in de lijsten."
    if has_filters:
        return "Haal hierboven een filter weg om meer te zien."
    return "Er staat nu geen aanbod op de site."
