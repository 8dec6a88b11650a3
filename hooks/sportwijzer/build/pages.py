"""Pages the build generates from the data: offers, partners, and the lists that lead to them.

A page is plain data: where it lives, its title, the template that shows it and the objects that
template reads. Adding a kind of page is adding one builder to PAGE_BUILDERS.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ..base import dutch
from ..base.gc_pause import collector_paused
from ..base.vocabulary import IEDEREEN, ROLLEN, SOORT, Term
from ..finder.filters import serves
from ..finder.nearby import Nearby
from ..finder.page import finder_view
from ..finder.static_pages import Pager, static_pages
from ..model.objects import Aanbod, Partner, Site, sport_icons
from ..model.volunteers import volunteer_pages
from ..twins import finder_rules
from .agenda_pages import Punt, agenda_view, evenement_view, event_jsonld, punt
from .analysis import analyse
from .blockcache import BlockCache, folder_key
from .desk_page import help_view, listing_help_url
from .jsonld import offer_jsonld, partner_jsonld, script_json


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
    hide: tuple[str, ...] = ()  # parts of the theme's layout left out, e.g. ("toc",)
    cache: BlockCache | None = None  # shared by the pages of one build (all_pages)
    robots: str = ""  # 'noindex': left out by search engines and the sitemap (sitemap.xml)

    def template_context(self) -> dict[str, Any]:
        """What the template reads: the page's objects and the build's cache of rendered parts
        (cards, by their link); for a page outside the navigation also the slots where its
        sidebar, header, the theme's settings, style sheets, scripts and footer are kept
        (overrides/main.html)."""
        if self.cache is None:
            return self.context
        context = {**self.context, "sw_cache": self.cache}
        if not self.in_nav:
            folder = folder_key(self.src_uri)
            context["sw_nav"] = self.cache.slot(f"nav:{folder}")
            context["sw_config"] = self.cache.slot(f"config:{folder}")
            context["sw_header"] = self.cache.slot(f"header:{folder}")
            for block in ("styles", "scripts", "footer"):
                context[f"sw_{block}"] = self.cache.slot(f"{block}:{folder}")
        return context

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
        if self.hide:
            meta["hide"] = list(self.hide)
        if self.robots:
            meta["robots"] = self.robots
        # JSON values are valid YAML, and far quicker to write than with a YAML emitter.
        header = "".join(
            f"{key}: {json.dumps(meta[key], ensure_ascii=False)}\n" for key in sorted(meta)
        )
        return f"---\n{header}---\n"


@dataclass(frozen=True)
class Listing:
    """A static list of offers: one sport, one impairment or one municipality."""

    kop: str
    inleiding: str
    aanbod: list[Aanbod]
    leeg: str
    pager: Pager | None = None  # the finder's static pages 2, 3, ...
    evenementen: list[Punt] = field(default_factory=list)  # coming events (agenda_pages.punt)
    sport: Term | None = None  # a sport's own page: its icon and 'Wat is ...?'

    @property
    def sport_iconen(self) -> list[str]:
        """The icons of the offers' sports, for the page's sprite (sw-macros.html)."""
        return sport_icons(self.aanbod)

    @property
    def aantal_tekst(self) -> str:
        """'1 activiteit', '3 activiteiten': how many offers the list holds."""
        return dutch.aantal(len(self.aanbod), "activiteit", "activiteiten")


@dataclass(frozen=True)
class Link:
    """One line of an overview: a name, where it leads, how many offers, an icon."""

    naam: str
    url: str
    aantal: int
    icoon: str = ""

    @property
    def aantal_tekst(self) -> str:
        """'geen activiteiten', '1 activiteit', '3 activiteiten'."""
        return dutch.aantal(self.aantal, "activiteit", "activiteiten")


@dataclass(frozen=True)
class Groep:
    """A heading of the network page: a kind or a role, and its partners."""

    naam: str
    partners: list[Partner]

    @property
    def aantal_tekst(self) -> str:
        """'1 organisatie', '4 organisaties'."""
        return dutch.aantal(len(self.partners), "organisatie", "organisaties")


@dataclass(frozen=True)
class Nabij:
    aanbod: Aanbod
    afstand: str


Builder = Callable[[Site, str], list["GeneratedPage"]]


def _dichtbij(near: Nearby, offer: Aanbod) -> list[Nabij]:
    """'Ook in de buurt' on an offer's page: the nearest published offers, with their distance."""
    return [Nabij(o, finder_rules.format_distance(km)) for o, km in near.near(offer)]


