"""Write a new offer file (`make nieuw-aanbod`, `make aanbod-uit-issue`) and check it at once."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..base.problems import Problem, errors, report_lines
from ..base.slugs import SLUG_PATTERN
from ..check.invulhulp import placeholder
from ..check.load import (
    PARTNER_SUFFIXES,
    SourceFile,
    discover,
    read_front_matter_file,
    read_yaml_file,
)
from ..check.validate import (
    Context,
    DataCheck,
    check_aanbieder_exists,
    check_gemeente_in_region,
    check_sport_known,
    region_centres,
    region_places,
)
from ..check.vocabulary_load import load_vocabulary
from ..site import OFFERS_DIR, PARTNERS_DIR, REGIO_FILE, load_site
from .asking import Check, NewKind, Question

QUESTIONS = (
    Question("slug", "Naam van het bestand (kleine letters en streepjes, zoals zwemmen-de-vliet)"),
    Question("titel", "Titel van het aanbod"),
    Question("sport", "Sport (een sleutel uit lijsten/sporten.yml, zoals zwemmen)"),
    Question("aanbieder", "Aanbieder (een bestandsnaam uit partners/, zonder .md)"),
    Question("gemeente", "Gemeente (precies zoals in regio.yml)"),
)


def offer_path(slug: str) -> str:
    return f"{OFFERS_DIR}/{slug}.yml"


MAX_SLUG = 80  # a title has at most 80 characters; a file name longer than that is a mistake


def refuse_name(root: Path, slug: str, path_of: Callable[[str], str] = offer_path) -> str | None:
    """Why this file name cannot be used (bad name, too long, a symlink, file exists, outside its
    folder), or None when it can."""
    if not SLUG_PATTERN.fullmatch(slug):
        return f"'{slug}' mag alleen kleine letters, cijfers en streepjes bevatten"
    if len(slug) > MAX_SLUG:
        return _TOO_LONG.format(start=slug[:40], length=len(slug), most=MAX_SLUG)
    relative = path_of(slug)
    if (root / relative).is_symlink():
        return f"{relative} is een snelkoppeling (symlink); haal hem weg of kies een andere naam"
    if (root / relative).exists():
        return f"{relative} bestaat al; kies een andere naam"
    if not inside_folder(root, relative):
        return f"{relative} komt via een snelkoppeling (symlink) buiten de map van de site terecht"
    return None


_TOO_LONG = (
    "de naam '{start}…' is te lang ({length} tekens, hoogstens {most}); "
    "geef een kortere naam mee met SLUG=..."
)


def inside_folder(root: Path, relative: str) -> bool:
    """Does `relative` (folder/name) really end up in that folder of the site, symlinks followed?"""
    folder = os.path.join(os.path.realpath(root), relative.split("/", 1)[0])
    return os.path.dirname(os.path.realpath(root / relative)) == folder


def quoted(value: str) -> str:
    """A YAML scalar for any text: JSON's double-quoted form is valid YAML."""
    return json.dumps(value, ensure_ascii=False)


def region_context(root: Path, today: dt.date) -> Context:
    """What the rules need to judge answers before a file exists: region, lists, partners."""
    document, _ = read_yaml_file(root, REGIO_FILE)
    regio = document.data if document else None
    ctx = Context(load_vocabulary(root)[0], today, root=root)
    ctx.gemeenten, ctx.plaatsen = region_centres(regio), region_places(regio)
    ctx.partners = {Path(p).stem for p in discover(root, PARTNERS_DIR, PARTNER_SUFFIXES)[0]}
    return ctx


