"""Facts about events that follow from their dates: whether an
event is over, whether it belongs in the calendar feed, and when it is in plain Dutch.

Times in the data are local Dutch time (Europe/Amsterdam); a person never reads UTC.
"""

from __future__ import annotations

import datetime as dt

from .dutch import DAGEN, MAANDEN, bedrag, tijd

FEED_DAYS_AFTER = 30  # the feed keeps an event until it has been over this long

SOORT = {
    "clinic": "Clinic",
    "kennismaking": "Kennismaking",
    "toernooi": "Toernooi",
    "sportdag": "Sportdag",
    "scholing": "Scholing",
    "bijeenkomst": "Bijeenkomst",
    "anders": "Activiteit",
}
DOELGROEP = {
    "sporters": "Sporters",
    "ouders-en-begeleiders": "Ouders en begeleiders",
    "trainers": "Trainers",
    "bestuurders": "Bestuurders",
    "verwijzers": "Verwijzers",
}
STATUS = {"gepland": "Gepland", "vol": "Vol", "afgelast": "Afgelast"}
DEFAULT_DOELGROEP = "sporters"
DEFAULT_STATUS = "gepland"


def is_over(last_day: dt.date, today: dt.date) -> bool:
    """An event is over once its last day is before today."""
    return last_day < today


def in_feed(last_day: dt.date, today: dt.date) -> bool:
    """In the feed: not over, or over for less than 30 days."""
    return last_day >= today - dt.timedelta(days=FEED_DAYS_AFTER)


def dag_tekst(day: dt.date, year: bool = True) -> str:
    """'zaterdag 17 april 2027' (or without the year)."""
    text = f"{DAGEN[day.weekday()]} {day.day} {MAANDEN[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def wanneer(first: dt.date, last: dt.date, van: str = "", tot: str = "") -> str:
    """When, in plain Dutch: 'zaterdag 17 april 2027, van 13.30 tot 16.00 uur', 'zaterdag 17
    april 2027, hele dag', 'zaterdag 12 en zondag 13 juni 2027', '12 t/m 14 juni 2027'."""
    if last <= first:
        return f"{dag_tekst(first)}, {tijd(van, tot) if van and tot else 'hele dag'}"
    if (last - first).days == 1:
        return f"{DAGEN[first.weekday()]} {_kort(first, last)} en {dag_tekst(last)}"
    return f"{_kort(first, last)} t/m {last.day} {MAANDEN[last.month - 1]} {last.year}"


def _kort(first: dt.date, last: dt.date) -> str:
    """The first day of a range, with only what differs from the last: '12', '30 juni'."""
    if first.year != last.year:
        return f"{first.day} {MAANDEN[first.month - 1]} {first.year}"
    if first.month != last.month:
        return f"{first.day} {MAANDEN[first.month - 1]}"
    return str(first.day)


def kosten_tekst(amount: float) -> str:
    """'gratis' for 0, else the amount: '€ 5', '€ 7,50'."""
    return "gratis" if amount == 0 else bedrag(amount)
