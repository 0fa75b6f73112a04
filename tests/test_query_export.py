"""Query and export over an ingested corpus, on SQLite and a real PostgreSQL; VOA on both agree.

The corpus is tests/data/corpus_stories.jsonl (written for these tests): a shelling in
Aleppo reported by Wire A, a syndicated copy of it by Daily B, an air strike in Aleppo
reported by Agency C, a protest in Kabul and an attack near Maiduguri.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from newsevents import export
from newsevents.cli import app
from newsevents.ingest import ingest
from newsevents.store import Store, schema
from newsevents.store.query import EVENT_COLUMNS, Filters, query_events, query_incidents

CORPUS = Path(__file__).parent / "data" / "corpus_stories.jsonl"
VOA = Path(__file__).resolve().parents[2] / "shared" / "data" / "voa" / "voa_stories_dev.jsonl"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def corpus(request, tmp_path_factory, resources, fresh_database):
    """The test corpus ingested into each kind of database: (store, db url)."""
    url = fresh_database(request.param, tmp_path_factory.mktemp("corpus"), "corpus")
    store = Store.open(url)
    summary = ingest([str(CORPUS)], store, workers=1, resources=resources)
    assert summary.done == 5
    yield store, url
    store.close()


def test_syndicated_copy_is_linked_and_counted_once(corpus):
    store, _ = corpus
    with store.engine.connect() as conn:
        links = conn.execute(sa.select(schema.duplicates.c.kind, schema.articles.c.outlet)
                             .join(schema.articles,
                                   schema.articles.c.id == schema.duplicates.c.article_id)).all()
    assert [(kind, outlet) for kind, outlet in links] == [("syndicated", "Daily B")]
    outlets = {row["outlet"] for row in query_events(store, Filters())}
    assert "Daily B" not in outlets and "Wire A" in outlets
    every = {row["outlet"] for row in query_events(store, Filters(include_duplicates=True))}
    assert "Daily B" in every


@pytest.mark.parametrize("filters, check", [
    (Filters(country="SY"), lambda r: r["country"] == "SY"),
    (Filters(country="Syria"), lambda r: r["country"] == "SY"),
    (Filters(near="Aleppo", radius_km=10), lambda r: r["country"] == "SY"),
    (Filters(near="11.85,13.16", radius_km=25), lambda r: r["place"] == "Maiduguri"),
    (Filters(since=__import__("datetime").date(2026, 3, 1)), lambda r: r["event_date"].month == 3),
    (Filters(until=__import__("datetime").date(2026, 1, 31)), lambda r: r["event_date"].month == 1),
    (Filters(event_type="ASSAULT"), lambda r: r["type"] == "ASSAULT"),
    (Filters(event_type="protests"), lambda r: r["acled_event_type"] == "Protests"),
    (Filters(event_type="Air/drone strike"), lambda r: r["outlet"] == "Agency C"),
    (Filters(actor="gunmen"), lambda r: "gunmen" in (r["actor"] or "").lower()),
    (Filters(source="Kabul Times"), lambda r: r["outlet"] == "Kabul Times"),
    (Filters(source="lagos-post.example"), lambda r: r["host"] == "lagos-post.example"),
    (Filters(min_fatalities=20), lambda r: r["fatalities"] >= 20),
    (Filters(text="motorcycles"), lambda r: r["outlet"] == "Lagos Post"),
])
def test_each_filter_keeps_only_matching_events(corpus, filters, check):
    store, _ = corpus
    rows = query_events(store, filters)
    assert rows, "the filter should match something in the corpus"
    assert all(check(row) for row in rows)
    assert len(rows) < len(query_events(store, Filters()))


def test_min_fatalities_and_place_find_the_attacks(corpus):
    store, _ = corpus
    deadly = query_events(store, Filters(min_fatalities=1))
    assert sorted(r["fatalities"] for r in deadly) == [12, 15, 30]
    assert {r["place"] for r in query_events(store, Filters(near="Maiduguri", radius_km=5))} == {"Maiduguri"}
    with pytest.raises(ValueError, match="no place called"):
        query_events(store, Filters(near="Atlantis"))


def test_incidents_reconcile_tolls_across_outlets(corpus):
    store, _ = corpus
    incidents = {i["place"]: i for i in query_incidents(store, Filters())}
    nigeria = incidents["Maiduguri"]
    assert (nigeria["low"], nigeria["best"], nigeria["high"], nigeria["n_articles"]) == (30, 30, 30, 1)
    aleppo = next(i for i in incidents.values() if i["country"] == "SY")
    assert aleppo["low"] <= aleppo["best"] <= aleppo["high"]
    assert "Daily B" not in aleppo["outlets"]  # the copy is not a second witness


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson", "parquet"])
def test_query_outputs(corpus, tmp_path, fmt):
    store, _ = corpus
    rows = query_events(store, Filters())
    path = tmp_path / f"out.{fmt}"
    export.write(rows, EVENT_COLUMNS, fmt, path=str(path))
    if fmt == "csv":
        read = list(csv.DictReader(path.open(encoding="utf-8")))
        assert list(read[0]) == list(EVENT_COLUMNS) and len(read) == len(rows)
    elif fmt == "json":
        read = json.loads(path.read_text(encoding="utf-8"))
        assert len(read) == len(rows) and read[0]["event_date"] == rows[0]["event_date"].isoformat()
    elif fmt == "geojson":
        read = json.loads(path.read_text(encoding="utf-8"))
        assert read["type"] == "FeatureCollection" and len(read["features"]) == len(rows)
        placed = [f for f in read["features"] if f["geometry"]]
        assert placed and all(f["geometry"]["coordinates"] == [f["properties"]["lon"], f["properties"]["lat"]]
                              for f in placed)
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        assert table.num_rows == len(rows) and table.column_names == list(EVENT_COLUMNS)


def test_acled_export_lists_sources_together(corpus):
    store, _ = corpus
    rows = export.acled_rows(store, query_events(store, Filters()))
    assert rows and all(list(row) == list(export.ACLED_COLUMNS) for row in rows)
    shelling = next(r for r in rows if r["fatalities"] == 12)
    assert shelling["source"] == "Wire A; Daily B"
    assert (shelling["country"], shelling["geo_precision"]) == ("Syria", 1)
    assert shelling["event_type"] == "Explosions/Remote violence"
    assert "shelled" in shelling["notes"]
    assert all(isinstance(r["fatalities"], int) for r in rows)


def test_ucdp_export_has_best_low_high_and_precisions(corpus):
    store, _ = corpus
    rows = export.ucdp_rows(query_incidents(store, Filters()))
    maiduguri = next(r for r in rows if r["where_coordinates"] == "Maiduguri")
    assert (maiduguri["best"], maiduguri["low"], maiduguri["high"]) == (30, 30, 30)
    assert (maiduguri["date_prec"], maiduguri["where_prec"], maiduguri["country"]) == (1, 1, "Nigeria")


@pytest.mark.parametrize("window, precision", [((0, 0), 1), ((0, 3), 2), ((0, 20), 3),
                                               ((0, 200), 4), ((0, 900), 5), (None, None)])
def test_date_precision(window, precision):
    import datetime as dt

    start = dt.date(2026, 1, 1)
    bounds = (start + dt.timedelta(window[0]), start + dt.timedelta(window[1])) if window else (None, None)
    assert export.date_precision(*bounds) == precision


@pytest.mark.parametrize("args, expect", [
    (["query", "--country", "NG", "--format", "csv"], "Maiduguri"),
    (["query", "--type", "Protests", "--format", "json"], "Kabul Times"),
    (["query", "--incidents", "--format", "csv"], "Maiduguri"),
    (["export", "--format", "acled"], "event_date,event_type,sub_event_type,actor1,actor2,country,admin1"),
    (["export", "--format", "ucdp"], "best,low,high"),
    (["export", "--format", "geojson"], "FeatureCollection"),
])
def test_query_and_export_commands(corpus, args, expect):
    _, url = corpus
    result = CliRunner().invoke(app, [*args, "--db", url])
    assert result.exit_code == 0, result.output
    assert expect in result.stdout


def test_parquet_needs_an_output_file(corpus):
    _, url = corpus
    result = CliRunner().invoke(app, ["export", "--format", "parquet", "--db", url])
    assert result.exit_code == 2 and "--output" in result.output


# -- the acceptance test: the VOA stories give the same answers on SQLite and PostgreSQL ------

_IDS = ("event_id", "article_id", "story_id", "incident_id", "id")


def _comparable(rows):
    cleaned = [{k: v for k, v in row.items() if k not in _IDS} for row in rows]
    return sorted(json.dumps(row, sort_keys=True, default=str) for row in cleaned)


@pytest.mark.slow
def test_voa_stories_give_the_same_results_on_sqlite_and_postgresql(tmp_path, resources,
                                                                   fresh_database):
    if not VOA.exists():
        pytest.skip(f"{VOA} is missing")
    answers = []
    for kind in ("sqlite", "postgresql"):
        store = Store.open(fresh_database(kind, tmp_path, "voa"))
        summary = ingest([str(VOA)], store, workers=1, resources=resources)
        assert summary.done > 40
        counts = store.counts()
        queries = [Filters(), Filters(include_duplicates=True), Filters(country="SY"),
                   Filters(event_type="ASSAULT"), Filters(event_type="Battles"),
                   Filters(min_fatalities=1), Filters(text="ceasefire"), Filters(actor="US"),
                   Filters(near="31.5,34.47", radius_km=100), Filters(source="voanews")]
        results = [_comparable(query_events(store, f)) for f in queries]
        results.append(_comparable(query_incidents(store, Filters())))
        results.append(_comparable(export.acled_rows(store, query_events(store, Filters()))))
        answers.append((counts, results))
        store.close()
    (sqlite_counts, sqlite_results), (pg_counts, pg_results) = answers
    assert sqlite_counts == pg_counts
    for number, (left, right) in enumerate(zip(sqlite_results, pg_results)):
        assert left == right, f"query {number} differs"
    assert sqlite_results[0], "the VOA stories should give events"
