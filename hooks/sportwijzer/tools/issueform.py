"""Turn the body of a 'Nieuw aanbod' or agenda issue (GitHub's Markdown for a form) into data.

GitHub writes a form as ``### Label``, a blank line and the answer; an empty answer is
``_No response_`` and checkboxes are ``- [X] keuze``. The labels below are the ones in
.github/ISSUE_TEMPLATE/nieuw-aanbod.yml and nieuw-evenement.yml; the tests keep them in step.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from ..base.problems import Problem, field_problem
from ..base.slugs import slugify

NO_RESPONSE = "_No response_"


def modeline(schema: str) -> str:
    """The first line of a data file: which schema the editor checks it against."""
    return f"# yaml-language-server: $schema=../hooks/sportwijzer/schemas/{schema}.schema.json"


MODELINE = modeline("offer")


@dataclass(frozen=True)
class FormField:
    """One question of the form: its label, the field it fills and how its answer is read."""

    label: str
    path: tuple[str, ...]
    kind: str = "text"


FORM_FIELDS: tuple[FormField, ...] = (
    FormField("Naam van het aanbod", ("titel",)),
    FormField("Sport", ("sport",), "slug"),
    FormField("Aanbieder", ("aanbieder",), "slug"),
    FormField("Voor wie is het?", ("beperkingen",), "checkboxes"),
    FormField("Samenvatting", ("samenvatting",)),
    FormField("Beschrijving", ("beschrijving",), "block"),
    FormField("Leeftijd vanaf", ("leeftijd", "min"), "integer"),
    FormField("Leeftijd tot en met", ("leeftijd", "max"), "integer"),
    FormField("Niveau", ("niveau",), "checkboxes"),
    FormField("Vorm", ("vorm",), "choice"),
    FormField("Naam van de plek", ("locatie", "naam")),
    FormField("Adres", ("locatie", "adres")),
    FormField("Postcode", ("locatie", "postcode")),
    FormField("Plaats", ("locatie", "plaats")),
    FormField("Gemeente", ("locatie", "gemeente")),
    FormField("Coördinaten", ("locatie", "coordinaten"), "coordinates"),
    FormField("Dagen en tijden", ("tijden",), "times"),
    FormField("Kosten in euro", ("kosten", "bedrag"), "amount"),
    FormField("Kosten per", ("kosten", "per"), "choice"),
    FormField("Proefles", ("proefles",), "trial"),
    FormField("Toegankelijkheid", ("toegankelijkheid",), "checkboxes"),
    FormField("Ondersteuning", ("ondersteuning",), "checkboxes"),
    FormField("Vervoer", ("vervoer",)),
    FormField("Contactpersoon", ("contact", "naam")),
    FormField("E-mail", ("contact", "email")),
    FormField("Telefoon", ("contact", "telefoon")),
    FormField("Website", ("contact", "website")),
)

# The agenda form (.github/ISSUE_TEMPLATE/nieuw-evenement.yml).
EVENT_FORM_FIELDS: tuple[FormField, ...] = (
    FormField("Naam van de activiteit", ("titel",)),
    FormField("Soort", ("soort",), "choice"),
    FormField("Organisator", ("organisator",), "slug"),
    FormField("Samenvatting", ("samenvatting",)),
    FormField("Beschrijving", ("beschrijving",), "block"),
    FormField("Datum", ("datum",), "date"),
    FormField("Laatste dag", ("tot_datum",), "date"),
    FormField("Begintijd", ("tijd", "van"), "clock"),
    FormField("Eindtijd", ("tijd", "tot"), "clock"),
    FormField("Sport", ("sport",), "slug"),
    FormField("Voor wie is het?", ("beperkingen",), "checkboxes"),
    FormField("Voor wie nog meer?", ("doelgroep",), "checkboxes"),
    *(field for field in FORM_FIELDS if field.path[0] == "locatie"),
    FormField("Aanmelden via website", ("aanmelden", "url")),
    FormField("Aanmelden via e-mail", ("aanmelden", "email")),
    FormField("Aanmelden via telefoon", ("aanmelden", "telefoon")),
    FormField("Aanmelden kan tot en met", ("aanmelden", "uiterlijk"), "date"),
    FormField("Kosten in euro", ("kosten", "bedrag"), "amount"),
    *(field for field in FORM_FIELDS if field.path[0] in ("toegankelijkheid", "ondersteuning")),
    *(field for field in FORM_FIELDS if field.path[0] in ("vervoer", "contact")),
)

LABELS = {field.label: field for field in FORM_FIELDS}
TRIAL_CHOICES: dict[str, Any] = {
    "Ja, gratis": {"gratis": True},
    "Ja, niet gratis": {"gratis": False},
    "Nee": None,
}
OP_AFSPRAAK = "op afspraak"

_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$", re.MULTILINE)
_CHECKED = re.compile(r"^\s*[-*]\s+\[[xX]\]\s+(.+?)\s*$", re.MULTILINE)
_TIME = r"[0-9]{1,2}[:.][0-9]{2}"
_TIMES_LINE = re.compile(
    rf"^(?P<dag>[A-Za-z]+)\s+(?P<van>{_TIME})\s*(?:-|–|tot)\s*(?P<tot>{_TIME})\s*(?P<rest>.*)$"
)
_NUMBER = r"-?[0-9]+(?:\.[0-9]+)?"
_COORDINATES = re.compile(rf"\[?\s*({_NUMBER})\s*(?:[,;]\s*|\s+)({_NUMBER})\s*\]?")


def sections(body: str, fields: tuple[FormField, ...] = FORM_FIELDS) -> dict[str, str]:
    """Answer per label of the form, read from the form's own headings only.

    HTML comments are left out first (GitHub does not show them, so a heading in one must not
    count). GitHub writes the questions in the order of the form, so the headings are read from
    the last question back, each before the one found after it: a heading with a form label that
    someone typed inside an answer stays in that answer and never replaces a field."""
    body = without_comments(body.replace("\r\n", "\n"))
    labels = {field.label for field in fields}
    found = [m for m in _HEADING.finditer(body) if m.group(1) in labels]
    answers: dict[str, str] = {}
    end = len(body)
    for form_field in reversed(fields):
        match = _last_before(found, form_field.label, end)
        if match is None:
            continue
        answer = body[match.end() : end].strip("\n").rstrip()
        answers[form_field.label] = "" if answer.strip() == NO_RESPONSE else answer.strip("\n")
        end = match.start()
    return answers


def _last_before(found: list[re.Match[str]], label: str, end: int) -> re.Match[str] | None:
    """The last heading with this label that ends before `end`."""
    return next((m for m in reversed(found) if m.group(1) == label and m.end() <= end), None)


def without_comments(text: str) -> str:
    """HTML comments left out (an unclosed one runs to the end, as in HTML); linear time."""
    parts, start = [], 0
    while (opened := text.find("<!--", start)) >= 0:
        closed = text.find("-->", opened + 4)
        parts.append(text[start:opened])
        start = len(text) if closed < 0 else closed + 3
    return "".join(parts) + text[start:]


def form_headings(body: str) -> int:
    """How many headings of either form the body has (none: this is no issue from a form)."""
    labels = {field.label for field in (*FORM_FIELDS, *EVENT_FORM_FIELDS)}
    text = without_comments(body.replace("\r\n", "\n"))
    return sum(1 for m in _HEADING.finditer(text) if m.group(1) in labels)


def choice_key(text: str) -> str:
    """'visueel (blind of slechtziend)' -> 'visueel': the key stands before the explanation."""
    return text.split(" (", 1)[0].strip()


def _checkboxes(text: str) -> list[str] | None:
    chosen = [choice_key(label) for label in _CHECKED.findall(text)]
    return chosen or None


def _integer(text: str) -> Any:
    """Whole years as a number; anything else stays text, so the check names it."""
    text = text.strip()
    return int(text) if re.fullmatch(r"[0-9]{1,3}", text) else text


def _amount(text: str) -> Any:
    """'€ 42,50' -> 42.5; anything that is no amount stays text, so the check names it."""
    plain = text.replace("€", "").replace("euro", "").strip().replace(",", ".")
    if not re.fullmatch(r"[0-9]+(\.[0-9]{1,2})?", plain):
        return text.strip()
    number = float(plain)
    return int(number) if number.is_integer() and "." not in plain else number


def _coordinates(text: str) -> Any:
    """'52.5230, 6.0790' -> [52.523, 6.079]; anything else stays text, so the check names it."""
    match = _COORDINATES.fullmatch(text.strip())
    if match is None:
        return text.strip()
    return [float(match[1]), float(match[2])]


def _trial(text: str) -> Any:
    return TRIAL_CHOICES.get(text.strip(), text.strip())


def _clock(text: str) -> str:
    """'9.00' -> '09:00'."""
    hours, minutes = re.split(r"[:.]", text)
    return f"{int(hours):02d}:{minutes}"


def _time(text: str) -> str:
    """'13.30' or '13:30 uur' -> '13:30'; anything else stays text, so the check names it."""
    match = re.fullmatch(rf"({_TIME})(?:\s*uur)?", text.strip())
    return _clock(match[1]) if match else text.strip()


def _date(text: str) -> Any:
    """'17-04-2027', '17-4-2027' or '2027-04-17' -> a date; anything else stays text, so the
    check names it."""
    text = text.strip()
    day_first = re.fullmatch(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})", text)
    parts = (day_first[3], day_first[2], day_first[1]) if day_first else text.split("-")
    try:
        return dt.date(*(int(part) for part in parts))
    except (TypeError, ValueError):
        return text


def time_slot(line: str) -> dict[str, str] | None:
    """'zaterdag 9:00-10:00 niet in de vakantie' -> {dag, van, tot, toelichting}; or None."""
    match = _TIMES_LINE.fullmatch(line.strip())
    if match is None:
        return None
    slot = {"dag": match["dag"].lower(), "van": _clock(match["van"]), "tot": _clock(match["tot"])}
    rest = match["rest"].strip(" ,;:-()")
    if rest:
        slot["toelichting"] = rest
    return slot


READERS: dict[str, Callable[[str], Any]] = {
    "text": lambda text: " ".join(text.split()),
    "block": lambda text: text.strip() + "\n",
    "slug": slugify,
    "choice": lambda text: choice_key(text),
    "checkboxes": _checkboxes,
    "integer": _integer,
    "amount": _amount,
    "coordinates": _coordinates,
    "trial": _trial,
    "date": _date,
    "clock": _time,
}


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def _times(text: str, source: str, data: dict[str, Any]) -> list[Problem]:
    """One slot per line, or 'op afspraak'; a line that is neither is a problem."""
    slots: list[dict[str, str]] = []
    problems: list[Problem] = []
    for line in filter(str.strip, text.splitlines()):
        slot = time_slot(line)
        if slot is not None:
            slots.append(slot)
        elif OP_AFSPRAAK in line.lower():
            data["op_afspraak"] = True
        else:
            problems.append(field_problem(source, None, "tijden", _BAD_TIMES.format(line=line)))
    if slots:
        data["tijden"] = slots
    return problems


_BAD_TIMES = (
    "'{line}' begrijp ik niet; schrijf per regel een dag en de tijden, zoals "
    "'zaterdag 09:00-10:00', of schrijf 'op afspraak'"
)


def offer_data(
    answers: dict[str, str], source: str, today: dt.date
) -> tuple[dict[str, Any], list[Problem]]:
    """The offer's fields in the order of the form, and the day it was checked."""
    data, problems = form_data(FORM_FIELDS, answers, source)
    data["laatst_gecontroleerd"] = today
    return data, problems


