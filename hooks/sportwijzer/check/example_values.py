"""Values copied from a commented example (offers/_voorbeeld.yml, agenda/_voorbeeld.yml,
partners/_voorbeeld.md) into a real data file. They are made up, so they are refused like a
NAKIJKEN placeholder (check/invulhulp.py): one line a field, saying it is the example's and what to
write instead, and nothing else said about that field.

The examples are read when the data is checked, so an edited example keeps working. Only the
values that describe one real place or person count (address, postcode, coordinates, contact,
summary, description); a sport, a day or 'Zwolle' may well be true of a real offer too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..base.problems import Problem, field_problem
from .datakinds import EVENTS, OFFERS, PARTNERS, DataKind
from .load import SourceFile
from .yamlread import value_at

EXAMPLE_STEM = "_voorbeeld"
MIN_WORDS = 8  # a line of an example's text this long is the example's, not a common phrase
SHOWN = 50  # characters of a long text quoted in the line

_OTHER = ", of haal het veld weg"
_REAL = "schrijf het echte {what}" + _OTHER
# Field path -> what to write instead. Offers and events share their fields' names.
OFFER_FIELDS: dict[tuple[str, ...], str] = {
    ("samenvatting",): "schrijf in één eigen zin wat er te doen is",
    ("beschrijving",): "schrijf je eigen uitleg" + _OTHER,
    ("locatie", "adres"): "schrijf de straat en het huisnummer van de plek",
    ("locatie", "postcode"): "schrijf de postcode van de plek",
    ("locatie", "coordinaten"): (
        "zoek de plek op openstreetmap.org en schrijf [breedtegraad, lengtegraad]"
    ),
    ("contact", "naam"): "schrijf de naam van de echte contactpersoon" + _OTHER,
    ("contact", "email"): _REAL.format(what="e-mailadres"),
    ("contact", "telefoon"): _REAL.format(what="telefoonnummer"),
    ("contact", "website"): _REAL.format(what="webadres"),
    ("vervoer",): "schrijf hoe je er echt komt" + _OTHER,
    ("toegankelijkheid_toelichting",): "schrijf wat er op deze plek echt is" + _OTHER,
}
EVENT_FIELDS = {
    **OFFER_FIELDS,
    ("aanmelden", "email"): _REAL.format(what="e-mailadres"),
    ("aanmelden", "url"): _REAL.format(what="webadres"),
    ("aanmelden", "telefoon"): _REAL.format(what="telefoonnummer"),
}
PARTNER_FIELDS: dict[tuple[str, ...], str] = {
    ("website",): _REAL.format(what="webadres"),
    ("contact", "naam"): OFFER_FIELDS[("contact", "naam")],
    ("contact", "email"): _REAL.format(what="e-mailadres"),
    ("contact", "telefoon"): _REAL.format(what="telefoonnummer"),
}
PARTNER_TEXT = "schrijf in een paar zinnen wie jullie zijn en wat jullie doen"
TEXTS = frozenset({("beschrijving",)})  # Markdown: one of its lines is enough


@dataclass(frozen=True)
class Checked:
    """One kind of data with its example and the example's fields."""

    kind: DataKind
    suffix: str
    fields: dict[tuple[str, ...], str]


CHECKED = (
    Checked(OFFERS, ".yml", OFFER_FIELDS),
    Checked(EVENTS, ".yml", EVENT_FIELDS),
    Checked(PARTNERS, ".md", PARTNER_FIELDS),
)


def example_path(checked: Checked) -> str:
    """Where a kind's commented example lives: offers/_voorbeeld.yml."""
    return f"{checked.kind.folder}/{EXAMPLE_STEM}{checked.suffix}"


def read_example(root: Path, checked: Checked) -> SourceFile | None:
    """The example as its kind reads a file, or None when it is missing or unreadable."""
    relative = example_path(checked)
    if not (root / relative).is_file():
        return None
    source, _ = checked.kind.reader(root, relative)  # the example's own mistakes are not ours
    if source is None or source.document is None or not isinstance(source.document.fields, dict):
        return None
    return source


