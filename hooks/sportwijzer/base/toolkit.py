"""The toolkit's lists as data, and where each one stands on its page.

Coordinators edit the lists in toolkit/*.yml (check/toolkit_load.py reads and checks them).
A toolkit page names in its front matter which lists it shows, and before which heading::

    toolkit:
      - {lijst: succesfactoren, voor: scoor-jezelf}
      - {lijst: checklist/stap-1}          # no 'voor': just before the sources ('bronnen')

The template asks `Toolkit.delen` for the page cut into parts, and shows each part.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

SOURCES_HEADING = (
    "bronnen"  # every toolkit page ends with its sources (tests/build/test_toolkit.py)
)


@dataclass(frozen=True)
class Pagina:
    """A page of the site that a list links to: its source, title and address."""

    pad: str  # relative to content/, like toolkit/financiering.md
    titel: str
    url: str  # relative to the site, like toolkit/financiering/


@dataclass(frozen=True)
class Succesfactor:
    id: str
    nummer: int
    naam: str
    tips: tuple[str, ...]
    bespreek: str
    pagina: Pagina | None = None


@dataclass(frozen=True)
class Onderdeel:
    """One of the twelve parts of the Meedoen Meerkamp, with our own questions."""

    id: str
    nummer: int
    naam: str
    uitleg: str
    vragen: tuple[str, ...]
    pagina: Pagina


@dataclass(frozen=True)
class Indicator:
    id: str
    naam: str
    voorbeeld: str


@dataclass(frozen=True)
class Geldbron:
    id: str
    naam: str
    toelichting: str
    vast: str


@dataclass(frozen=True)
class Scoretabel:
    """An empty table to score on paper: one row per name."""

    kop: str
    namen: tuple[str, ...]


@dataclass(frozen=True)
class Deel:
    """A part of a page: either HTML as written, or one list (its kind names the macro)."""

    html: str = ""
    soort: str = ""
    lijst: Any = None


@dataclass
class Toolkit:
    checklists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    succesfactoren: list[Succesfactor] = field(default_factory=list)
    meerkamp: list[Onderdeel] = field(default_factory=list)
    indicatoren: list[Indicator] = field(default_factory=list)
    financiering: list[Geldbron] = field(default_factory=list)

    def blok(self, naam: str) -> tuple[str, Any] | None:
        """The kind and data of the list called `naam` in a page's front matter, or None."""
        if naam.startswith("checklist/"):
            punten = self.checklists.get(naam.removeprefix("checklist/"))
            return ("checklist", punten) if punten else None
        blokken: dict[str, tuple[str, Any]] = {
            "succesfactoren": ("succesfactoren", self.succesfactoren),
            "succesfactoren-scores": ("scoretabel", _scores("Succesfactor", self.succesfactoren)),
            "meerkamp": ("meerkamp", self.meerkamp),
            "meerkamp-scores": ("scoretabel", _scores("Onderdeel", self.meerkamp)),
            "zelftest": ("zelftest", self.meerkamp),
            "indicatoren": ("indicatoren", self.indicatoren),
            "financiering": ("financiering", self.financiering),
        }
        found = blokken.get(naam)
        return found if found and found[1] else None

    def namen(self) -> list[str]:
        """Every name a page may use in its front matter."""
        fixed = ["succesfactoren", "succesfactoren-scores", "meerkamp", "meerkamp-scores"]
        fixed += ["zelftest", "indicatoren", "financiering"]
        return [f"checklist/{key}" for key in self.checklists] + fixed

    def delen(self, html: str, plaatsen: Iterable[Mapping[str, Any]] | None) -> list[Deel]:
        """The page cut before each named h2, with the named list in the cut, in page order.

        A list whose heading is not found (after the previous list) goes at the end.
        """
        parts = [Deel(html=html)]
        for plaats in plaatsen or ():
            found = self.blok(str(plaats.get("lijst", "")))
            if found is None:
                continue
            rest = parts.pop().html
            at = rest.find(f'<h2 id="{plaats.get("voor", SOURCES_HEADING)}"')
            at = len(rest) if at < 0 else at
            parts += [Deel(html=rest[:at]), Deel(soort=found[0], lijst=found[1]), Deel(rest[at:])]
        return [part for part in parts if part.soort or part.html.strip()]


def _scores(kop: str, items: list[Succesfactor] | list[Onderdeel]) -> Scoretabel:
    return Scoretabel(kop, tuple(f"{item.nummer}. {item.naam}" for item in items))
