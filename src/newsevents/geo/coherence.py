"""Spatial coherence: the places of one article tend to lie near one another.

Local news names the towns around its own ("Brandon", "Albany", "Alexandria" and "Douglas
County" in one Minnesota story), each of which is a bigger place somewhere else. The
prior-weighted country and state votes (`geo.resolve`) hear only the big namesakes, so a
candidate also gets support from every *other* name of the article that has a candidate
(any population) near it: full support within CLOSE_KM, fading to none at FAR_KM, so that
"Athens" and "Henderson County" pick the pair that lies together (Athens, Texas is the
county seat) over pairs a state apart. A name borne by places everywhere ("Washington",
"Springfield") says little about where the story is: its support is divided by the square
root of the number of grid cells (CELL_DEG degrees) its candidates occupy.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

CELL_DEG = 1.0  # grid used to find nearby candidates quickly (about 110 km north-south)
CLOSE_KM, FAR_KM = 25.0, 150.0
Cell = tuple[int, int]
Points = dict[Cell, list[tuple[float, float]]]


def cell_of(lat: float, lon: float) -> Cell:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


def local_cells(entries: Iterable) -> Points:
    """The points of the entries that are local places (cities, counties), by grid cell."""
    cells: Points = {}
    for entry in entries:
        if entry.lat is not None and (entry.feature == "city"
                                      or (entry.feature == "admin" and entry.level == 2)):
            cells.setdefault(cell_of(entry.lat, entry.lon), []).append((entry.lat, entry.lon))
    return cells


def same_name(key: str, other: str) -> bool:
    """True for a name and its longer or shorter forms ("dublin", "dublin city"): the same
    name is no evidence for itself."""
    return other == key or other.startswith(key + " ") or key.startswith(other + " ")


def support(entry, cells: dict[str, Points], key: str) -> float:
    """Weighted closeness of the other names' nearest candidates to this entry."""
    if entry.lat is None:
        return 0.0
    row, col = cell_of(entry.lat, entry.lon)
    span = math.ceil(FAR_KM / (111.0 * CELL_DEG))
    lon_span = math.ceil(span / max(math.cos(math.radians(entry.lat)), 0.2))
    total = 0.0
    for other, occupied in cells.items():
        if same_name(key, other) or not occupied:
            continue
        nearest = min((local_km(entry.lat, entry.lon, lat, lon)
                       for dr in range(-span, span + 1) for dc in range(-lon_span, lon_span + 1)
                       for lat, lon in occupied.get((row + dr, col + dc), ())), default=None)
        if nearest is not None and nearest < FAR_KM:
            closeness = min(1.0, (FAR_KM - nearest) / (FAR_KM - CLOSE_KM))
            total += closeness / math.sqrt(len(occupied))
    return total


def local_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Equirectangular: within a few hundred km it is as good as the great circle.
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))