def example_value_problems(root: Path, found: dict[str, list[SourceFile]]) -> list[Problem]:
    """Every value in a real data file that is its kind's example's, at its own line."""
    problems: list[Problem] = []
    for checked in CHECKED:
        example = read_example(root, checked)
        if example is None:
            continue
        assert example.document is not None
        known = {path: _known(value_at(example.document.fields, path)) for path in checked.fields}
        body = _known(example.body) if checked.kind is PARTNERS else None
        for source in found.get(checked.kind.name, []):
            problems += _copied(source, checked, known, body)
    return problems


@dataclass(frozen=True)
class Known:
    """One value of an example as it is compared, with its longer lines (plain, as written)."""

    value: Any
    lines: tuple[tuple[str, str], ...] = ()


def _known(value: Any) -> Known | None:
    if isinstance(value, list):
        return Known(_point(value))
    if not isinstance(value, str) or not value.strip():
        return None
    long = [line.strip() for line in value.splitlines() if len(line.split()) >= MIN_WORDS]
    lines = tuple((_plain(line), line) for line in long)
    return Known(_plain(value), lines)


def _copied(
    source: SourceFile,
    checked: Checked,
    known: dict[tuple[str, ...], Known | None],
    body: Known | None,
) -> list[Problem]:
    """The fields of `source` that hold the example's value."""
    if source.document is None or not isinstance(source.document.fields, dict):
        return []
    where = example_path(checked)
    problems = []
    for path, hint in checked.fields.items():
        theirs = value_at(source.document.fields, path)
        match = _same(theirs, known[path], path in TEXTS)
        if match is not None:
            written = source.document.text(path, theirs)
            shown = match or (written if isinstance(theirs, list) else _quoted(written))
            text = f"{shown} komt uit het voorbeeld ({where}); {hint}"
            name = ".".join(path)
            problems.append(field_problem(source.path, source.document.line(path), name, text))
    match = _same(source.body, body, True) if source.body else None
    if match is not None:
        shown = match or _quoted(source.body)
        text = f"de tekst onder de velden: {shown} komt uit het voorbeeld ({where}); {PARTNER_TEXT}"
        problems.append(Problem(source.path, source.body_line, text))
    return problems


def _same(value: Any, known: Known | None, text: bool) -> str | None:
    """'' when `value` is the example's value; for a text, 'de regel ...' when it holds one of
    the example's longer lines; None when it is the coordinator's own."""
    if value is None or known is None or known.value is None:
        return None
    if isinstance(value, list):
        return "" if _point(value) == known.value else None
    if not isinstance(value, str):
        return None
    plain = _plain(value)
    if plain == known.value:
        return ""
    for line, written in known.lines if text else ():
        if line in plain:
            return f"de regel {_quoted(written)}"
    return None


def _plain(text: str) -> str:
    """A value as compared: case, spaces and the punctuation of phone numbers aside."""
    compact = " ".join(text.split()).casefold()
    digits = re.sub(r"[\s()+-]", "", compact) if len(compact) <= 30 else ""
    return digits if digits.isdigit() else compact


def _point(value: list[Any]) -> tuple[float, ...] | None:
    numbers = [v for v in value if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if len(numbers) != len(value):
        return None
    try:
        return tuple(round(float(v), 5) for v in numbers)
    except OverflowError:  # an integer of 400 digits is no copied coordinate
        return None


def _quoted(text: str) -> str:
    one_line = " ".join(text.split())
    if len(one_line) > SHOWN:
        one_line = one_line[:SHOWN].rsplit(" ", 1)[0] + " …"  # whole words
    return f"'{one_line}'"


def settle_example_values(problems: list[Problem], found: Iterable[Problem]) -> list[Problem]:
    """The example-value problems, instead of what else was said about those same fields."""
    found = list(found)
    covered = {(p.path, p.line, p.message.split(":", 1)[0]) for p in found}
    kept = [p for p in problems if (p.path, p.line, p.message.split(":", 1)[0]) not in covered]
    return kept + found
