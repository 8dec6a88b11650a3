"""Write a new offer file (`make nieuw-aanbod`, `make aanbod-uit-issue`) and check it at once."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .load import read_front_matter_file, read_yaml_file
from .problems import Problem, report_lines
from .site import OFFERS_DIR, REGIO_FILE, load_site
from .slugs import SLUG_PATTERN
from .validate import region_centres

QUESTIONS = (
    ("slug", "Naam van het bestand (kleine letters en streepjes, zoals zwemmen-de-vliet)"),
    ("titel", "Titel van het aanbod"),
    ("sport", "Sport (een sleutel uit lijsten/sporten.yml, zoals zwemmen)"),
    ("aanbieder", "Aanbieder (een bestandsnaam uit partners/, zonder .md)"),
    ("gemeente", "Gemeente (precies zoals in regio.yml)"),
)


@dataclass(frozen=True)
class NewOffer:
    """The answers `make nieuw-aanbod` needs: file name and the required fields we ask for."""

    slug: str
    titel: str
    sport: str
    aanbieder: str
    gemeente: str


def offer_path(slug: str) -> str:
    return f"{OFFERS_DIR}/{slug}.yml"


def refuse_name(root: Path, slug: str) -> str | None:
    """Why this file name cannot be used (bad name, file exists), or None when it can."""
    if not SLUG_PATTERN.fullmatch(slug):
        return f"'{slug}' mag alleen kleine letters, cijfers en streepjes bevatten"
    if (root / offer_path(slug)).exists():
        return f"{offer_path(slug)} bestaat al; kies een andere naam"
    return None


def _q(value: str) -> str:
    """A YAML scalar for any text: JSON's double-quoted form is valid YAML."""
    return json.dumps(value, ensure_ascii=False)


def _centre(root: Path, gemeente: str) -> tuple[float, float]:
    """The municipality's point from regio.yml, or the first usable one, as a start."""
    document, _ = read_yaml_file(root, REGIO_FILE)
    centres = region_centres(document.data if document else None)
    usable = [point for point in centres.values() if point is not None]
    return centres.get(gemeente) or (usable[0] if usable else (52.0, 5.5))


def _contact(root: Path, aanbieder: str) -> dict[str, Any]:
    """The partner's contact details as a start, or the regional desk's when there are none."""
    source, _ = read_front_matter_file(root, f"partners/{aanbieder}.md")
    data = source.document.data if source and source.document else {}
    contact = data.get("contact") if isinstance(data, dict) else None
    keys = ("email", "telefoon", "website")
    found = {k: v for k, v in (contact or {}).items() if k in keys and isinstance(v, str)}
    if found:
        return found
    regio, _ = read_yaml_file(root, REGIO_FILE)
    loket = regio.data.get("loket", {}) if regio and isinstance(regio.data, dict) else {}
    return {k: v for k, v in loket.items() if k in keys and isinstance(v, str)} or {
        "email": "info@example.org"
    }


def new_offer_text(root: Path, answers: NewOffer, today: dt.date) -> str:
    """A valid, commented offer: the answers, plus a start for the rest marked NAKIJKEN."""
    lat, lon = _centre(root, answers.gemeente)
    contact = "\n".join(f"  {k}: {_q(v)}" for k, v in _contact(root, answers.aanbieder).items())
    return _TEMPLATE.format(
        titel=_q(answers.titel),
        sport=_q(answers.sport),
        aanbieder=_q(answers.aanbieder),
        samenvatting=_q(f"{answers.titel} in {answers.gemeente}."),
        gemeente=_q(answers.gemeente),
        coordinaten=f"[{lat:.4f}, {lon:.4f}]",
        contact=contact,
        vandaag=today.isoformat(),
    )


_TEMPLATE = """\
# yaml-language-server: $schema=../hooks/sportwijzer/schemas/offer.schema.json
#
# Nieuw aanbod, gemaakt met 'make nieuw-aanbod'.
# Regels met NAKIJKEN zijn alleen een begin: verbeter ze voordat je het aanbod publiceert.
# Meer velden, met uitleg, staan in offers/_voorbeeld.yml. Controleer met 'make check'.
# Tekst met een dubbele punt (:) of een # zet je tussen aanhalingstekens: "Let op: ...".

titel: {titel}  # verplicht: 3 tot 80 tekens
sport: {sport}  # verplicht: een sleutel uit lijsten/sporten.yml
aanbieder: {aanbieder}  # verplicht: de naam van een bestand in partners/ (zonder .md)
beperkingen: [iedereen]  # NAKIJKEN. verplicht: lichamelijk, rolstoel, visueel, auditief,
                         #   verstandelijk, chronisch, psychisch, autisme, nah; of alleen [iedereen]
samenvatting: {samenvatting}  # NAKIJKEN. verplicht: één zin, 10 tot 200 tekens

locatie:                 # verplicht
  naam: "Naam van de plek"      # NAKIJKEN
  adres: "Straat 1"             # NAKIJKEN: straat en huisnummer
  postcode: "1234 AB"           # NAKIJKEN: vier cijfers en twee letters
  plaats: {gemeente}            # NAKIJKEN: de woonplaats
  gemeente: {gemeente}          # precies zoals in regio.yml
  coordinaten: {coordinaten}    # NAKIJKEN: nu het midden van de gemeente; zoek de plek op
                                #   openstreetmap.org en schrijf [breedtegraad, lengtegraad]

contact:                 # verplicht: minstens één van email, telefoon, website
{contact}

laatst_gecontroleerd: {vandaag}  # verplicht: de dag dat je alles hebt nagekeken
"""


def write_and_check(root: Path, relative: str, text: str, today: dt.date) -> list[Problem]:
    """Write the file, then run every check; return the problems of that file only."""
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    result = load_site(root, today=today)
    return [problem for problem in result.problems if problem.path == relative]


def result_lines(relative: str, problems: list[Problem]) -> list[str]:
    """What the coordinator reads: which file was written, its problems, the summary."""
    return [f"Geschreven: {relative}", *report_lines(problems, 1)]
