"""The tests' oracle: the finder and the text search as the browser runs them (finder.js with
finder_rules.js, zoeken.js), written again in Python over the same data and files, so that a
browser test can compare what a page shows with what it should show. Only tests import this;
the site is built without it.
"""

from __future__ import annotations

import json
import re
from typing import Any

import lunr.languages  # noqa: F401  (registers the Dutch stemmer, 'stemmer-nl')
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.query import Query
from lunr.token import Token
from lunr.token_set import TokenSet
from lunr.vector import Vector

from sportwijzer.finder.data import position
from sportwijzer.finder.filters import IMPAIRMENT_RULES, kenmerken
from sportwijzer.finder.page import finder_view, known_values
from sportwijzer.finder.page_text import ContentPage
from sportwijzer.finder.query_lexicon import query_lexicon
from sportwijzer.finder.search import FOLDER, HEAD_PATH, fold, search_files
from sportwijzer.model.objects import Aanbod, Site
from sportwijzer.twins import finder_rules as rules
from sportwijzer.twins import query_reading as qr

_STEMMER = Pipeline.registered_functions["stemmer-nl"]


# --- the finder (finder.js) ---


def offer_facts(offer: Aanbod) -> dict:
    """An offer's facts as the rules take them (finder.js makes the same from feiten.json)."""
    return {
        "sport": offer.sport.slug,
        "gemeente": offer.locatie.gemeente.slug,
        "beperkingen": [b.slug for b in offer.beperkingen],
        "min": offer.leeftijd_min,
        "max": offer.leeftijd_max,
        "omgeving": list(offer.sport.omgeving),
        "samen": offer.sport.samen,
        "kenmerken": kenmerken(offer),
    }


def _places(site: Site) -> dict[str, tuple[float, float]]:
    places = {g.slug: (g.lat, g.lon) for g in site.regio.gemeenten}
    places.update({p.slug: (p.lat, p.lon) for p in site.regio.plaatsen})
    return places


def select(site: Site, params: dict[str, list[str]], index=None) -> list[Aanbod]:
    """The offers the finder shows for these URL parameters, in the order it shows them (all
    of them: the browser shows the first `toon`).

    `index` is (lunr Index, synonyms, stop words), needed only for a text query. A query is
    read with the site's lexicon (query_reading), as finder.js reads it.
    """
    return [site.gepubliceerd[int(ref)] for ref in answer(site, params, index)[1]]


_LEXICONS: dict[int, tuple[Site, dict]] = {}


def _lexicon(site: Site) -> dict:
    if id(site) not in _LEXICONS:
        _LEXICONS[id(site)] = (site, query_lexicon(site))  # the site kept: its id stays its own
    return _LEXICONS[id(site)][1]


def meaningful(reading: dict) -> str:
    """The words that carry meaning, for the 'any' text score (meaningful() in finder.js)."""
    keep = set(reading["tekst"])
    for soort, _values, _label, first, end in reading["delen"]:
        if soort not in ("leeftijd", "km", "wie"):
            keep.update(range(first, end))
    return " ".join(w for i, w in enumerate(reading["woorden"]) if i in keep)


def answer(site: Site, params: dict[str, list[str]], index=None) -> tuple[str, list[str], dict]:
    """The finder's answer: its mode ('alles', 'deels', 'geen'), the refs in order, and each
    shown offer's fit (query_reading.fit) by ref, as finder.js's update() computes them."""
    pairs = [[name, value] for name, values in params.items() for value in values]
    state = rules.read_params(pairs, known_values(finder_view(site)))["state"]
    lexicon = _lexicon(site)
    reading = qr.read_query(state["q"], lexicon) if state["q"] else None
    wish = qr.asked(reading) if reading else None
    places = _places(site)
    names = _place_names(site)
    origin_slug = state["bij"] if state["bij"] in places else (wish or {}).get("bij", "")
    origin = places.get(origin_slug)
    published = site.gepubliceerd
    found = boost = None
    if reading and index:
        found = search(*index[:1], wish["tekst"], *index[1:]) if wish["tekst"] else None
        boost = search(*index[:1], meaningful(reading), *index[1:], any_=True) or {}
    passed = []
    for number, offer in enumerate(published):
        distance = rules.distance_km(origin, position(offer)) if origin else None
        if rules.matches(offer_facts(offer), state, distance, IMPAIRMENT_RULES):
            passed.append((str(number), number, distance, offer))
    if wish and qr.named(wish):
        fits = {}
        results = []
        for ref, number, distance, offer in passed:
            hit = bool(found and ref in found)
            fit = qr.fit(offer_facts(offer), wish, distance, hit, names.get(origin_slug, ""),
                         lexicon["namen"], IMPAIRMENT_RULES)  # fmt: skip
            fits[ref] = fit
            results.append({"ref": ref, "order": number, "distance": distance,
                            "punten": fit["punten"], "alles": fit["alles"], "eigen": fit["eigen"],
                            "tekst": (boost or {}).get(ref, 0)})  # fmt: skip
        told = qr.answer(results)
        refs = told["refs"]
        if state["sorteer"] == "afstand" and origin:
            by_ref = {r["ref"]: r for r in results}
            refs = [r["ref"] for r in rules.order([by_ref[x] for x in refs], "afstand", None)]
        return told["stand"], refs, fits
    scores = search(*index[:1], state["q"], *index[1:]) if state["q"] and index else None
    shown = [
        {"ref": ref, "order": number, "distance": distance}
        for ref, number, distance, _offer in passed
        if scores is None or ref in scores
    ]
    mode = rules.sort_mode(state, origin is not None)
    return "alles", [r["ref"] for r in rules.order(shown, mode, scores)], {}


