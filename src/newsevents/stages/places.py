"""Places stage: find place names in the text and resolve them against the gazetteer.

Reads: `text`, `doc` (spaCy entities, POS tags, sentences), `entities` (PERSON/ORG/GROUP
mentions block place matches; may be empty).  Fills: `places`, one `Place` per distinct
location, ids "p1", "p2"... in order of first mention, each with every mention span.
`resolve_given_spans` resolves spans it is given instead of the ones it finds (the
evaluation scores resolution alone on gold spans that way).

Rules (recognition in `geo.mentions`, scoring in `geo.resolve`):
- A resolved toponym becomes a Place keyed by its gazetteer entry, so "Kiev" and "Kyiv" are
  one Place. Countries are named by their gazetteer name ("United States" for "U.S."),
  other places by the first surface form. An unresolvable name (no credible candidate)
  still becomes a Place, with null coordinates and geonameid: unknown beats wrong.
- Regions ("Europe", "the Middle East") have feature "other".
- "X province/governorate/region/state/oblast", "the state of X", "X governor": X is an
  administrative area (the gazetteer has first-level areas worldwide and second-level ones
  such as English counties, see docs/gazetteer.md); "X County/Parish" (or "X Co.") is a
  county, named and spanned with its County word. When X is only known as a city, the Place
  takes the city's country and coordinates as a proxy, feature "admin" and no geonameid (so
  does "X Township"). "X State University" or "X Department of ..." after a town with no area
  of that name is the town.
- Demonyms are never place mentions; given a demonym span (`resolve_given_spans`), the
  Place is its country.
- Streets and numbered roads ("the 500 block of Taylor Street", "Highway 200", "KY 52",
  `geo.streets`), and a place's name before a street word ("Washington Drive", "Richmond
  St."), name a street: feature "district", named and spanned with its street word, at the
  point of the city of its sentence (or "X Street in Y") or else of the dateline, or
  unplaced; never at its namesake. It casts no vote for the article's country or state.
- A multi-word name the model tags as a place that no gazetteer entry bears ("the Battle
  of Richmond", "the Pointe Coupee Sheriff's Office") is read like an organisation's name:
  the places inside it are embedded mentions (`geo.embedded`); when it holds nothing but
  places, directions and connectors ("North-Western Sydney", "Central and South America"),
  they are plain mentions. With no place inside, it stays one unresolved Place.
- Districts and neighbourhoods ("the Salaheddine district", "Bustan al-Qasr neighbourhood")
  get feature "district". Coordinates, in order: a gazetteer entry of that name within
  30 km of the enclosing city; else the enclosing city's point, where the enclosing city is
  the one named by "district of/in Y" or "Y's X district" (none when Y is no city: "the
  Kabanjahe district of Sumatra"), or else a city resolved in the same sentence; else the
  place the name itself resolves to ("the Jenin camp", Kabanjahe); else null.
  The country is that city's, or the article's main country.
"""

from __future__ import annotations

import re
from typing import Any

from ..gazetteer import Gazetteer, GeoEntry, name_key
from ..geo.mentions import Toponym, find_toponyms, toponyms_at
from ..geo.resolve import COUNTY_WORDS, Context, build_context, credible, nearby_entry, resolve
from ..model import Article, Place

# Suffixes that, after a town with no area of its name, start an institution's name:
# "Bowling Green State University", "the Grovetown Department of Public Safety".
TOWN_INSTITUTION_WORDS = {"state", "department"}


def resolve_places(article: Article, resources: Any) -> Article:
    """Fill `article.places` from the text's toponyms."""
    article.places = []
    doc = article.doc
    if doc is None or not article.text.strip():
        return article
    gazetteer: Gazetteer = resources.gazetteer
    toponyms = find_toponyms(doc, gazetteer, article.entities,
                             getattr(resources, "common_words", frozenset()),
                             getattr(resources, "english_nouns", frozenset()))
    article.places = _places_of(toponyms, doc, gazetteer)
    return article


