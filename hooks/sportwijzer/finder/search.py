"""The site's one text index: built here with lunr's rules, queried by lunr.js in the browser.

Everything a person may look for is a document of the index: every published offer (its short
fields: title, sport and its search words, summary, impairments, place, municipality, provider,
the finder's quick toggles it meets as words: 'gratis', 'proefles', 'rolstoeltoegankelijk', and
the age groups of lijsten/leeftijden.yml its age range fits: 'kinderen', 'ouderen'),
every sport, impairment and municipality with a page, every partner, every coming event, and the
hand-written pages
(title, headings and text, as rendered). The finder asks it for offers; the search box in the
header for everything. Output is deterministic: the same data gives byte-identical files.

The browser fetches only what a query needs (zoeken/index.json, then a few zoeken/deel-N.json):

- index.json holds the sorted terms (so lunr.js can expand the start of a word or a typo), where
  each part begins, the non-offer documents (kind, title, path), stop words and synonyms;
- deel-N.json holds, for its run of terms, per field the offers that contain the term with the
  term's weight there (BM25 as lunr computes it, in thousandths, as lunr stores it).
"""

from __future__ import annotations

import functools
import html
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import lunr.languages  # noqa: F401  (registers the Dutch stemmer, 'stemmer-nl')
from lunr.languages.stemmer import get_language_stemmer

from ..base.jsontext import inert_json
from ..base.vocabulary import BROADER
from ..model.objects import Aanbod, Evenement, Site
from ..twins.query_reading import fold
from .filters import KENMERKEN, kenmerken
from .page_text import ContentPage

STOP_WORDS_FILE = Path(__file__).parent / "stopwoorden.txt"
FOLDER = "zoeken/"
HEAD_PATH = FOLDER + "index.json"
PART_SIZE = 8_000  # about this many characters of postings per part file

# (field, boost): a word in the title counts far more than one in the summary.
FIELDS = (
    ("titel", 10),
    ("sport", 6),
    ("beperkingen", 4),
    ("plaats", 4),
    ("koppen", 4),
    ("aanbieder", 2),
    ("kenmerken", 2),
    ("leeftijd", 2),
    ("samenvatting", 1),
    ("tekst", 1),
)
NAMES = tuple(name for name, _ in FIELDS)
BOOST = dict(FIELDS)
K1, B = 1.2, 0.75  # lunr's BM25 parameters

# The kinds of document, as the header's suggestions group them.
AANBOD, SPORT, BEPERKING, GEMEENTE, PARTNER, PAGINA, AGENDA = (
    "aanbod", "sport", "beperking", "gemeente", "partner", "pagina", "agenda",
)  # fmt: skip


def stop_words() -> list[str]:
    lines = STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


# One pipeline function does the work of lunr's trimmer, stop-word filter and stemmer, for each
# distinct word once. (lunr.py's Dutch trimmer keeps only the letters of its stop-word list, so
# it strips y, q, x and accents: 'yoga' -> 'og'. We trim on every word character instead.)
_TRIM = re.compile(r"^\W+|\W+$")
_STOP_WORDS = frozenset(stop_words())
_NLTK = get_language_stemmer("nl")


@functools.cache
def term(word: str) -> str | None:
    """What the index stores for a word: trimmed, folded, stemmed; None for a stop word."""
    word = fold(_TRIM.sub("", word))
    return None if not word or word in _STOP_WORDS else _NLTK.stem(word)


# lunr's tokenizer: lower case, split on white space and hyphens (lunr/tokenizer.py).
_LUNR_SEPARATORS = re.compile("[ \t\n\r\f\v\xa0-]+")


def words(text: str) -> list[str]:
    """The index terms of one field, in order, as lunr's tokenizer and our pipeline make them."""
    found = (term(word) for word in _LUNR_SEPARATORS.split(text.lower()) if word)
    return [word for word in found if word is not None]


def synonym_key(word: str) -> str:
    """A word or phrase as a query is read: folded, every run of other characters one space
    ('G-sport' -> 'g sport', '65+' -> '65'), so that a key matches what people type."""
    return " ".join(part for part in re.split(r"[^a-z0-9]+", fold(word)) if part)


