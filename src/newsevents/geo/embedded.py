"""Places embedded in longer proper names: "the University of Cincinnati", "the Georgia Bureau
of Investigation", "Minnesota Twins", "the Knoxville News Sentinel", "Tour de France".

Gritta et al. ("A Pragmatic Guide to Geoparsing Evaluation") call these embedded toponyms.
They are place names, but the name they sit in is an organisation's, a team's, a paper's or an
event's: they say where an actor is from, not where something happened. newsevents reports
them apart from the place's own mentions (`Place.embedded_mentions`), lets them vote in the
article's resolution context (a state named in "the Georgia Bureau of Investigation" tells
which Athens a local story means), and keeps them out of event and casualty places.

Inside a name tagged ORG, EVENT, WORK_OF_ART, PRODUCT or LAW (spaCy), or an ORG/GROUP mention
of the entities stage, a run of capitalised words is taken when it names:
- a country, a US state or another first-level area of 200,000 people, or a region
  ("Africa"), by its own name or an alias;
- a county ("Alachua County Sheriff's Office"), also by its bare name at the start of the
  name of one of its bodies ("Gwinnett Medical Center", not "Davy Crockett National Forest");
- a city an English-language reader knows by name (by its primary name: 1,000,000 people, or
  100,000 in an English-speaking country), or a town the article names as a place elsewhere
  (found by the model, a dateline, a qualifier...; not by the scan or a cue alone, which take
  surnames and common words: "Lee", "Section");
- a GeoNames town of LOCAL_BODY_MIN_POPULATION, by its primary name, heading one of its own
  bodies: a local-body word follows it ("Crestwood Board of Education", "Cookeville Regional
  Medical Center"), or "State" and a school's or hospital's word ("the Belchertown State
  School"); not a name that is an English noun ("Community", "Highway").
Never the whole name (a bare name tagged ORG is a recognition question, not an embedded one),
a person's name from the article, or a demonym. A name tagged PERSON is read only where an
institution's word follows the place ("McMinn County Sheriff", "Tega Cay Fire Department"):
"Paris Hilton" and "Georgia Smith" are people.
"""

from __future__ import annotations

from typing import Any

from ..gazetteer import ABBREVIATION, ALIAS, ALTERNATE, PRIMARY, Gazetteer, name_key
from .aliases import DEMONYMS
from .org_places import ACADEMIC_WORDS, INSTITUTION_WORDS

NAME_LABELS = {"ORG", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}
CITY_MIN_POPULATION = 100_000
WORLD_CITY_POPULATION = 1_000_000
LOCAL_BODY_MIN_POPULATION = 1_000  # hamlets are named after people: "Smith", "Wyatt"
ENGLISH_SPEAKING = {"US", "GB", "CA", "AU", "NZ", "IE"}
AREA_MIN_POPULATION = 200_000
MAX_NAME_TOKENS = 4
# Words that, after a place inside a PERSON-tagged span, show an institution, not a person.
PERSON_SPAN_WORDS = INSTITUTION_WORDS | ACADEMIC_WORDS | {
    "elementary", "central", "volunteer", "elks", "labour", "labor", "rotary", "lions",
    "library", "hospital", "medical", "church", "crimestoppers", "harbour", "harbor"}
COUNTY_WORDS = {"county", "parish"}
# Words that, after a town, start the name of one of its own bodies.
LOCAL_BODY_WORDS = PERSON_SPAN_WORDS | {
    "regional", "community", "historical", "education", "seniors", "senior", "christian",
    "independent", "magistrates", "magistrates'", "magistrates’", "citizens", "memorial",
    "public", "board"}
# Lower-case words allowed inside a place's name ("Tour de France" has "France" after "de").
INNER_CONNECTORS = {"de", "del", "da", "du", "la", "le", "upon", "on"}


