"""The rules a schema cannot express: references between files, geography, time, order.

Each rule is a small function whose docstring is the rule. A rule reads plain data that may not
have passed the schema, so it checks types before it trusts them and stays silent otherwise (the
schema already reported that problem).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeGuard

from ..base.dates import STALE_AFTER_MONTHS, as_date, is_clock_time, is_stale, nonexistent_date
from ..base.geo import as_point, distance_km, in_netherlands, nearest_km
from ..base.problems import WARNING, Problem, field_problem
from ..base.slugs import slugify
from ..base.telefoon import phone_mistake
from ..base.textrules import brackets_mistake, text_mistake
from ..base.vocabulary import IEDEREEN, PER, Vocabulary
from .load import SourceFile
from .place_agreement import Geography, check_place_agreement, check_postcode_ranges
from .schema import load_schema
from .yamlread import value_at

MAX_KM_FROM_REGION = 50
CENTRE_METRES = 25  # a venue this close to a municipality's centre point was never looked up
SAFE_LINK_SCHEMES = ("http", "https", "mailto", "tel")
MAX_PARTNER_TEXT = 5_000  # characters; the demo's longest is 380


@dataclass
class Context:
    """What the rules for one file need to know about the other files."""

    vocabulary: Vocabulary
    today: dt.date
    gemeenten: dict[str, tuple[float, float] | None] = field(default_factory=dict)
    partners: set[str] = field(default_factory=set)
    plaatsen: dict[str, str] = field(default_factory=dict)  # place name -> its gemeente
    geography: Geography = field(default_factory=Geography)  # place_agreement.region_geography
    # the region's folder, for rules that ask git what is new (None: no history to ask)
    root: Path | None = None

    @property
    def centres(self) -> list[tuple[float, float]]:
        return [point for point in self.gemeenten.values() if point is not None]


DataCheck = Callable[[dict[str, Any], SourceFile, Context], Iterator[Problem]]


# --- offers -----------------------------------------------------------------------------------


def check_iedereen_alone(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """'iedereen' means every impairment, so it stands alone in 'beperkingen'."""
    values = data.get("beperkingen")
    if isinstance(values, list) and IEDEREEN in values and len(values) > 1:
        yield field_problem(
            source.path,
            source.line("beperkingen"),
            "beperkingen",
            "'iedereen' geldt al voor elke beperking; laat 'iedereen' alleen staan of haal het weg",
        )


def check_sport_known(data: dict[str, Any], source: SourceFile, ctx: Context) -> Iterator[Problem]:
    """'sport' is a key of lijsten/sporten.yml."""
    sport = data.get("sport")
    if not _schema_accepts(sport, "offer", ("sport",)):
        return
    if ctx.vocabulary.sporten and sport not in ctx.vocabulary.sporten:
        guess = ctx.vocabulary.suggest_sport(sport)
        hint = f" Bedoel je '{guess}'?" if guess else ""
        yield field_problem(
            source.path,
            source.line("sport"),
            "sport",
            f"'{sport}' staat niet in lijsten/sporten.yml.{hint} "
            "Een nieuwe sport voeg je daar eerst toe",
        )


def check_aanbieder_exists(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """'aanbieder' names a partner file: partners/<aanbieder>.md."""
    yield from check_partner_named(data, source, ctx, "offer", "aanbieder")


def check_partner_named(
    data: dict[str, Any], source: SourceFile, ctx: Context, kind: str, name: str
) -> Iterator[Problem]:
    """Field `name` (aanbieder, organisator) names a partner file: partners/<slug>.md."""
    slug = data.get(name)
    if _schema_accepts(slug, kind, (name,)) and slug not in ctx.partners:
        close = difflib.get_close_matches(slug, sorted(ctx.partners), n=1, cutoff=0.6)
        close = close or [p for p in sorted(ctx.partners) if slug in p or p in slug][:1]
        hint = (
            f" Bedoel je '{close[0]}'?"
            if close
            else f" Schrijf de naam van een bestand in partners/, of maak eerst partners/{slug}.md"
        )
        yield field_problem(
            source.path,
            source.line(name),
            name,
            f"er is geen partner '{slug}' (partners/{slug}.md).{hint}",
        )


def check_gemeente_in_region(
    data: dict[str, Any], source: SourceFile, ctx: Context, path: tuple[str, ...] = ("locatie",)
) -> Iterator[Problem]:
    """A gemeente is one of the municipalities in regio.yml, written the same way."""
    parent = value_at(data, path)
    naam = parent.get("gemeente") if isinstance(parent, dict) else None
    if isinstance(naam, str) and ctx.gemeenten and naam not in ctx.gemeenten:
        name = ".".join((*path, "gemeente"))
        yield field_problem(
            source.path, source.line(*path, "gemeente"), name, _unknown_gemeente(naam, ctx)
        )


def _unknown_gemeente(naam: str, ctx: Context) -> str:
    names = list(ctx.gemeenten)
    places = {slugify(place): (place, gemeente) for place, gemeente in ctx.plaatsen.items()}
    if slugify(naam) in places and places[slugify(naam)][1] in ctx.gemeenten:
        place, gemeente = places[slugify(naam)]
        return f"{place} is een plaats in de gemeente {gemeente}; schrijf '{gemeente}'"
    by_slug = {slugify(n): n for n in names}
    guess = by_slug.get(slugify(naam))
    if guess is None:
        close = difflib.get_close_matches(naam, names, n=1, cutoff=0.6)
        guess = close[0] if close else None
    hint = f" Bedoel je '{guess}'?" if guess else ""
    return f"'{naam}' staat niet in regio.yml.{hint} Kies uit: {', '.join(names)}"


def check_coordinaten_near(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """The venue lies within 50 km of a municipality of the region; swapped [lon, lat] is named."""
    locatie = data.get("locatie")
    point = as_point(locatie.get("coordinaten")) if isinstance(locatie, dict) else None
    if point is None or not ctx.centres:
        return
    line = source.line("locatie", "coordinaten")
    if nearest_km(point, ctx.centres) <= MAX_KM_FROM_REGION:
        return
    swapped = (point[1], point[0])
    if nearest_km(swapped, ctx.centres) <= MAX_KM_FROM_REGION:
        yield _swapped(source.path, line, "locatie.coordinaten", point)
    else:
        yield field_problem(
            source.path,
            line,
            "locatie.coordinaten",
            f"[{_num(point[0])}, {_num(point[1])}] ligt buiten de regio: meer dan "
            f"{MAX_KM_FROM_REGION} km van elke gemeente in regio.yml; kijk de coördinaten na op "
            "een kaart",
        )


def check_not_at_centre(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """A venue exactly on a municipality's centre point (regio.yml) was probably never looked up."""
    locatie = data.get("locatie")
    point = as_point(locatie.get("coordinaten")) if isinstance(locatie, dict) else None
    gemeente = locatie.get("gemeente") if isinstance(locatie, dict) else None
    if point is None:
        return
    for naam, centre in ctx.gemeenten.items():
        if centre is not None and distance_km(point, centre) * 1000 <= CENTRE_METRES:
            if naam != gemeente and isinstance(gemeente, str) and gemeente in ctx.gemeenten:
                return  # another gemeente's centre: place_agreement names where it lies
            yield Problem(
                source.path,
                source.line("locatie", "coordinaten"),
                f"veld 'locatie.coordinaten': ligt precies op het midden van de gemeente {naam}; "
                "zoek de plek op openstreetmap.org en schrijf [breedtegraad, lengtegraad]",
                WARNING,
            )
            return


