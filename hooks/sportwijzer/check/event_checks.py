"""The rules for events (agenda/<slug>.yml) that a schema cannot express: the organiser, the
dates and times in order, registration before the day. Shared rules (sport, gemeente, place on
the map, phone numbers) come from check/validate.py, so that an offer and an event are judged alike.

Time: a past event is simply over, except in a file that is new (not yet on the main branch,
asked of git through git_state): there a date in the past is most likely a typo in the year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from ..base.dates import as_date, is_clock_time, nonexistent_date, years_later
from ..base.events import DEFAULT_STATUS, is_over
from ..base.git_state import git_state
from ..base.problems import WARNING, Problem, field_problem
from .load import SourceFile
from .place_agreement import check_place_agreement
from .validate import (
    Context,
    DataCheck,
    check_beschrijving_links,
    check_coordinaten_near,
    check_gemeente_in_region,
    check_iedereen_alone,
    check_not_at_centre,
    check_partner_named,
    check_sport_known,
    check_telefoon,
)

MAX_YEARS_AHEAD = 2
MAX_DAYS_LONG = 14
OVER_DAYS_ERROR = 30  # a new event over for longer than this has the wrong year
RESERVED_SLUG = "agenda"


def _date_field(
    data: dict[str, Any], source: SourceFile, *path: str
) -> tuple[dt.date | None, list[Problem]]:
    """The date at `path`, or the problem that it does not exist (2027-02-30)."""
    value: Any = data
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    problem = nonexistent_date(source.path, source.line(*path), ".".join(path), value)
    return as_date(value), [problem] if problem else []


def check_name_free(data: dict[str, Any], source: SourceFile, ctx: Context) -> Iterator[Problem]:
    """The file name 'agenda' is taken: agenda/agenda.ics is the feed of all events."""
    if source.slug == RESERVED_SLUG:
        yield Problem(
            source.path,
            None,
            "de naam 'agenda' is al in gebruik voor de hele agenda (agenda/agenda.ics); "
            "geef het bestand de naam van de activiteit, zoals 'clinic-rolstoeltennis-zwolle.yml'",
        )


def check_organisator_exists(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """'organisator' names a partner file: partners/<organisator>.md."""
    yield from check_partner_named(data, source, ctx, "agenda", "organisator")


def check_datum(data: dict[str, Any], source: SourceFile, ctx: Context) -> Iterator[Problem]:
    """'datum' is a real date, at most two years after today (a guard against a typo in the
    year); a date in the past is allowed: the event is then over."""
    day, problems = _date_field(data, source, "datum")
    yield from problems
    if day is not None and day > years_later(ctx.today, MAX_YEARS_AHEAD):
        yield field_problem(
            source.path,
            source.line("datum"),
            "datum",
            f"{data['datum']} ligt meer dan twee jaar vooruit; kijk het jaartal na",
        )


def check_tot_datum(data: dict[str, Any], source: SourceFile, ctx: Context) -> Iterator[Problem]:
    """'tot_datum' is a real date from 'datum' up to 14 days after it."""
    last, problems = _date_field(data, source, "tot_datum")
    first, _ = _date_field(data, source, "datum")
    yield from problems
    if last is None or first is None:
        return
    line, shown = source.line("tot_datum"), f"{data['tot_datum']}"
    if last < first:
        yield field_problem(
            source.path,
            line,
            "tot_datum",
            f"{shown} ligt voor 'datum' ({data['datum']}); schrijf de laatste dag van de "
            "activiteit, of haal 'tot_datum' weg als het één dag is",
        )
    elif last > first + dt.timedelta(days=MAX_DAYS_LONG):
        yield field_problem(
            source.path,
            line,
            "tot_datum",
            f"{shown} ligt meer dan {MAX_DAYS_LONG} dagen na 'datum' ({data['datum']}); "
            "maak voor een reeks losse dagen één bestand per dag",
        )


def _multi_day(data: dict[str, Any], source: SourceFile) -> bool:
    first, _ = _date_field(data, source, "datum")
    last, _ = _date_field(data, source, "tot_datum")
    return first is not None and last is not None and last > first


def check_tijd(data: dict[str, Any], source: SourceFile, ctx: Context) -> Iterator[Problem]:
    """'tijd' has 'van' before 'tot', and stands only on a one-day event."""
    tijd = data.get("tijd")
    if not isinstance(tijd, dict):
        return
    line = source.line("tijd")
    if _multi_day(data, source):
        yield field_problem(
            source.path,
            line,
            "tijd",
            "een tijd kan alleen bij een activiteit van één dag; haal 'tijd' weg (dan staat er "
            "'hele dag'), of maak één bestand per dag",
        )
    van, tot = tijd.get("van"), tijd.get("tot")
    if is_clock_time(van) and is_clock_time(tot) and van >= tot:
        yield field_problem(
            source.path, line, "tijd", f"'van' ({van}) moet voor 'tot' ({tot}) liggen"
        )


def check_uiterlijk(data: dict[str, Any], source: SourceFile, ctx: Context) -> Iterator[Problem]:
    """'aanmelden.uiterlijk' is a real date, not after 'datum'."""
    deadline, problems = _date_field(data, source, "aanmelden", "uiterlijk")
    first, _ = _date_field(data, source, "datum")
    yield from problems
    if deadline is not None and first is not None and deadline > first:
        yield field_problem(
            source.path,
            source.line("aanmelden", "uiterlijk"),
            "aanmelden.uiterlijk",
            f"{data['aanmelden']['uiterlijk']} ligt na 'datum' ({data['datum']}); aanmelden "
            "kan uiterlijk op de dag zelf",
        )


def check_new_event_not_over(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """A new event (its file not yet on the main branch) is not over: over more than 30 days
    ago is an error (the year is wrong, 2025 for 2026), over more recently a warning. Events
    already on main, and a folder without git history, stay silent: they are simply over."""
    first, _ = _date_field(data, source, "datum")
    last = _last_day(data, source)
    if first is None or last is None or not is_over(last, ctx.today) or not _is_new(source, ctx):
        return
    line, shown = source.line("datum"), first.isoformat()
    if last < ctx.today - dt.timedelta(days=OVER_DAYS_ERROR):
        guess = _upcoming_year(first, last, ctx.today)
        hint = f" Bedoel je {guess.isoformat()}?" if guess else ""
        text = f"{shown} is meer dan {OVER_DAYS_ERROR} dagen geleden; kijk het jaartal na.{hint}"
        yield field_problem(source.path, line, "datum", text)
    else:
        text = f"{shown} is al voorbij, dus de activiteit staat niet in de agenda; kijk de datum na"
        yield Problem(source.path, line, f"veld 'datum': {text}", WARNING)


def _last_day(data: dict[str, Any], source: SourceFile) -> dt.date | None:
    """The event's last day: 'tot_datum' when it is a real date after 'datum', else 'datum'."""
    first, _ = _date_field(data, source, "datum")
    last, _ = _date_field(data, source, "tot_datum")
    return max(first, last) if first and last else first


