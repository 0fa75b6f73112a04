"""Corpus jobs over the store: near-duplicates, story clusters and incidents, recomputed.

The matching itself lives in the pure modules `corpus.dedup`, `corpus.stories` and
`corpus.incidents`; this module reads their inputs from the tables and writes their results
back, each job in one transaction so a reader never sees half a result.

- Duplicates: articles are fed to a `StoryIndex` in publication order (the index forgets
  articles older than the time window, so memory stays bounded). Syndicated copies and
  rewrites are linked in `duplicates` (kind "syndicated" / "rewrite", similarity = shingle
  containment); in each cluster of copies every article but the canonical one (earliest,
  then longest) gets `duplicate_of`, so aggregates count the story once.
- Stories: `story_id` = the smallest article id of the story cluster (or the article's own).
- Incidents: casualty claims of the non-duplicate articles, reconciled across articles
  (place within `radius_km`, dates at most `max_gap_days` apart, same kind).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import sqlalchemy as sa

from . import schema

_EXACT = "exact"


def refresh_corpus(store: Any, *, radius_km: float = 25.0, max_gap_days: int = 1) -> dict[str, int]:
    """Run every corpus job; counts of what they wrote."""
    counts = refresh_duplicates(store)
    counts["incidents"] = refresh_incidents(store, radius_km=radius_km, max_gap_days=max_gap_days)
    return counts


def _places_by_article(conn: sa.Connection) -> dict[int, list[dict[str, Any]]]:
    p = schema.places
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(sa.select(p.c.article_id, p.c.lat, p.c.lon, p.c.feature)
                            .where(p.c.lat.is_not(None))):
        found[row.article_id].append({"lat": row.lat, "lon": row.lon, "feature": row.feature})
    return found


def _entities_by_article(conn: sa.Connection) -> dict[int, list[str]]:
    e = schema.entities
    found: dict[int, list[str]] = defaultdict(list)
    for row in conn.execute(sa.select(e.c.article_id, e.c.name)
                            .where(e.c.type.in_(("PERSON", "ORG", "GROUP")))):
        found[row.article_id].append(row.name)
    return found


def refresh_duplicates(store: Any) -> dict[str, int]:
    """Recompute near-duplicate links, `duplicate_of` and `story_id` for the whole corpus."""
    from ..corpus.dedup import ClusterMember, DuplicateIndex, canonical, clusters
    from ..corpus.stories import StoryIndex

    class RecordingIndex(DuplicateIndex):
        """The story index's duplicate index, keeping its links (kind, containment)."""

        links: list = []

        def add(self, *args: Any, **kwargs: Any) -> list:
            found = super().add(*args, **kwargs)
            self.links.extend(found)
            return found

    a = schema.articles
    index = StoryIndex()
    index.duplicates = recorder = RecordingIndex(index.settings)
    recorder.links = []
    window = dt.timedelta(days=max(index.settings.window_days, index.settings.story_window_days) + 1)
    story_links, members = [], {}
    with store.engine.connect() as conn:
        places = _places_by_article(conn)
        names = _entities_by_article(conn)
        rows = conn.execute(sa.select(a.c.id, a.c.text, a.c.published, a.c.outlet, a.c.host)
                            .order_by(a.c.published.is_(None), a.c.published, a.c.id))
        for row in rows:
            key = str(row.id)
            if row.published is not None:  # older articles can no longer be in a window
                recorder.prune(row.published - window)
            links = index.add(key, row.text, row.published, places.get(row.id), names.get(row.id))
            story_links += links
            members[key] = ClusterMember(key, row.published, len(row.text),
                                         row.outlet or row.host)
    near = [(link.key, link.duplicate_of, link.kind, link.containment) for link in recorder.links]
    duplicate_of: dict[int, int] = {}
    for group in clusters(members, [_Pair(k, o) for k, o, *_ in near]):
        head = canonical(members[k] for k in group).canonical
        duplicate_of.update({int(k): int(head) for k in group if k != head})
    story_of: dict[int, int] = {}
    for group in clusters(members, story_links):
        story_of.update({int(k): min(int(x) for x in group) for k in group})
    with store.engine.begin() as conn:
        d = schema.duplicates
        conn.execute(d.delete().where(d.c.kind != _EXACT))
        conn.execute(a.update().values(duplicate_of=None, story_id=a.c.id))
        for key, other, kind, similarity in near:
            conn.execute(d.insert().values(of_article_id=int(other), article_id=int(key),
                                           kind=kind, similarity=similarity))
        for article_id, head in duplicate_of.items():
            conn.execute(a.update().where(a.c.id == article_id).values(duplicate_of=head))
        for article_id, story in story_of.items():
            conn.execute(a.update().where(a.c.id == article_id).values(story_id=story))
    return {"near_duplicates": len(near), "stories": len(set(story_of.values()))}


