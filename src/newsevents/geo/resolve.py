"""Toponym resolution: pick one gazetteer entry per toponym, or none.

Each candidate gets a prior (log population, a bonus for countries, first-level areas and
regions, a penalty for alternate-name matches) plus evidence from the article:
- its country focus and its state focus: every distinct place name in the article votes
  for the countries (and US states / admin1 areas) its candidates lie in, weighted by their
  priors, and so do demonyms ("Syrian"); a country's neighbours' votes count a little
  (NEIGHBOUR_FACTOR), and so do those of a country within NEAR_COUNTRY_KM of it over water
  or a border GeoNames does not list (Gaza in a Cyprus and Syria story); a toponym is
  scored against the votes of the
  *other* names (not its own longer or shorter forms: "Dublin City" is no second witness
  for "Dublin"), so "Paris" in a story that also names "Henry County" and "Nashville" goes
  to Tennessee, not France; wording only American copy uses ("Sheriff", "Laurel County",
  "I-75", "R-Elbow Lake"; money in dollars, which Canadian and Australian copy shares, is
  one vote however often) adds votes for the US (US_CUES), and British wording ("£",
  "Crown Court") for Britain (GB_CUES);
- an explicit "X, Y" qualifier (overrides almost everything) and a relation "X, west of
  Y" / "X near Y" / "X in Y" (X must lie inside Y or within ANCHOR_KM of it);
- nearness to the other places the article resolved (local news names nearby towns), and
  spatial coherence (`geo.coherence`): support from every other name that has a candidate
  of any size near this one, so "Paris" next to "Henry County" and "Puryear" is Paris, Tenn.;
- a first-level area the article names outright ("Kentucky", "Ky.") pulls the towns and
  counties inside it (NAMED_AREA_BONUS), when its country has most of the article's votes;
  the full bonus goes to the area named most often, others get it in proportion ("Indiana"
  five times and "Kentucky" once: Boone County is Indiana's).
  Neither of these two applies to a name that is itself a country or area ("Mexico").
  A bare name may also be a county of a named state ("DeKalb" in a Georgia story), weighed
  as a much smaller place than the towns of that name (BARE_COUNTY_DISCOUNT);
- a town and the county it lies in, both named, pick each other (COUNTY_BONUS: "Paris" and
  "Henry County" are both in Tennessee);
- a member of a list of three or more takes the kind most of the others have ("Utah,
  Washington and Wyoming" are states; "Benin, Niger and Senegal" countries); two countries
  in a row are a list, not a town inside the second ("China, Japan").
A bare name that is both an admin area and a big city of the same country is the city
("New York", "Aleppo"); "X County/Parish" looks up the county; "X province" prefers the
area, "the X region" the city when no area bears the name; "X Township" sits at its town.
Given a demonym span, its country, else the state, continent or town its stem names
("Ohioans"); dotted initials are looked up spaced ("L.A."). A candidate that is neither prominent nor supported by the article's focus is not
credible: the toponym is left unresolved (unknown beats wrong); so is "X province" when no
area bears the name and the town that does lies in a country the story is not about.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..countries import country_of_demonym
from ..gazetteer import ABBREVIATION, ALIAS, ALTERNATE, PRIMARY, Gazetteer, GeoEntry, name_key
from .aliases import DEMONYMS
from .coherence import local_cells, same_name, support
from .mentions import Toponym

CREDIBLE_POPULATION = {PRIMARY: 15_000, ALIAS: 15_000, ALTERNATE: 100_000, ABBREVIATION: 10**12}
ASSUMED_POPULATION = {"country": 10**8, "admin": 10**6, "other": 10**8}
FEATURE_BONUS = {"country": 4.0, "admin": 1.5, "other": 4.0, "city": 0.0}
COMPILED_AREA_BONUS = 0.5  # admin1 areas without a GeoNames id: their population is real
COUNTRY_WEIGHT = 4.0  # share of the other names' votes for the candidate's country, x this
STATE_WEIGHT = 5.0  # the same for its admin1 area (US state, governorate)
NEAR_BONUS, NEAR_KM = 1.5, 100.0  # a candidate near another resolved place of the article
ANCHOR_BONUS, ANCHOR_KM = 6.0, 150.0  # "X, west of Y": X within ANCHOR_KM of Y
DEMONYM_VOTE = 0.5
NEIGHBOUR_FACTOR = 0.3  # a neighbouring country's votes count this much
NEAR_COUNTRY_KM = 600  # ... and a country this close, centre to centre
CREDIBLE_SHARE = 0.2  # a country with this share of the votes makes its places credible
UNIQUE_NAME_SHARE = 0.05  # enough for a name no other place in the gazetteer bears
CITY_OVER_AREA = (100_000, 500_000)  # same admin1 / same country: a bare name is the city
COUNTY_WORDS = {"county", "parish", "borough"}
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")  # "L.A.", "N.Y.C."
DEMONYM_MIN_POPULATION = 10_000  # a town big enough to have a demonym in the news
AREA_WORDS = {"province", "governorate", "region", "state", "oblast", "prefecture",
              "department"}
PROVINCE_WORDS = {"province", "governorate", "oblast", "prefecture"}  # always an area's
DISTRICT_RADIUS_KM = 30.0
# Words only American copy uses ("Sheriff's Office", "Laurel County", "I-75", "R-Elbow Lake"):
# each distinct one is a vote for the US, so a local story about "Athens" or "Mansfield"
# that names no state still reads as American. British forms are left out ("High Sheriff",
# "Kent County Council").
US_CUES = re.compile(
    r"(?<!High )\bSheriff\b|\b[A-Z][a-z]+ (?:County|Parish)\b(?! Council| Church)|\bTownship\b|\bPolice Department\b"
    r"|\bInterstate \d+|\bI-\d{1,3}\b|\bState Route\b|\bGov\. |\b[RD]-[A-Z][a-z]+"
    # numbered US roads ("Route 31", "U.S. 287", "County Road 43") and the Elks, a US order
    r"|\bRoute \d{1,3}\b|\bU\.S\. \d{1,3}\b|\bCounty Road \d+|\bElks\b"
    r"|\b(?:Democrat|Republican)s?\b|\b[Hh]igh [Ss]chool\b|\bSchool District\b"
    r"|\bBoard of Education\b|\bFire Department\b|\bmph\b"
    r"|\b(?:[Aa]ldermen|[Ss]electmen|[Cc]ity [Mm]anager|[Cc]ounty [Cc]ommissioners)\b"
    # US street addresses ("2517 Memphis St."), schools and local government
    r"|\b\d{2,5} (?:[NSEW]\. )?[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:St|Ave|Blvd|Rd|Dr|Ln|Ct|Pkwy|Hwy)\.(?=[\s,])"
    r"|\b(?:[Jj]unior [Vv]arsity|[Vv]arsity|PTA|[Ss]ophomores?|[Ee]lementary [Ss]chools?|[Mm]iddle [Ss]chools?"
    r"|[Ss]chool [Bb]oard|[Ss]uperintendent|[Ss]ales tax|[Pp]ublic [Ww]orks|ZIP code|[Zz]ip code)\b"
    r"|\b(?:Sen|Rep|Dist|Atty)\. [A-Z]"
    r"|(?<![A-Z])\$(?=\s?\d)")  # money in dollars, one cue however often (not "HK$", "A$")
# The same for British copy: money in pounds, its courts, schools, health service and parties.
GB_CUES = re.compile(
    r"£\s?\d|\bCrown Court\b|\bMagistrates['’]? Court\b|\bcouncil tax\b|\bNHS\b|\bGCSEs?\b"
    r"|\bA-levels?\b|\bTory\b|\bTories\b|\bLabour (?:Party|MP|councillor|council)\b"
    r"|\bMP for\b")  # not "councillor", "High Street", "postcode": Canada, Ireland, Australia too
WORDING_CUES = (("US", US_CUES), ("GB", GB_CUES))
CUE_VOTE, CUE_MAX = 1.0, 3  # a vote per distinct cue, at most CUE_MAX
BARE_COUNTY_DISCOUNT = 1000
BARE_COUNTY_COUNTRIES = {"GB", "IE"}  # counties named without a "County" word
NAMED_AREA_SHARE = 0.5  # ... when its country has this share of the other names' votes
NAMED_AREA_BONUS = 2.0  # inside a first-level area the article names ("Kentucky", "Ky.")
COUNTY_BONUS = 3.0  # a town and the county it lies in, both named by the article
LOCAL_WEIGHT, LOCAL_CAP = 2.0, 3.0  # per supporting name (geo.coherence), at most


@dataclass
class Context:
    """What the article says about where it is: votes per country and per admin1 area."""

    countries: Counter = field(default_factory=Counter)
    states: Counter = field(default_factory=Counter)
    own: dict[str, tuple[Counter, Counter]] = field(default_factory=dict)  # a name's own votes
    neighbours: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cells: dict[str, frozenset] = field(default_factory=dict)  # a name's local candidates
    named: dict[tuple, set] = field(default_factory=dict)  # area named -> names naming it
    mentions: Counter = field(default_factory=Counter)  # name -> how often the article uses it
    counties: dict[tuple, set] = field(default_factory=dict)  # county named -> names naming it
    county_towns: dict[tuple, set] = field(default_factory=dict)  # county -> names of towns in it

    def region_share(self, country: str | None, key: str = "") -> float:
        """The country's share plus NEIGHBOUR_FACTOR x its neighbours' (Gaza in an Israel story)."""
        near = sum(self.share(n, key) for n in self.neighbours.get(country or "", ()))
        return self.share(country, key) + NEIGHBOUR_FACTOR * min(near, 1.0)

    def share(self, country: str | None, key: str = "") -> float:
        """Share of the votes of names other than `key` that go to this country."""
        if not country:
            return 0.0
        own = self.own_votes(key)[0]
        total = sum(self.countries.values()) - sum(own.values())
        return (self.countries.get(country, 0) - own.get(country, 0)) / total if total > 1e-9 else 0.0

    def state_share(self, state: tuple[str | None, str | None], key: str = "") -> float:
        """Share of the other names' admin1 votes that go to this area."""
        if not state[1]:
            return 0.0
        own = self.own_votes(key)[1]
        total = sum(self.states.values()) - sum(own.values())
        return (self.states.get(state, 0) - own.get(state, 0)) / total if total > 1e-9 else 0.0

    def named_weight(self, area: tuple, key: str = "") -> float:
        """1 for the area the article names most often (other than by `key`), less for areas
        it names less: a story that says "Indiana" five times and "Kentucky" once is set in
        Indiana."""
        counts = {a: sum(self.mentions[k] for k in names - {key}) for a, names in self.named.items()}
        top = max(counts.values(), default=0)
        return counts.get(area, 0) / top if top else 0.0

    def own_votes(self, key: str) -> tuple[Counter, Counter]:
        """The votes of the name and of the longer or shorter forms of it ("Dublin City" for
        "Dublin"): the same name is no evidence for itself."""
        countries, states = Counter(), Counter()
        for other, (c, s) in self.own.items():
            if same_name(key, other):
                countries.update(c)
                states.update(s)
        return countries, states

    def top_country(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None


def build_context(toponyms: list[Toponym], gazetteer: Gazetteer, norps: list[str],
                  text: str = "") -> Context:
    """Country and admin1 votes from every distinct name, demonyms and US-only wording."""
    context = Context()
    for country, pattern in WORDING_CUES:
        cues = {re.sub(r"\W+", " ", m.group()).strip() for m in pattern.finditer(text)}
        if cues:
            context.countries[country] += CUE_VOTE * min(len(cues), CUE_MAX)
    mentions = Counter(name_key(t.text) for t in toponyms)
    context.mentions = mentions
    # Each toponym's candidates, looked up once for the votes, the cells, areas and counties.
    found = [(toponym, candidates(toponym, gazetteer)) for toponym in toponyms]
    for toponym, entries in found:
        key = name_key(toponym.text)
        if key in context.own:
            continue
        located = _located(toponym, entries, gazetteer)
        # One vote per distinct name, more for a name the story keeps repeating.
        countries, states = _votes(located, math.sqrt(mentions[key]))
        context.own[key] = (countries, states)
        context.cells[key] = local_cells(located)
        context.countries.update(countries)
        context.states.update(states)
        for country in countries:
            context.neighbours.setdefault(country, _region(gazetteer, country))
    _name_areas(found, context)
    _name_counties(found, context)
    demonyms = Counter(filter(None, map(demonym_country, norps)))
    for country, count in demonyms.items():
        context.countries[country] += min(count, 3) * DEMONYM_VOTE
        context.neighbours.setdefault(country, _region(gazetteer, country))
    return context


@lru_cache(maxsize=4096)  # per gazetteer and country: the same for every article
def _region(gazetteer: Gazetteer, country: str) -> tuple[str, ...]:
    """The countries whose votes count a little for this one's places: those bordering it,
    and those close by over water or a border GeoNames does not list (NEAR_COUNTRY_KM)."""
    home = gazetteer.country(country)
    near = () if home is None or home.lat is None else tuple(
        other.country for other in gazetteer.countries()
        if other.country != country and other.lat is not None
        and distance_km(home.lat, home.lon, other.lat, other.lon) <= NEAR_COUNTRY_KM)
    return tuple(dict.fromkeys(gazetteer.neighbours(country) + near))


def _name_areas(found: list[tuple[Toponym, list[GeoEntry]]], context: Context) -> None:
    """First-level areas the article names outright ("Kentucky", "Ky.", "Idlib province").

    A name that is also a country ("Georgia") names the area only when the area's country
    has most of the other names' votes.
    """
    for toponym, entries in found:
        key = name_key(toponym.text)
        for entry in entries:
            if entry.feature != "admin" or entry.level != 1 or not entry.admin1:
                continue
            if entry.match == ALTERNATE:
                continue
            if context.share(entry.country, key) < NAMED_AREA_SHARE:
                continue
            area = (entry.country, entry.admin1)
            context.named.setdefault(area, set()).add(key)
            # A named area casts a whole vote for itself, even when its name's prior leans
            # to a country ("Georgia" in an Atlanta story): topped up, and kept as the
            # name's own vote so that it does not count for the name itself.
            own_states = context.own.setdefault(key, (Counter(), Counter()))[1]
            missing = 1.0 - own_states.get(area, 0.0)
            if missing > 0:
                own_states[area] += missing
                context.states[area] += missing


def _name_counties(found: list[tuple[Toponym, list[GeoEntry]]], context: Context) -> None:
    """Second-level areas the article may name, and those its towns may lie in: "Paris" and
    "Henry County" together are Paris, Tennessee, in Henry County, Tennessee."""
    for toponym, entries in found:
        key = name_key(toponym.text)
        for entry in entries:
            if entry.feature == "admin" and entry.level == 2 and entry.match in (PRIMARY, ALIAS):
                area = (entry.country, entry.admin1, name_key(entry.name))
                context.counties.setdefault(area, set()).add(key)
            elif entry.feature == "city" and entry.county:
                area = (entry.country, entry.admin1, entry.county)
                context.county_towns.setdefault(area, set()).add(key)


def _in_named_county(entry: GeoEntry, context: Context, key: str) -> bool:
    """A town inside a county another name of the article names, or a county that holds a
    town another name names."""
    if entry.feature == "city" and entry.county:
        names = context.counties.get((entry.country, entry.admin1, entry.county), set())
    elif entry.feature == "admin" and entry.level == 2:
        names = context.county_towns.get((entry.country, entry.admin1, name_key(entry.name)), set())
    else:
        return False
    return bool(names - {key})


def _located(toponym: Toponym, entries: list[GeoEntry], gazetteer: Gazetteer) -> list[GeoEntry]:
    """The candidates inside the toponym's "X, Y" qualifier, when any is."""
    qualifiers = _qualifier_entries(toponym, gazetteer)
    if qualifiers:
        entries = [e for e in entries if any(_inside(e, q) for q in qualifiers)] or entries
    return entries


def _votes(entries: list[GeoEntry], weight: float) -> tuple[Counter, Counter]:
    """One vote per name, split over its candidates' countries and areas by their priors."""
    countries, states = Counter(), Counter()
    if not entries:
        return countries, states
    priors = [prior(e) for e in entries]
    top = max(priors)
    weights = [10 ** (p - top) for p in priors]
    total = sum(weights) / weight
    for entry, share in zip(entries, weights):
        if entry.country:
            countries[entry.country] += share / total
            if entry.admin1 and entry.feature != "country":
                states[(entry.country, entry.admin1)] += share / total
    return countries, states


def candidates(toponym: Toponym, gazetteer: Gazetteer) -> list[GeoEntry]:
    """The gazetteer entries a toponym may name, given how it is written."""
    # A dotted abbreviation ("W. Va.", "Minn.") is one wherever it stands; a bare all-caps
    # code ("IN", "OR") only as the Y of "X, Y".
    allow_abbreviation = "." in toponym.text or (
        toponym.source in ("qualifier", "given") and toponym.text.isupper())
    entries = [e for e in gazetteer.lookup(toponym.text)
               if e.match != ABBREVIATION or allow_abbreviation]
    if not entries:
        entries = _container_entries(toponym.text, gazetteer)
    if _INITIALS.fullmatch(toponym.text):  # "L.A." is Los Angeles, not Louisiana's "La."
        entries = gazetteer.lookup(" ".join(toponym.text.replace(".", ""))) or entries
    countries = [e for e in entries if e.feature == "country" and e.match in (PRIMARY, ALIAS)]
    counties = [e for e in gazetteer.lookup(f"{toponym.text} {toponym.suffix}")
                if e.feature == "admin" and e.level == 2] if toponym.suffix in COUNTY_WORDS else []
    if toponym.suffix and countries and not counties and not any(
            e.feature == "admin" and e.level == 1 for e in entries):
        found = countries  # "a U.S. county", "a Mexican state": the country, used as an adjective
    elif toponym.suffix in COUNTY_WORDS:
        # "Lancashire County Council": no county and no town of the name, but the area itself
        found = (counties or [e for e in entries if e.feature == "city"]
                 or [e for e in entries if e.feature == "admin"])
    elif toponym.suffix == "township":  # GeoNames has no townships; their namesake town is inside
        found = [e for e in entries if e.feature == "city"]
    elif toponym.suffix == "region" and not any(e.feature == "admin" and e.level != 2
                                                   for e in entries):
        # "the Houston region" is the city's: no first-level area bears the name
        found = [e for e in entries if e.feature == "city"] or entries
    elif toponym.suffix in AREA_WORDS:
        found = [e for e in entries if e.feature == "admin"] or entries
    else:
        found = entries
    if toponym.suffix is None and any(e.feature == "city" and e.match == PRIMARY
                                      and e.population >= CREDIBLE_POPULATION[PRIMARY] for e in found):
        # A bare name is the town before the second-level area called after it (an area's
        # population is its member towns' sum, sometimes a whole metro's: "Cambridge", WA).
        # Not Britain's and Ireland's counties, which go by their bare names ("a farm in
        # Suffolk" is the English county, not Suffolk, Va.).
        found = [replace(e, population=max(1, e.population // BARE_COUNTY_DISCOUNT))
                 if e.feature == "admin" and e.level == 2 and not (
                     e.country in BARE_COUNTY_COUNTRIES and e.match == PRIMARY) else e
                 for e in found]
    # "a Lebanon woman" is from a town; "U.S. residents", "UK residents" from the country.
    if toponym.town and "." not in toponym.text and not toponym.text.isupper() and any(
            e.feature == "city" for e in found):
        found = [e for e in found if e.feature != "country"]
    if toponym.source == "given":  # told it is a place: "Cypriot", "Texans", "Canadian"
        country = gazetteer.country(demonym_country(toponym.text))
        if country is not None:  # the country, whatever small towns share the word
            return [country]
        if not found:
            return demonym_places(toponym.text, gazetteer)
    return found


WORD_ABBREVIATIONS = {"mt": "Mount", "ft": "Fort", "pt": "Point", "w": "West", "e": "East",
                      "n": "North", "s": "South"}
_OF_CONTAINER = re.compile(r"(?i)^(?:the\s+)?(?:port|town|city|village|borough|township)\s+of\s+(.+)$")
_DIRECTED = re.compile(r"(?i)^(?:north|south|east|west|north-?east|north-?west|south-?east"
                       r"|south-?west|northern|southern|eastern|western|central|downtown|greater"
                       r"|metro|upstate)\s+(.+)$")
_AREA_OF_CITY = re.compile(r"(?i)^(.+?)\s+(?:valley|harbou?r|metro|metropolitan area|area)$")


def _container_entries(text: str, gazetteer: Gazetteer) -> list[GeoEntry]:
    """Towns and areas a name the gazetteer lacks is a part of: "Port of Los Angeles",
    "Town of Groton", "South Los Angeles", "Las Vegas Valley", "Boston Harbor"; and the
    name with its abbreviations spelt out ("Mt. Pleasant", "W. Columbia"). Rivers and lakes
    are not read this way: a river is not at the town that shares its name."""
    words = text.split()
    spelt = " ".join(WORD_ABBREVIATIONS.get(w.lower().rstrip("."), w) if w.endswith(".") or
                     w.lower() in ("mt", "ft") else w for w in words)
    if spelt != text:
        entries = [e for e in gazetteer.lookup(spelt) if e.match != ABBREVIATION]
        if entries:
            return entries
    for pattern in (_OF_CONTAINER, _DIRECTED, _AREA_OF_CITY):
        match = pattern.match(spelt)
        if match:
            entries = [e for e in gazetteer.lookup(match.group(1))
                       if e.match in (PRIMARY, ALIAS) and e.feature in ("city", "admin")]
            if entries:
                return entries
    return []


def demonym_country(text: str) -> str | None:
    """ISO2 country of a demonym ("Syrian", "Palestinians"), or None."""
    key = name_key(text)
    if key in DEMONYMS:
        return DEMONYMS[key]
    if key.endswith("s") and key[:-1] in DEMONYMS:
        return DEMONYMS[key[:-1]]
    return country_of_demonym(text)


def demonym_places(text: str, gazetteer: Gazetteer) -> list[GeoEntry]:
    """The places a demonym names when it stands where a place should: its country, else the
    area, continent or sizeable town its stem names ("Ohioans" Ohio, "European" Europe,
    "New Londoners" New London)."""
    country = gazetteer.country(demonym_country(text))
    if country is not None:
        return [country]
    words = name_key(text).split()
    if not words:
        return []
    for stem in demonym_stems(words[-1]):
        base = " ".join([*words[:-1], stem])
        places = [e for e in gazetteer.lookup(base) if e.match in (PRIMARY, ALIAS) and (
            e.feature in ("country", "admin", "other")
            or e.feature == "city" and e.population >= DEMONYM_MIN_POPULATION)]
        if places:
            return places
    return []


def demonym_stems(word: str) -> list[str]:
    """Candidate place names behind a demonym, most likely first: "texan" → "texas"."""
    if word.endswith(("ans", "ers", "ites", "is", "ots")):
        word = word[:-1]
    stems = []
    if word.endswith("ian"):
        stems += [word[:-1], word[:-3] + "io", word[:-3] + "a"]  # Ossetia, Ontario, Canada
    if word.endswith("an"):
        stems += [word[:-1], word[:-2], word[:-2] + "as"]  # Minnesota, Ohio, Texas
    if word.endswith("er"):
        stems.append(word[:-2])  # New London
    if word.endswith("ite"):
        stems.append(word[:-3])  # Richmond
    if word.endswith("i"):
        stems.append(word[:-1])  # Dagestan
    stems.append(word + "ia")  # Abkhazia
    return [s for s in dict.fromkeys(stems) if len(s) >= 3]


def prior(entry: GeoEntry) -> float:
    """Evidence-free plausibility: log population, feature and match kind."""
    population = entry.population or ASSUMED_POPULATION.get(entry.feature, 500)
    value = math.log10(max(population, 500))
    if entry.match in (PRIMARY, ALIAS) and entry.feature == "admin" and not entry.is_us_state:
        value += COMPILED_AREA_BONUS if entry.level == 1 else 0.0
    elif entry.match in (PRIMARY, ALIAS):
        value += FEATURE_BONUS[entry.feature]
    elif entry.match == ALTERNATE:
        value -= 1.5
    return value


def resolve(toponym: Toponym, gazetteer: Gazetteer, context: Context,
            resolved: dict[int, GeoEntry | None] | None = None) -> GeoEntry | None:
    """The most plausible credible entry for a toponym, or None.

    `resolved` holds a first pass's answers for the other toponyms: it adds the nearness
    and "X, west of Y" evidence.
    """
    entries = candidates(toponym, gazetteer) + _bare_counties(toponym, gazetteer, context)
    if not entries:
        return None
    key = name_key(toponym.text)
    if resolved:
        # A place the article names by its own name is not also meant by an old name of it
        # when a place of the country bears that name today: "Youngstown" in a story
        # datelined MOUNT GILEAD (once "Youngstown") is Youngstown, Ohio. An English name
        # stays ("Kiev" beside KYIV), and so does a short form ("Avondale", Avondale Estates).
        named = {e.entry_id for e in resolved.values() if e is not None
                 and key not in name_key(e.name) and name_key(e.name) in context.own}
        bearers = {e.country for e in entries if e.match == PRIMARY and e.feature == "city"}
        entries = [e for e in entries if e.match != ALTERNATE or e.entry_id not in named
                   or e.country not in bearers] or entries
    qualifiers = _qualifier_entries(toponym, gazetteer)
    if qualifiers and _is_list(entries, qualifiers):
        qualifiers = []  # "Ohio, Oregon"
    if qualifiers and toponym.suffix in COUNTY_WORDS and any(
            (m.start, m.end) == (toponym.qualifier.start, toponym.qualifier.end)
            for m in toponym.list_mates):
        qualifiers = []  # "Becker, Clay, Douglas and Wilkin counties": Clay is not in Douglas
    # "Washington, D.C.": a dotted abbreviation after a name makes a pair even inside a list.
    pair = bool(qualifiers) and "." in toponym.qualifier.text
    listed = _like_list_mates(entries, toponym, resolved) if resolved and not pair else None
    if listed is not None:  # "Virginia, Washington, West Virginia": a list, not X in Y
        entries, qualifiers = listed, []
    anchor = resolved.get(id(toponym.anchor)) if resolved and toponym.anchor else None
    if anchor is not None and toponym.inside and _is_area(anchor) and not any(
            _is_area(e) or e.feature == "other" for e in entries if e.match in (PRIMARY, ALIAS)):
        # "a district of Sumatra in Indonesia": no Sumatra in Florida; no town inside, no
        # guess. Not for areas ("Michigan, in Utah's parks" is a list, not Michigan in Utah).
        entries = [e for e in entries if _inside(e, anchor)]
        if not entries:
            return None
    neighbours = _neighbours(toponym, key, resolved) if resolved else []
    # A name that is itself a country or first-level area ("Ontario", "Mexico") is not
    # pulled into a named area by a town that bears it.
    named = not any(e.feature in ("country", "admin", "other") and e.match in (PRIMARY, ALIAS)
                    and e.level != 2 for e in entries)
    scored = [(score(e, context, qualifiers, key, anchor, neighbours, named), e) for e in entries]
    best = max(scored, key=lambda pair: pair[0])[1]
    if qualifiers and not any(_inside(best, q) for q in qualifiers):
        return None  # "Springfield, Ga." with no Springfield in Georgia: do not guess
    best = _city_over_area(best, entries, toponym)
    if qualifiers or (anchor is not None and _near(best, anchor, ANCHOR_KM)):
        return best
    if toponym.suffix in PROVINCE_WORDS and best.feature == "city" and not _unopposed(
            best, context, key) and context.region_share(best.country, key) < CREDIBLE_SHARE:
        # "Nyanza province" in a Kenya story: no area of the name, and a town of it in a
        # country the story is not about is a guess
        return None
    if best.match == ABBREVIATION and "." in toponym.text and best.feature == "admin":
        return best  # "W. Va.", "Minn.": a dotted state abbreviation names its state
    # A ZIP-table hamlet does not make a GeoNames town's name ambiguous ("New Concord").
    rivals = [e for e in entries if e is best or not e.is_postal]
    if len(rivals) == 1 and best.match == PRIMARY and _unopposed(best, context, key):
        return best  # the only place of that name anywhere, and no other country in view
    return best if credible(best, context, key) else None


def _is_area(entry: GeoEntry) -> bool:
    """A country or first-level area: something a place can be "in"."""
    return entry.feature == "country" or (entry.feature == "admin" and entry.level == 1)


def _like_list_mates(entries: list[GeoEntry], toponym: Toponym,
                     resolved: dict[int, GeoEntry | None]) -> list[GeoEntry] | None:
    """A list is of one kind: "Utah, Washington and Wyoming" are states, "Mali, Niger and
    Senegal" countries, "Ontario and New Brunswick" provinces. When two thirds of the other
    members (two at least) are countries, or first-level areas of one country, and this
    member can be one, its candidates of that kind; else None."""
    kinds = Counter(_list_kind(resolved.get(id(m))) for m in toponym.list_mates)
    kinds.pop(None, None)
    if not kinds:
        return None
    kind, alike = kinds.most_common(1)[0]
    if alike >= 2 and alike * 3 >= len(toponym.list_mates) * 2:
        return [e for e in entries if _list_kind(e) == kind] or None
    return None


def _list_kind(entry: GeoEntry | None) -> tuple | None:
    """What a list member is: a country, or a first-level area of a given country."""
    if entry is None:
        return None
    if entry.feature == "country":
        return ("country",)
    if entry.feature == "admin" and entry.level == 1:
        return ("area", entry.country)
    return None


def _bare_counties(toponym: Toponym, gazetteer: Gazetteer, context: Context) -> list[GeoEntry]:
    """Counties named without their County word ("DeKalb", "Hall"), in a state the article names."""
    if toponym.suffix is not None or toponym.kind != "place" or not toponym.text[:1].isupper():
        return []
    key = name_key(toponym.text)
    # A bare name is a town first: the county is weighed as if BARE_COUNTY_DISCOUNT times smaller.
    return [replace(e, population=max(1, e.population // BARE_COUNTY_DISCOUNT))
            for e in gazetteer.lookup(f"{toponym.text} County")
            if e.feature == "admin" and e.level == 2
            and context.named.get((e.country, e.admin1), set()) - {key}]


def score(entry: GeoEntry, context: Context, qualifiers: list[GeoEntry], key: str = "",
          anchor: GeoEntry | None = None, neighbours: list[GeoEntry] = (),
          named: bool = True) -> float:
    """Higher is more plausible; see the module docstring for the ingredients."""
    value = prior(entry)
    value += COUNTRY_WEIGHT * context.region_share(entry.country, key)
    if entry.feature != "country":
        value += STATE_WEIGHT * context.state_share((entry.country, entry.admin1), key)
        if named and entry.level != 1 and context.named.get((entry.country, entry.admin1), set()) - {key}:
            value += NAMED_AREA_BONUS * context.named_weight((entry.country, entry.admin1), key)
    if qualifiers:
        value += 10.0 if any(_inside(entry, q) for q in qualifiers) else -5.0
    if anchor is not None and entry.entry_id != anchor.entry_id:
        value += ANCHOR_BONUS if _near(entry, anchor, ANCHOR_KM) else -2.0
    if entry.feature in ("city", "admin") and any(_near(entry, n, NEAR_KM) for n in neighbours):
        value += NEAR_BONUS
    if _in_named_county(entry, context, key):
        value += COUNTY_BONUS
    # Towns named after others cluster far from them (Mecca and Medina, Ohio): nearness
    # counts only inside a country the article is about.
    if named and (entry.feature == "city" or (entry.feature == "admin" and entry.level == 2)) \
            and context.share(entry.country, key) >= CREDIBLE_SHARE:
        value += LOCAL_WEIGHT * min(support(entry, context.cells, key), LOCAL_CAP)
    return value


def credible(entry: GeoEntry, context: Context, key: str = "") -> bool:
    """A prominent entry, or one inside a country the article is about."""
    if entry.feature in ("country", "other") and entry.match in (PRIMARY, ALIAS):
        return True
    if entry.feature == "admin" and entry.match in (PRIMARY, ALIAS) and entry.level in (1, 2):
        # A county is named with its "County" word, so it is a US county for sure; which
        # one needs some support: the US in view, its state voted for or named, or
        # neighbours of its own (geo.coherence).
        return (entry.level == 1 or context.share(entry.country, key) >= CREDIBLE_SHARE
                or context.state_share((entry.country, entry.admin1), key) > 0.0
                or bool(context.named.get((entry.country, entry.admin1), set()) - {key})
                or support(entry, context.cells, key) > 0.0)
    if entry.feature == "admin" and entry.match in (PRIMARY, ALIAS):
        return True
    if entry.country and context.share(entry.country, key) >= CREDIBLE_SHARE:
        return True
    return entry.population >= CREDIBLE_POPULATION[entry.match]


def _unopposed(entry: GeoEntry, context: Context, key: str) -> bool:
    """True when the article's other names do not point away from this entry's country."""
    others = sum(context.countries.values()) - sum(context.own_votes(key)[0].values())
    return others < 1e-9 or context.share(entry.country, key) >= UNIQUE_NAME_SHARE


def _is_list(entries: list[GeoEntry], qualifiers: list[GeoEntry]) -> bool:
    """"Ohio, Oregon" is a list of two states, not Ohio inside Oregon; "China, Japan" a list
    of two countries, not a town called China in Japan."""
    if any(e.feature == "country" and e.match in (PRIMARY, ALIAS) for e in entries) and all(
            q.feature == "country" for q in qualifiers):
        return True
    if any(_inside(e, q) for e in entries for q in qualifiers):
        return False
    return any(e.feature in ("country", "admin") and e.level != 2 and e.match in (PRIMARY, ALIAS)
               for e in entries)


def _city_over_area(best: GeoEntry, entries: list[GeoEntry], toponym: Toponym) -> GeoEntry:
    """A bare "New York" or "Aleppo" is the big city, not the area named after it."""
    if best.feature != "admin" or toponym.suffix is not None or toponym.kind != "place":
        return best
    same_area, same_country = CITY_OVER_AREA
    # A US state keeps its name against its own big city: "New York" is the state in US copy.
    us_state = best.is_us_state
    cities = [e for e in entries if e.feature == "city" and e.country == best.country
              and (e.population >= same_country and not (us_state and e.admin1 == best.admin1)
                   or (e.admin1 == best.admin1 and e.population >= same_area
                       and e.match != ALTERNATE and not us_state))]
    return max(cities, key=lambda e: e.population) if cities else best


def _neighbours(toponym: Toponym, key: str,
                resolved: dict[int, GeoEntry | None]) -> list[GeoEntry]:
    # Places of the first pass other than this name, precise enough to be near something.
    return [e for e in resolved.values()
            if e is not None and e.lat is not None and name_key(e.name) != key
            and (e.feature == "city" or (e.feature == "admin" and e.level == 2))]


def _near(entry: GeoEntry, other: GeoEntry, km: float) -> bool:
    if other.feature == "country" or (other.feature == "admin" and other.level == 1):
        return _inside(entry, other)
    if entry.lat is None or other.lat is None:
        return False
    return distance_km(entry.lat, entry.lon, other.lat, other.lon) <= km


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
