"""Volunteers wanted: the tasks in plain words, and the page vrijwilligers/ (every published offer
that looks for volunteers, grouped by task, one static page per municipality as the filter that
works without JavaScript)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..base import dutch

if TYPE_CHECKING:
    from .objects import Aanbod, Gemeente, Site

PAGE = "vrijwilligers/"
# The keys are the data contract's ('vrijwilligers.gezocht'); the words are what people read.
TAKEN = {
    "trainer": "trainer",
    "begeleider": "begeleider bij het sporten",
    "maatje": "sportmaatje",
    "chauffeur": "chauffeur",
    "bestuur": "bestuurslid",
    "overig": "iets anders",
}


def _activiteiten(n: int) -> str:
    return dutch.aantal(n, "activiteit", "activiteiten")


@dataclass(frozen=True)
class Taak:
    """One task and the offers that look for it (an offer appears under each of its tasks)."""

    slug: str
    naam: str
    aanbod: list[Aanbod]

    @property
    def aantal_tekst(self) -> str:
        return _activiteiten(len(self.aanbod))


@dataclass(frozen=True)
class Filter:
    """A link of the municipality filter: 'Kampen (3)', or every municipality."""

    naam: str
    url: str
    aantal: int
    huidig: bool


@dataclass(frozen=True)
class Vrijwilligerspagina:
    kop: str
    gemeente: Gemeente | None
    aanbod: list[Aanbod]
    taken: list[Taak]
    filters: list[Filter]
    loket_mail: str = ""  # a mail to the desk to offer help anyway, '' without its address

    @property
    def aantal_tekst(self) -> str:
        """'3 activiteiten zoeken vrijwilligers', '1 activiteit zoekt vrijwilligers'."""
        verb = "zoekt" if len(self.aanbod) == 1 else "zoeken"
        return f"{_activiteiten(len(self.aanbod))} {verb} vrijwilligers"


def wanted(site: Site) -> list[Aanbod]:
    """Published offers that look for volunteers, in title order."""
    return [offer for offer in site.gepubliceerd if offer.vrijwilligers is not None]


def page_url(gemeente: Gemeente | None) -> str:
    return PAGE + (f"{gemeente.slug}/" if gemeente else "")


def volunteer_page(site: Site, gemeente: Gemeente | None = None) -> Vrijwilligerspagina:
    """The page for every municipality, or for one: tasks in the contract's order, empty ones
    left out; the filter lists every municipality with such offers."""
    every = wanted(site)
    offers = [o for o in every if gemeente is None or o.locatie.gemeente.slug == gemeente.slug]
    taken = [
        Taak(slug, naam, [o for o in offers if o.vrijwilligers and o.vrijwilligers.heeft(slug)])
        for slug, naam in TAKEN.items()
    ]
    filters = [Filter("Alle gemeenten", PAGE, len(every), gemeente is None)]
    for place in sorted(site.regio.gemeenten, key=lambda g: g.naam.lower()):
        count = sum(1 for o in every if o.locatie.gemeente.slug == place.slug)
        if count:
            huidig = gemeente is not None and place.slug == gemeente.slug
            filters.append(Filter(place.naam, page_url(place), count, huidig))
    kop = f"Vrijwilligers gezocht in {gemeente.naam}" if gemeente else "Vrijwilligers gezocht"
    taken = [t for t in taken if t.aanbod]
    return Vrijwilligerspagina(kop, gemeente, offers, taken, filters, desk_mail(site, gemeente))


def desk_mail(site: Site, gemeente: Gemeente | None) -> str:
    """No task open? A mail to the desk to offer help anyway: 'Ik wil helpen als vrijwilliger'
    (in the municipality of the page), or '' when the desk has no e-mail address."""
    email = site.regio.loket.email
    where = f" in {gemeente.naam}" if gemeente else ""
    return dutch.mailto(email, f"Ik wil helpen als vrijwilliger{where}") if email else ""


def volunteer_pages(site: Site) -> list[tuple[str, Vrijwilligerspagina]]:
    """(source path, page) for vrijwilligers/ and for each municipality with such offers."""
    places = {o.locatie.gemeente.slug: o.locatie.gemeente for o in wanted(site)}
    pages = [(PAGE + "index.md", volunteer_page(site))]
    for slug in sorted(places):
        pages.append((f"{PAGE}{slug}.md", volunteer_page(site, places[slug])))
    return pages
