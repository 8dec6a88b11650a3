"""Which offers match a question: the same rules as the finder in the browser.

An offer for `iedereen` matches every impairment; a search for `lichamelijk` also finds offers
for `rolstoel` (a narrower impairment), not the other way round.
"""

from __future__ import annotations

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


def nearby(offer: Aanbod, candidates: list[Aanbod], limit: int = 4, max_km: float = 25):
    """Other offers of the same sport or for an impairment this offer serves, nearest first."""
    own = {b.slug for b in offer.beperkingen} - {IEDEREEN}
    found = []
    for other in candidates:
        if other.slug == offer.slug:
            continue
        related = other.sport.slug == offer.sport.slug or any(serves(other, b) for b in own)
        km = distance_km(
            (offer.locatie.lat, offer.locatie.lon), (other.locatie.lat, other.locatie.lon)
        )
        if related and km <= max_km:
            found.append((km, other.titel.lower(), other))
    return [(other, km) for km, _, other in sorted(found, key=lambda f: f[:2])[:limit]]