def offer_pages(site: Site, base_url: str) -> list[GeneratedPage]:
    """aanbod/<slug>/ for every published offer, with its structured data and offers nearby."""
    published = site.gepubliceerd
    near = Nearby(published)
    return [
        GeneratedPage(
            src_uri=f"aanbod/{offer.slug}.md",
            title=offer.titel,
            template="aanbod.html",
            context={
                "aanbod": offer,
                "jsonld": script_json(offer_jsonld(offer, base_url + offer.url)),
                "dichtbij": _dichtbij(near, offer),
            },
            source_path=offer.source_path,
            description=offer.samenvatting,
        )
        for offer in published
    ]


def stopped_offer_pages(site: Site, base_url: str) -> list[GeneratedPage]:
    """aanbod/<slug>/ of a stopped offer stays, so that links keep working: it says the offer
    stopped and leads to offers nearby and the desk. No search engine, sitemap or list has it."""
    stopped = sorted((o for o in site.aanbod.values() if not o.is_published), key=lambda o: o.slug)
    if not stopped:
        return []
    near = Nearby(site.gepubliceerd)
    return [
        GeneratedPage(
            src_uri=f"aanbod/{offer.slug}.md",
            title=offer.titel,
            template="aanbod-gestopt.html",
            context={
                "aanbod": offer,
                "dichtbij": _dichtbij(near, offer),
            },
            source_path=offer.source_path,
            description=f"Dit aanbod is gestopt: {offer.titel}.",
            robots="noindex",
        )
        for offer in stopped
    ]


def partner_pages(site: Site, base_url: str) -> list[GeneratedPage]:
    """partners/<slug>/ for every partner, with its published offers."""
    return [
        GeneratedPage(
            src_uri=f"partners/{partner.slug}.md",
            title=partner.naam,
            template="partner.html",
            context={
                "partner": partner,
                "evenementen": [punt(e) for e in partner.evenementen],
                "jsonld": script_json(partner_jsonld(partner, base_url + partner.url)),
            },
            source_path=partner.source_path,
            description=f"{partner.naam}: {partner.soort.naam.lower()} in {site.regio.naam}.",
        )
        for partner in _partners(site)
    ]


def _partners(site: Site) -> list[Partner]:
    return sorted(site.partners.values(), key=lambda p: p.naam.lower())


def index_pages(site: Site, base_url: str) -> list[GeneratedPage]:
    """The finder at aanbod/ (a full static list first), the sportkeuzehulp and partners/."""
    finder = finder_view(site)
    return [
        GeneratedPage(
            src_uri="aanbod/index.md",
            title="Aanbod zoeken",
            template="finder.html",
            context={"finder": finder},
            description=f"Zoek sport en bewegen met een beperking in {site.regio.naam}.",
            in_nav=True,
            # Its headings come from the template: without the empty table of contents the
            # form and the results sit side by side at 1280 px.
            hide=("toc",),
        ),
        GeneratedPage(
            src_uri="keuzehulp/index.md",
            title="Welke sport past bij mij?",
            template="keuzehulp.html",
            context={"finder": finder},
            description="Zes korte vragen die je helpen een sport te kiezen.",
            in_nav=True,
        ),
        GeneratedPage(
            src_uri="partners/index.md",
            title="Partners",
            template="partner-lijst.html",
            context={"partners": _partners(site)},
            description=f"De organisaties die samenwerken in {site.regio.naam}.",
            in_nav=True,
            searchable=True,
        ),
    ]


