"""Write a new partner page (`make nieuw-partner`): the answers, and placeholders for the rest.

Like `make nieuw-aanbod`: what only a person knows (website, contact, the text about the partner)
is written as a NAKIJKEN placeholder, which fails `make check` until it is filled in or its line
is taken out, so nothing made up reaches the partner's page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from ..check.datakinds import PARTNERS
from ..check.invulhulp import placeholder
from ..check.schema import load_schema
from ..check.validate import check_partner_gemeente
from ..site import PARTNERS_DIR
from .asking import Check, NewKind, Question
from .nieuw import quoted, refuse_name, region_context, rule_lines

QUESTIONS = (
    Question("slug", "Naam van het bestand (kleine letters en streepjes, zoals zwemclub-de-vliet)"),
    Question("naam", "Naam van de organisatie, zoals Zwemclub De Vliet"),
    Question("soort", "Soort ({soorten})"),
    Question(
        "gemeente", "Gemeente (precies zoals in regio.yml; leeg: in de hele regio)", optional=True
    ),
)


def partner_path(slug: str) -> str:
    return f"{PARTNERS_DIR}/{slug}.md"


def soorten() -> list[str]:
    """The kinds of partner the schema knows, in its order."""
    return list(load_schema(PARTNERS.schema)["properties"]["soort"]["enum"])


def questions() -> tuple[Question, ...]:
    """The questions, the kinds of partner filled in from the schema."""
    return tuple(
        Question(q.name, q.prompt.format(soorten=", ".join(soorten())), q.optional)
        for q in QUESTIONS
    )


def partner_checker(root: Path, today: dt.date) -> Check:
    """What is wrong with one answer of `make nieuw-partner`, before anything is written: file
    name, kind of partner and municipality, in the words of `make check`."""
    ctx = region_context(root, today)
    known = soorten()

    def check(name: str, value: str) -> list[str]:
        if name == "slug":
            return [refused] if (refused := refuse_name(root, value, partner_path)) else []
        if name == "soort" and value not in known:
            return [f"soort: '{value}' kennen we niet. Kies uit: {', '.join(known)}"]
        if name == "gemeente":
            return rule_lines((check_partner_gemeente,), {name: value}, ctx, partner_path("nieuw"))
        return []

    return check


def new_partner_text(root: Path, answers: Mapping[str, str], today: dt.date) -> str:
    """A commented partner page: the answers, and NAKIJKEN placeholders that fail 'make check'."""
    gemeente = answers.get("gemeente", "")
    return _TEMPLATE.format(
        naam=quoted(answers["naam"]),
        soort=answers["soort"],
        soorten=", ".join(soorten()),
        gemeente=f"gemeente: {quoted(gemeente)}{_PLACE}" if gemeente else f"# gemeente:{_NO_PLACE}",
        **{name: quoted(placeholder(hint)) for name, hint in _PLACEHOLDERS.items()},
        **{name: placeholder(hint) for name, hint in _TEXT_HINTS.items()},
    )


_PLACE = "  # precies zoals in regio.yml; weglaten als de partner in de hele regio werkt"
_NO_PLACE = "  # werkt de partner in één gemeente? Haal het eerste # weg en schrijf haar naam"

_PLACEHOLDERS = {
    "website": "de website, die begint met https://",
    "contact_naam": "de contactpersoon voor de samenwerking",
    "email": "het e-mailadres van de partner",
}
# The page's text: what a reader wants to know about a partner, one sentence or two each.
_TEXT_HINTS = {
    "wie": "wie is de partner? Schrijf het in één of twee korte zinnen.",
    "wat": "wat doet de partner in de samenwerking? Bijvoorbeeld welk aanbod of welke hulp.",
}

_TEMPLATE = """\
---
# Nieuwe partner, gemaakt met 'make nieuw-partner'.
# Waar NAKIJKEN staat, vul je de echte waarde in: tot dan geeft 'make check' een fout.
# Heeft de partner iets niet, zoals een website? Haal dan de hele regel weg.
# Meer uitleg staat in partners/_voorbeeld.md. Controleer met 'make check'.
# Tekst met een dubbele punt (:) of een # zet je tussen aanhalingstekens: "Let op: ...".
naam: {naam}  # verplicht
soort: {soort}  # verplicht; kies uit:
  # {soorten}
# rollen: [uitvoerder]  # wat de partner doet; haal het eerste # weg en kies uit:
  # coordinator, financier, uitvoerder, doorverwijzer, kennispartner
{gemeente}
website: {website}
contact:  # geen contactgegevens? Haal dan het hele blok weg
  naam: {contact_naam}
  email: {email}
  # telefoon: "038 123 45 67"  # tussen aanhalingstekens
# Onder de tweede regel met --- staat de tekst voor de pagina van de partner. Je mag Markdown
# gebruiken, zoals **vet**, lijstjes met een streepje en links.
---
{wie}
{wat}
"""


def partner_next_steps(relative: str, answers: Mapping[str, str]) -> list[str]:
    """A partner is there for offers and events: say how to start one of those."""
    slug = answers["slug"]
    return [
        f"Een aanbod van deze partner begin je met 'make nieuw-aanbod AANBIEDER={slug}'.",
        f"Een activiteit begin je met 'make nieuw-evenement ORGANISATOR={slug}'.",
    ]


PARTNER = NewKind(
    "nieuw-partner",
    questions(),
    partner_path,
    partner_checker,
    new_partner_text,
    partner_next_steps,
)