def check_telefoon(
    data: dict[str, Any],
    source: SourceFile,
    ctx: Context,
    where: tuple[str, str] = ("contact", "offer"),
) -> Iterator[Problem]:
    """A phone number can be dialled: a Dutch number has 10 digits (see base/telefoon.py)."""
    group, kind = where
    parent = data.get(group)
    value = parent.get("telefoon") if isinstance(parent, dict) else None
    if not _schema_accepts(value, kind, (group, "telefoon")):
        return  # the schema reports a value that is not even written like a phone number
    mistake = phone_mistake(value)
    if mistake:
        name = f"{group}.telefoon"
        yield field_problem(source.path, source.line(group, "telefoon"), name, mistake)


def _schema_accepts(value: Any, kind: str, path: tuple[str, ...]) -> TypeGuard[str]:
    """Text the schema lets through; what it refuses, it reports itself (one mistake, one line)."""
    return isinstance(value, str) and _schema_pattern(kind, path).fullmatch(value) is not None


@cache
def _schema_pattern(kind: str, path: tuple[str, ...]) -> re.Pattern[str]:
    node = load_schema(kind)
    for key in path:
        node = node.get("properties", {}).get(key, {})
    return re.compile(node.get("pattern", ""))


def _num(value: float) -> str:
    return f"{value:g}" if abs(value) >= 1 else str(value)


