"""GET /events/points (the dashboard map's markers) over the test corpus, with TestClient.

The corpus (tests/data/corpus_stories.jsonl, see test_api.py): a shelling and an air strike
in Aleppo, a protest in Kabul and an attack near Maiduguri. Every point must agree with
GET /events under the same filters: the same events, counted once, at their coordinates.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsevents.api import create_app
from newsevents.api.routes.points import MAX_IDS, aggregate
from newsevents.ingest import ingest
from newsevents.store import Store

CORPUS = Path(__file__).parent / "data" / "corpus_stories.jsonl"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request, tmp_path_factory, resources, fresh_database):
    store = Store.open(fresh_database(request.param, tmp_path_factory.mktemp("points")))
    assert ingest([str(CORPUS)], store, workers=1, resources=resources).done == 5
    yield TestClient(create_app(store=store, resources=resources, dashboard=False))
    store.close()


def get(client, path: str) -> dict:
    response = client.get(path)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("query", ["", "country=SY", "country=Syria:OR:NG", "event_type=Protests",
                                   "fatalities=1&fatalities_where=>=", "bbox=30,30,40,40",
                                   "event_date=2026-03-01|2026-03-31&event_date_where=BETWEEN",
                                   "include_duplicates=true"])
def test_points_hold_exactly_the_located_events_of_the_same_filters(client, query):
    events = get(client, f"/events?limit=5000&{query}")["data"]
    body = get(client, f"/events/points?{query}")
    located = [e for e in events if e["lat"] is not None and e["lon"] is not None]
    assert body["events"] == len(events) and body["unlocated"] == len(events) - len(located)
    assert body["count"] == body["total_count"] == len(body["data"])
    ids = [i for p in body["data"] for i in p["event_ids"]]
    assert sorted(ids) == sorted(e["event_id"] for e in located)  # each event once
    by_id = {e["event_id"]: e for e in located}
    for point in body["data"]:
        members = [by_id[i] for i in point["event_ids"]]
        assert point["events"] == len(members) == sum(point["types"].values())
        assert point["fatalities"] == sum(e["fatalities"] or 0 for e in members)
        assert Counter(e["type"] or "unknown" for e in members) == Counter(point["types"])
        assert point["types"][point["type"]] == max(point["types"].values())
        for e in members:
            assert e["lat"] == pytest.approx(point["lat"], abs=1e-4)
            assert e["lon"] == pytest.approx(point["lon"], abs=1e-4)
        assert point["place"] in {e["place"] for e in members}
        assert point["country"] in {e["country"] for e in members}


def test_one_marker_per_place_not_per_event(client):
    points = get(client, "/events/points")["data"]
    keys = [(p["lat"], p["lon"]) for p in points]
    assert len(keys) == len(set(keys))
    assert {p["place"] for p in points} >= {"Aleppo", "Maiduguri"}
    aleppo = next(p for p in points if p["place"] == "Aleppo")
    assert aleppo["events"] >= 2  # the shelling and the air strike: one marker
    assert [p["events"] for p in points] == sorted((p["events"] for p in points), reverse=True)


def test_filters_that_match_nothing_give_no_points(client):
    body = get(client, "/events/points?country=SY&event_type=Protests")
    assert body["data"] == [] and body["events"] == 0


def test_geojson_points_carry_the_same_properties(client):
    as_json = get(client, "/events/points")["data"]
    response = client.get("/events/points?format=geojson")
    assert response.headers["content-type"].startswith("application/geo+json")
    features = response.json()["features"]
    assert len(features) == len(as_json)
    for feature, point in zip(features, as_json):
        assert feature["geometry"] == {"type": "Point", "coordinates": [point["lon"], point["lat"]]}
        assert feature["properties"] == point


def test_limit_keeps_the_busiest_points(client):
    every = get(client, "/events/points")["data"]
    top = client.get("/events/points?limit=1")
    assert top.json()["data"] == every[:1]
    assert top.headers["x-total-count"] == str(len(every))


@pytest.mark.parametrize("query, says", [
    ("country=Atlantis", "unknown country"),
    ("bbox=1,2,3", "bbox"),
    ("event_date=2026-13-01", "event_date"),
    ("format=csv", "format"),
    ("limit=0", "limit"),
])
def test_bad_parameters_are_422(client, query, says):
    response = client.get(f"/events/points?{query}")
    assert response.status_code == 422 and says in response.text


def test_points_route_is_not_shadowed_and_is_in_the_schema(client):
    schema = client.get("/openapi.json").json()
    assert "/events/points" in schema["paths"]
    assert client.get("/events/points").json()["success"] is True


# -- aggregate(): the pure grouping, on hand-made rows ------------------------------------

def row(event_id, lat, lon, type_, fatalities=None, place="Town", country="XX"):
    return {"event_id": event_id, "lat": lat, "lon": lon, "type": type_, "fatalities": fatalities,
            "place": place, "country": country}


def test_aggregate_groups_float_noise_and_breaks_type_ties_stably():
    rows = [row(1, 10.00001, 20.0, "PROTEST", 2), row(2, 10.0, 20.00002, "ASSAULT", None),
            row(3, 10.0, 20.0, None, 5), row(4, -3.5, 40.1, "PROTEST"), row(5, None, 40.1, "ASSAULT")]
    points, unlocated = aggregate(rows)
    assert unlocated == 1 and len(points) == 2
    first = points[0]
    assert first["events"] == 3 and first["fatalities"] == 7 and first["event_ids"] == [1, 2, 3]
    assert first["types"] == {"ASSAULT": 1, "PROTEST": 1, "unknown": 1}
    assert first["type"] == "ASSAULT"  # a three-way tie: the alphabetically first


def test_aggregate_caps_the_ids_but_not_the_counts():
    points, _ = aggregate([row(i, 1.0, 1.0, "ASSAULT", 1) for i in range(MAX_IDS + 50)])
    assert len(points[0]["event_ids"]) == MAX_IDS
    assert points[0]["events"] == MAX_IDS + 50 and points[0]["fatalities"] == MAX_IDS + 50
