"""Incident reconciliation: group casualty claims about the same incident, UCDP-style.

A pure module (no spaCy, no I/O), shared by the per-article `incidents` stage and the
corpus jobs that reconcile claims across articles. The contract:

    reconcile(claims, *, radius_km=25.0, max_gap_days=1) -> list[Incident]
    claims_from_article(article, article_id=None) -> list[ClaimForReconciliation]

Rules (also in docs/casualty-conventions.md, "Incidents"):
- Two claims are about the same incident when they have the same kind, the same `cumulative`
  flag (a running toll is never merged with an incident toll), compatible places and date
  windows that overlap or lie at most `max_gap_days` apart. A claim joins a group only if it
  is compatible with every claim already in it (complete linkage), so a chain of near places
  cannot drag two distant incidents together.
- Places are compatible when both have coordinates within `radius_km`; or, in the same
  article, when one is a country/admin area and the other lies in the same country (a
  national figure and a local one in one story); or when their names are equal (no
  coordinates). A claim with no place merges only with claims of its own article.
- A claim with no date takes the window [published - max_gap_days, published] of its
  article; with neither, it merges only within its own article.
- Two claims whose weapons are both stated and of different classes (air strike vs shelling
  vs bombing vs gunfire) are different incidents, even on the same day in the same city.
- Figures: each claim's point figure is its `low` (the conservative reading: "at least 40"
  -> 40, "dozens" -> 12, "between 20 and 30" -> 20), else its `high` ("nearly 50" -> 50).
  Incident `low` = the lowest point figure, `high` = the highest figure any claim allows
  (its `high`, else its point figure), `best` = the point figure of the best claim.
- The best claim is the most specific report: highest `specificity` hint (named source +2,
  exact figure +1) plus the precision of the place its article gives for the incident
  (none 0, country 1, admin 2, other 3, city/district 4), then the later report (publication
  date), then the later mention in the same article
  ("the toll rose to 15" after "12 were killed"), then the higher figure.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Article, Casualty, DateWindow, Incident

# How precise a place is, for the specificity of a report.
_PLACE_RANK = {"district": 3, "city": 3, "other": 2, "admin": 1, "country": 0}
_COARSE = ("country", "admin")


@dataclass(frozen=True)
class ClaimForReconciliation:
    """One casualty claim reduced to what reconciliation compares."""

    claim_id: str
    article_id: str | None
    kind: str
    low: int | None
    high: int | None
    source: str | None = None
    lat: float | None = None
    lon: float | None = None
    place: str | None = None  # the place's name
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    cumulative: bool = False
    specificity: int = 0  # higher = more specific report; see `specificity()`
    place_id: str | None = None  # Place.id within its article
    place_feature: str | None = None  # one of model.PLACE_FEATURES
    country: str | None = None  # ISO 3166-1 alpha-2 of the place
    published: dt.date | None = None  # when the report appeared
    position: int = 0  # character offset in its article: later mentions are later reports
    weapon: str | None = None  # as written ("air strikes", "rocket fire"); see `weapon_class`

    @property
    def figure(self) -> int | None:
        """The claim's point figure: its low bound, else its high bound."""
        return self.low if self.low is not None else self.high

    @property
    def ceiling(self) -> int | None:
        """The highest figure the claim allows, as a number (an open top counts as its low)."""
        return self.high if self.high is not None else self.low


def specificity(claim: Casualty) -> int:
    """How specific a report is, before its place: a named source and an exact figure each add."""
    score = 0
    if claim.source:
        score += 2  # a named source (police, a local hospital) over an unattributed figure
    if claim.low is not None and claim.low == claim.high:
        score += 1  # "12 killed" is more specific than "dozens" or "at least 12"
    return score


def claims_from_article(article: Article, article_id: str | None = None
                        ) -> list[ClaimForReconciliation]:
    """The article's casualty claims; ids are "<article_id>#<casualty id>" when an id is given."""
    claims = []
    for casualty in article.casualties:
        place = article.place(casualty.place_id)
        claims.append(ClaimForReconciliation(
            claim_id=f"{article_id}#{casualty.id}" if article_id else casualty.id,
            article_id=article_id, kind=casualty.kind, low=casualty.low, high=casualty.high,
            source=casualty.source,
            lat=place.lat if place else None, lon=place.lon if place else None,
            place=place.name if place else None,
            # a fallback date is the publication day, not evidence: the claim stays undated here
            date_from=None if casualty.date_fallback else casualty.date.date_from,
            date_to=None if casualty.date_fallback else casualty.date.date_to,
            cumulative=casualty.cumulative,
            specificity=specificity(casualty),
            place_id=casualty.place_id, place_feature=place.feature if place else None,
            country=place.country if place else None, published=article.published,
            position=casualty.start, weapon=casualty.weapon,
        ))
    return claims


def reconcile(claims: Iterable[ClaimForReconciliation], *, radius_km: float = 25.0,
              max_gap_days: int = 1) -> list[Incident]:
    """Group claims into incidents (every claim in exactly one), ids "i1", "i2"... in order."""
    groups: list[list[ClaimForReconciliation]] = []
    by_key: dict[tuple[str, bool], list[list[ClaimForReconciliation]]] = {}
    for claim in claims:
        if claim.figure is None:
            continue  # no number at all: nothing to reconcile
        candidates = by_key.setdefault((claim.kind, claim.cumulative), [])
        home = next((group for group in reversed(candidates)
                     if all(_same_incident(claim, other, radius_km, max_gap_days)
                            for other in group)), None)
        if home is None:
            home = []
            candidates.append(home)
            groups.append(home)
        home.append(claim)
    return [_incident(f"i{n}", group) for n, group in enumerate(groups, 1)]