def resolve_given_spans(article: Article, spans: list[tuple[int, int]],
                        resources: Any) -> list[Place | None]:
    """The Place each given span resolves to, told where the toponyms are (no recognition).

    Used to score resolution alone on gold spans: the spans replace the stage's own
    toponyms and go through the same context, ranking and Place building. Needs `doc`; a
    span that is empty or outside the text gives None.
    """
    doc = article.doc
    if doc is None or not article.text.strip():
        return [None] * len(spans)
    gazetteer: Gazetteer = resources.gazetteer
    given = toponyms_at(doc, gazetteer, list(spans))
    toponyms = {id(t): t for t in given if t is not None}
    for toponym in list(toponyms.values()):  # qualifiers outside the spans still count
        if toponym.qualifier is not None:
            toponyms.setdefault(id(toponym.qualifier), toponym.qualifier)
    ordered = sorted(toponyms.values(), key=lambda t: t.start)
    # Keyed by start: a county's mention grows to take in its "County" word.
    by_start = {m[0]: p for p in _places_of(ordered, doc, gazetteer) for m in p.mentions}
    return [None if t is None else by_start.get(t.start) for t in given]


def _places_of(toponyms: list[Toponym], doc: Any, gazetteer: Gazetteer) -> list[Place]:
    """Resolve the toponyms in the article's context and group them into Places."""
    if not toponyms:
        return []
    norps = [e.text for e in doc.ents if e.label_ == "NORP"]
    # A street's name says nothing of the country: "Washington Drive" is in Arlington, Texas.
    context = build_context([t for t in toponyms if t.kind != "street"], gazetteer, norps,
                            doc.text)
    resolved = _resolve_all(toponyms, gazetteer, context)
    sentences = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else []
    return _build_places(toponyms, resolved, context, gazetteer, sentences, doc)


def _resolve_all(toponyms: list[Toponym], gazetteer: Gazetteer,
                 context: Context) -> dict[int, GeoEntry | None]:
    """Two passes: the second sees the first's answers (nearness, "X, west of Y").

    One sense per discourse: a name the article once qualifies ("Alexandria, Minn.") is
    that place in its bare mentions too.
    """
    named = [t for t in toponyms if t.kind != "street"]  # a street is placed by its city
    first = {id(t): resolve(t, gazetteer, context) for t in named}
    second = {id(t): resolve(t, gazetteer, context, first) for t in named}
    second.update({id(t): None for t in toponyms if t.kind == "street"})
    qualified = {name_key(t.text): second[id(t)] for t in toponyms
                 if t.qualifier is not None and second[id(t)] is not None}
    for toponym in toponyms:
        key = name_key(toponym.text)
        if toponym.qualifier is None and key in qualified and toponym.kind == "place" \
                and toponym.suffix is None:
            second[id(toponym)] = qualified[key]
    return second


def _build_places(toponyms: list[Toponym], resolved: dict[int, GeoEntry | None],
                  context: Context, gazetteer: Gazetteer,
                  sentences: list[tuple[int, int]], doc: Any) -> list[Place]:
    places: dict[tuple, Place] = {}
    cities = [(t, resolved[id(t)]) for t in toponyms
              if resolved[id(t)] is not None and resolved[id(t)].feature == "city"
              and t.kind == "place"]
    for toponym in toponyms:
        entry = resolved[id(toponym)]
        if toponym.kind == "district":
            key, place = _district(toponym, resolved, cities, context, gazetteer, sentences)
        elif toponym.kind == "street":
            key, place = _street(toponym, resolved, cities, context, sentences, doc.text)
        elif toponym.kind == "admin":
            key, place = _admin(toponym, entry)
        else:
            key, place = _place(toponym, entry)
        existing = places.setdefault(key, place)
        spans = existing.embedded_mentions if toponym.source == "embedded" else existing.mentions
        spans.append((toponym.start, _mention_end(toponym)))
    ordered = sorted(places.values(), key=lambda p: min(p.mentions + p.embedded_mentions))
    for number, place in enumerate(ordered, 1):
        place.id = f"p{number}"
        place.mentions = sorted(set(place.mentions))
        place.embedded_mentions = sorted(set(place.embedded_mentions))
    return ordered


def _mention_end(toponym: Toponym) -> int:
    """Where the mention ends: "County"/"Parish" belong to a county's name, and "Drive" to a
    street's, other suffixes not."""
    if toponym.suffix in COUNTY_WORDS | {"township", "street"} and toponym.suffix_end is not None:
        return toponym.suffix_end
    return toponym.end


