"""The words of the domain: sports, impairments and age groups (their terms, read from lijsten/ by
vocabulary_load) and the labels. Importing this module reads no file.

The keys of impairments, venue features and support are fixed by the data contract; their names
and search words are data that coordinators may extend.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field

from .valuehints import close_spelling

IEDEREEN = "iedereen"
# A narrower impairment is found by a search for the broader one, not the other way round.
BROADER = {"rolstoel": "lichamelijk"}

# What a venue has. The names are today's words; two keys keep an older word ("invalide") because
# the data contract and every offer file use them.
TOEGANKELIJKHEID = {
    "rolstoeltoegankelijk": "Rolstoeltoegankelijk",
    "invalidentoilet": "Toegankelijk toilet",
    "aangepaste-kleedruimte": "Aangepaste kleedruimte",
    "invalidenparkeerplaats": "Gehandicaptenparkeerplaats",
    "tillift": "Tillift",
    "hulphond-welkom": "Hulphond welkom",
    "prikkelarm": "Prikkelarme ruimte",
    "ov-dichtbij": "Openbaar vervoer dichtbij",
}
ONDERSTEUNING = {
    "begeleider-gratis": "Begeleider gaat gratis mee",
    "maatje-mogelijk": "Je kunt een maatje meenemen",
    "ervaren-trainer": "Ervaren trainer",
    "aangepast-materiaal": "Aangepast materiaal",
    "gebarentaal": "Gebarentaal",
    "kleine-groep": "Kleine groep",
}
NIVEAU = {"recreatief": "Recreatief", "competitie": "Competitie"}
VORM = {
    "aangepast": "Aangepaste groep (voor mensen met een beperking)",
    "inclusief": "Inclusief (je doet mee in een gewone groep)",
}
STATUS = {
    "actief": "Actief",
    "wachtlijst": "Wachtlijst",
    "gepauzeerd": "Tijdelijk gestopt",
    "gestopt": "Gestopt",
}
SOORT = {
    "sportaanbieder": "Sportaanbieder",
    "gemeente": "Gemeente",
    "zorg": "Zorg",
    "onderwijs": "Onderwijs",
    "welzijn": "Welzijn",
    "fonds": "Fonds",
    "bedrijf": "Bedrijf",
    "sportorganisatie": "Sportorganisatie",
    "overig": "Overig",
}
ROLLEN = {
    "coordinator": "Coördinator",
    "financier": "Financier",
    "uitvoerder": "Uitvoerder",
    "doorverwijzer": "Doorverwijzer",
    "kennispartner": "Kennispartner",
}
# Words coordinators write for a kind of partner, and the kind we mean.
SOORT_SYNONIEMEN = {
    "vereniging": "sportaanbieder",
    "club": "sportaanbieder",
    "sportclub": "sportaanbieder",
    "sportvereniging": "sportaanbieder",
    "school": "onderwijs",
    "zorginstelling": "zorg",
    "revalidatie": "zorg",
    "stichting": "welzijn",
    "bond": "sportorganisatie",
    "sportbond": "sportorganisatie",
    "winkel": "bedrijf",
}
PER = {
    "keer": "per keer",
    "maand": "per maand",
    "kwartaal": "per kwartaal",
    "seizoen": "per seizoen",
    "jaar": "per jaar",
}


@dataclass(frozen=True)
class Term:
    """One entry of a list: its key, its name on the site, the words that find it, its icon and,
    for a sport, what it is (uitleg)."""

    slug: str
    naam: str
    kort: str
    woorden: tuple[str, ...] = ()
    icoon: str = ""
    doelgroep: str = ""
    omgeving: tuple[str, ...] = ()
    samen: str = ""
    uitleg: str = ""

    @property
    def wat_is(self) -> str:
        """'Wat is boccia?': the heading above a sport's uitleg."""
        return f"Wat is {self.naam.lower()}?"


# A sport whose 'icoon' is missing in lijsten/sporten.yml shows this one (and make check warns).
NEUTRAL_SPORT_ICON = "material/human-handsup"


# Pictograms from the theme's bundled Material Design icons (inline SVG, no request).
ICONEN = {
    "lichamelijk": "material/human-cane",
    "rolstoel": "material/wheelchair",
    "visueel": "material/eye-off-outline",
    "auditief": "material/ear-hearing-off",
    "verstandelijk": "material/head-lightbulb-outline",
    "chronisch": "material/heart-pulse",
    "psychisch": "material/head-heart-outline",
    "autisme": "material/infinity",
    "nah": "material/head-cog-outline",
    "iedereen": "material/account-group",
    "rolstoeltoegankelijk": "material/wheelchair-accessibility",
    "invalidentoilet": "material/toilet",
    "aangepaste-kleedruimte": "material/shower",
    "invalidenparkeerplaats": "material/parking",
    "tillift": "material/elevator-passenger",
    "hulphond-welkom": "material/dog-service",
    "prikkelarm": "material/volume-off",
    "ov-dichtbij": "material/bus",
    "begeleider-gratis": "material/account-heart",
    "maatje-mogelijk": "material/account-multiple-plus",
    "ervaren-trainer": "material/whistle",
    "aangepast-materiaal": "material/tools",
    "gebarentaal": "material/sign-language",
    "kleine-groep": "material/account-group-outline",
}


@dataclass(frozen=True)
class Leeftijdsgroep:
    """An age group people search by ('kinderen', 'ouderen'): its ages, both ends included."""

    slug: str
    naam: str
    min: int | None
    max: int | None
    woorden: tuple[str, ...] = ()

    def past(self, low: int | None, high: int | None) -> bool:
        """Some age of the group may join an offer for low..high; None is no limit."""
        below = low is None or self.max is None or low <= self.max
        return below and (high is None or self.min is None or high >= self.min)


@dataclass
class Vocabulary:
    sporten: dict[str, Term] = field(default_factory=dict)
    beperkingen: dict[str, Term] = field(default_factory=dict)
    leeftijden: dict[str, Leeftijdsgroep] = field(default_factory=dict)

    def leeftijdsgroepen(self, low: int | None, high: int | None) -> list[str]:
        """The age groups an offer for low..high fits; without an age range, every group."""
        return [group.slug for group in self.leeftijden.values() if group.past(low, high)]

    def suggest(self, field: str, written: str) -> str | None:
        """A better value for `field`, from our synonyms (blind -> visueel), or None."""
        if field == "beperkingen":
            return _suggest(written, self.beperkingen)
        if field == "soort":
            return SOORT_SYNONIEMEN.get(written.strip().lower())
        return None

    def suggest_sport(self, written: str) -> str | None:
        """A sport from its search words, or one a typo away; never a different sport that
        shares most of its letters (rolstoeltafeltennis is not rolstoeltennis)."""
        return _suggest(written, self.sporten, close_spelling)


def _suggest(
    written: str, terms: dict[str, Term], near: Callable[[str, list[str]], str | None] | None = None
) -> str | None:
    word = written.strip().lower()
    for term in terms.values():
        if word in (w.lower() for w in term.woorden) or word == term.naam.lower():
            return term.slug
    if near is not None:
        return near(word, list(terms))
    close = difflib.get_close_matches(word, list(terms), n=1, cutoff=0.6)
    return close[0] if close else None
