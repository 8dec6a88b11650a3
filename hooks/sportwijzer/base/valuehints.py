"""What a coordinator meant by a refused value, and what to type instead.

Each rule reads one kind of mistake (`leeftijd: 18+`, `proefles: nee`, `email: mailto:...`) and
returns the whole message text after "veld 'x': ", or None when it does not recognise the value.
The schema's own wording (check/schema.py) is the fallback.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .textrules import email_mistake

_TRUE = {"ja", "yes", "y", "on", "waar", "wel"}
_FALSE = {"nee", "no", "n", "off", "onwaar", "niet"}
_PER = ("keer", "maand", "kwartaal", "seizoen", "jaar")

_AGE_FORMS = [
    (re.compile(r"(\d+) *(?:-|–|t/m|tot en met) *(\d+)(?: *jaar)?"), "{{min: {0}, max: {1}}}"),
    (re.compile(r"(?:vanaf|v\.?a\.?) *(\d+)(?: *jaar)?(?: en ouder)?"), "{{min: {0}}}"),
    (re.compile(r"(\d+) *(?:\+|jaar\+|(?:jaar )?en ouder)"), "{{min: {0}}}"),
    (re.compile(r"(?:t/m|tot en met|max\.?|maximaal) *(\d+)(?: *jaar)?"), "{{max: {0}}}"),
    (re.compile(r"(\d+)(?: *jaar)?"), "{{min: {0}}}"),
]
# 'tot 12' leaves 12 out, as 'tot en met 12' does not; a coordinator may mean either
_AGE_UNTIL = re.compile(r"(?:(?:van *)?(\d+) *)?tot *(\d+)(?: *jaar)?")
_AMOUNT = re.compile(r"(?:€|eur|euro)? *(\d+)(?:[.,](\d{1,2}|-{1,2}))? *(?:€|eur|euro)?")
_PER_PART = re.compile(r" *(?:per|p/|/) *(" + "|".join(_PER) + r")$")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?", re.IGNORECASE)
_DAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
_TIMES = re.compile(
    rf"({_DAYS}) *(\d{{1,2}}[:.]\d{{2}}) *(?:-|–|tot) *(\d{{1,2}}[:.]\d{{2}})(?: *uur)?"
)
# The schemas' patterns for a date and a time of day: a field with one of them gets the hint.
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$"
_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?(?: *uur)?")


@dataclass(frozen=True)
class Refused:
    """A value the schema refused: its field's last key, the types it wanted, what was written."""

    key: str
    types: tuple[str, ...]
    value: Any
    written: str
    worded: bool = False  # the schema words this error itself (x-fout)
    items: str = ""  # for a list: the type of its items
    pattern: str = ""  # for text: the pattern it must match


def age(written: str) -> str | None:
    """'18+' -> '{min: 18}', '6-12' -> '{min: 6, max: 12}', 'vanaf 18' -> '{min: 18}'."""
    text = written.strip().lower()
    for pattern, form in _AGE_FORMS:
        match = pattern.fullmatch(text)
        if match:
            return form.format(*match.groups())
    until = _AGE_UNTIL.fullmatch(text)
    if until is None or int(until[2]) < 1:
        return None
    low = f"min: {until[1]}, " if until[1] else ""
    return f"{{{low}max: {int(until[2]) - 1}}}"


def amount(written: str) -> str | None:
    """'€ 5,-' -> '5', '5,50' -> '5.50': an amount in euro as YAML reads a number."""
    match = _AMOUNT.fullmatch(written.strip().lower())
    if match is None:
        return None
    cents = match[2] if match[2] and "-" not in match[2] else ""
    return f"{match[1]}.{cents.ljust(2, '0')}" if cents else match[1]


def cost(written: str) -> str | None:
    """'€ 5,- per maand' -> '{bedrag: 5, per: maand}', 'gratis' -> '{bedrag: 0}'."""
    text = written.strip().lower()
    if text == "gratis":
        return "{bedrag: 0}"
    per = _PER_PART.search(text)
    bedrag = amount(text[: per.start()] if per else text)
    if bedrag is None:
        return None
    return f"{{bedrag: {bedrag}, per: {per[1] if per else 'keer'}}}"


def iso_date(written: str) -> str | None:
    """'14-09-2026' or '2026-9-14' -> '2026-09-14', when it is a real date."""
    day_first = _DAY_FIRST.fullmatch(written.strip())
    year_first = _YEAR_FIRST.fullmatch(written.strip())
    if day_first:
        day, month, year = (int(part) for part in day_first.groups())
    elif year_first:
        year, month, day = (int(part) for part in year_first.groups())
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _boolean(refused: Refused) -> str | None:
    if "boolean" not in refused.types or not isinstance(refused.value, str):
        return None
    word = refused.value.strip().lower()
    if word not in _TRUE | _FALSE:
        return None
    meant = "true" if word in _TRUE else "false"
    return f"'{refused.written}' moet true of false zijn; schrijf {refused.key}: {meant}"


def _age(refused: Refused) -> str | None:
    if refused.key != "leeftijd" or isinstance(refused.value, dict):
        return None
    fix = age(refused.written) or "{min: 6, max: 12}"
    example = "" if age(refused.written) else "bijvoorbeeld "
    until = _AGE_UNTIL.fullmatch(refused.written.strip().lower()) if age(refused.written) else None
    also = f"; mogen {until[2]}-jarigen ook meedoen, schrijf dan max: {until[2]}" if until else ""
    return (
        f"'{refused.written}' is geen groep met min en max; schrijf {example}leeftijd: {fix}{also}"
    )


