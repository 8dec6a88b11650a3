"""The page hulp-bij-zoeken/ ("Vraag het sportloket"), and the link to it from the places where
people get stuck: a listing page carries its own filter (sport/zwemmen/ asks with sport=zwemmen).

The mail itself is made by twins/desk.py (and desk.js in the browser); this module gives the
template its choices and the browser the names it needs, as an inert JSON block.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..base import dutch
from ..base.jsontext import inert_json
from ..base.vocabulary import IEDEREEN
from ..finder.page import Option
from ..model.objects import Contact, Site
from ..twins import desk

# A listing page's folder is the finder's parameter of the same name.
LISTING_FOLDERS = ("sport", "beperking", "gemeente")


@dataclass(frozen=True)
class HulpView:
    loket: Contact
    gemeenten: list[Option]
    beperkingen: list[Option]
    leeftijdsgroepen: list[Option]
    sporten: list[Option]
    max_vraag: int
    gewone_mail: str  # the plain mailto: link without JavaScript ('' without an e-mail address)
    gegevens: str  # JSON for javascripts/vraag.js: labels and the desk's name and address


def help_view(site: Site) -> HulpView:
    """Every municipality, impairment and sport, also those without offers: a question about
    what is missing is what the desk needs to hear."""
    gemeenten = sorted(site.regio.gemeenten, key=lambda g: g.naam.lower())
    beperkingen = [b for b in site.vocabulary.beperkingen.values() if b.slug != IEDEREEN]
    sporten = sorted(site.vocabulary.sporten.values(), key=lambda s: s.naam.lower())
    labels = {
        "gemeente": {g.slug: g.naam for g in gemeenten},
        "beperking": {b.slug: b.naam for b in beperkingen},
        "sport": {s.slug: s.naam for s in sporten},
    }
    loket = site.regio.loket
    address = {"naam": loket.naam, "email": loket.email}
    return HulpView(
        loket=loket,
        gemeenten=[Option(g.slug, g.naam) for g in gemeenten],
        beperkingen=[Option(b.slug, b.naam) for b in beperkingen],
        leeftijdsgroepen=[Option(k, dutch.hoofdletter(v)) for k, v in desk.GROUP_NAMES.items()],
        sporten=[Option(s.slug, s.naam) for s in sporten],
        max_vraag=desk.MAX_VRAAG,
        gewone_mail=desk.blank_mail(address) if loket.email else "",
        gegevens=inert_json({"labels": labels, "loket": address}),
    )


def listing_help_url(src_uri: str) -> str:
    """'sport/zwemmen.md' -> 'hulp-bij-zoeken/?sport=zwemmen'; other pages ask without a filter."""
    folder, _, rest = src_uri.partition("/")
    slug = rest.removesuffix(".md")
    if folder in LISTING_FOLDERS and slug and "/" not in slug and slug != "index":
        return desk.help_url([[folder, slug]])
    return desk.help_url([])
