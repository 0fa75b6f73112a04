"""The REST API (`newsevents serve`) over the test corpus, with FastAPI's TestClient.

The corpus is tests/data/corpus_stories.jsonl (written for these tests, see
test_query_export.py): a shelling in Aleppo (Wire A, copied by Daily B), an air strike in
Aleppo (Agency C), a protest in Kabul and an attack near Maiduguri.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsevents.api import create_app
from newsevents.ingest import ingest
from newsevents.store import Store

CORPUS = Path(__file__).parent / "data" / "corpus_stories.jsonl"
STORY = ("KANO, Nigeria (Wire D) - Gunmen killed nine farmers in an attack on a village near "
         "Kano on Monday, police said. The attackers fled on motorcycles, a police spokesman "
         "told reporters.")
FRENCH = ("Des hommes armés ont tué neuf agriculteurs lors d'une attaque contre un village près "
          "de Kano lundi, a indiqué la police. Les assaillants ont fui à moto.")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request, tmp_path_factory, resources, fresh_database):
    """The test corpus ingested into each kind of database the store supports."""
    store = Store.open(fresh_database(request.param, tmp_path_factory.mktemp("api")))
    assert ingest([str(CORPUS)], store, workers=1, resources=resources).done == 5
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(store, resources):
    """A read-only client: no API token configured."""
    return TestClient(create_app(store=store, resources=resources, dashboard=False))


@pytest.fixture()
def fresh(tmp_path, resources):
    """(client, store) over an empty database with the API token "s3cret"."""
    store = Store.open(str(tmp_path / "fresh.db"))
    yield TestClient(create_app(store=store, token="s3cret", resources=resources)), store
    store.close()


def events(client, query: str = "") -> list[dict]:
    response = client.get(f"/events?{query}")
    assert response.status_code == 200, response.text
    return response.json()["data"]


def test_health(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["articles"] == 5 and body["events"] > 5
    assert body["ingest_enabled"] is False


@pytest.mark.parametrize("query, check", [
    ("country=SY", lambda r: r["country"] == "SY"),
    ("country=Syria", lambda r: r["country"] == "SY"),
    ("country=Syria:OR:NG", lambda r: r["country"] in ("SY", "NG")),
    ("event_date=2026-03-01|2026-03-31&event_date_where=BETWEEN", lambda r: r["event_date"][:7] == "2026-03"),
    ("event_date=2026-02-10", lambda r: r["event_date"] == "2026-02-10"),
    ("event_date=2026-02-10&event_date_where=<", lambda r: r["event_date"] < "2026-02-10"),
    ("event_date=2026-02-10&event_date_where=>=", lambda r: r["event_date"] >= "2026-02-10"),
    ("event_type=Protests", lambda r: r["acled_event_type"] == "Protests"),
    ("event_type=Protests:OR:Violence against civilians",
     lambda r: r["acled_event_type"] in ("Protests", "Violence against civilians")),
    ("event_type=ASSAULT", lambda r: r["type"] == "ASSAULT"),
    ("actor=gunmen", lambda r: "gunmen" in (r["actor"] or "")),
    ("actor=gunmen:OR:protesters", lambda r: r["actor"] in ("gunmen", "protesters")),
    ("source=Kabul Times", lambda r: r["outlet"] == "Kabul Times"),
    ("fatalities=20&fatalities_where=>=", lambda r: r["fatalities"] >= 20),
    ("fatalities=10|20&fatalities_where=BETWEEN", lambda r: 10 <= r["fatalities"] <= 20),
    ("fatalities=0", lambda r: not r["fatalities"]),
    ("bbox=30,30,40,40", lambda r: r["country"] == "SY"),
    ("near=Maiduguri&radius=5", lambda r: r["place"] == "Maiduguri"),
    ("near=11.85,13.16&radius=25", lambda r: r["place"] == "Maiduguri"),
    ("text=motorcycles", lambda r: r["outlet"] == "Lagos Post"),
])
def test_each_filter_keeps_only_matching_events(client, query, check):
    rows = events(client, query)
    assert rows, "the filter should match something in the corpus"
    assert all(check(row) for row in rows)
    assert len(rows) < len(events(client))


def test_or_is_the_union_of_single_values(client):
    both = {r["event_id"] for r in events(client, "country=SY:OR:NG")}
    assert both == ({r["event_id"] for r in events(client, "country=SY")}
                    | {r["event_id"] for r in events(client, "country=NG")})
    assert {r["fatalities"] for r in events(client, "fatalities=1&fatalities_where=>=")} == {12, 15, 30}


def test_duplicates_are_left_out_unless_asked(client):
    assert "Daily B" not in {r["outlet"] for r in events(client)}
    assert "Daily B" in {r["outlet"] for r in events(client, "include_duplicates=true")}


@pytest.mark.parametrize("limit", [1, 3, 4])
def test_pages_cover_every_row_once(client, limit):
    every = [r["event_id"] for r in events(client)]
    seen, page = [], 1
    while True:
        response = client.get(f"/events?limit={limit}&page={page}")
        body = response.json()
        assert body["total_count"] == len(every) and response.headers["x-total-count"] == str(len(every))
        if not body["data"]:
            break
        assert body["count"] == len(body["data"]) <= limit
        seen += [r["event_id"] for r in body["data"]]
        page += 1
    assert seen == every


def test_fields_selects_columns(client):
    rows = events(client, "fields=event_date|country|fatalities")
    assert rows and all(list(r) == ["event_date", "country", "fatalities"] for r in rows)


@pytest.mark.parametrize("path", ["/events", "/incidents", "/casualties", "/quotes", "/places",
                                  "/actors", "/articles"])
def test_csv_and_geojson_of_every_list(client, path):
    as_json = client.get(path).json()
    as_csv = client.get(f"{path}?format=csv")
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(table) == as_json["total_count"] > 0
    assert set(as_json["data"][0]) == set(table[0])
    geo = client.get(f"{path}?format=geojson")
    assert geo.headers["content-type"].startswith("application/geo+json")
    features = geo.json()["features"]
    assert len(features) == as_json["total_count"]
    for feature in features:
        if feature["geometry"]:
            props = feature["properties"]
            assert feature["geometry"]["coordinates"] == [props["lon"], props["lat"]]


def test_geojson_events_have_points(client):
    features = client.get("/events?format=geojson&country=NG").json()["features"]
    assert any(f["geometry"] == {"type": "Point", "coordinates": [pytest.approx(13.157, abs=0.01),
                                                                  pytest.approx(11.847, abs=0.01)]}
               for f in features)


def test_timestamp_gives_incremental_pulls(client):
    rows = events(client)
    newest = max(r["timestamp"] for r in rows)
    assert len(events(client, "timestamp=0")) == len(rows)
    assert len(events(client, f"timestamp={newest}")) >= 1
    assert events(client, f"timestamp={newest + 1}") == []
    assert events(client, "timestamp=2100-01-01") == []
    assert client.get("/articles?timestamp=2100-01-01T00:00:00Z").json()["total_count"] == 0


def test_monadic_export_has_one_row_per_actor(client):
    dyadic = events(client)
    monadic = events(client, "export_type=monadic")
    expected = sum(bool(r["actor"]) + bool(r["target"]) for r in dyadic)
    assert len(monadic) == expected
    assert {r["role"] for r in monadic} == {"actor", "target"}
    assert {r["actor"] for r in monadic if r["role"] == "target"} >= {"residents"}


@pytest.mark.parametrize("query, says", [
    ("event_date=2026-13-01", "event_date"),
    ("event_date=2026-03-01|2026-03-31&event_date_where=LIKE", "event_date_where"),
    ("event_date=2026-03-31|2026-03-01&event_date_where=BETWEEN", "after"),
    ("event_date=2026-03-01&event_date_where=BETWEEN", "two days"),
    ("fatalities=many", "fatalities"),
    ("fatalities=1|2&fatalities_where=>=", "BETWEEN"),
    ("fatalities=1|2|3", "two numbers"),
    ("bbox=1,2,3", "bbox"),
    ("bbox=40,40,30,30", "bbox"),
    ("country=Atlantis", "unknown country"),
    ("near=Atlantis", "no place called"),
    ("fields=event_date|nonsense", "nonsense"),
    ("timestamp=yesterday", "timestamp"),
    ("limit=0", "limit"),
    ("limit=100000", "limit"),
    ("page=0", "page"),
    ("format=xml", "format"),
    ("export_type=triadic", "export_type"),
])
def test_bad_parameters_are_422_with_a_reason(client, query, says):
    response = client.get(f"/events?{query}")
    assert response.status_code == 422
    assert says in response.text


def test_incidents_reconcile_tolls(client):
    rows = client.get("/incidents").json()["data"]
    maiduguri = next(r for r in rows if r["place"] == "Maiduguri")
    assert (maiduguri["low"], maiduguri["best"], maiduguri["high"]) == (30, 30, 30)
    aleppo = next(r for r in rows if r["country"] == "SY")
    assert aleppo["low"] <= aleppo["best"] <= aleppo["high"] and "Daily B" not in aleppo["outlets"]
    assert [r["place"] for r in client.get("/incidents?fatalities=20&fatalities_where=>").json()["data"]] == ["Maiduguri"]
    assert [r["country"] for r in client.get("/incidents?country=NG").json()["data"]] == ["NG"]
    bad = client.get("/incidents?kind=killed:OR:eaten")
    assert bad.status_code == 422 and "eaten" in bad.text


def test_incidents_list_the_claims_behind_their_numbers(client):
    rows = client.get("/incidents?claims=true").json()["data"]
    assert rows and "claims" not in client.get("/incidents").json()["data"][0]
    for row in rows:
        claims = row["claims"]
        assert len(claims) == row["n_claims"]
        assert {c["article_id"] for c in claims}.__len__() == row["n_articles"]
        assert row["low"] <= min(c["low"] for c in claims if c["low"] is not None)
        assert row["high"] >= max(c["high"] or c["low"] for c in claims if c["low"] is not None)
        for claim in claims:  # each claim points at a record of its article's document
            document = client.get(f"/articles/{claim['article_id']}").json()
            record = next(r for r in document["casualties"] if r["id"] == claim["local_id"])
            assert record["low"] == claim["low"] and claim["outlet"]
    maiduguri = next(r for r in rows if r["place"] == "Maiduguri")
    assert all("30" in c["sentence"] or "thirty" in c["sentence"].lower()
               for c in maiduguri["claims"])


@pytest.mark.parametrize("query, status", [
    ("claims=true&format=csv", 422), ("claims=true&format=geojson", 422),
    ("claims=true&fields=incident_id|claims", 200), ("fields=claims", 422),
])
def test_incident_claims_are_json_only_and_opt_in(client, query, status):
    response = client.get(f"/incidents?{query}")
    assert response.status_code == status, response.text
    if status == 200:
        assert set(response.json()["data"][0]) == {"incident_id", "claims"}


@pytest.mark.parametrize("path, check", [
    ("/casualties?kind=killed&reported_by=police", lambda r: r["kind"] == "killed" and "police" in r["source"]),
    ("/casualties?event_date=2026-01-18", lambda r: r["date_from"] <= "2026-01-18" <= r["date_to"]),
    ("/quotes?speaker=SANA", lambda r: r["speaker"] == "SANA"),
    ("/quotes?text=motorcycles", lambda r: "motorcycles" in r["text"]),
    ("/places?country=AF", lambda r: r["name"] == "Kabul"),
    ("/places?country=Afghanistan:OR:NG", lambda r: r["country"] in ("AF", "NG")),
    ("/places?bbox=10,5,15,15", lambda r: r["country"] == "NG"),
    ("/places?feature=country", lambda r: r["feature"] == "country"),
    ("/actors?type=org", lambda r: r["type"] == "ORG"),
    ("/actors?name=gunmen:OR:protesters", lambda r: r["name"] in ("gunmen", "protesters")),
    ("/actors?source=lagos-post.example", lambda r: r["outlet"] == "Lagos Post"),
    ("/articles?article_id=1:OR:3", lambda r: r["article_id"] in (1, 3)),
    ("/articles?published=2026-03-01|2026-03-31&published_where=BETWEEN", lambda r: r["published"][:7] == "2026-03"),
    ("/articles?include_duplicates=false", lambda r: r["outlet"] != "Daily B"),
    ("/articles?text=motorcycles", lambda r: r["outlet"] == "Lagos Post"),
])
def test_record_listings_filter(client, path, check):
    rows = client.get(path).json()["data"]
    assert rows and all(check(r) for r in rows)
    every = client.get(path.split("?")[0]).json()["total_count"]
    assert len(rows) < every


def test_article_document_carries_evidence_spans(client):
    first = client.get("/articles?limit=1&source=wire-a").json()["data"][0]
    document = client.get(f"/articles/{first['article_id']}").json()
    assert document["schema"] == "newsevents/1" and document["article"]["id"] == first["article_id"]
    text = document["article"]["text"]
    assert document["events"] and document["quotes"] and document["casualties"]
    for quote in document["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    assert client.get("/articles/9999").status_code == 404
    assert client.get("/articles/abc").status_code == 422


# -- POST /extract ----------------------------------------------------------------------------

def test_extract_returns_a_newsevents_document(client):
    response = client.post("/extract", json={"text": STORY, "published": "2026-03-16",
                                             "outlet": "Wire D"})
    assert response.status_code == 200, response.text
    document = response.json()
    assert document["schema"] == "newsevents/1"
    assert any(c["kind"] == "killed" and c["low"] == 9 for c in document["casualties"])
    assert any(p["name"] == "Kano" for p in document["places"])
    assert client.get("/health").json()["articles"] == 5  # nothing was stored


@pytest.mark.parametrize("body, status, says", [
    ({"text": ""}, 400, "empty"),
    ({"text": "   \n "}, 400, "empty"),
    ({"title": "no body"}, 400, "neither"),
    ({"text": FRENCH}, 400, "English"),
    ({"text": STORY, "published": "16/03/2026"}, 400, "YYYY-MM-DD"),
    ({"text": 42}, 422, "text"),
    (["not", "an", "object"], 422, "object"),
])
def test_extract_rejects_bad_input_clearly(client, body, status, says):
    response = client.post("/extract", json=body)
    assert response.status_code == status, response.text
    assert says.lower() in response.text.lower()


def test_extract_needs_json(client):
    response = client.post("/extract", content=b"plain words", headers={"content-type": "text/plain"})
    assert response.status_code == 422


def test_oversized_bodies_are_413(store, resources):
    small = TestClient(create_app(store=store, resources=resources, max_body_bytes=1000,
                                  dashboard=False))
    big = {"text": "word " * 1000}
    assert small.post("/extract", json=big).status_code == 413
    chunks = (b"x" * 400 for _ in range(5))  # no Content-Length: counted as it arrives
    assert small.post("/extract", content=chunks,
                      headers={"content-type": "application/json"}).status_code == 413
    assert small.post("/extract", json={"text": STORY}).status_code == 200


def test_slow_extraction_is_503_not_a_hang(store, resources):
    hurried = TestClient(create_app(store=store, resources=resources, timeout_s=0.001,
                                    dashboard=False))
    response = hurried.post("/extract", json={"text": STORY})
    assert response.status_code == 503 and "longer than" in response.json()["detail"]


def test_busy_extractor_answers_429(store, resources):
    app = create_app(store=store, resources=resources, extract_workers=1, dashboard=False)
    slots = app.state.extractor._slots  # hold the only slot, as a running extraction does
    slots.acquire()
    try:
        response = TestClient(app).post("/extract", json={"text": STORY})
        assert response.status_code == 429 and response.headers["retry-after"] == "5"
    finally:
        slots.release()
    assert TestClient(app).post("/extract", json={"text": STORY}).status_code == 200


# -- POST /articles and its token ---------------------------------------------------------------

def test_post_articles_is_disabled_without_a_token(client):
    response = client.post("/articles", json={"text": STORY})
    assert response.status_code == 403 and "disabled" in response.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"X-API-Token": "wrong"},
                                     {"Authorization": "s3cret"}])
def test_post_articles_needs_the_right_token(fresh, headers):
    client, store = fresh
    response = client.post("/articles", json={"text": STORY}, headers=headers)
    assert response.status_code == 401
    assert store.counts()["articles"] == 0


@pytest.mark.parametrize("headers", [{"Authorization": "Bearer s3cret"}, {"X-API-Token": "s3cret"}])
def test_post_articles_stores_once(fresh, headers):
    client, store = fresh
    article = {"text": STORY, "url": "https://wire-d.example/kano", "outlet": "Wire D",
               "published": "2026-03-16"}
    response = client.post("/articles", json=article, headers=headers)
    assert response.status_code == 201, response.text
    article_id = response.json()["article_id"]
    assert client.get("/health").json()["ingest_enabled"] is True
    rows = client.get("/events?source=Wire D").json()["data"]
    assert rows and {r["article_id"] for r in rows} == {article_id}
    again = client.post("/articles", json=article, headers=headers)
    assert again.status_code == 200 and again.json() == {"status": "exists", "article_id": article_id}
    assert store.counts()["articles"] == 1
    bad = client.post("/articles", json={"text": FRENCH}, headers=headers)
    assert bad.status_code == 400 and store.counts()["articles"] == 1


# -- the schema and the command -------------------------------------------------------------------

def test_openapi_lists_every_resource_and_no_file_parameter(client):
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert paths >= {"/events", "/incidents", "/casualties", "/quotes", "/places", "/actors",
                     "/articles", "/articles/{article_id}", "/extract", "/health"}
    names = {p["name"] for ops in schema["paths"].values() for op in ops.values()
             for p in op.get("parameters", [])}
    assert not names & {"path", "file", "filename", "output", "db"}
    assert set(schema["paths"]["/articles"]) == {"get", "post"}
    assert all(set(ops) == {"get"} for path, ops in schema["paths"].items()
               if path not in ("/articles", "/extract"))


@pytest.mark.parametrize("env, option, enabled", [
    ({}, [], False),
    ({"NEWSEVENTS_API_TOKEN": "from-env"}, [], True),
    ({}, ["--token", "from-option"], True),
])
def test_serve_command_starts_uvicorn(monkeypatch, tmp_path, env, option, enabled):
    import uvicorn

    from newsevents.cli import app

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app, **kw))
    monkeypatch.delenv("NEWSEVENTS_API_TOKEN", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--port", "8123",
                                      *option])
    assert result.exit_code == 0, result.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 8123)
    assert bool(started["app"].state.token) is enabled


# -- the dashboard ----------------------------------------------------------------------------

def test_dashboard_page_and_its_files_are_served_from_this_server_only(store, resources):
    import re

    client = TestClient(create_app(store=store, resources=resources))
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert {"/static/dashboard.js", "/static/dashboard.css"} <= set(assets)
    for asset in assets:
        assert asset.startswith("/"), f"{asset} is not on this server"
        assert client.get(asset).status_code == 200
    script = client.get("/static/dashboard.js").text
    assert not re.search(r"https?://", script), "the dashboard must make no external request"
    assert "innerHTML" not in script  # article text is untrusted: textContent only
    for escape in ("/static/../api/__init__.py", "/static/%2e%2e/__init__.py", "/static/..%2f__init__.py"):
        assert client.get(escape).status_code == 404
    assert "/" not in client.get("/openapi.json").json()["paths"]
    for cdn_page in ("/docs", "/redoc"):  # FastAPI's would load Swagger UI / ReDoc from a CDN
        assert client.get(cdn_page).status_code == 404


def test_article_document_maps_event_rows_to_local_ids(client):
    row = events(client, "country=NG")[0]
    document = client.get(f"/articles/{row['article_id']}").json()
    local = document["row_ids"]["events"][str(row["event_id"])]
    event = next(v for v in document["events"] if v["id"] == local)
    assert event["type"] == row["type"]


def test_dashboard_serves_the_incidents_tab_and_timeline(store, resources):
    client = TestClient(create_app(store=store, resources=resources))
    page = client.get("/").text
    for element in ('id="incidents-view"', 'data-tab="incidents"', 'id="timeline"', 'id="claims"'):
        assert element in page
    script = client.get("/static/dashboard.js").text
    incident_fields = "incident_id|kind|best|cumulative|date_from"
    for call in ('q.set("claims", "true")', f'"{incident_fields}"', '"event_date|incident_id"'):
        assert call in script
    # the requests the new views make, as the script builds them: the incidents table, the
    # timeline's events (with their incidents under event-only filters) and its deaths line
    assert client.get("/incidents?country=SY&limit=100&page=1&claims=true").json()["data"][0]["claims"]
    timeline = client.get("/events?limit=5000&page=1&fields=event_date").json()
    assert timeline["data"] and set(timeline["data"][0]) == {"event_date"}
    narrowed = client.get("/events?limit=5000&page=1&event_type=ASSAULT&fields=event_date|incident_id").json()
    assert any(e["incident_id"] is not None for e in narrowed["data"])
    deaths = client.get(f"/incidents?limit=5000&page=1&fields={incident_fields}").json()
    assert deaths["data"] and set(deaths["data"][0]) == set(incident_fields.split("|"))
    assert "#timeline .bar" in client.get("/static/dashboard.css").text
