"""Toponym resolution: pick one gazetteer entry per toponym, or none.

Each candidate is scored by a population prior, its feature (country > admin > region >
city), how the name matched (primary name or alias beats an alternate name), the article's
country context (countries named in it, demonyms, and the countries of places already
resolved with confidence), US states named in the article, and an explicit "X, Y"
qualifier, which overrides almost everything. A candidate that is neither prominent nor in
a context country is not credible: the toponym is left unresolved (unknown beats wrong).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from ..gazetteer import ABBREVIATION, ALIAS, ALTERNATE, PRIMARY, Gazetteer, GeoEntry, name_key
from .aliases import DEMONYMS
from .mentions import Toponym

CREDIBLE_POPULATION = {PRIMARY: 15_000, ALIAS: 15_000, ALTERNATE: 100_000, ABBREVIATION: 10**12}
ASSUMED_POPULATION = {"country": 10**8, "admin": 5 * 10**6, "other": 10**8}
FEATURE_BONUS = {"country": 5.0, "admin": 3.0, "other": 4.0, "city": 0.0}
DISTRICT_RADIUS_KM = 30.0


@dataclass
class Context:
    """What the article says about where it is: country and US-state weights."""

    countries: Counter = field(default_factory=Counter)
    states: Counter = field(default_factory=Counter)

    def share(self, country: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries.get(country, 0) / total if total and country else 0.0

    def top_country(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None


def build_context(toponyms: list[Toponym], gazetteer: Gazetteer, norps: list[str]) -> Context:
    """Country weights from unambiguous country/state/territory names and demonyms."""
    context = Context()
    for toponym in toponyms:
        entries = [e for e in gazetteer.lookup(toponym.text)
                   if e.match in (PRIMARY, ALIAS) or toponym.source == "qualifier"]
        containers = [e for e in entries if e.feature in ("country", "admin") and e.country]
        if containers:
            best = containers[0]
            context.countries[best.country] += 1.0
            if best.feature == "admin" and best.admin1:
                context.states[(best.country, best.admin1)] += 1.0
    demonyms = Counter(DEMONYMS[k] for k in map(name_key, norps) if k in DEMONYMS)
    for country, count in demonyms.items():
        context.countries[country] += min(count, 3) * 0.5
    return context


def resolve(toponym: Toponym, gazetteer: Gazetteer, context: Context) -> GeoEntry | None:
    """The most plausible credible entry for a toponym, or None."""
    candidates = [e for e in gazetteer.lookup(toponym.text)
                  if e.match != ABBREVIATION or toponym.source == "qualifier"]
    if not candidates:
        return None
    qualifiers = _qualifier_entries(toponym, gazetteer)
    best = max(candidates, key=lambda e: score(e, context, qualifiers))
    if qualifiers and not any(_inside(best, q) for q in qualifiers):
        return None  # "Springfield, Ga." with no Springfield in Georgia: do not guess
    if not qualifiers and not credible(best, context):
        return None
    return best


def score(entry: GeoEntry, context: Context, qualifiers: list[GeoEntry]) -> float:
    """Higher is more plausible; see the module docstring for the ingredients."""
    population = entry.population or ASSUMED_POPULATION.get(entry.feature, 500)
    value = math.log10(max(population, 500))
    if entry.match in (PRIMARY, ALIAS):
        value += FEATURE_BONUS[entry.feature]
    elif entry.match == ALTERNATE:
        value -= 1.5
    if entry.country and entry.country in context.countries:
        value += 2.0 + 3.0 * context.share(entry.country)
    if entry.admin1 and (entry.country, entry.admin1) in context.states:
        value += 2.0
    if qualifiers:
        value += 10.0 if any(_inside(entry, q) for q in qualifiers) else -5.0
    return value


def credible(entry: GeoEntry, context: Context) -> bool:
    """A prominent entry, or one inside a country the article is about."""
    if entry.feature in ("country", "admin", "other") and entry.match in (PRIMARY, ALIAS):
        return True
    if entry.country and context.countries.get(entry.country, 0) >= 1.0:
        return True
    return entry.population >= CREDIBLE_POPULATION[entry.match]


def _qualifier_entries(toponym: Toponym, gazetteer: Gazetteer) -> list[GeoEntry]:
    if toponym.qualifier is None:
        return []
    return [e for e in gazetteer.lookup(toponym.qualifier.text)
            if e.feature in ("country", "admin") and e.match != ALTERNATE]


def _inside(entry: GeoEntry, container: GeoEntry) -> bool:
    if entry.country != container.country or entry.entry_id == container.entry_id:
        return False
    return container.feature == "country" or (container.admin1 is not None
                                              and entry.admin1 == container.admin1)


def nearby_entry(name: str, gazetteer: Gazetteer, anchors: list[GeoEntry]) -> GeoEntry | None:
    """A gazetteer entry with this name within DISTRICT_RADIUS_KM of one of the anchors."""
    for entry in gazetteer.lookup(name):
        if entry.lat is None or entry.feature != "city":
            continue
        for anchor in anchors:
            if anchor.lat is not None and anchor.entry_id != entry.entry_id and (
                    distance_km(entry.lat, entry.lon, anchor.lat, anchor.lon) <= DISTRICT_RADIUS_KM):
                return entry
    return None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