def _surface(toponym: Toponym) -> str:
    """The name as written, an all-caps dateline name in title case ("St. John's", not "St. John'S")."""
    text = " ".join(toponym.text.split())
    if not (text.isupper() and len(text) > 3):
        return text
    return re.sub(r"(^|[\s\-.])(\w)", lambda m: m.group(1) + m.group(2).upper(), text.lower())


def _place(toponym: Toponym, entry: GeoEntry | None) -> tuple[tuple, Place]:
    if entry is None:
        return ("name", name_key(toponym.text)), Place(id="", name=_surface(toponym))
    name = entry.name if entry.feature == "country" else _surface(toponym)
    return ("entry", entry.entry_id), Place(
        id="", name=name, lat=entry.lat, lon=entry.lon, country=entry.country,
        feature=entry.feature, geonameid=entry.geonameid)


def _admin(toponym: Toponym, entry: GeoEntry | None) -> tuple[tuple, Place]:
    """An admin area; a same-named city lends its country and point (see docstring)."""
    if entry is not None and entry.feature == "admin" and entry.level == 2:
        key, place = _place(toponym, entry)
        place.name = entry.name  # "Rapides Parish", not "Rapides"
        return key, place
    if entry is not None and entry.feature in ("admin", "country"):
        return _place(toponym, entry)
    if entry is not None and entry.feature == "city" and toponym.suffix in TOWN_INSTITUTION_WORDS:
        return _place(toponym, entry)  # "Columbia State Community College" names the town
    key = ("admin", name_key(toponym.text))
    if entry is None:
        return key, Place(id="", name=_surface(toponym), feature="admin")
    return key, Place(id="", name=_surface(toponym), lat=entry.lat, lon=entry.lon,
                      country=entry.country, feature="admin")


def _district(toponym: Toponym, resolved: dict[int, GeoEntry | None],
              cities: list[tuple[Toponym, GeoEntry]], context: Context, gazetteer: Gazetteer,
              sentences: list[tuple[int, int]]) -> tuple[tuple, Place]:
    """A district: nearby gazetteer entry, else the enclosing city's point (see docstring)."""
    anchor = _enclosing_city(toponym, resolved, cities, sentences)
    anchors = [anchor] if anchor else [e for _, e in cities if credible(e, context)]
    near = nearby_entry(toponym.text, gazetteer, anchors)
    # With no city around, the name itself: "the Jenin camp" lies at Jenin.
    point = near or anchor or resolved.get(id(toponym))
    country = point.country if point else context.top_country()
    place = Place(id="", name=_surface(toponym), country=country, feature="district",
                  lat=point.lat if point else None, lon=point.lon if point else None,
                  geonameid=near.geonameid if near else None)
    return ("district", name_key(toponym.text)), place


def _street(toponym: Toponym, resolved: dict[int, GeoEntry | None],
            cities: list[tuple[Toponym, GeoEntry]], context: Context,
            sentences: list[tuple[int, int]], text: str) -> tuple[tuple, Place]:
    """A street at its city's point: the city of its sentence, else the dateline's; else
    unplaced, in the article's main country. Never at the place it is named after."""
    name = " ".join(text[toponym.start:_mention_end(toponym)].split())
    city = _enclosing_city(toponym, resolved, cities, sentences) or next(
        (entry for t, entry in cities if t.source == "dateline"), None)
    place = Place(id="", name=name, feature="district",
                  lat=city.lat if city else None, lon=city.lon if city else None,
                  country=city.country if city else context.top_country())
    return ("street", name_key(name)), place


def _enclosing_city(toponym: Toponym, resolved: dict[int, GeoEntry | None],
                    cities: list[tuple[Toponym, GeoEntry]],
                    sentences: list[tuple[int, int]]) -> GeoEntry | None:
    if toponym.container is not None:
        entry = resolved.get(id(toponym.container))
        # "district of Y" names its city: another city of the sentence is not it
        return entry if entry is not None and entry.feature == "city" else None
    sentence = next(((s, e) for s, e in sentences if s <= toponym.start < e), None)
    if sentence is None:
        return None
    same = [(abs(t.start - toponym.start), e) for t, e in cities
            if sentence[0] <= t.start < sentence[1]]
    return min(same, key=lambda pair: pair[0])[1] if same else None
