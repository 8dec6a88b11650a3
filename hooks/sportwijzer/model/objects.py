"""Typed objects that templates read. Every value is ready to show: templates do not compute."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..base import dutch
from ..base.events import dag_tekst
from ..base.toolkit import Toolkit
from ..base.vocabulary import Term, Vocabulary
from ..twins import desk


@dataclass(frozen=True)
class Gemeente:
    naam: str
    slug: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Plaats:
    naam: str
    slug: str
    gemeente: str
    lat: float
    lon: float


@dataclass(frozen=True)
class ContactButton:
    """The one contact button at the top of an offer's page: what it says, where it leads."""

    tekst: str
    url: str
    icoon: str


@dataclass(frozen=True)
class Contact:
    naam: str = ""
    email: str = ""
    telefoon: str = ""
    telefoon_link: str = ""
    website: str = ""
    email_link: str = ""  # mailto:, percent-encoded
    adres: str = ""  # only the desk has one (regio.yml: loket.adres)

    @property
    def button(self) -> ContactButton | None:
        """Call if there is a number, else mail if there is an address, else the website: the
        quickest way to a person that the data offers ('Bel', 'Mail', 'Naar de website')."""
        if self.telefoon:
            return ContactButton(f"Bel {self.telefoon}", self.telefoon_link, "material/phone")
        if self.email:
            return ContactButton(f"Mail {self.email}", self.email_link, "material/email")
        if self.website:
            return ContactButton("Naar de website", self.website, "material/web")
        return None


@dataclass
class Regio:
    naam: str
    loket: Contact
    gemeenten: list[Gemeente]
    plaatsen: list[Plaats] = field(default_factory=list)
    voorbeeld: bool = False
    licentie: str = "CC BY 4.0"

    def gemeente(self, naam: str) -> Gemeente:
        return next(g for g in self.gemeenten if g.naam == naam)


@dataclass
class Partner:
    slug: str
    naam: str
    soort: Term
    rollen: list[Term]
    gemeente: Gemeente | None
    website: str
    contact: Contact
    beschrijving_html: str
    source_path: str
    url: str
    aanbod: list[Aanbod] = field(default_factory=list)
    evenementen: list[Evenement] = field(default_factory=list)  # coming events, soonest first

    @property
    def aanbod_tekst(self) -> str:
        """'1 activiteit', '3 activiteiten': the partner's own published offers."""
        return dutch.aantal(len(self.aanbod), "activiteit", "activiteiten")

    @property
    def zoekt_vrijwilligers(self) -> bool:
        """Does one of the partner's published offers look for volunteers?"""
        return any(offer.vrijwilligers is not None for offer in self.aanbod)

    @property
    def sport_iconen(self) -> list[str]:
        """The icons of its offers' sports, for the page's sprite (sw-macros.html)."""
        return sport_icons(self.aanbod)


@dataclass(frozen=True)
class Tijd:
    """One weekly time slot of an offer; van and tot as in the data ('09:00')."""

    dag: str
    van: str
    tot: str
    toelichting: str = ""

    @property
    def tekst(self) -> str:
        """'Zaterdag van 9.00 tot 10.00 uur': the slot as the offer's page shows it."""
        return dutch.hoofdletter(f"{self.dag} {dutch.tijd(self.van, self.tot)}")


@dataclass(frozen=True)
class Kosten:
    bedrag: float
    per: str
    toelichting: str
    gratis: bool
    tekst: str


@dataclass(frozen=True)
class Proefles:
    gratis: bool
    toelichting: str
    tekst: str


@dataclass(frozen=True)
class Locatie:
    naam: str
    adres: str
    postcode: str
    plaats: str
    gemeente: Gemeente
    lat: float
    lon: float
    kaart_url: str


@dataclass(frozen=True)
class Vrijwilligers:
    """The volunteers an offer looks for: the tasks in plain words, a note, a ready mail."""

    gezocht: list[Term]
    toelichting: str
    mail_url: str  # a mail to the offer's contact, '' without an e-mail address

    def heeft(self, taak: str) -> bool:
        return any(term.slug == taak for term in self.gezocht)


@dataclass
class Aanbod:
    """One offer, as the site shows it."""

    slug: str
    titel: str
    sport: Term
    aanbieder: Partner
    beperkingen: list[Term]
    samenvatting: str
    beschrijving_html: str
    leeftijd_min: int | None
    leeftijd_max: int | None
    leeftijd_tekst: str
    niveau: list[Term]
    vorm: Term | None
    locatie: Locatie
    tijden: list[Tijd]
    op_afspraak: bool
    kosten: Kosten | None
    proefles: Proefles | None
    toegankelijkheid: list[Term]
    ondersteuning: list[Term]
    toegankelijkheid_toelichting: str
    vervoer: str
    status: Term
    contact: Contact
    laatst_gecontroleerd: dt.date
    gecontroleerd_tekst: str
    verouderd: bool
    source_path: str
    url: str
    meld_url: str
    fields: dict[str, Any]
    vrijwilligers: Vrijwilligers | None = None
    vorige_namen: tuple[str, ...] = ()  # old slugs: their URLs lead here (build/redirects.py)

    @property
    def is_published(self) -> bool:
        """On the site: every offer but a stopped one (Site.gepubliceerd lists them)."""
        return self.status.slug != "gestopt"

    @property
    def gratis(self) -> bool:
        """Taking part costs nothing: what a result card and the finder's 'Gratis' say."""
        return bool(self.kosten and self.kosten.gratis)

    @property
    def status_tekst(self) -> str:
        """The status a result card shows: '' for an active offer, else 'Wachtlijst', ..."""
        return "" if self.status.slug == "actief" else self.status.naam

    @property
    def hulp_url(self) -> str:
        """'Past dit niet?': the help page, with this offer's sport and municipality filled in."""
        return desk.help_url([["sport", self.sport.slug], ["gemeente", self.locatie.gemeente.slug]])