def _is_new(source: SourceFile, ctx: Context) -> bool:
    """The file is not on the main branch; without history (no git checkout) nothing is new."""
    state = git_state(ctx.root) if ctx.root is not None else None
    return state is not None and state.is_new(source.path)


def _upcoming_year(first: dt.date, last: dt.date, today: dt.date) -> dt.date | None:
    """'datum' one or two years later, the first year in which the event is still to come."""
    for years in (1, 2):
        if years_later(last, years) >= today:
            return years_later(first, years)
    return None


def check_aanmelden_open(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """A planned event that is not over, whose registration deadline has passed: a warning,
    because the site then says registration is closed."""
    deadline, _ = _date_field(data, source, "aanmelden", "uiterlijk")
    first, last = _date_field(data, source, "datum")[0], _last_day(data, source)
    if deadline is None or first is None or last is None or deadline > first:
        return  # no deadline, or one after 'datum': check_uiterlijk says so
    planned = data.get("status", DEFAULT_STATUS) == DEFAULT_STATUS  # not full, not cancelled
    if planned and deadline < ctx.today and not is_over(last, ctx.today):
        yield Problem(
            source.path,
            source.line("aanmelden", "uiterlijk"),
            f"veld 'aanmelden.uiterlijk': {deadline.isoformat()} is al voorbij, dus op de "
            "site staat dat aanmelden niet meer kan; kan het nog wel, zet dan een latere "
            "datum (uiterlijk de dag van de activiteit)",
            WARNING,
        )


def check_event_telefoon(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """The phone numbers for contact and for registration can be dialled."""
    yield from check_telefoon(data, source, ctx, ("contact", "agenda"))
    yield from check_telefoon(data, source, ctx, ("aanmelden", "agenda"))


EVENT_CHECKS: tuple[DataCheck, ...] = (
    check_name_free,
    check_organisator_exists,
    check_datum,
    check_tot_datum,
    check_tijd,
    check_uiterlijk,
    check_new_event_not_over,
    check_aanmelden_open,
    check_iedereen_alone,
    check_sport_known,
    check_gemeente_in_region,
    check_coordinaten_near,
    check_place_agreement,
    check_not_at_centre,
    check_event_telefoon,
    check_beschrijving_links,
)