def finder_pages(site: Site, base_url: str) -> list[GeneratedPage]:
    """aanbod/pagina/2/ and on: the rest of the finder's static list, for use without JavaScript."""
    pages = []
    for pager, cards in static_pages(site.gepubliceerd)[1:]:
        kop = f"Al het aanbod, pagina {pager.pagina} van {pager.aantal}"
        intro = f"Alle sport- en beweegactiviteiten in {site.regio.naam}, op volgorde van naam."
        listing = Listing(kop, intro, [c.aanbod for c in cards], "", pager)
        pages.append(_listing_page(f"{pager.paginas[pager.pagina - 1][1]}index.md", listing, intro))
    return pages


def _listing_page(src_uri: str, listing: Listing, description: str) -> GeneratedPage:
    return GeneratedPage(
        src_uri=src_uri,
        title=listing.kop,
        template="lijst.html",
        context={"lijst": listing, "hulp_url": listing_help_url(src_uri)},
        description=description,
    )


def _overview_page(src_uri: str, title: str, intro: str, links: list[Link]) -> GeneratedPage:
    return GeneratedPage(
        src_uri=src_uri,
        title=title,
        template="overzicht.html",
        context={"overzicht": Listing(title, intro, [], ""), "links": links},
        description=intro,
        in_nav=True,
    )


def _sport_listings(site: Site) -> list[tuple[str, Listing, Link]]:
    """Every sport with published offers: its page, its listing and its line in the overview."""
    result = []
    per_sport: dict[str, list[Aanbod]] = {}
    for offer in site.gepubliceerd:
        per_sport.setdefault(offer.sport.slug, []).append(offer)
    for sport in sorted(site.vocabulary.sporten.values(), key=lambda s: s.naam.lower()):
        offers = per_sport.get(sport.slug, [])
        if offers:
            kop = f"{sport.naam} voor mensen met een beperking"
            intro = f"Aanbod voor {sport.naam.lower()} in {site.regio.naam}."
            link = Link(sport.naam, f"sport/{sport.slug}/", len(offers), sport.icoon)
            events = [punt(e) for e in site.komend_bij_sport(sport.slug)]
            listing = Listing(kop, intro, offers, "", evenementen=events, sport=sport)
            result.append((f"sport/{sport.slug}.md", listing, link))
    return result


def _beperking_listings(site: Site) -> list[tuple[str, Listing, Link]]:
    """Every impairment (offers for 'iedereen' count for each), even without offers."""
    result = []
    for term in site.vocabulary.beperkingen.values():
        if term.slug == IEDEREEN:
            continue
        offers = [o for o in site.gepubliceerd if serves(o, term.slug)]
        doelgroep = term.doelgroep or term.naam.lower()
        kop = f"Sport voor {doelgroep}"
        intro = (
            f"Aanbod in {site.regio.naam} voor {doelgroep}, en aanbod dat open is voor iedereen."
        )
        leeg = "Er is nu geen aanbod voor deze groep."
        link = Link(term.naam, f"beperking/{term.slug}/", len(offers), term.icoon)
        result.append((f"beperking/{term.slug}.md", Listing(kop, intro, offers, leeg), link))
    return result


