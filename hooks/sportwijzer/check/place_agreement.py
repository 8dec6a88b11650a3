"""Places that agree (issue #24, item 3): a venue's plaats, coordinates and postcode fit the
gemeente it names, as far as regio.yml knows the region.

- plaats: a place regio.yml lists (a gemeente, or an entry of 'plaatsen') must belong to the
  named gemeente; a place it does not list gets a warning naming the places it does list for that
  gemeente, when it lists some or the name is close to a known one ('Zwole'): a village the
  region does not list is no mistake of the coordinator's.
- coordinaten: lie within REGION_KM of a gemeente's centre or a place of regio.yml ('buiten de
  regio' otherwise), and nearest to the named gemeente, with MARGIN_KM to spare for a venue near
  a border (the region has points, not borders). Beyond FAR_KM, validate.check_coordinaten_near
  speaks instead, and names swapped latitude and longitude.
- postcode: where regio.yml gives a gemeente 'postcodes' (four-digit ranges: "8000-8049" or
  "8055"), a postcode outside them is an error.

When the plaats and the coordinates both lie in one other gemeente, the gemeente is what is wrong:
one line says so, instead of one line a field.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..base.geo import as_point, distance_km, in_netherlands
from ..base.problems import ERROR, WARNING, Problem, field_problem
from ..base.slugs import slugify
from .load import SourceFile

# Measured on the demo region: every venue lies within 2.8 km of a point of regio.yml and its own
# gemeente's point is the nearest. The demo's farthest village (Kuinre) lies 14 km from a listed
# place; Nordhorn, over the German border, 34 km.
REGION_KM = 15.0
# Windesheim (Zwolle) lies 2.2 km nearer to Hattem's centre than to Zwolle's; a venue in Hattem
# itself lies at least 2.6 km nearer to Hattem's (the centres are 4.6 km apart).
MARGIN_KM = 2.5
FAR_KM = 50  # validate.MAX_KM_FROM_REGION: beyond it, that rule's own line
TYPO_CUTOFF = 0.8  # 'Zwole' is Zwolle; 'Olst' is not Olst-Wijhe, nor 'Wijhe' Wezep
_POSTCODE = re.compile(r"([1-9][0-9]{3}) ?([A-Za-z]{2})")
_RANGE = re.compile(r"([1-9][0-9]{3})(?:-([1-9][0-9]{3}))?")


@dataclass(frozen=True)
class Landmark:
    """A point of regio.yml: a gemeente's centre, or a place of 'plaatsen'."""

    name: str
    gemeente: str
    point: tuple[float, float]
    centre: bool


@dataclass(frozen=True)
class PostcodeRange:
    """One entry of a gemeente's 'postcodes', as written and as numbers."""

    written: str
    low: int
    high: int

    def __contains__(self, number: int) -> bool:
        return self.low <= number <= self.high


@dataclass
class Geography:
    """What regio.yml says about where things are."""

    gemeenten: list[str] = field(default_factory=list)
    landmarks: list[Landmark] = field(default_factory=list)
    places: dict[str, tuple[str, str]] = field(default_factory=dict)  # slug -> (name, gemeente)
    listed: dict[str, list[str]] = field(default_factory=dict)  # gemeente -> its 'plaatsen'
    postcodes: dict[str, list[PostcodeRange]] = field(default_factory=dict)

    def ranked(self, point: tuple[float, float]) -> list[tuple[float, Landmark]]:
        """Every landmark with its distance in km from `point`, nearest first."""
        found = [(distance_km(point, mark.point), mark) for mark in self.landmarks]
        return sorted(found, key=lambda pair: pair[0])

    def postcode_owner(self, number: int) -> str | None:
        """The gemeente whose 'postcodes' hold `number`."""
        for gemeente, ranges in self.postcodes.items():
            if any(number in entry for entry in ranges):
                return gemeente
        return None


class KnowsGeography(Protocol):
    """What these rules read of the context they run in (validate.Context): the region's places.
    A protocol, so that this module need not import validate, which imports it."""

    @property
    def geography(self) -> Geography: ...


