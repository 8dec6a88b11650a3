"""Offers near an offer, for the "Ook in de buurt" block of an offer's page: the same sport or an
impairment it serves, nearest first, found through a grid so that thousands of offers stay fast."""

from __future__ import annotations

import bisect
import math
from typing import Any

from ..base.geo import EARTH_RADIUS_KM
from ..base.vocabulary import BROADER, IEDEREEN
from ..model.objects import Aanbod


def served(offer: Aanbod, all_slugs: frozenset[str]) -> frozenset[str]:
    """Every impairment `offer` welcomes, with the rules applied (iedereen, narrower -> broader)."""
    slugs = {b.slug for b in offer.beperkingen}
    if IEDEREEN in slugs:
        return all_slugs
    return frozenset(slugs | {BROADER[s] for s in slugs if s in BROADER})


_Entry = tuple[Any, ...]  # one offer in a cell; Nearby.__init__ says what it holds


class Nearby:
    """Offers near an offer: the same sport or an impairment it serves, nearest first.

    Offers sit in grid cells sized to how dense the region is (0.3 to 5 km). A question walks
    rings of cells outwards and stops as soon as no farther cell can hold a nearer offer, so the
    build stays fast when a region has thousands of offers.
    """

    KM_PER_DEGREE = 111.2

    def __init__(self, offers: list[Aanbod], max_km: float = 25) -> None:
        self.max_km = max_km
        mean_lat = sum(o.locatie.lat for o in offers) / len(offers) if offers else 52.0
        self.CELL_KM = self._cell_km(offers, mean_lat)
        self.lat_step = self.CELL_KM / self.KM_PER_DEGREE
        # a cell is a little narrower away from the mean latitude: count on 80 % of its width
        self.lon_step = self.lat_step / math.cos(math.radians(mean_lat))
        everyone = frozenset(b.slug for o in offers for b in o.beperkingen) | {IEDEREEN}
        # per cell: (slug, sport, impairments served, lat, lon, title for sorting, offer, and
        # latitude and longitude in radians with the cosine of the latitude, for the distance,
        # and the offer's place in `offers`): plain tuples, as a question looks at tens of
        # thousands of them; sorted by latitude, so that a question reads only a band of a cell
        cells: dict[tuple[int, int], list[_Entry]] = {}
        for index, o in enumerate(offers):
            entry = (o.slug, o.sport.slug, served(o, everyone), o.locatie.lat, o.locatie.lon)
            lat, lon = math.radians(o.locatie.lat), math.radians(o.locatie.lon)
            radians = (lat, lon, math.cos(lat))
            cells.setdefault(self._cell(o), []).append(
                (*entry, o.titel.lower(), o, *radians, index)
            )
        self.cells: dict[tuple[int, int], tuple[list[_Entry], list[float]]] = {}
        for key, entries in cells.items():
            entries.sort(key=lambda e: (e[3], e[-1]))
            self.cells[key] = (entries, [e[3] for e in entries])

    def _cell_km(self, offers: list[Aanbod], mean_lat: float) -> float:
        """The typical spacing of offers: a few offers per cell, wherever they are."""
        if len(offers) < 2:
            return 5.0
        lats = [o.locatie.lat for o in offers]
        lons = [o.locatie.lon for o in offers]
        height = (max(lats) - min(lats)) * self.KM_PER_DEGREE
        width = (max(lons) - min(lons)) * self.KM_PER_DEGREE * math.cos(math.radians(mean_lat))
        spacing = math.sqrt(max(height * width, 1.0) / len(offers))
        return min(5.0, max(0.3, spacing))

    def _cell(self, offer: Aanbod) -> tuple[int, int]:
        return (
            math.floor(offer.locatie.lat / self.lat_step),
            math.floor(offer.locatie.lon / self.lon_step),
        )

    def _ring(self, row: int, col: int, r: int) -> list[tuple[list[_Entry], list[float]]]:
        """The filled cells at distance `r` (in cells) around (row, col)."""
        if r == 0:
            keys = [(row, col)]
        else:
            keys = [(row + side, col + d) for d in range(-r, r + 1) for side in (-r, r)]
            keys += [(row + d, col + side) for d in range(-r + 1, r) for side in (-r, r)]
        cells = self.cells
        return [cells[key] for key in keys if key in cells]

    def near(self, offer: Aanbod, limit: int = 4) -> list[tuple[Aanbod, float]]:
        own = {b.slug for b in offer.beperkingen} - {IEDEREEN}
        here = offer.locatie.lat
        lat1, lon1 = math.radians(offer.locatie.lat), math.radians(offer.locatie.lon)
        cos1 = math.cos(lat1)
        slug, sport, max_km = offer.slug, offer.sport.slug, self.max_km
        row, col = self._cell(offer)
        # the nearest so far, sorted (equals by their place in the list), at most `limit`
        best: list[tuple[float, str, int, Aanbod]] = []
        bound = math.inf  # the distance of the fourth nearest so far, once there are four
        rings = math.ceil(self.max_km / (self.CELL_KM * 0.8)) + 1
        for r in range(rings + 1):
            if bound < (r - 1) * self.CELL_KM * 0.8:
                break  # no farther ring can hold a nearer offer
            for entries, lats in self._ring(row, col, r):
                # outwards from this offer's latitude, nearer side first: once that side is
                # farther north or south alone than the fourth nearest so far, so is the other
                below = bisect.bisect_left(lats, here) - 1
                above = below + 1
                while below >= 0 or above < len(lats):
                    if above >= len(lats) or (
                        below >= 0 and here - lats[below] < lats[above] - here
                    ):
                        entry, below = entries[below], below - 1
                    else:
                        entry, above = entries[above], above + 1
                    o_slug, o_sport, o_serves, lat, _, title, other, lat2, lon2, cos2, index = entry
                    if abs(lat - here) * _LAT_KM_MIN > bound:
                        break
                    if o_slug == slug or (o_sport != sport and own.isdisjoint(o_serves)):
                        continue
                    # geo.distance_km(), written out with each offer's radians and cosine kept:
                    # the same operations in the same order, so the very same number
                    h = math.sin((lat2 - lat1) / 2) ** 2
                    h += cos1 * cos2 * math.sin((lon2 - lon1) / 2) ** 2
                    km = 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
                    if km > max_km:
                        continue
                    found = (km, title, index, other)
                    if len(best) < limit or found[:3] < best[-1][:3]:
                        bisect.insort(best, found, key=_by_distance_and_title)
                        del best[limit:]
                        if len(best) == limit:
                            bound = best[-1][0]
        return [(other, km) for km, _, _, other in best]


# A degree of latitude is 111.195 km on the sphere geo.distance_km() uses: never less than this.
_LAT_KM_MIN = 111.19


def _by_distance_and_title(entry: tuple[float, str, int, Aanbod]) -> tuple[float, str, int]:
    return entry[0], entry[1], entry[2]
