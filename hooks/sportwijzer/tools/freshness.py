"""Offers not checked for twelve months: a Markdown table for the weekly job summary, and the
body of the issue "Aanbod nakijken" that the weekly workflow opens, updates and closes.

Time never fails anything: this list is information for the coordinator, not a check.

Names: what people read is Dutch ('verouderd': `make verouderd`, Aanbod.verouderd, the site's
'Bellijst'); the code says 'stale' (dates.is_stale, STALE_AFTER_MONTHS, stale_offers, stale_report,
stale_issue), and this module is the freshness check that both name.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..base.dates import STALE_AFTER_MONTHS
from ..model.objects import Aanbod, Contact
from ..site import load_site

COLUMNS = ("Titel", "Aanbieder", "Gemeente", "Laatst gecontroleerd", "Bestand")


ISSUE_TITLE = "Aanbod nakijken"
# The weekly workflow finds its own issue by this label, which it adds when it opens the issue;
# only people with triage rights can add a label, so it never takes over someone else's issue.
ISSUE_LABEL = "sportwijzer-nakijken"
ISSUE_COLUMNS = (
    "Aanbod",
    "Bestand",
    "Laatst gecontroleerd",
    "Contactpersoon",
    "Telefoon",
    "E-mail",
)


def stale_offers(offers: list[Aanbod]) -> list[Aanbod]:
    """Stale offers on the site (not 'gestopt'), the longest unchecked first (then by title)."""
    stale = [offer for offer in offers if offer.verouderd and offer.is_published]
    return sorted(stale, key=lambda o: (o.laatst_gecontroleerd, o.titel.lower()))


def plain_cell(text: str) -> str:
    """Data as plain text in a table cell: a line break would end the row; Markdown is escaped (a
    | would end the cell, [..](..) would be a link); an @mention or a #123 reference gets an
    invisible space, so nobody is notified and nothing is linked (as Dependabot does)."""
    text = _MARKDOWN.sub(r"\\\1", " ".join(text.split()))
    text = _REFERENCE.sub(lambda m: m[0] + _INVISIBLE, text)  # first: the entity holds a #
    return _MENTION.sub("@" + _INVISIBLE, text)


# What Markdown reads inside a table cell: emphasis, code, links and images, HTML, |, ~, $ (math)
# and entities. Headings, quotes and lists only start a line, and a cell never does.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~&$])")
_MENTION = re.compile(r"(?<![0-9A-Za-z])@(?=[0-9A-Za-z])")  # a@b.nl is an address, no mention
_REFERENCE = re.compile(r"#(?=[0-9])|(?<![0-9A-Za-z])GH-(?=[0-9])", re.IGNORECASE)
_INVISIBLE = "&#8203;"  # a zero-width space, written as an entity


def table_row(offer: Aanbod) -> str:
    """One row: titel, aanbieder, gemeente, laatst gecontroleerd, file."""
    cells = (offer.titel, offer.aanbieder.naam, offer.locatie.gemeente.naam)
    dated = (offer.laatst_gecontroleerd.isoformat(), f"`{offer.source_path}`")
    return "| " + " | ".join([*(plain_cell(cell) for cell in cells), *dated]) + " |"


def issue_contact(offer: Aanbod) -> Contact:
    """Name, phone and e-mail from the offer; each one the offer lacks comes from the partner."""
    own, partner = offer.contact, offer.aanbieder.contact
    return Contact(
        naam=own.naam or partner.naam,
        telefoon=own.telefoon or partner.telefoon,
        email=own.email or partner.email,
    )


def file_link(offer: Aanbod, link: str) -> str:
    """The offer's file as a link under `link` (the repository's files), or as plain code."""
    if not link:
        return f"`{offer.source_path}`"
    return f"[{offer.source_path}]({link.rstrip('/')}/{offer.source_path})"


def issue_row(offer: Aanbod, link: str = "") -> str:
    """One row of the issue: titel, file, laatst gecontroleerd, contact person, phone, e-mail."""
    who = issue_contact(offer)
    cells = [
        plain_cell(offer.titel),
        file_link(offer, link),
        offer.laatst_gecontroleerd.isoformat(),
        *(plain_cell(value) or "–" for value in (who.naam, who.telefoon, who.email)),
    ]
    return "| " + " | ".join(cells) + " |"


def stale_issue(root: Path | str, today: dt.date | None = None, link: str = "") -> list[str]:
    """The body of the issue "Aanbod nakijken"; no lines when nothing is stale."""
    result = load_site(Path(root), today=today)
    if result.site is None:
        count = sum(1 for p in result.problems if p.is_error)
        return [_HAS_ERRORS.format(count=count)]
    stale = stale_offers(list(result.site.aanbod.values()))
    if not stale:
        return []
    intro = _INTRO.format(count=len(stale), months=STALE_AFTER_MONTHS)
    header = ["| " + " | ".join(ISSUE_COLUMNS) + " |", "|" + "---|" * len(ISSUE_COLUMNS)]
    rows = [issue_row(offer, link) for offer in stale]
    return [intro, "", *header, *rows, "", _ISSUE_FOOTER]


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
_ISSUE_FOOTER = (
    "GitHub werkt deze lijst elke maandag bij. Is alles nagekeken? Dan gaat dit issue vanzelf "
    "dicht. Zet hier geen namen van deelnemers of iets over hun gezondheid: een issue is openbaar."
)
_HAS_ERRORS = (
    "De lijst kan niet gemaakt worden: de gegevens hebben {count} fout(en). "
    "Draai 'make check' en los die eerst op."
)
