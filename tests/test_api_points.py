"""GET /events/points (the dashboard map's markers) over the test corpus, with TestClient.

The corpus (tests/data/corpus_stories.jsonl, see test_api.py): a shelling and an air strike
in Aleppo, a protest in Kabul and an attack near Maiduguri. Every point must agree with
GET /events under the same filters: the same events, counted once, at their coordinates.
Deaths are counted once per reconciled incident: tests/data/browser_stories.jsonl has a car
bomb in Mogadishu reported by two outlets (20 and 25 killed), one incident with best 25.
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
TWO_OUTLETS = Path(__file__).parent / "data" / "browser_stories.jsonl"


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
        assert point["reported_fatalities"] == sum(e["fatalities"] or 0 for e in members)
        assert point["fatalities"] == deaths_counted_once(members)
        assert Counter(e["type"] or "unknown" for e in members) == Counter(point["types"])
        assert point["types"][point["type"]] == max(point["types"].values())
        for e in members:
            assert e["lat"] == pytest.approx(point["lat"], abs=1e-4)
            assert e["lon"] == pytest.approx(point["lon"], abs=1e-4)
        assert point["place"] in {e["place"] for e in members}
        assert point["country"] in {e["country"] for e in members}


def deaths_counted_once(events: list[dict]) -> int:
    """What a point's deaths must be, from GET /events rows: each incident's best once, plus
    the own figure of events in no incident."""
    incidents = {e["incident_id"]: e["incident_best"] for e in events if e["incident_id"] is not None}
    return sum(incidents.values()) + sum(e["fatalities"] or 0 for e in events if e["incident_id"] is None)


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


# -- one bombing, two outlets: deaths counted once ---------------------------------------

@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def two_outlets(request, tmp_path_factory, resources, fresh_database):
    """Stories where two outlets report one car bomb in Mogadishu: 20 killed (police, Wire E)
    and 25 killed (a hospital, Horn Daily), reconciled into one incident."""
    store = Store.open(fresh_database(request.param, tmp_path_factory.mktemp("two-outlets")))
    assert ingest([str(TWO_OUTLETS)], store, workers=1, resources=resources).done == 4
    yield TestClient(create_app(store=store, resources=resources, dashboard=False))
    store.close()


def mogadishu_incident(client) -> dict:
    found = [i for i in get(client, "/incidents?country=SO")["data"] if i["place"] == "Mogadishu"]
    assert len(found) == 1, found
    return found[0]


def test_the_reports_are_one_incident(two_outlets):
    incident = mogadishu_incident(two_outlets)
    assert (incident["low"], incident["best"], incident["high"]) == (20, 25, 25)
    assert incident["n_articles"] == 2


@pytest.mark.parametrize("query", ["", "country=SO", "fatalities=1&fatalities_where=>=",
                                   "event_date=2026-03-07", "format=geojson"])
def test_a_bombing_reported_twice_is_counted_once_on_the_map(two_outlets, query):
    incident = mogadishu_incident(two_outlets)
    response = two_outlets.get(f"/events/points?{query}")
    assert response.status_code == 200, response.text
    body = response.json()
    points = [f["properties"] for f in body["features"]] if "features" in body else body["data"]
    point = next(p for p in points if p["place"] == "Mogadishu")
    assert point["events"] == 2  # two reports, one marker
    assert point["fatalities"] == incident["best"] == 25  # not 20 + 25
    assert point["reported_fatalities"] == 45


def test_events_name_the_incident_their_deaths_belong_to(two_outlets):
    incident = mogadishu_incident(two_outlets)
    rows = [e for e in get(two_outlets, "/events?country=SO")["data"] if e["fatalities"]]
    assert sorted((e["outlet"], e["fatalities"]) for e in rows) == [("Horn Daily", 25), ("Wire E", 20)]
    assert {(e["incident_id"], e["incident_best"]) for e in rows} == {(incident["incident_id"], 25)}
    assert deaths_counted_once(rows) == 25
    # no deaths, no incident
    assert all(e["incident_id"] is None for e in get(two_outlets, "/events?country=CL")["data"])


@pytest.mark.parametrize("query, columns", [
    ("fields=event_id|incident_id", ["event_id", "incident_id"]),
    ("fields=event_date|fatalities", ["event_date", "fatalities"]),  # the timeline's: no look-up
    ("export_type=monadic&fields=actor|role|incident_best", ["actor", "role", "incident_best"]),
])
def test_incident_columns_follow_fields(two_outlets, query, columns):
    rows = get(two_outlets, f"/events?country=SO&{query}")["data"]
    assert rows and all(list(r) == columns for r in rows)
    if "incident_best" in columns:
        assert {r["incident_best"] for r in rows} <= {25, None} and 25 in {r["incident_best"] for r in rows}


def test_csv_carries_the_incident_columns(two_outlets):
    text = two_outlets.get("/events?country=SO&format=csv").text
    head, *lines = text.strip().splitlines()
    assert head.split(",")[-2:] == ["incident_id", "incident_best"]
    assert sum(line.endswith(",25") for line in lines) == 2


def test_the_points_description_says_how_deaths_are_counted(two_outlets):
    operation = two_outlets.get("/openapi.json").json()["paths"]["/events/points"]["get"]
    assert "reported_fatalities" in operation["description"]
    assert "once per reconciled incident" in operation["description"]


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


@pytest.mark.parametrize("links, expected", [
    ({}, 2 + 5 + 20 + 25),  # no incidents known: every report counts (the old sum)
    ({3: {7: 25}, 4: {7: 25}}, 2 + 5 + 25),  # two reports of incident 7: once
    ({1: {6: 3}, 3: {7: 25}, 4: {7: 25}}, 3 + 5 + 25),  # the incident's best, not the report's
    ({3: {7: 25, 8: 4}, 4: {7: 25}}, 2 + 5 + 25 + 4),  # an event in two incidents counts both
])
def test_aggregate_counts_each_incident_once(links, expected):
    rows = [row(1, 1.0, 1.0, "ASSAULT", 2), row(2, 1.0, 1.0, "ASSAULT", 5),
            row(3, 1.0, 1.0, "ASSAULT", 20), row(4, 1.0, 1.0, "ASSAULT", 25), row(5, 1.0, 1.0, "PROTEST")]
    points, _ = aggregate(rows, links=links)
    assert points[0]["fatalities"] == expected
    assert points[0]["reported_fatalities"] == 52


def test_aggregate_caps_the_ids_but_not_the_counts():
    points, _ = aggregate([row(i, 1.0, 1.0, "ASSAULT", 1) for i in range(MAX_IDS + 50)])
    assert len(points[0]["event_ids"]) == MAX_IDS
    assert points[0]["events"] == MAX_IDS + 50 and points[0]["fatalities"] == MAX_IDS + 50
