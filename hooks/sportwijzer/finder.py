"""The finder at aanbod/: what its form offers and what each result card tells the browser.

The page is a complete static list; every card carries its facts as data attributes, so the
browser can filter, sort and measure distances without sending anything anywhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .model import Aanbod, Site
from .vocabulary import BROADER, IEDEREEN

# Quick toggles: (value in the URL, label, test on an offer)
KENMERKEN = (
    ("proefles-gratis", "Gratis proefles"),
    ("gratis", "Gratis"),
    ("rolstoeltoegankelijk", "Rolstoeltoegankelijk"),
    ("begeleider-gratis", "Begeleider gaat gratis mee"),
)
AFSTANDEN = (5, 10, 15, 25, 50)
OMGEVINGEN = (("binnen", "Binnen"), ("buiten", "Buiten"), ("water", "In het water"))
SAMEN = (("alleen", "Alleen (zelf bezig)"), ("team", "In een team"))


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    lat: float | None = None
    lon: float | None = None
    icoon: str = ""


@dataclass(frozen=True)
class Card:
    """One result: the offer, and its facts for the browser's filters."""

    aanbod: Aanbod
    data: dict[str, str]


@dataclass(frozen=True)
class FinderView:
    kaarten: list[Card]
    beperkingen: list[Option]
    sporten: list[Option]
    gemeenten: list[Option]
    plaatsen: list[Option]
    kenmerken: list[Option]
    afstanden: tuple[int, ...] = AFSTANDEN
    omgevingen: list[Option] = field(default_factory=list)
    samen: list[Option] = field(default_factory=list)
    # The impairment rules, for the browser: 'iedereen' and narrower -> broader.
    regels: str = json.dumps({"iedereen": IEDEREEN, "breder": BROADER}, sort_keys=True)


def kenmerken(offer: Aanbod) -> list[str]:
    """The quick toggles an offer meets."""
    found = []
    if offer.proefles and offer.proefles.gratis:
        found.append("proefles-gratis")
    if offer.kosten and offer.kosten.gratis:
        found.append("gratis")
    if any(t.slug == "rolstoeltoegankelijk" for t in offer.toegankelijkheid):
        found.append("rolstoeltoegankelijk")
    if any(o.slug == "begeleider-gratis" for o in offer.ondersteuning):
        found.append("begeleider-gratis")
    return found


def card(ref: int, offer: Aanbod) -> Card:
    """Data attributes, as text, for one card (ref = position in the index)."""
    return Card(
        offer,
        {
            "ref": str(ref),
            "beperkingen": " ".join(b.slug for b in offer.beperkingen),
            "sport": offer.sport.slug,
            "gemeente": offer.locatie.gemeente.slug,
            "lat": f"{offer.locatie.lat:.5f}",
            "lon": f"{offer.locatie.lon:.5f}",
            "min": "" if offer.leeftijd_min is None else str(offer.leeftijd_min),
            "max": "" if offer.leeftijd_max is None else str(offer.leeftijd_max),
            "kenmerken": " ".join(kenmerken(offer)),
            "omgeving": " ".join(offer.sport.omgeving),
            "samen": offer.sport.samen,
        },
    )


def finder_view(site: Site) -> FinderView:
    """Everything the finder page shows, in the order it shows it."""
    published = site.gepubliceerd
    used_sports = {o.sport.slug for o in published}
    sports = sorted(
        (s for s in site.vocabulary.sporten.values() if s.slug in used_sports),
        key=lambda s: s.naam.lower(),
    )
    gemeenten = sorted(site.regio.gemeenten, key=lambda g: g.naam.lower())
    places = [Option(g.slug, g.naam, g.lat, g.lon) for g in gemeenten]
    places += sorted(
        (Option(p.slug, f"{p.naam} ({p.gemeente})", p.lat, p.lon) for p in site.regio.plaatsen),
        key=lambda o: o.label.lower(),
    )
    return FinderView(
        kaarten=[card(ref, offer) for ref, offer in enumerate(published)],
        beperkingen=[
            Option(b.slug, b.naam, icoon=b.icoon)
            for b in site.vocabulary.beperkingen.values()
            if b.slug != IEDEREEN
        ],
        sporten=[Option(s.slug, s.naam) for s in sports],
        gemeenten=[Option(g.slug, g.naam) for g in gemeenten],
        plaatsen=places,
        kenmerken=[Option(value, label) for value, label in KENMERKEN],
        omgevingen=[Option(value, label) for value, label in OMGEVINGEN],
        samen=[Option(value, label) for value, label in SAMEN],
    )
