"""Story clustering: different outlets' reports of the same event (a corpus job; no database).

READS: each article's clean text, `published`, resolved places and entity names.
FILLS: nothing on the Article; returns `StoryLink` records, joined into stories by
`dedup.clusters()`.

Two reports are of the same event when they are near-duplicates (see `dedup`), or when,
published at most `story_window_days` apart (default 2), their content-word sets overlap
(MinHash Jaccard >= `story_words`, 0.10: a topical filter only) and they agree on where: a
specific place (city, district, site; not a country or state, whose points are centroids) of
each within `story_km` (50 km), counting only each report's `story_places` (3) most-mentioned
places. When either report lacks specific places, at least `story_entities` (3) shared actor
names (people, organisations, groups; not countries or nationalities) stand in for the place.
Specific places that are all farther apart than `story_km` rule the pair out, however similar
the words: two attacks in two cities are two events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from datasketch import MinHash, MinHashLSH

from .dedup import (DedupSettings, DuplicateIndex, Point, as_datetime, as_points,
                    content_words, days_apart, minhash, nearest_km, words)


@dataclass(frozen=True)
class StoryLink:
    """`key` reports the same event as the earlier `other`; `reason` says which rule held."""

    key: str
    other: str
    reason: str  # "duplicate", "place" or "entities"
    words_jaccard: float
    days_apart: float | None
    km: float | None = None
    shared_entities: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "other": self.other, "reason": self.reason,
                "words_jaccard": round(self.words_jaccard, 4),
                "days_apart": None if self.days_apart is None else round(self.days_apart, 3),
                "km": None if self.km is None else round(self.km, 1),
                "shared_entities": list(self.shared_entities)}


@dataclass
class Report:
    """What the story index keeps of one article."""

    key: str
    order: int
    published: dt.datetime | None
    words: MinHash
    points: tuple[Point, ...]
    entities: frozenset[str]


# Countries and nationalities are where, not who: they would make any two foreign-news stories agree.
_NOT_ACTORS = frozenset({"GPE", "NORP"})


def entity_names(entities: Iterable[Any] | None) -> frozenset[str]:
    """Lower-cased names of the actors (people, organisations, groups) among the entities."""
    names = set()
    for entity in entities or ():
        get = entity.get if isinstance(entity, dict) else (lambda k, e=entity: getattr(e, k, None))
        name = entity if isinstance(entity, str) else get("name")
        if not isinstance(entity, str) and get("type") in _NOT_ACTORS:
            continue
        if name and name.strip() and name[:1].isupper():  # proper names; "militants" is no one
            names.add(" ".join(name.lower().split()))
    return frozenset(names)


def focus_places(places: Iterable[Any] | None, top: int = 3) -> list[Any]:
    """The `top` most-mentioned places (ties: the earliest); a long story names many places in
    passing ("Washington", "Beijing") that say nothing about where its event happened."""
    places = list(places or ())

    def rank(item: tuple[int, Any]) -> tuple:
        position, place = item
        mentions = getattr(place, "mentions", None) or (place.get("mentions") if isinstance(place, dict) else None)
        if not mentions:
            return (0, position)
        return (-len(mentions), min(m[0] for m in mentions))

    return [place for _, place in sorted(enumerate(places), key=rank)[:top]]


def same_event(new: Report, old: Report, settings: DedupSettings) -> StoryLink | None:
    """The story link between two reports that are not duplicates, or None."""
    apart = days_apart(new.published, old.published)
    if apart is not None and apart > settings.story_window_days:
        return None
    similarity = new.words.jaccard(old.words)
    if similarity < settings.story_words:
        return None
    km = nearest_km(new.points, old.points, specific_only=True)
    later, earlier = (new, old) if _is_later(new, old) else (old, new)
    if km is not None:
        if km > settings.story_km:
            return None
        return StoryLink(later.key, earlier.key, "place", similarity, apart, km=km)
    shared = tuple(sorted(new.entities & old.entities))
    if len(shared) >= settings.story_entities:
        return StoryLink(later.key, earlier.key, "entities", similarity, apart, shared_entities=shared)
    return None


def _is_later(a: Report, b: Report) -> bool:
    if a.published is not None and b.published is not None and a.published != b.published:
        return a.published > b.published
    return (a.order, a.key) > (b.order, b.key)


class StoryIndex:
    """An incremental index of reports: `add()` one, get its story links to earlier ones."""

    def __init__(self, settings: DedupSettings | None = None) -> None:
        self.settings = settings or DedupSettings()
        self.duplicates = DuplicateIndex(self.settings)
        self._lsh = MinHashLSH(threshold=self.settings.story_words, num_perm=self.settings.num_perm)
        self._reports: dict[str, Report] = {}
        self._added = 0

    def __len__(self) -> int:
        return len(self._reports)

    def add(self, article_key: str, text: str, published: Any = None,
            places: Iterable[Any] | None = None,
            entities: Iterable[Any] | None = None) -> list[StoryLink]:
        """Index the report; its duplicate links come first (reason "duplicate"), then events."""
        if article_key in self._reports:
            self._lsh.remove(article_key)
            del self._reports[article_key]
        duplicate_links = self.duplicates.add(article_key, text, published, places)
        tokens = words(text)
        self._added += 1
        if len(tokens) < self.settings.min_words:
            return []
        report = Report(article_key, self._added, as_datetime(published),
                        minhash(content_words(tokens), self.settings.num_perm),
                        as_points(focus_places(places, self.settings.story_places)),
                        entity_names(entities))
        links = [StoryLink(d.key, d.duplicate_of, "duplicate", report.words.jaccard(
            self._reports[d.duplicate_of].words), d.days_apart) for d in duplicate_links]
        linked = {d.duplicate_of for d in duplicate_links}
        events = [same_event(report, self._reports[key], self.settings)
                  for key in self._lsh.query(report.words) if key not in linked]
        links += sorted((link for link in events if link is not None),
                        key=lambda link: (-link.words_jaccard, link.other, link.key))
        self._lsh.insert(article_key, report.words)
        self._reports[article_key] = report
        return links
