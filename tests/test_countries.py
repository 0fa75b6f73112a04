"""The country lexicon: names, aliases, demonyms and capitals to ISO 3166-1 alpha-2."""

from __future__ import annotations

import pytest

from newsevents import countries


@pytest.mark.parametrize("text, iso2", [
    ("Syria", "SY"), ("the U.S.", "US"), ("US", "US"), ("USA", "US"), ("America", "US"),
    ("United States", "US"), ("Britain", "GB"), ("UK", "GB"), ("United Kingdom", "GB"),
    ("Syria's", "SY"), ("Türkiye", "TR"), ("DR Congo", "CD"), ("Ivory Coast", "CI"),
    ("the Netherlands", "NL"), ("Burma", "MM"), ("UAE", "AE"), ("North Korea", "KP"),
    ("south korea", None),  # lowercase is not a name
    ("us", None), ("Aleppo", None), ("", None), ("   ", None),
])
def test_country_of_name(text, iso2):
    assert countries.country_of_name(text) == iso2


@pytest.mark.parametrize("text, iso2", [
    ("Syrian", "SY"), ("Syrians", "SY"), ("French", "FR"), ("Frenchmen", "FR"),
    ("American", "US"), ("British", "GB"), ("Turkish", "TR"), ("Turks", "TR"), ("Iraqi", "IQ"),
    ("Iraqis", "IQ"), ("Israeli", "IL"), ("Palestinian", "PS"), ("Ukrainian", "UA"),
    ("Congolese", "CD"), ("Emirati", "AE"), ("Czechs", "CZ"), ("Russian", "RU"),
    ("Kurdish", None), ("Kurds", None), ("Arab", None), ("Frenchs", None), ("Aleppo", None),
])
def test_country_of_demonym(text, iso2):
    assert countries.country_of_demonym(text) == iso2


@pytest.mark.parametrize("text, expected", [
    ("Kurdish", True), ("Syrian", True), ("Minister", False), ("Dumont", False),
])
def test_is_demonym_includes_stateless_peoples(text, expected):
    assert countries.is_demonym(text) is expected


@pytest.mark.parametrize("text, iso2", [
    ("Damascus", "SY"), ("Moscow", "RU"), ("Washington", "US"), ("Kyiv", "UA"), ("Kiev", "UA"),
    ("Beijing", "CN"), ("Tehran", "IR"), ("Ankara", "TR"), ("the Kremlin", "RU"),
    ("Aleppo", None), ("Istanbul", None),
])
def test_country_of_capital(text, iso2):
    assert countries.country_of_capital(text) == iso2


@pytest.mark.parametrize("iso2, name, adjective", [
    ("GB", "United Kingdom", "British"), ("sy", "Syria", "Syrian"), ("US", "United States", "American"),
    ("XX", "", ""), (None, "", ""),
])
def test_country_name_and_demonym_of(iso2, name, adjective):
    assert countries.country_name(iso2) == name
    assert countries.demonym_of(iso2) == adjective


def test_table_covers_the_world_with_valid_codes():
    codes = set(countries.all_country_names().values())
    assert len(codes) >= 190
    assert all(len(code) == 2 and code.isupper() for code in codes)
    assert set(countries.all_demonyms().values()) <= codes
    assert set(countries.all_capitals().values()) <= codes


@pytest.mark.parametrize("text, iso2", [("Syrian", "SY"), ("Syria", "SY"), ("Moscow", "RU"),
                                        ("Geneva", None)])
def test_country_of_any_form(text, iso2):
    assert countries.country_of(text) == iso2


def test_ambiguous_names_are_flagged():
    assert countries.is_ambiguous_name("Jordan")
    assert not countries.is_ambiguous_name("Syria")