def expansions(site: Site) -> dict[str, list[str]]:
    """Words people use -> the index terms they also mean (query-time synonyms).

    'blind' -> visueel, 'cp' -> lichamelijk and rolstoel (a narrower impairment is found by the
    broader one, as in the finder), 'senioren' -> ouderen (an age group), 'basketbal' ->
    rolstoelbasketbal (a sport's search words, and every sport whose name contains another:
    compounds are found by their parts). Kept out of the index itself, which keeps the index
    small; the browser applies them.
    """
    found: dict[str, set[str]] = {}
    vocabulary = site.vocabulary
    for item in vocabulary.beperkingen.values():
        for word in (item.naam, item.kort, *item.woorden):
            found.setdefault(synonym_key(word), set()).add(item.slug)
    for group in vocabulary.leeftijden.values():
        for word in (group.naam, *group.woorden):
            found.setdefault(synonym_key(word), set()).add(group.slug)
    sports = list(vocabulary.sporten.values())
    for sport in sports:
        for word in (sport.naam, *sport.woorden):
            found.setdefault(synonym_key(word), set()).add(sport.slug)
        for part in sports:
            if part.slug != sport.slug and part.slug in sport.slug:
                found.setdefault(part.slug, set()).add(sport.slug)
    for terms in found.values():
        terms |= {narrow for narrow, broad in BROADER.items() if broad in terms}
    found.pop("", None)
    return {word: sorted(terms - {word}) for word, terms in sorted(found.items()) if terms - {word}}


# --- the documents --------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """One thing the search can find: its kind, title, site path and the text of its fields."""

    soort: str
    titel: str
    pad: str
    velden: dict[str, str]


def offer_document(offer: Aanbod, ages: Sequence[str] = ()) -> Document:
    """What the index knows of one offer: its short fields, with the sport and impairment keys,
    and `ages`, the age groups it fits (Vocabulary.leeftijdsgroepen)."""
    impairments = [w for b in offer.beperkingen for w in (b.naam, b.slug)]
    toggles = kenmerken(offer)
    return Document(
        AANBOD,
        offer.titel,
        offer.url,
        {
            "titel": offer.titel,
            "sport": f"{offer.sport.naam} {offer.sport.slug}",
            "beperkingen": " ".join(impairments),
            "plaats": f"{offer.locatie.plaats} {offer.locatie.gemeente.naam}",
            "aanbieder": offer.aanbieder.naam,
            "kenmerken": " ".join(label for value, label in KENMERKEN if value in toggles),
            "leeftijd": " ".join(ages),
            "samenvatting": offer.samenvatting,
        },
    )


def event_document(event: Evenement) -> Document:
    """A coming event: its title, kind, sport, impairments, place, organiser and summary."""
    sport = f"{event.sport.naam} {event.sport.slug}" if event.sport else ""
    return Document(
        AGENDA,
        event.titel,
        event.url,
        {
            "titel": event.titel,
            "sport": f"{event.soort.naam} {sport}".strip(),
            "beperkingen": " ".join(w for b in event.beperkingen for w in (b.naam, b.slug)),
            "plaats": f"{event.locatie.plaats} {event.locatie.gemeente.naam}",
            "aanbieder": event.organisator.naam,
            "samenvatting": event.samenvatting,
        },
    )


_TAGS = re.compile(r"<[^>]+>")


def _first_words(markup: str, count: int = 40) -> str:
    return " ".join(html.unescape(_TAGS.sub(" ", markup)).split()[:count])


def site_documents(site: Site, pages: Sequence[ContentPage] = ()) -> list[Document]:
    """Every document, offers first: an offer's ref is its position in `site.gepubliceerd`."""
    groups = site.vocabulary.leeftijdsgroepen
    docs = [
        offer_document(offer, groups(offer.leeftijd_min, offer.leeftijd_max))
        for offer in site.gepubliceerd
    ]
    used = {offer.sport.slug for offer in site.gepubliceerd}
    for sport in sorted(site.vocabulary.sporten.values(), key=lambda s: s.naam.lower()):
        if sport.slug in used:
            fields = {"titel": sport.naam, "sport": f"{sport.naam} {sport.slug}"}
            docs.append(Document(SPORT, sport.naam, f"sport/{sport.slug}/", fields))
    for item in site.vocabulary.beperkingen.values():
        if item.slug != "iedereen":
            fields = {"titel": item.naam, "beperkingen": f"{item.naam} {item.slug}"}
            docs.append(Document(BEPERKING, item.naam, f"beperking/{item.slug}/", fields))
    for gemeente in sorted(site.regio.gemeenten, key=lambda g: g.naam.lower()):
        places = [p.naam for p in site.regio.plaatsen if p.gemeente == gemeente.naam]
        fields = {"titel": gemeente.naam, "plaats": " ".join([gemeente.naam, *places])}
        docs.append(Document(GEMEENTE, gemeente.naam, f"gemeente/{gemeente.slug}/", fields))
    for partner in sorted(site.partners.values(), key=lambda p: p.naam.lower()):
        fields = {
            "titel": partner.naam,
            "plaats": partner.gemeente.naam if partner.gemeente else "",
            "samenvatting": _first_words(partner.beschrijving_html),
        }
        docs.append(Document(PARTNER, partner.naam, partner.url, fields))
    docs += [event_document(event) for event in site.komend]
    for page in sorted(pages, key=lambda p: p.pad):
        fields = {"titel": page.titel, "koppen": page.koppen, "tekst": page.tekst}
        docs.append(Document(PAGINA, page.titel, page.pad, fields))
    return docs


