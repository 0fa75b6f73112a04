"""Near-duplicate detection and story clustering across outlets (a corpus job; no database).

READS: each article's clean text, its `published` time and, optionally, its resolved places
and entity names. FILLS: nothing on the Article; returns `DuplicateLink` and `StoryLink`
records (the store writes them to its `duplicates` table) and union-find clusters.

Duplicates (`DuplicateIndex`): texts are normalised (quotes, dashes, a leading dateline and
furniture lines such as "Reporting by ..." removed), cut into word 5-shingles and summarised
by a MinHash signature (datasketch, 256 permutations). Candidates come from two LSH indexes,
one over the whole text and one over its lead (the first 60 words), so that a copy trimmed
from the bottom, whose Jaccard with the full story is low, is still found. A candidate pair
is linked when, within the time window (published at most `window_days` apart, default 2)
and, where both articles have places, with a place in common (`max_km`), the shorter text's
shingles are contained in the longer's to at least `rewrite_containment` (0.30); the link is
"syndicated" (a copy, possibly trimmed or with other furniture) from
`syndicated_containment` (0.90) on, else "rewrite" (the same story, edited). Containment is
derived from the MinHash Jaccard estimate and the exact shingle-set sizes:
|A & B| = J (|A| + |B|) / (1 + J).

Stories (`StoryIndex`): different outlets' reports of the same event share few shingles but
many content words, places, names and dates. Two articles are in the same story when they
are duplicates, or when, published at most `story_window_days` apart, their content-word
sets overlap (MinHash Jaccard >= `story_words`, 0.10) and they agree on where (a specific place of
each within `story_km`) or, when either lacks specific places, on who (at least
`story_entities` shared actor names). `clusters()` joins links with union-find (transitive,
deterministic order); `canonical()` picks a cluster's canonical article and lists its sources.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from datasketch import MinHash, MinHashLSH

LINK_KINDS = ("syndicated", "rewrite")
# Place features that pin a report down to a few km (countries and states do not).
SPECIFIC_FEATURES = frozenset({"city", "district", "other"})


@dataclass(frozen=True)
class DedupSettings:
    """Every threshold and window of duplicate detection and story clustering."""

    shingle_words: int = 5
    num_perm: int = 256  # 128 left the containment estimate +-0.06 off: too coarse for kinds
    lead_words: int = 60
    min_words: int = 12  # shorter texts are not indexed: a headline is no evidence of copying
    window_days: float = 2.0
    max_km: float = 50.0  # duplicates with places must share one within this distance
    syndicated_containment: float = 0.90
    rewrite_containment: float = 0.30
    candidate_jaccard: float = 0.10  # LSH recall threshold over the whole text (below any link)
    lead_jaccard: float = 0.50  # LSH threshold over the leads (copies keep their lead)
    story_window_days: float = 2.0
    story_km: float = 50.0
    story_words: float = 0.10  # a topical filter only: place or names decide the event
    story_entities: int = 3
    story_places: int = 3  # the most-mentioned places of each report are its event's places


@dataclass(frozen=True)
class DuplicateLink:
    """`key` is a near-duplicate of the earlier `duplicate_of`, with the evidence."""

    key: str
    duplicate_of: str
    kind: str  # one of LINK_KINDS
    jaccard: float  # MinHash estimate over word shingles
    containment: float  # share of the shorter text's shingles found in the longer one
    days_apart: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "duplicate_of": self.duplicate_of, "kind": self.kind,
                "jaccard": round(self.jaccard, 4), "containment": round(self.containment, 4),
                "days_apart": None if self.days_apart is None else round(self.days_apart, 3)}


@dataclass(frozen=True)
class Point:
    """A resolved place reduced to what the windows need."""

    lat: float
    lon: float
    specific: bool = True


@dataclass
class Fingerprint:
    """What the index keeps of one article (never its text)."""

    key: str
    order: int
    published: dt.datetime | None
    size: int  # distinct shingles
    minhash: MinHash
    lead: MinHash
    points: tuple[Point, ...] = ()


@dataclass(frozen=True)
class ClusterMember:
    """One article of a cluster, with what choosing the canonical one needs."""

    key: str
    published: dt.datetime | None = None
    length: int = 0
    source: str | None = None


@dataclass(frozen=True)
class ClusterSummary:
    """A cluster's canonical article, its members and every distinct source behind it."""

    canonical: str
    keys: tuple[str, ...]
    sources: tuple[str, ...] = field(default=())


# --- text -------------------------------------------------------------------------------

_TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                             "\u2013": "-", "\u2014": "-", "\u00a0": " "})
# "WASHINGTON (Reuters) -", "KARACHI, Pakistan (AP) --", "(AFP) -": a dateline before the body.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.'\- ]{1,30})?\s*)?(?:\([^()]{1,40}\)\s*)?-{1,2}\s+")
# Lines that outlets add around a wire story and that say nothing about its content.
_FURNITURE = re.compile(
    r"^(?:\(?(?:additional )?reporting by|\(?(?:writing|editing) by|compiled by|copyright\b|"
    r"\(c\)|all rights reserved|this (?:story|article|report) (?:has been|was|is)|"
    r"follow (?:us|\w+ \w+) on|sign up\b|subscribe\b|read more\b|related\b|click here\b)",
    re.IGNORECASE)
