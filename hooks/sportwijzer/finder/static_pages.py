"""The finder's static pages, for a browser without JavaScript: the published offers cut into
pages of PAGE_SIZE (aanbod/, then aanbod/pagina/2/ and on), each with its pager and its cards."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.objects import Aanbod
from ..twins import finder_rules as rules

PAGE_SIZE = rules.PAGE  # a static page, and the results in view before "Toon meer"


@dataclass(frozen=True)
class Card:
    """One result: the offer, and its facts for the browser's filters."""

    aanbod: Aanbod
    data: dict[str, str]


@dataclass(frozen=True)
class Pager:
    """Where a static page of the finder sits among the others."""

    pagina: int
    paginas: list[tuple[int, str]]  # (number, site path) of every page

    @property
    def aantal(self) -> int:
        return len(self.paginas)

    @property
    def vorige(self) -> str | None:
        return self.paginas[self.pagina - 2][1] if self.pagina > 1 else None

    @property
    def volgende(self) -> str | None:
        return self.paginas[self.pagina][1] if self.pagina < self.aantal else None

    @property
    def eerste(self) -> int:
        """The position (from 1) of this page's first offer in the whole list."""
        return (self.pagina - 1) * PAGE_SIZE + 1

    @property
    def getoond(self) -> list[tuple[int, str] | None]:
        """The page links to show: the first, the last and two either side of this one; None
        where numbers are left out (with 200 pages, a list of 200 links is no help)."""
        keep = {1, self.aantal, *range(self.pagina - 2, self.pagina + 3)}
        shown: list[tuple[int, str] | None] = []
        for number, path in self.paginas:
            if number in keep:
                shown.append((number, path))
            elif shown and shown[-1] is not None:
                shown.append(None)
        return shown


def page_path(number: int) -> str:
    """The site path of static page `number` of the finder (1 is the finder itself)."""
    return "aanbod/" if number == 1 else f"aanbod/pagina/{number}/"


def static_pages(offers: list[Aanbod]) -> list[tuple[Pager, list[Card]]]:
    """The finder's list cut into pages of PAGE_SIZE, each with its pager and its cards."""
    count = max(1, -(-len(offers) // PAGE_SIZE))
    paths = [(n, page_path(n)) for n in range(1, count + 1)]
    return [
        (
            Pager(n, paths),
            [
                card(ref, offers[ref])
                for ref in range((n - 1) * PAGE_SIZE, min(n * PAGE_SIZE, len(offers)))
            ],
        )
        for n in range(1, count + 1)
    ]


def card(ref: int, offer: Aanbod) -> Card:
    """A static card; its ref is its position in the data file and the index."""
    return Card(offer, {"ref": str(ref)})
