"""Write a new event file (`make nieuw-evenement`): the answers, and placeholders for the rest.

Like `make nieuw-aanbod`: what only a person knows is written as a NAKIJKEN placeholder, which
fails `make check` until it is filled in, so nothing made up reaches the agenda or the feed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path

from ..check.datakinds import EVENTS
from ..check.event_checks import check_datum, check_new_event_not_over, check_organisator_exists
from ..check.invulhulp import placeholder
from ..check.schema import load_schema
from ..check.validate import DataCheck, check_gemeente_in_region
from .asking import Check, NewKind, Question
from .nieuw import (
    PLACE_PLACEHOLDERS,
    contact_lines,
    place_lines,
    quoted,
    refuse_name,
    region_context,
    rule_lines,
    slug_value,
)

QUESTIONS = (
    Question(
        "slug", "Naam van het bestand (kleine letters en streepjes, zoals clinic-judo-kampen)"
    ),
    Question("titel", "Titel van de activiteit"),
    Question(
        "soort", "Soort (clinic, kennismaking, toernooi, sportdag, scholing, bijeenkomst, anders)"
    ),
    Question("organisator", "Organisator (een bestandsnaam uit partners/, zonder .md)"),
    Question("datum", "Datum (jaar-maand-dag, zoals 2027-04-17)"),
    Question("gemeente", "Gemeente (precies zoals in regio.yml)"),
)


def event_path(slug: str) -> str:
    return f"{EVENTS.folder}/{slug}.yml"


def event_checker(root: Path, today: dt.date) -> Check:
    """What is wrong with one answer of `make nieuw-evenement`, before anything is written: file
    name, soort, organiser, date and municipality, in the words of `make check`."""
    ctx = region_context(root, today)
    soorten = load_schema(EVENTS.schema)["properties"]["soort"]["enum"]
    rules: dict[str, tuple[DataCheck, ...]] = {
        "organisator": (check_organisator_exists,),
        "datum": (check_datum, check_new_event_not_over),
        "gemeente": (check_gemeente_in_region,),
    }

    def check(name: str, value: str) -> list[str]:
        if name == "slug":
            return [refused] if (refused := refuse_name(root, value, event_path)) else []
        if name == "soort" and value not in soorten:
            return [f"soort: '{value}' kennen we niet. Kies uit: {', '.join(soorten)}"]
        if name == "datum" and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            return [f"datum: '{value}' schrijf je als jaar-maand-dag, zoals 2027-04-17"]
        if name not in rules:
            return []
        data = {"locatie": {"gemeente": value}} if name == "gemeente" else {name: value}
        return rule_lines(rules[name], data, ctx, "agenda/nieuw.yml") + slug_value(name, value)

    return check


def new_event_text(root: Path, answers: Mapping[str, str], today: dt.date) -> str:
    """A commented event: the answers, and NAKIJKEN placeholders that fail 'make check'."""
    return _TEMPLATE.format(
        titel=quoted(answers["titel"]),
        soort=answers["soort"],
        organisator=answers["organisator"],
        datum=answers["datum"],
        locatie=place_lines(answers["gemeente"]),
        contact=contact_lines(root, answers["organisator"], "het e-mailadres voor deze activiteit"),
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


def event_next_steps(relative: str, answers: Mapping[str, str]) -> list[str]:
    """An event ends up in the agenda; a date that is over takes it out again."""
    return ["Na de datum gaat de activiteit vanzelf uit de agenda. Je hoeft niets weg te halen."]


EVENT = NewKind(
    "nieuw-evenement", QUESTIONS, event_path, event_checker, new_event_text, event_next_steps
)