def _same_incident(a: ClaimForReconciliation, b: ClaimForReconciliation, radius_km: float,
                   max_gap_days: int) -> bool:
    """Kind and cumulative are already equal; compare places and date windows."""
    same_article = a.article_id == b.article_id
    weapons = weapon_class(a.weapon), weapon_class(b.weapon)
    if None not in weapons and weapons[0] != weapons[1]:
        return False  # an air strike and a shelling in one city are two incidents
    return (_places_match(a, b, radius_km, same_article)
            and _dates_match(a, b, max_gap_days, same_article))


# Weapon words -> a coarse class; the first class whose word occurs in the weapon wins.
_WEAPON_CLASSES = (
    ("aerial", ("air strike", "airstrike", "air raid", "aerial", "drone", "warplane", "jet",
                "helicopter", "barrel bomb")),
    ("explosive", ("suicide", "car bomb", "bomb", "ied", "explosi", "landmine", "mine", "grenade")),
    ("artillery", ("shell", "artillery", "mortar", "rocket", "missile")),
    ("firearms", ("gun", "shoot", "shot", "fire", "sniper", "rifle")),
    ("blade", ("knife", "machete", "stab")),
)


def weapon_class(weapon: str | None) -> str | None:
    """A coarse weapon class ("aerial", "artillery"...) for a weapon as written, or None."""
    if not weapon:
        return None
    text = weapon.casefold()
    for name, words in _WEAPON_CLASSES:
        if any(word in text for word in words):
            return name
    return None


def _places_match(a: ClaimForReconciliation, b: ClaimForReconciliation, radius_km: float,
                  same_article: bool) -> bool:
    known_a = a.lat is not None or a.place is not None
    known_b = b.lat is not None or b.place is not None
    if not (known_a and known_b):
        return same_article  # "the toll rose to 15": the same story, not any story
    if a.place_id is not None and a.place_id == b.place_id and same_article:
        return True
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        if distance_km(a.lat, a.lon, b.lat, b.lon) <= radius_km:
            return True
        # A national or provincial figure and a local one in the same story.
        coarse = a.place_feature in _COARSE or b.place_feature in _COARSE
        return same_article and coarse and a.country is not None and a.country == b.country
    return (a.place or "").casefold() == (b.place or "").casefold()


def _window(claim: ClaimForReconciliation, max_gap_days: int
            ) -> tuple[dt.date | None, dt.date | None]:
    """The claim's date window; an undated claim gets the days just before its report."""
    if claim.date_from is None and claim.date_to is None and claim.published is not None:
        if claim.cumulative:
            return None, claim.published  # a running toll: up to the report, start unknown
        return claim.published - dt.timedelta(days=max_gap_days), claim.published
    return claim.date_from, claim.date_to


def _dates_match(a: ClaimForReconciliation, b: ClaimForReconciliation, max_gap_days: int,
                 same_article: bool) -> bool:
    (a_from, a_to), (b_from, b_to) = _window(a, max_gap_days), _window(b, max_gap_days)
    if (a_from, a_to) == (None, None) or (b_from, b_to) == (None, None):
        return same_article
    gap = dt.timedelta(days=max_gap_days)
    a_starts_in_time = a_from is None or b_to is None or a_from <= b_to + gap
    b_starts_in_time = b_from is None or a_to is None or b_from <= a_to + gap
    return a_starts_in_time and b_starts_in_time


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def best_claim(group: list[ClaimForReconciliation]) -> ClaimForReconciliation:
    """The most specific report, then the latest (by date, then position), then the highest.

    A report's specificity is its own hint plus the precision of the place its article gives
    for the incident: a later sentence of the same story ("the toll rose to 15") does not
    repeat the town, but it is as local as the sentence that named it.
    """
    place_rank: dict[str | None, int] = {}
    for c in group:
        rank = _PLACE_RANK.get(c.place_feature or "", -1) + 1 if (
            c.lat is not None or c.place is not None) else 0
        place_rank[c.article_id] = max(place_rank.get(c.article_id, 0), rank)
    return max(group, key=lambda c: (c.specificity + place_rank[c.article_id],
                                     c.published or dt.date.min, c.position, c.figure or 0))


def _incident(incident_id: str, group: list[ClaimForReconciliation]) -> Incident:
    """One incident record from its claims."""
    best = best_claim(group)
    figures = [c.figure for c in group if c.figure is not None]
    ceilings = [c.ceiling for c in group if c.ceiling is not None]
    placed = [c for c in group if c.lat is not None or c.place is not None]
    where = max(placed, key=lambda c: _PLACE_RANK.get(c.place_feature or "", 2)) if placed else None
    articles = list(dict.fromkeys(c.article_id for c in group if c.article_id is not None))
    froms = [c.date_from for c in group if c.date_from is not None]
    tos = [c.date_to for c in group if c.date_to is not None]
    return Incident(
        id=incident_id, kind=best.kind, low=min(figures), best=best.figure,
        high=max(ceilings) if ceilings else None,
        claim_ids=[c.claim_id for c in group], best_claim_id=best.claim_id,
        cumulative=best.cumulative,
        # a place id means something only inside one article
        place_id=where.place_id if where is not None and len(articles) <= 1 else None,
        place=where.place if where else None, lat=where.lat if where else None,
        lon=where.lon if where else None,
        date=DateWindow(min(froms) if froms else None, max(tos) if tos else None),
        sources=list(dict.fromkeys(c.source for c in group if c.source)),
        article_ids=articles,
    )
