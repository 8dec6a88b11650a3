"""Demand beside supply: what reached the regional desk, what came of it, and what is missing.

Counts only, over the last four quarters (the current one included). No count can point at a
person: a count of 1 or 2 is shown as '1–2'. Every table below splits a total the page also
shows, so a hidden count could be worked out by subtraction; where it could, more cells are
hidden ('3 of meer', or '0–2' for a zero) until no hidden count of 1 or 2 follows from the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import dutch
from .filters import serves
from .geo import distance_km
from .model import Aanbod, Gemeente, Site, Vraag
from .vocabulary import IEDEREEN, Term

QUARTERS = 4
NEAR_KM = 15.0  # a fitting offer this close to the municipality's centre counts as 'there'
SMALL = 3  # a count below this, but above 0, is shown as '1–2'
FEW = "1–2"
UITKOMSTEN = {
    "gematcht": "Gematcht: een plek gevonden",
    "doorverwezen": "Doorverwezen naar iemand anders",
    "open": "Nog open",
    "geen-aanbod": "Geen passend aanbod gevonden",
}
UNMET = ("open", "geen-aanbod")
_HIDDEN = {"few": (1, 2), "more": (3, 10**9), "zero": (0, 2)}
_LABELS = {"few": FEW, "more": "3 of meer", "zero": "0–2"}


@dataclass(frozen=True)
class Telling:
    """A count and the text the page shows for it ('1–2' for 1 or 2)."""

    n: int
    tekst: str


@dataclass(frozen=True)
class Rij:
    """One row of a table: what it is about, the questions, and the published offers beside."""

    naam: str
    url: str
    vragen: Telling
    aanbod: int


@dataclass(frozen=True)
class Kwartaal:
    naam: str  # 'januari–maart 2026'
    begin: dt.date
    eind: dt.date
    binnen: Telling
    gematcht: Telling


@dataclass(frozen=True)
class Gat:
    """A sport asked for in a municipality, with no fitting offer within 15 km."""

    sport: Term
    gemeente: Gemeente
    vragen: Telling


@dataclass(frozen=True)
class Vraaganalyse:
    begin: dt.date
    eind: dt.date
    periode_tekst: str
    totaal: Telling
    per_gemeente: list[Rij]
    per_beperking: list[Rij]
    uitkomsten: list[tuple[str, Telling]]
    gaten: list[Gat]
    kwartalen: list[Kwartaal]
    afstand_km: int = int(NEAR_KM)

    @property
    def totaal_tekst(self) -> str:
        """The period's questions as the page shows them: '34 vragen', '1–2 vragen'."""
        return dutch.aantal(self.totaal.n, "vraag", "vragen", self.totaal.tekst)


def shown(n: int) -> str:
    """0 stays 0; 1 and 2 become '1–2'; from 3 on the number itself."""
    return FEW if 0 < n < SMALL else str(n)


def protect(counts: list[int]) -> list[str]:
    """The counts of one table whose total is known, as published: 1 and 2 as '1–2'; then, while
    a hidden 1 or 2 could be worked out from the total, the smallest shown count is hidden too
    ('3 of meer'), and after those a zero ('0–2')."""
    hidden = {i: "few" for i, n in enumerate(counts) if 0 < n < SMALL}
    more = sorted((n, i) for i, n in enumerate(counts) if n >= SMALL)
    zeros = [(0, i) for i, n in enumerate(counts) if n == 0]
    for _n, i in more + zeros:
        if not hidden or not _pinned(counts, hidden):
            break
        hidden[i] = "more" if counts[i] else "zero"
    return [_LABELS[hidden[i]] if i in hidden else str(n) for i, n in enumerate(counts)]


def _pinned(counts: list[int], hidden: dict[int, str]) -> bool:
    """Could a reader who knows the total tell whether some hidden '1–2' is 1 or 2?"""
    rest = sum(counts[i] for i in hidden)
    for i in (i for i, kind in hidden.items() if kind == "few"):
        low = sum(_HIDDEN[kind][0] for j, kind in hidden.items() if j != i)
        high = sum(_HIDDEN[kind][1] for j, kind in hidden.items() if j != i)
        if not all(low <= rest - value <= high for value in (1, 2)):
            return True
    return False


def _tellingen(counts: list[int]) -> list[Telling]:
    return [Telling(n, text) for n, text in zip(counts, protect(counts), strict=True)]


