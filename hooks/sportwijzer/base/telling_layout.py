"""The layout of vragen/telling.yml, and what a reader of it knows: its cells and their relations.

The telling holds only counts, exactly the tables of the page regio-analyse/::

    kwartalen:        2026-K1: {binnen: 17, gematcht: "1–2"}   (the last four, oldest first)
    totaal:           57
    uitkomsten:       gematcht, doorverwezen, open, geen-aanbod
    gemeenten:        "Kampen": 9, ...                          (every municipality of regio.yml)
    beperkingen:      autisme: 12, ...                          (every impairment but 'iedereen')
    gevraagd_niets:   - {sport: judo, gemeente: "Hardenberg", vragen: "3 of meer"}

A count is a whole number (0, or 3 and more) or a range: '1–2', '3 of meer', '0–2'. The same
function gives the cells and relations for the counts before protection (to protect them) and
for the published file (to check that nothing can be worked out), so the two cannot drift.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from .suppression import (
    FEW,
    Bounds,
    Cell,
    Label,
    Relation,
    at_least,
    at_most,
    bounds_of,
    cells_in,
    propagate,
    sum_of,
)

TELLING_FILE = "telling.yml"
QUARTERS = 4
QUARTER_KEY = re.compile(r"([0-9]{4})-K([1-4])")
UITKOMSTEN = ("gematcht", "doorverwezen", "open", "geen-aanbod")
UNMET = ("open", "geen-aanbod")
GAPS = "gevraagd_niets"
TOTAL: Cell = ("totaal",)
NOT_MATCHED = "niet_gematcht"  # never written: binnen minus gematcht, a count like any other


def quarter_key(year: int, quarter: int) -> str:
    """'2026-K4': the fourth quarter of 2026."""
    return f"{year}-K{quarter}"


def published_cells(telling: Mapping[str, Any]) -> Iterator[Cell]:
    """Every count the file holds, as a path into it."""
    yield TOTAL
    for key in ("uitkomsten", "gemeenten", "beperkingen"):
        for name in telling.get(key) or {}:
            yield (key, name)
    for quarter in telling.get("kwartalen") or {}:
        yield ("kwartalen", quarter, "binnen")
        yield ("kwartalen", quarter, "gematcht")
    for index, _gap in enumerate(telling.get(GAPS) or []):
        yield (GAPS, index, "vragen")


def relations(telling: Mapping[str, Any]) -> list[Relation]:
    """What anyone knows about the counts besides the counts themselves."""
    quarters = list(telling.get("kwartalen") or {})
    impairments = [("beperkingen", b) for b in telling.get("beperkingen") or {}]
    found = [
        sum_of(TOTAL, [("uitkomsten", u) for u in telling.get("uitkomsten") or {}]),
        sum_of(TOTAL, [("gemeenten", g) for g in telling.get("gemeenten") or {}]),
        sum_of(TOTAL, [("kwartalen", q, "binnen") for q in quarters]),
        sum_of(("uitkomsten", "gematcht"), [("kwartalen", q, "gematcht") for q in quarters]),
        # every question names one impairment or more, and at most all of them
        at_least(impairments, TOTAL),
        at_most(impairments, [TOTAL], times=max(len(impairments), 1)),
        *(at_most([b], [TOTAL]) for b in impairments),
    ]
    for q in quarters:
        parts = [("kwartalen", q, "gematcht"), ("kwartalen", q, NOT_MATCHED)]
        found.append(sum_of(("kwartalen", q, "binnen"), parts))
    found += _gap_relations(telling)
    return found


def _gap_relations(telling: Mapping[str, Any]) -> list[Relation]:
    """The gaps of a municipality are some of its questions, and all gaps are open or unmet."""
    gaps = list(enumerate(telling.get(GAPS) or []))
    per_gemeente: dict[str, list[Cell]] = {}
    for index, gap in gaps:
        if isinstance(gap, Mapping):
            per_gemeente.setdefault(str(gap.get("gemeente")), []).append((GAPS, index, "vragen"))
    found = [
        at_most(cells, [("gemeenten", gemeente)])
        for gemeente, cells in per_gemeente.items()
        if gemeente in (telling.get("gemeenten") or {})
    ]
    if gaps:
        unmet = [("uitkomsten", u) for u in UNMET]
        found.append(at_most([(GAPS, index, "vragen") for index, _gap in gaps], unmet))
    return found


def value_at(telling: Mapping[str, Any], cell: Cell) -> Any:
    """The count at a path of the file (None when it is not there)."""
    if not isinstance(cell, tuple):
        return None  # a cell of the telling is a path of keys
    value: Any = telling
    for part in cell:
        if isinstance(value, Mapping):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        else:
            return None
    return value


def labels_of(telling: Mapping[str, Any]) -> dict[Cell, Label]:
    """The published counts as written (a whole number or a range)."""
    return {cell: value_at(telling, cell) for cell in published_cells(telling)}


def _read(telling: Mapping[str, Any]) -> tuple[dict[Cell, Label], Bounds]:
    """The counts as written (numbers and ranges only), and every cell's range once a reader
    has used every relation of the file."""
    labels = {
        cell: value
        for cell, value in labels_of(telling).items()
        if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))
    }
    found = relations(telling)
    return labels, propagate(bounds_of(labels, cells_in(found) | set(labels)), found)


def worked_out(telling: Mapping[str, Any]) -> list[tuple[str | int, ...]]:
    """The counts shown as '1–2', or never shown, that a reader can pin to 1 or to 2 with the
    other counts of the file: empty for every telling that `make vraag-telling` writes."""
    labels, known = _read(telling)
    return sorted(
        (
            cell
            for cell, (low, high) in known.items()
            if isinstance(cell, tuple)  # every cell of the telling is a path of keys
            and low == high
            and (labels.get(cell) == FEW or (cell not in labels and low in (1, 2)))
        ),
        key=repr,
    )


def contradicts(telling: Mapping[str, Any]) -> bool:
    """True when the counts cannot all be right together (a total that is not its sum)."""
    _labels, known = _read(telling)
    return any(low > high for low, high in known.values())
