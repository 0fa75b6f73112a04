"""The corpus database schema, declared once (SQLAlchemy Core) for SQLite and PostgreSQL.

It mirrors newsevents/1: one `articles` row per stored article, one row per record in
`entities`, `places`, `dates`, `quotes`, `casualties` and `events` (typed columns for what
queries filter on, plus `record`, the record's full newsevents/1 dict, so keys added to the
contract later survive without a migration). Corpus jobs fill `duplicates`, `incidents` and
`incident_claims`; `rejected` keeps every article that could not be processed, with its
reason. `meta` holds the schema version that `store.migrations` upgrades from.
"""

from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, Date, DateTime, Float, ForeignKey, Index,
                        Integer, MetaData, String, Table, Text, UniqueConstraint)

# Bump with a new step in store/migrations.py whenever a table, column or index changes.
SCHEMA_VERSION = 2

metadata = MetaData()

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text),  # canonical URL (store.keys.canonical_url), the article's key
    Column("url_raw", Text),  # the URL as found
    Column("content_hash", String(64), nullable=False),  # of the raw body, whitespace-folded
    Column("title", Text),
    Column("outlet", Text),
    Column("host", Text),  # the URL's host, for source filters
    Column("published", Date),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("removed", JSON),
    Column("origin", Text),  # where it was read: "file.jsonl line 3", a WARC member, a URL
    Column("pipeline_version", String(64), nullable=False),
    Column("processed_at", DateTime, nullable=False),
    Column("seconds", Float),  # pipeline time for this article
    # Near-duplicate of another stored article (syndicated copy, light rewrite): counted
    # once in aggregates, its outlet listed with the original's.
    Column("duplicate_of", Integer, ForeignKey("articles.id", ondelete="SET NULL")),
    Column("story_id", Integer),  # story cluster: same event, different outlets (v2)
    UniqueConstraint("url", name="uq_articles_url"),
    UniqueConstraint("content_hash", name="uq_articles_content_hash"),
)
Index("ix_articles_published", articles.c.published)
Index("ix_articles_outlet", articles.c.outlet)
Index("ix_articles_host", articles.c.host)
Index("ix_articles_duplicate_of", articles.c.duplicate_of)
Index("ix_articles_story_id", articles.c.story_id)


def _article_fk() -> Column:
    return Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False)


entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("local_id", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(16)),
    Column("title", Text),
    Column("country", String(8)),
    Column("sector", String(32)),
    Column("record", JSON, nullable=False),
    UniqueConstraint("article_id", "local_id", name="uq_entities_local"),
)
Index("ix_entities_name", entities.c.name)

places = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("local_id", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(8)),
    Column("feature", String(16)),
    Column("geonameid", Integer),
    Column("record", JSON, nullable=False),
    UniqueConstraint("article_id", "local_id", name="uq_places_local"),
)
Index("ix_places_country", places.c.country)
Index("ix_places_lat_lon", places.c.lat, places.c.lon)

dates = Table(
    "dates", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("local_id", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(64)),
    Column("date_from", Date),
    Column("date_to", Date),
    Column("record", JSON, nullable=False),
    UniqueConstraint("article_id", "local_id", name="uq_dates_local"),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("local_id", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16)),
    Column("speaker", Text),
    Column("cue", Text),
    Column("record", JSON, nullable=False),
    UniqueConstraint("article_id", "local_id", name="uq_quotes_local"),
)
Index("ix_quotes_speaker", quotes.c.speaker)

casualties = Table(
    "casualties", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("local_id", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("low", Integer),
    Column("high", Integer),
    Column("source", Text),
    Column("place_local_id", String(16)),
    Column("date_from", Date),
    Column("date_to", Date),
    Column("cumulative", Boolean, nullable=False, default=False),
    Column("record", JSON, nullable=False),
    UniqueConstraint("article_id", "local_id", name="uq_casualties_local"),
)
Index("ix_casualties_kind_date", casualties.c.kind, casualties.c.date_from)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("local_id", String(16), nullable=False),
    Column("type", String(16), nullable=False),  # PLOVER
    Column("cameo", String(4)),
    Column("acled_event_type", Text),
    Column("acled_sub_event_type", Text),
    Column("actor", Text),
    Column("actor_country", String(8)),
    Column("target", Text),
    Column("target_country", String(8)),
    Column("source", Text),  # who reports it
    Column("negated", Boolean, nullable=False, default=False),
    Column("hypothetical", Boolean, nullable=False, default=False),
    # Denormalised for queries: the event's day (its own window, else the article's date),
    # its place, and its deaths (the largest low figure of the killed claims linked to it).
    Column("event_date", Date),
    Column("place", Text),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("feature", String(16)),
    Column("fatalities", Integer),
    Column("span_start", Integer),  # the event's sentence in articles.text (for notes)
    Column("span_end", Integer),
    Column("record", JSON, nullable=False),
    UniqueConstraint("article_id", "local_id", name="uq_events_local"),
)
Index("ix_events_date", events.c.event_date)
Index("ix_events_type", events.c.type)
Index("ix_events_acled", events.c.acled_event_type)
Index("ix_events_country", events.c.country)
Index("ix_events_lat_lon", events.c.lat, events.c.lon)
Index("ix_events_fatalities", events.c.fatalities)

rejected = Table(
    "rejected", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),  # where the bad record was
    Column("url", Text),
    Column("content_hash", String(64)),
    Column("reason", Text, nullable=False),
    Column("pipeline_version", String(64)),
    Column("rejected_at", DateTime, nullable=False),
    UniqueConstraint("origin", name="uq_rejected_origin"),
)
Index("ix_rejected_content_hash", rejected.c.content_hash)

duplicates = Table(
    "duplicates", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # The stored original; the copy is either a stored article (near-duplicate) or, for an
    # exact copy of the body under another URL, only this row (url, outlet).
    Column("of_article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE")),
    Column("url", Text),
    Column("outlet", Text),
    Column("kind", String(16), nullable=False),  # exact | near
    Column("similarity", Float),
    UniqueConstraint("url", name="uq_duplicates_url"),
)
Index("ix_duplicates_of", duplicates.c.of_article_id)
Index("ix_duplicates_article", duplicates.c.article_id)

# v2: incidents reconciled across articles (UCDP-style low / best / high).
incidents = Table(
    "incidents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("low", Integer),
    Column("best", Integer),
    Column("high", Integer),
    Column("cumulative", Boolean, nullable=False, default=False),
    Column("place", Text),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("feature", String(16)),
    Column("date_from", Date),
    Column("date_to", Date),
    Column("sources", JSON),
    Column("best_casualty_id", Integer, ForeignKey("casualties.id", ondelete="SET NULL")),
    Column("n_claims", Integer, nullable=False, default=0),
    Column("n_articles", Integer, nullable=False, default=0),
)
Index("ix_incidents_kind_date", incidents.c.kind, incidents.c.date_from)
Index("ix_incidents_country", incidents.c.country)

incident_claims = Table(
    "incident_claims", metadata,
    Column("incident_id", Integer, ForeignKey("incidents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("casualty_id", Integer, ForeignKey("casualties.id", ondelete="CASCADE"),
           primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
)
Index("ix_incident_claims_casualty", incident_claims.c.casualty_id)

RECORD_TABLES = (entities, places, dates, quotes, casualties, events)
