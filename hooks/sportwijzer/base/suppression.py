"""Small counts that stay small: primary and secondary suppression over linked tables.

A published count of 1 or 2 could point at a person, so it is shown as '1–2'. That alone is not
enough: when a table's total is shown and every other cell too, the hidden cell follows by
subtraction, and the same holds across tables that share a total. So every table is written as
cells and linear relations between them (a total is the sum of its row; the impairments add up
to at least the total; ...), and a reader is modelled in two steps. First subtraction: narrow
every cell's range with every relation until nothing changes (bound propagation, chained through
rows, columns and other tables). Then, for each count of 1 or 2 that subtraction leaves open, a
search for another table of whole numbers that the page allows in which that count differs
(subtraction alone misses some: a gap of '1–2' needs an open question, and that can pin a total
of '1–2'); a search that runs out of steps counts as 'pinned'.

While some count of 1 or 2 (shown as '1–2', or never shown at all, like the questions of a
quarter that were not matched) can be pinned to one value, one more cell is hidden: the smallest
count of 3 or more becomes '3 of meer', else a zero becomes '0–2', cells of the same relation
first and totals last; when only ranges are left, a range becomes 'niet getoond'. Afterwards
each extra step is undone if everything stays protected without it.

Nothing here knows about questions: cells are names (tuples) with counts.
"""

from __future__ import annotations

import functools
import math
from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

FEW = "1–2"
MORE = "3 of meer"
ZERO = "0–2"
UNSHOWN = "niet getoond"  # the last resort, when even ranges would give a small count away
SMALL = 3  # a count below this, but above 0, is never shown exactly
INF = math.inf
RANGES: dict[str, tuple[float, float]] = {
    FEW: (1, 2),
    MORE: (SMALL, INF),
    ZERO: (0, 2),
    UNSHOWN: (0, INF),
}
LABELS = tuple(RANGES)
MAX_ROUNDS = 500

Cell = Hashable
Label = int | str  # an exact count (0 or 3 and more), or one of LABELS
Bounds = dict[Cell, tuple[float, float]]


@dataclass(frozen=True)
class Relation:
    """sum(factor * cell) <= 0, or == 0 when `equal`: what a reader knows besides the cells."""

    terms: tuple[tuple[Cell, int], ...]
    equal: bool


def sum_of(whole: Cell, parts: Iterable[Cell]) -> Relation:
    """The whole is the sum of its parts (a total and its row)."""
    return Relation(((whole, -1), *((part, 1) for part in parts)), True)


def at_most(parts: Iterable[Cell], wholes: Iterable[Cell], times: int = 1) -> Relation:
    """The parts add up to at most `times` the wholes (the gaps of a municipality, and its
    questions)."""
    return Relation((*((part, 1) for part in parts), *((w, -times) for w in wholes)), False)


def at_least(parts: Iterable[Cell], whole: Cell, times: int = 1) -> Relation:
    """The parts add up to at least `times` the whole (every question names an impairment)."""
    return Relation(((whole, times), *((part, -1) for part in parts)), False)


def label(count: int) -> Label:
    """0 stays 0; 1 and 2 become '1–2'; from 3 on the number itself."""
    return FEW if 0 < count < SMALL else count


def bounds_of(labels: Mapping[Cell, Label], cells: Iterable[Cell]) -> Bounds:
    """What a reader knows of each cell from the page alone; a cell never shown is 0 or more."""
    bounds: Bounds = {}
    for cell in cells:
        shown = labels.get(cell)
        if shown is None:
            bounds[cell] = (0, INF)
        elif isinstance(shown, str):
            bounds[cell] = RANGES[shown]
        else:
            bounds[cell] = (shown, shown)
    return bounds


def cells_in(relations: Iterable[Relation]) -> set[Cell]:
    return {cell for relation in relations for cell, _sign in relation.terms}


def propagate(
    bounds: Bounds, relations: list[Relation], start: Iterable[Cell] | None = None
) -> Bounds:
    """Narrow every cell's range with every relation until nothing changes (whole numbers), or
    until a range is empty (the counts contradict each other). With `start`, only the ranges of
    those cells changed since the last time: their relations are looked at first."""
    rules = tuple(relations)
    index = _index(rules)
    bounds = dict(bounds)
    if start is None:
        queue = deque(range(len(rules)))
    else:
        queue = deque(sorted({i for cell in start for i in index.get(cell, ())}))
    waiting = set(queue)
    steps = MAX_ROUNDS * max(len(rules), 1)
    try:
        while queue and steps > 0:
            steps -= 1
            number = queue.popleft()
            waiting.discard(number)
            for terms in _inequalities(rules[number]):
                for cell in _tighten(bounds, terms):
                    for other in index[cell]:
                        if other not in waiting:
                            waiting.add(other)
                            queue.append(other)
    except _Contradiction:
        pass  # a cell with low > high tells the caller
    return bounds


