"""Dutch wording for the site: dates, money, ages, times, phone links, lists, counts."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

from ..twins import finder_rules
from .telefoon import dial_number

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


def tijd(van: str, tot: str = "") -> str:
    """A time or a range of times for people: '13:30' -> '13.30 uur', ('09:00', '10:00') ->
    'van 9.00 tot 10.00 uur'. The Taaladviesdienst's norm: a full stop between hours and
    minutes and no leading zero. Data, JSON-LD and open data keep the data's '09:00'."""
    text = f"van {_klok(van)} tot {_klok(tot)}" if tot else _klok(van)
    return f"{text} uur"


def _klok(value: str) -> str:
    """'09:05' -> '9.05', '13:30' -> '13.30', '00:00' -> '0.00'."""
    hours, minutes = value.split(":")
    return f"{int(hours)}.{minutes}"


def bedrag(value: float) -> str:
    """€ 42,50 — whole euros without cents: € 5"""
    if float(value).is_integer():
        return f"€ {int(value)}"
    return f"€ {value:.2f}".replace(".", ",")


getal = finder_rules.number_text  # 1234 -> '1.234'; one rule, the browser has it too


def aantal(n: int, enkelvoud: str, meervoud: str, getoond: str | None = None) -> str:
    """'geen activiteiten', '1 activiteit', '3 activiteiten', '1.250 activiteiten'; `getoond` is
    the number as a page shows it when not exact ('1–2 vragen': singular only for '1')."""
    if n == 0:
        return f"geen {meervoud}"
    number = getal(n) if getoond is None else getoond
    return f"{number} {enkelvoud if number == '1' else meervoud}"


def hoofdletter(text: str) -> str:
    """The text with a capital first letter, as a sentence starts: 'geen x' -> 'Geen x'."""
    return text[:1].upper() + text[1:]


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
    """A tel: link: '+31 (0)38-765 43 21' -> 'tel:+31387654321', '0800-1234' -> 'tel:08001234'."""
    number = dial_number(telefoon)
    return f"tel:{number or re.sub(r'[^0-9+]', '', telefoon)}"  # None only when check failed


def mail_link(email: str) -> str:
    """A mailto: link to one address, percent-encoded: nothing in it can add a header."""
    return f"mailto:{quote(email, safe='@')}"


def mailto(email: str, onderwerp: str, tekst: str = "") -> str:
    """A mailto: link with subject and body filled in (spaces as %20, as mail programs expect)."""
    link = f"{mail_link(email)}?subject={quote(onderwerp, safe='')}"
    return link + (f"&body={quote(tekst, safe='')}" if tekst else "")
