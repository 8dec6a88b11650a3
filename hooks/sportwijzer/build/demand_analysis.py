"""Demand beside supply on regio-analyse/: what reached the regional desk, what came of it, and
what is missing, as vragen/telling.yml holds it.

The counts are made and protected by `make vraag-telling` (tools/demand_telling.py) from the desk's
register, which never enters git; this module only puts them beside the offers the site
publishes now. It also holds the rule of a fitting offer nearby, which the telling uses.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..base import dutch
from ..base.geo import distance_km
from ..base.suppression import RANGES
from ..base.telling_layout import GAPS, QUARTER_KEY, UNMET
from ..base.vocabulary import Term
from ..finder.filters import serves
from ..model.objects import Aanbod, Gemeente, Site, Vraag

NEAR_KM = 15.0  # a fitting offer this close to the municipality's centre counts as 'there'
UITKOMSTEN = {
    "gematcht": "Gematcht: een plek gevonden",
    "doorverwezen": "Doorverwezen naar iemand anders",
    "open": "Nog open",
    "geen-aanbod": "Geen passend aanbod gevonden",
}


@dataclass(frozen=True)
class Telling:
    """A count as the page shows it: a number, or '1–2', '3 of meer', '0–2', 'niet getoond'."""

    tekst: str

    @property
    def n(self) -> int | None:
        """The number, when the telling shows it exactly."""
        return None if self.tekst in RANGES else int(self.tekst)


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
        n = self.totaal.n
        return dutch.aantal(1 if n is None else n, "vraag", "vragen", self.totaal.tekst)


def shown(value: Any) -> Telling:
    """A count of the telling as text: 7, '1–2'."""
    return Telling(str(value))


def quarter_start(day: dt.date, back: int = 0) -> dt.date:
    """The first day of the quarter `back` quarters before the one `day` is in."""
    index = (day.year * 4 + (day.month - 1) // 3) - back
    return dt.date(index // 4, index % 4 * 3 + 1, 1)


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


def analyse_vragen(site: Site) -> Vraaganalyse | None:
    """Every figure of the demand section, from vragen/telling.yml (None without a telling)."""
    telling = site.telling
    if telling is None:
        return None
    kwartalen = _kwartalen(telling["kwartalen"])
    begin, eind = kwartalen[0].begin, kwartalen[-1].eind
    return Vraaganalyse(
        begin=begin,
        eind=eind,
        periode_tekst=(
            f"van {dutch.MAANDEN[begin.month - 1]} {begin.year} tot de telling in "
            f"{kwartalen[-1].naam.removesuffix(' (tot de telling)')}"
        ),
        totaal=shown(telling["totaal"]),
        per_gemeente=_per_gemeente(site, telling["gemeenten"]),
        per_beperking=_per_beperking(site, telling["beperkingen"]),
        uitkomsten=[(naam, shown(telling["uitkomsten"][u])) for u, naam in UITKOMSTEN.items()],
        gaten=[
            Gat(
                site.vocabulary.sporten[gap["sport"]],
                site.regio.gemeente(gap["gemeente"]),
                shown(gap["vragen"]),
            )
            for gap in telling[GAPS]
        ],
        kwartalen=kwartalen,
    )


def _per_gemeente(site: Site, counts: dict[str, Any]) -> list[Rij]:
    rows = []
    for naam, value in counts.items():
        g = site.regio.gemeente(naam)
        aanbod = _offers(site, functools.partial(_in, gemeente=g))
        rows.append(Rij(g.naam, f"gemeente/{g.slug}/", shown(value), aanbod))
    return rows


def _in(offer: Aanbod, gemeente: Gemeente) -> bool:
    return offer.locatie.gemeente.slug == gemeente.slug


def _per_beperking(site: Site, counts: dict[str, Any]) -> list[Rij]:
    """A question counts for every impairment it names; an offer for every one it serves."""
    rows = []
    for slug, value in counts.items():
        b = site.vocabulary.beperkingen[slug]
        aanbod = _offers(site, functools.partial(serves, beperking=b.slug))
        rows.append(Rij(b.naam, f"beperking/{b.slug}/", shown(value), aanbod))
    return rows


def _offers(site: Site, keep: Callable[[Aanbod], bool]) -> int:
    return sum(1 for offer in site.gepubliceerd if keep(offer))


def _kwartalen(counts: dict[str, Any]) -> list[Kwartaal]:
    rows = []
    for index, (key, part) in enumerate(counts.items()):
        match = QUARTER_KEY.fullmatch(key)
        assert match is not None  # validated
        begin = dt.date(int(match[1]), (int(match[2]) - 1) * 3 + 1, 1)
        eind = quarter_start(begin, -1) - dt.timedelta(days=1)
        naam = _quarter_name(begin, last=index == len(counts) - 1)
        rows.append(Kwartaal(naam, begin, eind, shown(part["binnen"]), shown(part["gematcht"])))
    return rows


def _quarter_name(begin: dt.date, last: bool) -> str:
    """'januari–maart 2026'; the quarter of the telling 'oktober–december 2026 (tot de telling)'."""
    name = f"{dutch.MAANDEN[begin.month - 1]}–{dutch.MAANDEN[begin.month + 1]} {begin.year}"
    return f"{name} (tot de telling)" if last else name
