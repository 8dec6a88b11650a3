"""`make vraag-telling`: the register's questions counted into vragen/telling.yml, protected.

Counts over the last four quarters (the current one included), per quarter, outcome,
municipality and impairment, and the sports asked for where nothing fits; then every count of 1
or 2 becomes '1–2' and, where such a count could be worked out from the others, more cells are
hidden (base/suppression.py, over the relations of base/telling_layout.py). The file holds no date
finer than a quarter and no text from the register: only names from regio.yml and the lists.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from ..base.suppression import FEW, MORE, Label, protect
from ..base.telling_layout import (
    GAPS,
    NOT_MATCHED,
    QUARTERS,
    TELLING_FILE,
    UITKOMSTEN,
    published_cells,
    quarter_key,
    relations,
    value_at,
)
from ..base.vocabulary import IEDEREEN
from ..build.demand_analysis import quarter_start, unmet
from ..model.objects import Site, Vraag

SCHEMA_LINE = "# yaml-language-server: $schema=../hooks/sportwijzer/schemas/telling.schema.json"


def quarter_keys(today: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """The last four quarters, oldest first: '2026-K1', first day, last day."""
    spans = []
    for back in range(QUARTERS - 1, -1, -1):
        begin = quarter_start(today, back)
        end = quarter_start(today, back - 1) - dt.timedelta(days=1)
        spans.append((quarter_key(begin.year, (begin.month - 1) // 3 + 1), begin, end))
    return spans


def count(site: Site, vragen: list[Vraag]) -> dict[str, Any]:
    """Every count the page shows, exact (before protection); questions outside the four
    quarters are left out."""
    spans = quarter_keys(site.today)
    inside = [v for v in vragen if spans[0][1] <= v.datum <= site.today]
    gemeenten = sorted(site.regio.gemeenten, key=lambda g: g.naam.lower())
    beperkingen = [b for b in site.vocabulary.beperkingen if b != IEDEREEN]
    telling: dict[str, Any] = {
        "kwartalen": {
            key: {
                "binnen": sum(begin <= v.datum <= end for v in inside),
                "gematcht": sum(
                    begin <= v.datum <= end and v.uitkomst == "gematcht" for v in inside
                ),
            }
            for key, begin, end in spans
        },
        "totaal": len(inside),
        "uitkomsten": {u: sum(v.uitkomst == u for v in inside) for u in UITKOMSTEN},
        "gemeenten": {g.naam: sum(v.gemeente.slug == g.slug for v in inside) for g in gemeenten},
        "beperkingen": {b: sum(b in v.beperkingen for v in inside) for b in beperkingen},
        GAPS: _gaps(site, inside),
    }
    return telling


def _gaps(site: Site, vragen: list[Vraag]) -> list[dict[str, Any]]:
    """Sport × municipality of the unmet questions for which nothing fits nearby."""
    offers = list(site.aanbod.values())
    found: Counter[tuple[str, str]] = Counter()
    for vraag in vragen:
        if vraag.sport is not None and unmet(vraag, offers):
            found[(vraag.sport.slug, vraag.gemeente.naam)] += 1
    return [
        {"sport": sport, "gemeente": gemeente, "vragen": n}
        for (sport, gemeente), n in sorted(found.items())
    ]


def protected(telling: dict[str, Any]) -> dict[str, Any]:
    """The same telling with every count as it may be published, gaps in page order."""
    cells = list(published_cells(telling))
    values = {cell: value_at(telling, cell) for cell in cells}
    for quarter, part in telling["kwartalen"].items():
        values[("kwartalen", quarter, NOT_MATCHED)] = part["binnen"] - part["gematcht"]
    labels = protect(values, cells, relations(telling))
    result: dict[str, Any] = json.loads(json.dumps(telling))
    for cell, shown in labels.items():
        assert isinstance(cell, tuple)  # a cell of the telling is a path of keys
        *parents, last = cell
        target: Any = result
        for part in parents:
            target = target[part]
        target[last] = shown
    result[GAPS] = sorted(result[GAPS], key=_gap_order)
    return result


def _gap_order(gap: dict[str, Any]) -> tuple[int, int, str, str]:
    """Most asked first; ranges after the exact counts, by name, so the order tells nothing
    the range does not."""
    shown: Label = gap["vragen"]
    rank = 0 if isinstance(shown, int) else {MORE: 1, FEW: 2}.get(shown, 3)
    exact = -shown if isinstance(shown, int) else 0
    return (rank, exact, gap["sport"], gap["gemeente"].lower())


def telling_text(telling: dict[str, Any]) -> str:
    """vragen/telling.yml: the protected counts with a header that says what they are."""
    lines = [
        SCHEMA_LINE,
        "#",
        "# De telling van de vragen aan het sportloket: precies wat de pagina regio-analyse/",
        "# toont. Gemaakt met 'make vraag-telling BRON=<register>'; pas hem niet met de hand",
        "# aan, maar maak hem opnieuw. Het register zelf blijft bij het loket, buiten git.",
        "#",
        "# Alleen aantallen over de laatste vier kwartalen: geen datum, geen tekst uit het",
        f"# register. Een aantal van 1 of 2 staat er als '{FEW}'. Waar je zo'n aantal uit de",
        f"# andere aantallen zou kunnen uitrekenen, staat er ook bij een ander aantal '{MORE}'",
        "# of '0–2', en als ook dat niet genoeg is: 'niet getoond'.",
        "",
        "kwartalen:",
        *(
            f"  {key}: {{binnen: {_count(part['binnen'])}, gematcht: {_count(part['gematcht'])}}}"
            for key, part in telling["kwartalen"].items()
        ),
        f"totaal: {_count(telling['totaal'])}",
        *_mapping("uitkomsten", telling["uitkomsten"], quote=False),
        *_mapping("gemeenten", telling["gemeenten"], quote=True),
        *_mapping("beperkingen", telling["beperkingen"], quote=False),
    ]
    gaps = telling[GAPS]
    lines.append(f"{GAPS}:" + ("" if gaps else " []"))
    lines += [
        f"  - {{sport: {gap['sport']}, gemeente: {_text(gap['gemeente'])}, "
        f"vragen: {_count(gap['vragen'])}}}"
        for gap in gaps
    ]
    return "\n".join(lines) + "\n"


def _mapping(name: str, counts: dict[str, Label], quote: bool) -> list[str]:
    """A table of counts; names from regio.yml quoted, keys from the lists (slugs) as they are."""
    if not counts:
        return [f"{name}: {{}}"]
    return [
        f"{name}:",
        *(f"  {_text(key) if quote else key}: {_count(value)}" for key, value in counts.items()),
    ]


def _count(value: Label) -> str:
    return str(value) if isinstance(value, int) else _text(value)


def _text(value: str) -> str:
    """Always quoted: a municipality called 'Yes' or '1–2' stays text."""
    return json.dumps(value, ensure_ascii=False)


def telling_path() -> str:
    return f"vragen/{TELLING_FILE}"