# A sentence ends at . ! ? before a capital, but not after an initial ("by A. Writer").
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\s[A-Z]\.)[\"')\]]*\s+(?=[\"'(\[A-Z0-9])|\n+")
_WORD = re.compile(r"\w+", re.UNICODE)
_STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for from with as into over after before about "
    "is are was were be been being has have had do does did will would could should may might "
    "can it its this that these those he she they them his her their we our you i who which "
    "what when where while than then there also not no said says say told according more most "
    "some one two new".split())


def normalise(text: str) -> str:
    """The text as compared: NFKC, plain quotes and dashes, no dateline, no furniture lines."""
    text = unicodedata.normalize("NFKC", text or "").translate(_TYPOGRAPHY)
    text = _DATELINE.sub("", text, count=1)
    kept = [s for s in _SENTENCE_END.split(text) if s and not _FURNITURE.match(s.strip())]
    return " ".join(s.strip() for s in kept if s.strip())


def words(text: str) -> list[str]:
    """Lower-cased word tokens of the normalised text."""
    return [w.lower() for w in _WORD.findall(normalise(text))]


def shingles(tokens: Sequence[str], size: int = 5) -> set[str]:
    """Word n-shingles (a text shorter than n is one shingle); none for no tokens."""
    if not tokens:
        return set()
    if len(tokens) <= size:
        return {" ".join(tokens)}
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def content_words(tokens: Iterable[str]) -> set[str]:
    """The bag of content words (no stopwords, no bare one-character tokens)."""
    return {t for t in tokens if t not in _STOPWORDS and len(t) > 1}


def minhash(items: Iterable[str], num_perm: int = 256) -> MinHash:
    """A MinHash signature of a set of strings (fixed seed: signatures are comparable)."""
    signature = MinHash(num_perm=num_perm, seed=1)
    signature.update_batch([item.encode("utf-8") for item in items])
    return signature


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller set inside the larger, from their Jaccard and sizes."""
    if not size_a or not size_b:
        return 0.0
    common = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, common / min(size_a, size_b))


# --- windows ------------------------------------------------------------------------------

def as_datetime(value: Any) -> dt.datetime | None:
    """A naive-UTC datetime from a datetime, date or ISO string (None when unknown)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip().replace("Z", "+00:00")
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            try:
                value = dt.date.fromisoformat(text[:10])
            except ValueError:
                return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return None


def days_apart(a: dt.datetime | None, b: dt.datetime | None) -> float | None:
    """Absolute distance in days, or None when either time is unknown (no window applies)."""
    if a is None or b is None:
        return None
    return abs((a - b).total_seconds()) / 86400.0


def as_points(places: Iterable[Any] | None) -> tuple[Point, ...]:
    """Points from Place records, dicts or (lat, lon) pairs; unresolved places are skipped."""
    points = []
    for place in places or ():
        if isinstance(place, Point):
            points.append(place)
            continue
        if isinstance(place, dict):
            lat, lon, feature = place.get("lat"), place.get("lon"), place.get("feature")
        elif isinstance(place, (tuple, list)):
            lat, lon, feature = (list(place) + [None] * 3)[:3]
        else:
            lat, lon, feature = (getattr(place, "lat", None), getattr(place, "lon", None),
                                 getattr(place, "feature", None))
        if lat is None or lon is None:
            continue
        points.append(Point(float(lat), float(lon), feature is None or feature in SPECIFIC_FEATURES))
    return tuple(sorted(set(points), key=lambda p: (p.lat, p.lon, p.specific)))


def km_between(a: Point, b: Point) -> float:
    """Great-circle distance in km (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def nearest_km(a: Sequence[Point], b: Sequence[Point], *, specific_only: bool = False) -> float | None:
    """The smallest distance between a place of each side (None when a side has none)."""
    if specific_only:
        a, b = [p for p in a if p.specific], [p for p in b if p.specific]
    if not a or not b:
        return None
    return min(km_between(p, q) for p in a for q in b)


# --- duplicates ---------------------------------------------------------------------------

def fingerprint(key: str, text: str, published: Any = None, places: Iterable[Any] | None = None,
                settings: DedupSettings | None = None, order: int = 0) -> Fingerprint | None:
    """The article's signatures, or None when it is too short to be compared."""
    settings = settings or DedupSettings()
    tokens = words(text)
    if len(tokens) < settings.min_words:
        return None
    full = shingles(tokens, settings.shingle_words)
    lead = shingles(tokens[:settings.lead_words], settings.shingle_words)
    return Fingerprint(key, order, as_datetime(published), len(full),
                       minhash(full, settings.num_perm), minhash(lead, settings.num_perm),
                       as_points(places))


