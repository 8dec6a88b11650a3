"""Dutch wording for the site: dates, money, ages, times, phone links, lists, counts."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

from . import finder_rules

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def datum(value: dt.date) -> str:
    """14 september 2026"""
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def bedrag(value: float) -> str:
    """€ 42,50 — whole euros without cents: € 5"""
    if float(value).is_integer():
        return f"€ {int(value)}"
    return f"€ {value:.2f}".replace(".", ",")


getal = finder_rules.number_text  # 1234 -> '1.234'; one rule, the browser has it too


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'geen activiteiten', '1 activiteit', '3 activiteiten', '1.250 activiteiten'."""
    if n == 0:
        return f"geen {meervoud}"
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"


def opsomming(words: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} en {words[-1]}"


def postcode(value: str) -> str:
    """'8021ab' -> '8021 AB'."""
    compact = re.sub(r"\s+", "", value).upper()
    return f"{compact[:4]} {compact[4:]}"


def tel_link(telefoon: str) -> str:
    """A tel: link in international form: '038 123 45 67' -> 'tel:+31381234567'."""
    digits = re.sub(r"[^0-9+]", "", telefoon)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+31" + digits[1:]
    return f"tel:{digits}"


def mailto(email: str, onderwerp: str, tekst: str = "") -> str:
    """A mailto: link with subject and body filled in (spaces as %20, as mail programs expect)."""
    link = f"mailto:{email}?subject={quote(onderwerp, safe='')}"
    return link + (f"&body={quote(tekst, safe='')}" if tekst else "")
