"""Offers not checked for twelve months, as a Markdown table for the weekly job summary.

Time never fails anything: this list is information for the coordinator, not a check.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .model import Aanbod
from .site import load_site
from .validate import STALE_AFTER_MONTHS

COLUMNS = ("Titel", "Aanbieder", "Gemeente", "Laatst gecontroleerd", "Bestand")


def stale_offers(offers: list[Aanbod]) -> list[Aanbod]:
    """Stale offers, the longest unchecked first (then by title)."""
    stale = [offer for offer in offers if offer.verouderd]
    return sorted(stale, key=lambda o: (o.laatst_gecontroleerd, o.titel.lower()))


def _cell(text: str) -> str:
    """A table cell: a | would end the cell early, a line break would end the row."""
    return " ".join(text.split()).replace("|", "\\|")


def table_row(offer: Aanbod) -> str:
    """One row: titel, aanbieder, gemeente, laatst gecontroleerd, file."""
    cells = (
        offer.titel,
        offer.aanbieder.naam,
        offer.locatie.gemeente.naam,
        offer.laatst_gecontroleerd.isoformat(),
        f"`{offer.source_path}`",
    )
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def stale_report(root: Path | str, today: dt.date | None = None) -> list[str]:
    """The Markdown lines of the report: a heading, then a table or a sentence why there is none."""
    result = load_site(Path(root), today=today)
    lines = ["## Aanbod dat nagekeken moet worden", ""]
    if result.site is None:
        count = sum(1 for p in result.problems if p.is_error)
        return lines + [_HAS_ERRORS.format(count=count)]
    stale = stale_offers(list(result.site.aanbod.values()))
    if not stale:
        return lines + [_ALL_FRESH.format(months=STALE_AFTER_MONTHS)]
    intro = _INTRO.format(count=len(stale), months=STALE_AFTER_MONTHS)
    header = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    return lines + [intro, "", *header] + [table_row(offer) for offer in stale]


_ALL_FRESH = "Alle aanbod is in de laatste {months} maanden nagekeken."
_INTRO = (
    "Dit aanbod is langer dan {months} maanden niet nagekeken ({count} in totaal). Vraag de "
    "aanbieder of alles nog klopt en zet dan de datum van vandaag bij 'laatst_gecontroleerd'."
)
_HAS_ERRORS = (
    "De lijst kan niet gemaakt worden: de gegevens hebben {count} fout(en). "
    "Draai 'make check' en los die eerst op."
)