def _cost(refused: Refused) -> str | None:
    if refused.key != "kosten" or isinstance(refused.value, dict):
        return None
    fix = cost(refused.written)
    if fix is None:
        return None
    return f"'{refused.written}' is geen groep met bedrag en per; schrijf kosten: {fix}"


def _amount(refused: Refused) -> str | None:
    if refused.key != "bedrag" or not isinstance(refused.value, str):
        return None
    fix = amount(refused.written)
    return f"'{refused.written}' is geen getal; schrijf bedrag: {fix}" if fix else None


def _phone(refused: Refused) -> str | None:
    if refused.key != "telefoon" or not isinstance(refused.value, (int, float)):
        return None
    return (
        f"'{refused.written}' is zonder aanhalingstekens een getal; zet het nummer tussen "
        f'aanhalingstekens: telefoon: "{refused.written}"'
    )


def _mailto(refused: Refused) -> str | None:
    value = refused.value
    if refused.key != "email" or not isinstance(value, str) or not value.startswith("mailto:"):
        return None
    return (
        f"'{refused.written}' is een link; schrijf alleen het adres, zonder 'mailto:': "
        f"email: {value.removeprefix('mailto:')}"
    )


def _email(refused: Refused) -> str | None:
    value = refused.value
    mistake = email_mistake(value) if refused.key == "email" and isinstance(value, str) else None
    return f"'{refused.written}' {mistake}" if mistake else None


def _website(refused: Refused) -> str | None:
    value = refused.value
    if refused.key != "website" or not isinstance(value, str) or not _DOMAIN.fullmatch(value):
        return None
    return f"'{refused.written}' is geen volledige link; begin met https://, zoals https://{value}"


def _date(refused: Refused) -> str | None:
    if refused.pattern != DATE_PATTERN or not isinstance(refused.value, str):
        return None
    fix = iso_date(refused.value)
    if fix is None:
        return None
    return f"'{refused.written}' is geen datum als jaar-maand-dag; schrijf de datum als {fix}"


def clock(written: str) -> str | None:
    """'9.30' -> '09:30', '10' -> '10:00', '10 uur' -> '10:00': a time of day as uu:mm."""
    match = _CLOCK.fullmatch(written.strip().lower())
    if match is None or int(match[1]) > 23 or int(match[2] or 0) > 59:
        return None
    return f"{int(match[1]):02d}:{match[2] or '00'}"


def _time(refused: Refused) -> str | None:
    if refused.pattern != TIME_PATTERN:
        return None
    value = refused.value
    readable = isinstance(value, (str, int, float)) and not isinstance(value, bool)
    fix = clock(refused.written) if readable else None
    if fix is None or fix == refused.written:
        return None
    return f"'{refused.written}' is geen tijd als uu:mm; schrijf {refused.key}: \"{fix}\""


def _list(refused: Refused) -> str | None:
    if "array" not in refused.types or not isinstance(refused.value, str) or refused.worded:
        return None
    if refused.items != "string":
        return _times(refused)
    items = [item.strip() for item in re.split(r"[,;]| en ", refused.value) if item.strip()]
    return f"'{refused.written}' is geen lijst; schrijf een lijst: [{', '.join(items)}]"


def _times(refused: Refused) -> str | None:
    """'maandag 10:00-11:00' for tijden: a list of groups with dag, van and tot."""
    match = _TIMES.fullmatch(str(refused.value).strip().lower())
    if refused.key != "tijden" or match is None:
        return None
    dag, van, tot = match[1], *(t.replace(".", ":").zfill(5) for t in match.groups()[1:])
    return (
        f"'{refused.written}' is geen lijst; schrijf "
        f'tijden: [{{dag: {dag}, van: "{van}", tot: "{tot}"}}]'
    )


RULES: list[Callable[[Refused], str | None]] = [
    _boolean,
    _age,
    _cost,
    _amount,
    _phone,
    _mailto,
    _email,
    _website,
    _date,
    _time,
    _list,
]


def slips(written: str, meant: str) -> int:
    """How many typing slips turn `written` into `meant`: a letter added, dropped or changed, or
    two letters swapped (the optimal string alignment distance)."""
    before: list[int] = []
    row = list(range(len(meant) + 1))
    for i, char in enumerate(written, start=1):
        current = [i]
        for j, other in enumerate(meant, start=1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (char != other))
            if i > 1 and j > 1 and char == meant[j - 2] and written[i - 2] == other:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, row = row, current
    return row[-1]


def close_spelling(written: str, options: list[str]) -> str | None:
    """The option that `written` is a typo of: one slip in a word of up to six letters, two in a
    longer one. More is another word, even when most letters agree: 'rolstoeltafeltennis' holds
    the whole of 'rolstoeltennis', but the five letters of 'tafel' make it a different sport, and
    'kanoen' is two slips from 'dansen'."""
    word = written.strip().lower()
    allowed = 1 if len(word) <= 6 else 2
    scored = sorted((slips(word, option), index) for index, option in enumerate(options))
    return options[scored[0][1]] if scored and scored[0][0] <= allowed else None


def hint(refused: Refused) -> str | None:
    """The first rule that recognises the value says what to type instead."""
    return next((text for rule in RULES if (text := rule(refused)) is not None), None)
