"""Region analysis: can every (potential) athlete find a fitting offer nearby? Counted at build.

Offers per municipality and impairment (with the gaps), per sport, providers by kind, and the
coordinators' call lists: offers not checked in twelve months, without a trial lesson, without
times.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from ..base import dutch
from ..base.vocabulary import IEDEREEN, SOORT, Term
from ..finder.filters import serves
from ..model.objects import Aanbod, Gemeente, Site
from .demand_analysis import Vraaganalyse, analyse_vragen


@dataclass(frozen=True)
class Matrix:
    """Published offers per municipality (rows) and impairment (columns)."""

    gemeenten: list[Gemeente]
    beperkingen: list[Term]
    counts: list[list[int]]

    @property
    def rijen(self) -> list[tuple[Gemeente, list[int]]]:
        """Each municipality with its row of counts, in the table's order."""
        return list(zip(self.gemeenten, self.counts, strict=True))

    @property
    def gaps(self) -> int:
        return sum(row.count(0) for row in self.counts)

    @property
    def gaten_tekst(self) -> str:
        """'Dat zijn 10 van de 108 vakjes.' ('is' for one); a sentence of its own for none."""
        vakjes = dutch.aantal(len(self.gemeenten) * len(self.beperkingen), "vakje", "vakjes")
        if self.gaps == 0:
            return "Er is geen vakje met 0: in elke gemeente is aanbod voor elke groep."
        verb = "is" if self.gaps == 1 else "zijn"
        return f"Dat {verb} {dutch.getal(self.gaps)} van de {vakjes}."


@dataclass(frozen=True)
class Analysis:
    matrix: Matrix
    per_sport: list[tuple[Term, int]]
    aanbieders_per_soort: list[tuple[str, int]]
    verouderd: list[Aanbod]
    zonder_proefles: list[Aanbod]
    zonder_tijden: list[Aanbod]
    heatmap_svg: str
    vragen: Vraaganalyse | None = None  # demand beside supply (build/demand_analysis.py)

    @property
    def zonder_proefles_tekst(self) -> str:
        """How many offers name no trial lesson, with the verb in the right number."""
        n = len(self.zonder_proefles)
        if n == 0:
            return "Bij alle activiteiten staat een proefles."
        wie = "de aanbieder" if n == 1 else "de aanbieders"
        noemt = "noemt" if n == 1 else "noemen"
        activiteiten = dutch.aantal(n, "activiteit", "activiteiten")
        return f"{activiteiten} {noemt} geen proefles. Vraag {wie} of iemand een keer mag meedoen."


def matrix(site: Site) -> Matrix:
    """An offer counts for every impairment it serves (iedereen: all; rolstoel: lichamelijk too)."""
    gemeenten = sorted(site.regio.gemeenten, key=lambda g: g.naam.lower())
    beperkingen = [b for b in site.vocabulary.beperkingen.values() if b.slug != IEDEREEN]
    row_of = {g.slug: i for i, g in enumerate(gemeenten)}
    counts = [[0] * len(beperkingen) for _ in gemeenten]
    for o in site.gepubliceerd:
        row = counts[row_of[o.locatie.gemeente.slug]]
        for column, b in enumerate(beperkingen):
            if serves(o, b.slug):
                row[column] += 1
    return Matrix(gemeenten, beperkingen, counts)


def analyse(site: Site) -> Analysis:
    """Every figure of the region analysis page."""
    published = site.gepubliceerd
    sports = Counter(o.sport.slug for o in published)
    providers = {o.aanbieder.slug: o.aanbieder for o in published}
    kinds = Counter(p.soort.slug for p in providers.values())
    grid = matrix(site)
    return Analysis(
        matrix=grid,
        per_sport=sorted(
            ((site.vocabulary.sporten[s], n) for s, n in sports.items()),
            key=lambda pair: (-pair[1], pair[0].naam),
        ),
        aanbieders_per_soort=[(SOORT[k], kinds[k]) for k in SOORT if kinds[k]],
        verouderd=sorted(
            (o for o in published if o.verouderd), key=lambda o: o.laatst_gecontroleerd
        ),
        zonder_proefles=[o for o in published if o.proefles is None],
        zonder_tijden=[o for o in published if not o.tijden and not o.op_afspraak],
        heatmap_svg=heatmap_svg(grid),
        vragen=analyse_vragen(site),
    )


# --- the heat map: an SVG made at build time, no JavaScript ------------------------------------

_CELL, _LEFT, _TOP = 44, 150, 120
_EMPTY = "#fde2dd"  # gaps: light red, and the word "0" in dark red
_SCALE = ("#e0f2f1", "#b2dfdb", "#80cbc4", "#4db6ac", "#26a69a", "#00796b", "#00695c")


def _colour(count: int, highest: int) -> tuple[str, str]:
    """Fill and text colour for a cell; dark fills get white text (contrast above 4.5:1)."""
    if count == 0:
        return _EMPTY, "#8a1c00"
    step = min(len(_SCALE) - 1, round((len(_SCALE) - 1) * count / max(highest, 1)))
    return _SCALE[step], "#ffffff" if step >= 5 else "#1a1a1a"


def heatmap_svg(grid: Matrix) -> str:
    """The matrix as a heat map. The table on the same page is the accessible version."""
    highest = max((n for row in grid.counts for n in row), default=0)
    width = _LEFT + _CELL * len(grid.beperkingen) + 10
    height = _TOP + _CELL * len(grid.gemeenten) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="sw-heatmap" role="img" aria-labelledby="sw-heatmap-titel">',
        '<title id="sw-heatmap-titel">Aantal activiteiten per gemeente en beperking; '
        "de tabel hieronder geeft dezelfde cijfers.</title>",
    ]
    for col, term in enumerate(grid.beperkingen):
        x = _LEFT + _CELL * col + _CELL / 2
        parts.append(
            f'<text x="{x}" y="{_TOP - 8}" transform="rotate(-50 {x} {_TOP - 8})" '
            f'font-size="13">{html.escape(term.kort)}</text>'
        )
    for row, gemeente in enumerate(grid.gemeenten):
        y = _TOP + _CELL * row
        parts.append(
            f'<text x="{_LEFT - 8}" y="{y + _CELL / 2 + 5}" text-anchor="end" '
            f'font-size="13">{html.escape(gemeente.naam)}</text>'
        )
        for col, count in enumerate(grid.counts[row]):
            fill, ink = _colour(count, highest)
            x = _LEFT + _CELL * col
            parts.append(
                f'<rect x="{x}" y="{y}" width="{_CELL - 2}" height="{_CELL - 2}" fill="{fill}"/>'
                f'<text x="{x + _CELL / 2 - 1}" y="{y + _CELL / 2 + 5}" text-anchor="middle" '
                f'font-size="14" fill="{ink}">{count}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
