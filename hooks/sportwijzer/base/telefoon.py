"""Phone numbers as Dutch people write them: the number to dial, or why it cannot be one.

One rule for the whole site: the call buttons dial `dial_number()`, and `make check` reports
`phone_mistake()`. The number a visitor reads stays as the coordinator wrote it.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s.\-/()]")
_TRUNK_ZERO = re.compile(r"^(\+|00)\s*([0-9]{1,3})\s*\(\s*0\s*\)")  # '+31 (0)38', '0031 (0)38'
_SERVICE = re.compile(r"^09(00|06|09)[0-9]{4}([0-9]{3})?$|^0800[0-9]{4}([0-9]{3})?$")
_MUNICIPAL = re.compile(r"^140[0-9]{2,3}$")  # 14 + the area code: 14 038, 14 0572
DUTCH_DIGITS = 10  # 0 + nine digits, as in 038 123 45 67 or 06 12 34 56 78


def _compact(text: str) -> str:
    """Digits with one leading + ; the '(0)' after a country code is not dialled."""
    return _SEPARATORS.sub("", _TRUNK_ZERO.sub(r"+\2", text.strip()))


def dial_number(text: str) -> str | None:
    """The number for a tel: link ('+31381234567', '08001234', '14038'), or None."""
    number = _compact(text)
    if number.startswith("00"):
        number = "+" + number[2:]
    if not re.fullmatch(r"\+?[0-9]+", number):
        return None
    if number.startswith("+31"):
        national = number[3:].removeprefix("0")  # '+31 038 …' is written too
        return "+31" + national if len(national) == DUTCH_DIGITS - 1 else None
    if number.startswith("+"):
        return number if 7 <= len(number) - 1 <= 15 else None  # E.164: at most 15 digits
    if _SERVICE.match(number) or _MUNICIPAL.match(number):
        return number
    if number.startswith("0") and len(number) == DUTCH_DIGITS:
        return "+31" + number[1:]
    return None


def phone_mistake(text: str) -> str | None:
    """Why `text` cannot be dialled, in the words of the problem line; None when it can."""
    if dial_number(text) is not None:
        return None
    number = _compact(text)
    digits = re.sub(r"[^0-9]", "", number)
    if not re.fullmatch(r"\+?[0-9]+", number):
        return f"'{text}' is geen telefoonnummer; schrijf alleen cijfers, zoals \"038 123 45 67\""
    if number.startswith(("+31", "0031")):
        digits = "0" + digits[2 if number.startswith("+") else 4 :].removeprefix("0")
    elif number.startswith(("+", "00")):
        amount = "te weinig" if len(digits) - number.startswith("00") * 2 < 7 else "te veel"
        return f"'{text}' heeft {amount} cijfers voor een telefoonnummer; kijk het nummer na"
    elif not number.startswith("0"):
        return (
            f"'{text}' begint niet met 0 of +; schrijf het hele nummer met netnummer, "
            'zoals "038 123 45 67"'
        )
    return (
        f"'{text}' heeft {len(digits)} cijfers, maar een Nederlands telefoonnummer heeft er "
        f'{DUTCH_DIGITS}, zoals "038 123 45 67"; kijk het nummer na'
    )