def offer_checker(root: Path, today: dt.date) -> Check:
    """What is wrong with one answer of `make nieuw-aanbod`, before anything is written: the file
    name, and the sport, partner and municipality as `make check` would judge them."""
    ctx = region_context(root, today)
    rules: dict[str, tuple[DataCheck, ...]] = {
        "sport": (check_sport_known,),
        "aanbieder": (check_aanbieder_exists,),
        "gemeente": (check_gemeente_in_region,),
    }

    def check(name: str, value: str) -> list[str]:
        if name == "slug":
            return [refused] if (refused := refuse_name(root, value)) else []
        if name not in rules:
            return []
        data = {"locatie": {"gemeente": value}} if name == "gemeente" else {name: value}
        return rule_lines(rules[name], data, ctx, "offers/nieuw.yml") + slug_value(name, value)

    return check


def rule_lines(
    rules: tuple[DataCheck, ...], data: dict[str, Any], ctx: Context, path: str
) -> list[str]:
    """The rules' errors about one answer, starting with the field's own name ('sport: ...');
    a warning does not stop a file from being written, just as it does not fail `make check`."""
    source = SourceFile(path, Path(path).stem, None)
    problems = [problem for rule in rules for problem in rule(data, source, ctx)]
    messages = [problem.message for problem in problems if problem.is_error]
    return [re.sub(r"^veld '(locatie\.)?([a-z_]+)'", r"\2", message) for message in messages]


def slug_value(name: str, value: str) -> list[str]:
    """A value that names a file or a list key (sport, aanbieder, organisator) is a slug."""
    if name in ("sport", "aanbieder", "organisator") and not SLUG_PATTERN.fullmatch(value):
        return [f"{name}: '{value}' mag alleen kleine letters, cijfers en streepjes bevatten"]
    return []


def contact_lines(root: Path, partner: str, hint: str) -> str:
    """The partner's contact details as indented YAML lines, or a placeholder when it has none."""
    source, _ = read_front_matter_file(root, f"{PARTNERS_DIR}/{partner}.md")
    data = source.document.data if source and source.document else {}
    contact = data.get("contact") if isinstance(data, dict) else None
    keys = ("email", "telefoon", "website")
    found = {k: v for k, v in (contact or {}).items() if k in keys and isinstance(v, str)}
    found = found or {"email": placeholder(hint)}
    return "\n".join(f"  {key}: {quoted(value)}" for key, value in found.items())


def new_offer_text(root: Path, answers: Mapping[str, str], today: dt.date) -> str:
    """A commented offer: the answers, and NAKIJKEN placeholders that fail 'make check' until a
    person fills them in (nothing made up may reach the site)."""
    return _TEMPLATE.format(
        titel=quoted(answers["titel"]),
        sport=quoted(answers["sport"]),
        aanbieder=quoted(answers["aanbieder"]),
        contact=contact_lines(root, answers["aanbieder"], "het e-mailadres voor dit aanbod"),
        locatie=place_lines(answers["gemeente"]),
        vandaag=today.isoformat(),
        **{
            name: quoted(placeholder(hint.format(vandaag=today)))
            for name, hint in _PLACEHOLDERS.items()
        },
    )


# What only a person knows about who it is for and where: the same for offers and events.
PLACE_PLACEHOLDERS = {
    "beperkingen": "voor wie is het? Schrijf een lijst, zoals [lichamelijk, visueel]",
    "naam": "de naam van de plek, zoals Sporthal De Reeve",
    "adres": "straat en huisnummer",
    "postcode": "vier cijfers en twee letters, zoals 8021 AB",
    "plaats": "de woonplaats",
    "coordinaten": "zoek de plek op openstreetmap.org",
}
_PLACE_BLOCK = """\
locatie:                 # verplicht
  naam: {naam}
  adres: {adres}
  postcode: {postcode}
  plaats: {plaats}
  gemeente: {gemeente}          # precies zoals in regio.yml
  coordinaten: {coordinaten}
    # schrijf [breedtegraad, lengtegraad], zoals [52.5230, 6.0790]
"""


