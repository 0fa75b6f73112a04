"""Places stage: toponym recognition and resolution on hand-written wire copy."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from newsevents.model import Article, Place
from newsevents.pipeline import Resources

UNTIL = "resolve_places"


def _by_name(article: Article) -> dict[str, Place]:
    return {place.name: place for place in article.places}


def _check_offsets(article: Article) -> None:
    ids = [p.id for p in article.places]
    assert ids == [f"p{i}" for i in range(1, len(ids) + 1)]
    firsts = [min(p.mentions + p.embedded_mentions) for p in article.places]
    assert firsts == sorted(firsts)
    for place in article.places:
        assert place.mentions or place.embedded_mentions
        for start, end in place.mentions + place.embedded_mentions:
            assert 0 <= start < end <= len(article.text)


# --- the demo article --------------------------------------------------------------------

@pytest.mark.parametrize("name,country,feature", [
    ("Geneva", "CH", "city"), ("Syria", "SY", "country"), ("Aleppo", "SY", "city"),
    ("Istanbul", "TR", "city"), ("Atareb", "SY", "city"), ("Salaheddine", "SY", "district"),
    ("Bustan al-Qasr", "SY", "district"), ("Russia", "RU", "country"),
    ("Damascus", "SY", "city"), ("Brussels", "BE", "city"), ("Turkey", "TR", "country"),
    ("Europe", None, "other"), ("Middle East", None, "other"),
])
def test_demo_places(demo: Article, name: str, country: str | None, feature: str) -> None:
    place = _by_name(demo)[name]
    assert (place.country, place.feature) == (country, feature)


def test_demo_aleppo_is_the_syrian_city(demo: Article) -> None:
    aleppo = _by_name(demo)["Aleppo"]
    assert aleppo.geonameid == 170063
    assert abs(aleppo.lat - 36.2) < 0.1 and abs(aleppo.lon - 37.16) < 0.1
    # Every mention, including the ones the small model tags NORP.
    assert len(aleppo.mentions) >= 4
    assert all(demo.text[s:e] == "Aleppo" for s, e in aleppo.mentions)


def test_demo_geneva_dateline_joins_later_mentions(demo: Article) -> None:
    geneva = _by_name(demo)["Geneva"]
    assert demo.text[slice(*geneva.mentions[0])] == "GENEVA"
    assert len(geneva.mentions) >= 2


def test_demo_excludes_boilerplate_people_orgs_and_demonyms(demo: Article) -> None:
    names = set(_by_name(demo))
    assert "London" not in names
    assert not names & {"Dumont", "Aydin", "Syrian", "French", "Turkish", "Russian", "SANA",
                        "Sana", "Observatory"}
    _check_offsets(demo)


def test_demo_unlocated_districts_have_null_coordinates(demo: Article) -> None:
    for name in ("Salaheddine", "Bustan al-Qasr"):
        place = _by_name(demo)[name]
        assert place.lat is None and place.lon is None and place.geonameid is None


# --- own articles ------------------------------------------------------------------------

PARIS_TEXAS = (
    "PARIS, Texas (AP) — A tornado tore through the north side of Paris, Texas, on Tuesday, "
    "damaging dozens of homes, the Lamar County sheriff said. Residents of nearby Dallas "
    "sent volunteers, and Texas Governor Greg Abbott said the state would help rebuild."
)

UKRAINE = (
    "KYIV, Ukraine (Reuters) — Russian missiles struck Kharkiv overnight, killing four people, "
    "regional governor Oleh Synehubov said on Sunday. Air defences were also active over Kiev, "
    "the capital, where debris fell on a school. Ukraine has asked its allies for more air "
    "defence systems to protect Kharkiv and other cities near the Russian border."
)

GAZA = (
    "Israeli air strikes killed at least 12 people in the Gaza Strip on Monday, health officials "
    "said. The strikes hit homes in Khan Younis and Rafah, near the border with Egypt. Violence "
    "also flared in the West Bank, where troops raided Jenin."
)


def test_paris_texas_resolves_to_texas(run: Callable[..., Article]) -> None:
    article = run(PARIS_TEXAS, until=UNTIL)
    _check_offsets(article)
    places = _by_name(article)
    paris = places["Paris"]
    assert paris.country == "US" and paris.feature == "city"
    assert 33 < paris.lat < 34 and -96 < paris.lon < -95  # north-east Texas, not France
    assert len(paris.mentions) == 2  # the dateline and the body
    assert places["Texas"].feature == "admin" and places["Texas"].country == "US"
    assert places["Dallas"].country == "US"


def test_ukraine_story_merges_kiev_and_kyiv(run: Callable[..., Article]) -> None:
    article = run(UKRAINE, until=UNTIL)
    _check_offsets(article)
    kyiv = [p for p in article.places if p.geonameid == 703448]
    assert len(kyiv) == 1 and len(kyiv[0].mentions) == 2
    kharkiv = _by_name(article)["Kharkiv"]
    assert kharkiv.country == "UA" and 49.5 < kharkiv.lat < 50.5
    assert len(kharkiv.mentions) == 2
    assert _by_name(article)["Ukraine"].feature == "country"


def test_gaza_story(run: Callable[..., Article]) -> None:
    article = run(GAZA, until=UNTIL)
    places = _by_name(article)
    assert places["Gaza Strip"].country == "PS"
    assert places["West Bank"].country == "PS"
    assert places["Egypt"].feature == "country"
    for town in ("Khan Younis", "Rafah", "Jenin"):
        if town in places and places[town].lat is not None:
            assert places[town].country in ("PS", "EG"), town
    assert "Israeli" not in places


@pytest.mark.parametrize("text,expected", [
    ("Shelling hit Aleppo.", {"Aleppo": "SY"}),
    ("Rebels shelled the town of Atareb, west of Aleppo, in northern Syria.",
     {"Atareb": "SY", "Aleppo": "SY", "Syria": "SY"}),
    ("Talks resumed in Geneva on Monday.", {"Geneva": "CH"}),
    ("The minister flew from Washington to Moscow for talks with Russian officials.",
     {"Moscow": "RU"}),
])
def test_short_snippets(run: Callable[..., Article], text: str, expected: dict[str, str]) -> None:
    places = _by_name(run(text, until=UNTIL))
    for name, country in expected.items():
        assert places[name].country == country, (name, places.get(name))


@pytest.mark.parametrize("text", [
    "The committee will meet again next week to discuss the budget.",
    "Mobile phone sales rose 4 percent, the company said.",
    "Police said the man was arrested after a chase.",
    "Syrian and French officials held talks.",
    "The Syrian Observatory for Human Rights said 12 people were killed.",
])
def test_no_places(run: Callable[..., Article], text: str) -> None:
    assert run(text, until=UNTIL).places == []


def test_district_takes_enclosing_city_coordinates(run: Callable[..., Article]) -> None:
    text = ("Government aircraft bombed the Sukkari district of Aleppo on Sunday, a monitoring "
            "group said. Residents of Syria's second city said the strikes lasted hours.")
    places = _by_name(run(text, until=UNTIL))
    sukkari = places["Sukkari"]
    assert sukkari.feature == "district" and sukkari.country == "SY"
    assert sukkari.lat == places["Aleppo"].lat and sukkari.geonameid is None


def test_province_phrase_resolves_its_name(run: Callable[..., Article]) -> None:
    text = ("Air strikes hit villages in Idlib province on Tuesday, and clashes continued in "
            "Deir ez-Zor governorate, in eastern Syria.")
    places = _by_name(run(text, until=UNTIL))
    idlib = places["Idlib"]
    assert idlib.feature == "admin" and idlib.country == "SY" and idlib.lat is not None


def test_person_name_is_not_a_place(run: Callable[..., Article]) -> None:
    # "Aydin" is also a Turkish city; here it is a person's surname.
    text = ("Turkish Foreign Minister Mehmet Aydin met his counterpart in Ankara. "
            "Aydin said the talks were useful.")
    places = _by_name(run(text, until=UNTIL))
    assert "Aydin" not in places and places["Ankara"].country == "TR"


def test_unknown_toponym_is_kept_unresolved(run: Callable[..., Article]) -> None:
    text = "Fighting broke out in Qaryat al-Zzzabiyya, a village in Syria, residents said."
    article = run(text, until=UNTIL)
    for place in article.places:
        if place.country is None and place.feature != "other":
            pytest.fail(f"resolved place without a country: {place}")
        if place.lat is not None:
            assert place.geonameid is not None or place.feature in ("district", "admin")


@pytest.mark.parametrize("text", [
    "x", "...", "“Unbalanced quote in Aleppo", "ALEPPO —", "Aleppo, , , Syria,",
    "Ḩalab ⸻ ✈️ 🇸🇾 Aleppo\u200b Syria", "Paris, " * 2000, "In " + "Aleppo and Idlib. " * 3000,
])
def test_odd_inputs_do_not_raise(run: Callable[..., Article], text: str) -> None:
    article = run(text, until=UNTIL)
    _check_offsets(article)


def test_stage_handles_missing_doc(resources) -> None:
    from newsevents.stages.places import resolve_places

    article = Article(text="Aleppo")
    assert resolve_places(article, resources).places == []


# --- issue 5: recognition and disambiguation cases ---------------------------------------

def _place_at(article: Article, word: str) -> Place | None:
    start = article.text.index(word)
    return next((p for p in article.places if any(s <= start < e for s, e in p.mentions)), None)


@pytest.mark.parametrize("text,word,country,feature", [
    # "X province" and a bare first-level area: the area itself, not its eponymous city.
    ("Government forces pushed deeper into Idlib province on Sunday, a monitor said.",
     "Idlib", "SY", "admin"),
    ("Militants attacked an army base in Anbar overnight, Iraqi officials said.",
     "Anbar", "IQ", "admin"),
    # Lower-case modifiers stay outside the name.
    ("Shelling of eastern Aleppo continued on Saturday, residents said.", "Aleppo", "SY", "city"),
    ("Officials in the northern city of Irbil said 300 families had arrived.",
     "Irbil", "IQ", "city"),
    ("Thousands fled to camps near the border with Turkey, aid groups said.",
     "Turkey", "TR", "country"),
    # Country focus: Gaza in an Israel story, not the Mozambican province.
    ("Israeli aircraft struck Gaza on Monday, Israel's army said. Egypt urged calm.",
     "Gaza", "PS", "city"),
    # "X, Y" and "X in Y".
    ("Floods cut roads around Lebanon, Tenn., on Monday, the county mayor said.",
     "Lebanon", "US", "city"),
    ("The plant in Lebanon in Tennessee will close next year, the company said.",
     "Lebanon", "US", "city"),
])
def test_issue_cases_resolve(run: Callable[..., Article], text: str, word: str,
                             country: str, feature: str) -> None:
    article = run(text, until=UNTIL)
    _check_offsets(article)
    place = _place_at(article, word)
    assert place is not None, [p.name for p in article.places]
    assert (place.country, place.feature) == (country, feature)
    assert place.lat is not None and place.lon is not None
    start = article.text.index(word)
    assert (start, start + len(word)) in place.mentions  # "eastern", "the city of" left out


def test_atareb_west_of_aleppo_resolves_near_aleppo(run: Callable[..., Article]) -> None:
    article = run("Rebels shelled the town of Atareb, west of Aleppo, on Friday, killing 12 "
                  "civilians, the Syrian Observatory for Human Rights said.", until=UNTIL)
    places = _by_name(article)
    atareb, aleppo = places["Atareb"], places["Aleppo"]
    assert atareb.country == aleppo.country == "SY" and atareb.feature == "city"
    assert atareb.geonameid is not None
    assert abs(atareb.lat - aleppo.lat) < 0.5 and atareb.lon < aleppo.lon  # west of Aleppo


@pytest.mark.parametrize("text", [
    "Syrian troops and Russian advisers were seen on the road, French officials said.",
    "The Iraqi parliament met as Kurdish and Turkish delegations arrived.",
])
def test_demonyms_are_not_places(run: Callable[..., Article], text: str) -> None:
    article = run(text, until=UNTIL)
    assert not article.places, [p.name for p in article.places]


@pytest.mark.parametrize("text,word,state,near", [
    # A US local story: Louisiana context pulls Alexandria to Louisiana, not Egypt.
    ("ALEXANDRIA, La. — A Rapides Parish deputy arrested a man in Alexandria on Tuesday. "
     "State police said the suspect had fled from Pineville.", "deputy", "LA", (31.3, -92.4)),
    # "X County" is the county, named with its County word.
    ("Deputies in Laurel County, Ky., searched a farm near London on Friday, the sheriff said.",
     "London", "KY", (37.1, -84.1)),
])
def test_us_local_context(run: Callable[..., Article], text: str, word: str, state: str,
                          near: tuple[float, float]) -> None:
    from newsevents.geo.resolve import distance_km

    article = run(text, until=UNTIL)
    _check_offsets(article)
    located = [p for p in article.places if p.lat is not None and p.feature != "admin"
               or p.feature == "admin" and "County" in p.name or "Parish" in p.name]
    assert located
    for place in located:
        assert place.country == "US", place
        assert distance_km(place.lat, place.lon, *near) < 161, place
    county = next(p for p in article.places if p.name.endswith(("County", "Parish")))
    start = min(county.mentions)[0]
    assert article.text[start:min(county.mentions)[1]] == county.name


def test_weak_evidence_gives_no_resolution(run: Callable[..., Article]) -> None:
    # A small US town named in a Kenya story: a guess would be wrong more often than right.
    article = run("Kenyan police said on Monday that two suspects had been arrested in Nairobi "
                  "and that a third had fled to Uhrichsville.", until=UNTIL)
    town = _place_at(article, "Uhrichsville")
    if town is not None:
        assert town.lat is None and town.geonameid is None
    assert _by_name(article)["Nairobi"].country == "KE"


def test_resolution_given_a_demonym_span_is_its_country(run: Callable[..., Article],
                                                       resources) -> None:
    from newsevents.stages.places import resolve_given_spans

    article = run("Palestinian officials met Egyptian mediators in Cairo.", until=UNTIL)
    spans = [(0, len("Palestinian")), (article.text.index("Egyptian"),
                                       article.text.index("Egyptian") + len("Egyptian"))]
    given = resolve_given_spans(article, spans, resources)
    assert [p.country for p in given] == ["PS", "EG"]
    assert all(p.feature == "country" for p in given)


def _given(run, resources, text: str, words: list[str]):
    from newsevents.stages.places import resolve_given_spans

    article = run(text, until=UNTIL)
    spans = [(article.text.index(w), article.text.index(w) + len(w)) for w in words]
    return resolve_given_spans(article, spans, resources)


def test_a_demonym_span_of_a_state_or_town_resolves_to_its_stem(run, resources) -> None:
    # Told the span is a place, a demonym names its country, state or sizeable town.
    given = _given(run, resources,
                   "Ohioans and Cypriot tourists joined Texans at the fair in Columbus, Ohio.",
                   ["Ohioans", "Cypriot", "Texans"])
    assert [(p.country, p.feature) for p in given] == [("US", "admin"), ("CY", "country"),
                                                        ("US", "admin")]
    assert [p.name for p in given] == ["Ohioans", "Cyprus", "Texans"]
    assert abs(given[0].lat - 40.4) < 1.5 and abs(given[2].lat - 31.2) < 1.5


def test_a_demonym_before_a_suffix_still_names_its_country(run, resources) -> None:
    # "a Palestinian state": "state" is no suffix of an area called "Palestinian".
    given = _given(run, resources, "Envoys discussed a future Palestinian state on Monday.",
                   ["Palestinian state"])
    assert given[0] is not None and given[0].country == "PS"


@pytest.mark.parametrize("stem,word", [("texas", "texans"), ("ohio", "ohioan"),
                                       ("minnesota", "minnesotans"), ("new london", None),
                                       ("dagestan", "dagestani"), ("abkhazia", "abkhaz"),
                                       ("ontario", "ontarians"), ("richmond", "richmondites")])
def test_demonym_stems(stem: str, word: str | None) -> None:
    from newsevents.geo.resolve import demonym_stems

    if word is None:
        assert "london" in demonym_stems("londoners")
    else:
        assert stem in demonym_stems(word)


def test_abbreviated_county_and_township_suffixes(run, resources) -> None:
    # GeoNames has no townships: a township is placed at its namesake town, with no id.
    text = ("Deputies from Kanawha Co. and police in Readington Township searched the "
            "river banks near Flemington, N.J., on Sunday.")
    article = run(text, until=UNTIL)
    township = _place_at(article, "Readington")
    assert township is not None and township.feature == "admin" and township.geonameid is None
    given = _given(run, resources, text, ["Kanawha Co.", "Readington Township"])
    assert given[0].name == "Kanawha County" and given[0].geonameid == 4810630


def test_a_town_before_state_university_is_the_town(run, resources) -> None:
    # "State" starts an institution's name after a town no state or province is named after.
    given = _given(run, resources, "Students at Bowling Green State University voted on "
                   "Tuesday to approve a new fee.", ["Bowling Green"])
    assert given[0].feature == "city" and given[0].country == "US"
    assert given[0].geonameid is not None  # an admin place built from a town has no id


def test_a_province_by_its_english_name(run: Callable[..., Article]) -> None:
    # GeoNames calls it "Anhui Sheng"; copy says "Anhui province".
    article = run("Officials in Anhui province reported new cases of bird flu.", until=UNTIL)
    anhui = _place_at(article, "Anhui")
    assert anhui is not None and anhui.country == "CN" and anhui.geonameid == 1818058


@pytest.mark.parametrize("text,word,geonameid", [
    # Dotted initials are a city's short form; "La." after a town is Louisiana.
    ("Police in L.A. arrested two men on Sunday.", "L.A.", 5368361),
    ("The storm hit Baton Rouge, La., on Sunday.", "La.", 4331987),
    ("He flew from N.Y.C. to Albany, N.Y., on Monday.", "N.Y.C.", 5128581),
])
def test_initials_and_state_abbreviations(run: Callable[..., Article], text: str, word: str,
                                          geonameid: int) -> None:
    place = _place_at(run(text, until=UNTIL), word)
    assert place is not None and place.geonameid == geonameid


@pytest.mark.parametrize("text,word,feature,geonameid", [
    # A governor governs the area named after its capital, not the city.
    ("The Murmansk governor resigned abruptly on Saturday.", "Murmansk", "admin", 524304),
    ("Gunmen attacked a market on Friday, the Governor of Kano said.", "Kano", "admin", 2335196),
    ("Police in Murmansk said two people died in the fire.", "Murmansk", "city", 524305),
    # "the state of X" is the state; "the X region" is the area where one bears the name.
    ("The cow was found in December of 2003 in the state of Washington.", "Washington",
     "admin", 5815135),
    ("Fighting in the Idlib region killed 12 people on Sunday.", "Idlib", "admin", 169387),
])
def test_an_area_word_names_the_area(run: Callable[..., Article], text: str, word: str,
                                     feature: str, geonameid: int) -> None:
    place = _place_at(run(text, until=UNTIL), word)
    assert place is not None and place.feature == feature and place.geonameid == geonameid


def test_a_district_word_before_an_institution_is_no_district(run: Callable[..., Article]) -> None:
    # "Ramsey District Court" is a court of Ramsey, not a district called Ramsey.
    article = run("The complaint was filed in Ramsey District Court in St. Paul, Minn., "
                  "on Tuesday.", until=UNTIL)
    ramsey = _place_at(article, "Ramsey")
    assert ramsey is None or ramsey.feature != "district"


def test_a_camp_with_no_city_around_lies_at_its_namesake(run, resources) -> None:
    camp = _given(run, resources, "Residents of the Jenin camp in the West Bank said soldiers raided "
                  "several homes overnight.", ["Jenin", "West Bank"])[0]
    assert camp is not None and camp.feature == "district" and camp.country == "PS"
    assert abs(camp.lat - 32.46) < 0.2 and abs(camp.lon - 35.3) < 0.2


def test_a_country_demonym_span_is_the_country_over_small_namesakes(run, resources) -> None:
    # "Canadian" is also a small Texas town; told it is a place, it is Canada.
    given = _given(run, resources, "The Canadian Coast Guard and European diplomats joined "
                   "the search on Monday.", ["Canadian", "European"])
    assert given[0].country == "CA" and given[0].feature == "country"
    assert given[1] is not None and given[1].name in ("Europe", "European")


@pytest.mark.parametrize("text,word,name,geonameid", [
    # Canadian Press province abbreviations, read like US states'.
    ("ST. JOHN'S, N.L. - The victims of a helicopter crash were named on Friday.", "N.L.",
     "N.L.", 6354959),
    ("A man from Kingston, Ont., was charged on Monday.", "Ont.", "Ont.", 6093943),
    # An all-caps dateline name is title-cased with its apostrophe intact.
    ("ST. JOHN'S, N.L. - The victims of a helicopter crash were named on Friday.", "ST. JOHN'S",
     "St. John's", None),
])
def test_canadian_province_abbreviations(run: Callable[..., Article], text: str, word: str,
                                         name: str, geonameid: int | None) -> None:
    place = _place_at(run(text, until=UNTIL), word)
    assert place is not None and place.name == name
    assert geonameid is None or place.geonameid == geonameid


def test_a_given_saints_name_keeps_its_s(run, resources) -> None:
    # Told "St. John's" is a place, its 's is part of the name (a possessive elsewhere).
    given = _given(run, resources, "Ferries left St. John's, N.L., on Monday, and Aleppo's "
                   "markets reopened.", ["St. John's", "Aleppo's"])
    assert given[0].geonameid == 6324733 and given[1].name == "Aleppo"


@pytest.mark.parametrize("text,word,feature,country", [
    # A sea is the sea, with no point; the province named after it only where copy says so.
    ("Houthi rebels fired missiles at a cargo ship in the Red Sea on Tuesday.", "Red Sea",
     "other", None),
    ("Officials in Sudan's Red Sea state said the port had reopened.", "Red Sea", "admin", "SD"),
    ("A boat carrying migrants sank in the Mediterranean off Libya, the U.N. said.",
     "Mediterranean", "other", None),
])
def test_seas_are_not_provinces(run: Callable[..., Article], text: str, word: str,
                                feature: str, country: str | None) -> None:
    place = _place_at(run(text, until=UNTIL), word)
    assert place is not None and place.feature == feature and place.country == country


@pytest.mark.parametrize("text,word,feature,country", [
    # A list is of one kind: a member that can be a state among states is the state...
    ("Cases were reported in Tennessee, Texas, Utah, Virginia, Washington, West Virginia and "
     "Wyoming.", "Washington", "admin", "US"),
    ("Outbreaks hit Benin, Ghana, Guinea, Niger and Senegal, the WHO said.", "Niger",
     "country", "NE"),
    ("Cases were found in British Columbia, Alberta, Manitoba, Ontario and New Brunswick.",
     "New Brunswick", "admin", "CA"),
    # Two countries in a row are a list, not a town called China in Japan.
    ("Many countries, among them China, Japan, and the United Kingdom, warned the WHO.",
     "China", "country", "CN"),
    # ... but "Washington, D.C." in a list is still the city, and a name alone is unchanged.
    ("Fans came from Ohio, Texas and Washington, D.C., to see him.", "Washington", "city", "US"),
    ("Officials in Washington said on Monday that the talks would resume.", "Washington",
     "city", "US"),
])
def test_a_list_is_of_one_kind(run: Callable[..., Article], text: str, word: str,
                               feature: str, country: str) -> None:
    place = _place_at(run(text, until=UNTIL), word)
    assert place is not None and place.feature == feature and place.country == country


def test_a_city_region_lies_at_the_city(run: Callable[..., Article]) -> None:
    article = run("There were nine cases of the virus in the Houston region, officials said.",
                  until=UNTIL)
    houston = _place_at(article, "Houston")
    assert houston is not None and abs(houston.lat - 29.76) < 0.3 and abs(houston.lon + 95.36) < 0.3


@pytest.mark.parametrize("text,word,name,country", [
    # A sentence-initial "The" is no part of the name unless the gazetteer says so.
    ("The United States said on Monday it would send aid.", "United States", "United States",
     "US"),
])
def test_a_leading_the_is_dropped(run: Callable[..., Article], text: str, word: str, name: str,
                                  country: str) -> None:
    place = _place_at(run(text, until=UNTIL), word)
    assert place is not None and place.name == name and place.country == country
    assert place.mentions[0][0] == text.index(word)


def test_eu_is_not_a_french_town(run, resources) -> None:
    given = _given(run, resources, "Trump threatened the EU with new tariffs on Thursday.",
                   ["EU"])
    assert given[0] is not None and given[0].feature == "other" and given[0].country is None


def test_somali_member_states_are_territories(run: Callable[..., Article]) -> None:
    article = run("Troops from Puntland and Jubaland clashed on Sunday.", until=UNTIL)
    for name in ("Puntland", "Jubaland"):
        place = _place_at(article, name)
        assert place is not None and place.country == "SO" and place.lat is not None


def test_promo_line_places_never_reach_the_output(run: Callable[..., Article]) -> None:
    text = ("Rebels shelled the town of Atareb on Friday, the Syrian Observatory said.\n\n"
            "Download the Daily Courier app for breaking news from our newsroom in Chicago.\n\n"
            "Residents said the bombardment lasted for hours.")
    article = run(text, until=UNTIL)
    assert "Chicago" not in article.text  # the text stage dropped the promo line
    assert "Chicago" not in {p.name for p in article.places}
    assert "Atareb" in {p.name for p in article.places}


@pytest.mark.parametrize("text,word,country,feature", [
    # "Ohio, Oregon" is a list of states, not Ohio inside Oregon.
    ("Recalled pistachios were sold in Ohio, Oregon and Texas, regulators said.",
     "Ohio", "US", "admin"),
    # A headline read as a person ("Rethinking Egypt") must not hide the country later on.
    ("Rethinking Egypt. Since the election, officials in Egypt have sought closer ties.",
     "in Egypt", "EG", "country"),
    # An abbreviation used as a name.
    ("Equine flu has spread to horses across NSW, the state's chief vet said on Sunday.",
     "NSW", "AU", "admin"),
])
def test_lists_headlines_and_abbreviations(run: Callable[..., Article], text: str, word: str,
                                           country: str, feature: str) -> None:
    article = run(text, until=UNTIL)
    start = article.text.index(word) + (3 if word.startswith("in ") else 0)
    place = next((p for p in article.places if any(s <= start < e for s, e in p.mentions)), None)
    assert place is not None, [p.name for p in article.places]
    assert (place.country, place.feature) == (country, feature)
    assert place.lat is not None


def test_unique_small_town_resolves_in_a_story_of_its_country(run: Callable[..., Article]) -> None:
    # The only place of that name anywhere, in a story about its own country: no need to abstain.
    article = run("Police in Uhrichsville said on Monday that a man from Ohio had been "
                  "arrested.", until=UNTIL)
    town = _place_at(article, "Uhrichsville")
    assert town is not None and town.country == "US" and town.lat is not None


@pytest.mark.parametrize("text,word,country", [
    ("Drug dealer arrested near airport. BEIRUT: A suspected drug dealer was arrested on "
     "Sunday, police said.", "BEIRUT", "LB"),
    ("Governor's budget draws fire\n\nCOLUMBUS, Ohio (AP) — Advocates criticised the plan on "
     "Monday.", "COLUMBUS", "US"),
])
def test_dateline_after_a_headline(run: Callable[..., Article], text: str, word: str,
                                   country: str) -> None:
    article = run(text, until=UNTIL)
    place = _place_at(article, word)
    assert place is not None and place.country == country and place.lat is not None


def test_capitalised_label_after_a_headline_is_no_dateline(run: Callable[..., Article]) -> None:
    article = run("Council meets. UPDATE: The meeting was moved to Tuesday.", until=UNTIL)
    assert _place_at(article, "UPDATE") is None


# --- places at the head of institution names ---------------------------------------------

@pytest.mark.parametrize("text,word,country", [
    # Local government: the town or county is taken on its own.
    ("A burglary suspect was arrested on Tuesday, the Killeen Police Department said in a "
     "statement.", "Killeen", "US"),
    ("The Douglas County Sheriff's Office in Minnesota said the driver was taken to a "
     "hospital.", "Douglas", "US"),
    # Other institutions: only a place the story also names on its own.
    ("Ohio Supreme Court justices heard arguments on Wednesday in a case that could change "
     "how cities in Ohio collect taxes.", "Ohio", "US"),
    # A national body named after its country: the country is mentioned.
    ("Samples were sent to the U.S. Centers for Disease Control and Prevention in Atlanta.",
     "U.S.", "US"),
    ("Soldiers of the Kenya Army helped evacuate villagers from the flooded valley.",
     "Kenya", "KE"),
])
def test_place_at_the_head_of_an_institution_name(run: Callable[..., Article], text: str,
                                                  word: str, country: str) -> None:
    article = run(text, until=UNTIL)
    place = _place_at(article, word)
    assert place is not None, [p.name for p in article.places]
    assert place.country == country and place.lat is not None


@pytest.mark.parametrize("text,word", [
    # Universities, brands and national departments: the place is not a mention of its own.
    ("She taught journalism at Columbia University for a decade, her family said.", "Columbia"),
    ("Shares of Texas Instruments rose on Monday after the chipmaker's earnings report.",
     "Texas"),
    ("A spokeswoman for the United States Department of Agriculture confirmed the recall.",
     "United States"),
])
def test_institution_names_that_are_not_place_mentions(run: Callable[..., Article], text: str,
                                                        word: str) -> None:
    article = run(text, until=UNTIL)
    assert _place_at(article, word) is None


def test_institution_word_alone_does_not_make_a_place(run: Callable[..., Article]) -> None:
    # "Wright" is a town name somewhere, but it is taken only when the article names it as a
    # place: a state-university name is not a local-government body.
    article = run("Administrators at Wright Historical Society will give up raises this year.",
                  until=UNTIL)
    assert _place_at(article, "Wright") is None


# --- local coherence and named states ------------------------------------------------------

def test_county_goes_to_the_state_the_article_names(run: Callable[..., Article]) -> None:
    article = run("Deputies in Montgomery County closed the road on Friday after the spill, "
                  "and Kentucky transportation officials said it would reopen on Monday.",
                  until=UNTIL)
    county = _place_at(article, "Montgomery")
    assert county is not None and county.country == "US"
    assert abs(county.lat - 38.03) < 1.0 and abs(county.lon + 83.9) < 1.0  # Kentucky's


def test_nearby_towns_pull_an_ambiguous_name_to_their_area(run: Callable[..., Article]) -> None:
    # Paris, Tennessee, not Paris, France or Paris, Texas: Henry County and Puryear are next to it.
    article = run("A Paris man was arrested on Tuesday after a chase that began in Puryear and "
                  "ended in Henry County, deputies said.", until=UNTIL)
    paris = _place_at(article, "Paris")
    assert paris is not None and paris.country == "US"
    assert abs(paris.lat - 36.30) < 0.5 and abs(paris.lon + 88.33) < 0.5


@pytest.mark.parametrize("text,town,county,lat,lon", [
    # A town and the county it lies in, both named: each picks the other among namesakes.
    ("Henry County deputies said the Paris man was released on bond on Monday.",
     "Paris", "Henry", 36.30, -88.33),
    ("The burn ban for Walker County was lifted on Monday, fire officials in Huntsville said.",
     "Huntsville", "Walker", 30.72, -95.55),
])
def test_a_town_and_its_county_pick_each_other(run: Callable[..., Article], text: str,
                                               town: str, county: str, lat: float,
                                               lon: float) -> None:
    article = run(text, until=UNTIL)
    town_place, county_place = _place_at(article, town), _place_at(article, county)
    assert town_place is not None and county_place is not None
    assert abs(town_place.lat - lat) < 0.3 and abs(town_place.lon - lon) < 0.3
    assert abs(county_place.lat - lat) < 0.6 and abs(county_place.lon - lon) < 0.6


def test_cities_know_their_county(resources) -> None:
    paris = [e for e in resources.gazetteer.lookup("Paris")
             if e.country == "US" and e.admin1 == "TN"]
    assert paris and paris[0].county == "henry county"


@pytest.mark.parametrize("others,expected", [
    ([(36.4, -88.3)], 1.0),  # 11 km away: full support
    ([(36.3, -86.8)], 0.1),  # 137 km: little
    ([(40.0, 10.0)], 0.0),  # another continent
    ([(36.4, -88.3), (10.0, 10.0), (20.0, 20.0), (30.0, 30.0)], 0.5),  # a widespread name
])
def test_coherence_support_fades_with_distance_and_spread(others: list, expected: float) -> None:
    from newsevents.gazetteer import GeoEntry
    from newsevents.geo.coherence import local_cells, support

    def town(lat: float, lon: float) -> GeoEntry:
        return GeoEntry(2, None, "Puryear", lat, lon, "US", "city", 700, "TN")

    entry = GeoEntry(1, None, "Paris", 36.3, -88.33, "US", "city", 10_000, "TN")
    cells = {"paris": local_cells([entry]), "other": local_cells([town(*p) for p in others])}
    assert support(entry, cells, "paris") == pytest.approx(expected, abs=0.1)


# --- county lists and counties -------------------------------------------------------------

@pytest.mark.parametrize("text,members", [
    ("School boards in Barrow, Jackson and Madison counties tweaked their policies.",
     ["Barrow", "Jackson", "Madison"]),
    ("Volunteers from Nassau and Baker counties in Florida joined the cleanup.",
     ["Nassau", "Baker"]),
    ("Deputies from St. Clair or Monroe counties were called.", ["St. Clair", "Monroe"]),
    ("The Texas and Oklahoma counties hit by the storm will get aid.", ["Texas", "Oklahoma"]),
    ("Avoyelles and Rapides parishes closed schools.", ["Avoyelles", "Rapides"]),
    ("The county commissioners met on Monday.", []),
])
def test_county_list_members(text: str, members: list[str]) -> None:
    from newsevents.geo.county_lists import county_list_members

    found = county_list_members(text)
    assert [name for _, _, name, _ in found] == members
    assert all(text[s:e] == name for s, e, name, _ in found)


def test_every_member_of_a_county_list_is_a_county(run: Callable[..., Article]) -> None:
    article = run("ATHENS, Ga. — School boards in Barrow, Jackson and Madison counties tweaked "
                  "their layoff policies on Monday.", until=UNTIL)
    for name, lat, lon in (("Barrow", 34.0, -83.7), ("Jackson", 34.1, -83.6),
                           ("Madison", 34.1, -83.2)):
        place = _place_at(article, name)
        assert place is not None and place.feature == "admin" and place.country == "US", name
        assert abs(place.lat - lat) < 0.5 and abs(place.lon - lon) < 0.5, name


def test_county_is_resolved_beside_a_country_named_town(run: Callable[..., Article]) -> None:
    # "Lebanon" (the Indiana town) must not make the county's US reading incredible.
    article = run("A Lebanon man was held in the Boone County Jail on Friday after police "
                  "found stolen tools in his truck.", until=UNTIL)
    county = _place_at(article, "Boone")
    assert county is not None and county.country == "US" and county.lat is not None


# --- one sense per discourse ------------------------------------------------------------------

def test_qualified_name_fixes_its_bare_mentions(run: Callable[..., Article]) -> None:
    article = run("A teacher in Alexandria, Minn., retired on Friday. Alexandria honored her "
                  "with a parade.", until=UNTIL)
    first = _place_at(article, "Alexandria")
    assert first is not None and first.country == "US" and abs(first.lat - 45.9) < 0.3
    later = article.text.index("Alexandria honored")
    assert any(s <= later < e for s, e in first.mentions)  # the same Place, not Egypt's
    state = _place_at(article, "Minn.")
    assert state is not None and state.country == "US" and state.feature == "admin"


def test_name_used_as_a_place_is_a_place_when_tagged_person(run: Callable[..., Article]) -> None:
    # The small model tags the second "Alexandria" PERSON.
    article = run("Snow closed roads around Alexandria on Monday. Alexandria got 14 inches, and "
                  "crews worked through the night.", until=UNTIL)
    place = _place_at(article, "Alexandria")
    assert place is not None and len(place.mentions) == 2


def test_institution_head_that_is_also_a_foreign_area_name(run: Callable[..., Article]) -> None:
    # "Alexandria" is also a governorate; the institution rule must still see the city.
    article = run("The Alexandria City Public Schools board met on Monday to discuss the "
                  "budget.", until=UNTIL)
    assert _place_at(article, "Alexandria") is not None


# --- American wording votes for the US -------------------------------------------------------

@pytest.mark.parametrize("text,cues", [
    ("The Laurel County Sheriff's Office closed I-75 near Interstate 64.",
     ["Laurel County", "Sheriff", "I-75", "Interstate 64"]),
    ("Rep. Torrey Westrom, R-Elbow Lake, and Democrats on the School District board agreed.",
     ["Rep. T", "R-Elbow", "Democrats", "School District"]),
    ("Police said the man, of 2517 Memphis St., told the school board the varsity team won.",
     ["2517 Memphis St.", "school board", "varsity"]),
    ("The aldermen asked the city manager to meet the county commissioners.",
     ["aldermen", "city manager", "county commissioners"]),
    # British forms are not American cues.
    ("The High Sheriff of Cambridgeshire thanked Kent County Council.", []),
])
def test_us_cues(text: str, cues: list[str]) -> None:
    from newsevents.geo.resolve import US_CUES

    assert [m.group() for m in US_CUES.finditer(text)] == cues


def test_british_wording_keeps_a_bare_town_in_britain(run: Callable[..., Article]) -> None:
    # "Richmond" alone is more often Virginia's; pounds and a Crown Court say England.
    article = run("A Richmond man was fined £400 at Kingston Crown Court on Tuesday for dumping "
                  "rubbish beside the river in Richmond.", until=UNTIL)
    place = _place_at(article, "Richmond")
    assert place is not None and place.country == "GB"


def test_american_wording_keeps_a_bare_town_in_the_us(run: Callable[..., Article]) -> None:
    # No state named: "Athens" alone would be Greece's capital.
    article = run("Deputies said a crash in Athens closed Interstate 65 for two hours on Friday, "
                  "and the Sheriff's Office asked drivers to avoid the area.", until=UNTIL)
    athens = _place_at(article, "Athens")
    assert athens is not None and athens.country == "US"


@pytest.mark.parametrize("text,word,expected", [
    ("The Family Policy Council of West Virginia opposed the bill on Tuesday.",
     "West Virginia", True),
    ("She cashed the checks at a Bank of America branch on Parham Road.", "America", False),
    ("Researchers at the University of Georgia tested the samples.", "Georgia", False),
])
def test_place_at_the_tail_of_an_organisation_name(run: Callable[..., Article], text: str,
                                                   word: str, expected: bool) -> None:
    article = run(text, until=UNTIL)
    assert (_place_at(article, word) is not None) == expected, [p.name for p in article.places]


def test_named_state_outweighs_another_state_for_its_capital(run: Callable[..., Article]) -> None:
    # "Georgia" is also a country; in an American story it is the state, and Atlanta is its
    # capital, not the small Atlanta in Texas, the other state the story names.
    article = run("Lawmakers in Georgia approved the plan on Tuesday. A company from Texas "
                  "will build the plant, which will employ 300 people near Atlanta.",
                  until=UNTIL)
    atlanta = _place_at(article, "Atlanta")
    assert atlanta is not None and atlanta.country == "US"
    assert abs(atlanta.lat - 33.75) < 0.3 and abs(atlanta.lon + 84.39) < 0.3


# --- places used as modifiers ----------------------------------------------------------------

@pytest.mark.parametrize("text,word,country", [
    ("Rep. Torrey Westrom, R-Elbow Lake, said the rules were too strict.", "Elbow Lake", "US"),
    ("Rep. Nick Rahall, D-W. Va., chairs the committee.", "W. Va.", "US"),
    # a hometown with an inner capital, before a full stop or "and"
    ("The bill's sponsor was Del. Carl Moore, D-McDowell. He said it would pass.",
     "McDowell", "US"),
    ("The co-chairs are Sen. Rich Olive, D-Story City and Rep. Ann Lee, D-Ames.",
     "Story City", "US"),
    ("A Gainesville man was sentenced to 15 years on Monday in Florida.", "Gainesville", "US"),
    ("Danbury police arrested the mason on Monday night in Connecticut.", "Danbury", "US"),
    ("Corporate officials for Northbrook-based Crate & Barrel declined to comment.",
     "Northbrook", "US"),
])
def test_place_used_as_a_modifier(run: Callable[..., Article], text: str, word: str,
                                  country: str) -> None:
    article = run(text, until=UNTIL)
    place = _place_at(article, word)
    assert place is not None, [p.name for p in article.places]
    assert place.country == country and place.lat is not None


@pytest.mark.parametrize("text,word", [
    ("Area residents packed the meeting on Tuesday.", "Area"),
    ("The Clinton family gathered at the lake on Sunday.", "Clinton"),
])
def test_common_words_and_families_are_not_modifier_places(run: Callable[..., Article],
                                                           text: str, word: str) -> None:
    assert _place_at(run(text, until=UNTIL), word) is None


def test_bare_county_name_in_a_state_the_article_names(run: Callable[..., Article]) -> None:
    # "DeKalb" without its County word: no town of that name in Georgia, so the county.
    article = run("Schools in DeKalb and Gwinnett will close on Monday, Georgia officials said.",
                  until=UNTIL)
    dekalb = _place_at(article, "DeKalb")
    assert dekalb is not None and dekalb.country == "US" and dekalb.feature == "admin"
    assert abs(dekalb.lat - 33.77) < 0.4 and abs(dekalb.lon + 84.23) < 0.4


@pytest.mark.parametrize("text, absent", [
    ("MOGADISHU, Somalia (Horn Daily) - A car bomb exploded at a market on Saturday.", "Horn"),
    ("KABUL (Kabul Times) - Students marched through Herat on Tuesday.", "Kabul"),
])
def test_a_dateline_agency_is_the_outlet_not_a_place(run: Callable[..., Article], text: str,
                                                     absent: str) -> None:
    article = run(text, until=UNTIL)
    agency_start = text.index("(") + 1
    assert not any(start >= agency_start and end <= text.index(")")
                   for place in article.places for start, end in place.mentions)
    if absent == "Horn":
        assert absent not in {p.name for p in article.places}


# --- one sense per discourse, and places inside longer tagged spans -------------------------

def test_every_repeat_of_a_town_the_article_names_is_a_mention(run: Callable[..., Article]) -> None:
    # A headline the model misreads and the head of a local body both name the town.
    article = run("Harrisonburg teens charged in barn fire. Two teenagers from Harrisonburg were "
                  "charged on Monday, Harrisonburg Police said. The fire destroyed a barn "
                  "near Harrisonburg on Saturday night.", until=UNTIL)
    place = _place_at(article, "Harrisonburg")
    assert place is not None and place.country == "US"
    assert len(place.mentions) == 4


@pytest.mark.parametrize("text,word", [
    # Inside a longer proper name, a university's or a newspaper's, the town is not a mention.
    ("Crews cleared snow in Tucson on Monday. The University of Tucson closed its campus.",
     "Tucson"),
    ("Flooding closed roads in Halifax overnight. The Halifax Herald reported that roads were shut.",
     "Halifax"),
])
def test_repeats_inside_longer_names_are_not_mentions(run: Callable[..., Article], text: str,
                                                      word: str) -> None:
    article = run(text, until=UNTIL)
    place = _place_at(article, word)
    assert place is not None and len(place.mentions) == 1


@pytest.mark.parametrize("text,word,country", [
    ("Most school districts in Northeast Texas are reviewing their layoff policies.",
     "Texas", "US"),
    ("Firefighters were called to the Cottonport Fire Station late on Friday.", "Cottonport",
     "US"),
    ("Mourners gathered at St. Mary's Church in Elizabethtown on Sunday.", "Elizabethtown",
     "US"),
])
def test_place_inside_a_longer_tagged_span(run: Callable[..., Article], text: str, word: str,
                                            country: str) -> None:
    article = run(text, until=UNTIL)
    place = _place_at(article, word)
    assert place is not None and place.country == country and place.lat is not None
    start, end = place.mentions[0]
    assert article.text[start:end] == word


@pytest.mark.parametrize("text,word", [
    # Hamlets below the scan's population floor, taken where the words around say "place".
    ("Deputies said the three men drove to Nitro on Oct. 14 to look at the house.", "Nitro"),
    ("Larry Dunaway, 61, of Berea, told deputies he had been riding along the road.",
     "Berea"),
    ("He was born in the small village of Flumeri in southern Italy in 1936.", "Flumeri"),
    ("The bank has branches in Gainesville and Lindsay, Bigbie said.", "Lindsay"),
])
def test_small_places_named_where_the_words_say_place(run: Callable[..., Article], text: str,
                                                       word: str) -> None:
    article = run(text, until=UNTIL)
    assert _place_at(article, word) is not None, [p.name for p in article.places]


@pytest.mark.parametrize("text,word", [
    ("\"I talked to Roy today at the council meeting,\" Lewis said on Monday.", "Roy"),
    ("City attorneys rejected a settlement offer from Stevens & Wilkinson last month.",
     "Stevens"),
    ("Classes resumed in March after the flood, the principal said.", "March"),
])
def test_people_firms_and_months_after_a_cue_are_not_places(run: Callable[..., Article],
                                                            text: str, word: str) -> None:
    article = run(text, until=UNTIL)
    assert _place_at(article, word) is None


@pytest.mark.parametrize("text,word,lat,lon", [
    # Parts of a town the gazetteer lacks are placed at the town.
    ("Cargo volumes at the Port of Los Angeles fell 12 percent in March.", "Port of Los Angeles",
     34.05, -118.24),
    ("Home prices in the Las Vegas Valley rose again in February.", "Las Vegas Valley",
     36.17, -115.14),
    ("The fire burned two homes in Mt. Pleasant, Texas, on Sunday.", "Mt. Pleasant",
     33.16, -94.97),
])
def test_part_of_a_town_is_placed_at_the_town(run, resources, text: str, word: str, lat: float,
                                              lon: float) -> None:
    (place,) = _given(run, resources, text, [word])
    assert place is not None and abs(place.lat - lat) < 0.3 and abs(place.lon - lon) < 0.3


def test_a_bare_name_is_the_town_before_an_area_named_after_it(run: Callable[..., Article]) -> None:
    # Western Australia has a "Cambridge" council area whose member towns add up to Perth.
    article = run("Researchers in Cambridge said on Monday that the trial had been a success, "
                  "the university's press office in England said.", until=UNTIL)
    place = _place_at(article, "Cambridge")
    assert place is not None and place.country == "GB"


def test_every_member_of_a_county_list_finds_its_county(run: Callable[..., Article]) -> None:
    # "Clay, Douglas" inside the list is not Clay inside Douglas.
    article = run("Flood warnings are in effect for roads in Becker, Clay, Douglas, Mahnomen, "
                  "Otter Tail and Wilkin counties, the Minnesota Department of Transportation "
                  "said.", until=UNTIL)
    for name in ("Clay", "Douglas", "Wilkin"):
        place = _place_at(article, name)
        assert place is not None and place.country == "US" and place.lat is not None, name
        assert 44.5 < place.lat < 48.0, name  # all in western Minnesota


def test_an_area_with_its_council_is_the_area(run, resources) -> None:
    (place,) = _given(run, resources, "The scheme is funded by Lancashire County Council, a "
                      "spokesman said.", ["Lancashire"])
    assert place is not None and place.country == "GB" and place.lat is not None


def test_an_old_name_of_a_named_place_is_the_town_bearing_it_today(run: Callable[..., Article]) -> None:
    # Mount Gilead, Ohio, was once called Youngstown; a story datelined there that names
    # Youngstown means the city that bears the name now.
    article = run("MOUNT GILEAD, Ohio (AP) -- The city court has run out of paper. In Youngstown, "
                  "the mayor wants city employees to work fewer hours.", until=UNTIL)
    place = _place_at(article, "Youngstown")
    assert place is not None and place.name == "Youngstown" and abs(place.lat - 41.1) < 0.2


@pytest.mark.parametrize("text,word", [
    # A dateline after a byline's date, and one whose dash a scraper turned into two spaces.
    ("Board weighs bus cuts. By ANN ROY Advocate Reporter March 29, 2009 PATASKALA -- City "
     "officials say the routes can be saved.", "PATASKALA"),
    ("University names interim head. CINCINNATI  The school's trustees met on Monday.",
     "CINCINNATI"),
    # A legislator's state after the party letter, dotted.
    ("The bill's sponsor, Rep. Charles Rangel, D-N.Y., said the bonuses must be repaid.",
     "N.Y."),
])
def test_late_datelines_and_party_labels(run: Callable[..., Article], text: str, word: str) -> None:
    article = run(text, until=UNTIL)
    place = _place_at(article, word)
    assert place is not None and place.country == "US" and place.lat is not None


@pytest.mark.parametrize("text,whole", [
    # A named region is not a part of a small or foreign namesake of its last word.
    ("Farmers in West Prince who keep domestic birds were told to keep them indoors.",
     "West Prince"),
])
def test_a_region_named_with_a_direction_stays_whole(run: Callable[..., Article], text: str,
                                                     whole: str) -> None:
    article = run(text, until=UNTIL)
    start = text.index(whole)
    assert not [p for p in article.places for s, e in p.mentions
                if s < start + len(whole) and start < e and (s, e) != (start, start + len(whole))]


def test_a_village_name_with_a_foreign_connector_is_one_name(run: Callable[..., Article]) -> None:
    article = run("The strain has been confirmed in the villages of Ceamurlia de Jos and Maliuc, "
                  "officials said.", until=UNTIL)
    start = article.text.index("Ceamurlia")
    spans = [(s, e) for p in article.places for s, e in p.mentions if s <= start < e]
    assert spans and article.text[slice(*spans[0])] == "Ceamurlia de Jos"


@pytest.mark.parametrize("text", [
    "The Madison Twp. trustees voted on Monday to repave two roads.",
    "The Madison Twp trustees voted on Monday to repave two roads.",
])
def test_township_abbreviation_with_or_without_its_dot(run: Callable[..., Article], text: str) -> None:
    # Found or given, "Twp" is the township suffix: the township sits at its namesake town.
    article = run(text, until=UNTIL)
    place = _place_at(article, "Madison")
    assert place is not None and place.country == "US" and place.lat is not None
    start, end = place.mentions[0]
    assert article.text[start:end].rstrip(".") == "Madison Twp"


# --- places embedded in longer names (geo.embedded) ---------------------------------------

def _embedded(article: Article) -> dict[str, Place]:
    return {article.text[s:e]: p for p in article.places for s, e in p.embedded_mentions}


@pytest.mark.parametrize("text,word,country", [
    ("A researcher at the University of Cincinnati said the samples were sent on Monday.",
     "Cincinnati", "US"),
    ("Troopers with the Texas Department of Public Safety closed the highway on Tuesday.",
     "Texas", "US"),
    ("A reporter for the Knoxville News Sentinel asked the mayor about the budget.",
     "Knoxville", "US"),
    ("The Kentucky Court of Appeals overturned the ruling on Thursday.", "Kentucky", "US"),
])
def test_a_place_inside_a_longer_name_is_an_embedded_mention(
        run: Callable[..., Article], text: str, word: str, country: str) -> None:
    article = run(text, until=UNTIL)
    place = _embedded(article).get(word)
    assert place is not None and place.country == country and place.lat is not None
    start = text.index(word)
    # Not a mention of its own: the name says where an actor is from, not where things happen.
    assert not any(s <= start < e for p in article.places for s, e in p.mentions)


@pytest.mark.parametrize("text,word", [
    ("Dow Chemical Co. said on Monday that profits fell in the quarter.", "Co."),
    ("The Section 2AA Team Tournament ends on Saturday in the school gym.", "Section"),
    ("She joined the Nebraska Centennial Conference in 2004.", "Centennial"),
    ("Jordan Henderson scored twice before half-time on Saturday.", "Jordan"),
])
def test_words_and_people_inside_names_are_not_places(run: Callable[..., Article], text: str,
                                                      word: str) -> None:
    article = run(text, until=UNTIL)
    start = text.index(word)
    assert not any(s <= start < e for p in article.places
                   for s, e in p.mentions + p.embedded_mentions)


def test_an_embedded_state_picks_the_namesake_town(run: Callable[..., Article]) -> None:
    # The state in an agency's name is the article's context: this Athens is in Georgia.
    article = run("ATHENS — Agents from the Georgia Bureau of Investigation arrested a man on "
                  "Tuesday after a break-in at a pharmacy on Prince Avenue.", until=UNTIL)
    athens = _place_at(article, "ATHENS")
    assert athens is not None and athens.country == "US" and abs(athens.lat - 33.96) < 0.2


def test_events_do_not_take_a_place_from_an_embedded_mention(run: Callable[..., Article]) -> None:
    article = run("Gunmen attacked a convoy near Mosul on Sunday, killing four soldiers, a "
                  "spokesman for the University of Baghdad hospital said.")
    embedded = {p.id for p in article.places if p.embedded_mentions and not p.mentions}
    assert embedded
    assert all(e.place_id not in embedded for e in article.events)
    assert all(c.place_id not in embedded for c in article.casualties)


def test_a_street_named_after_a_place_is_not_that_place(run: Callable[..., Article]) -> None:
    article = run("ARLINGTON, Texas — Two cars collided on Washington Drive near City Hall on "
                  "Monday, police said.", until=UNTIL)
    street = _place_at(article, "Washington")
    assert street is not None and street.name == "Washington Drive"
    assert street.feature == "district" and street.country == "US"
    start, end = street.mentions[0]
    assert article.text[start:end] == "Washington Drive"
    # placed at the city it lies in, not at Washington, D.C., or the state
    arlington = _place_at(article, "ARLINGTON")
    assert (street.lat, street.lon) == (arlington.lat, arlington.lon)


@pytest.mark.parametrize("text,street,city", [
    ("CHARLESTON, W.Va. — A body was found Sunday in a parked car on Francis Street, police "
     "said.", "Francis Street", "CHARLESTON"),
    ("Flood water closed Highway 200 east of Mahnomen on Tuesday, the state said.",
     "Highway 200", "Mahnomen"),
])
def test_a_street_of_any_name_is_placed_at_its_city(run: Callable[..., Article], text: str,
                                                    street: str, city: str) -> None:
    article = run(text, until=UNTIL)
    place = _place_at(article, street)
    assert place is not None and place.name == street and place.feature == "district"
    assert [text[s:e] for s, e in place.mentions] == [street]
    town = _place_at(article, city)
    assert town is not None and (place.lat, place.lon) == (town.lat, town.lon)


def test_a_town_and_its_state_outweigh_a_person_tag(run: Callable[..., Article]) -> None:
    # The small model tags "Sioux Falls" a person; a town of that name in South Dakota wins.
    article = run("The finalists were Louisville, Ky., New Haven, Conn., Sioux Falls, S.D. and "
                  "Surprise, Ariz.", until=UNTIL)
    place = _place_at(article, "Sioux Falls")
    assert place is not None and place.country == "US" and abs(place.lat - 43.55) < 0.5


@pytest.mark.parametrize("text,word,name", [
    # The model cuts a town's name short: the longer name the gazetteer has is the place.
    ("A jury found Carla Dunn, 52, of Gun Barrel City, guilty of theft on Friday.",
     "Gun", "Gun Barrel City"),
    # "the Province of X" / "the State of X" is the area itself.
    ("The budget will cost the citizens of the Province of Ontario more, he said.",
     "Ontario", "Ontario"),
    # A direction before a dotted state abbreviation is part of that state.
    ("The festival draws visitors from all over Western Mass. every summer.", "Mass.", "Mass."),
])
def test_a_tagged_span_is_cut_or_grown_to_the_place_name(run: Callable[..., Article], text: str,
                                                         word: str, name: str) -> None:
    article = run(text, until=UNTIL)
    place = _place_at(article, word)
    assert place is not None and place.lat is not None
    start, end = next((s, e) for s, e in place.mentions if s <= text.index(word) < e)
    assert text[start:end] == name


@pytest.mark.parametrize("text,word,country", [
    ("He fought at the Battle of Richmond before he was captured, the museum said.",
     "Richmond", "US"),
    ("The grant went to the South Central Tennessee Development District, officials said.",
     "Tennessee", "US"),
])
def test_a_tagged_name_no_gazetteer_bears_gives_its_place_as_embedded(
        run: Callable[..., Article], text: str, word: str, country: str) -> None:
    article = run(text, until=UNTIL)
    place = _embedded(article).get(word)
    assert place is not None and place.country == country and place.lat is not None
    # The unplaceable whole name is gone: it is an event's or a body's, not a place's.
    assert all(p.lat is not None for p in article.places)


def test_a_tagged_span_of_places_and_directions_gives_the_place_itself(
        run: Callable[..., Article]) -> None:
    text = "Rescue crews searched the hills of North-Western Sydney on Tuesday after the storm."
    article = run(text, until=UNTIL)
    place = _place_at(article, "Sydney")
    assert place is not None and place.country == "AU"
    assert [text[s:e] for s, e in place.mentions] == ["Sydney"]


def test_a_small_town_heading_its_own_body_is_embedded(run: Callable[..., Article]) -> None:
    article = run("Rising fuel costs might force the Crestwood Board of Education to amend its "
                  "budget in May, the superintendent said.", until=UNTIL)
    place = _embedded(article).get("Crestwood")
    assert place is not None and place.country == "US"


def test_a_paired_town_is_the_same_town_when_named_again(run: Callable[..., Article]) -> None:
    text = ("The finalists were Louisville, Ky., New Haven, Conn., Sioux Falls, S.D. and "
            "Surprise, Ariz. Louisville, New Haven and Sioux Falls are also repeat finalists.")
    article = run(text, until=UNTIL)
    second = text.rindex("Sioux Falls")
    place = next((p for p in article.places for s, e in p.mentions if s == second), None)
    assert place is not None and place is _place_at(article, "Sioux Falls")


@pytest.mark.parametrize("text,word", [
    # The model tags these towns as people; the words around them say "place".
    ("Police found the car abandoned off Telegraph Road in Glen Allen on Sunday.", "Glen Allen"),
    ("Deputies said the Meadow Grove man was released from the Madison County jail on Friday.",
     "Meadow Grove"),
])
def test_place_cues_outweigh_a_person_tag(run: Callable[..., Article], text: str,
                                          word: str) -> None:
    place = _place_at(run(text, until=UNTIL), word)
    assert place is not None and place.country == "US"


@pytest.mark.parametrize("text,word", [
    ("Police Chief Tom Rawls said the road would reopen by Friday.", "Police"),
    ("Pastor Ray Dunn said God would see the town through the flood.", "God"),
])
def test_a_capitalised_common_word_is_not_a_foreign_town(run: Callable[..., Article], text: str,
                                                         word: str) -> None:
    # "Police" (a town in Poland) and "God" (Göd, Hungary) are words here.
    assert _place_at(run(text, until=UNTIL), word) is None


@pytest.mark.parametrize("text,sides", [
    ("The river is expected to crest at 40 feet in Fargo-Moorhead on Friday.",
     ("Fargo", "Moorhead")),
    ("She toured the Paris-Henry County Heritage Center on Monday.", ("Paris", "Henry County")),
    ("Crews cut trails near the Greenbrier-Pocahontas County line last summer.",
     ("Greenbrier", "Pocahontas County")),
])
def test_a_hyphenated_pair_of_neighbouring_places_is_two_places(
        run: Callable[..., Article], text: str, sides: tuple[str, str]) -> None:
    article = run(text, until=UNTIL)
    spans = {text[s:e]: p for p in article.places for s, e in p.mentions + p.embedded_mentions}
    places = [spans.get(side) for side in sides]
    assert all(p is not None and p.country == "US" for p in places)


def test_a_double_barrelled_name_is_no_pair_of_places(run: Callable[..., Article]) -> None:
    article = run("Shares of Coca-Cola and Rolls-Royce rose on Tuesday.", until=UNTIL)
    assert article.places == []


def test_a_headline_read_as_a_name_hides_no_town(run: Callable[..., Article]) -> None:
    text = ("Freemason Bogdanov Joins Sochi Mayor Race. The mayoral election in Sochi, which "
            "will host the Winter Olympics, is set for April 26.")
    article = run(text, until=UNTIL)
    place = _place_at(article, "Sochi,")
    assert place is not None and place.country == "RU"


def test_a_later_story_on_the_page_has_its_own_dateline(run: Callable[..., Article]) -> None:
    text = ("DECATUR - The council approved the budget on Monday. BEIRUT: The body of a man "
            "was found near the port on Sunday, police in the Lebanese capital said.")
    article = run(text, until=UNTIL)
    place = _place_at(article, "BEIRUT")
    assert place is not None and place.country == "LB"


def test_a_longer_form_of_a_name_is_no_evidence_for_it() -> None:
    # "Dublin City Council" beside "Dublin": the council's Irish reading must not count as a
    # second name pointing to Ireland; "Boulder City" is another name and counts.
    from collections import Counter

    from newsevents.geo.resolve import Context
    context = Context(countries=Counter({"IE": 2, "US": 1}), own={
        "dublin": (Counter({"IE": 1}), Counter()), "dublin city": (Counter({"IE": 1}), Counter()),
        "boulder city": (Counter({"US": 1}), Counter())})
    assert context.share("US", "dublin") == 1.0
    assert context.share("IE", "dublin") == 0.0
    assert context.share("IE", "boulder city") == 1.0


def test_a_name_before_a_word_for_its_people_is_a_town_not_a_country(
        run: Callable[..., Article]) -> None:
    text = ("Prosecutors said on Tuesday that a Lebanon woman accused of arson will stand "
            "trial in June.")
    article = run(text, until=UNTIL)
    place = _place_at(article, "Lebanon")
    assert place is not None and place.feature == "city" and place.country == "US"


def test_a_place_after_directions_that_start_a_name_is_found(run: Callable[..., Article]) -> None:
    text = "Members of the North East Texas Regional Water Planning Group met on Wednesday."
    article = run(text, until=UNTIL)
    place = _place_at(article, "Texas")
    assert place is not None and place.country == "US" and place.feature == "admin"


def test_the_tail_of_a_longer_name_is_still_not_a_place(run: Callable[..., Article]) -> None:
    text = "The bank reported a loss. NHS West Midlands has said that the number of patients rose."
    article = run(text, until=UNTIL)
    assert _place_at(article, "Midlands") is None


def test_a_town_opening_a_headline_before_a_word_for_its_people_is_a_place(
        run: Callable[..., Article]) -> None:
    article = run("Haslett student telethon raises $16,000 for shelter. The money will go to a "
                  "women's shelter.", until=UNTIL)
    place = _place_at(article, "Haslett")
    assert place is not None and place.country == "US"


def test_a_common_noun_opening_a_sentence_is_not_a_town(run: Callable[..., Article]) -> None:
    article = run("Police officers said the road was closed for two hours.", until=UNTIL)
    assert article.places == []


def test_a_country_of_several_words_tagged_as_a_person_is_a_place(
        run: Callable[..., Article]) -> None:
    text = "Hard-headed realists like Sri Lanka's former president argue that the talks failed."
    article = run(text, until=UNTIL)
    place = _place_at(article, "Sri Lanka")
    assert place is not None and place.country == "LK"
    assert [text[s:e] for s, e in place.mentions] == ["Sri Lanka"]


def test_numbered_us_roads_and_the_elks_say_the_story_is_american(
        run: Callable[..., Article]) -> None:
    # Flemington, Victoria, is bigger than Flemington, N.J.; the road and the lodge decide.
    article = run("Flemington Elks plan a comedy show. The lodge on Route 31 will open its doors "
                  "at 7 p.m. on April 8.", until=UNTIL)
    town = next((p for p in article.places if p.name == "Flemington"), None)
    assert town is not None and town.country == "US"


@pytest.mark.parametrize("text,town", [
    ("Crews cleared fallen trees around Lanexa on Sunday, the county said.", "Lanexa"),
    ("Storm damage was reported throughout Parkers Prairie after midnight.", "Parkers Prairie"),
])
def test_more_locatives_cue_a_small_town(run: Callable[..., Article], text: str, town: str) -> None:
    place = _place_at(run(text, until=UNTIL), town)
    assert place is not None and place.country == "US"


@pytest.mark.parametrize("text,town", [
    ("Thieves broke into an eight-bedroom Dunwoody home on Friday, police said.", "Dunwoody"),
    ("Dog thieves hit Lindsay area farms last week.", "Lindsay"),
])
def test_a_name_the_tagger_calls_proper_before_a_place_noun_is_a_town(
        run: Callable[..., Article], text: str, town: str) -> None:
    # No "a"/"the" right before it: "an eight-bedroom Dunwoody home", "hit Lindsay area farms".
    place = _place_at(run(text, until=UNTIL), town)
    assert place is not None and place.lat is not None


@pytest.mark.parametrize("text,name,county", [
    ("Small Hitchcock and Hayes counties in southwest Nebraska grew last year.", "Hitchcock",
     "Hitchcock County"),
    ("The state's three largest counties — Douglas, Lancaster and Sarpy — grew by 14,000 "
     "people.", "Sarpy", "Sarpy County"),
])
def test_county_lists_with_a_sentence_word_or_after_their_word(
        run: Callable[..., Article], text: str, name: str, county: str) -> None:
    place = _place_at(run(text, until=UNTIL), name)
    assert place is not None and place.name == county and place.feature == "admin"


def test_a_world_city_tagged_as_a_person_is_a_place(run: Callable[..., Article]) -> None:
    text = ("Officials said Georgian agents could be behind “the terrorist act.” Tbilisi has "
            "denied the allegation and the Georgian television station said so on Monday.")
    place = _place_at(run(text, until=UNTIL), "Tbilisi")
    assert place is not None and place.country == "GE"


def test_a_world_city_that_is_a_surname_in_the_article_stays_a_person(
        run: Callable[..., Article]) -> None:
    text = "Singer Whitney Houston arrived late. Houston said she was tired."
    assert _place_at(run(text, until=UNTIL), "Houston") is None


def test_an_abbreviation_keeps_its_dot(run: Callable[..., Article]) -> None:
    text = "One of their sons, Spencer Lewis of Bethel, Vt., declined to comment yesterday."
    article = run(text, until=UNTIL)
    state = _place_at(article, "Vt")
    assert state is not None and state.name == "Vt." and state.country == "US"
    assert [text[s:e] for s, e in state.mentions] == ["Vt."]


def test_a_later_dateline_after_a_closing_quote(run: Callable[..., Article]) -> None:
    text = ("Police said the man “was driving home.” ST. JOHN'S, N.L. - Rescuers searched the "
            "cold water off the coast on Friday for two missing fishermen.")
    place = _place_at(run(text, until=UNTIL), "ST. JOHN'S")
    assert place is not None and place.country == "CA"


def test_a_city_named_after_its_state_heads_an_institution(run: Callable[..., Article]) -> None:
    text = "A flight from Kansas City International to Dallas costs about $40 more, the airline said."
    place = _place_at(run(text, until=UNTIL), "Kansas")
    assert place is not None and place.name == "Kansas City" and place.feature == "city"


def test_a_country_named_with_and_is_read_whole(run: Callable[..., Article]) -> None:
    text = "A cargo ship under the flag of St. Kitts and Nevis sank in bad weather on Monday."
    place = _place_at(run(text, until=UNTIL), "St. Kitts")
    assert place is not None and place.country == "KN"
    assert [text[s:e] for s, e in place.mentions] == ["St. Kitts and Nevis"]


def test_the_state_a_story_names_most_places_its_county(run: Callable[..., Article]) -> None:
    # Indiana three times, four neighbouring states once each: Boone County, Ind., not Ky.
    text = ("Jobless rate climbs in county. Boone County's unemployment rate reached 7.7 percent "
            "in February, up from 7.3 percent in January. Indiana's rate was 9.4 percent. "
            "Economists said Indiana had lost factory jobs all winter, and Indiana officials "
            "expect a slow spring. Ohio's rate rose 0.6 points, while Kentucky's climbed 0.5 "
            "points and Michigan's 0.4.")
    county = _place_at(run(text, until=UNTIL), "Boone County")
    assert county is not None and county.name == "Boone County" and abs(county.lat - 40.02) < 0.2


@pytest.mark.parametrize("text,name", [
    ("Cyprus joined the European Union in 2004, officials noted.", "European Union"),
    ("Promising to make Russia an EU member, he won 1.3 percent of the vote.", "EU"),
])
def test_the_european_union_is_a_place_as_a_country_is(run: Callable[..., Article], text: str,
                                                      name: str) -> None:
    # Tagged ORG by the model; like "Russia" or "Cyprus", its name is a place mention, at
    # its seat (Brussels), actor or not.
    place = _place_at(run(text, until=UNTIL), name)
    assert place is not None and abs(place.lat - 50.85) < 0.1 and place.feature == "other"


def test_an_english_county_heading_its_county_council_is_embedded(
        run: Callable[..., Article]) -> None:
    text = "Loans of up to £5,000 are funded by Lancashire County Council’s development company."
    article = run(text, until=UNTIL)
    county = next((p for p in article.places if p.name == "Lancashire"), None)
    assert county is not None and county.country == "GB" and county.embedded_mentions


def test_a_town_the_model_calls_a_person_is_placed_by_any_of_its_mentions(
        run: Callable[..., Article]) -> None:
    # "in Parkers Prairie" says place; the address's "Parkers Prairie" is tagged a person,
    # and a town after a street and a comma closes an address.
    text = ("Blood drive set in Parkers Prairie. Donors may sign in at the fire hall, Room 4, "
            "Highway 29, Parkers Prairie, from 9 a.m. to noon on Saturday.")
    article = run(text, until=UNTIL)
    spans = {(s, e): p for p in article.places for s, e in p.mentions}
    towns = [spans.get((m.start(), m.end())) for m in re.finditer("Parkers Prairie", text)]
    assert all(p is not None and p.country == "US" and round(p.lat) == 46 for p in towns)


def test_an_estate_named_after_towns_is_no_place(run: Callable[..., Article]) -> None:
    text = ("Police were called twice last week to the Madison Creek and Hampton Hills "
            "apartment complexes on Elm Street, the sheriff said. A Gainesville apartment was "
            "also searched.")
    names = {p.name for p in run(text, until=UNTIL).places}
    assert "Madison" not in names and "Hampton" not in names
    assert "Gainesville" in names  # an apartment in a town is in the town


def test_a_company_short_name_is_no_place(run: Callable[..., Article]) -> None:
    # "Titan Operating", then "Titan": the company, though a village in Afghanistan bears it.
    text = ("Titan Operating won a permit on Tuesday to drill on a horse farm in north "
            "Arlington. Titan, which has not drilled in the city before, plans to start in May. "
            "Titan will pay the owner a royalty.")
    article = run(text, until=UNTIL)
    assert [p.name for p in article.places] == ["Arlington"]


def test_a_tagged_street_is_not_cut_to_a_town_it_starts_with(run: Callable[..., Article]) -> None:
    text = "The well site sits on a farm at North Cooper Street and Green Oaks Boulevard."
    place = _place_at(run(text, until=UNTIL), "Green Oaks")
    assert place is not None and place.name == "Green Oaks Boulevard"


def test_a_dotted_direction_is_no_given_name(run: Callable[..., Article]) -> None:
    # The model reads "N.W. Rochester" as a person's name: no one is called "N.W.".
    text = ("Fire damages N.W. Rochester home; no one hurt. Crews were at the house for two "
            "hours, Rochester Fire Department Capt. Ann Lee said.")
    assert _place_at(run(text, until=UNTIL), "Rochester Fire") is not None


def test_a_town_heads_the_state_school_named_after_it(run: Callable[..., Article]) -> None:
    text = ("Rhodes taught for years at the former Belchertown State School before she ran for "
            "the Amherst school board.")
    article = run(text, until=UNTIL)
    start = text.index("Belchertown")
    place = next((p for p in article.places
                  if any(s == start for s, _ in p.embedded_mentions)), None)
    assert place is not None and place.country == "US" and round(place.lat) == 42


def test_money_in_dollars_is_american_wording(run: Callable[..., Article]) -> None:
    # No state named: the dollars tip "Mansfield" from England to the US.
    text = ("MANSFIELD - The city council on Monday approved refinancing $10 million of debt "
            "at a lower rate, which the finance director said would save the city about "
            "$400,000 a year.")
    place = _place_at(run(text, until=UNTIL), "MANSFIELD")
    assert place is not None and place.country == "US"


def test_countries_close_by_over_water_count_as_neighbours(run: Callable[..., Article]) -> None:
    # Cyprus borders no one, Syria does not border Gaza: both are close enough to count.
    text = ("Cypriot officials held a freighter in Limassol on Tuesday after inspectors found "
            "rockets in its hold. The ship had sailed from Latakia in Syria and was bound for "
            "Gaza, a Cypriot diplomat said. Nicosia has asked Damascus to explain the cargo.")
    place = _place_at(run(text, until=UNTIL), "Gaza")
    assert place is not None and place.country == "PS"


def test_a_county_by_its_bare_name_heads_its_hospital(run: Callable[..., Article]) -> None:
    text = ("The boy, 2, was pronounced dead at Gwinnett Medical Center on Sunday. Rangers "
            "searched the Davy Crockett National Forest for the driver.")
    article = run(text, until=UNTIL)
    start = text.index("Gwinnett")
    place = next((p for p in article.places
                  if any(s == start for s, _ in p.embedded_mentions)), None)
    assert place is not None and place.feature == "admin" and round(place.lat) == 34
    assert not any("Crockett" in p.name for p in article.places)  # a man's name, not a county


@pytest.mark.parametrize("text,name,country", [
    # The model cuts the long name at "of the" and tags its tail apart, or calls it a person.
    ("Fighting in the east of the Democratic Republic of the Congo has displaced 40,000 "
     "people, the UN said.", "Democratic Republic of the Congo", "CD"),
    ("Voters in Antigua and Barbuda go to the polls on Thursday.", "Antigua and Barbuda", "AG"),
])
def test_a_country_long_name_the_model_splits_is_one_place(
        run: Callable[..., Article], text: str, name: str, country: str) -> None:
    article = run(text, until=UNTIL)
    start = text.index(name)
    assert [(text[s:e], p.country) for p in article.places for s, e in p.mentions
            if s <= start < e] == [(name, country)]
    assert len(article.places) == 1


def test_a_place_in_a_named_country_is_never_a_namesake_elsewhere(
        run: Callable[..., Article]) -> None:
    # Sumatra the island is in no gazetteer; Sumatra, Fla., is not "in Indonesia". The
    # district is then its own town, not the other city of the sentence (Atlanta).
    text = ("Samples from six villagers in the Kabanjahe district of Sumatra in Indonesia "
            "tested negative for bird flu, the Centers for Disease Control in Atlanta, "
            "Georgia, said. U.S. experts will visit Indonesia next month.")
    article = run(text, until=UNTIL)
    sumatra = _place_at(article, "Sumatra")
    assert sumatra is None or sumatra.country != "US"
    district = _place_at(article, "Kabanjahe")
    assert district is not None and district.country == "ID"


def test_an_english_county_goes_by_its_bare_name(run: Callable[..., Article]) -> None:
    text = ("Bird flu was confirmed at a turkey farm in Suffolk on Friday, Britain's "
            "environment department said, and a second flock in Norfolk will be culled.")
    article = run(text, until=UNTIL)
    assert [(_place_at(article, n) or Place(id="", name=n)).country
            for n in ("Suffolk", "Norfolk")] == ["GB", "GB"]


@pytest.mark.parametrize("text,word,country", [
    ("A tsunami struck the Indonesian island of Java on Monday afternoon, officials said.",
     "Java", "ID"),
    ("Police on Sumatra detained two men over the fires, the governor said.", "Sumatra", "ID"),
    ("A boat carrying 300 migrants capsized in the Mediterranean off Lampedusa on Sunday.",
     "Lampedusa", "IT"),
    ("A Russian warship was struck in the Black Sea overnight, the navy said.",
     "Black Sea", None),
])
def test_islands_and_seas_are_placed(run: Callable[..., Article], text: str, word: str,
                                     country: str | None) -> None:
    place = _place_at(run(text, until=UNTIL), word)
    assert place is not None and place.lat is not None and place.country == country


def test_a_known_name_is_not_cut_from_a_longer_one_the_gazetteer_lacks(
        run: Callable[..., Article]) -> None:
    # "Abu" is a town in India; "Shok" is no English word, so "Abu Shok" is one name.
    text = ("Relief work has restarted in Abu Shok refugee camp in Al-Fashir, Darfur, the "
            "charity said.")
    place = _place_at(run(text, until=UNTIL), "Abu")
    assert place is None or place.country != "IN"


def test_a_province_no_gazetteer_has_is_not_a_town_abroad(run: Callable[..., Article]) -> None:
    # No "Nyanza" province in the gazetteer; the town of Nyanza is in Rwanda, not in view.
    text = ("Cholera has killed 45 people in Nyanza province, Kenyan health officials said on "
            "Monday. Kenya's health ministry has banned food at public gatherings in Kisumu.")
    place = _place_at(run(text, until=UNTIL), "Nyanza")
    assert place is None or place.country != "RW"


def test_a_name_the_model_calls_a_person_and_no_place_bears_is_no_place(
        resources: Resources) -> None:
    from spacy.tokens import Span

    from newsevents.geo.mentions import find_toponyms
    from newsevents.stages import nlp

    text = ("Zhvania died in 2005. Investigators said Zhvania was poisoned by gas. Doctors "
            "from the village of Kampungu said Kampungu had no clinic.")
    doc = nlp.parse(Article(text=text), resources).doc
    tokens = [t for t in doc if t.text in ("Zhvania", "Kampungu")]
    # The small model's mixed reading, fixed here: a person once, a place after.
    doc.ents = [Span(doc, t.i, t.i + 1, label="PERSON" if n in (0, 2) else "GPE")
                for n, t in enumerate(tokens)]
    found = {t.text for t in find_toponyms(doc, resources.gazetteer, [],
                                           resources.common_words, resources.english_nouns)}
    assert "Zhvania" not in found  # nobody's place: a man the model also calls a person
    assert "Kampungu" in found  # "the village of Kampungu" says place
