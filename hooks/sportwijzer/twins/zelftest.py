"""The rule behind the result of the Meedoen Meerkamp self-test; javascripts/zelftest.js twins it.

The rule:

- A part counts as answered when its score is a whole number from 1 to 5; anything else
  (nothing, 0, 6, text) counts as not answered.
- The average is over the answered parts only, in tenths, rounded half up (3.25 -> 3.3). With
  nothing answered there is no average.
- The weakest parts are the answered parts with a score of 3 or lower: lowest score first, a tie
  in the order of the parts on the page, at most three.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

LOWEST, HIGHEST = 1, 5
WEAK = 3  # a score of 3 or lower needs work
MAX_WEAKEST = 3


@dataclass(frozen=True)
class Samenvatting:
    beantwoord: int  # how many parts have a score
    totaal: int  # how many parts there are
    gemiddelde_tienden: int | None  # the average in tenths (33 is 3,3), None when nothing answered
    zwakste: tuple[str, ...]  # ids of the weakest parts, weakest first

    @property
    def gemiddelde(self) -> str:
        """The average as a Dutch reads it: '3,3'; '' when nothing was answered."""
        if self.gemiddelde_tienden is None:
            return ""
        whole, tenth = divmod(self.gemiddelde_tienden, 10)
        return f"{whole},{tenth}"


def score(value: object) -> int | None:
    """A valid score: a whole number 1 to 5, or its text ("3"); else None (as zelftest.js)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():  # JSON and JavaScript: 3.0 is 3
        value = int(value)
    if isinstance(value, int):
        return value if LOWEST <= value <= HIGHEST else None
    if isinstance(value, str) and len(value) == 1 and value in "12345":
        return int(value)
    return None


def samenvatting(scores: Mapping[str, object], volgorde: Sequence[str]) -> Samenvatting:
    """Count, average (tenths, half up) and the weakest parts, following the module's rule."""
    answered = [(part, s) for part in volgorde if (s := score(scores.get(part))) is not None]
    count = len(answered)
    total = sum(s for _, s in answered)
    average = (total * 20 + count) // (2 * count) if count else None  # round(10*total/count)
    weak = [(s, index, part) for index, (part, s) in enumerate(answered) if s <= WEAK]
    weakest = tuple(part for _, _, part in sorted(weak)[:MAX_WEAKEST])
    return Samenvatting(count, len(volgorde), average, weakest)