@dataclass(frozen=True)
class Aanmelden:
    """How to register for an event, and until when."""

    url: str
    email: str
    telefoon: str
    telefoon_link: str
    uiterlijk: dt.date | None
    uiterlijk_tekst: str  # 'zaterdag 10 april 2027', '' without a deadline
    toelichting: str
    open: bool  # registration is still possible on the build day
    email_link: str = ""  # mailto:, percent-encoded


@dataclass
class Evenement:
    """One event (agenda/<slug>.yml), as the site shows it. Dates are Dutch local days."""

    slug: str
    titel: str
    soort: Term
    organisator: Partner
    samenvatting: str
    beschrijving_html: str
    datum: dt.date
    tot_datum: dt.date  # the last day; the same as datum for a one-day event
    van: str  # '13:30', '' when all day
    tot: str
    wanneer: str  # 'zaterdag 17 april 2027, van 13.30 tot 16.00 uur'
    voorbij: bool  # over on the build day
    status: Term  # gepland, vol, afgelast
    sport: Term | None
    beperkingen: list[Term]
    doelgroep: list[Term]
    locatie: Locatie
    kosten: Kosten | None
    aanmelden: Aanmelden | None
    toegankelijkheid: list[Term]
    ondersteuning: list[Term]
    toegankelijkheid_toelichting: str
    vervoer: str
    contact: Contact
    source_path: str
    url: str  # 'agenda/<slug>/'
    ics_url: str  # 'agenda/<slug>.ics'
    fields: dict[str, Any]
    vorige_namen: tuple[str, ...] = ()  # old slugs: their URLs lead here (build/redirects.py)

    @property
    def meerdaags(self) -> bool:
        return self.tot_datum > self.datum

    @property
    def hele_dag(self) -> bool:
        return not self.van

    @property
    def afgelast(self) -> bool:
        return self.status.slug == "afgelast"

    @property
    def vol(self) -> bool:
        return self.status.slug == "vol"

    @property
    def datum_tekst(self) -> str:
        """'zaterdag 17 april 2027': the first day, for 'Dit was op ...'."""
        return dag_tekst(self.datum)


@dataclass(frozen=True)
class Vraag:
    """One question to the regional desk: a row of the desk's register, outside git. Only
    `make vraag-telling` sees it, to count it. Nothing but the contract's columns is read, so
    that no note can reach a page."""

    slug: str
    datum: dt.date
    gemeente: Gemeente
    beperkingen: tuple[str, ...]
    leeftijdsgroep: str
    sport: Term | None
    uitkomst: str  # open, gematcht, doorverwezen, geen-aanbod
    aanbod: str  # the offer's slug when matched, else ''


@dataclass
class Site:
    """Everything the build needs: region, partners, offers, vocabulary and toolkit lists."""

    regio: Regio
    vocabulary: Vocabulary
    partners: dict[str, Partner]
    aanbod: dict[str, Aanbod]
    today: dt.date
    toolkit: Toolkit = field(default_factory=Toolkit)
    evenementen: dict[str, Evenement] = field(default_factory=dict)
    # vragen/telling.yml as checked: the desk's protected counts (base/telling_layout.py), or None
    telling: dict[str, Any] | None = None

    @cached_property
    def gepubliceerd(self) -> list[Aanbod]:
        """Published offers, in title order (sorted once: every page builder asks for it)."""
        return sorted(
            (a for a in self.aanbod.values() if a.is_published), key=lambda a: a.titel.lower()
        )

    @cached_property
    def gepubliceerd_tekst(self) -> str:
        """'1 activiteit', '250 activiteiten': how many offers the site publishes."""
        return dutch.aantal(len(self.gepubliceerd), "activiteit", "activiteiten")

    @cached_property
    def alle_evenementen(self) -> list[Evenement]:
        """Every event, over or not, soonest first (then by start time and title); the agenda
        page shows only those that are `komend`."""
        return sorted(self.evenementen.values(), key=event_order)

    @cached_property
    def komend(self) -> list[Evenement]:
        """The events that are not over on the build day, soonest first."""
        return [event for event in self.alle_evenementen if not event.voorbij]

    def komend_van_partner(self, slug: str) -> list[Evenement]:
        """Coming events that the partner `slug` organises."""
        return [e for e in self.komend if e.organisator.slug == slug]

    def komend_bij_sport(self, slug: str) -> list[Evenement]:
        """Coming events of the sport `slug` (lijsten/sporten.yml)."""
        return [e for e in self.komend if e.sport is not None and e.sport.slug == slug]

    def komend_in_gemeente(self, slug: str) -> list[Evenement]:
        """Coming events in the municipality whose URL slug is `slug`."""
        return [e for e in self.komend if e.locatie.gemeente.slug == slug]


def sport_icons(offers: list[Aanbod]) -> list[str]:
    """Each icon of these offers' sports once, in name order: the symbols a page of cards needs."""
    return sorted({offer.sport.icoon for offer in offers})


def event_order(event: Evenement) -> tuple[dt.date, str, str, str]:
    """Soonest first; on one day, all-day events first, then by start time, then by title."""
    return (event.datum, event.van, event.titel.lower(), event.slug)
