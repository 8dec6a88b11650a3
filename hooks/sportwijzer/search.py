"""The finder's text index: lunr, built here and queried by lunr.js in the browser.

Only the short fields are indexed (title, sport and its search words, summary, impairments and
their synonyms, place, municipality, provider), so the index stays small. Output is
deterministic: the same data gives byte-identical JSON.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import lunr.languages  # noqa: F401  (registers the Dutch stemmer, 'stemmer-nl')
from lunr.builder import Builder
from lunr.index import Index
from lunr.languages.stemmer import get_language_stemmer
from lunr.pipeline import Pipeline
from lunr.query import Query
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


# One pipeline function does the work of lunr's trimmer, stop-word filter and stemmer, for each
# distinct word once: an index of 10,000 offers has a few thousand distinct words. (lunr.py's
# Dutch trimmer keeps only the letters of its stop-word list, so it strips y, q, x and accents:
# 'yoga' -> 'og'. We trim on every word character instead.)
_TRIM = re.compile(r"^\W+|\W+$")
_STOP_WORDS = frozenset(stop_words())
_STEMMER = Pipeline.registered_functions["stemmer-nl"]
_NLTK = get_language_stemmer("nl")


@functools.cache
def term(word: str) -> str | None:
    """What the index stores for a word: trimmed, folded, stemmed; None for a stop word."""
    word = fold(_TRIM.sub("", word))
    return None if not word or word in _STOP_WORDS else _NLTK.stem(word)


def _index_word(token, i=None, tokens=None):
    found = term(str(token))
    return None if found is None else token.update(lambda text, metadata=None: found)


Pipeline.register_function(_index_word, "sportwijzer-nl")


def _builder() -> Builder:
    builder = Builder()
    builder.pipeline.add(_index_word)
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


def _filled(site: Site) -> Builder:
    """A lunr builder with every published offer added; refs are positions in `gepubliceerd`."""
    builder = _builder()
    for position, offer in enumerate(site.gepubliceerd):
        builder.add(document(str(position), offer))
    return builder


# lunr's tokenizer: lower case, split on white space and hyphens (lunr/tokenizer.py).
_LUNR_SEPARATORS = re.compile("[ \t\n\r\f\v\xa0-]+")


def words(text: str) -> list[str]:
    """The index terms of one field, in order, as lunr's tokenizer and our pipeline make them."""
    found = (term(word) for word in _LUNR_SEPARATORS.split(text.lower()) if word)
    return [word for word in found if word is not None]


def compact(site: Site) -> dict[str, Any]:
    """The index as the browser rebuilds it with lunr.js's own Builder (finder.js).

    lunr's serialised index repeats every ref in every posting and ships a weight per term per
    field per offer; the browser can compute those weights itself. So we send each term (in the
    order lunr numbers them: first seen first) with, per field, the gaps between the offers that
    contain it (a term found more than once in a field comes as [gap, count]), and each field's
    length per offer. About a quarter of the size. What lunr.py's Builder would hold, made
    without its per-word objects (tests/test_search_index.py compares the two, and
    tests/browser that lunr.js rebuilds lunr.py's own index from it).
    """
    names = [name for name, _ in FIELDS]
    rows: dict[str, list[Any]] = {}  # term -> [term, entries per field]
    last: dict[str, list[int]] = {}  # term -> the last offer that had it, per field
    lengths: list[list[int]] = [[] for _ in names]
    for ref, offer in enumerate(site.gepubliceerd):
        doc = document(str(ref), offer)
        for f, name in enumerate(names):
            field_words = words(doc[name])
            lengths[f].append(len(field_words))
            for word, count in Counter(field_words).items():
                if word not in rows:
                    rows[word] = [word, *([] for _ in names)]
                    last[word] = [0] * len(names)
                gap = ref - last[word][f]
                rows[word][f + 1].append(gap if count == 1 else [gap, count])
                last[word][f] = ref
    terms = []
    for row in rows.values():
        while row[-1] == []:
            row.pop()
        terms.append(row)
    return {"velden": [list(f) for f in FIELDS], "termen": terms, "lengtes": lengths}


def python_index(site: Site) -> tuple[Index, dict[str, list[str]], list[str]]:
    """lunr.py's own index with the synonyms and stop words: what search() below needs."""
    return _filled(site).build(), expansions(site), stop_words()


def index_json(site: Site) -> str:
    """What the finder loads: index, stop words and synonyms. Byte-identical for the same data."""
    payload = {
        "index": compact(site),
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