def _place_names(site: Site) -> dict[str, str]:
    names = {g.slug: g.naam for g in site.regio.gemeenten}
    names.update({p.slug: p.naam for p in site.regio.plaatsen})
    return names


# --- the text search (zoeken.js) ---


def python_index(
    site: Site, pages: list[ContentPage] = ()
) -> tuple[Index, dict[str, list[str]], list[str]]:
    """lunr.py's Index over the very weights the browser gets, with the synonyms and stop words:
    what search() below needs."""
    return read_index(search_files(site, pages))


def read_index(files: dict[str, str]) -> tuple[Index, dict[str, list[str]], list[str]]:
    """lunr.py's Index from the index files (site path -> text), as zoeken.js reads them."""
    head = json.loads(files[HEAD_PATH])
    names = [name for name, _boost in head["velden"]]
    inverted: dict[str, dict[str, Any]] = {}
    elements: dict[str, list[float]] = {}
    position = 0
    for part in range(len(head["delen"])):
        for row in json.loads(files[f"{FOLDER}deel-{part}.json"]):
            posting: dict[str, Any] = {"_index": position}
            for f, name in enumerate(names):
                posting[name] = {}
                flat = row[f] if f < len(row) else []
                ref = 0
                for gap, weight in zip(flat[::2], flat[1::2], strict=True):
                    ref += gap
                    posting[name][str(ref)] = {}
                    elements.setdefault(f"{name}/{ref}", []).extend((position, weight / 1000))
            inverted[head["termen"][position]] = posting
            position += 1
    vectors = {field_ref: Vector(values) for field_ref, values in elements.items()}
    pipeline = Pipeline()
    pipeline.add(_STEMMER)
    token_set = TokenSet.from_list(head["termen"])
    index = Index(inverted, vectors, token_set, names, pipeline)
    return index, head["synoniemen"], head["stopwoorden"]


def query_groups(query: str, synonyms: dict[str, list[str]], stop: list[str]) -> list[list[str]]:
    """Each word (or known phrase) of a query, with the terms it also means; stop words dropped."""
    text = " " + " ".join(re.split(r"[^a-z0-9]+", fold(query))) + " "
    groups = []
    for phrase in sorted((p for p in synonyms if " " in p), key=len, reverse=True):
        if f" {phrase} " in text:
            groups.append(["", *synonyms[phrase]])
            text = text.replace(f" {phrase} ", " ")
    for word in text.split():
        if word not in stop:
            groups.append([word, *synonyms.get(word, [])])
    return groups


def search(
    index: Index, query: str, synonyms: dict[str, list[str]], stop: list[str], any_: bool = False
) -> dict[str, float] | None:
    """ref -> score. Every group must match (with `any_`: at least one; the scores add up): the
    word itself (after stemming, as the start of a
    word, or with one typo), or one of the terms it also means. A word of one or two letters
    with a meaning of its own ('sh', 'cp') is a whole word, not the start of 'showdown'."""
    total: dict[str, float] | None = None
    for word, *also in query_groups(query, synonyms, stop):
        q = index.create_query()
        if word:
            stem = str(_STEMMER(Token(word)))
            q.term(word, use_pipeline=True, boost=10)
            if len(word) > 2 or not also:
                q.term(word, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING, boost=3)
            if len(word) >= 4:
                q.term(stem, use_pipeline=False, edit_distance=1, boost=1)
        for also_term in also:
            q.term(also_term, use_pipeline=True, boost=8)
        found = {hit["ref"]: hit["score"] for hit in index.query(q)}
        if total is None:
            total = found
        elif any_:
            total = {r: total.get(r, 0) + found.get(r, 0) for r in {*total, *found}}
        else:
            total = {r: s + found[r] for r, s in total.items() if r in found}
    return total  # None: no words to search for, so no text filter
