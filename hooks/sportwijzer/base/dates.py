"""Dates as the data writes them and as the region counts them: a YAML date or 'YYYY-MM-DD'
text, the build day in Dutch time, a year later or earlier, and the twelve-month freshness rule."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, TypeGuard
from zoneinfo import ZoneInfo

from ..twins.agenda_rules import ISO_DATE
from .problems import Problem, field_problem

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CLOCK_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")  # a time of day as the data writes it
STALE_AFTER_MONTHS = 12


def today_in_amsterdam(now: dt.datetime | None = None) -> dt.date:
    """The build day as people in the Netherlands count it (UTC 23:30 is already tomorrow)."""
    moment = now or dt.datetime.now(dt.UTC)
    return moment.astimezone(AMSTERDAM).date()


def as_date(value: Any) -> dt.date | None:
    """A date as YAML gives it, or as quoted text 'YYYY-MM-DD'; None when it is neither."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def looks_like_date(value: Any) -> bool:
    """Text in the form 'YYYY-MM-DD', whether or not that day exists (2027-02-30 does not)."""
    return isinstance(value, str) and ISO_DATE.fullmatch(value) is not None


def nonexistent_date(path: str, line: int | None, name: str, value: Any) -> Problem | None:
    """The problem with text like a date for a day that does not exist (2027-02-30), or None."""
    if as_date(value) is not None or not looks_like_date(value):
        return None
    return field_problem(
        path, line, name, f"'{value}' is geen bestaande datum; kijk dag en maand na"
    )


def years_later(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (or earlier, when negative); 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def is_stale(checked: dt.date, today: dt.date) -> bool:
    """Checked more than twelve months before `today` ('verouderd' on the site and in `make
    verouderd`)."""
    return checked < years_later(today, -(STALE_AFTER_MONTHS // 12))


def is_clock_time(value: Any) -> TypeGuard[str]:
    """A time of day as the data writes it: 'HH:MM' on a 24-hour clock ('09:00', '23:59')."""
    return isinstance(value, str) and CLOCK_TIME.fullmatch(value) is not None
