"""The finder's text index: lunr, built here and queried by lunr.js in the browser.

Only the short fields are indexed (title, sport and its search words, summary, impairments and
their synonyms, place, municipality, provider), so the index stays small. Output is
deterministic: the same data gives byte-identical JSON.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import lunr.languages  # noqa: F401  (registers the Dutch stemmer, 'stemmer-nl')
from lunr.builder import Builder
from lunr.index import Index
from lunr.languages.trimmer import generate_trimmer
from lunr.pipeline import Pipeline
from lunr.query import Query
from lunr.stop_word_filter import generate_stop_word_filter
from lunr.token import Token

from .jsontext import inert_json
from .model import Aanbod, Site

STOP_WORDS_FILE = Path(__file__).parent / "stopwoorden.txt"
INDEX_PATH = "aanbod/zoekindex.json"

# (field, boost): a word in the title counts far more than one in the summary.
FIELDS = (
    ("titel", 10),
    ("sport", 6),
    ("beperkingen", 4),
    ("plaats", 4),
    ("aanbieder", 2),
    ("samenvatting", 1),
)


def stop_words() -> list[str]:
    lines = STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def fold(text: str) -> str:
    """Lower case without accents: 'Café' -> 'cafe'. The browser folds queries the same way."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _fold_token(token, i=None, tokens=None):
    return token.update(lambda text, metadata=None: fold(text))


# lunr.py's Dutch trimmer keeps only letters found in the stop-word list, so it strips y, q, x
# and accents ('yoga' -> 'og'). Trim on every word character instead.
_TRIMMER = generate_trimmer(r"\w")
Pipeline.register_function(_TRIMMER, "sportwijzer-trimmer")
Pipeline.register_function(_fold_token, "sportwijzer-fold")
_STOP = generate_stop_word_filter(stop_words(), language="sportwijzer-nl")
_STEMMER = Pipeline.registered_functions["stemmer-nl"]


def _builder() -> Builder:
    builder = Builder()
    builder.pipeline.add(_TRIMMER, _fold_token, _STOP, _STEMMER)
    builder.search_pipeline.add(_STEMMER)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    return builder


def expansions(site: Site) -> dict[str, list[str]]:
    """Words people use -> the index terms they also mean (query-time synonyms).

    'blind' -> visueel, 'ass' -> autisme, 'basketbal' -> rolstoelbasketbal (a sport's search
    words, and every sport whose name contains another: compounds are found by their parts).
    Kept out of the index itself, which keeps the index small; the browser applies them.
    """
    found: dict[str, set[str]] = {}
    for term in site.vocabulary.beperkingen.values():
        for word in (term.naam, term.kort, *term.woorden):
            found.setdefault(fold(word), set()).add(term.slug)
    sports = list(site.vocabulary.sporten.values())
    for sport in sports:
        for word in (sport.naam, *sport.woorden):
            found.setdefault(fold(word), set()).add(sport.slug)
        for part in sports:
            if part.slug != sport.slug and part.slug in sport.slug:
                found.setdefault(part.slug, set()).add(sport.slug)
    return {word: sorted(terms - {word}) for word, terms in sorted(found.items()) if terms - {word}}


def document(ref: str, offer: Aanbod) -> dict[str, str]:
    """What the index knows of one offer: its short fields, with the sport and impairment keys."""
    impairments = [w for b in offer.beperkingen for w in (b.naam, b.slug)]
    return {
        "ref": ref,
        "titel": offer.titel,
        "sport": f"{offer.sport.naam} {offer.sport.slug}",
        "beperkingen": " ".join(impairments),
        "plaats": f"{offer.locatie.plaats} {offer.locatie.gemeente.naam}",
        "aanbieder": offer.aanbieder.naam,
        "samenvatting": offer.samenvatting,
    }


def _rounded(index: dict[str, Any]) -> dict[str, Any]:
    """Term weights to one decimal (ranking needs no more), postings without empty fields."""
    vectors = [
        [ref, [round(v, 1) if i % 2 else v for i, v in enumerate(values)]]
        for ref, values in index["fieldVectors"]
    ]
    inverted = [
        [term, {field: refs for field, refs in posting.items() if refs != {}}]
        for term, posting in index["invertedIndex"]
    ]
    return {**index, "fieldVectors": vectors, "invertedIndex": inverted}


def build_index(site: Site) -> dict[str, Any]:
    """A lunr index of the published offers; refs are their positions in `site.gepubliceerd`."""
    builder = _builder()
    for position, offer in enumerate(site.gepubliceerd):
        builder.add(document(str(position), offer))
    return builder.build().serialize()


def index_json(site: Site) -> str:
    """What the finder loads: index, stop words and synonyms. Byte-identical for the same data."""
    payload = {
        "index": _rounded(build_index(site)),
        "stopwoorden": stop_words(),
        "synoniemen": expansions(site),
    }
    return inert_json(payload, separators=(",", ":"))


# --- the query, as the browser runs it (finder.js); used by the tests -------------------------


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
    index: Index, query: str, synonyms: dict[str, list[str]], stop: list[str]
) -> dict[str, float] | None:
    """ref -> score. Every group must match: the word itself (after stemming, as the start of a
    word, or with one typo), or one of the terms it also means."""
    total: dict[str, float] | None = None
    for word, *also in query_groups(query, synonyms, stop):
        q = index.create_query()
        if word:
            stem = str(_STEMMER(Token(word)))
            q.term(word, use_pipeline=True, boost=10)
            q.term(word, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING, boost=3)
            if len(word) >= 4:
                q.term(stem, use_pipeline=False, edit_distance=1, boost=1)
        for term in also:
            q.term(term, use_pipeline=True, boost=8)
        found = {hit["ref"]: hit["score"] for hit in index.query(q)}
        total = (
            found if total is None else {r: s + found[r] for r, s in total.items() if r in found}
        )
    return total  # None: no words to search for, so no text filter
