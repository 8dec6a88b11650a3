"""Write a new event file (`make nieuw-evenement`): the answers, and placeholders for the rest.

Like `make nieuw-aanbod`: what only a person knows is written as a NAKIJKEN placeholder, which
fails `make check` until it is filled in, so nothing made up reaches the agenda or the feed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .datakinds import EVENTS
from .event_rules import check_datum, check_organisator_exists
from .invulhulp import placeholder
from .load import SourceFile
from .nieuw import (
    PLACE_PLACEHOLDERS,
    contact_lines,
    place_lines,
    quoted,
    refuse_name,
    region_context,
)
from .schema import load_schema
from .validate import check_gemeente_in_region

QUESTIONS = (
    ("slug", "Naam van het bestand (kleine letters en streepjes, zoals clinic-judo-kampen)"),
    ("titel", "Titel van de activiteit"),
    ("soort", "Soort (clinic, kennismaking, toernooi, sportdag, scholing, bijeenkomst, anders)"),
    ("organisator", "Organisator (een bestandsnaam uit partners/, zonder .md)"),
    ("datum", "Datum (jaar-maand-dag, zoals 2027-04-17)"),
    ("gemeente", "Gemeente (precies zoals in regio.yml)"),
)


@dataclass(frozen=True)
class NewEvent:
    """The answers `make nieuw-evenement` needs: file name and the fields we ask for."""

    slug: str
    titel: str
    soort: str
    organisator: str
    datum: str
    gemeente: str


def event_path(slug: str) -> str:
    return f"{EVENTS.folder}/{slug}.yml"


def refuse_event(root: Path, answers: NewEvent, today: dt.date) -> list[str]:
    """Why these answers cannot be used (file name, soort, organiser, date, municipality),
    before anything is written; one line each, in the words of `make check`."""
    refused = refuse_name(root, answers.slug, event_path)
    messages = [refused] if refused else []
    soorten = load_schema(EVENTS.schema)["properties"]["soort"]["enum"]
    if answers.soort not in soorten:
        messages.append(f"soort: '{answers.soort}' kennen we niet. Kies uit: {', '.join(soorten)}")
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", answers.datum):
        messages.append(f"datum: '{answers.datum}' schrijf je als jaar-maand-dag, zoals 2027-04-17")
    ctx = region_context(root, today)
    data = {
        "organisator": answers.organisator,
        "datum": answers.datum,
        "locatie": {"gemeente": answers.gemeente},
    }
    source = SourceFile(event_path(answers.slug), answers.slug, None)
    rules = (check_organisator_exists, check_datum, check_gemeente_in_region)
    messages += [problem.message for rule in rules for problem in rule(data, source, ctx)]
    return [re.sub(r"^veld '(locatie\.)?([a-z_]+)'", r"\2", message) for message in messages]


def new_event_text(root: Path, answers: NewEvent, today: dt.date) -> str:
    """A commented event: the answers, and NAKIJKEN placeholders that fail 'make check'."""
    return _TEMPLATE.format(
        titel=quoted(answers.titel),
        soort=answers.soort,
        organisator=answers.organisator,
        datum=answers.datum,
        locatie=place_lines(answers.gemeente),
        contact=contact_lines(root, answers.organisator, "het e-mailadres voor deze activiteit"),
        **{name: quoted(placeholder(hint)) for name, hint in _PLACEHOLDERS.items()},
    )


_PLACEHOLDERS = {**PLACE_PLACEHOLDERS, "samenvatting": "één zin over de activiteit"}

_TEMPLATE = """\
# yaml-language-server: $schema=../hooks/sportwijzer/schemas/agenda.schema.json
#
# Nieuwe activiteit in de agenda, gemaakt met 'make nieuw-evenement'.
# Waar NAKIJKEN staat, vul je de echte waarde in: tot dan geeft 'make check' een fout.
# Meer velden, met uitleg, staan in agenda/_voorbeeld.yml. Controleer met 'make check'.
# Tekst met een dubbele punt (:) of een # zet je tussen aanhalingstekens: "Let op: ...".

titel: {titel}  # verplicht: 3 tot 80 tekens
soort: {soort}  # verplicht
organisator: {organisator}  # verplicht: de naam van een bestand in partners/ (zonder .md)
samenvatting: {samenvatting}  # verplicht: één zin, 10 tot 200 tekens
datum: {datum}  # verplicht: de (eerste) dag, jaar-maand-dag
# tot_datum: {datum}  # alleen bij meer dagen: de laatste dag
# tijd: {{van: "13:30", tot: "16:00"}}  # alleen bij één dag; zonder tijd staat er "hele dag"
beperkingen: {beperkingen}
    # verplicht: een lijst uit lichamelijk, rolstoel, visueel, auditief, verstandelijk,
    #   chronisch, psychisch, autisme, nah; of alleen [iedereen]

{locatie}
# aanmelden: {{email: aanmelden@example.org, uiterlijk: {datum}}}  # hoe en tot wanneer
# kosten: {{bedrag: 0}}  # in euro; 0 is gratis

contact:                 # verplicht: minstens één van email, telefoon, website; nu die van de
                         #   organisator: kijk of ze voor deze activiteit kloppen
{contact}
"""
