"""The finder's text index: lunr, built here and queried by lunr.js in the browser.

Only the short fields are indexed (title, sport and its search words, summary, impairments and
their synonyms, place, municipality, provider), so the index stays small. Output is
deterministic: the same data gives byte-identical JSON.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import lunr.languages  # noqa: F401  (registers the Dutch stemmer, 'stemmer-nl')
from lunr.builder import Builder
from lunr.languages.trimmer import generate_trimmer
from lunr.pipeline import Pipeline
from lunr.stop_word_filter import generate_stop_word_filter

from .jsontext import inert_json
from .model import Aanbod, Site
from .vocabulary import Term

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


def sport_words(sport: Term, sports: list[Term]) -> list[str]:
    """A sport's name, its search words, and the other sports its name is made of."""
    parts = [
        other.slug for other in sports if other.slug != sport.slug and other.slug in sport.slug
    ]
    return [sport.naam, *sport.woorden, *parts]


def document(ref: str, offer: Aanbod, sports: list[Term]) -> dict[str, str]:
    """What the index knows of one offer: short fields, with synonyms and search words."""
    impairments = [w for b in offer.beperkingen for w in (b.naam, b.slug, *b.woorden)]
    return {
        "ref": ref,
        "titel": offer.titel,
        "sport": " ".join(sport_words(offer.sport, sports)),
        "beperkingen": " ".join(impairments),
        "plaats": f"{offer.locatie.plaats} {offer.locatie.gemeente.naam}",
        "aanbieder": offer.aanbieder.naam,
        "samenvatting": offer.samenvatting,
    }


def build_index(site: Site) -> dict[str, Any]:
    """A lunr index of the published offers; refs are their positions in `site.gepubliceerd`."""
    sports = list(site.vocabulary.sporten.values())
    builder = _builder()
    for position, offer in enumerate(site.gepubliceerd):
        builder.add(document(str(position), offer, sports))
    return builder.build().serialize()


def _without_empty_fields(index: dict[str, Any]) -> dict[str, Any]:
    """Postings list only the fields a term occurs in; the browser adds the empty ones back."""
    inverted = [
        [term, {field: refs for field, refs in posting.items() if refs != {}}]
        for term, posting in index["invertedIndex"]
    ]
    return {**index, "invertedIndex": inverted}


def index_json(site: Site) -> str:
    """The serialised index plus the stop words, compact and byte-identical for the same data."""
    payload = {"index": _without_empty_fields(build_index(site)), "stopwoorden": stop_words()}
    return inert_json(payload, separators=(",", ":"))
