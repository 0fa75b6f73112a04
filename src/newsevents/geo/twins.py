"""Twin names joined by a hyphen: "Fargo-Moorhead", "Logan-Rogersville", "Greenbrier-Pocahontas
County", "Springfield-Greene County".

Local copy names a school district, a metro area or a joint body after two neighbouring places
and the model tags the compound as one entity (or none) that no gazetteer knows. Each side is
taken as a toponym of its own when the gazetteer has a town or county of each name in one
country within TWIN_KM of each other: that closeness is what makes the compound a pair of
places, not a person's double-barrelled name or a brand ("Coca-Cola", "Rolls-Royce").
"""

from __future__ import annotations

import re
from typing import Any

from ..gazetteer import ALIAS, PRIMARY, Gazetteer
from .coherence import local_km

TWIN_KM = 60.0
_TWIN = re.compile(r"(?<![\w-])((?:[A-Z][a-z]+\s)?[A-Z][a-z]+)-([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")
COUNTY_SUFFIXES = (" County", " Parish")


def twin_places(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(start, end, name) of each side of every hyphenated pair of neighbouring places.

    Each side is its one or two words next to the hyphen ("Watertown-Mayer Lutheran" is
    Watertown and Mayer); after "X-Y County" both sides are counties ("Greenbrier-Pocahontas
    County") where the first is one.
    """
    found = []
    for match in _TWIN.finditer(text):
        tail = text[match.end():match.end() + 7]
        county = next((c for c in COUNTY_SUFFIXES if tail.startswith(c)), "")
        # "Greenbrier-Pocahontas County": the county word ends the second side and may name
        # the first side too.
        inner = next((c for c in COUNTY_SUFFIXES if match.group(2).endswith(c)), "")
        pair = _pair(text, gazetteer, _sides(match, 1), _sides(match, 2), county or inner,
                     county)
        if pair is not None:
            (s1, e1), (s2, e2) = pair
            e2 += len(county) if county and _local(gazetteer, text[s2:e2] + county) else 0
            found += [(s1, e1, text[s1:e1]), (s2, e2, text[s2:e2])]
    return found


def _sides(match: Any, group: int) -> list[tuple[int, int]]:
    """The spans a side may be: its words next to the hyphen, longest first."""
    start, end = match.span(group)
    words = match.group(group).split()
    if len(words) == 1:
        return [(start, end)]
    if group == 1:
        return [(start, end), (end - len(words[-1]), end)]
    return [(start, end), (start, start + len(words[0]))]


def _pair(text: str, gazetteer: Gazetteer, firsts: list[tuple[int, int]],
          seconds: list[tuple[int, int]], first_county: str,
          second_county: str) -> tuple | None:
    """The first (first span, second span) whose places lie together, or None."""
    for second in seconds:
        b = _entries(text, second, second_county, gazetteer)
        for first in firsts:
            a = _entries(text, first, first_county, gazetteer)
            if any(x.country == y.country and local_km(x.lat, x.lon, y.lat, y.lon) <= TWIN_KM
                   for x in a for y in b):
                return first, second
    return None


def _entries(text: str, span: tuple[int, int], county: str, gazetteer: Gazetteer) -> list[Any]:
    """A side's towns and counties; "Greenbrier-Pocahontas County": the county word after
    the pair may name both sides."""
    name = text[slice(*span)]
    return (_local(gazetteer, name + county) if county else []) + _local(gazetteer, name)


def _local(gazetteer: Gazetteer, name: str) -> list[Any]:
    """Towns and counties of that name (its own name or an alias), with a point."""
    is_county = name.endswith(COUNTY_SUFFIXES)
    return [e for e in gazetteer.lookup(name) if e.match in (PRIMARY, ALIAS) and e.lat is not None
            and (e.feature == "admin" and e.level == 2 if is_county else e.feature == "city")]