def _gemeente_listings(site: Site) -> list[tuple[str, Listing, Link]]:
    """Every municipality of the region, even without offers (then the page says so)."""
    result = []
    per_gemeente: dict[str, list[Aanbod]] = {}
    for offer in site.gepubliceerd:
        per_gemeente.setdefault(offer.locatie.gemeente.slug, []).append(offer)
    for gemeente in sorted(site.regio.gemeenten, key=lambda g: g.naam.lower()):
        offers = per_gemeente.get(gemeente.slug, [])
        kop = f"Sport en bewegen in {gemeente.naam}"
        intro = f"Aanbod voor mensen met een beperking in de gemeente {gemeente.naam}."
        leeg = f"Er is nu geen aanbod in de gemeente {gemeente.naam}."
        link = Link(gemeente.naam, f"gemeente/{gemeente.slug}/", len(offers))
        events = [punt(e) for e in site.komend_in_gemeente(gemeente.slug)]
        listing = Listing(kop, intro, offers, leeg, evenementen=events)
        result.append((f"gemeente/{gemeente.slug}.md", listing, link))
    return result


_LISTINGS = {
    "sport": ("Zoek per sport", "Alle sporten met aanbod in {regio}.", _sport_listings),
    "beperking": (
        "Zoek per beperking",
        "Kies een beperking en zie welk aanbod er is in {regio}.",
        _beperking_listings,
    ),
    "gemeente": (
        "Zoek per gemeente",
        "Kies een gemeente in {regio} en zie welk aanbod er is.",
        _gemeente_listings,
    ),
}


Rows = dict[str, list[tuple[str, Listing, Link]]]
_rows_of: tuple[Site | None, Rows] = (None, {})  # the last site asked for, and its overviews' rows


def _rows(site: Site) -> Rows:
    """Each overview's rows, made once for a site: the overview pages and the home page's links
    read the same."""
    global _rows_of
    if _rows_of[0] is not site:
        _rows_of = (site, {key: make(site) for key, (*_, make) in _LISTINGS.items()})
    return _rows_of[1]


def overview_links(site: Site) -> dict[str, list[Link]]:
    """The lines of each overview (sport, beperking, gemeente), also shown on the home page."""
    return {key: [link for *_, link in rows] for key, rows in _rows(site).items()}


def listing_pages(site: Site, base_url: str) -> list[GeneratedPage]:
    """sport/, beperking/ and gemeente/: an overview each, and a static list per value."""
    pages = []
    for key, (title, intro, _) in _LISTINGS.items():
        rows = _rows(site)[key]
        overview = intro.format(regio=site.regio.naam)
        pages.append(_overview_page(f"{key}/index.md", title, overview, [r[2] for r in rows]))
        pages += [_listing_page(src, listing, listing.inleiding) for src, listing, _ in rows]
    return pages


_AANMELD_VRAGEN = (
    "Naam van het aanbod",
    "Sport",
    "Naam van de club of organisatie",
    "Voor wie is het (welke beperking)?",
    "In één zin: wat is het?",
    "Naam van de plek, adres, postcode en plaats",
    "Wanneer (dag en tijd)?",
    "Wat kost het? Is er een gratis proefles?",
    "Contactpersoon, e-mail en telefoon",
)


def _aanmeld_mail(site: Site) -> str:
    """A mail to the regional desk with the questions of the issue form, ready to fill in."""
    if not site.regio.loket.email:
        return ""
    tekst = "\n\n".join(f"{vraag}:\n" for vraag in _AANMELD_VRAGEN)
    return dutch.mailto(site.regio.loket.email, "Nieuw aanbod aanmelden", tekst)


