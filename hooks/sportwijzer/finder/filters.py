"""Which offers match a question: the same rules as the finder in the browser.

An offer for `iedereen` matches every impairment; a search for `lichamelijk` also finds offers
for `rolstoel` (a narrower impairment), not the other way round.
"""

from __future__ import annotations

from ..base.vocabulary import BROADER, IEDEREEN
from ..model.objects import Aanbod
from ..twins import finder_rules

# Quick toggles: (value in the URL, label): the finder's checkboxes, and words the search finds
KENMERKEN = (
    ("proefles-gratis", "Gratis proefles"),
    ("gratis", "Gratis"),
    ("rolstoeltoegankelijk", "Rolstoeltoegankelijk"),
    ("begeleider-gratis", "Begeleider gaat gratis mee"),
)


def kenmerken(offer: Aanbod) -> list[str]:
    """The quick toggles an offer meets."""
    found = []
    if offer.proefles and offer.proefles.gratis:
        found.append("proefles-gratis")
    if offer.gratis:
        found.append("gratis")
    if any(t.slug == "rolstoeltoegankelijk" for t in offer.toegankelijkheid):
        found.append("rolstoeltoegankelijk")
    if any(o.slug == "begeleider-gratis" for o in offer.ondersteuning):
        found.append("begeleider-gratis")
    return found


IMPAIRMENT_RULES = {"iedereen": IEDEREEN, "breder": BROADER}  # as finder_rules takes them


def serves(offer: Aanbod, beperking: str) -> bool:
    """Does `offer` welcome people with `beperking`? (finder_rules.serves: the finder's rule)"""
    return finder_rules.serves([t.slug for t in offer.beperkingen], beperking, IMPAIRMENT_RULES)
