"""The finder at aanbod/: its form, its static pages and the facts the browser filters on.

Without JavaScript the finder is a static list, PAGE_SIZE offers a page (aanbod/, then
aanbod/pagina/2/ and on). With JavaScript, finder.js loads every offer's filter facts
(aanbod/feiten.json), and the rest only when needed: places for a distance, a card per result in
view. It filters, sorts and measures distances in the browser: nothing anyone searches for is
sent anywhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from . import dutch
from . import finder_rules as rules
from .filters import IMPAIRMENT_RULES, KENMERKEN, kenmerken
from .jsontext import inert_json
from .model import Aanbod, Site
from .search import search
from .vocabulary import IEDEREEN

AFSTANDEN = (5, 10, 15, 25, 50)
PAGE_SIZE = rules.PAGE  # a static page, and the results in view before "Toon meer"
OMGEVINGEN = (("binnen", "Binnen"), ("buiten", "Buiten"), ("water", "In het water"))
SAMEN = (("alleen", "Alleen (zelf bezig)"), ("team", "In een team"))


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    naam: str = ""  # a place's own name (the label may add its municipality)
    lat: float | None = None
    lon: float | None = None
    icoon: str = ""


@dataclass(frozen=True)
class Card:
    """One result: the offer, and its facts for the browser's filters."""

    aanbod: Aanbod
    data: dict[str, str]


@dataclass(frozen=True)
class Pager:
    """Where a static page of the finder sits among the others."""

    pagina: int
    paginas: list[tuple[int, str]]  # (number, site path) of every page

    @property
    def aantal(self) -> int:
        return len(self.paginas)

    @property
    def vorige(self) -> str | None:
        return self.paginas[self.pagina - 2][1] if self.pagina > 1 else None

    @property
    def volgende(self) -> str | None:
        return self.paginas[self.pagina][1] if self.pagina < self.aantal else None

    @property
    def eerste(self) -> int:
        """The position (from 1) of this page's first offer in the whole list."""
        return (self.pagina - 1) * PAGE_SIZE + 1

    @property
    def getoond(self) -> list[tuple[int, str] | None]:
        """The page links to show: the first, the last and two either side of this one; None
        where numbers are left out (with 200 pages, a list of 200 links is no help)."""
        keep = {1, self.aantal, *range(self.pagina - 2, self.pagina + 3)}
        shown: list[tuple[int, str] | None] = []
        for number, path in self.paginas:
            if number in keep:
                shown.append((number, path))
            elif shown and shown[-1] is not None:
                shown.append(None)
        return shown


def page_path(number: int) -> str:
    """The site path of static page `number` of the finder (1 is the finder itself)."""
    return "aanbod/" if number == 1 else f"aanbod/pagina/{number}/"