def compare(new: Fingerprint, old: Fingerprint, settings: DedupSettings | None = None) -> DuplicateLink | None:
    """The duplicate link between two fingerprints, or None (outside a window or too different)."""
    settings = settings or DedupSettings()
    apart = days_apart(new.published, old.published)
    if apart is not None and apart > settings.window_days:
        return None
    km = nearest_km(new.points, old.points)
    if km is not None and km > settings.max_km:
        return None  # templated reports (quake alerts, results) share text, not place
    jaccard = new.minhash.jaccard(old.minhash)
    share = containment(jaccard, new.size, old.size)
    if share < settings.rewrite_containment:
        return None
    kind = "syndicated" if share >= settings.syndicated_containment else "rewrite"
    later, earlier = _later_first(new, old)
    return DuplicateLink(later.key, earlier.key, kind, jaccard, share, apart)


def _later_first(a: Fingerprint, b: Fingerprint) -> tuple[Fingerprint, Fingerprint]:
    """Order two fingerprints so the first was published later (same or unknown: indexed later)."""
    if a.published is not None and b.published is not None and a.published != b.published:
        return (a, b) if a.published > b.published else (b, a)
    return (a, b) if (a.order, a.key) > (b.order, b.key) else (b, a)


class DuplicateIndex:
    """An incremental MinHash LSH index: `add()` an article, get its links to earlier ones."""

    def __init__(self, settings: DedupSettings | None = None) -> None:
        self.settings = settings or DedupSettings()
        s = self.settings
        self._full = MinHashLSH(threshold=s.candidate_jaccard, num_perm=s.num_perm)
        self._lead = MinHashLSH(threshold=s.lead_jaccard, num_perm=s.num_perm)
        self._prints: dict[str, Fingerprint] = {}
        self._added = 0

    def __len__(self) -> int:
        return len(self._prints)

    def __contains__(self, key: object) -> bool:
        return key in self._prints

    def add(self, article_key: str, text: str, published: Any = None,
            places: Iterable[Any] | None = None) -> list[DuplicateLink]:
        """Index the article and return its links to the articles already indexed."""
        if article_key in self._prints:
            self.remove(article_key)  # re-adding replaces: a reprocessed article is compared afresh
        self._added += 1
        new = fingerprint(article_key, text, published, places, self.settings, self._added)
        if new is None:
            return []
        links = self._links(new)
        self._full.insert(article_key, new.minhash)
        self._lead.insert(article_key, new.lead)
        self._prints[article_key] = new
        return links

    def query(self, text: str, published: Any = None,
              places: Iterable[Any] | None = None) -> list[DuplicateLink]:
        """Links of an unindexed text (keyed "") to the indexed articles; the index is unchanged."""
        probe = fingerprint("", text, published, places, self.settings, self._added + 1)
        return self._links(probe) if probe is not None else []

    def remove(self, article_key: str) -> None:
        """Forget an article (no error when it is not indexed)."""
        if self._prints.pop(article_key, None) is not None:
            self._full.remove(article_key)
            self._lead.remove(article_key)

    def prune(self, before: Any) -> int:
        """Forget articles published before `before` (they can no longer be in a window)."""
        cutoff = as_datetime(before)
        old = [k for k, f in self._prints.items() if f.published is not None and f.published < cutoff]
        for key in old:
            self.remove(key)
        return len(old)

    def _links(self, new: Fingerprint) -> list[DuplicateLink]:
        candidates = set(self._full.query(new.minhash)) | set(self._lead.query(new.lead))
        links = [compare(new, self._prints[key], self.settings)
                 for key in candidates if key != new.key]
        return sorted((link for link in links if link is not None),
                      key=lambda link: (-link.containment, link.duplicate_of, link.key))


def find_duplicates(articles: Iterable[tuple[str, str, Any]],
                    settings: DedupSettings | None = None) -> list[DuplicateLink]:
    """Every duplicate link among (key, text, published) triples, in input order."""
    index = DuplicateIndex(settings)
    links: list[DuplicateLink] = []
    for key, text, published in articles:
        links.extend(index.add(key, text, published))
    return links


# --- clusters -----------------------------------------------------------------------------

def clusters(keys: Iterable[str], links: Iterable[Any]) -> list[list[str]]:
    """Union-find over links (anything with `key` and `duplicate_of` or `other`): the groups
    of two or more keys, members sorted, groups sorted by their first member."""
    parent: dict[str, str] = {key: key for key in keys}

    def root(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]  # path halving keeps the trees flat
            key = parent[key]
        return key

    for link in links:
        a, b = root(link.key), root(getattr(link, "duplicate_of", None) or link.other)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the smaller key is the root: order-independent
    groups: dict[str, list[str]] = {}
    for key in parent:
        groups.setdefault(root(key), []).append(key)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])


def canonical(members: Iterable[ClusterMember]) -> ClusterSummary:
    """The canonical article of a cluster (the earliest published, then the longest text,
    then the smallest key) and all its sources in publication order."""
    def rank(member: ClusterMember) -> tuple:
        published = as_datetime(member.published)
        return (published is None, published or dt.datetime.min, -member.length, member.key)

    chosen = sorted(members, key=rank)
    if not chosen:
        raise ValueError("an empty cluster has no canonical article")
    sources = tuple(dict.fromkeys(m.source for m in chosen if m.source))
    return ClusterSummary(chosen[0].key, tuple(sorted(m.key for m in chosen)), sources)
