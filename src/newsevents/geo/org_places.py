"""Places at the head of institution names: "the Mansfield Police Department", "Ohio Supreme
Court", "Douglas County Hospital", "Uganda Ministry of Health".

Geoparsing gold (LGL, GeoVirus) counts the place in such a name as a place mention, and
local news names its town mostly this way. A name is taken only in a narrow form, so that
brand names that start with a place ("Texas Instruments", "Washington Post", "Boston Red
Sox") stay out:
- the organisation span (a spaCy ORG entity or an ORG/GROUP mention of the entities stage)
  starts, after "the", with capitalised words that name a place;
- the word right after them is an institution word (INSTITUTION_WORDS: Police, Court,
  Department, County...);
- the place is a country, a first-level area (a US state), "X County/Parish" that the
  gazetteer has, or a city of at least MIN_CITY_POPULATION people; a people's surname
  ("Madison" after "James Madison") is never taken on its own;
- local-government words (LOCAL_WORDS: Police, Sheriff, City, County, Council...) are enough;
  other institution words need the place named elsewhere in the article too.
A place also ends a name after its last "of" ("the Family Policy Council of West Virginia")
when it is a country, a US state or a city of TAIL_MIN_POPULATION, by its primary name
("Bank of America" is no place), and not after a university or college word.
"""

from __future__ import annotations

from typing import Any

from ..gazetteer import ABBREVIATION, ALIAS, ALTERNATE, PRIMARY, Gazetteer, name_key

INSTITUTION_WORDS = {
    "police", "sheriff", "sheriff's", "sheriff’s", "council", "city", "county", "parish",
    "board", "commission", "schools", "high", "fire", "national", "highway",
    "chamber", "department", "dept", "house", "senate", "legislature", "general", "supreme",
    "superior", "district", "municipal", "township", "government", "health",
    "housing", "transit", "parks", "regional", "metropolitan", "area", "community",
    "emergency", "rescue", "historical", "arts", "symphony", "army", "guard", "patrol",
    "division", "bureau", "authority", "planning", "zoning", "economic", "tourism",
    "convention", "republican", "democratic", "water", "utilities", "office", "attorney",
    "prosecutor", "prosecutor's", "clerk", "commissioners", "assessor", "treasurer",
    "coroner", "constabulary", "mayor", "town", "village", "ministry",
}
# "State" and "Public" are left out of the list ("Michigan State University", "Buffalo
# Public Schools" are names that GeoVirus' gold does not count), as are universities,
# colleges, schools and courts, more often named after people ("Columbia University").
# A ministry after a city name is a country's; a country's or state's name before
# "Department" reads as an adjective ("United States Department of Agriculture", "Illinois
# Department of Natural Resources"): GeoVirus' gold does not count them (LGL's does).
NOT_AFTER_CITY = {"ministry"}
# National bodies named after their country or state ("U.S. Centers for Disease Control",
# "the California Department of Public Health" is left out above): both gold sets count
# the place in "U.S. Food and Drug Administration", "Kenya Army", "U.S. Embassy".
NATIONAL_WORDS = {"centers", "centres", "food", "environmental", "embassy", "consulate",
                  "federal", "army", "navy", "air", "agency", "geological", "coast", "forest",
                  "armed", "defense", "defence", "customs", "border", "immigration", "census",
                  "postal", "marine", "marines", "foreign", "interior", "treasury", "justice",
                  "agriculture", "energy", "nuclear", "meteorological", "institutes"}
INSTITUTION_WORDS |= NATIONAL_WORDS
# Local government: the town or county a local story is about ("Killeen Police Department").
# Other institution words need the place named elsewhere in the article as well, because
# statewide and national bodies ("Ohio State University", "Illinois Department of Natural
# Resources") are often named in stories that are about somewhere else.
LOCAL_WORDS = {"police", "sheriff", "sheriff's", "sheriff’s", "council", "city", "county",
               "parish", "fire", "township", "town", "village", "mayor", "commissioners",
               "clerk", "coroner", "constabulary", "municipal"}
NOT_AFTER_AREA = {"department", "dept"}
MIN_CITY_POPULATION = 2_000
TAIL_MIN_POPULATION = 100_000
ACADEMIC_WORDS = {"university", "college", "institute", "school", "academy"}
MAX_NAME_TOKENS = 3


