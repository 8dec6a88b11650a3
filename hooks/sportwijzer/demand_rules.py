"""The rules for demand records (vragen/<slug>.yml): anonymous questions to the regional desk.

Privacy comes first. Before the schema looks at a record, the reader takes out every field that
looks like personal data (naam, e-mail, telefoon, adres, leeftijd, ...) and says why it may not be
there, instead of a bare "onbekend veld"; an exact age and 'iedereen' get their own reason too.
After the schema, the rules below check the date, the gemeente, the sport, the outcome and the
note ('toelichting' is public in git: no e-mail address or phone number in it).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .dates import as_date, nonexistent_date
from .load import SourceFile, read_yaml_file
from .problems import Problem, field_problem
from .validate import Context, Rule, check_gemeente_in_region, check_sport_known
from .vocabulary import IEDEREEN
from .yamlread import Document

DEMAND_FOLDER = "vragen"
GEMATCHT = "gematcht"
DEFAULT_UITKOMST = "open"
LEEFTIJDSGROEPEN = {
    "kind": (0, 12),
    "jongere": (13, 17),
    "volwassene": (18, 64),
    "senior": (65, 200),
}
KNOWN_FIELDS = frozenset(
    ("datum", "gemeente", "beperkingen", "leeftijdsgroep", "sport", "uitkomst", "aanbod")
    + ("toelichting",)
)
_WHY = "een vraag bevat geen persoonsgegevens"
_AGE = "kies een leeftijdsgroep: kind, jongere, volwassene of senior"
_CONTACT = "naam en contactgegevens bewaart het loket zelf, niet in git; haal de regel weg"
_PLACE = "schrijf alleen de gemeente, in 'gemeente'"
# Parts of a field name that mark personal data, with what to do instead; the first match wins
# ('emailadres' is contact, not an address).
_PERSONAL: tuple[tuple[str, str], ...] = (
    ("geboorte", _AGE),
    ("leeftijd", _AGE),
    ("mail", _CONTACT),
    ("telefoon", _CONTACT),
    ("mobiel", _CONTACT),
    ("contact", _CONTACT),
    ("bsn", _CONTACT),
    ("adres", _PLACE),
    ("postcode", _PLACE),
    ("woonplaats", _PLACE),
    ("straat", _PLACE),
    ("huisnummer", _PLACE),
    ("naam", _CONTACT),
    ("ouder", _CONTACT),
    ("moeder", _CONTACT),
    ("vader", _CONTACT),
)
_PERSONAL_EXACT = {"tel": _CONTACT, "gsm": _CONTACT, "email": _CONTACT}
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+|\b)[0-9][0-9 ()./-]{7,}[0-9]")
_PHONE_DIGITS = 9  # a Dutch number has 10 digits; 9 or more in one run is a number with a typo


def personal_advice(key: Any) -> str | None:
    """What to do instead, when a field name that is not in the contract looks like personal
    data; None otherwise."""
    name = str(key)
    if name in KNOWN_FIELDS:
        return None
    compact = re.sub(r"[^a-z]", "", name.lower())
    if compact in _PERSONAL_EXACT:
        return _PERSONAL_EXACT[compact]
    return next((advice for word, advice in _PERSONAL if word in compact), None)


def read_demand_source(root: Path, relative: str) -> tuple[SourceFile | None, list[Problem]]:
    """A demand record, with its personal-data fields taken out and named before the schema
    sees the rest (one reason each, never 'onbekend veld')."""
    document, problems = read_yaml_file(root, relative)
    if document is not None and isinstance(document.data, dict):
        document, more = screen(document, relative)
        problems += more
    return SourceFile(relative, Path(relative).stem, document), problems


def screen(document: Document, path: str) -> tuple[Document, list[Problem]]:
    """Personal data out, with a line each; an exact age and 'iedereen' explained."""
    problems = [
        Problem(path, document.line((key,)), f"veld '{key}' mag hier niet: {_WHY}; {advice}")
        for key in document.data
        if (advice := personal_advice(key)) is not None
    ]
    kept = {k: v for k, v in document.data.items() if personal_advice(k) is None}
    clean = dataclasses.replace(document, data=kept, explained=set(document.explained))
    problems += _exact_age(clean, path) + _iedereen(clean, path)
    return clean, problems


def _exact_age(document: Document, path: str) -> list[Problem]:
    """'leeftijdsgroep: 12' is an exact age: name the group it falls in."""
    value = document.data.get("leeftijdsgroep")
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        return []
    group = next((g for g, (low, high) in LEEFTIJDSGROEPEN.items() if low <= value <= high), "")
    here = f", hier '{group}'" if group else ""
    document.explained.add(("leeftijdsgroep",))
    return [
        field_problem(
            path,
            document.line(("leeftijdsgroep",)),
            "leeftijdsgroep",
            f"{document.text(('leeftijdsgroep',), value)} is een precieze leeftijd, en {_WHY}; "
            f"schrijf de groep: kind (0–12), jongere (13–17), volwassene (18–64) of senior "
            f"(65+){here}",
        )
    ]


def _iedereen(document: Document, path: str) -> list[Problem]:
    """'iedereen' describes an offer, not a person: a question names the impairment asked for."""
    values = document.data.get("beperkingen")
    problems = []
    for index, value in enumerate(values if isinstance(values, list) else []):
        if value == IEDEREEN:
            document.explained.add(("beperkingen", index))
            problems.append(
                field_problem(
                    path,
                    document.line(("beperkingen", index)),
                    "beperkingen",
                    "'iedereen' kan niet bij een vraag: die komt van iemand met een eigen "
                    "beperking; kies er één of meer uit: lichamelijk, rolstoel, visueel, auditief, "
                    "verstandelijk, chronisch, psychisch, autisme, nah",
                )
            )
    return problems


def _at(source: SourceFile, *path: Any) -> int | None:
    return source.document.line(path) if source.document else None


def check_vraag_datum(data: dict[str, Any], source: SourceFile, ctx: Context) -> Iterator[Problem]:
    """'datum' is a real date, the day the question came in: not in the future."""
    value = data.get("datum")
    day = as_date(value)
    line = _at(source, "datum")
    problem = nonexistent_date(source.path, line, "datum", value)
    if problem:
        yield problem
    elif day is not None and day > ctx.today:
        yield field_problem(
            source.path,
            line,
            "datum",
            f"{value} ligt in de toekomst; schrijf de dag waarop de vraag binnenkwam",
        )


def check_vraag_gemeente(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """'gemeente' is a municipality in regio.yml; a village names its municipality."""
    yield from check_gemeente_in_region(data, source, ctx, path=())


def check_aanbod_when_matched(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """A question that was matched ('uitkomst: gematcht') names the offer it was matched to."""
    if data.get("uitkomst") == GEMATCHT and "aanbod" not in data:
        yield Problem(
            source.path,
            1,
            "veld 'aanbod' ontbreekt; bij uitkomst 'gematcht' hoort het aanbod waar de vraag "
            "terechtkwam: schrijf de bestandsnaam uit offers/, zoals 'aanbod: zwemmen-de-spetters'",
        )


def check_toelichting_private(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """'toelichting' holds no e-mail address or phone number: the file is public in git."""
    text = data.get("toelichting")
    if not isinstance(text, str):
        return
    found = []
    if _EMAIL.search(text):
        found.append("een e-mailadres")
    if any(_digits(match.group()) >= _PHONE_DIGITS for match in _PHONE.finditer(text)):
        found.append("een telefoonnummer")
    if found:
        yield field_problem(
            source.path,
            _at(source, "toelichting"),
            "toelichting",
            f"er staat {' en '.join(found)} in, maar een toelichting is openbaar in git; zet er "
            "geen e-mailadres of telefoonnummer in",
        )


def _digits(text: str) -> int:
    return sum(character.isdigit() for character in text)


DEMAND_RULES: tuple[Rule, ...] = (
    check_vraag_datum,
    check_vraag_gemeente,
    check_sport_known,
    check_aanbod_when_matched,
    check_toelichting_private,
)


def demand_offer_problems(sources: list[SourceFile], offers: set[str]) -> list[Problem]:
    """'aanbod' names an existing offer file, offers/<aanbod>.yml (a stopped offer too)."""
    problems = []
    for source in sources:
        data = source.document.fields if source.document else None
        slug = data.get("aanbod") if isinstance(data, dict) else None
        if isinstance(slug, str) and _SLUG.fullmatch(slug) and slug not in offers:
            close = difflib.get_close_matches(slug, sorted(offers), n=1, cutoff=0.6)
            hint = f" Bedoel je '{close[0]}'?" if close else ""
            message = f"er is geen aanbod '{slug}' (offers/{slug}.yml).{hint}"
            problems.append(field_problem(source.path, _at(source, "aanbod"), "aanbod", message))
    return problems
