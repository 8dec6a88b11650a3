"""What the agenda's pages show: the list of coming events by month with its filters, one
event's page, the subscribe links, and an event's structured data (schema.org JSON-LD).

Views only: build/pages.py makes the pages from them, the templates (agenda.html, evenement.html,
partials/sw-agenda.html) present them. The filters' rules are agenda_rules (twin of
javascripts/agenda_rules.js).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..base import dutch
from ..base.dates import AMSTERDAM
from ..base.events import DOELGROEP
from ..base.vocabulary import IEDEREEN
from ..finder.filters import IMPAIRMENT_RULES
from ..model.objects import Evenement, Site
from ..twins import agenda_rules
from .jsonld import geo_coordinates, postal_address

FEED = "agenda/agenda.ics"
STATUS = {
    "gepland": "https://schema.org/EventScheduled",
    "vol": "https://schema.org/EventScheduled",  # still on; the offer says SoldOut
    "afgelast": "https://schema.org/EventCancelled",
}


@dataclass(frozen=True)
class Keuze:
    """One option of a filter: the value in the link and the label people read."""

    value: str
    label: str


@dataclass(frozen=True)
class Punt:
    """One event as a list shows it, with the facts the filters read (data-* attributes)."""

    evenement: Evenement
    voor_wie: str  # 'Lichamelijk, Rolstoel (sporters)', 'Iedereen (trainers en bestuurders)'
    doelgroep: str  # 'Sporters', 'Trainers en bestuurders'
    aanmelden: str  # 'Aanmelden kan tot 10 april', 'Vol', 'Afgelast', ...
    data: dict[str, str]


@dataclass(frozen=True)
class Maand:
    naam: str  # 'april 2027'
    punten: list[Punt]


@dataclass(frozen=True)
class Abonneren:
    """The feed's addresses: webcal:// opens a calendar app, https:// is to copy."""

    webcal: str
    adres: str


@dataclass(frozen=True)
class AgendaView:
    maanden: list[Maand]
    aantal_zin: str  # 'Er staan nu 14 evenementen op de agenda.'
    beperkingen: list[Keuze]
    gemeenten: list[Keuze]
    doelgroepen: list[Keuze]
    regels: str  # JSON for agenda.js: the impairment rules and the values each filter knows
    abonneren: Abonneren


@dataclass(frozen=True)
class EvenementView:
    """One event's page: the event, its line in a list, and the notice at the top."""

    punt: Punt
    melding: str  # 'Dit was op ...', 'Afgelast. ...', 'Vol. ...', or ''


def aanmelden_tekst(event: Evenement) -> str:
    """Whether one can still register, in a few words, as on the build day."""
    if event.afgelast:
        return "Afgelast"
    if event.vol:
        return "Vol"
    sign_up = event.aanmelden
    if sign_up is None or event.voorbij:
        return ""
    if not sign_up.open:
        return "Aanmelden is gesloten"
    if sign_up.uiterlijk is None:
        return "Aanmelden kan"
    day = sign_up.uiterlijk
    year = f" {day.year}" if day.year != event.datum.year else ""
    return f"Aanmelden kan tot {day.day} {dutch.MAANDEN[day.month - 1]}{year}"


def punt(event: Evenement) -> Punt:
    """The event's line in a list, and its facts for the filters (agenda_rules' event)."""
    groups = [d.naam if i == 0 else d.naam.lower() for i, d in enumerate(event.doelgroep)]
    doelgroep = dutch.opsomming(groups)
    return Punt(
        evenement=event,
        voor_wie=f"{', '.join(b.kort for b in event.beperkingen)} ({doelgroep.lower()})",
        doelgroep=doelgroep,
        aanmelden=aanmelden_tekst(event),
        data={
            "beperkingen": " ".join(b.slug for b in event.beperkingen),
            "gemeente": event.locatie.gemeente.slug,
            "doelgroep": " ".join(d.slug for d in event.doelgroep),
            "tot": event.tot_datum.isoformat(),
        },
    )


def facts(data: dict[str, str]) -> dict[str, Any]:
    """A Punt's data attributes as agenda_rules takes an event (agenda.js reads them so too)."""
    return {
        "beperkingen": data["beperkingen"].split(),
        "gemeente": data["gemeente"],
        "doelgroep": data["doelgroep"].split(),
        "tot": data["tot"],
    }


def per_maand(events: list[Evenement]) -> list[Maand]:
    """Events (soonest first) under a heading per month of their first day: 'april 2027'."""
    months: list[Maand] = []
    for event in events:
        name = f"{dutch.MAANDEN[event.datum.month - 1]} {event.datum.year}"
        if not months or months[-1].naam != name:
            months.append(Maand(name, []))
        months[-1].punten.append(punt(event))
    return months