class _Pair:
    def __init__(self, key: str, other: str) -> None:
        self.key, self.duplicate_of = key, other


def stored_claims(store: Any) -> list[Any]:
    """The casualty claims of all non-duplicate articles, as `reconcile` takes them.

    Built from the stored rows as `claims_from_article` builds them from an article, so a
    corpus reconciles claims exactly as one article does (weapon classes, fallback dates).
    """
    from ..corpus.incidents import ClaimForReconciliation, specificity
    from ..model import Casualty

    a, c, p = schema.articles, schema.casualties, schema.places
    query = (sa.select(c.c.id, c.c.article_id, c.c.kind, c.c.low, c.c.high, c.c.source,
                       c.c.date_from, c.c.date_to, c.c.cumulative, c.c.place_local_id,
                       c.c.record, a.c.published, p.c.name.label("place"), p.c.lat, p.c.lon,
                       p.c.feature, p.c.country)
             .join(a, a.c.id == c.c.article_id)
             .outerjoin(p, sa.and_(p.c.article_id == c.c.article_id,
                                   p.c.local_id == c.c.place_local_id))
             .where(a.c.duplicate_of.is_(None))
             .order_by(a.c.published.is_(None), a.c.published, c.c.article_id, c.c.id))
    claims = []
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            hint = Casualty(id=str(row.id), kind=row.kind, low=row.low, high=row.high, text="",
                            start=0, end=0, source=row.source)
            record = row.record or {}
            # as in the article's own reconciliation (claims_from_article): a fallback date is
            # the publication day, not evidence, so the claim is undated here
            dated = not record.get("date_fallback")
            claims.append(ClaimForReconciliation(
                claim_id=str(row.id), article_id=str(row.article_id), kind=row.kind,
                low=row.low, high=row.high, source=row.source, lat=row.lat, lon=row.lon,
                place=row.place, date_from=row.date_from if dated else None,
                date_to=row.date_to if dated else None,
                cumulative=bool(row.cumulative), specificity=specificity(hint),
                place_id=row.place_local_id, place_feature=row.feature, country=row.country,
                published=row.published, position=record.get("start") or 0,
                weapon=record.get("weapon")))
    return claims


def refresh_incidents(store: Any, *, radius_km: float = 25.0, max_gap_days: int = 1) -> int:
    """Reconcile the casualty claims of all non-duplicate articles into `incidents`."""
    from ..corpus.incidents import reconcile

    claims = stored_claims(store)
    by_id = {claim.claim_id: claim for claim in claims}
    incidents = reconcile(claims, radius_km=radius_km, max_gap_days=max_gap_days)
    i, ic = schema.incidents, schema.incident_claims
    with store.engine.begin() as conn:
        conn.execute(ic.delete())
        conn.execute(i.delete())
        for incident in incidents:
            best = by_id.get(incident.best_claim_id or "")
            incident_id = conn.execute(i.insert().values(
                kind=incident.kind, low=incident.low, best=incident.best, high=incident.high,
                cumulative=incident.cumulative, place=incident.place,
                country=best.country if best else None, lat=incident.lat, lon=incident.lon,
                feature=best.place_feature if best else None,
                date_from=incident.date.date_from, date_to=incident.date.date_to,
                sources=list(incident.sources),
                best_casualty_id=int(best.claim_id) if best else None,
                n_claims=len(incident.claim_ids),
                n_articles=len(set(incident.article_ids)))).inserted_primary_key[0]
            rows = [{"incident_id": incident_id, "casualty_id": int(cid),
                     "article_id": int(by_id[cid].article_id)}
                    for cid in dict.fromkeys(incident.claim_ids) if cid in by_id]
            if rows:
                conn.execute(ic.insert(), rows)
    return len(incidents)
