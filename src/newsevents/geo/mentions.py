"""Toponym recognition: find place-name spans in a parsed article.

Sources, in order of trust: the dateline ("GENEVA (Wire) —"), county lists ("Barrow and
Jackson counties", `geo.county_lists`), spaCy GPE/LOC/FAC entities, NORP entities that are
really place names (the small model tags "Aleppo" NORP), places used as modifiers ("R-Elbow
Lake", "a Gainesville man", `geo.modifiers`), places heading or ending institution names
("the Killeen Police Department", `geo.org_places`), capitalised proper-noun sequences that
name a prominent gazetteer entry, echoes of names already used as places, and "X, Y"
qualifiers ("Paris, Tex."). Other spans inside PERSON/ORG names, names of people mentioned
in the article, and demonyms ("Syrian") are never place mentions. "X district/neighbourhood" phrases make X
a district; "X province/governorate/region/state/oblast/county" make X an admin area.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..datelines import paragraph_datelines
from ..gazetteer import ABBREVIATION, ALIAS, ALTERNATE, PRIMARY, Gazetteer, name_key
from .aliases import DEMONYMS, REGION_SEATS
from .county_lists import county_head, county_list_members
from .embedded import LOCAL_BODY_WORDS, WORLD_CITY_POPULATION, embedded_places, embedded_spans
from .modifiers import modifier_places
from .org_places import (ACADEMIC_WORDS, INSTITUTION_WORDS, NOT_AFTER_AREA, _country_or_state,
                         names_town, org_head_places)
from .relations import with_anchors, with_lists
from .streets import street_names
from .twins import twin_places

PLACE_LABELS = {"GPE", "LOC", "FAC"}
BLOCKING_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"}
DISTRICT_WORDS = {"district", "districts", "neighbourhood", "neighborhood", "quarter",
                  "suburb", "camp"}
ADMIN_WORDS = {"province", "governorate", "region", "state", "county", "oblast",
               "prefecture", "municipality", "department", "parish", "township"}
# A place's name before these is a street's: "Green Oaks Boulevard", "Memphis St.". Not
# "Road" or "Pike", which mostly lead to the town they are named after ("Richmond Road").
STREET_WORDS = {"street", "st.", "st", "avenue", "ave.", "ave", "boulevard", "blvd.", "blvd",
                "drive", "dr.", "lane", "ln.", "parkway", "pkwy.", "terrace"}
# Abbreviated suffixes of local copy: "Platte Co.", "Madison Twp."
SUFFIX_FORMS = {"co.": "county", "twp.": "township", "twp": "township"}
# A governor governs an area: "the Murmansk governor", "Governor of Kano", "Texas Gov."
_GOVERNOR_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:deputy|vice|lieutenant|former)\s+)?"
                             r"(?:[Gg]overnor|[Gg]ubernatorial|[Gg]overnorship|Gov\.)", re.IGNORECASE)
_GOVERNOR_BEFORE = re.compile(r"\b(?:[Gg]overnor(?:ship)?|state|province|governorate|prefecture"
                              r"|oblast) of (?:the )?$")  # also "the state of Washington"
# Lower-case words that may sit inside a place name ("Bustan al-Qasr", "Rio de Janeiro").
CONNECTORS = {"al", "el", "ad", "as", "ash", "ar", "de", "del", "da", "do", "du", "la", "le",
              "los", "las", "-", "upon", "on", "sur", "am", "an", "bin", "ibn", "abu"}
LOCATIVES = {"in", "from", "at", "near", "outside", "to", "across", "around", "of", "into",
             "toward", "towards", "between", "and"}
MAX_SCAN_TOKENS = 4
# Toponyms found by these alone do not vouch for the same word inside a longer name: a
# surname or common word the scan or a cue took ("Lee", "Section") heads many names.
WEAK_SOURCES = {"scan", "cue", "org", "echo"}
ECHO_MIN_POPULATION = 100_000
ECHO_AREA_MIN_POPULATION = 20_000
# How prominent a gazetteer entry must be before a bare capitalised word is taken for it.
SCAN_MIN_POPULATION = {PRIMARY: 15_000, ALIAS: 15_000, ALTERNATE: 100_000}
SCAN_MIN_AREA_POPULATION = 200_000

_DATELINE = re.compile(
    r"\A\s*([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})"
    r"(?:\s*,\s*([A-Z][A-Za-z'’.]+(?: [A-Z][A-Za-z'’.]+){0,2}))?\s*(?:\(|—|–|--|-\s)")
# A dateline after a headline ("Title. BEIRUT: ...", "Title\n\nCOLUMBUS, Ohio (AP) —"): a
# capitalised place, then a colon or the usual dash/agency opener.
# Also after a byline's date ("By Ann Roy Advocate Reporter March 29, 2009 PATASKALA --"),
# and before a dash a scraper turned into two spaces ("CINCINNATI  The school's trustees").
_LATE_DATELINE = re.compile(
    r"(?:[.!?][\"”’)]*\s+|\n\s*|\b(?:19|20)\d\d\s+)([A-Z][A-Z'’.\-]{2,}(?: [A-Z][A-Z'’.\-]+){0,3})"
    r"(?:\s*,\s*([A-Z][A-Za-z'’.]+(?: [A-Z][A-Za-z'’.]+){0,2}))?"
    r"(?:\s*(?:\(|—|–|--|-\s|:\s)| {2,}(?=[A-Z]))")
DATELINE_WINDOW = 300  # characters of the text where a late dateline may stand
_QUALIFIER = re.compile(r",\s*([A-Z][A-Za-z'’.]*(?:\s[A-Z][A-Za-z'’.]*){0,2})")


@dataclass
class Toponym:
    """One place-name mention, before resolution."""

    start: int
    end: int
    text: str
    source: str  # dateline | ner | norp | scan | qualifier | embedded (geo.embedded) ...
    kind: str = "place"  # place | district | admin | street
    qualifier: "Toponym | None" = None  # Y in "X, Y"
    container: "Toponym | None" = None  # the city named around a district
    suffix: str | None = None  # "county" in "Laurel County", "province" in "Idlib province"
    anchor: "Toponym | None" = None  # Y in "X, west of Y", "X near Y", "X in Y"
    inside: bool = False  # the anchor contains it: "X in Y", "X in the north of Y"
    suffix_end: int | None = None  # end of the suffix word
    list_mates: list = field(default_factory=list)  # other members of its list (geo.relations)
    town: bool = False  # used as a town's name: "a Lebanon woman" (not Lebanese: not the country)


def find_toponyms(doc: Any, gazetteer: Gazetteer, entities: list[Any] = (),
                  common_words: frozenset[str] = frozenset(),
                  english_nouns: frozenset[str] = frozenset()) -> list[Toponym]:
    """Every toponym in the parsed text, in text order, without overlaps.

    `common_words`, `english_nouns`: lower-case English adjectives and verbs, and nouns
    (`stages.nlp.common_words`).
    """
    if doc is None or not len(doc):
        return []
    text = doc.text
    spacy_places = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in PLACE_LABELS]
    # The entities stage may mis-type a place ("Queen Anne's County" as a person); spaCy's
    # own place labels win over it.
    entities = [e for e in entities
                if not any(_overlaps(*m, spacy_places) for m in getattr(e, "mentions", ()))]
    # Names that are no place here: people's, and companies' short names ("Titan").
    person_names = (_person_names(doc, entities, gazetteer, common_words)
                    | _company_short_names(doc, gazetteer))
    found: list[Toponym] = []
    found += _dateline(text, gazetteer)
    found += _county_list_toponyms(text, gazetteer)
    found += _org_toponyms(doc, gazetteer, person_names)
    found += _misread_places(doc, gazetteer, person_names)
    blocked = [span for span in _blocked_spans(doc, entities)
               if not any(span == (t.start, t.end) for t in found)]
    properties = [(e.start_char, e.end_char) for e in doc.ents
                  if e.label_ in PLACE_LABELS | {"ORG"} and _names_a_property(_trim(e), gazetteer)]
    blocked += properties
    # Both sides of "Fargo-Moorhead"; inside a team's or body's name they are embedded.
    found += [Toponym(s, e, t, "embedded" if _overlaps(s, e, blocked) else "twin")
              for s, e, t in twin_places(text, gazetteer)
              if not _overlaps(s, e, [(f.start, f.end) for f in found])]
    found += _ner_toponyms(doc, gazetteer, blocked, person_names, common_words | english_nouns)
    found += [Toponym(s, e, t, "qualifier" if "." in t else "modifier", suffix=suffix,
                      kind="admin" if suffix else "place")
              for s, e, t, suffix in modifier_places(doc, gazetteer, person_names)
              if not _overlaps(s, e, [(f.start, f.end) for f in found])]
    found += [Toponym(s, e, t, "org_head") for s, e, t in
              org_head_places(doc, gazetteer, entities, person_names,
                              {name_key(t.text) for t in found})]
    found += _suffixed_toponyms(doc, blocked, person_names, found)
    found += _scanned_toponyms(doc, gazetteer, blocked, person_names, found, common_words)
    streets = street_names(text)  # read once: they cue the town after an address, and are places
    found += _cued_toponyms(doc, gazetteer, person_names, found, {end for _, end in streets})
    found += _paired_toponyms(text, gazetteer, found)
    found += _echoes(doc, gazetteer, person_names, found)
    found += _repeats(doc, gazetteer, person_names, found)
    found = _with_streets(text, found, streets)
    # A tagged span the gazetteer cannot place as a whole ("the Pointe Coupee Sheriff's
    # Office", "the Battle of Richmond") is a name that may embed one, like an ORG's.
    opaque = [t for t in found if _opaque(t, gazetteer)]
    inside = [(t.start, t.end, "FAC") for t in opaque]
    embedded = [Toponym(s, e, t, "embedded") for s, e, t in embedded_places(
        doc, gazetteer, [span for span in embedded_spans(doc, entities) + inside
                         if not _overlaps(span[0], span[1], properties)], person_names,
        {name_key(t.text) for t in found if t.source not in WEAK_SOURCES},
        [(t.start, t.end) for t in found if t not in opaque], common_words, english_nouns)]
    for toponym in opaque:
        parts = [e for e in embedded if toponym.start <= e.start and e.end <= toponym.end]
        if not parts:
            continue  # no place inside: it stays, unresolved
        found.remove(toponym)
        if _only_places_in(doc, toponym, parts):
            for part in parts:  # "North-Western Sydney", "from Norman to D.C.": the places
                part.source = "ner"
    found += embedded
    found = _without_overlaps(found)
    _with_abbreviation_dots(text, gazetteer, found)
    found = _with_qualifiers(text, gazetteer, found)
    _type_and_relate(doc, found)
    return sorted(found, key=lambda t: t.start)


def _with_abbreviation_dots(text: str, gazetteer: Gazetteer, found: list[Toponym]) -> None:
    """Give an abbreviation back the dot the tokenizer took from it ("Bethel, Vt., declined",
    "Calif."): without it "Vt" is no abbreviation, and it names nothing."""
    for toponym in found:
        if text[toponym.end:toponym.end + 1] == "." and not toponym.text.endswith(".") and any(
                e.match == ABBREVIATION for e in gazetteer.lookup(toponym.text)):
            toponym.end += 1
            toponym.text += "."


def toponyms_at(doc: Any, gazetteer: Gazetteer,
                spans: list[tuple[int, int]]) -> list[Toponym | None]:
    """Toponyms at given spans (gold spans, when resolution is scored alone), one per span.

    They are qualified ("X, Y") and typed ("X County") as found ones are: a leading "the",
    trailing punctuation or 's, and a trailing district/admin word are moved out of the
    name. A span outside the text, or with no word in it, gives None. Qualifiers not among
    the spans are reachable through `Toponym.qualifier`.
    """
    text = doc.text if doc is not None else ""
    given = [_given_toponym(text, start, end) for start, end in spans]
    found = [t for t in given if t is not None]
    found = _with_qualifiers(text, gazetteer, found)
    for toponym in found:
        if toponym.qualifier is not None:
            # A given span used as "Y" in "X, Y" is read as found qualifiers are ("Tex.").
            toponym.qualifier.source = "qualifier"
    _type_and_relate(doc, found)
    return given


def _type_and_relate(doc: Any, found: list[Toponym]) -> None:
    """Suffix kinds ("X district"), anchors ("X, west of Y") and lists, for found and given
    toponyms alike."""
    _mark_kinds(doc, found)
    with_anchors(doc.text, found)
    with_lists(doc.text, found)


_SAINTS = re.compile(r"(?i)(?:st\.?|saint)\s+\w")  # "St. John's", "Saint Mary's": the 's is the name's
_GIVEN_NAME = re.compile(r"(?is)\s*(?:the\s+)?(?P<name>.*?)(?:['’]s)?[\s,;:!?\"”)]*$")


def _given_toponym(text: str, start: int, end: int) -> Toponym | None:
    if not 0 <= start < end <= len(text):
        return None
    match = _GIVEN_NAME.match(text, start, end)
    first, last = match.start("name"), match.end("name")
    if _SAINTS.match(text[first:end]) and re.match(r"['’][sS]\b", text[last:end]):
        last += 2  # "St. John's" keeps its 's
    words = text[first:last].split()
    suffix = None
    last_word = SUFFIX_FORMS.get(words[-1].lower(), words[-1].lower()) if words else ""
    if len(words) > 1 and last_word in DISTRICT_WORDS | ADMIN_WORDS:
        suffix = last_word
        suffix_at = first + text[first:last].rstrip().rfind(words[-1])
        last = first + len(text[first:suffix_at].rstrip())
    if not any(c.isalnum() for c in text[first:last]):
        return None
    return Toponym(first, last, text[first:last], "given", suffix=suffix)


def is_demonym(text: str) -> bool:
    """True for nationality adjectives ("Syrian", "North Korean"), which are not places."""
    return name_key(text) in DEMONYMS


def _blocked_spans(doc: Any, entities: list[Any]) -> list[tuple[int, int]]:
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in BLOCKING_LABELS]
    for entity in entities:
        if getattr(entity, "type", None) in ("PERSON", "ORG", "GROUP"):
            spans += [tuple(m) for m in entity.mentions]
    # the wire agency in a dateline is the outlet, not a scene: "(Horn Daily)", "(Kabul Times)"
    spans += [(d.agency_start, d.agency_end) for d in paragraph_datelines(doc.text) if d.agency]
    return spans


# First words of a PERSON-tagged span that are no one's given name: a place's modifiers.
NOT_GIVEN_NAMES = {"historic", "downtown", "uptown", "greater", "metro", "upstate", "downstate",
                   "northern", "southern", "eastern", "western", "central", "coastal", "rural",
                   "northeast", "northwest", "southeast", "southwest", "n.e.", "n.w.", "s.e.",
                   "s.w."}


def _person_names(doc: Any, entities: list[Any], gazetteer: Gazetteer,
                  common_words: frozenset[str] = frozenset()) -> set[str]:
    """Keys of people's full names and surnames ("Mehmet Aydin", "Aydin").

    Not a headline the model read as a name, with a verb inside ("Freemason Bogdanov Joins
    Sochi" names no person Sochi).
    """
    names: set[str] = set()
    placed = _placed_people(doc, gazetteer)
    people = [e.text for e in doc.ents if e.label_ == "PERSON" and name_key(e.text) not in placed]
    people += [e.name for e in entities if getattr(e, "type", None) == "PERSON"
               and name_key(e.name) not in placed]
    for person in people:
        parts = person.split()
        if len(parts) > 2 and any(p.lower().removesuffix("s") in common_words
                                  for p in parts[1:-1]):
            continue
        # "Historic Dublin", "Downtown Gainesville", "Wichita Drive": a place or a street the
        # model read as a name; no one is called "Historic" or surnamed "Drive".
        if parts[0].lower() in NOT_GIVEN_NAMES or parts[-1].lower() in STREET_WORDS:
            continue
        if len(parts) >= 2:  # a single-token PERSON is too often a mis-tagged place
            names.add(name_key(person))
            names.add(name_key(parts[-1]))
        elif not any(e.match in (PRIMARY, ALIAS) for e in gazetteer.lookup(person)) \
                and not _cued_anywhere(doc, person):
            # ... unless no place bears it and no mention says place: "President
            # Saakashvili" (not "the village of Kampungu", "camps in Al-Fashir")
            names.add(name_key(person))
    # A "surname" that is a country or US state the model tags as a place elsewhere is a
    # place ("Rethinking Egypt" in a headline must not hide every later "Egypt"); a
    # province's name is too often a real surname ("Mehmet Aydin") to be excepted.
    places = {name_key(e.text) for e in doc.ents if e.label_ in PLACE_LABELS
              and any((g.feature == "country" or g.is_us_state)
                      and g.match in (PRIMARY, ALIAS) for g in gazetteer.lookup(e.text))}
    return names - places


# Last words of a company's name: "Titan Operating", "Huffines Communities", "Acme Inc."
COMPANY_WORDS = {"inc", "inc.", "corp", "corp.", "corporation", "llc", "l.l.c.", "ltd", "ltd.",
                 "plc", "operating", "energy", "holdings", "partners", "communities",
                 "properties", "industries", "enterprises", "resources", "capital",
                 "petroleum", "exploration", "airlines", "motors", "pharmaceuticals",
                 "technologies", "bancorp"}


def _company_short_names(doc: Any, gazetteer: Gazetteer) -> set[str]:
    """Keys of the names heading companies' names ("Titan" of "Titan Operating"): a later bare
    "Titan" is the company, though the model tags it a place and a village in Afghanistan
    bears it. Not a country, a US state or a prominent city ("Texas Instruments")."""
    names = set()
    for ent in doc.ents:
        if ent.label_ != "ORG" or len(ent) < 2 or ent[-1].lower_ not in COMPANY_WORDS:
            continue
        head = _trim(ent[:-1])
        if len(head) and all(t.text[:1].isupper() for t in head) \
                and not _prominent(gazetteer, head.text):
            names.add(name_key(head.text))
    return names


# Words after a town that say "place": "a Lanexa home", "a Meadow Grove man", "a Gainesville
# restaurant", "Grovetown police", "Haslett student". Not "family" or "administration",
# which follow people's names ("the Carter family").
PLACE_NOUNS = {"home", "homes", "man", "woman", "men", "women", "boy", "girl", "teen", "teens",
               "resident", "residents", "native", "area", "neighborhood", "neighbourhood",
               "community", "restaurant", "restaurants", "police", "officer", "officers",
               "firefighters", "student", "students", "senior", "seniors", "pub", "council",
               "councillor", "superintendent", "hospital", "hospitals", "church", "business",
               "businesses", "apartment", "store", "farm", "school", "schools"}


def _placed_people(doc: Any, gazetteer: Gazetteer) -> set[str]:
    """Keys of names the model tagged PERSON that the words around them make places.

    "in Glen Allen", "Allison Grodin of Squirrel Hill", "at a Tega Cay home": a town the
    gazetteer has by its own name, after a locative or a person and "of", before a word
    such as "home" or "resident", or tagged a place elsewhere in the article ("Rock Hill").
    Such a name is no person's name anywhere in the article.
    """
    placed = set()
    tagged_places = {name_key(e.text) for e in doc.ents if e.label_ in PLACE_LABELS}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or not ent.text[:1].isupper():
            continue
        key = name_key(ent.text)
        if key in placed or not names_town(ent.text, gazetteer):
            continue
        # Any of its mentions may carry the cue: "offered in Parkers Prairie" (tagged ORG)
        # places the "Highway 29, Parkers Prairie" the model calls a person.
        if key in tagged_places or _cued_anywhere(doc, ent.text):
            placed.add(key)
    return placed


def _cued_anywhere(doc: Any, name: str) -> bool:
    """True when a mention of the name stands where a place does ("in X", "the village of X")."""
    mentions = [doc.char_span(*m.span()) for m in _occurrences(name, doc.text)]
    return any(_cued_as_place(doc, m) for m in mentions if m is not None)


def _cued_as_place(doc: Any, span: Any) -> bool:
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return after in PLACE_NOUNS or _place_cue(doc, span, []) in (
        "locative", "resident", "settlement")


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def _dateline(text: str, gazetteer: Gazetteer) -> list[Toponym]:
    match = _DATELINE.match(text[:200])
    if match is None:
        late = _LATE_DATELINE.search(text[:DATELINE_WINDOW])
        # After a headline, only a known place opens a dateline ("UPDATE:" does not).
        if late and any(e.match != ABBREVIATION for e in gazetteer.lookup(late.group(1))):
            match = late
    found = []
    if match:
        found.append(Toponym(match.start(1), match.end(1), match.group(1), "dateline"))
        if match.group(2):
            found.append(Toponym(match.start(2), match.end(2), match.group(2), "qualifier"))
    # Papers run several short stories in one page, each with its own dateline
    # ("... in March. SPRINGFIELD - The city is seeking bids"): a later one is taken where
    # the story names the place in running text too, or the place is prominent.
    for late in _LATE_DATELINE.finditer(text, match.end() if match else DATELINE_WINDOW):
        name = late.group(1)
        if name.title() in text or any(_is_prominent_entry(e) for e in gazetteer.lookup(name)
                                       if e.match != ALTERNATE):
            found.append(Toponym(late.start(1), late.end(1), name, "dateline"))
    return found


def _county_list_toponyms(text: str, gazetteer: Gazetteer) -> list[Toponym]:
    """Members of county lists (`geo.county_lists`) the gazetteer has as counties. A list's
    first name may carry the sentence's first word: "Small Hitchcock and Hayes counties" is
    Hitchcock County."""
    found = []
    for start, end, name, word in county_list_members(text):
        if " " in name and not gazetteer.lookup(f"{name} {word}"):
            last = name.rsplit(" ", 1)[1]
            start, name = end - len(last), last
        if gazetteer.lookup(f"{name} {word}"):
            found.append(Toponym(start, end, name, "county_list", kind="admin", suffix=word))
    return found


def _misread_places(doc: Any, gazetteer: Gazetteer, person_names: set[str]) -> list[Toponym]:
    """Countries and US states of several words the model tagged PERSON ("Sri Lanka's former
    president", "Rethinking South Africa"), and cities of WORLD_CITY_POPULATION ("Tbilisi has
    denied the allegation") that are no one's surname in the article: no one is called that.
    One-word countries are left to the other rules: "Georgia", "Jordan" and "Chad" are also
    people's names."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        span = _trim(ent)
        if len(span) == 1 and name_key(span.text) not in person_names and any(
                e.feature == "city" and e.match == PRIMARY and e.population >= WORLD_CITY_POPULATION
                for e in gazetteer.lookup(span.text)):
            found.append(Toponym(span.start_char, span.end_char, span.text, "ner"))
            continue
        for start in range(span.start, span.end - 1):  # the name may follow a headline's verb
            words = doc[start:span.end]
            if any((e.feature == "country" or e.is_us_state) and e.match in (PRIMARY, ALIAS)
                   for e in gazetteer.lookup(words.text)):
                found.append(Toponym(words.start_char, words.end_char, words.text, "ner"))
                break
    return found


def _trim(span: Any) -> Any:
    """Drop leading determiners and lower-case modifiers ("the", "northern") and a trailing 's."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_lower or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].lower_ in ("'s", "’s")
                           or span.doc[end - 1].is_lower):
        end -= 1
    return span.doc[start:end]


def _ner_toponyms(doc: Any, gazetteer: Gazetteer, blocked: list[tuple[int, int]],
                  person_names: set[str], english: frozenset[str] = frozenset()) -> list[Toponym]:
    found = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and ent.label_ != "NORP":
            continue
        span = county_head(_trim(ent))
        if not len(span) or not any(c.isupper() for c in span.text):
            continue
        if len(span) > 1 and span[0].text == "The" and not gazetteer.lookup(span.text):
            span = span[1:]  # "The United States" at a sentence start; "The Hague" stays
        longer = _longer_name(span, gazetteer)
        # A country's long name beats a tag on its tail ("Trinidad and" + "Tobago" as ORG).
        country = longer is not span and any(e.feature == "country"
                                             for e in gazetteer.lookup(longer.text))
        span = _known_part(longer, gazetteer, person_names, english)
        if _overlaps(span.start_char, span.end_char, blocked) and not country:
            continue
        key = name_key(span.text)
        if key in person_names or is_demonym(span.text):
            continue
        if ent.label_ == "NORP" and not _prominent(gazetteer, span.text):
            continue
        found += _split_on_comma(span, "norp" if ent.label_ == "NORP" else "ner")
    return found


# Words after a name that make it a building's or an estate's: "the Madison Creek and Hampton
# Hills apartment complexes", "the Cedar Ridge subdivision".
PROPERTY_WORDS = {"apartment", "apartments", "complex", "complexes", "condominium",
                  "condominiums", "condos", "subdivision", "subdivisions", "townhomes",
                  "townhouses", "mall", "hotel", "motel"}


def _names_a_property(span: Any, gazetteer: Gazetteer) -> bool:
    """True for a name of several words the gazetteer lacks before a property word, alone or
    in a pair ("Madison Creek and Hampton Hills apartment complexes"): an estate named after
    a town, not the town ("a Gainesville apartment" has a one-word name and stays)."""
    if len(span) < 2 or gazetteer.lookup(span.text) or span[0].lower_ in AREA_PREFIXES:
        return False  # "a S.E. Paris apartment" is in Paris
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].lower_ in ("and", "&"):
        i += 1
        while i < len(doc) and doc[i].text[:1].isupper():
            i += 1
    return i < len(doc) and doc[i].lower_ in PROPERTY_WORDS


MAX_EXTENSION_TOKENS = 2


def _longer_name(span: Any, gazetteer: Gazetteer) -> Any:
    """The span with the capitalised words after it, where they make the name of a town the
    gazetteer has: the model cuts "Kansas City", "Belle Plaine" and "Tennessee Colony" short."""
    doc = span.doc
    # A country's long name cut at "and" or "of": "St. Kitts" of "St. Kitts and Nevis", "the
    # Democratic Republic of the" and "Congo" tagged apart.
    if span.end < len(doc) and doc[span.end].lower_ in ("and", "of"):
        for stop in range(min(len(doc), span.end + 4), span.end + 1, -1):
            longer = doc[span.start:stop]
            if doc[stop - 1].text[:1].isupper() and any(
                    e.feature == "country" and e.match in (PRIMARY, ALIAS)
                    for e in gazetteer.lookup(longer.text)):
                return longer
    for stop in range(min(len(doc), span.end + MAX_EXTENSION_TOKENS), span.end, -1):
        longer = doc[span.start:stop]
        if not all(t.text[:1].isupper() for t in doc[span.end:stop]):
            continue
        # A town's own name only: "Dublin City" (Ireland's council area) is no reason to
        # read a "Dublin City Council" as Irish, and "X County" is read by its own rules.
        if names_town(longer.text, gazetteer):
            return longer
    return span


BIG_CITY_POPULATION = 100_000
AREA_PREFIXES = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                 "southwest", "northern", "southern", "eastern", "western", "central", "metro",
                 "greater", "upstate", "downstate", "downtown", "uptown", "coastal", "rural",
                 "n.", "s.", "e.", "w.", "n.e.", "n.w.", "s.e.", "s.w."}
# "the State of Illinois", "the Province of Ontario": the area itself.
_AREA_OF = re.compile(r"(?i)^(?:state|province|commonwealth|republic|kingdom)\s+of\s+")


def _known_part(span: Any, gazetteer: Gazetteer, person_names: set[str],
                english: frozenset[str] = frozenset()) -> Any:
    """The place inside a tagged span the gazetteer does not know as a whole.

    The model tags "Northeast Georgia", "Fargo City Commissioner", "Cottonport Fire
    Station" and "a church in Elizabethtown" as one place; the place is Georgia, Fargo,
    Cottonport, Elizabethtown. A span the gazetteer knows is kept ("South Africa", "Gun
    Barrel City", "Kansas City"), and so is one with no known part (a district, a street).
    A head must be a prominent place ("Golden Gate Bridge" is not in Golden, "United Way" not
    in United) unless a local body's word follows it ("Cottonport Fire Station"), and only
    English words may follow it (`english`: "Abu Shok" is a camp's name, not in Abu, India).
    """
    if len(span) < 2 or gazetteer.lookup(span.text) or span[-1].lower_ in STREET_WORDS:
        return span  # a street is the street ("Green Oaks Boulevard" is not in Green, Ohio)
    doc = span.doc
    ins = [t.i for t in span[1:-1] if t.lower_ in ("in", "at")]
    if ins and _usable(doc[ins[-1] + 1:span.end], gazetteer, person_names, prominent=False):
        return doc[ins[-1] + 1:span.end]
    area_of = _AREA_OF.match(span.text)
    if area_of:
        rest = span.doc.char_span(span.start_char + area_of.end(), span.end_char,
                                  alignment_mode="contract")
        if rest is not None and _usable(_trim(rest), gazetteer, person_names, prominent=True):
            return _trim(rest)
    directions = 2 if len(span) > 2 and span[1].lower_ in AREA_PREFIXES else 1  # "North West"
    if span[0].lower_ in AREA_PREFIXES and _part_of_whole(span[directions:], gazetteer,
                                                          person_names):
        return span[directions:]
    # The longest known head, before English words only ("Fargo City Commissioner"): before
    # a word no dictionary has, it is part of a name the gazetteer lacks ("Abu Shok" camp).
    for stop in range(span.end - 1, span.start, -1):
        if english and not all(_english_word(t, english) for t in doc[stop:span.end]):
            continue
        if doc[stop].text[:1].isupper() and doc[stop - 1].text not in ("-", "of"):
            head = doc[span.start:stop]
            # "Cottonport Fire Station": named for its town's local body; otherwise only a
            # prominent place heads a longer name ("Fargo City", not "United" in "United Way")
            local_body = doc[stop].lower_ in LOCAL_BODY_WORDS
            if _usable(head, gazetteer, person_names, prominent=not local_body):
                return head
    return span


def _english_word(token: Any, english: frozenset[str]) -> bool:
    return (not token.is_alpha or token.is_stop or token.lower_ in LOCAL_BODY_WORDS
            or token.lower_ in english or token.lower_.removesuffix("s") in english)


def _part_of_whole(rest: Any, gazetteer: Gazetteer, person_names: set[str]) -> bool:
    """True when "North X" is a part of X: X is a country, a US state (also by its dotted
    abbreviation), a county, a city of BIG_CITY_POPULATION, or a name the article uses on
    its own. "West Prince" (a region of
    Prince Edward Island) and "West Midlands" are regions of their own, not parts of a
    "Prince" or of Zimbabwe's Midlands."""
    if not _usable(rest, gazetteer, person_names, prominent=False):
        return False
    if any(e.match in (PRIMARY, ALIAS) and (e.feature == "country" or e.is_us_state or (
            e.feature == "city" and e.population >= BIG_CITY_POPULATION)
            or (e.feature == "admin" and e.level == 2))  # "East Cambridgeshire"
           or (e.match == ABBREVIATION and e.is_us_state and "." in rest.text)  # "Western Mass."
           for e in gazetteer.lookup(rest.text)):
        return True
    return sum(1 for _ in _occurrences(rest.text, rest.doc.text)) > 1


def _occurrences(name: str, text: str) -> Any:
    """Matches of the name as a whole word ("Dublin", not "Dubliner" or "Dublin-based")."""
    return re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)


def _usable(span: Any, gazetteer: Gazetteer, person_names: set[str], prominent: bool) -> bool:
    if not len(span) or not span[0].text[:1].isupper() or name_key(span.text) in person_names:
        return False
    if prominent:
        return _prominent(gazetteer, span.text)
    return any(e.match not in (ALTERNATE, ABBREVIATION) or ("." in span.text and e.match == ABBREVIATION)
               for e in gazetteer.lookup(span.text))


def _suffixed_toponyms(doc: Any, blocked: list[tuple[int, int]], person_names: set[str],
                       found: list[Toponym]) -> list[Toponym]:
    """Capitalised names right before "district", "neighbourhood", "province"...: "Bab Amr district"."""
    taken = blocked + [(t.start, t.end) for t in found]
    suffixed = []
    for token in doc:
        if token.lower_ not in DISTRICT_WORDS | ADMIN_WORDS or token.i == 0:
            continue
        if token.text[:1].isupper() and token.lower_ in ("state", "region"):
            continue  # "Islamic State", "Kurdistan Region" are names, not suffixes
        start = token.i
        while start > 0 and token.i - start < 5 and (
                _capitalised(doc[start - 1]) or doc[start - 1].lower_ in CONNECTORS):
            start -= 1
        while start < token.i and not doc[start].text[:1].isupper():
            start += 1
        if start == token.i or doc[start].is_sent_start:
            continue
        span = doc[start:token.i]
        if (_overlaps(span.start_char, span.end_char, taken) or is_demonym(span.text)
                or name_key(span.text) in person_names):
            continue
        suffixed.append(Toponym(span.start_char, span.end_char, span.text, "suffix"))
    return suffixed


def _org_toponyms(doc: Any, gazetteer: Gazetteer, person_names: set[str]) -> list[Toponym]:
    """One-word ORG entities that are places: the small model tags many towns ORG.

    A country or region name is taken as is ("Romania confirmed...", "the EU", "the European
    Union", a union being the one name of several words taken); a city name only after
    a locative preposition ("a lab in Lelystad") or before ", <country/state>".
    """
    found = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        span = _trim(ent)
        if not span.text[:1].isupper() or (" " in ent.text.strip() and not _union(span.text, gazetteer)):
            continue  # of several words only a union of countries: "the European Union"
        if not len(span) or name_key(span.text) in person_names or is_demonym(span.text):
            continue
        entries = [e for e in gazetteer.lookup(span.text) if e.match != ABBREVIATION]
        if span.text.isupper():  # an acronym: a place only as a country's, an area's or a
            # union's code ("NSW", "EU")
            entries = [e for e in entries if e.feature == "country"
                       or (e.feature in ("admin", "other") and e.match == ALIAS)]
        container = any(e.feature in ("country", "admin", "other") and e.match in (PRIMARY, ALIAS)
                        for e in entries)
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        qualified = _QUALIFIER.match(doc.text, span.end_char) is not None
        if after in DISTRICT_WORDS:  # "the Sukkari district", whatever the gazetteer says
            found.append(Toponym(span.start_char, span.end_char, span.text, "org"))
            continue
        if not entries:
            continue
        if container or before in LOCATIVES or qualified:
            found.append(Toponym(span.start_char, span.end_char, span.text, "org"))
    return found


def _union(name: str, gazetteer: Gazetteer) -> bool:
    """A union of countries the gazetteer places at its seat ("European Union"): the model
    tags it ORG; as with a country, its name is a place mention, its actor or not."""
    return any(e.feature == "other" and e.match in (PRIMARY, ALIAS) and e.name in REGION_SEATS
               for e in gazetteer.lookup(name))


def _echoes(doc: Any, gazetteer: Gazetteer, person_names: set[str],
            found: list[Toponym]) -> list[Toponym]:
    """One-word PERSON/ORG entities that name a place the article is about.

    One sense per discourse: once the article has used a name as a place ("KYIV ... over
    Kiev"), a one-word mention of the same prominent entry is that place too; so is a big
    city (100k+) of a country the article names ("Ukraine ... Kharkiv", which the small
    model tags PERSON). Surnames of people named in full are never taken. A name the
    article itself has used as a place (same words, any size: "Alexandria" tagged GPE once
    and PERSON later) is that place in every PERSON/ORG mention that is the bare name.
    """
    used = {name_key(t.text) for t in found if t.source in ("dateline", "ner", "norp")}
    known = {e.entry_id for t in found for e in gazetteer.lookup(t.text) if _is_prominent_entry(e)}
    countries = {e.country for t in found for e in gazetteer.lookup(t.text)
                 if e.feature == "country" and e.match in (PRIMARY, ALIAS)}
    # First-level areas the article names: "Dublin" in a story that names Ohio is Dublin, Ohio.
    areas = {(e.country, e.admin1) for t in found for e in gazetteer.lookup(t.text)
             if e.feature == "admin" and e.level == 1 and e.match in (PRIMARY, ALIAS)}
    echoes = []
    taken = [(t.start, t.end) for t in found]
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG") or not ent.text[:1].isupper():
            continue
        if name_key(ent.text) in person_names or _overlaps(ent.start_char, ent.end_char, taken):
            continue
        if name_key(ent.text) in used and gazetteer.lookup(ent.text):
            echoes.append(Toponym(ent.start_char, ent.end_char, ent.text, "echo"))
            continue
        if len(ent) != 1:
            continue
        entries = [e for e in gazetteer.lookup(ent.text) if _is_prominent_entry(e)]
        in_area = any((e.country, e.admin1) in areas and e.feature == "city" and e.match == PRIMARY
                      and e.population >= ECHO_AREA_MIN_POPULATION
                      for e in gazetteer.lookup(ent.text))
        if in_area or any(e.entry_id in known or (e.country in countries and e.match != ALTERNATE
                                                  and e.population >= ECHO_MIN_POPULATION)
                          for e in entries):
            echoes.append(Toponym(ent.start_char, ent.end_char, ent.text, "echo"))
    return echoes


REPEAT_SOURCES = {"dateline", "ner", "qualifier", "org_head", "county_list", "modifier", "pair",
                  "twin"}


def _repeats(doc: Any, gazetteer: Gazetteer, person_names: set[str],
             found: list[Toponym]) -> list[Toponym]:
    """Every other mention of a name the article has already used as a place.

    One sense per discourse, beyond what the model tagged: local copy names its town again
    in headlines the model misreads ("Alexandria parents charged"), and at the head of
    local bodies ("Alexandria Police", "Mansfield Public Library"). A repeat is the bare
    name, token for token; it is not taken inside a person's name (unless an institution
    word follows: "Dublin Mayor ..."), nor where it is part of a longer place name the
    gazetteer knows ("West Virginia" after "Virginia", "Kansas City" after "Kansas"). Only
    names the gazetteer has as a place's own name are repeated: a club the model tagged a
    place once ("Ismaili", an alternate spelling of a town in Azerbaijan) is not spread.
    """
    names = {t.text for t in found if t.source in REPEAT_SOURCES and len(t.text) > 2
             and (name_key(t.text) not in person_names or t.source == "pair")
             and any(e.match in (PRIMARY, ALIAS) for e in gazetteer.lookup(t.text))}
    names |= {n.title() for n in names if n.isupper() and len(n) > 4}
    taken = [(t.start, t.end) for t in found]
    people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    repeats = []
    for name in sorted(names):
        for match in _occurrences(name, doc.text):
            start, end = match.span()
            span = doc.char_span(start, end)
            if span is None or _overlaps(start, end, taken):
                continue
            if not _bare_or_heading_a_body(span, gazetteer, people):
                continue
            repeats.append(Toponym(start, end, name, "repeat"))
            taken.append((start, end))
    return repeats


def _bare_or_heading_a_body(span: Any, gazetteer: Gazetteer, people: list[tuple[int, int]]) -> bool:
    """True for a repeat that stands alone or heads a local body ("Alexandria Police").

    Not inside a longer proper name ("Radio Pyongyang", "Los Angeles Times", "West
    Virginia"), not in a university's name ("University of Georgia"), and not in a person's
    longer name; a country or state before "Department" is an adjective, as org_places
    reads it.
    """
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text[:1].isupper() and (
            not before.is_sent_start or before.pos_ == "PROPN") and before.text not in ("The", "A"):
        return False
    if before is not None and before.lower_ == "of" and span.start > 1 \
            and doc[span.start - 2].lower_ in ACADEMIC_WORDS:
        return False
    following = doc[span.end] if span.end < len(doc) else None
    if following is None or not following.text[:1].isupper() or following.is_sent_start:
        # A person's name around it hides it, but not the name itself tagged a person: the
        # model reads a bare "Alexandria" or "Sioux Falls" as one.
        return not _overlaps(span.start_char, span.end_char,
                             [p for p in people if p != (span.start_char, span.end_char)])
    if following.lower_ not in INSTITUTION_WORDS or (
            following.lower_ in NOT_AFTER_AREA and _country_or_state(span.text, gazetteer)):
        return False
    return not gazetteer.lookup(doc[span.start:span.end + 1].text)  # "Kansas City"


def _split_on_comma(span: Any, source: str) -> list[Toponym]:
    """'Paris, Texas' tagged as one entity becomes Paris qualified by Texas."""
    comma = next((t.i for t in span if t.text == ","), None)
    if comma is None:
        return [Toponym(span.start_char, span.end_char, span.text, source)]
    head, tail = span.doc[span.start:comma], span.doc[comma + 1:span.end]
    parts = [Toponym(p.start_char, p.end_char, p.text, source) for p in (head, tail) if len(p)]
    return parts


def _prominent(gazetteer: Gazetteer, name: str, countries_only: bool = False) -> bool:
    """True when a bare capitalised name is worth taking as a place without NER support."""
    return any(_is_prominent_entry(e) for e in gazetteer.lookup(name)
               if not countries_only or e.feature == "country"
               or (e.feature == "admin" and e.match == ALIAS))  # "NSW"


def _is_prominent_entry(entry: Any) -> bool:
    if entry.match == ABBREVIATION:
        return False
    if entry.feature == "admin" and entry.level == 2:
        return False  # a county is named with its "County" word, which NER keeps
    if entry.feature == "admin" and entry.level == 1 and not entry.is_us_state:
        # Areas compiled from member cities include small or generic-sounding ones ("Gulf").
        return entry.match != ALTERNATE and entry.population >= SCAN_MIN_AREA_POPULATION
    if entry.feature in ("country", "admin", "other"):
        return entry.match != ALTERNATE
    return entry.population >= SCAN_MIN_POPULATION[entry.match]


def _capitalised(token: Any) -> bool:
    return token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ", "X")


def _scanned_toponyms(doc: Any, gazetteer: Gazetteer, blocked: list[tuple[int, int]],
                      person_names: set[str], found: list[Toponym],
                      common_words: frozenset[str] = frozenset()) -> list[Toponym]:
    """Capitalised proper-noun sequences the model missed that name prominent places.

    A single capitalised English adjective or verb ("Police", "Superior", "Central", "March")
    names a city here only when it is a country's, a state's or a region's name: the model
    tags real cities so named ("Mobile") itself.
    """
    taken = blocked + [(t.start, t.end) for t in found]
    scanned: list[Toponym] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if (token.pos_ != "PROPN" or not token.text[:1].isupper()
                or token.ent_type_ not in ("", "GPE", "LOC", "FAC")
                or _overlaps(token.idx, token.idx + len(token.text), taken)):
            i += 1
            continue
        # The tail of a longer proper name ("NHS West Midlands") is not a place of its own.
        tail = i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper() \
            and not _after_directions(doc, i)
        match = None if tail else _longest_match(doc, i, gazetteer, person_names)
        if match is None:
            i += 1
            continue
        span = doc[i:match]
        if _common_word(span, gazetteer, common_words):
            i = match
            continue
        if not _overlaps(span.start_char, span.end_char, taken):
            scanned.append(Toponym(span.start_char, span.end_char, span.text, "scan"))
        i = match
    return scanned


def _after_directions(doc: Any, i: int) -> bool:
    """True when the capitalised words before token i are only directions that start the
    name: "the Western Pennsylvania Kennel Association", "North East Texas", "South L.A."."""
    start = i
    while start > 0 and i - start < 2 and doc[start - 1].lower_ in AREA_PREFIXES:
        start -= 1
    return start < i and (start == 0 or doc[start].is_sent_start
                          or not doc[start - 1].text[:1].isupper())


# Capitalised in any sentence, never a place: "God" is no misspelt Göd, Hungary.
DEITIES = {"god", "allah", "lord", "christ", "jesus"}
def _common_word(span: Any, gazetteer: Gazetteer, common_words: frozenset[str]) -> bool:
    """A deity, or one English adjective or verb that names no country, state or region."""
    word = span.text.lower()
    if word in DEITIES:
        return True
    return len(span) == 1 and word in common_words and not any(
        e.feature != "city" for e in gazetteer.lookup(span.text) if _is_prominent_entry(e))


NAME_CONNECTORS = {"de", "del", "da", "do", "du", "la", "le", "los", "las", "al", "el", "di",
                   "upon", "sur", "von", "van"}
CUE_WORDS = {"in", "to", "near", "from", "outside", "at", "around", "into", "across",
             "throughout", "toward", "towards"}
SETTLEMENT_WORDS = {"town", "city", "village", "hamlet", "township", "borough", "community",
                    "suburb", "villages", "towns", "communities", "municipality", "island"}
NOT_BEFORE_TO = {"according", "due", "owing", "thanks", "addition"}
# Verbs whose "to" leads to a person: "talked to Roy", "wrote to Perry".
PERSON_VERBS = {"talk", "speak", "say", "write", "reply", "listen", "tell", "send", "give",
                "grant", "marry", "report", "introduce", "lose", "belong", "turn", "point"}
CALENDAR_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december", "monday", "tuesday",
                  "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter"}


def _cued_toponyms(doc: Any, gazetteer: Gazetteer, person_names: set[str],
                   found: list[Toponym], street_ends: set[int] = frozenset()) -> list[Toponym]:
    """Small towns the scan leaves out for want of population, taken where the words around
    them say "place".

    Local copy names hamlets of a few hundred people: "drove to Lanexa", "Larry Dunaway of
    Berea", "Jeremy Watson, 30, of Ten Mile", "Gainesville and Lindsay", "the village of
    Flumeri", "the Meadow Grove man", "a Buford home". A capitalised name the gazetteer
    holds as a town or area (primary name, any size) is taken after a locative, after a
    person's name and "of", before a word such as "home" or "man" (after a lower-case word
    or opening a sentence, where the tagger calls it a proper noun: "an eight-bedroom
    Dunwoody home", "Grovetown police said"), beside a
    place the article already has in a list, or after "the town/village of"; the last also takes a
    name the gazetteer lacks. The name must stand alone: a capitalised word after it makes
    it the head of something longer ("in Lombard Township" is left to the other rules).
    `street_ends`: where the text's streets end, for the town closing an address.
    """
    taken = [(t.start, t.end) for t in found]
    cued: list[Toponym] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if (not _capitalised(token) or token.ent_type_ == "PERSON" and token.ent_iob_ == "I"
                or _overlaps(token.idx, token.idx + len(token.text), taken)
                or (i > 0 and _capitalised(doc[i - 1]) and not doc[i - 1].is_sent_start)):
            i += 1
            continue
        end = i
        # Only foreign connectors before a capitalised word ("Ceamurlia de Jos"): English
        # ones ("on", "as") join a town to the next sentence's words ("Nitro on Oct. 14").
        while end < len(doc) and end - i < MAX_SCAN_TOKENS and (_capitalised(doc[end]) or (
                end > i and doc[end].lower_ in NAME_CONNECTORS and end + 1 < len(doc)
                and _capitalised(doc[end + 1]))):
            end += 1
        if end < len(doc) and (doc[end].text[:1].isupper() or doc[end].text == "&"):
            i = end  # "Lombard Township", "Stevens & Wilkinson": part of something longer
            continue
        span = doc[i:end]
        cue = _place_cue(doc, span, taken) or _address_cue(doc, span, street_ends)
        if cue and _is_cued_place(span, cue, gazetteer, person_names):
            cued.append(Toponym(span.start_char, span.end_char, span.text, "cue"))
            taken.append((span.start_char, span.end_char))
        i = end
    return cued


def _place_cue(doc: Any, span: Any, taken: list[tuple[int, int]]) -> str | None:
    before = doc[span.start - 1] if span.start > 0 else None
    # At a sentence's start the capital says nothing: the tagger must call it a name there
    # ("Grovetown police said", not "Police officers said").
    proper = all(t.pos_ == "PROPN" for t in span)
    opening = before is None or span[0].is_sent_start
    if span.end < len(doc) and doc[span.end].lower_ in PLACE_NOUNS and proper and (
            opening or not _capitalised(before) and not _inside_longer_entity(span)):
        return "resident"  # "a Lanexa home", "the Meadow Grove man", "Grovetown police said"
    if before is None:
        return None
    if before.lower_ == "of" and span.start > 1:
        prior = doc[span.start - 2]
        if prior.lower_ in SETTLEMENT_WORDS:
            return "settlement"
        if prior.ent_type_ == "PERSON" or (prior.text == "," and span.start > 3
                                           and doc[span.start - 3].like_num):
            return "resident"
        return None
    if before.lower_ in CUE_WORDS:
        if before.lower_ == "to" and span.start > 1 and (
                doc[span.start - 2].lower_ in NOT_BEFORE_TO or doc[span.start - 2].lemma_ in PERSON_VERBS):
            return None  # "according to Smith", "talked to Roy"
        return "locative"
    mates = []
    if before.lower_ in ("and", "or", ","):
        mates.append(doc[span.start - 2] if span.start > 1 else None)
    if span.end + 1 < len(doc) and doc[span.end].lower_ in ("and", "or", ","):
        mates.append(doc[span.end + 1])
    if any(m is not None and _overlaps(m.idx, m.idx + len(m.text), taken) for m in mates):
        return "list"
    return None


def _address_cue(doc: Any, span: Any, street_ends: set[int]) -> str | None:
    """ "address" for the town closing an address: "Room 113, Highway 29, Parkers Prairie",
    "400 S. Locust St., Lebanon"."""
    if span.start < 2 or doc[span.start - 1].text != ",":
        return None
    street = doc[span.start - 2]
    return "address" if street.idx + len(street.text) in street_ends else None


def _inside_longer_entity(span: Any) -> bool:
    """True inside a longer name the model tagged ("the University of Baghdad hospital")."""
    return any(e.start <= span.start and span.end <= e.end and len(e) > len(span)
               for e in span.doc.ents)


def _is_cued_place(span: Any, cue: str, gazetteer: Gazetteer, person_names: set[str]) -> bool:
    key = name_key(span.text)
    if key in person_names or is_demonym(span.text) or span.text.lower() in CALENDAR_WORDS:
        return False
    if span.text.isupper() or span[0].is_stop:
        return False
    if cue == "settlement":
        return True
    return any(e.match in (PRIMARY, ALIAS) and e.feature in ("city", "admin")
               and not (e.feature == "admin" and e.level == 2)
               for e in gazetteer.lookup(span.text))


def _longest_match(doc: Any, i: int, gazetteer: Gazetteer, person_names: set[str]) -> int | None:
    """End token index of the longest prominent gazetteer name starting at token i."""
    end = i
    while end < len(doc) and end - i < MAX_SCAN_TOKENS:
        token = doc[end]
        if not (_capitalised(token) or token.lower_ in CONNECTORS) or token.ent_type_ in BLOCKING_LABELS:
            break
        end += 1
    for stop in range(end, i, -1):
        span = doc[i:stop]
        if not span[-1].text[:1].isupper():
            continue
        key = name_key(span.text)
        if key in person_names or is_demonym(span.text):
            continue
        if span[0].is_sent_start and len(span) == 1 and span[0].pos_ != "PROPN":
            continue
        # An all-caps word is an acronym ("SANA", "WHO"), a place only as a country code ("UK").
        acronym = span.text.isupper()
        if _prominent(gazetteer, span.text, countries_only=acronym):
            return stop
    return None


def _with_streets(text: str, found: list[Toponym],
                  streets: list[tuple[int, int]]) -> list[Toponym]:
    """Add the streets and numbered roads (`geo.streets`). A street's name beats a town that
    only the scan or a cue read into it ("Green" of "Green Oaks Boulevard"), and a span the
    model tagged that ends with the street's word is the street; a place the model or a
    dateline found before the word stays ("Richmond" of "Richmond Road" leads to Richmond)."""
    for start, end in streets:
        inside = [t for t in found if t.start < end and start < t.end]
        # A span that ends with the street's word is the street ("Francis Street" tagged FAC).
        if any(not (start <= t.start and t.end <= end)
               or (t.source not in WEAK_SOURCES and t.end < end) for t in inside):
            continue
        found = [t for t in found if t not in inside]
        found.append(Toponym(start, end, text[start:end], "street", kind="street",
                             suffix="street", suffix_end=end))
    return found


def _opaque(toponym: Toponym, gazetteer: Gazetteer) -> bool:
    """A model-tagged name of several words that no gazetteer entry bears, nor a street's."""
    words = toponym.text.split()
    return (toponym.source in ("ner", "suffix") and len(words) > 1
            and words[-1].lower() not in STREET_WORDS | ADMIN_WORDS | DISTRICT_WORDS
            and not gazetteer.lookup(toponym.text))


# Words that may stand around places in a tagged span that still names only places.
PLACE_SPAN_FILLERS = AREA_PREFIXES | SETTLEMENT_WORDS | {
    "and", "to", "of", "the", "-", ",", "&", "port"}


def _only_places_in(doc: Any, toponym: Toponym, parts: list[Toponym]) -> bool:
    """True when the span holds nothing but its places, directions and connectors
    ("Central and South America", "City of Santa Ana"), not an institution's words."""
    span = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
    if span is None:
        return False
    rest = [t for t in span if not any(p.start <= t.idx < p.end for p in parts)]
    return all(t.lower_ in PLACE_SPAN_FILLERS for t in rest)


def _without_overlaps(found: list[Toponym]) -> list[Toponym]:
    """Keep the first-listed of overlapping spans (the dateline and NER beat the scan)."""
    kept: list[Toponym] = []
    for toponym in found:
        if not _overlaps(toponym.start, toponym.end, [(t.start, t.end) for t in kept]):
            kept.append(toponym)
    return kept


def _with_qualifiers(text: str, gazetteer: Gazetteer, found: list[Toponym]) -> list[Toponym]:
    """Attach Y to X in "X, Y" when Y names a country or a US state (adding Y if unseen)."""
    by_start = {t.start: t for t in found}
    added: list[Toponym] = []
    for toponym in sorted(found, key=lambda t: t.start):
        if toponym.source == "qualifier" or toponym.kind == "street":
            continue  # "508 Cumberland St., Lebanon": the town of an address, not a qualifier
        match = _QUALIFIER.match(text, toponym.end)
        if not match:
            continue
        y_start, y_text = match.start(1), match.group(1)
        existing = by_start.get(y_start)
        if existing is not None:
            y_text = existing.text
        if not _is_container_name(gazetteer, y_text):
            continue
        if existing is None:
            existing = Toponym(y_start, y_start + len(y_text), y_text, "qualifier")
            if _overlaps(existing.start, existing.end, [(t.start, t.end) for t in found + added]):
                continue
            added.append(existing)
        elif "." in existing.text or existing.text.isupper():
            existing.source = "qualifier"  # "Minn." tagged GPE is read as an abbreviation
        toponym.qualifier = existing
    # A dateline "CITY, State" pair is already split; link it.
    datelines = [t for t in found if t.source == "dateline"]
    qualifiers = [t for t in found if t.source == "qualifier"]
    if datelines and qualifiers and _is_container_name(gazetteer, qualifiers[0].text):
        datelines[0].qualifier = qualifiers[0]
    return found + added


_PAIR = re.compile(r"(?<![\w.'’-])((?:[A-Z][\w'’.-]*\s){0,2}[A-Z][\w'’.-]*),\s*"
                   r"([A-Z][A-Za-z'’.]*(?:\s[A-Z][A-Za-z'’.]*){0,2})")


def _paired_toponyms(text: str, gazetteer: Gazetteer, found: list[Toponym]) -> list[Toponym]:
    """X in "X, Y" where the gazetteer has a town X inside the country or first-level area
    Y, whatever the model tagged X: "Sioux Falls, S.D." and "Alexandria, La." are often
    tagged as people, and the pair outweighs the tag. The longest such X of up to three
    capitalised words ending at the comma."""
    taken = [(t.start, t.end) for t in found]
    paired: list[Toponym] = []
    for match in _PAIR.finditer(text):
        containers = _containers(gazetteer, match.group(2))
        if not containers:
            continue
        words = list(re.finditer(r"\S+", match.group(1)))
        for first in range(len(words)):
            start = match.start(1) + words[first].start()
            name = text[start:match.end(1)]
            if _overlaps(start, match.end(1), taken):
                continue
            if any(e.feature == "city" and e.match in (PRIMARY, ALIAS) and any(
                    e.country == c.country and (c.feature == "country" or e.admin1 == c.admin1)
                    for c in containers) for e in gazetteer.lookup(name)):
                paired.append(Toponym(start, match.end(1), name, "pair"))
                taken.append((start, match.end(1)))
                break
    return paired


def _containers(gazetteer: Gazetteer, name: str) -> list[Any]:
    """Countries and first-level areas a qualifier may name: the longest leading words that
    name one ("S.D.", "Ohio" in "Ohio The", "New South Wales")."""
    words = name.split()
    for stop in range(len(words), 0, -1):
        entries = [e for e in gazetteer.lookup(" ".join(words[:stop])) if e.match != ALTERNATE
                   and (e.feature == "country" or (e.feature == "admin" and e.level == 1))]
        if entries:
            return entries
    return []


def _is_container_name(gazetteer: Gazetteer, name: str) -> bool:
    return any(e.feature in ("country", "admin") and e.match != ALTERNATE
               for e in gazetteer.lookup(name))


TOWN_PEOPLE_NOUNS = {"man", "woman", "men", "women", "boy", "girl", "teen", "teenager",
                     "resident", "residents", "couple", "native"}


def _mark_kinds(doc: Any, found: list[Toponym]) -> None:
    """Type toponyms followed by "district"/"province"... and find a district's city."""
    text = doc.text
    listed = {(s, e): word for s, e, _, word in county_list_members(text)}
    for toponym in found:
        if toponym.source == "street":  # "Francis Street in Charleston"
            toponym.container = _container(text, toponym, toponym.end, found)
            continue
        if (toponym.start, toponym.end) in listed and toponym.suffix is None:
            toponym.suffix, toponym.kind = listed[(toponym.start, toponym.end)], "admin"
            continue
        if toponym.suffix is None and (_GOVERNOR_AFTER.match(text, toponym.end) or
                                       _GOVERNOR_BEFORE.search(text, 0, toponym.start)):
            toponym.kind = "admin"  # the area, not its capital: "the Murmansk governor"
        after = re.match(r"[\s-]+([A-Za-z]+)\b(\.?)", text[toponym.end:toponym.end + 30])
        if not after:
            continue
        word = after.group(1)
        # English names a country's people by its demonym ("a Lebanese woman"): a name used
        # before a word for its people is a town's ("a Lebanon woman", "a Jordan man").
        toponym.town = word.lower() in TOWN_PEOPLE_NOUNS
        if word == "District" and re.match(r"\s+[A-Z]", text[toponym.end + after.end():]):
            continue  # "Ramsey District Court", "U.S. District Judge": the place, not a district
        # "Co." and "Twp."/"Twp" read as given spans read them (SUFFIX_FORMS)
        word = SUFFIX_FORMS.get(word.lower() + after.group(2), word)
        if (word.lower() + after.group(2) in STREET_WORDS and toponym.suffix is None
                and toponym.source != "given"):  # a given span is the name it was given as
            # "Washington Drive", "Richmond St.": a street, not the place it is named after
            toponym.kind, toponym.suffix = "street", "street"
            toponym.suffix_end = toponym.end + after.end()
            toponym.container = _container(text, toponym, toponym.suffix_end, found)
            continue
        if word.lower() in DISTRICT_WORDS | ADMIN_WORDS and toponym.suffix is None:
            toponym.suffix = word.lower()
            toponym.suffix_end = toponym.end + after.end()
        if word.lower() in DISTRICT_WORDS:
            toponym.kind = "district"
            toponym.container = _container(text, toponym, toponym.end + after.end(), found)
        elif word.lower() in ADMIN_WORDS and not (word == "State" and toponym.source == "scan"):
            toponym.kind = "admin"


def _container(text: str, toponym: Toponym, suffix_end: int,
               found: list[Toponym]) -> Toponym | None:
    """The city in "X district of/in Y" or "Y's X district"."""
    tail = re.match(r"\s+(?:of|in)\s+", text[suffix_end:suffix_end + 10])
    for other in found:
        if other is toponym:
            continue
        if tail and other.start == suffix_end + tail.end():
            return other
        if re.fullmatch(r"['’]s\s+(?:the\s+)?", text[other.end:toponym.start]):
            return other
    return None