def abonneren(base_url: str) -> Abonneren:
    """The feed's address from the site's URL (a sub-path too); relative without a site URL."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return Abonneren("", FEED)
    address = base_url if base_url.endswith("/") else base_url + "/"
    address += FEED
    return Abonneren("webcal://" + address.split("://", 1)[1], address)


def filter_options(site: Site) -> dict[str, list[Keuze]]:
    return {
        "beperking": [
            Keuze(b.slug, b.naam)
            for b in site.vocabulary.beperkingen.values()
            if b.slug != IEDEREEN
        ],
        "gemeente": [
            Keuze(g.slug, g.naam) for g in sorted(site.regio.gemeenten, key=lambda g: g.naam)
        ],
        "doelgroep": [Keuze(slug, naam) for slug, naam in DOELGROEP.items()],
    }


def aantal_zin(n: int) -> str:
    """'Er staan nu 14 evenementen op de agenda.', 'Er staat nu 1 evenement op de agenda.'"""
    verb = "staat" if n == 1 else "staan"
    return f"Er {verb} nu {dutch.aantal(n, 'evenement', 'evenementen')} op de agenda."


def agenda_view(site: Site, base_url: str = "") -> AgendaView:
    """agenda/: the events not over on the build day, by month, with the filters."""
    options = filter_options(site)
    known = {name: [o.value for o in values] for name, values in options.items()}
    regels = json.dumps({**IMPAIRMENT_RULES, "bekend": known}, sort_keys=True, ensure_ascii=False)
    return AgendaView(
        maanden=per_maand(site.komend),
        aantal_zin=aantal_zin(len(site.komend)),
        beperkingen=options["beperking"],
        gemeenten=options["gemeente"],
        doelgroepen=options["doelgroep"],
        regels=regels,
        abonneren=abonneren(base_url),
    )


def evenement_view(event: Evenement) -> EvenementView:
    """agenda/<slug>/: the notice a parent must see first."""
    if event.voorbij:
        melding = f"Dit was op {event.datum_tekst}."
    elif event.afgelast:
        melding = "Afgelast. Dit evenement gaat niet door."
    elif event.vol:
        melding = "Vol. Er zijn geen plekken meer; je kunt je niet meer aanmelden."
    else:
        melding = ""
    return EvenementView(punt(event), melding)


def matching(events: list[Evenement], state: dict[str, Any]) -> list[Evenement]:
    """The events the agenda shows for a filter state (as agenda.js does in the browser)."""
    return [e for e in events if agenda_rules.matches(facts(punt(e).data), state, IMPAIRMENT_RULES)]


# --- schema.org -------------------------------------------------------------------------------


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _moment(day: dt.date, time: str) -> str:
    """'2027-04-17T13:30:00+02:00' (Dutch local time with its offset), or the day alone: ISO 8601,
    as schema.org wants it; people read 'van 13.30 tot 16.00 uur' (base/dutch.tijd)."""
    if not time:
        return day.isoformat()
    hour, minute = (int(part) for part in time.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=AMSTERDAM).isoformat()


def _place(event: Evenement) -> dict[str, Any]:
    loc = event.locatie
    return {
        "@type": "Place",
        "name": loc.naam,
        "address": postal_address(loc),
        "geo": geo_coordinates(loc),
    }


def _offer(event: Evenement, page_url: str) -> dict[str, Any]:
    sign_up = event.aanmelden
    price = event.kosten.bedrag if event.kosten else None
    open_ = sign_up.open if sign_up else not (event.vol or event.afgelast or event.voorbij)
    deadline = sign_up.uiterlijk if sign_up else None
    return _drop_empty(
        {
            "@type": "Offer",
            "price": price,
            "priceCurrency": "EUR" if price is not None else None,
            "url": (sign_up.url if sign_up else "") or page_url,
            "availability": "https://schema.org/"
            + ("SoldOut" if event.vol else "InStock" if open_ else "Discontinued"),
            "validThrough": deadline.isoformat() if deadline else None,
        }
    )


def event_jsonld(event: Evenement, base_url: str = "") -> dict[str, Any]:
    """The event as a (Sports)Event: when, where, status, organiser, price and for whom."""
    page_url = base_url + event.url
    return _drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "SportsEvent" if event.sport else "Event",
            "name": event.titel,
            "description": event.samenvatting,
            "url": page_url,
            "startDate": _moment(event.datum, event.van),
            "endDate": _moment(event.tot_datum, event.tot),
            "eventStatus": STATUS[event.status.slug],
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "sport": event.sport.naam if event.sport else None,
            "location": _place(event),
            "organizer": {
                "@type": "Organization",
                "name": event.organisator.naam,
                "url": base_url + event.organisator.url,
            },
            "offers": _offer(event, page_url),
            "isAccessibleForFree": event.kosten.gratis if event.kosten else None,
            "audience": {
                "@type": "PeopleAudience",
                "audienceType": ", ".join(
                    [b.naam for b in event.beperkingen] + [d.naam for d in event.doelgroep]
                ),
            },
        }
    )