def network_pages(site: Site, base_url: str) -> list[GeneratedPage]:
    """samenwerkingsverband/ (the partners by kind and by role) and regio-analyse/."""
    partners = _partners(site)
    per_soort = [
        Groep(naam, [p for p in partners if p.soort.slug == k]) for k, naam in SOORT.items()
    ]
    per_rol = [
        Groep(naam, [p for p in partners if any(r.slug == k for r in p.rollen)])
        for k, naam in ROLLEN.items()
    ]
    return [
        GeneratedPage(
            src_uri="samenwerkingsverband/index.md",
            title="Het samenwerkingsverband",
            template="samenwerkingsverband.html",
            context={
                "per_soort": [g for g in per_soort if g.partners],
                "per_rol": [g for g in per_rol if g.partners],
            },
            description=f"Wie werkt samen in {site.regio.naam}, en in welke rol.",
            in_nav=True,
        ),
        GeneratedPage(
            src_uri="aanmelden/index.md",
            title="Aanbod aanmelden",
            template="aanmelden.html",
            context={
                "aanmeld_mail": _aanmeld_mail(site),
                # the form's choices, by name as people look for them (upper or lower case alike)
                "sporten": sorted(site.vocabulary.sporten.values(), key=lambda s: s.naam.lower()),
                "gemeenten": sorted(site.regio.gemeenten, key=lambda g: g.naam.lower()),
            },
            description="Meld een sport- of beweegaanbod voor mensen met een beperking aan.",
            in_nav=True,
        ),
        GeneratedPage(
            src_uri="regio-analyse/index.md",
            title="Regio-analyse",
            template="regio-analyse.html",
            context={"analyse": analyse(site)},
            description=f"Waar is aanbod in {site.regio.naam}, en waar ontbreekt het?",
            in_nav=True,
            # Its headings come from the template, so the table of contents would be an empty
            # column: without it the table fits beside the menu at 1280 px.
            hide=("toc",),
        ),
    ]


def event_pages(site: Site, base_url: str) -> list[GeneratedPage]:
    """agenda/ (the coming events) and agenda/<slug>/ for every event, over or not."""
    pages = [
        GeneratedPage(
            src_uri="agenda/index.md",
            title="Agenda",
            template="agenda.html",
            context={"agenda": agenda_view(site, base_url)},
            description=f"Clinics, toernooien, sportdagen en scholing in {site.regio.naam}.",
            in_nav=True,
        )
    ]
    for event in site.alle_evenementen:
        pages.append(
            GeneratedPage(
                src_uri=f"agenda/{event.slug}.md",
                title=event.titel,
                template="evenement.html",
                context={
                    "evenement": evenement_view(event),
                    "jsonld": script_json(event_jsonld(event, base_url)),
                },
                source_path=event.source_path,
                description=event.samenvatting,
            )
        )
    return pages


def desk_and_volunteer_pages(site: Site, base_url: str) -> list[GeneratedPage]:
    """hulp-bij-zoeken/ (a question to the desk, by the person's own mail), vrijwilligers/ and
    vrijwilligers/<gemeente>/ (offers that look for volunteers, by task)."""
    pages = [
        GeneratedPage(
            src_uri="hulp-bij-zoeken/index.md",
            title="Vraag het sportloket",
            template="hulp-bij-zoeken.html",
            context={"hulp": help_view(site)},
            description="Niets gevonden? Het sportloket zoekt gratis met je mee.",
        )
    ]
    for src_uri, view in volunteer_pages(site):
        pages.append(
            GeneratedPage(
                src_uri=src_uri,
                title=view.kop,
                template="vrijwilligers.html",
                context={"vrijwilligers": view},
                description=f"Sportaanbod in {site.regio.naam} dat vrijwilligers zoekt.",
            )
        )
    return pages


PAGE_BUILDERS: tuple[Builder, ...] = (
    index_pages,
    finder_pages,
    offer_pages,
    stopped_offer_pages,
    partner_pages,
    listing_pages,
    network_pages,
    event_pages,
    desk_and_volunteer_pages,
)


def block_cache_hits(pages: Iterable[GeneratedPage]) -> int:
    """How often the pages' block cache gave back a kept block (the build log says it)."""
    caches = {id(page.cache): page.cache for page in pages if page.cache}
    return sum(cache.hits for cache in caches.values())


@collector_paused
def all_pages(site: Site, base_url: str = "") -> list[GeneratedPage]:
    """Every generated page, from every builder. `base_url` makes absolute links (JSON-LD)."""
    cache = BlockCache()
    return [
        replace(page, cache=cache) for builder in PAGE_BUILDERS for page in builder(site, base_url)
    ]
