"""Events as iCalendar (RFC 5545): one file per event and the feed people subscribe to.

Times are local Dutch time with a VTIMEZONE for Europe/Amsterdam, so that a calendar shows 13.30
whatever its own zone; all-day and multi-day events are DATE values (DTEND is the day after).
The output depends only on the data and the build day, so a rebuild the same day changes nothing.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vDuration,
    vRecur,
    vText,
)

from ..base.dates import AMSTERDAM
from ..base.dutch import opsomming
from ..base.events import in_feed
from ..model.objects import Evenement, Site

FEED_PATH = "agenda/agenda.ics"
TZID = "Europe/Amsterdam"
FALLBACK_HOST = "sportwijzer.invalid"  # a build without site_url (never published)
REFRESH = dt.timedelta(hours=12)


def site_host(base_url: str) -> str:
    """The host in the UIDs: 'voorbeeld.github.io' from 'https://voorbeeld.github.io/sw/'."""
    return urlsplit(base_url).hostname or FALLBACK_HOST


def build_stamp(today: dt.date) -> dt.datetime:
    """DTSTAMP: the start of the build day in UTC (stable for a day, later on each new day)."""
    return dt.datetime.combine(today, dt.time(), dt.UTC)


def amsterdam_timezone() -> Timezone:
    """VTIMEZONE for Europe/Amsterdam with the EU rule: summer time from the last Sunday of
    March 02:00 to the last Sunday of October 03:00."""
    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    # RFC 5545 3.6.5: a VTIMEZONE rule starts at a local time without a zone, hence naive
    summer.add("dtstart", dt.datetime(1981, 3, 29, 2, 0))  # noqa: DTZ001
    summer.add("rrule", vRecur(freq="YEARLY", bymonth=3, byday="-1SU"))
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("dtstart", dt.datetime(1996, 10, 27, 3, 0))  # noqa: DTZ001 (local, as above)
    winter.add("rrule", vRecur(freq="YEARLY", bymonth=10, byday="-1SU"))
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Sportwijzer//Agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # TEXT values: icalendar escapes ; , \ only when told (it writes unknown names raw)
    calendar.add("x-wr-calname", vText(name))
    calendar.add("name", vText(name))
    calendar.add_component(amsterdam_timezone())
    return calendar


def _when(event: Evenement) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """DTSTART and DTEND: local times on one day, or whole days with the end exclusive."""
    if event.van and event.tot:
        start = dt.datetime.combine(event.datum, dt.time.fromisoformat(event.van), AMSTERDAM)
        end = dt.datetime.combine(event.datum, dt.time.fromisoformat(event.tot), AMSTERDAM)
        return start, end
    return event.datum, event.tot_datum + dt.timedelta(days=1)


def location_text(event: Evenement) -> str:
    """'Tennispark De Wielewaal, Wielewaalweg 2, 8024 AB Zwolle'."""
    place = event.locatie
    return f"{place.naam}, {place.adres}, {place.postcode} {place.plaats}"


def description(event: Evenement, page_url: str) -> str:
    """What a person reads in their calendar: the summary, then the facts, one a line."""
    lines = []
    if event.afgelast:
        lines.append("AFGELAST: deze activiteit gaat niet door.")
    elif event.vol:
        lines.append("VOL: er zijn geen plaatsen meer.")
    lines += [event.samenvatting, "", f"Wanneer: {event.wanneer}"]
    lines.append(f"Waar: {location_text(event)}")
    lines.append(f"Voor: {opsomming([b.naam for b in event.beperkingen])}")
    lines.append(f"Doelgroep: {opsomming([d.naam for d in event.doelgroep])}")
    if event.kosten is not None:
        lines.append(f"Kosten: {event.kosten.tekst}")
    if event.aanmelden is not None:
        lines.append(f"Aanmelden: {_aanmelden(event)}")
    lines.append(f"Organisator: {event.organisator.naam}")
    if page_url:
        lines.append(f"Meer informatie: {page_url}")
    return "\n".join(lines)


def _aanmelden(event: Evenement) -> str:
    sign_up = event.aanmelden
    assert sign_up is not None
    ways = [way for way in (sign_up.url, sign_up.email, sign_up.telefoon) if way]
    text = opsomming(ways).replace(" en ", " of ")
    return f"{text}, uiterlijk {sign_up.uiterlijk_tekst}" if sign_up.uiterlijk else text


def vevent(event: Evenement, base_url: str, stamp: dt.datetime) -> Event:
    """One VEVENT with a UID that stays the same across builds: <slug>@<site host>."""
    page_url = base_url + event.url if base_url else ""
    start, end = _when(event)
    component = Event()
    component.add("uid", f"{event.slug}@{site_host(base_url)}")
    component.add("dtstamp", stamp)
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("summary", f"Afgelast: {event.titel}" if event.afgelast else event.titel)
    component.add("description", description(event, page_url))
    component.add("location", location_text(event))
    component.add("geo", (event.locatie.lat, event.locatie.lon))
    component.add("status", "CANCELLED" if event.afgelast else "CONFIRMED")
    component.add("sequence", 1 if event.afgelast else 0)  # a cancellation outranks the plan
    component.add("categories", [event.soort.naam])
    component.add("transp", "TRANSPARENT" if event.hele_dag else "OPAQUE")
    if page_url:
        component.add("url", page_url)
    return component


def event_ics(event: Evenement, site: Site, base_url: str = "") -> bytes:
    """agenda/<slug>.ics: one event, for 'Zet in je agenda'."""
    calendar = _calendar(f"{event.titel} (Sportwijzer {site.regio.naam})")
    calendar.add_component(vevent(event, base_url, build_stamp(site.today)))
    ical: bytes = calendar.to_ical()
    return ical


def feed_events(site: Site) -> list[Evenement]:
    """The feed's events: not over, or over for less than 30 days; soonest first."""
    return [event for event in site.alle_evenementen if in_feed(event.tot_datum, site.today)]


def feed_ics(site: Site, base_url: str = "") -> bytes:
    """agenda/agenda.ics: the region's agenda to subscribe to."""
    calendar = _calendar(f"Agenda Sportwijzer {site.regio.naam}")
    calendar.add("x-wr-caldesc", f"Clinics, sportdagen en scholing in {site.regio.naam}")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    stamp = build_stamp(site.today)
    for event in feed_events(site):
        calendar.add_component(vevent(event, base_url, stamp))
    ical: bytes = calendar.to_ical()
    return ical


def calendar_files(site: Site, base_url: str = "") -> dict[str, bytes]:
    """Site path -> content: every event's .ics (over or not: its page stays) and the feed."""
    files = {event.ics_url: event_ics(event, site, base_url) for event in site.alle_evenementen}
    files[FEED_PATH] = feed_ics(site, base_url)
    return files