def static_pages(offers: list[Aanbod]) -> list[tuple[Pager, list[Card]]]:
    """The finder's list cut into pages of PAGE_SIZE, each with its pager and its cards."""
    count = max(1, -(-len(offers) // PAGE_SIZE))
    paths = [(n, page_path(n)) for n in range(1, count + 1)]
    return [
        (
            Pager(n, paths),
            [
                card(ref, offers[ref])
                for ref in range((n - 1) * PAGE_SIZE, min(n * PAGE_SIZE, len(offers)))
            ],
        )
        for n in range(1, count + 1)
    ]


@dataclass(frozen=True)
class FinderView:
    kaarten: list[Card]  # the first static page
    aantal: int
    aantal_tekst: str  # '84 activiteiten', '1 activiteit'
    pager: Pager
    beperkingen: list[Option]
    sporten: list[Option]
    gemeenten: list[Option]
    plaatsen: list[Option]
    kenmerken: list[Option]
    afstanden: tuple[int, ...] = AFSTANDEN
    omgevingen: list[Option] = field(default_factory=list)
    samen: list[Option] = field(default_factory=list)
    regels: str = ""  # browser_rules(): for finder.js


def card(ref: int, offer: Aanbod) -> Card:
    """A static card; its ref is its position in the data file and the index."""
    return Card(offer, {"ref": str(ref)})


def position(offer: Aanbod) -> tuple[float, float]:
    """Where the browser thinks an offer is: 4 decimals, about 10 metres, plenty for km."""
    return round(offer.locatie.lat, 4), round(offer.locatie.lon, 4)


# What the finder fetches, each when it needs it (the refs are positions in `gepubliceerd`, as in
# the text index and the static cards):
FACTS_PATH = "aanbod/feiten.json"  # on load: what every filter but distance needs
PLACES_PATH = "aanbod/plekken.json"  # when a distance is asked for, or the map
TITLES_PATH = "aanbod/titels.json"  # with the map: the markers' names
CARD_FOLDER = "aanbod/kaart/"  # the cards of the results in view: CARDS_PER_FILE offers a file
CARDS_PER_FILE = 8  # fewer files to write and fetch; the offers' title order keeps alike together

FACT_FIELDS = ("sport", "gemeente", "beperkingen", "min", "max", "kenmerken")
CARD_FIELDS = ("slug", "titel", "samenvatting", "plaats", "proefles", "status")


def card_data(offer: Aanbod) -> list[str]:
    """One offer's card text, in CARD_FIELDS order."""
    return [
        offer.slug,
        offer.titel,
        offer.samenvatting,
        offer.locatie.plaats,
        offer.proefles.tekst if offer.proefles else "",
        offer.status.naam if offer.status.slug != "actief" else "",
    ]


def finder_facts(site: Site) -> dict:
    """Every published offer's filter facts, by column (which compresses better than by offer),
    repeated words as positions in a table."""
    published = site.gepubliceerd
    sports = sorted({o.sport.slug: o.sport for o in published}.values(), key=lambda s: s.slug)
    sport_at = {s.slug: i for i, s in enumerate(sports)}
    gemeenten = [g.slug for g in site.regio.gemeenten]
    gemeente_at = {slug: i for i, slug in enumerate(gemeenten)}
    beperkingen = list(site.vocabulary.beperkingen.values())
    beperking_at = {b.slug: i for i, b in enumerate(beperkingen)}
    kenmerk_at = {value: i for i, (value, _label) in enumerate(KENMERKEN)}
    rows = [
        [
            sport_at[o.sport.slug],
            gemeente_at[o.locatie.gemeente.slug],
            [beperking_at[b.slug] for b in o.beperkingen],
            o.leeftijd_min,
            o.leeftijd_max,
            [kenmerk_at[k] for k in kenmerken(o)],
        ]
        for o in published
    ]
    return {
        "sporten": [[s.slug, s.naam, list(s.omgeving), s.samen] for s in sports],
        "gemeenten": gemeenten,
        "beperkingen": [[b.slug, b.kort] for b in beperkingen],
        "kenmerken": [value for value, _label in KENMERKEN],
        "aanbod": {name: [row[i] for row in rows] for i, name in enumerate(FACT_FIELDS)},
    }


def finder_files(site: Site) -> dict[str, str]:
    """Every file the finder fetches: its facts, places, titles and the cards, CARDS_PER_FILE a
    file (aanbod/kaart/N.json holds refs N * CARDS_PER_FILE and on)."""
    published = site.gepubliceerd
    places = [position(o) for o in published]
    files = {
        FACTS_PATH: finder_facts(site),
        PLACES_PATH: {"lat": [p[0] for p in places], "lon": [p[1] for p in places]},
        TITLES_PATH: {"slug": [o.slug for o in published], "titel": [o.titel for o in published]},
    }
    cards = [card_data(o) for o in published]
    for start in range(0, len(cards), CARDS_PER_FILE):
        files[f"{CARD_FOLDER}{start // CARDS_PER_FILE}.json"] = cards[
            start : start + CARDS_PER_FILE
        ]
    return {path: inert_json(data, separators=(",", ":")) for path, data in files.items()}


def finder_view(site: Site) -> FinderView:
    """Everything the finder page shows, in the order it shows it."""
    published = site.gepubliceerd
    used_sports = {o.sport.slug for o in published}
    sports = sorted(
        (s for s in site.vocabulary.sporten.values() if s.slug in used_sports),
        key=lambda s: s.naam.lower(),
    )
    gemeenten = sorted(site.regio.gemeenten, key=lambda g: g.naam.lower())
    places = [Option(g.slug, g.naam, g.naam, g.lat, g.lon) for g in gemeenten]
    places += sorted(
        (
            Option(p.slug, f"{p.naam} ({p.gemeente})", p.naam, p.lat, p.lon)
            for p in site.regio.plaatsen
        ),
        key=lambda o: o.label.lower(),
    )
    pager, first = static_pages(published)[0]
    view = FinderView(
        kaarten=first,
        aantal=len(published),
        aantal_tekst=dutch.aantal(len(published), "activiteit", "activiteiten"),
        pager=pager,
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
    return replace(view, regels=browser_rules(view))


# --- the filters, as the browser applies them (finder.js, with finder_rules.js) ---------------


def known_values(view: FinderView) -> dict[str, list[str]]:
    """The values a link may hold for each field with a list: the form's options."""
    return {
        "beperking": [o.value for o in view.beperkingen],
        "sport": [o.value for o in view.sporten],
        "gemeente": [o.value for o in view.gemeenten],
        "voor": list(rules.VOORS),
        "bij": [o.value for o in view.plaatsen] + [rules.MY_LOCATION],
        "km": [str(km) for km in view.afstanden],
        "kenmerk": [o.value for o in view.kenmerken],
        "omgeving": [o.value for o in view.omgevingen],
        "samen": [o.value for o in view.samen],
        "sorteer": list(rules.SORTS),
    }


def browser_rules(view: FinderView) -> str:
    """What finder.js needs besides finder_rules.js: the impairment rules and known values."""
    return json.dumps(
        {**IMPAIRMENT_RULES, "bekend": known_values(view)},
        sort_keys=True, ensure_ascii=False,
    )  # fmt: skip


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

    `index` is (lunr Index, synonyms, stop words), needed only for a text query.
    """
    pairs = [[name, value] for name, values in params.items() for value in values]
    state = rules.read_params(pairs, known_values(finder_view(site)))["state"]
    origin = _places(site).get(state["bij"])
    published = site.gepubliceerd
    scores = search(*index[:1], state["q"], *index[1:]) if state["q"] and index else None
    shown = []
    for number, offer in enumerate(published):
        distance = rules.distance_km(origin, position(offer)) if origin else None
        ref = str(number)
        if rules.matches(offer_facts(offer), state, distance, IMPAIRMENT_RULES) and (
            scores is None or ref in scores
        ):
            shown.append({"ref": ref, "order": number, "distance": distance})
    mode = rules.sort_mode(state, origin is not None)
    return [published[r["order"]] for r in rules.order(shown, mode, scores)]
