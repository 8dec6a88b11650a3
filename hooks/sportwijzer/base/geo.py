"""Distances on the earth's surface, for coordinate checks and 'near me'."""

from __future__ import annotations

import math
from typing import Any

from .textrules import number_mistake

EARTH_RADIUS_KM = 6371.0088

# The Netherlands, with a margin: a coordinate outside this box is no place in our region.
NL_LAT = (50.5, 53.8)
NL_LON = (3.0, 7.5)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def as_point(value: Any) -> tuple[float, float] | None:
    """A [lat, lon] pair of numbers as the data holds it, or None when it is not one: no
    booleans, and none that the number rule refuses (.inf, .nan, 1e400)."""
    if not isinstance(value, list) or len(value) != 2:
        return None
    if all(_degrees(v) for v in value):
        return float(value[0]), float(value[1])
    return None


def _degrees(value: Any) -> bool:
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return number and number_mistake(value, "") is None


def in_netherlands(point: tuple[float, float]) -> bool:
    lat, lon = point
    return NL_LAT[0] <= lat <= NL_LAT[1] and NL_LON[0] <= lon <= NL_LON[1]


def nearest_km(point: tuple[float, float], centres: list[tuple[float, float]]) -> float:
    """Distance to the nearest of `centres` (infinite when there are none)."""
    return min((distance_km(point, centre) for centre in centres), default=math.inf)