def region_geography(data: Any) -> Geography:
    """The landmarks, places and postcode ranges of regio.yml (what is unusable is left out:
    the schema and the region rules report it)."""
    geography = Geography()
    for entry in _entries(data, "gemeenten"):
        naam = entry["naam"]
        geography.gemeenten.append(naam)
        geography.places.setdefault(slugify(naam), (naam, naam))
        point = _point(entry.get("coordinaten"))
        if point is not None:
            geography.landmarks.append(Landmark(naam, naam, point, True))
        geography.postcodes[naam] = [r for r, _ in _ranges(entry.get("postcodes"))]
    known = {slugify(naam) for naam, _ in geography.places.values()}
    for entry in _entries(data, "plaatsen"):
        naam, gemeente = entry["naam"], entry.get("gemeente")
        if not isinstance(gemeente, str) or slugify(gemeente) not in known:
            continue
        gemeente = geography.places[slugify(gemeente)][0]
        geography.places.setdefault(slugify(naam), (naam, gemeente))
        geography.listed.setdefault(gemeente, []).append(naam)
        point = _point(entry.get("coordinaten"))
        if point is not None:
            geography.landmarks.append(Landmark(naam, gemeente, point, False))
    geography.postcodes = {g: ranges for g, ranges in geography.postcodes.items() if ranges}
    return geography


def _entries(data: Any, group: str) -> Iterator[dict[str, Any]]:
    entries = data.get(group) if isinstance(data, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("naam"), str):
            yield entry


def _ranges(value: Any) -> Iterator[tuple[PostcodeRange, int]]:
    """(range, index) of every well-written entry of a 'postcodes' list."""
    for index, item in enumerate(value if isinstance(value, list) else []):
        match = _RANGE.fullmatch(item) if isinstance(item, str) else None
        if match:
            low = int(match[1])
            yield PostcodeRange(item, low, int(match[2] or low)), index


def _point(value: Any) -> tuple[float, float] | None:
    """A usable [lat, lon] in the Netherlands (check/validate.py names every other value)."""
    point = as_point(value)
    return point if point is not None and in_netherlands(point) else None


# --- a venue ----------------------------------------------------------------------------------


@dataclass
class _Venue:
    """What one file's 'locatie' says, and where the line for each field is."""

    source: SourceFile
    gemeente: str
    fields: dict[str, Any]

    def problem(self, name: str, text: str, severity: str = ERROR) -> Problem:
        line = self.source.line("locatie", name)
        return Problem(self.source.path, line, f"veld 'locatie.{name}': {text}", severity)


def check_place_agreement(
    data: dict[str, Any], source: SourceFile, ctx: KnowsGeography
) -> Iterator[Problem]:
    """'plaats', 'coordinaten' and 'postcode' of 'locatie' lie in the gemeente it names."""
    locatie, geo = data.get("locatie"), ctx.geography
    gemeente = locatie.get("gemeente") if isinstance(locatie, dict) else None
    if not isinstance(locatie, dict) or gemeente not in geo.gemeenten:
        return  # an unknown gemeente has its own line (validate.check_gemeente_in_region)
    venue = _Venue(source, gemeente, locatie)
    by_place, place_line = _plaats(venue, geo)
    by_point, point_line = _coordinaten(venue, geo)
    if by_place is not None and by_place == by_point:
        yield venue.problem("gemeente", _wrong_gemeente(venue, by_place))
        return
    yield from (line for line in (place_line, point_line) if line is not None)
    yield from _postcode(venue, geo)


def _wrong_gemeente(venue: _Venue, other: str) -> str:
    return (
        f"'{venue.gemeente}' past niet bij de plaats ({venue.fields['plaats']}) en de "
        f"coördinaten: die liggen in de gemeente {other}; schrijf '{other}', of kijk de plaats "
        "en de coördinaten na"
    )


def _plaats(venue: _Venue, geo: Geography) -> tuple[str | None, Problem | None]:
    """(the other gemeente the plaats lies in, its line), or a warning for an unknown plaats."""
    plaats = venue.fields.get("plaats")
    if not isinstance(plaats, str) or not plaats.strip():
        return None, None
    known = geo.places.get(slugify(plaats))
    if known is not None and known[1] != venue.gemeente:
        name, other = known
        text = (
            f"{name} ligt in de gemeente {other}, niet in {venue.gemeente}; kijk de plaats en "
            "de gemeente na"
        )
        return other, venue.problem("plaats", text)
    if known is not None:
        return None, None
    listed = geo.listed.get(venue.gemeente, [])
    names = [name for name, _ in geo.places.values()]
    guess = difflib.get_close_matches(plaats, names, n=1, cutoff=TYPO_CUTOFF)
    if listed or guess:
        hint = f" Bedoel je '{guess[0]}'?" if guess else ""
        text = (
            f"'{plaats}' staat in regio.yml niet bij de gemeente {venue.gemeente} (daar staan: "
            f"{', '.join([venue.gemeente, *listed])}).{hint} Kijk de spelling na, of zet de "
            "plaats in regio.yml onder 'plaatsen'"
        )
        return None, venue.problem("plaats", text, WARNING)
    return None, None