def org_head_places(doc: Any, gazetteer: Gazetteer, entities: list[Any],
                    person_names: set[str], known: set[str] = frozenset()
                    ) -> list[tuple[int, int, str]]:
    """(start, end, text) of the place at the head of each institution name.

    `known` holds the keys of names already found as places elsewhere in the article.
    """
    spans = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"}
    for entity in entities:
        if getattr(entity, "type", None) in ("ORG", "GROUP"):
            spans.update(tuple(m) for m in entity.mentions)
    found = []
    for start, end in sorted(spans):
        span = doc.char_span(start, end, alignment_mode="expand")
        head = _head_place(span, gazetteer, person_names) if span is not None else None
        if head is None:
            tail = _tail_place(span, gazetteer) if span is not None else None
            if tail is not None:
                found.append((tail.start_char, tail.end_char, tail.text))
            continue
        following = doc[head.end].lower_
        local = following in LOCAL_WORDS or following in ("county", "parish") or (
            following in NATIONAL_WORDS and _country_or_state(head.text, gazetteer))
        if following == "city" and head.end + 1 < len(doc) and names_town(
                f"{head.text} {doc[head.end].text}", gazetteer):
            # "Kansas City International", "Iowa City Power": the city, not the state
            head, local = doc[head.start:head.end + 1], True
        if local or name_key(head.text) in known:
            found.append((head.start_char, head.end_char, head.text))
    return found


def _head_place(span: Any, gazetteer: Gazetteer, person_names: set[str]) -> Any:
    first = span.start
    while first < span.end and span.doc[first].lower_ in ("the", "a"):
        first += 1
    # The longest capitalised head that names a place and is followed by an institution word.
    for stop in range(min(span.end - 1, first + MAX_NAME_TOKENS), first, -1):
        words = span.doc[first:stop]
        following = span.doc[stop]
        if not all(t.text[:1].isupper() or t.text in ("-", ".") for t in words):
            continue
        if following.lower_ not in INSTITUTION_WORDS or not following.text[:1].isupper():
            continue
        if _names_place(words.text, following.lower_, gazetteer, person_names):
            return words
    return None


def names_town(name: str, gazetteer: Gazetteer) -> bool:
    """True when a town bears this as its own (primary) name, not an alias or old name."""
    return any(e.feature == "city" and e.match == PRIMARY for e in gazetteer.lookup(name))


def _country_or_state(name: str, gazetteer: Gazetteer) -> bool:
    return any(e.match != ALTERNATE and (e.feature == "country" or e.is_us_state)
               for e in gazetteer.lookup(name))


def _tail_place(span: Any, gazetteer: Gazetteer) -> Any:
    """Y in "the University of Cincinnati", "Family Policy Council of West Virginia".

    Only a country, a US state or a city of TAIL_MIN_POPULATION people, and only the whole
    rest of the name after its last "of".
    """
    ofs = [t.i for t in span if t.lower_ == "of"]
    if not ofs or ofs[-1] >= span.end - 1 or ofs[-1] == span.start:
        return None
    if span.doc[ofs[-1] - 1].lower_ in ACADEMIC_WORDS:  # "University of Georgia": a name
        return None
    tail = span.doc[ofs[-1] + 1:span.end]
    if not all(t.text[:1].isupper() or t.text in ("-", ".") for t in tail):
        return None
    for entry in gazetteer.lookup(tail.text):
        if entry.match != PRIMARY:  # "Bank of America", "Peanut Corporation of America"
            continue
        if entry.feature == "country" or entry.is_us_state:
            return tail
        if entry.feature == "city" and entry.population >= TAIL_MIN_POPULATION:
            return tail
    return None


def _names_place(name: str, following: str, gazetteer: Gazetteer, person_names: set[str]) -> bool:
    if following in ("county", "parish"):
        return any(e.feature == "admin" and e.level == 2
                   for e in gazetteer.lookup(f"{name} {following}"))
    dotted = "." in name
    entries = [e for e in gazetteer.lookup(name) if e.match != ABBREVIATION or dotted]
    areas = [e for e in entries if e.match != ALTERNATE and (
        (e.feature in ("country", "other") and e.match in (PRIMARY, ALIAS))
        or (e.feature == "admin" and e.level == 1
            and (e.is_us_state or e.population >= 200_000)))]
    if areas:  # a country or state: its rules, whatever towns share the name
        return following not in NOT_AFTER_AREA
    return name_key(name) not in person_names and following not in NOT_AFTER_CITY and any(
        e.feature == "city" and e.match != ALTERNATE and e.population >= MIN_CITY_POPULATION
        for e in entries)
