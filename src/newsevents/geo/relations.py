"""Relations between toponyms: "X, west of Y", "X near Y", "X in Y", and lists ("Utah,
Washington and Wyoming").

The resolver keeps X close to (or inside) Y, so "the town of Atareb, west of Aleppo" goes to
the Atareb by Aleppo. Works on any objects with `start`, `end`, `anchor`, `inside` and
`qualifier` (the recogniser's Toponyms).
"""

from __future__ import annotations

import re
from typing import Any


DIRECTION = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
RELATION = re.compile(
    r"[\s,]+(?:(?:about|some|around|just)\s+)?(?:\d[\d,.]*\s*(?:km|kilometres|kilometers|miles|mi)\s+)?"
    rf"(?:{DIRECTION}\s+of|in the {DIRECTION} of|on the outskirts of|outside|near|close to|in)\s+"
    rf"(?:the\s+(?:(?:{DIRECTION}\s+)?(?:city|town|village|capital|province|region|state|county|district)"
    r"\s+(?:of\s+)?)?)?", re.IGNORECASE)


def with_anchors(text: str, found: list[Any]) -> None:
    """Link X to Y in "X, west of Y", "X near Y", "X, 20 km north of Y" and "X in Y".

    The resolver keeps X close to (or inside) Y: "the town of Atareb, west of Aleppo".
    """
    by_start = {t.start: t for t in found}
    for toponym in found:
        if toponym.anchor is not None or toponym.qualifier is not None:
            continue
        match = RELATION.match(text, toponym.end, min(len(text), toponym.end + 80))
        if match is None:
            continue
        anchor = by_start.get(match.end())
        if anchor is not None and anchor is not toponym:
            toponym.anchor = anchor
            # "X in Y", "X in the north of Y": X lies inside Y, not merely near it
            toponym.inside = re.search(r"\bin\b", match.group().lower()) is not None


LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?")


def with_lists(text: str, found: list[Any]) -> None:
    """Give each toponym of a list of three or more ("Texas, Utah, Washington and Wyoming")
    the other members, in `list_mates`. A list is homogeneous: the resolver reads an
    ambiguous member as the kind of place the others are. Pairs ("Paris, Texas") are not lists."""
    ordered = sorted(found, key=lambda t: t.start)
    run: list[Any] = []
    for toponym in ordered + [None]:
        if toponym is not None and run and LIST_GLUE.fullmatch(text, run[-1].end, toponym.start):
            run.append(toponym)
            continue
        if len(run) >= 3:
            for member in run:
                member.list_mates = [m for m in run if m is not member]
        run = [toponym] if toponym is not None else []
