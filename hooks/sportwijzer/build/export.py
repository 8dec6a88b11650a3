"""Open data: every published offer as JSON (with a schema) and as CSV for spreadsheets, and
every event as JSON (with a schema).

Both files are deterministic: the same data gives byte-identical output, so a rebuild without
changes changes nothing.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..base.jsontext import inert_json
from ..check.schema import load_schema
from ..model.objects import Aanbod, Evenement, Site

JSON_PATH = "data/aanbod.json"
CSV_PATH = "data/aanbod.csv"
SCHEMA_PATH = "data/aanbod.schema.json"
AGENDA_JSON_PATH = "data/agenda.json"
AGENDA_SCHEMA_PATH = "data/agenda.schema.json"


def offer_record(offer: Aanbod, base_url: str) -> dict[str, Any]:
    """One offer: slug, url and all its fields as the coordinator wrote them (postcode tidied)."""
    fields = dict(offer.fields)
    fields["locatie"] = {**fields["locatie"], "postcode": offer.locatie.postcode}
    return {"slug": offer.slug, "url": base_url + offer.url, **fields}


def aanbod_json(site: Site, base_url: str = "") -> str:
    """data/aanbod.json: region, licence and every published offer."""
    records = [offer_record(offer, base_url) for offer in site.gepubliceerd]
    return _open_data_file(site, "aanbod", records)


def _open_data_file(site: Site, key: str, records: list[dict[str, Any]]) -> str:
    """An open-data file: region, licence, the number of records and the records under `key`,
    one a line: readable in a diff, and written by json's quick C encoder (an indent would make
    it use the slow one)."""
    head = {
        "regio": site.regio.naam,
        "licentie": site.regio.licentie,
        "aantal": len(records),
        key: [],
    }
    compact = {"separators": (",", ":")}
    lines = ",\n".join(inert_json(record, **compact) for record in records)
    body = f'"{key}":[\n{lines}\n]' if records else f'"{key}":[]'
    return inert_json(head, **compact).replace(f'"{key}":[]', body) + "\n"


def aanbod_schema() -> str:
    """data/aanbod.schema.json: the file above, described with the offer schema we validate with."""
    return _open_data_schema("Open data: sport- en beweegaanbod", "offer", "aanbod", {})


_SLUG_AND_URL = {
    "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    "url": {"type": "string"},
}


def _open_data_schema(title: str, kind: str, key: str, extra: dict[str, Any]) -> str:
    """An open-data file's schema: region, licence, count and a list of `kind` records, each
    with slug, url, the `extra` fields and the fields of the schema we validate `kind` with."""
    data = load_schema(kind)
    item = {
        **{k: v for k, v in data.items() if k not in ("$schema", "$id")},
        "required": [*_SLUG_AND_URL, *extra, *data["required"]],
        "properties": {**_SLUG_AND_URL, **extra, **data["properties"]},
    }
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": title,
        "type": "object",
        "additionalProperties": False,
        "required": ["regio", "licentie", "aantal", key],
        "properties": {
            "regio": {"type": "string"},
            "licentie": {"type": "string"},
            "aantal": {"type": "integer", "minimum": 0},
            key: {"type": "array", "items": item},
        },
    }
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def event_record(event: Evenement, base_url: str) -> dict[str, Any]:
    """One event: slug, url, its calendar file and all its fields as written (postcode tidied)."""
    fields = dict(event.fields)
    fields["locatie"] = {**fields["locatie"], "postcode": event.locatie.postcode}
    return {
        "slug": event.slug,
        "url": base_url + event.url,
        "ics": base_url + event.ics_url,
        **fields,
    }


def agenda_json(site: Site, base_url: str = "") -> str:
    """data/agenda.json: region, licence and every event, over or not, soonest first."""
    return _open_data_file(
        site, "agenda", [event_record(e, base_url) for e in site.alle_evenementen]
    )


def agenda_schema() -> str:
    """data/agenda.schema.json: the file above, described with the event schema we validate with."""
    ics = {"ics": {"type": "string", "description": "Het iCalendar-bestand van de activiteit."}}
    return _open_data_schema("Open data: agenda", "agenda", "agenda", ics)


CSV_COLUMNS = (
    "slug", "url", "titel", "sport", "aanbieder", "beperkingen", "samenvatting",
    "locatie_naam", "adres", "postcode", "plaats", "gemeente", "breedtegraad", "lengtegraad",
    "leeftijd_min", "leeftijd_max", "niveau", "vorm", "tijden", "op_afspraak",
    "kosten_bedrag", "kosten_per", "kosten_toelichting", "proefles", "proefles_toelichting",
    "toegankelijkheid", "ondersteuning", "toegankelijkheid_toelichting", "vervoer", "status",
    "contact_naam", "email", "telefoon", "website", "laatst_gecontroleerd", "beschrijving",
    "vrijwilligers_gezocht", "vrijwilligers_toelichting",
)  # fmt: skip


def _row(offer: Aanbod, base_url: str) -> dict[str, Any]:
    kosten, proefles, wanted = offer.kosten, offer.proefles, offer.vrijwilligers
    return {
        "slug": offer.slug,
        "url": base_url + offer.url,
        "titel": offer.titel,
        "sport": offer.sport.slug,
        "aanbieder": offer.aanbieder.slug,
        "beperkingen": _join(b.slug for b in offer.beperkingen),
        "samenvatting": offer.samenvatting,
        "locatie_naam": offer.locatie.naam,
        "adres": offer.locatie.adres,
        "postcode": offer.locatie.postcode,
        "plaats": offer.locatie.plaats,
        "gemeente": offer.locatie.gemeente.naam,
        "breedtegraad": offer.locatie.lat,
        "lengtegraad": offer.locatie.lon,
        "leeftijd_min": offer.leeftijd_min,
        "leeftijd_max": offer.leeftijd_max,
        "niveau": _join(n.slug for n in offer.niveau),
        "vorm": offer.vorm.slug if offer.vorm else "",
        # Data is data: the times as the data has them ('09:00'), not as a page writes them.
        "tijden": _join(f"{t.dag} {t.van}-{t.tot}" for t in offer.tijden),
        "op_afspraak": _yes_no(offer.op_afspraak),
        "kosten_bedrag": kosten.bedrag if kosten else "",
        "kosten_per": kosten.per if kosten else "",
        "kosten_toelichting": kosten.toelichting if kosten else "",
        "proefles": ("gratis" if proefles.gratis else "ja") if proefles else "nee",
        "proefles_toelichting": proefles.toelichting if proefles else "",
        "toegankelijkheid": _join(t.slug for t in offer.toegankelijkheid),
        "ondersteuning": _join(o.slug for o in offer.ondersteuning),
        "toegankelijkheid_toelichting": offer.toegankelijkheid_toelichting,
        "vervoer": offer.vervoer,
        "status": offer.status.slug,
        "contact_naam": offer.contact.naam,
        "email": offer.contact.email,
        "telefoon": offer.contact.telefoon,
        "website": offer.contact.website,
        "laatst_gecontroleerd": offer.laatst_gecontroleerd.isoformat(),
        "beschrijving": offer.fields.get("beschrijving", ""),
        "vrijwilligers_gezocht": _join(t.slug for t in wanted.gezocht) if wanted else "",
        "vrijwilligers_toelichting": wanted.toelichting if wanted else "",
    }


def _join(values: Any) -> str:
    return "; ".join(values)


def _yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def _cell(value: Any) -> str:
    """Text as a spreadsheet must not run it: a leading = + - @ becomes plain text."""
    if value is None:
        return ""
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def aanbod_csv(site: Site, base_url: str = "") -> str:
    """data/aanbod.csv: one row an offer, ';'-separated as Dutch spreadsheets expect."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for offer in site.gepubliceerd:
        writer.writerow({key: _cell(value) for key, value in _row(offer, base_url).items()})
    return buffer.getvalue()


def export_files(site: Site, base_url: str = "") -> dict[str, bytes]:
    """Every open-data file, by its path in the site. The CSV starts with a BOM for Excel."""
    return {
        JSON_PATH: aanbod_json(site, base_url).encode("utf-8"),
        SCHEMA_PATH: aanbod_schema().encode("utf-8"),
        CSV_PATH: ("\ufeff" + aanbod_csv(site, base_url)).encode("utf-8"),
        AGENDA_JSON_PATH: agenda_json(site, base_url).encode("utf-8"),
        AGENDA_SCHEMA_PATH: agenda_schema().encode("utf-8"),
    }