@functools.lru_cache(maxsize=64)
def _index(relations: tuple[Relation, ...]) -> dict[Cell, tuple[int, ...]]:
    """For each cell, the relations it is in."""
    found: dict[Cell, list[int]] = {}
    for number, relation in enumerate(relations):
        for cell, _factor in relation.terms:
            found.setdefault(cell, []).append(number)
    return {cell: tuple(numbers) for cell, numbers in found.items()}


def _inequalities(relation: Relation) -> list[tuple[tuple[Cell, int], ...]]:
    """An equality is two inequalities: sum <= 0 and -sum <= 0."""
    flipped = tuple((cell, -sign) for cell, sign in relation.terms)
    return [relation.terms, flipped] if relation.equal else [relation.terms]


def _tighten(bounds: Bounds, terms: tuple[tuple[Cell, int], ...]) -> list[Cell]:
    """sum(sign * cell) <= 0: each term is at most minus the least the other terms can be.
    Returns the cells whose range changed."""
    least = [bounds[cell][0] * sign if sign > 0 else bounds[cell][1] * sign for cell, sign in terms]
    endless = sum(1 for value in least if not math.isfinite(value))
    finite = sum(value for value in least if math.isfinite(value))
    changed = []
    for (cell, sign), own in zip(terms, least, strict=True):
        if endless > (0 if math.isfinite(own) else 1):
            continue  # another term can be as small as it likes: this relation says nothing
        rest = finite - own if math.isfinite(own) else finite
        low, high = bounds[cell]
        if sign > 0:
            high = min(high, (-rest) // sign)  # whole numbers: floor division, exactly
        else:
            low = max(low, -((-rest) // -sign))  # the ceiling of rest / -sign
        if (low, high) != bounds[cell]:
            bounds[cell] = (low, high)
            changed.append(cell)
        if low > high:
            raise _Contradiction
    return changed


class _Contradiction(Exception):
    """The counts cannot all be true together: no need to narrow any further."""


Witness = dict[Cell, float]  # a whole table the page allows: one value for every cell


def exposed(
    values: Mapping[Cell, int],
    labels: Mapping[Cell, Label],
    relations: list[Relation],
    first: bool = False,
    witnesses: list[Witness] | None = None,
) -> list[Cell]:
    """The counts of 1 or 2, shown as '1–2' or never shown, that a reader can pin to one value:
    by subtraction, or else because no table of whole numbers that the page allows gives them
    another value (with `first`, only the first one found). Tables found on the way are kept in
    `witnesses`: one that the page still allows settles every count it gives another value."""
    cells = cells_in(relations) | set(labels)
    known = propagate(bounds_of(labels, cells), relations)
    small = sorted((cell for cell in cells if 0 < values.get(cell, 0) < SMALL), key=repr)
    pinned = [cell for cell in small if _pinned(known[cell])]
    if pinned:
        return pinned
    witnesses = [] if witnesses is None else witnesses
    settled = _settled(values, known, witnesses)
    found = []
    for cell in (cell for cell in small if cell not in settled):
        if cell in settled:
            continue
        table = _another_value(values, known, relations, cell)
        if table is None:
            found.append(cell)
            if first:
                break
        else:
            witnesses.append(table)
            settled |= {c for c, v in table.items() if v != values.get(c, 0)}
    return found


def _settled(values: Mapping[Cell, int], known: Bounds, witnesses: list[Witness]) -> set[Cell]:
    """The cells that a table the page still allows gives another value than the true one."""
    settled: set[Cell] = set()
    for table in witnesses:
        if all(known[c][0] <= v <= known[c][1] for c, v in table.items() if c in known):
            settled |= {c for c, v in table.items() if v != values.get(c, 0)}
    return settled


def _pinned(bounds: tuple[float, float]) -> bool:
    return bounds[0] >= bounds[1]


def _another_value(
    values: Mapping[Cell, int], known: Bounds, relations: list[Relation], cell: Cell
) -> Witness | None:
    """A whole-number table the page allows in which `cell` has another value, or None. The
    search changes only the cells next to `cell` first (the rest keep their true counts), then
    those two steps away, then all; when it runs out of steps, the answer is None."""
    low, high = known[cell]
    others = [v for v in _near(values[cell], low, high) if v != values[cell]][:3]
    budget = [SEARCH_STEPS]
    rules = tuple(relations)
    for radius in (1, 2, None):
        area = _around(cell, rules, radius)
        base = {
            c: bounds if area is None or c in area else (values.get(c, 0), values.get(c, 0))
            for c, bounds in known.items()
        }
        for other in others:
            start = propagate({**base, cell: (other, other)}, relations)
            table = _search(start, values, relations, budget)
            if table is not None:
                return table
    return None


def _around(cell: Cell, rules: tuple[Relation, ...], radius: int | None) -> set[Cell] | None:
    """The cells at most `radius` relations away from `cell` (None: every cell)."""
    if radius is None:
        return None
    index = _index(rules)
    area = {cell}
    for _step in range(radius):
        area |= {c for a in area for r in index.get(a, ()) for c, _f in rules[r].terms}
    return area


SEARCH_STEPS = 400
SEARCH_WIDTH = 40  # values tried for one cell, nearest to the true count first


def _near(value: float, low: float, high: float) -> list[int]:
    """Whole numbers in [low, high], nearest to `value` first (at most SEARCH_WIDTH)."""
    top = min(high, low + 2 * SEARCH_WIDTH)
    found = sorted(range(int(low), int(top) + 1), key=lambda v: (abs(v - value), v))
    return found[:SEARCH_WIDTH]


def _search(
    bounds: Bounds, values: Mapping[Cell, int], relations: list[Relation], budget: list[int]
) -> Witness | None:
    """Depth first: if the open cells can keep their true counts, done; else fix an open cell
    of a relation that the true counts break, nearest its true count first."""
    if any(low > high for low, high in bounds.values()):
        return None
    table = {c: min(max(values.get(c, 0), low), high) for c, (low, high) in bounds.items()}
    broken = [r for r in relations if not _holds(r, table)]
    if not broken:
        return table
    free = [c for r in broken for c, _f in r.terms if bounds[c][0] < bounds[c][1]]
    budget[0] -= 1
    if not free or budget[0] < 0:
        return None  # undecided counts as exposed: hide more rather than less
    cell = min(free, key=lambda c: (min(bounds[c][1], 10**6) - bounds[c][0], repr(c)))
    for value in _near(values.get(cell, 0), *bounds[cell]):
        fixed = propagate({**bounds, cell: (value, value)}, relations, [cell])
        found = _search(fixed, values, relations, budget)
        if found is not None:
            return found
    return None


def _holds(relation: Relation, table: Mapping[Cell, float]) -> bool:
    total = sum(factor * table[cell] for cell, factor in relation.terms)
    return total == 0 if relation.equal else total <= 0


def protect(
    values: Mapping[Cell, int], published: Iterable[Cell], relations: list[Relation]
) -> dict[Cell, Label]:
    """The published cells as written: 1 and 2 as '1–2', then more cells hidden until no count
    of 1 or 2 can be pinned: an exact count becomes a range ('3 of meer', '0–2'), and when only
    ranges are left, a range becomes 'niet getoond'. Totals are hidden last; afterwards every
    extra step that turns out not to be needed is undone."""
    published = list(published)
    labels: dict[Cell, Label] = {cell: label(values[cell]) for cell in published}
    wholes = {cell for r in relations for cell, sign in r.terms if sign < 0}
    steps: list[tuple[Cell, Label]] = []
    witnesses: list[Witness] = []
    while pinned := exposed(values, labels, relations, True, witnesses):
        cell = _next_to_hide(values, labels, relations, pinned, wholes)
        if cell is None:
            break  # nothing left to hide
        steps.append((cell, labels[cell]))
        labels[cell] = _wider(values[cell], labels[cell])
    for cell, before in reversed(steps):
        trial = {**labels, cell: before}
        if not exposed(values, trial, relations, True, witnesses):
            labels = trial
    return labels


def _wider(value: int, shown: Label) -> Label:
    """One step less exact: a number becomes a range, a range becomes 'niet getoond'."""
    if isinstance(shown, int):
        return MORE if value >= SMALL else ZERO
    return UNSHOWN


def _next_to_hide(
    values: Mapping[Cell, int],
    labels: Mapping[Cell, Label],
    relations: list[Relation],
    pinned: list[Cell],
    wholes: set[Cell],
) -> Cell | None:
    """The next cell to make less exact: an exact one in a relation of a pinned cell, else any
    exact one, else a range near a pinned cell, else any range; not a total if possible, the
    smallest count of 3 or more before a zero."""
    near = {c for r in relations if any(c in pinned for c, _s in r.terms) for c, _s in r.terms}
    exact = [cell for cell, shown in labels.items() if isinstance(shown, int)]
    ranged = [
        cell for cell, shown in labels.items() if shown not in (UNSHOWN,) and cell not in exact
    ]
    for pool in (
        [c for c in exact if c in near],
        exact,
        [c for c in ranged if c in near],
        ranged,
    ):
        if pool:
            return min(pool, key=lambda c: (c in wholes, values[c] < SMALL, values[c], repr(c)))
    return None
