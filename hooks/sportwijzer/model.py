"""Typed objects that templates read. Every value is ready to show: templates do not compute."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from . import dutch
from .toolkit import Toolkit
from .vocabulary import Term, Vocabulary


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
class Contact:
    naam: str = ""
    email: str = ""
    telefoon: str = ""
    telefoon_link: str = ""
    website: str = ""


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

    @property
    def aanbod_tekst(self) -> str:
        """'1 activiteit', '3 activiteiten': the partner's own published offers."""
        return dutch.aantal(len(self.aanbod), "activiteit", "activiteiten")


@dataclass(frozen=True)
class Tijd:
    dag: str
    van: str
    tot: str
    toelichting: str = ""


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

    @property
    def gepubliceerd(self) -> bool:
        return self.status.slug != "gestopt"


@dataclass
class Site:
    """Everything the build needs: region, partners, offers, vocabulary and toolkit lists."""

    regio: Regio
    vocabulary: Vocabulary
    partners: dict[str, Partner]
    aanbod: dict[str, Aanbod]
    today: dt.date
    toolkit: Toolkit = field(default_factory=Toolkit)

    @cached_property
    def gepubliceerd(self) -> list[Aanbod]:
        """Published offers, in title order (sorted once: every page builder asks for it)."""
        return sorted(
            (a for a in self.aanbod.values() if a.gepubliceerd), key=lambda a: a.titel.lower()
        )

    @cached_property
    def gepubliceerd_tekst(self) -> str:
        """'1 activiteit', '250 activiteiten': how many offers the site publishes."""
        return dutch.aantal(len(self.gepubliceerd), "activiteit", "activiteiten")