def _swapped(path: str, line: int | None, name: str, point: tuple[float, float]) -> Problem:
    lat, lon = point
    return field_problem(
        path,
        line,
        name,
        f"[{_num(lat)}, {_num(lon)}] lijkt omgedraaid; schrijf [breedtegraad, lengtegraad], "
        f"zoals [{_num(lon)}, {_num(lat)}]",
    )


def check_datum(data: dict[str, Any], source: SourceFile, ctx: Context) -> Iterator[Problem]:
    """'laatst_gecontroleerd' is a real date, not in the future; over 12 months old only warns."""
    value = data.get("laatst_gecontroleerd")
    checked = as_date(value)
    line = source.line("laatst_gecontroleerd")
    if checked is None:
        problem = nonexistent_date(source.path, line, "laatst_gecontroleerd", value)
        yield from [problem] if problem else []
        return
    if checked > ctx.today:
        yield field_problem(
            source.path,
            line,
            "laatst_gecontroleerd",
            f"{checked.isoformat()} ligt in de toekomst; schrijf de datum waarop je het aanbod "
            "hebt nagekeken",
        )
    elif is_stale(checked, ctx.today):
        yield Problem(
            source.path,
            line,
            f"veld 'laatst_gecontroleerd': {checked.isoformat()} is meer dan "
            f"{STALE_AFTER_MONTHS} maanden geleden; vraag de aanbieder of alles nog klopt "
            "en zet dan de datum van vandaag",
            WARNING,
        )


def check_tijden_order(data: dict[str, Any], source: SourceFile, ctx: Context) -> Iterator[Problem]:
    """In every time slot, 'van' comes before 'tot'."""
    slots = data.get("tijden")
    if not isinstance(slots, list):
        return
    for index, slot in enumerate(slots):
        if not isinstance(slot, dict):
            continue
        van, tot = slot.get("van"), slot.get("tot")
        if is_clock_time(van) and is_clock_time(tot) and van >= tot:
            yield field_problem(
                source.path,
                source.line("tijden", index),
                "tijden",
                f"'van' ({van}) moet voor 'tot' ({tot}) liggen",
            )


def check_leeftijd_order(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """In 'leeftijd', 'min' is not above 'max'."""
    ages = data.get("leeftijd")
    if not isinstance(ages, dict):
        return
    problem = age_order_problem(source.path, source.line("leeftijd"), "leeftijd", ages)
    yield from [problem] if problem else []


def age_order_problem(path: str, line: int | None, name: str, ages: Any) -> Problem | None:
    """An age range ({min, max}) whose 'min' is above its 'max', as a problem; else None."""
    low, high = (ages.get("min"), ages.get("max")) if isinstance(ages, dict) else (None, None)
    if isinstance(low, int) and isinstance(high, int) and low > high:
        return field_problem(
            path, line, name, f"'min' ({low}) is groter dan 'max' ({high}); draai ze om"
        )
    return None


def check_kosten_per(data: dict[str, Any], source: SourceFile, ctx: Context) -> Iterator[Problem]:
    """An amount above zero says what it is for: per keer, maand, kwartaal, seizoen or jaar."""
    kosten = data.get("kosten")
    if isinstance(kosten, dict) and "per" not in kosten:
        bedrag = kosten.get("bedrag")
        if isinstance(bedrag, (int, float)) and not isinstance(bedrag, bool) and bedrag > 0:
            yield field_problem(
                source.path,
                source.line("kosten"),
                "kosten.per",
                f"ontbreekt; schrijf waarvoor het bedrag is: {', '.join(PER)}",
            )


_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]+)>")


