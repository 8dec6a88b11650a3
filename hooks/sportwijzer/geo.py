"""Distances on the earth's surface, for coordinate checks and 'near me'."""

from __future__ import annotations

import math

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


def in_netherlands(point: tuple[float, float]) -> bool:
    lat, lon = point
    return NL_LAT[0] <= lat <= NL_LAT[1] and NL_LON[0] <= lon <= NL_LON[1]


def nearest_km(point: tuple[float, float], centres: list[tuple[float, float]]) -> float:
    """Distance to the nearest of `centres` (infinite when there are none)."""
    return min((distance_km(point, centre) for centre in centres), default=math.inf)
