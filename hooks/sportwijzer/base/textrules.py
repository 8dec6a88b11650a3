"""What a value in the data may hold: text without hidden characters, numbers that are numbers,
one e-mail address. One rule each, for every kind of data.

The schemas (hooks/sportwijzer/schemas/) carry the text rules as `"not": {...}` on
every text field, so that an editor refuses the same values; tests/base/test_textrules.py keeps them
equal to LINE_REFUSED and TEXT_REFUSED here. check/schema.py words the refusals with the
functions below.
"""

from __future__ import annotations

import math
import re
from typing import Any

# JSON Schema patterns (ECMA-262 and Python read them alike). A single-line field (a title, a
# name, a place) may not hold a line break, a control character (a tab reads as a space), a
# character that turns the reading direction, or an invisible one. A text of several lines (a
# description in Markdown) may hold line breaks and tabs, but no other control character and
# nothing that turns the reading direction.
LINE_REFUSED = (
    r"[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b-\u200d\u2028\u2029\u202a-\u202e\u2060"
    r"\u2066-\u2069\ufeff]"
)
TEXT_REFUSED = r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]"
# As a schema's "not": text that holds such a character (a number or a list is not text).
LINE_RULE = {"type": "string", "pattern": LINE_REFUSED}
TEXT_RULE = {"type": "string", "pattern": TEXT_REFUSED}

_BREAKS = "\n\r\u2028\u2029\u0085"
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")

# A whole number this long is no age, amount or coordinate (a phone number has 15 digits at
# most), and Python cannot turn it into a float.
MAX_NUMBER = 10**18
MAX_BEDRAG = 10_000  # euro; the schemas' 'maximum' for every 'bedrag'
# A text in Markdown outside YAML (a partner's text; YAML itself refuses 40 open brackets).
MAX_BRACKETS = 200

# One address: letters, digits and . _ % + - ' before the @, a domain after it.
EMAIL_PATTERN = r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
_EMAIL = re.compile(EMAIL_PATTERN)


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def text_mistake(value: str, multiline: bool = False) -> str | None:
    """What is wrong with a text value, after "veld 'x': ", or None when it is fine."""
    if not multiline and any(char in _BREAKS for char in value):
        return "bevat een regeleinde; schrijf de tekst op één regel"
    refused = re.search(TEXT_REFUSED if multiline else LINE_REFUSED, value)
    if refused is None:
        return None
    char = refused[0]
    if _DIRECTION.fullmatch(char):
        return f"bevat een teken dat de leesrichting omdraait ({_code(char)}); haal het weg"
    if _INVISIBLE.fullmatch(char):
        return f"bevat een onzichtbaar teken ({_code(char)}); haal het weg"
    return f"bevat een stuurteken ({_code(char)}); haal het weg"


def brackets_mistake(text: str) -> str | None:
    """A Markdown text has at most MAX_BRACKETS '[': the converter takes quadratic time over
    brackets (5,000 of them: seconds), and no real text has that many links."""
    count = text.count("[")
    if count <= MAX_BRACKETS:
        return None
    return (
        f"heeft {count} keer '['; hoogstens {MAX_BRACKETS} (een link is [tekst](adres)): haal "
        "de haken weg die geen link zijn"
    )


def is_text_rule(schema: Any) -> bool:
    """The `not` of a text field in the schemas: one of the two rules above."""
    return schema in (LINE_RULE, TEXT_RULE)


def number_mistake(value: Any, written: str) -> str | None:
    """A number is finite and has fewer than 19 digits: `.inf`, `.nan` and 1e400 are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if (isinstance(value, float) and not math.isfinite(value)) or abs(value) >= MAX_NUMBER:
        shown = written if len(written) <= 20 else written[:20] + "…"
        return f"'{shown}' is geen bruikbaar getal; schrijf een gewoon getal in cijfers"
    return None


def email_mistake(value: str) -> str | None:
    """An e-mail field holds one address, nothing else: no ?, &, spaces, commas or second @."""
    if _EMAIL.fullmatch(value):
        return None
    if value.count("@") > 1 or any(sep in value for sep in ",;"):
        return "is meer dan één adres; schrijf één e-mailadres, zoals info@example.org"
    if "?" in value or "&" in value:
        return (
            "heeft extra delen na het adres (zoals ?subject= of &cc=); schrijf alleen het "
            "e-mailadres, zoals info@example.org"
        )
    if any(char.isspace() for char in value):
        return "bevat een spatie; schrijf het e-mailadres zonder spaties, zoals info@example.org"
    return None


def readable(message: str) -> str:
    """A message on one line: characters that would break or hide it are shown as U+XXXX."""
    return re.sub(LINE_REFUSED, lambda m: f"<{_code(m[0])}>", message)
