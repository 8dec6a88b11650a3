"""The files finder.js fetches, each when it needs it: every offer's filter facts on load
(aanbod/feiten.json), places for a distance or the map, titles for the map's markers, and the
cards of the results in view. The refs are positions in `gepubliceerd`, as in the text index and
the static cards. A card finder.js makes for a sport whose icon is not in the page's sprite
points to that icon's own small file (aanbod/iconen/), fetched once, only when needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..base.jsontext import inert_json
from ..check.vocabulary_load import theme_icon_folder
from ..model.objects import Aanbod, Site
from .filters import KENMERKEN, kenmerken


def position(offer: Aanbod) -> tuple[float, float]:
    """Where the browser thinks an offer is: 4 decimals, about 10 metres, plenty for km."""
    return round(offer.locatie.lat, 4), round(offer.locatie.lon, 4)


FACTS_PATH = "aanbod/feiten.json"  # on load: what every filter but distance needs
PLACES_PATH = "aanbod/plekken.json"  # when a distance is asked for, or the map
TITLES_PATH = "aanbod/titels.json"  # with the map: the markers' names
CARD_FOLDER = "aanbod/kaartjes/"  # the cards of the results in view: CARDS_PER_FILE offers a file
CARDS_PER_FILE = 8  # fewer files to write and fetch; the offers' title order keeps alike together
ICON_FOLDER = "aanbod/iconen/"  # <icon>.svg: one symbol, id sw-i-<icon> as in the page's sprite

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
        offer.status_tekst,
    ]


def finder_facts(site: Site) -> dict[str, Any]:
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
        # the last: the id of the sport's icon in the page's sprite, sw-i-<this> (sw-macros.html)
        "sporten": [
            [s.slug, s.naam, list(s.omgeving), s.samen, s.icoon.removeprefix("material/")]
            for s in sports
        ],
        "gemeenten": gemeenten,
        "beperkingen": [[b.slug, b.kort] for b in beperkingen],
        "kenmerken": [value for value, _label in KENMERKEN],
        "aanbod": {name: [row[i] for row in rows] for i, name in enumerate(FACT_FIELDS)},
    }


def icon_files(site: Site, folder: Path | None = None) -> dict[str, str]:
    """aanbod/iconen/<icon>.svg for each published offer's sport: the theme's icon as one
    symbol with the id the page's sprite gives it (sw-i-<icon>, sw-macros.html)."""
    folder = folder or theme_icon_folder()
    if folder is None:
        return {}
    files = {}
    for name in sorted({offer.sport.icoon for offer in site.gepubliceerd}):
        short = name.removeprefix("material/")
        svg = (folder / f"{name}.svg").read_text(encoding="utf-8")
        inner = svg[svg.index(">") + 1 : svg.rindex("</svg>")]
        files[f"{ICON_FOLDER}{short}.svg"] = (
            '<svg xmlns="http://www.w3.org/2000/svg">'
            f'<symbol id="sw-i-{short}" viewBox="0 0 24 24">{inner}</symbol></svg>'
        )
    return files


def finder_files(site: Site) -> dict[str, str]:
    """Every file the finder fetches: its facts, places, titles and the cards, CARDS_PER_FILE a
    file (aanbod/kaartjes/N.json holds refs N * CARDS_PER_FILE and on)."""
    published = site.gepubliceerd
    places = [position(o) for o in published]
    files: dict[str, Any] = {
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
