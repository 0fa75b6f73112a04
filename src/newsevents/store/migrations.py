"""Schema migrations: numbered steps, each an upgrade and a downgrade, run with Alembic's ops.

The documented equivalent of an Alembic script directory, kept in the package so an
installed `newsevents` can upgrade a database without extra files:

- A new database is created from `schema.metadata` and stamped `SCHEMA_VERSION` in `meta`.
- An older database is upgraded one step at a time, each step in its own transaction, and
  its version is written in the same transaction, so an interrupted upgrade restarts cleanly.
- A step restates the columns it adds (frozen at that version), as Alembic scripts do; a
  test checks that upgrading the oldest schema gives exactly `schema.metadata`.

To change the schema: edit schema.py, bump SCHEMA_VERSION, and add the step here.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy.engine import Connection, Engine

from . import schema

VERSION_KEY = "schema_version"


def _upgrade_2(op: Operations) -> None:
    """v2: story clusters on articles; incidents reconciled across articles."""
    op.add_column("articles", sa.Column("story_id", sa.Integer))
    op.create_index("ix_articles_story_id", "articles", ["story_id"])
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("low", sa.Integer), sa.Column("best", sa.Integer), sa.Column("high", sa.Integer),
        sa.Column("cumulative", sa.Boolean, nullable=False),
        sa.Column("place", sa.Text), sa.Column("country", sa.String(8)),
        sa.Column("lat", sa.Float), sa.Column("lon", sa.Float), sa.Column("feature", sa.String(16)),
        sa.Column("date_from", sa.Date), sa.Column("date_to", sa.Date),
        sa.Column("sources", sa.JSON),
        sa.Column("best_casualty_id", sa.Integer,
                  sa.ForeignKey("casualties.id", ondelete="SET NULL")),
        sa.Column("n_claims", sa.Integer, nullable=False),
        sa.Column("n_articles", sa.Integer, nullable=False),
    )
    op.create_index("ix_incidents_kind_date", "incidents", ["kind", "date_from"])
    op.create_index("ix_incidents_country", "incidents", ["country"])
    op.create_table(
        "incident_claims",
        sa.Column("incident_id", sa.Integer, sa.ForeignKey("incidents.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("casualty_id", sa.Integer, sa.ForeignKey("casualties.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
    )
    op.create_index("ix_incident_claims_casualty", "incident_claims", ["casualty_id"])


def _downgrade_2(op: Operations) -> None:
    op.drop_index("ix_incident_claims_casualty", table_name="incident_claims")
    op.drop_table("incident_claims")
    op.drop_index("ix_incidents_country", table_name="incidents")
    op.drop_index("ix_incidents_kind_date", table_name="incidents")
    op.drop_table("incidents")
    op.drop_index("ix_articles_story_id", table_name="articles")
    # Plain DROP COLUMN (SQLite >= 3.35, PostgreSQL): no table rebuild, so no cascades.
    op.get_bind().exec_driver_sql("ALTER TABLE articles DROP COLUMN story_id")


# version -> (upgrade from version-1, downgrade to version-1). Version 1 is the first release.
STEPS: dict[int, tuple[Callable[[Operations], None], Callable[[Operations], None]]] = {
    2: (_upgrade_2, _downgrade_2),
}


def current_version(conn: Connection) -> int | None:
    """The schema version recorded in the database, or None for an empty database."""
    if not sa.inspect(conn).has_table("meta"):
        return None
    value = conn.execute(sa.select(schema.meta.c.value)
                         .where(schema.meta.c.key == VERSION_KEY)).scalar()
    return int(value) if value is not None else None


def _set_version(conn: Connection, version: int) -> None:
    table = schema.meta
    if conn.execute(sa.select(table.c.key).where(table.c.key == VERSION_KEY)).first():
        conn.execute(table.update().where(table.c.key == VERSION_KEY).values(value=str(version)))
    else:
        conn.execute(table.insert().values(key=VERSION_KEY, value=str(version)))


def create(engine: Engine) -> None:
    """Create every table of the current schema and record its version."""
    with engine.begin() as conn:
        schema.metadata.create_all(conn)
        _set_version(conn, schema.SCHEMA_VERSION)


def upgrade(engine: Engine, target: int = schema.SCHEMA_VERSION) -> list[int]:
    """Run the steps from the database's version up to `target`; the versions applied."""
    applied = []
    while True:
        with engine.begin() as conn:
            version = current_version(conn)
            if version is None:
                raise RuntimeError("not a newsevents database (no schema version)")
            if version >= target:
                return applied
            STEPS[version + 1][0](Operations(MigrationContext.configure(conn)))
            _set_version(conn, version + 1)
        applied.append(version + 1)


def downgrade(engine: Engine, target: int) -> list[int]:
    """Undo steps down to `target` (tests build older databases this way)."""
    undone = []
    while True:
        with engine.begin() as conn:
            version = current_version(conn)
            if version is None or version <= target:
                return undone
            STEPS[version][1](Operations(MigrationContext.configure(conn)))
            _set_version(conn, version - 1)
        undone.append(version)


def ensure_schema(engine: Engine) -> int:
    """Create a new database or upgrade an older one; refuse one from a newer newsevents."""
    with engine.connect() as conn:
        version = current_version(conn)
        has_articles = sa.inspect(conn).has_table("articles")
    if version is None:
        if has_articles:
            raise RuntimeError("database has newsevents tables but no schema version")
        create(engine)
        return schema.SCHEMA_VERSION
    if version > schema.SCHEMA_VERSION:
        raise RuntimeError(f"database schema v{version} is newer than this newsevents "
                           f"(v{schema.SCHEMA_VERSION}); upgrade newsevents")
    upgrade(engine)
    return schema.SCHEMA_VERSION
