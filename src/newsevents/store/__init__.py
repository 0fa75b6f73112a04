"""The corpus store: SQLite by default (one file, no server), PostgreSQL by URL; same schema.

Only the parent ingest process writes. Each article is written in ONE transaction (its row
and every record row), so a killed ingest loses at most the article in flight; SQLite runs
in WAL mode, so readers never block the writer and a kill never corrupts the file.

    store = Store.open("newsevents.db")            # or "postgresql://user@host/db"
    article_id = store.write_article(doc, key=ArticleKey(...), pipeline_version="...")
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from . import schema
from .keys import canonical_url, content_hash, host_of
from .migrations import ensure_schema
from .rows import RECORD_ROWS, article_row

DEFAULT_DB = "newsevents.db"

__all__ = ["ArticleKey", "DEFAULT_DB", "Known", "Store", "canonical_url", "content_hash",
           "database_url", "host_of", "schema"]


def database_url(db: str | None) -> str:
    """A SQLAlchemy URL from a file path or a URL; postgresql:// goes through psycopg 3."""
    db = db or DEFAULT_DB
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers don't block the writer; kill-safe
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL+NORMAL: durable against process kills
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


@dataclass(frozen=True)
class ArticleKey:
    """What identifies an incoming record before it is processed."""

    url: str | None  # canonical
    url_raw: str | None
    content_hash: str
    origin: str  # where it was read


@dataclass(frozen=True)
class Known:
    """What the store already holds for a key: a stored article, a duplicate or a rejection."""

    status: str  # article | duplicate | rejected
    article_id: int | None
    pipeline_version: str | None
    content_hash: str | None
    url: str | None


class Store:
    """A corpus database; open it with `Store.open(path_or_url)`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        ensure_schema(engine)

    @classmethod
    def open(cls, db: str | None = None) -> "Store":
        """Open (creating or upgrading) the database at a path or URL."""
        url = database_url(db)
        engine = sa.create_engine(url, future=True)
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        return cls(engine)

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()

    # -- lookups ---------------------------------------------------------------------------

    def lookup(self, key: ArticleKey) -> Known | None:
        """What is stored under this key: by canonical URL first, then by content hash."""
        a, d, r = schema.articles, schema.duplicates, schema.rejected
        cols = (a.c.id, a.c.pipeline_version, a.c.content_hash, a.c.url)
        with self.engine.connect() as conn:
            if key.url:
                row = conn.execute(sa.select(*cols).where(a.c.url == key.url)).first()
                if row:
                    return Known("article", row[0], row[1], row[2], row[3])
                dup = conn.execute(sa.select(d.c.of_article_id).where(d.c.url == key.url)).first()
                if dup:
                    return Known("duplicate", dup[0], None, None, key.url)
            row = conn.execute(sa.select(*cols).where(a.c.content_hash == key.content_hash)).first()
            if row:
                return Known("article", row[0], row[1], row[2], row[3])
            bad = conn.execute(sa.select(r.c.pipeline_version).where(
                sa.or_(r.c.origin == key.origin, r.c.content_hash == key.content_hash))).first()
            if bad:
                return Known("rejected", None, bad[0], key.content_hash, key.url)
        return None

    def rejected_origin(self, origin: str) -> bool:
        """Whether a record that failed before it had a body is already recorded."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(schema.rejected.c.id)
                                .where(schema.rejected.c.origin == origin)).first() is not None

    # -- writes ----------------------------------------------------------------------------

    def write_article(self, doc: dict[str, Any], key: ArticleKey, *, pipeline_version: str,
                      seconds: float | None = None, replace_id: int | None = None) -> int:
        """Store one processed article and all its records in a single transaction."""
        a = schema.articles
        url = key.url or canonical_url(doc["article"].get("url"))
        values = {**article_row(doc), "url": url, "url_raw": key.url_raw or doc["article"].get("url"),
                  "content_hash": key.content_hash, "host": host_of(url),
                  "origin": key.origin, "pipeline_version": pipeline_version,
                  "processed_at": _now(), "seconds": seconds}
        with self.engine.begin() as conn:
            if replace_id is None:
                article_id = conn.execute(a.insert().values(**values)).inserted_primary_key[0]
            else:
                article_id = replace_id
                self._delete_records(conn, article_id)
                conn.execute(a.update().where(a.c.id == article_id).values(**values))
            for table in schema.RECORD_TABLES:
                rows = RECORD_ROWS[table.name](doc)
                if rows:
                    conn.execute(table.insert(), [{**row, "article_id": article_id} for row in rows])
            # A record that failed before and now went through is no longer rejected.
            conn.execute(schema.rejected.delete().where(
                sa.or_(schema.rejected.c.origin == key.origin,
                       schema.rejected.c.content_hash == key.content_hash)))
        return article_id

    @staticmethod
    def _delete_records(conn: Connection, article_id: int) -> None:
        conn.execute(schema.incident_claims.delete()
                     .where(schema.incident_claims.c.article_id == article_id))
        cas = schema.casualties
        conn.execute(schema.incidents.update()
                     .where(schema.incidents.c.best_casualty_id.in_(
                         sa.select(cas.c.id).where(cas.c.article_id == article_id)))
                     .values(best_casualty_id=None))
        for table in schema.RECORD_TABLES:
            conn.execute(table.delete().where(table.c.article_id == article_id))

    def reject(self, origin: str, reason: str, *, url: str | None = None,
               content_hash: str | None = None, pipeline_version: str | None = None) -> None:
        """Record a bad record with its reason (once per origin; the latest reason wins)."""
        r = schema.rejected
        values = {"reason": reason[:2000], "url": url, "content_hash": content_hash,
                  "pipeline_version": pipeline_version, "rejected_at": _now()}
        with self.engine.begin() as conn:
            if conn.execute(sa.select(r.c.id).where(r.c.origin == origin)).first():
                conn.execute(r.update().where(r.c.origin == origin).values(**values))
            else:
                conn.execute(r.insert().values(origin=origin, **values))

    def add_duplicate(self, of_article_id: int, *, url: str | None, outlet: str | None,
                      kind: str, similarity: float | None = None,
                      article_id: int | None = None) -> None:
        """Link a copy (an exact copy under another URL, or a stored near-duplicate)."""
        d = schema.duplicates
        with self.engine.begin() as conn:
            if url and conn.execute(sa.select(d.c.id).where(d.c.url == url)).first():
                return
            conn.execute(d.insert().values(of_article_id=of_article_id, article_id=article_id,
                                           url=url, outlet=outlet, kind=kind,
                                           similarity=similarity))

    # -- reading ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self.engine.connect() as conn:
            return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for t in schema.metadata.sorted_tables if t.name != "meta"}

    def integrity_ok(self) -> bool:
        """SQLite's integrity check (PostgreSQL: the connection works)."""
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                return conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            return conn.exec_driver_sql("SELECT 1").scalar() == 1

    def document(self, article_id: int) -> dict[str, Any]:
        """The stored newsevents/1 document of one article, rebuilt from its rows."""
        a = schema.articles
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(a).where(a.c.id == article_id)).mappings().one()
            doc: dict[str, Any] = {"schema": "newsevents/1", "article": {
                "title": row["title"], "outlet": row["outlet"], "url": row["url_raw"],
                "published": row["published"].isoformat() if row["published"] else None,
                "language": row["language"], "text": row["text"],
                "removed": list(row["removed"] or [])}}
            for table in schema.RECORD_TABLES:
                doc[table.name] = list(conn.execute(
                    sa.select(table.c.record).where(table.c.article_id == article_id)
                    .order_by(table.c.id)).scalars())
        return doc


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
