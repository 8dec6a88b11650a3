"""The rules for a demand record: one row of the desk's register (check/demand_register.py), one
question to the regional desk. The register stays outside git; only its protected counts go in
(vragen/telling.yml).

Before the schema looks at a row, an exact age and 'iedereen' get their own reason. After the
schema, the rules below check the date, the gemeente, the sport and the outcome. Only the columns
of the contract are read: 'toelichting' and any other column are the desk's own notes.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterator
from typing import Any

from ..base.dates import as_date, nonexistent_date
from ..base.problems import Problem, field_problem
from ..base.vocabulary import IEDEREEN
from .load import SourceFile
from .validate import Context, DataCheck, check_gemeente_in_region, check_sport_known
from .yamlread import Document

GEMATCHT = "gematcht"
DEFAULT_UITKOMST = "open"
LEEFTIJDSGROEPEN = {
    "kind": (0, 12),
    "jongere": (13, 17),
    "volwassene": (18, 64),
    "senior": (65, 200),
}
_WHY = "een vraag bevat geen persoonsgegevens"
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def screen(document: Document, path: str) -> tuple[Document, list[Problem]]:
    """An exact age and 'iedereen' explained before the schema sees them (one line each)."""
    clean = dataclasses.replace(document, explained=set(document.explained))
    return clean, _exact_age(clean, path) + _iedereen(clean, path)


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


def check_vraag_datum(data: dict[str, Any], source: SourceFile, ctx: Context) -> Iterator[Problem]:
    """'datum' is a real date, the day the question came in: not in the future."""
    value = data.get("datum")
    day = as_date(value)
    line = source.line("datum")
    written = source.document.text(("datum",), value) if source.document else str(value)
    problem = nonexistent_date(source.path, line, "datum", value)
    if problem:  # in the register's own notation: '30-02-2026', not '2026-02-30'
        yield dataclasses.replace(problem, message=problem.message.replace(str(value), written))
    elif day is not None and day > ctx.today:
        yield field_problem(
            source.path,
            line,
            "datum",
            f"{written} ligt in de toekomst; schrijf de dag waarop de vraag binnenkwam",
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


DEMAND_CHECKS: tuple[DataCheck, ...] = (
    check_vraag_datum,
    check_vraag_gemeente,
    check_sport_known,
    check_aanbod_when_matched,
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
            problems.append(field_problem(source.path, source.line("aanbod"), "aanbod", message))
    return problems
