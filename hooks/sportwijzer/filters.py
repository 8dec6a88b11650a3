"""Which offers match a question: the same rules as the finder in the browser.

An offer for `iedereen` matches every impairment; a search for `lichamelijk` also finds offers
for `rolstoel` (a narrower impairment), not the other way round.
"""

from __future__ import annotations

import math

from .geo import distance_km
from .model import Aanbod
from .vocabulary import BROADER, IEDEREEN


def serves(offer: Aanbod, beperking: str) -> bool:
    """Does `offer` welcome people with `beperking`?"""
    for term in offer.beperkingen:
        if term.slug in (beperking, IEDEREEN) or BROADER.get(term.slug) == beperking:
            return True
    return False


def serves_any(offer: Aanbod, beperkingen: list[str]) -> bool:
    """Several impairments asked for: any of them will do."""
    return any(serves(offer, b) for b in beperkingen)


class Nearby:
    """Offers near an offer: the same sport or an impairment it serves, nearest first.

    Offers are kept in grid cells of about 28 by 27 km, so a question looks at nine cells, not
    at every offer: the build stays fast at national scale.
    """

    CELL = (0.25, 0.4)  # degrees of latitude and longitude

    def __init__(self, offers: list[Aanbod], max_km: float = 25) -> None:
        assert max_km <= 27, "the 3 x 3 cells cover 27 km around a point"
        self.max_km = max_km
        self.cells: dict[tuple[int, int], list[Aanbod]] = {}
        for offer in offers:
            self.cells.setdefault(self._cell(offer), []).append(offer)

    def _cell(self, offer: Aanbod) -> tuple[int, int]:
        return (
            math.floor(offer.locatie.lat / self.CELL[0]),
            math.floor(offer.locatie.lon / self.CELL[1]),
        )

    def _around(self, offer: Aanbod):
        row, col = self._cell(offer)
        for d_row in (-1, 0, 1):
            for d_col in (-1, 0, 1):
                yield from self.cells.get((row + d_row, col + d_col), ())

    def near(self, offer: Aanbod, limit: int = 4) -> list[tuple[Aanbod, float]]:
        own = {b.slug for b in offer.beperkingen} - {IEDEREEN}
        here = (offer.locatie.lat, offer.locatie.lon)
        found = []
        for other in self._around(offer):
            if other.slug == offer.slug:
                continue
            if other.sport.slug != offer.sport.slug and not any(serves(other, b) for b in own):
                continue
            km = distance_km(here, (other.locatie.lat, other.locatie.lon))
            if km <= self.max_km:
                found.append((km, other.titel.lower(), other))
        found.sort(key=lambda f: f[:2])
        return [(other, km) for km, _, other in found[:limit]]
