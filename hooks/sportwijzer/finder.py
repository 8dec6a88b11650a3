"""The finder at aanbod/: what its form offers and what each result card tells the browser.

The page is a complete static list; every card carries its facts as data attributes, so the
browser can filter, sort and measure distances without sending anything anywhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .filters import serves_any
from .geo import distance_km
from .model import Aanbod, Site
from .search import search
from .vocabulary import BROADER, IEDEREEN

# Quick toggles: (value in the URL, label, test on an offer)
KENMERKEN = (
    ("proefles-gratis", "Gratis proefles"),
    ("gratis", "Gratis"),
    ("rolstoeltoegankelijk", "Rolstoeltoegankelijk"),
    ("begeleider-gratis", "Begeleider gaat gratis mee"),
)
AFSTANDEN = (5, 10, 15, 25, 50)
PAGE_SIZE = 50  # results in view before "Toon meer resultaten" (finder.js: PAGE)
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


# --- the filters, as the browser applies them (finder.js); used by the tests ------------------

MULTI = ("beperking", "kenmerk")


def _places(site: Site) -> dict[str, tuple[float, float]]:
    places = {g.slug: (g.lat, g.lon) for g in site.regio.gemeenten}
    places.update({p.slug: (p.lat, p.lon) for p in site.regio.plaatsen})
    return places


def _matches(offer: Aanbod, state: dict, km: float | None) -> bool:
    wanted = state["beperking"]
    if wanted and not serves_any(offer, wanted):
        return False
    checks = [
        not state["sport"] or offer.sport.slug == state["sport"],
        not state["gemeente"] or offer.locatie.gemeente.slug == state["gemeente"],
        not state["omgeving"] or state["omgeving"] in offer.sport.omgeving,
        not state["samen"] or offer.sport.samen in ("beide", state["samen"]),
        all(k in kenmerken(offer) for k in state["kenmerk"]),
        km is None or not state["km"] or km <= float(state["km"]),
    ]
    age = state["leeftijd"]
    if age.lstrip("-").isdigit():
        low, high = offer.leeftijd_min, offer.leeftijd_max
        checks.append((low is None or int(age) >= low) and (high is None or int(age) <= high))
    return all(checks)


def select(site: Site, params: dict[str, list[str]], index=None) -> list[Aanbod]:
    """The offers the finder shows for these URL parameters, in the order it shows them.

    `index` is (lunr Index, synonyms, stop words), needed only for a text query.
    """
    state = {n: params.get(n, []) if n in MULTI else (params.get(n) or [""])[0].strip()
             for n in ("q", "beperking", "sport", "gemeente", "leeftijd", "bij", "km",
                       "kenmerk", "omgeving", "samen", "sorteer")}  # fmt: skip
    origin = _places(site).get(state["bij"])
    published = site.gepubliceerd
    distance = {
        o.slug: distance_km(origin, (o.locatie.lat, o.locatie.lon)) if origin else None
        for o in published
    }
    scores = search(*index[:1], state["q"], *index[1:]) if state["q"] and index else None
    shown = [
        (order, o)
        for order, o in enumerate(published)
        if _matches(o, state, distance[o.slug]) and (scores is None or str(order) in scores)
    ]
    if state["sorteer"] == "afstand" and origin:
        shown.sort(key=lambda pair: (distance[pair[1].slug], pair[0]))
    elif scores is not None:
        shown.sort(key=lambda pair: (-scores[str(pair[0])], pair[0]))
    return [offer for _, offer in shown]