def check_beschrijving_links(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """Links in 'beschrijving' are http(s), mailto or tel links."""
    text = data.get("beschrijving")
    if not isinstance(text, str):
        return
    for match in _MARKDOWN_LINK.finditer(text):
        target = match.group(1) or match.group(2)
        scheme = target.split(":", 1)[0].lower() if ":" in target else ""
        if scheme and scheme not in SAFE_LINK_SCHEMES:
            yield field_problem(
                source.path,
                source.line("beschrijving"),
                "beschrijving",
                f"de link '{target}' mag niet; alleen links die beginnen met https://, "
                "http://, mailto: of tel:",
            )


OFFER_CHECKS: tuple[DataCheck, ...] = (
    check_iedereen_alone,
    check_sport_known,
    check_aanbieder_exists,
    check_gemeente_in_region,
    check_coordinaten_near,
    check_place_agreement,
    check_not_at_centre,
    check_telefoon,
    check_datum,
    check_tijden_order,
    check_leeftijd_order,
    check_kosten_per,
    check_beschrijving_links,
)


def duplicate_titles(sources: list[SourceFile]) -> list[Problem]:
    """Two published offers with one title (case and spaces aside) are told apart: a warning on
    each, naming the others."""
    by_title: dict[str, list[SourceFile]] = {}
    for source in sources:
        data = source.document.fields if source.document else None
        if not isinstance(data, dict):
            continue
        titel = data.get("titel")
        if isinstance(titel, str) and data.get("status") != "gestopt":
            by_title.setdefault(" ".join(titel.split()).casefold(), []).append(source)
    problems = []
    for same in (group for group in by_title.values() if len(group) > 1):
        for source in same:
            others = [other.path for other in same if other is not source]
            verb = "heeft" if len(others) == 1 else "hebben"
            problems.append(
                Problem(
                    source.path,
                    source.line("titel"),
                    f"veld 'titel': {' en '.join(others)} {verb} dezelfde titel; maak ze "
                    "verschillend, bijvoorbeeld met de plaats of de doelgroep erbij",
                    WARNING,
                )
            )
    return problems


# --- partners ---------------------------------------------------------------------------------


def check_partner_gemeente(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """A partner's 'gemeente', when given, is a municipality in regio.yml."""
    yield from check_gemeente_in_region(data, source, ctx, path=())


def check_partner_telefoon(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """A partner's phone number can be dialled."""
    yield from check_telefoon(data, source, ctx, ("contact", "partner"))


def check_partner_text(data: dict[str, Any], source: SourceFile, ctx: Context) -> Iterator[Problem]:
    """The text under a partner's fields is at most 5,000 characters, without control
    characters, with at most 200 '[': checked before anything renders it."""
    if len(source.body) > MAX_PARTNER_TEXT:
        yield Problem(
            source.path,
            source.body_line,
            f"de tekst onder de velden is te lang ({len(source.body)} tekens): schrijf "
            f"hoogstens {MAX_PARTNER_TEXT} tekens",
        )
    elif mistake := text_mistake(source.body, True) or brackets_mistake(source.body):
        yield Problem(source.path, source.body_line, f"de tekst onder de velden {mistake}")


PARTNER_CHECKS: tuple[DataCheck, ...] = (
    check_partner_gemeente,
    check_partner_telefoon,
    check_partner_text,
)


# --- region -----------------------------------------------------------------------------------


def check_region_places(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """Municipalities and places have unique names and lie in the Netherlands, as [lat, lon]."""
    seen: dict[str, str] = {}
    for group in ("gemeenten", "plaatsen"):
        entries = data.get(group)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, dict) or not isinstance(entry.get("naam"), str):
                continue
            slug = slugify(entry["naam"])
            if slug in seen:
                yield field_problem(
                    source.path,
                    source.line(group, index, "naam"),
                    f"{group}.naam",
                    f"'{entry['naam']}' staat er al in als '{seen[slug]}'; elke naam één keer",
                )
            seen.setdefault(slug, entry["naam"])
            yield from _check_in_nl(entry, source, (group, index))


def _check_in_nl(
    entry: dict[str, Any], source: SourceFile, where: tuple[Any, ...]
) -> Iterator[Problem]:
    point = as_point(entry.get("coordinaten"))
    if point is None or in_netherlands(point):
        return
    line = source.line(*where, "coordinaten")
    name = f"{where[0]}.coordinaten"
    if in_netherlands((point[1], point[0])):
        yield _swapped(source.path, line, name, point)
    else:
        yield field_problem(
            source.path,
            line,
            name,
            f"[{_num(point[0])}, {_num(point[1])}] ligt niet in Nederland; kijk de coördinaten "
            "na op een kaart",
        )


def check_plaats_gemeente(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """Every place belongs to a municipality listed under 'gemeenten'."""
    places = data.get("plaatsen")
    for index, place in enumerate(places if isinstance(places, list) else []):
        if isinstance(place, dict):
            for problem in check_gemeente_in_region(place, source, ctx, path=()):
                yield Problem(
                    problem.path,
                    source.line("plaatsen", index, "gemeente"),
                    problem.message.replace("veld 'gemeente'", "veld 'plaatsen.gemeente'"),
                )


def check_places_near(data: dict[str, Any], source: SourceFile, ctx: Context) -> Iterator[Problem]:
    """A place lies within 50 km of a municipality of the region."""
    places = data.get("plaatsen")
    for index, place in enumerate(places if isinstance(places, list) else []):
        point = as_point(place.get("coordinaten")) if isinstance(place, dict) else None
        if point is None or not in_netherlands(point) or not ctx.centres:
            continue
        if nearest_km(point, ctx.centres) > MAX_KM_FROM_REGION:
            yield field_problem(
                source.path,
                source.line("plaatsen", index, "coordinaten"),
                "plaatsen.coordinaten",
                f"ligt meer dan {MAX_KM_FROM_REGION} km van elke gemeente in de regio",
            )


def check_loket_telefoon(
    data: dict[str, Any], source: SourceFile, ctx: Context
) -> Iterator[Problem]:
    """The regional desk's phone number can be dialled."""
    yield from check_telefoon(data, source, ctx, ("loket", "regio"))


REGION_CHECKS: tuple[DataCheck, ...] = (
    check_region_places,
    check_plaats_gemeente,
    check_places_near,
    check_postcode_ranges,
    check_loket_telefoon,
)


def run_checks(rules: tuple[DataCheck, ...], source: SourceFile, ctx: Context) -> list[Problem]:
    """Every rule on one file that parsed to a mapping."""
    if source.document is None or not isinstance(source.document.data, dict):
        return []
    data = source.document.fields  # as the schema saw it: a date in a text field is text
    return [problem for rule in rules for problem in rule(data, source, ctx)]


def region_centres(data: Any) -> dict[str, tuple[float, float] | None]:
    """Municipality name -> [lat, lon] (None when the coordinates are not usable)."""
    result: dict[str, tuple[float, float] | None] = {}
    entries = data.get("gemeenten") if isinstance(data, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("naam"), str):
            point = as_point(entry.get("coordinaten"))
            result[entry["naam"]] = point if point and in_netherlands(point) else None
    return result


def region_places(data: Any) -> dict[str, str]:
    """Place name -> the municipality it belongs to, from regio.yml's 'plaatsen'."""
    entries = data.get("plaatsen") if isinstance(data, dict) else None
    return {
        entry["naam"]: entry["gemeente"]
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, dict)
        and isinstance(entry.get("naam"), str)
        and isinstance(entry.get("gemeente"), str)
    }