def _coordinaten(venue: _Venue, geo: Geography) -> tuple[str | None, Problem | None]:
    """(the other gemeente the coordinates lie in, its line), or 'buiten de regio'."""
    value = venue.fields.get("coordinaten")
    point = _point(value)
    ranked = geo.ranked(point) if point is not None else []
    centre = next((km for km, mark in ranked if mark.centre), None)
    if centre is None or centre > FAR_KM:
        return None, None  # validate.check_coordinaten_near has its line (or names a swap)
    shown = _written(venue, "coordinaten", value)
    km, mark = ranked[0]
    if km > REGION_KM:
        text = (
            f"{shown} ligt buiten de regio: meer dan {REGION_KM:g} km van elke gemeente en "
            "plaats in regio.yml; zoek de plek op openstreetmap.org en schrijf [breedtegraad, "
            "lengtegraad], of zet de plaats in regio.yml onder 'plaatsen'"
        )
        return None, venue.problem("coordinaten", text)
    own = next((d for d, other in ranked if other.gemeente == venue.gemeente), None)
    if own is None or mark.gemeente == venue.gemeente or own - km <= MARGIN_KM:
        return None, None
    near = "" if mark.name == mark.gemeente else f"bij {mark.name}, "
    text = (
        f"{shown} ligt {near}in de gemeente {mark.gemeente}, niet in {venue.gemeente}; zoek "
        "de plek op openstreetmap.org, of kijk de gemeente na"
    )
    return mark.gemeente, venue.problem("coordinaten", text)


def _postcode(venue: _Venue, geo: Geography) -> Iterator[Problem]:
    """A postcode outside the named gemeente's 'postcodes', where regio.yml gives them."""
    ranges = geo.postcodes.get(venue.gemeente)
    value = venue.fields.get("postcode")
    match = _POSTCODE.fullmatch(value.strip()) if isinstance(value, str) and ranges else None
    if match is None or any(int(match[1]) in entry for entry in ranges or []):
        return
    owner = geo.postcode_owner(int(match[1]))
    written = ", ".join(entry.written for entry in ranges or [])
    whose = f"hoort bij de gemeente {owner}, niet bij" if owner else "hoort niet bij de gemeente"
    yield venue.problem(
        "postcode",
        f"{match[0]} {whose} {venue.gemeente} (postcodes {written} in regio.yml); kijk de "
        "postcode en de gemeente na",
    )


def _written(venue: _Venue, name: str, value: Any) -> str:
    """The value as the coordinator wrote it."""
    document = venue.source.document
    return document.text(("locatie", name), value) if document else str(value)


# --- regio.yml --------------------------------------------------------------------------------


def check_postcode_ranges(
    data: dict[str, Any], source: SourceFile, ctx: KnowsGeography
) -> Iterator[Problem]:
    """A gemeente's 'postcodes' run from low to high, and no postcode belongs to two gemeenten."""
    seen: list[tuple[str, PostcodeRange]] = []
    entries = data.get("gemeenten")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, dict):
            continue
        for postcodes, number in _ranges(entry.get("postcodes")):
            where = ("gemeenten", index, "postcodes", number)
            line = source.line(*where)
            if postcodes.low > postcodes.high:
                yield field_problem(
                    source.path,
                    line,
                    "gemeenten.postcodes",
                    f"'{postcodes.written}' loopt achteruit; schrijf het laagste nummer eerst, "
                    f"zoals '{postcodes.high}-{postcodes.low}'",
                )
                continue
            naam = str(entry.get("naam"))
            other = next((s for s in seen if s[0] != naam and _overlap(s[1], postcodes)), None)
            if other is not None:
                yield field_problem(
                    source.path,
                    line,
                    "gemeenten.postcodes",
                    f"'{postcodes.written}' overlapt met '{other[1].written}' van {other[0]}; "
                    "een postcode hoort bij één gemeente",
                )
            seen.append((naam, postcodes))


def _overlap(a: PostcodeRange, b: PostcodeRange) -> bool:
    return a.low <= b.high and b.low <= a.high