def embedded_spans(doc: Any, entities: list[Any]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the proper names that may embed a place."""
    spans = {(e.start_char, e.end_char, e.label_) for e in doc.ents
             if e.label_ in NAME_LABELS | {"PERSON"}}
    for entity in entities:
        if getattr(entity, "type", None) in ("ORG", "GROUP"):
            spans.update((m[0], m[1], "ORG") for m in entity.mentions)
    return sorted(spans)


def embedded_places(doc: Any, gazetteer: Gazetteer, spans: list[tuple[int, int, str]],
                    person_names: set[str], known: set[str], taken: list[tuple[int, int]],
                    common_words: frozenset[str] = frozenset(),
                    english_nouns: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, text) of each place embedded in one of `spans`.

    `known` holds the keys of names the article uses as places; `taken` the spans already
    claimed by other toponyms; `common_words` lower-case adjectives and verbs, which as one
    capitalised word name a town only where the article uses it as a place; `english_nouns`
    lower-case nouns, which never name a small town heading a local body ("Community").
    """
    found: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        first = span.start
        while first < span.end and doc[first].lower_ in ("the", "a", "an"):
            first += 1
        i = first
        while i < span.end:
            stop = _place_at(doc, i, first, span.end, label, gazetteer, person_names, known,
                             common_words, english_nouns)
            if stop is None:
                i += 1
                continue
            words = doc[i:stop]
            claimed = taken + [(s, e) for s, e, _ in found]
            if not any(words.start_char < e and s < words.end_char for s, e in claimed):
                found.append((words.start_char, words.end_char, words.text))
            i = stop
    return found


def _place_at(doc: Any, i: int, first: int, end: int, label: str, gazetteer: Gazetteer,
              person_names: set[str], known: set[str], common_words: frozenset[str],
              english_nouns: frozenset[str]) -> int | None:
    """End token of the longest place name starting at token i inside a name, or None."""
    if not _proper(doc[i]):
        return None
    limit = i
    while limit < end and limit - i < MAX_NAME_TOKENS and (
            _proper(doc[limit]) or doc[limit].text in ("-", ".")
            or (limit > i and doc[limit].lower_ in INNER_CONNECTORS)):
        limit += 1
    for stop in range(limit, i, -1):
        words = doc[i:stop]
        if not _proper(words[-1]) or (i == first and stop == end):
            continue  # the whole name is not embedded in itself
        following = doc[stop] if stop < len(doc) else None
        if label == "PERSON" and not _institution_follows(words, following):
            continue
        if len(words) == 1 and words[0].lower_ in common_words and words[0].lower_ not in known:
            continue  # "Centennial Hall", "Superior Court", "the Olympic Games"
        noun = len(words) == 1 and words[0].lower_ in english_nouns
        if _names_place(words, following, gazetteer, person_names, known, noun):
            return stop
    return None


def _well_known_city(entry: Any) -> bool:
    """A city an English-language reader knows by name: foreign towns of 100,000 people share
    their names with words and people ("Man", Ivory Coast; "Metro", Indonesia)."""
    if entry.match != PRIMARY:
        return False
    return entry.population >= WORLD_CITY_POPULATION or (
        entry.population >= CITY_MIN_POPULATION and entry.country in ENGLISH_SPEAKING)


def _proper(token: Any) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def _institution_follows(words: Any, following: Any) -> bool:
    if words[-1].lower_ in COUNTY_WORDS:
        return True
    return following is not None and following.text[:1].isupper() and (
        following.lower_ in PERSON_SPAN_WORDS)


# "Youngstown State University", "the Belchertown State School": a state's institution named
# after the town it stands in.
STATE_INSTITUTION_WORDS = ACADEMIC_WORDS | {"hospital", "park", "prison", "penitentiary", "forest"}


def _state_institution(following: Any) -> bool:
    after = following.doc[following.i + 1] if following.i + 1 < len(following.doc) else None
    return following.text == "State" and after is not None and (
        after.lower_ in STATE_INSTITUTION_WORDS)


# Words after a county's bare name that start one of its bodies ("DuPage Sheriff John Roe").
COUNTY_BODY_WORDS = {"sheriff", "sheriff's", "sheriff’s", "police", "medical", "hospital",
                     "commission", "commissioners", "schools", "fire", "coroner", "clerk",
                     "jail", "detention", "courthouse", "circuit", "health", "emergency"}


def _heads_county_body(words: Any, following: Any) -> bool:
    """True for a name that starts a proper name ("Davy Crockett National Forest" has none)
    and is followed by a county body's word."""
    before = words.doc[words.start - 1] if words.start > 0 else None
    starts = before is None or not before.text[:1].isupper() or before.lower_ == "the"
    return starts and following is not None and following.text[:1].isupper() and (
        following.lower_ in COUNTY_BODY_WORDS)


def _bare_county(key: str, entry: Any) -> bool:
    """True when the entry is the county or parish this name is the bare form of."""
    return entry.feature == "admin" and entry.level == 2 and any(
        name_key(entry.name) == f"{key} {word}" for word in COUNTY_WORDS)


def _names_place(words: Any, following: Any, gazetteer: Gazetteer, person_names: set[str],
                 known: set[str], noun: bool = False) -> bool:
    text = words.text
    key = name_key(text)
    if key in person_names or key in DEMONYMS:
        return False
    county_after = following is not None and following.lower_ in COUNTY_WORDS
    if county_after and gazetteer.lookup(f"{text} {following.text}"):
        return False  # "Butler" of "Butler County": the county is the longer match
    # An abbreviation only with a dot inside ("N.Y."): "Co." ends company names.
    dotted = "." in text.rstrip(".")
    entries = [e for e in gazetteer.lookup(text)
               if e.match != ALTERNATE and (e.match != ABBREVIATION or dotted)]
    if text.isupper() and len(text) > 3 and not dotted:  # an acronym: only a country's code
        entries = [e for e in entries if e.feature == "country"]
    local_body = following is not None and following.text[:1].isupper() and (
        following.lower_ in LOCAL_BODY_WORDS or _state_institution(following))
    if _heads_county_body(words, following) and any(_bare_county(key, e)
                                                    for e in gazetteer.lookup(text)):
        return True  # a county by its bare name heading its body: "Gwinnett Medical Center"
    for entry in entries:
        if entry.feature == "country" or entry.is_us_state:
            return True
        if entry.feature == "other" and entry.match in (PRIMARY, ALIAS):
            return True
        if entry.feature == "admin" and entry.level == 1 and entry.population >= AREA_MIN_POPULATION:
            return True
        if entry.feature == "admin" and entry.level == 2 and (
                words[-1].lower_ in COUNTY_WORDS or county_after and entry.match == PRIMARY):
            return True  # "Alachua County Sheriff's Office", "Lancashire County Council"
        if entry.feature == "city" and (key in known or _well_known_city(entry)):
            return True
        # "Crestwood Board of Education", "Cookeville Regional Medical Center": a town of any
        # size heading its own local body.
        if (entry.feature == "city" and entry.match == PRIMARY and local_body and not noun
                and not entry.is_postal and entry.population >= LOCAL_BODY_MIN_POPULATION):
            return True
    return False
