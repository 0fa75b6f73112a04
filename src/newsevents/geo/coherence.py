"""Spatial coherence: the places of one article tend to lie near one another.

Local news names the towns around its own ("Brandon", "Albany", "Alexandria" and "Douglas
County" in one Minnesota story), each of which is a bigger place somewhere else. The
prior-weighted country and state votes (`geo.resolve`) hear only the big namesakes, so a
candidate also gets support from every *other* name of the article that has a candidate
(any population) near it: in the same grid cell of CELL_DEG degrees or one of the eight
around it. A name borne by places everywhere ("Washington", "Springfield") says little
about where the story is: its support is divided by the square root of the number of
cells its candidates occupy.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

CELL_DEG = 1.0  # about 110 km north-south: "nearby town" scale
Cell = tuple[int, int]


def cell_of(lat: float, lon: float) -> Cell:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


def local_cells(entries: Iterable) -> frozenset[Cell]:
    """Cells of the entries that are local places: cities and counties with a point."""
    return frozenset(cell_of(e.lat, e.lon) for e in entries
                     if e.lat is not None and (e.feature == "city"
                                               or (e.feature == "admin" and e.level == 2)))


def support(entry, cells: dict[str, frozenset[Cell]], key: str) -> float:
    """Weighted count of the other names with a candidate near this entry."""
    if entry.lat is None:
        return 0.0
    row, col = cell_of(entry.lat, entry.lon)
    around = {(row + dr, col + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)}
    total = 0.0
    for other, occupied in cells.items():
        if other != key and occupied and not around.isdisjoint(occupied):
            total += 1.0 / math.sqrt(len(occupied))
    return total