# --- the index ------------------------------------------------------------------------------


def _milli(score: float) -> int:
    """A weight in thousandths, rounded half up (as lunr.js's Math.round(score * 1000))."""
    return math.floor(score * 1000 + 0.5)


@dataclass(frozen=True)
class TextIndex:
    """The index: sorted terms, and per term per field the (ref, weight in thousandths) pairs."""

    terms: list[str]
    postings: dict[str, dict[str, list[tuple[int, int]]]]
    documents: list[Document]


def build(docs: list[Document]) -> TextIndex:
    """lunr's BM25 field weights, computed as lunr's Builder does (tests compare the two)."""
    frequencies: list[dict[str, Counter[str]]] = []
    lengths = {name: 0 for name in NAMES}
    with_term: Counter[str] = Counter()  # term -> fields x documents that hold it (lunr's idf)
    for doc in docs:
        per_field = {}
        for name in NAMES:
            found = words(doc.velden.get(name, ""))
            lengths[name] += len(found)
            counts = Counter(found)
            per_field[name] = counts
            with_term.update(counts.keys())
        frequencies.append(per_field)
    count = len(docs)
    average = {name: lengths[name] / count if count else 0 for name in NAMES}
    idf = {word: math.log(1 + abs((count - n + 0.5) / (n + 0.5))) for word, n in with_term.items()}
    postings: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for ref, per_field in enumerate(frequencies):
        for name, counts in per_field.items():
            if not counts:
                continue
            length = sum(counts.values())
            norm = K1 * (1 - B + B * (length / average[name]))
            for word, tf in counts.items():
                score = idf[word] * ((K1 + 1) * tf) / (norm + tf) * BOOST[name]
                postings.setdefault(word, {}).setdefault(name, []).append((ref, _milli(score)))
    return TextIndex(sorted(postings), postings, docs)


def site_index(site: Site, pages: Sequence[ContentPage] = ()) -> TextIndex:
    return build(site_documents(site, pages))


def _row(posting: dict[str, list[tuple[int, int]]]) -> list[list[int]]:
    """One term's postings as the part files hold them: per field [gap, weight, gap, weight …]."""
    row: list[list[int]] = []
    for name in NAMES:
        flat: list[int] = []
        last = 0
        for ref, weight in posting.get(name, ()):
            flat += (ref - last, weight)
            last = ref
        row.append(flat)
    while row and not row[-1]:
        row.pop()
    return row


def search_files(site: Site, pages: Sequence[ContentPage] = ()) -> dict[str, str]:
    """zoeken/index.json and every zoeken/deel-N.json. Byte-identical for the same data."""
    index = site_index(site, pages)
    parts: list[list[list[list[int]]]] = []
    starts: list[int] = []
    size = PART_SIZE
    for position, word in enumerate(index.terms):
        row = _row(index.postings[word])
        if size >= PART_SIZE:
            starts.append(position)
            parts.append([])
            size = 0
        parts[-1].append(row)
        size += sum(len(f) for f in row) * 4 + 8
    files = {
        f"{FOLDER}deel-{n}.json": inert_json(part, separators=(",", ":"))
        for n, part in enumerate(parts)
    }
    offers = len(site.gepubliceerd)
    head = {
        "velden": [list(f) for f in FIELDS],
        "termen": index.terms,
        "delen": starts,
        "aanbod": offers,
        "documenten": [[d.soort, d.titel, d.pad] for d in index.documents[offers:]],
        "stopwoorden": stop_words(),
        "synoniemen": expansions(site),
    }
    return {HEAD_PATH: inert_json(head, separators=(",", ":")), **files}
