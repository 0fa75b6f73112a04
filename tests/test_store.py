"""The corpus store: keys, schema, migrations, one-transaction writes, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from newsevents.ingest import decide
from newsevents.store import ArticleKey, Known, Store, canonical_url, content_hash, schema
from newsevents.store.migrations import current_version, downgrade, ensure_schema

ARTICLE = ("Rebels shelled the town of Atareb in northern Syria on Friday, killing 12 civilians, "
           "the Syrian Observatory for Human Rights said.")


@pytest.mark.parametrize("raw, canonical", [
    ("HTTPS://WWW.Example.COM/World/Story?id=7#comments", "https://www.example.com/World/Story?id=7"),
    ("https://example.com/a?utm_source=tw&utm_medium=social&id=3", "https://example.com/a?id=3"),
    ("https://example.com/a?fbclid=XYZ&gclid=1", "https://example.com/a"),
    ("http://example.com:80/a", "http://example.com/a"),
    ("https://example.com:8443/a", "https://example.com:8443/a"),
    ("https://example.com", "https://example.com/"),
    ("  https://example.com/a  ", "https://example.com/a"),
    ("", None),
    (None, None),
])
def test_canonical_url(raw, canonical):
    assert canonical_url(raw) == canonical


def test_content_hash_folds_whitespace_only():
    assert content_hash("Twelve  people\nwere killed.") == content_hash("Twelve people were killed. ")
    assert content_hash("Twelve people were killed.") != content_hash("Twenty people were killed.")


def _key(url="https://example.com/a", body=ARTICLE, origin="test"):
    return ArticleKey(canonical_url(url), url, content_hash(body), origin)


@pytest.mark.parametrize("known, key, reprocess, expected", [
    (None, _key(), False, "process"),
    (Known("article", 1, "v1", content_hash(ARTICLE), "https://example.com/a"), _key(), False, "skip"),
    (Known("article", 1, "v1", content_hash(ARTICLE), "https://example.com/a"), _key(), True, "skip"),
    (Known("article", 1, "v0", content_hash(ARTICLE), "https://example.com/a"), _key(), False, "skip"),
    (Known("article", 1, "v0", content_hash(ARTICLE), "https://example.com/a"), _key(), True, "replace"),
    (Known("article", 1, "v1", content_hash("old body"), "https://example.com/a"), _key(), False, "replace"),
    (Known("article", 1, "v1", content_hash(ARTICLE), "https://other.example/b"), _key(), False, "duplicate"),
    (Known("duplicate", 1, None, None, "https://example.com/a"), _key(), True, "skip"),
    (Known("rejected", None, "v1", None, None), _key(), True, "skip"),
    (Known("rejected", None, "v0", None, None), _key(), True, "process"),
    (Known("rejected", None, "v0", None, None), _key(), False, "skip"),
])
def test_decide(known, key, reprocess, expected):
    assert decide(known, key, reprocess=reprocess, version="v1").kind == expected


@pytest.fixture(scope="module")
def document(resources):
    """One real processed article (the pipeline's output), reused by the store tests."""
    from newsevents import extract

    return extract(ARTICLE, published="2026-03-15", url="https://example.com/a",
                   resources=resources).to_dict()


def test_fresh_database_matches_the_declared_schema(db_url):
    store = Store.open(db_url)
    with store.engine.connect() as conn:
        assert current_version(conn) == schema.SCHEMA_VERSION
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert diff == []
    store.close()


def test_write_read_lookup_and_integrity(db_url, document):
    store = Store.open(db_url)
    key = _key()
    assert store.lookup(key) is None
    article_id = store.write_article(document, key, pipeline_version="v1", seconds=0.1)
    assert store.lookup(key) == Known("article", article_id, "v1", key.content_hash, key.url)
    # Found by content hash too, under another URL.
    other = _key(url="https://mirror.example/x")
    assert store.lookup(other).article_id == article_id
    stored = store.document(article_id)
    for table in ("entities", "places", "dates", "quotes", "casualties", "events"):
        assert stored[table] == document[table], table
    assert stored["article"]["text"] == document["article"]["text"]
    counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] == len(document["events"]) >= 1
    assert store.integrity_ok()
    with store.engine.connect() as conn:
        event = conn.execute(sa.select(schema.events)).mappings().first()
    assert event["fatalities"] == 12 and event["country"] == "SY"
    store.close()


