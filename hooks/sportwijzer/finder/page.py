"""The finder at aanbod/: the page's view (its form's options, the first static page, the rules
finder.js needs). Its other static pages are in finder_pages, the files it fetches in finder_data.

Without JavaScript the finder is a static list, PAGE_SIZE offers a page (aanbod/, then
aanbod/pagina/2/ and on). With JavaScript, finder.js loads every offer's filter facts
(aanbod/feiten.json), and the rest only when needed: places for a distance, a card per result in
view. It filters, sorts and measures distances in the browser: nothing anyone searches for is
sent anywhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from ..base import dutch
from ..base.vocabulary import IEDEREEN
from ..model.objects import Gemeente, Site, sport_icons
from ..twins import finder_rules as rules
from .data import CARD_FOLDER, FACTS_PATH, ICON_FOLDER, PLACES_PATH, TITLES_PATH
from .filters import IMPAIRMENT_RULES, KENMERKEN
from .search import HEAD_PATH
from .static_pages import Card, Pager, static_pages

AFSTANDEN = (5, 10, 15, 25, 50)
OMGEVINGEN = (("binnen", "Binnen"), ("buiten", "Buiten"), ("water", "In het water"))
SAMEN = (("alleen", "Alleen (zelf bezig)"), ("team", "In een team"))
DATA_PATHS = {
    "index": HEAD_PATH,
    "feiten": FACTS_PATH,
    "plekken": PLACES_PATH,
    "titels": TITLES_PATH,
    "kaartjes": CARD_FOLDER,
    "iconen": ICON_FOLDER,
    "aanbod": "aanbod/",
}


@dataclass(frozen=True)
class Option:
    """One choice of a form's list: the value a link holds and the label people read."""

    value: str
    label: str
    name: str = ""  # a place's own name (the label may add its municipality)
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class FinderView:
    cards: list[Card]  # the first static page
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
    # the sports' icons of the first static page, in the page's sprite; a card finder.js makes
    # for another sport points to that sport's own file (finder_data.icon_files)
    sport_iconen: list[str] = field(default_factory=list)
    # what finder.js fetches (site paths), by the name of the form's data attribute
    paden: dict[str, str] = field(default_factory=dict)
    # 'lat,lon': where the map looks when it has no result to show (region_middle)
    map_centre: str = ""

    @property
    def status_tekst(self) -> str:
        """The count line before finder.js runs: '84 activiteiten. De eerste 20 staan hieronder.'"""
        text = dutch.hoofdletter(self.aantal_tekst) + "."
        if self.pager.aantal > 1:
            text += f" De eerste {len(self.cards)} staan hieronder."
        return text


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
        cards=first,
        aantal=len(published),
        aantal_tekst=dutch.aantal(len(published), "activiteit", "activiteiten"),
        pager=pager,
        beperkingen=[
            Option(b.slug, b.naam)
            for b in site.vocabulary.beperkingen.values()
            if b.slug != IEDEREEN
        ],
        sporten=[Option(s.slug, s.naam) for s in sports],
        gemeenten=[Option(g.slug, g.naam) for g in gemeenten],
        plaatsen=places,
        kenmerken=[Option(value, label) for value, label in KENMERKEN],
        omgevingen=[Option(value, label) for value, label in OMGEVINGEN],
        samen=[Option(value, label) for value, label in SAMEN],
        paden=DATA_PATHS,
        sport_iconen=sport_icons([card.aanbod for card in first]),
        map_centre="{},{}".format(*region_middle(site.regio.gemeenten)),
    )
    return replace(view, regels=browser_rules(view))


def region_middle(gemeenten: list[Gemeente]) -> tuple[float, float]:
    """The middle of the region: halfway between its gemeenten's outermost centres, north to
    south and east to west (4 decimals, about 10 metres)."""
    lats = [g.lat for g in gemeenten]
    lons = [g.lon for g in gemeenten]
    return round((min(lats) + max(lats)) / 2, 4), round((min(lons) + max(lons)) / 2, 4)


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
