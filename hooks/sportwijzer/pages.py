"""Pages the build generates from the data: one offer, one partner, and the lists of them.

A page is plain data: where it lives, its title, the template that shows it and the objects that
template reads. Adding a kind of page is adding one builder to PAGE_BUILDERS.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from .model import Site


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from the data, as the documentation tool needs it."""

    src_uri: str
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    source_path: str | None = None
    description: str = ""
    in_nav: bool = False
    searchable: bool = False

    @property
    def edit_uri(self) -> str | None:
        """The source file, relative to the docs folder (content/), for the edit link."""
        return f"../{self.source_path}" if self.source_path else None

    def markdown(self) -> str:
        """Front matter that names the template; the template does the rest."""
        # The theme prints title and description into HTML unescaped: escape them here.
        meta: dict[str, Any] = {"title": html.escape(self.title), "template": self.template}
        if self.description:
            meta["description"] = html.escape(self.description)
        if not self.searchable:
            meta["search"] = {"exclude": True}
        header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
        return f"---\n{header}---\n"


def offer_pages(site: Site) -> list[GeneratedPage]:
    """aanbod/<slug>/ for every published offer."""
    return [
        GeneratedPage(
            src_uri=f"aanbod/{offer.slug}.md",
            title=offer.titel,
            template="aanbod.html",
            context={"aanbod": offer},
            source_path=offer.source_path,
            description=offer.samenvatting,
        )
        for offer in site.gepubliceerd
    ]


def partner_pages(site: Site) -> list[GeneratedPage]:
    """partners/<slug>/ for every partner, with its published offers."""
    return [
        GeneratedPage(
            src_uri=f"partners/{partner.slug}.md",
            title=partner.naam,
            template="partner.html",
            context={"partner": partner},
            source_path=partner.source_path,
            description=f"{partner.naam}: {partner.soort.naam.lower()} in {site.regio.naam}.",
        )
        for partner in sorted(site.partners.values(), key=lambda p: p.naam.lower())
    ]


def index_pages(site: Site) -> list[GeneratedPage]:
    """aanbod/ (every published offer, works without JavaScript) and partners/."""
    partners = sorted(site.partners.values(), key=lambda p: p.naam.lower())
    return [
        GeneratedPage(
            src_uri="aanbod/index.md",
            title="Aanbod",
            template="aanbod-lijst.html",
            context={"aanbod_lijst": site.gepubliceerd},
            description=f"Sport en bewegen voor mensen met een beperking in {site.regio.naam}.",
            in_nav=True,
            searchable=True,
        ),
        GeneratedPage(
            src_uri="partners/index.md",
            title="Partners",
            template="partner-lijst.html",
            context={"partners": partners},
            description=f"De organisaties die samenwerken in {site.regio.naam}.",
            in_nav=True,
            searchable=True,
        ),
    ]


PAGE_BUILDERS: tuple[Callable[[Site], list[GeneratedPage]], ...] = (
    index_pages,
    offer_pages,
    partner_pages,
)


def all_pages(site: Site) -> list[GeneratedPage]:
    """Every generated page, from every builder."""
    return [page for builder in PAGE_BUILDERS for page in builder(site)]