def place_lines(gemeente: str) -> str:
    """The 'locatie' group of a new file: the municipality given, placeholders for the rest."""
    values = {name: quoted(placeholder(hint)) for name, hint in PLACE_PLACEHOLDERS.items()}
    return _PLACE_BLOCK.format(**{**values, "gemeente": quoted(gemeente)})


_PLACEHOLDERS = {
    **PLACE_PLACEHOLDERS,
    "samenvatting": "één zin over het aanbod",
    "laatst_gecontroleerd": "de dag dat je alles met de aanbieder hebt nagekeken, zoals {vandaag}",
}

_TEMPLATE = """\
# yaml-language-server: $schema=../hooks/sportwijzer/schemas/offer.schema.json
#
# Nieuw aanbod, gemaakt met 'make nieuw-aanbod'.
# Waar NAKIJKEN staat, vul je de echte waarde in: tot dan geeft 'make check' een fout.
# Meer velden, met uitleg, staan in offers/_voorbeeld.yml. Controleer met 'make check'.
# Tekst met een dubbele punt (:) of een # zet je tussen aanhalingstekens: "Let op: ...".

titel: {titel}  # verplicht: 3 tot 80 tekens
sport: {sport}  # verplicht: een sleutel uit lijsten/sporten.yml
aanbieder: {aanbieder}  # verplicht: de naam van een bestand in partners/ (zonder .md)
beperkingen: {beperkingen}
    # verplicht: een lijst uit lichamelijk, rolstoel, visueel, auditief, verstandelijk,
    #   chronisch, psychisch, autisme, nah; of alleen [iedereen]
samenvatting: {samenvatting}  # verplicht: één zin, 10 tot 200 tekens

{locatie}
contact:                 # verplicht: minstens één van email, telefoon, website; nu die van de
                         #   aanbieder: kijk of ze voor dit aanbod kloppen
{contact}

laatst_gecontroleerd: {laatst_gecontroleerd}
    # verplicht: jaar-maand-dag, zoals {vandaag}
"""


def write_and_check(root: Path, relative: str, text: str, today: dt.date) -> list[Problem]:
    """Write the new file, then run every check; return the problems of that file only."""
    write_new(root, relative, text)
    result = load_site(root, today=today)
    return [problem for problem in result.problems if problem.path == relative]


def write_new(root: Path, relative: str, text: str) -> None:
    """Create the file in its folder: never through a symlink, never over an existing file
    (O_EXCL and O_NOFOLLOW), never outside the folder; an OSError says why not."""
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    if not inside_folder(root, relative):
        raise OSError(errno.EXDEV, "buiten de map van de site", relative)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(root / relative, flags, 0o644), "w", encoding="utf-8") as handle:
        handle.write(text)


def result_lines(relative: str, problems: list[Problem]) -> list[str]:
    """What the coordinator reads: which file was written, its problems, the summary."""
    return [f"Geschreven: {relative}", *report_lines(problems, 1)]


def next_steps(relative: str, problems: list[Problem], *more: str) -> list[str]:
    """What to do after `make nieuw-…` wrote its file, in the order a coordinator does it."""
    steps = [_FIX.format(relative=relative)] if errors(problems) else []
    steps += [_CHECK, *more, _PULL_REQUEST]
    return ["Zo ga je verder:", *(f"{number}. {step}" for number, step in enumerate(steps, 1))]


_FIX = "Open {relative} en los de fouten hierboven op: vul in waar NAKIJKEN staat."
_CHECK = "Controleer met 'make check'. Staat er geen fout meer bij dit bestand? Dan is het klaar."
_PULL_REQUEST = "Maak een pull request, zoals op de pagina 'Zo werk je het aanbod bij' staat."


def offer_next_steps(relative: str, answers: Mapping[str, str]) -> list[str]:
    """Nothing to add for an offer: the common steps say it all."""
    return []


OFFER = NewKind(
    "nieuw-aanbod", QUESTIONS, offer_path, offer_checker, new_offer_text, offer_next_steps
)
