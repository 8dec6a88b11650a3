"""schema.org structured data (JSON-LD) for offer and partner pages. Only true fields."""

from __future__ import annotations

from typing import Any

from ..base.jsontext import inert_json
from ..model.objects import Aanbod, Contact, Locatie, Partner

DAYS = {
    "maandag": "https://schema.org/Monday",
    "dinsdag": "https://schema.org/Tuesday",
    "woensdag": "https://schema.org/Wednesday",
    "donderdag": "https://schema.org/Thursday",
    "vrijdag": "https://schema.org/Friday",
    "zaterdag": "https://schema.org/Saturday",
    "zondag": "https://schema.org/Sunday",
}
PER_DUUR = {"maand": "P1M", "kwartaal": "P3M", "jaar": "P1Y"}


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _contact_point(contact: Contact) -> dict[str, Any]:
    return _drop_empty(
        {
            "@type": "ContactPoint",
            "name": contact.naam,
            "email": contact.email,
            "telephone": contact.telefoon,
            "url": contact.website,
        }
    )


def postal_address(loc: Locatie) -> dict[str, Any]:
    """A venue's address as schema.org reads it."""
    return {
        "@type": "PostalAddress",
        "streetAddress": loc.adres,
        "postalCode": loc.postcode,
        "addressLocality": loc.plaats,
        "addressRegion": loc.gemeente.naam,
        "addressCountry": "NL",
    }


def geo_coordinates(loc: Locatie) -> dict[str, Any]:
    return {"@type": "GeoCoordinates", "latitude": loc.lat, "longitude": loc.lon}


def _venue(offer: Aanbod) -> dict[str, Any]:
    loc = offer.locatie
    return _drop_empty(
        {
            "@type": "SportsActivityLocation",
            "name": loc.naam,
            "address": postal_address(loc),
            "geo": geo_coordinates(loc),
            "amenityFeature": [
                {"@type": "LocationFeatureSpecification", "name": feature.naam, "value": True}
                for feature in offer.toegankelijkheid
            ],
        }
    )


def _audience(offer: Aanbod) -> dict[str, Any]:
    return _drop_empty(
        {
            "@type": "PeopleAudience",
            "audienceType": ", ".join(b.naam for b in offer.beperkingen),
            "suggestedMinAge": offer.leeftijd_min,
            "suggestedMaxAge": offer.leeftijd_max,
        }
    )


def _price(offer: Aanbod) -> dict[str, Any] | None:
    if offer.kosten is None:
        return None
    price = {
        "@type": "Offer",
        "price": offer.kosten.bedrag,
        "priceCurrency": "EUR",
        "description": offer.kosten.tekst,
    }
    if offer.kosten.per in PER_DUUR:
        price["eligibleDuration"] = {
            "@type": "QuantitativeValue",
            "value": PER_DUUR[offer.kosten.per],
        }
    return price


def _schedule(offer: Aanbod) -> list[dict[str, Any]]:
    return [
        _drop_empty(
            {
                "@type": "Schedule",
                "byDay": DAYS[slot.dag],
                "startTime": slot.van,  # '09:00' as in the data: schema.org wants ISO 8601
                "endTime": slot.tot,
                "repeatFrequency": "P1W",
                "scheduleTimezone": "Europe/Amsterdam",
                "description": slot.toelichting,
            }
        )
        for slot in offer.tijden
    ]


def offer_jsonld(offer: Aanbod, page_url: str) -> dict[str, Any]:
    """The offer as a weekly sports Event at a SportsActivityLocation."""
    event = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": offer.titel,
        "description": offer.samenvatting,
        "url": page_url,
        "sport": offer.sport.naam,
        "location": _venue(offer),
        "audience": _audience(offer),
        "organizer": {"@type": "SportsOrganization", "name": offer.aanbieder.naam},
        "eventSchedule": _schedule(offer),
        "offers": _price(offer),
        "isAccessibleForFree": offer.kosten.gratis if offer.kosten else None,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if offer.status.slug == "gepauzeerd":
        event["eventStatus"] = "https://schema.org/EventPostponed"
    return _drop_empty(event)


def partner_jsonld(partner: Partner, page_url: str) -> dict[str, Any]:
    """The partner as an Organization (a SportsOrganization for sports providers)."""
    kind = (
        "SportsOrganization"
        if partner.soort.slug in ("sportaanbieder", "sportorganisatie")
        else "Organization"
    )
    return _drop_empty(
        {
            "@context": "https://schema.org",
            "@type": kind,
            "name": partner.naam,
            "url": partner.website or page_url,
            "areaServed": partner.gemeente.naam if partner.gemeente else None,
            "contactPoint": _contact_point(partner.contact)
            if partner.contact.email or partner.contact.telefoon
            else None,
        }
    )


def script_json(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: no '</script>' or '<!--' can end or change the block."""
    return inert_json(data)