def test_replace_keeps_one_row_and_new_version(db_url, document):
    store = Store.open(db_url)
    article_id = store.write_article(document, _key(), pipeline_version="v1")
    again = store.write_article(document, _key(), pipeline_version="v2", replace_id=article_id)
    assert again == article_id
    counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] == len(document["events"])
    assert store.lookup(_key()).pipeline_version == "v2"
    store.close()


def test_an_article_is_written_in_one_transaction(db_url, document):
    """A failure half-way through an article's rows leaves nothing of it behind."""
    store = Store.open(db_url)
    broken = {**document, "events": document["events"] + document["events"]}  # duplicate ids
    with pytest.raises(sa.exc.IntegrityError):
        store.write_article(broken, _key(), pipeline_version="v1")
    assert store.counts()["articles"] == 0 and store.counts()["entities"] == 0
    store.close()


def test_rejected_is_recorded_once_per_origin(db_url):
    store = Store.open(db_url)
    store.reject("feed.jsonl line 3", "invalid JSON (Expecting value)")
    store.reject("feed.jsonl line 3", "invalid JSON (Expecting value)")
    store.reject("feed.jsonl line 4", "article is not in English (detected language: de)",
                 content_hash="abc", pipeline_version="v1")
    assert store.counts()["rejected"] == 2
    assert store.rejected_origin("feed.jsonl line 3")
    assert store.lookup(ArticleKey(None, None, "abc", "elsewhere")).status == "rejected"
    store.close()


def test_upgrade_keeps_the_data_of_an_older_database(db_url, document):
    """A database made by schema v1 (no incidents, no story_id) is upgraded in place."""
    store = Store.open(db_url)
    downgrade(store.engine, 1)
    inspector = sa.inspect(store.engine)
    assert not inspector.has_table("incidents")
    assert "story_id" not in {c["name"] for c in inspector.get_columns("articles")}
    with store.engine.connect() as conn:
        assert current_version(conn) == 1
    # Data written the v1 way (no v2 column in the insert).
    article_id = store.write_article(document, _key(), pipeline_version="v1")
    store.close()

    upgraded = Store.open(db_url)  # opening upgrades
    with upgraded.engine.connect() as conn:
        assert current_version(conn) == schema.SCHEMA_VERSION
        assert compare_metadata(MigrationContext.configure(conn), schema.metadata) == []
    assert upgraded.document(article_id)["events"] == document["events"]
    assert upgraded.counts()["articles"] == 1
    assert ensure_schema(upgraded.engine) == schema.SCHEMA_VERSION  # idempotent
    upgraded.close()


def test_a_newer_database_is_refused(tmp_path):
    store = Store.open(str(tmp_path / "new.db"))
    with store.engine.begin() as conn:
        conn.execute(schema.meta.update().values(value=str(schema.SCHEMA_VERSION + 1)))
    store.close()
    with pytest.raises(RuntimeError, match="newer"):
        Store.open(str(tmp_path / "new.db"))


def test_sqlite_runs_in_wal_mode(tmp_path):
    store = Store.open(str(tmp_path / "wal.db"))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


# Two claims in one article: an air strike with a stated day, and shelling with no date (its
# date falls back to the publication day).
RECONCILED = ("BEIRUT (Wire) - An air strike on a market in Idlib killed 14 people on Thursday, "
              "the Syrian Observatory for Human Rights said.\n\n"
              "Separately, shelling of the town of Ariha killed three children, local medics said.")


def test_stored_claims_reconcile_as_the_article_does(db_url):
    """The store rebuilds each claim as `claims_from_article` does: weapon, fallback date."""
    from dataclasses import asdict

    from newsevents import extract
    from newsevents.corpus.incidents import claims_from_article
    from newsevents.store.corpus import stored_claims

    article = extract(RECONCILED, published="2026-03-15", url="https://example.com/r")
    store = Store.open(db_url)
    store.write_article(article.to_dict(), _key(url="https://example.com/r", body=RECONCILED),
                        pipeline_version="v1", seconds=0.1)
    compared = ("kind", "low", "high", "source", "date_from", "date_to", "weapon", "place",
                "specificity", "cumulative")
    stored = [{k: asdict(c)[k] for k in compared} for c in stored_claims(store)]
    direct = [{k: asdict(c)[k] for k in compared} for c in claims_from_article(article)]
    assert stored == direct and len(direct) == 2
    assert any(c.date_fallback for c in article.casualties)  # the case this guards
    assert {c["weapon"] is not None for c in direct} == {True}
    store.close()