def quarter_start(day: dt.date, back: int = 0) -> dt.date:
    """The first day of the quarter `back` quarters before the one `day` is in."""
    index = (day.year * 4 + (day.month - 1) // 3) - back
    return dt.date(index // 4, index % 4 * 3 + 1, 1)


def quarters(today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The last four quarters, oldest first; the current one ends today."""
    spans = []
    for back in range(QUARTERS - 1, -1, -1):
        begin = quarter_start(today, back)
        after = quarter_start(today, back - 1)
        spans.append((begin, min(after - dt.timedelta(days=1), today)))
    return spans


def fits(offer: Aanbod, vraag: Vraag) -> bool:
    """An active offer of the sport asked for that welcomes every impairment the question names,
    within 15 km of the centre of the question's municipality."""
    if vraag.sport is None or offer.status.slug != "actief" or offer.sport.slug != vraag.sport.slug:
        return False
    if not all(serves(offer, beperking) for beperking in vraag.beperkingen):
        return False
    centre = (vraag.gemeente.lat, vraag.gemeente.lon)
    return distance_km((offer.locatie.lat, offer.locatie.lon), centre) <= NEAR_KM


def unmet(vraag: Vraag, offers: Iterable[Aanbod]) -> bool:
    """Open or without result, a sport named, and nothing that fits nearby."""
    return (
        vraag.uitkomst in UNMET
        and vraag.sport is not None
        and not any(fits(offer, vraag) for offer in offers)
    )


def analyse_vragen(site: Site) -> Vraaganalyse:
    """Every figure of the demand section of the region analysis."""
    spans = quarters(site.today)
    begin, eind = spans[0][0], spans[-1][1]
    vragen = [v for v in site.vragen if begin <= v.datum <= eind]
    return Vraaganalyse(
        begin=begin,
        eind=eind,
        periode_tekst=f"van {dutch.datum(begin)} tot en met {dutch.datum(eind)}",
        totaal=Telling(len(vragen), shown(len(vragen))),
        per_gemeente=_per_gemeente(site, vragen),
        per_beperking=_per_beperking(site, vragen),
        uitkomsten=list(
            zip(
                UITKOMSTEN.values(),
                _tellingen([sum(v.uitkomst == u for v in vragen) for u in UITKOMSTEN]),
                strict=True,
            )
        ),
        gaten=gaps(site, vragen),
        kwartalen=_kwartalen(vragen, spans),
    )


def _per_gemeente(site: Site, vragen: list[Vraag]) -> list[Rij]:
    gemeenten = sorted(site.regio.gemeenten, key=lambda g: g.naam.lower())
    counts = [sum(v.gemeente.slug == g.slug for v in vragen) for g in gemeenten]
    return [
        Rij(g.naam, f"gemeente/{g.slug}/", telling, _offers(site, lambda o, g=g: _in(o, g)))
        for g, telling in zip(gemeenten, _tellingen(counts), strict=True)
    ]


def _in(offer: Aanbod, gemeente: Gemeente) -> bool:
    return offer.locatie.gemeente.slug == gemeente.slug


def _per_beperking(site: Site, vragen: list[Vraag]) -> list[Rij]:
    """A question counts for every impairment it names; an offer for every one it serves."""
    terms = [b for b in site.vocabulary.beperkingen.values() if b.slug != IEDEREEN]
    counts = [sum(b.slug in v.beperkingen for v in vragen) for b in terms]
    return [
        Rij(
            b.naam, f"beperking/{b.slug}/", telling, _offers(site, lambda o, b=b: serves(o, b.slug))
        )
        for b, telling in zip(terms, _tellingen(counts), strict=True)
    ]


def _offers(site: Site, keep: Callable[[Aanbod], bool]) -> int:
    return sum(1 for offer in site.gepubliceerd if keep(offer))


def gaps(site: Site, vragen: list[Vraag]) -> list[Gat]:
    """'Gevraagd, maar er is niets': sport × municipality with unmet questions, most asked first;
    counts of 1 or 2 are ranked together, by name, so the order tells nothing more."""
    offers = list(site.aanbod.values())
    found: dict[tuple[str, str], list[Vraag]] = {}
    for vraag in vragen:
        if unmet(vraag, offers):
            assert vraag.sport is not None
            found.setdefault((vraag.sport.slug, vraag.gemeente.slug), []).append(vraag)
    rows = [
        Gat(same[0].sport, same[0].gemeente, Telling(len(same), shown(len(same))))
        for same in found.values()
        if same[0].sport is not None
    ]
    return sorted(rows, key=lambda g: (-(g.vragen.n if g.vragen.n >= SMALL else 0), _names(g)))


def _names(gat: Gat) -> tuple[str, str]:
    return (gat.sport.naam.lower(), gat.gemeente.naam.lower())


def _kwartalen(vragen: list[Vraag], spans: list[tuple[dt.date, dt.date]]) -> list[Kwartaal]:
    binnen = [[v for v in vragen if begin <= v.datum <= eind] for begin, eind in spans]
    matched = [sum(v.uitkomst == "gematcht" for v in part) for part in binnen]
    return [
        Kwartaal(_quarter_name(begin, eind), begin, eind, came, hit)
        for (begin, eind), came, hit in zip(
            spans, _tellingen([len(part) for part in binnen]), _tellingen(matched), strict=True
        )
    ]


def _quarter_name(begin: dt.date, eind: dt.date) -> str:
    """'januari–maart 2026'; the current quarter 'oktober–26 november 2026 (tot nu toe)'."""
    first = dutch.MAANDEN[begin.month - 1]
    if eind < quarter_start(begin, -1) - dt.timedelta(days=1):
        return f"{first}–{eind.day} {dutch.MAANDEN[eind.month - 1]} {begin.year} (tot nu toe)"
    return f"{first}–{dutch.MAANDEN[begin.month + 1]} {begin.year}"