def form_data(
    fields: tuple[FormField, ...], answers: dict[str, str], source: str
) -> tuple[dict[str, Any], list[Problem]]:
    """The fields in the order of the form; empty answers are left out."""
    data: dict[str, Any] = {}
    problems: list[Problem] = []
    for form_field in fields:
        text = answers.get(form_field.label, "")
        if not text.strip():
            continue
        if form_field.kind == "times":
            problems += _times(text, source, data)
            continue
        value = READERS[form_field.kind](text)
        if value is not None and value != "":
            _put(data, form_field.path, value)
    return data, problems


def offer_from_issue(
    body: str, source: str, today: dt.date
) -> tuple[dict[str, Any], list[Problem]]:
    """The offer data an issue body describes, with the problems of reading it."""
    return offer_data(sections(body), source, today)


def event_from_issue(body: str, source: str) -> tuple[dict[str, Any], list[Problem]]:
    """The event data an agenda issue body describes, with the problems of reading it."""
    return form_data(EVENT_FORM_FIELDS, sections(body, EVENT_FORM_FIELDS), source)


class _Dumper(yaml.SafeDumper):
    """Written the way offers/_voorbeeld.yml is: short lists as [a, b], times in quotes."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    """A | block for text with line breaks; times and phone numbers between quotes."""
    style = "|" if "\n" in value else None
    if re.fullmatch(r"[0-9][0-9 :+()-]*", value):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
    """A list of plain values on one line, like [lichamelijk, visueel]."""
    flow = all(not isinstance(item, (dict, list)) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(list, _represent_list)


def data_yaml(data: dict[str, Any], source: str, schema: str, command: str) -> str:
    """A data file's text: the editor modeline, where it came from, then the fields."""
    fields = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2
    )
    header = [modeline(schema), f"# Gemaakt uit {source} met 'make {command}'. Kijk alles na.", ""]
    return "\n".join(header) + fields
