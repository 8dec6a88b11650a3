"""Record one question to the desk (`make nieuw-vraag`): a few answers, checked before writing.

The answers become vragen/<datum>-<gemeente>-<sport>.yml (with -2, -3 when that name is taken),
judged first by the same schema and rules as `make check`, so that an unknown value is refused
with a suggestion before anything is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from .datakinds import DEMAND
from .demand_rules import DEMAND_RULES, GEMATCHT, demand_offer_problems, screen
from .load import OFFER_SUFFIXES, SourceFile, discover
from .nieuw import quoted, region_context
from .schema import schema_problems
from .slugs import slugify
from .validate import run_rules
from .yamlread import parse_yaml

Ask = Callable[[str], str]
QUESTIONS = (
    ("gemeente", "Gemeente (precies zoals in regio.yml)", True),
    ("beperkingen", "Beperkingen (een of meer, zoals: autisme, verstandelijk)", True),
    ("leeftijdsgroep", "Leeftijdsgroep (kind, jongere, volwassene of senior)", True),
    ("sport", "Sport (uit lijsten/sporten.yml; leeg als de vrager het nog niet weet)", False),
    ("uitkomst", "Uitkomst (open, gematcht, doorverwezen of geen-aanbod; leeg is open)", False),
    ("aanbod", "Aanbod waar de vraag terechtkwam (bestandsnaam uit offers/)", False),
    ("toelichting", "Toelichting (mag leeg; geen naam, e-mailadres of telefoonnummer)", False),
)
NAMES = tuple(name for name, _question, _required in QUESTIONS)


def gather(given: dict[str, str], ask: Ask | None) -> tuple[dict[str, str], list[str]]:
    """The answers: those given, the rest asked (aanbod only when gematcht); without a way to
    ask, the names of the required answers that are missing."""
    answers = {name: given.get(name, "").strip() for name in NAMES}
    missing = []
    for name, question, required in QUESTIONS:
        if answers[name] or (name == "aanbod" and answers["uitkomst"] != GEMATCHT):
            continue
        if ask is not None:
            answers[name] = ask(f"{question}: ").strip()
        elif required:
            missing.append(name)
    return answers, missing


def question_text(answers: dict[str, str], today: dt.date) -> str:
    """The record as YAML: the day it is written, then the answers that were given."""
    beperkingen = [b for b in re.split(r"[\s,\[\]]+", answers["beperkingen"]) if b]
    lines = [
        "# yaml-language-server: $schema=../hooks/sportwijzer/schemas/vragen.schema.json",
        "# Een vraag aan het sportloket, gemaakt met 'make nieuw-vraag'. Geen persoonsgegevens.",
        f"datum: {today.isoformat()}",
        f"gemeente: {quoted(answers['gemeente'])}",
        f"beperkingen: [{', '.join(beperkingen)}]",
        f"leeftijdsgroep: {_plain(answers['leeftijdsgroep'])}",
    ]
    for name in ("sport", "uitkomst", "aanbod", "toelichting"):
        if answers[name]:
            value = quoted(answers[name]) if name == "toelichting" else _plain(answers[name])
            lines.append(f"{name}: {value}")
    return "\n".join(lines) + "\n"


def _plain(value: str) -> str:
    """A word as the coordinator typed it (so that 12 reads as an age), anything else quoted."""
    return value if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value) else quoted(value)


def question_path(root: Path, answers: dict[str, str], today: dt.date) -> str:
    """A free file name: vragen/2026-11-26-kampen-zwemmen.yml, then ...-2.yml, ...-3.yml."""
    parts = [today.isoformat(), slugify(answers["gemeente"]), slugify(answers["sport"]) or "vraag"]
    base = "-".join(part for part in parts if part)
    name, number = base, 2
    while any((root / DEMAND.folder / f"{name}{suffix}").exists() for suffix in DEMAND.suffixes):
        name, number = f"{base}-{number}", number + 1
    return f"{DEMAND.folder}/{name}.yml"


def refuse_question(root: Path, answers: dict[str, str], today: dt.date) -> list[str]:
    """Why these answers cannot be written, one line each in the words of `make check`, with
    'veld' left out: 'sport: 'zwemen' staat niet in lijsten/sporten.yml. Bedoel je ...'."""
    relative = f"{DEMAND.folder}/nieuw.yml"
    document, problems = parse_yaml(question_text(answers, today), relative)
    if document is None:
        return [problem.message for problem in problems]
    ctx = region_context(root, today)
    document, problems = screen(document, relative)
    problems += schema_problems(DEMAND.schema, document, relative, ctx.vocabulary.suggest)
    source = SourceFile(relative, "nieuw", document)
    problems += run_rules(DEMAND_RULES, source, ctx)
    offers = {Path(p).stem for p in discover(root, "offers", OFFER_SUFFIXES)[0]}
    problems += demand_offer_problems([source], offers)
    return [re.sub(r"^veld '([a-z_]+)':? ", r"\1: ", p.message) for p in sorted(problems)]
