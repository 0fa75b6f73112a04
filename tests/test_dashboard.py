"""The dashboard's script run in node: the highlighting over a real newsevents/1 document
(every piece of the text comes back once, in order, and each record's span is marked with its
kind), the timeline's data (events per day; deaths per day from reconciled incidents, each
incident once) and the Incidents tab over real API answers. The page being served is checked
in test_api.py; tests/test_browser.py drives the whole dashboard in headless Chromium.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from newsevents.dashboard import STATIC

CHECK = Path(__file__).parent / "js" / "render_check.js"
STORY = ("KANO, Nigeria (Wire D) - Gunmen killed nine farmers in an attack on a village near "
         "Kano on Monday, police said. \"We will find them,\" the police commissioner told reporters.")


@pytest.fixture(scope="module")
def pieces(run):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    document = run(STORY, published="2026-03-17").to_dict()
    done = subprocess.run([node, str(CHECK), str(STATIC / "dashboard.js")], input=json.dumps(document),
                          capture_output=True, text=True, timeout=60, check=True)
    return document, json.loads(done.stdout)


def test_highlighting_keeps_the_text_whole(pieces):
    document, parts = pieces
    assert "".join(p["text"] for p in parts) == document["article"]["text"]


@pytest.mark.parametrize("records, kind, start, end", [
    ("casualties", "casualty", "start", "end"),
    ("quotes", "quote", "start", "end"),
    ("dates", "date", "start", "end"),
    ("events", "event", "trigger_start", "trigger_end"),
])
def test_each_record_is_marked_at_its_span(pieces, records, kind, start, end):
    document, parts = pieces
    text = document["article"]["text"]
    found = [r for r in document[records] if r.get(start) is not None]
    assert found, f"the story should give {records}"
    for record in found:
        offset, marked = 0, ""
        for part in parts:
            inside = offset >= record[start] and offset + len(part["text"]) <= record[end]
            if inside:
                assert kind in part["classes"] and record["id"] in part["recs"]
                marked += part["text"]
            offset += len(part["text"])
        assert marked == text[record[start]:record[end]]


# -- timeline and incident claims: pure functions over API JSON, run in node ------------------

HARNESS = r"""
"use strict";
const fs = require("fs");
const vm = require("vm");
const stub = () => ({append() {}, addEventListener() {}, setAttribute() {}, dataset: {}, children: []});
const document = {createElement: stub, createElementNS: stub, createDocumentFragment: stub,
                  addEventListener() {}, querySelector: stub, querySelectorAll: () => []};
const context = vm.createContext({document, history: {replaceState() {}}, location: {hash: ""},
                                  fetch: () => { throw new Error("no fetch in this check"); }});
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), context);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
console.log(JSON.stringify(vm.runInContext(`(input) => ${process.argv[3]}`, context)(input)));
"""


@pytest.fixture(scope="module")
def js(node_js):
    """js(expression, input): the value of a JS expression over `input`, in the dashboard's script."""
    return node_js(HARNESS, STATIC / "dashboard.js")


# Two outlets' reports of one car bomb (20 and 25 killed): two events, one incident (best 25).
EVENTS = [{"event_date": "2026-03-02", "fatalities": 20}, {"event_date": "2026-03-02", "fatalities": 25},
          {"event_date": "2026-02-27", "fatalities": 1}, {"event_date": None, "fatalities": 9},
          {"event_date": "2026-03-01T00:00:00", "fatalities": 0}]


def incident(best, date_from, kind="killed", cumulative=False, date_to=None):
    return {"incident_id": best, "kind": kind, "best": best, "cumulative": cumulative,
            "date_from": date_from, "date_to": date_to or date_from}


INCIDENTS = [incident(25, "2026-03-02"), incident(1, "2026-02-27")]


def test_daily_counts_fill_every_day_and_take_deaths_from_incidents(js):
    days = js("dailyCounts(input[0], input[1])", [EVENTS, INCIDENTS])
    assert [d["day"] for d in days] == ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]
    # the bombing's day: two events, 25 killed (the incident's best), not 20 + 25
    assert [(d["events"], d["fatalities"]) for d in days] == [(1, 1), (0, 0), (1, 0), (2, 25)]


def test_the_events_own_figures_are_never_summed(js):
    days = js("dailyCounts(input)", EVENTS)
    assert sum(d["events"] for d in days) == 4 and all(d["fatalities"] == 0 for d in days)


@pytest.mark.parametrize("incidents, expected", [
    ([incident(25, "2026-03-02"), incident(7, "2026-03-02")], 32),  # two incidents on one day add up
    ([incident(25, "2026-03-02"), incident(40, "2026-03-02", kind="wounded")], 25),  # wounded: no
    ([incident(25, "2026-03-02"), incident(500, "2026-03-02", cumulative=True)], 25),  # running toll
    ([incident(25, "2026-03-02"), {**incident(3, "2026-03-02"), "best": None}], 25),  # no figure
    ([incident(25, "2026-03-01", date_to="2026-03-02")], 0),  # dated by its window's start
])
def test_deaths_per_day_count_only_killed_incident_tolls(js, incidents, expected):
    days = js("dailyCounts(input[0], input[1])", [EVENTS, incidents])
    assert next(d for d in days if d["day"] == "2026-03-02")["fatalities"] == expected


def test_incidents_extend_the_axis_and_obey_the_date_filters(js):
    incidents = [incident(4, "2026-02-25"), incident(25, "2026-03-02"), incident(6, "2026-03-04")]
    days = js("dailyCounts(input[0], input[1])", [EVENTS, incidents])
    assert (days[0]["day"], days[-1]["day"]) == ("2026-02-25", "2026-03-04")
    # the API keeps incidents whose window overlaps the dates; the line keeps those starting in them
    kept = js("dailyCounts(input[0], input[1], {since: '2026-02-27', until: '2026-03-02'})", [EVENTS, incidents])
    assert (kept[0]["day"], kept[-1]["day"]) == ("2026-02-27", "2026-03-02")
    assert sum(d["fatalities"] for d in kept) == 25


def test_narrowed_events_keep_only_their_incidents(js):
    incidents = [incident(25, "2026-03-02"), incident(1, "2026-02-27"), incident(7, "2026-03-02")]
    events = [{"event_date": "2026-03-02", "incident_id": 25}, {"event_date": "2026-03-02", "incident_id": 25},
              {"event_date": "2026-03-01", "incident_id": None}, {"event_date": "2026-02-27"}]
    kept = js("linkedIncidents(input[0], input[1])", [incidents, events])
    assert [i["incident_id"] for i in kept] == [25]
    assert js("linkedIncidents(input[0], [])", [incidents]) == []


@pytest.mark.parametrize("events", [[], [{"event_date": None, "fatalities": 3}]])
def test_no_dated_events_give_an_empty_timeline(js, events):
    assert js("dailyCounts(input)", events) == []
    geometry = js("timelineGeometry(dailyCounts(input), 400, 100)", events)
    assert geometry["bars"] == [] and geometry["line"] == []


@pytest.mark.parametrize("width, height", [(400, 100), (1200, 120)])
def test_timeline_geometry_fits_its_box_and_scales_to_the_busiest_day(js, width, height):
    geometry = js(f"timelineGeometry(dailyCounts(input[0], input[1]), {width}, {height})", [EVENTS, INCIDENTS])
    bars, line = geometry["bars"], geometry["line"]
    assert len(bars) == len(line) == 4 and geometry["maxEvents"] == 2 and geometry["maxDeaths"] == 25
    for bar in bars:
        assert 0 <= bar["x"] and bar["x"] + bar["w"] <= width and 0 <= bar["y"] <= height
        assert abs(bar["y"] + bar["h"] - (height - 4)) < 1e-6  # bars stand on one baseline
    assert [b["x"] for b in bars] == sorted(b["x"] for b in bars)
    tallest = max(bars, key=lambda b: b["h"])
    assert tallest["day"] == "2026-03-02" and tallest["h"] == pytest.approx(height - 8)
    assert min(y for _, y in line) == pytest.approx(4)  # the deadliest day reaches the top
    assert all(0 <= x <= width and 0 <= y <= height for x, y in line)


INCIDENT = {"incident_id": 7, "kind": "killed", "low": 12, "best": 14, "high": 15,
            "place": "Aleppo", "country": "SY", "date_from": "2026-01-18", "date_to": "2026-01-18",
            "n_claims": 2, "n_articles": 2, "claims": [
                {"casualty_id": 3, "local_id": "c1", "low": 12, "high": 15, "source": "the civil defence",
                 "outlet": "Wire A", "published": "2026-01-18", "title": "Shelling kills 12",
                 "article_id": 1, "sentence": "Shelling killed at least 12 people, the civil defence said."},
                {"casualty_id": 9, "local_id": "c2", "low": 14, "high": None, "source": None,
                 "outlet": "Agency C", "published": None, "title": None, "article_id": 4,
                 "sentence": None}]}


def test_claim_lines_keep_every_claim_with_its_source_and_article(js):
    lines = js("claimLines(input)", INCIDENT)
    assert [(c["number"], c["source"], c["outlet"], c["article_id"], c["local_id"]) for c in lines] == [
        ("12–15", "the civil defence", "Wire A", 1, "c1"), ("14", "unattributed", "Agency C", 4, "c2")]
    assert lines[0]["sentence"].startswith("Shelling") and lines[1]["title"] == "(untitled)"
    assert js("claimLines(input)", {**INCIDENT, "claims": None}) == []


def test_incident_summary_states_low_best_high_and_the_evidence_count(js):
    summary = js("incidentSummary(input)", INCIDENT)
    assert summary.startswith("killed 12 / 14 / 15 (low / best / high)")
    assert "Aleppo, SY" in summary and "2 claims in 2 articles" in summary


def test_every_element_the_script_uses_is_on_the_page():
    import re

    page = (STATIC / "index.html").read_text(encoding="utf-8")
    script = (STATIC / "dashboard.js").read_text(encoding="utf-8")
    ids = set(re.findall(r'(?:\$|querySelectorAll)\("#([\w-]+)', script))
    assert {"timeline", "incidents", "claims", "tabs"} <= ids
    missing = [i for i in ids if f'id="{i}"' not in page]
    assert not missing, f"index.html lacks {missing}"
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script


# -- the new views' DOM code, over real API answers (TestClient), in node -----------------------

VIEWS = r"""
"use strict";
// A DOM stand-in keyed by selector; fetch answers from the JSON given on stdin, by path.
const fs = require("fs"), vm = require("vm");
class N { constructor(tag){this.tag=tag;this.children=[];this.dataset={};this.attrs={};this.className="";this._t="";this.hidden=false;this.clientWidth=900;this.handlers={};}
  set textContent(v){this._t=String(v);this.children=[];} get textContent(){return this._t+this.children.map(c=>typeof c==="string"?c:c.textContent).join("");}
  append(...xs){this.children.push(...xs);} replaceChildren(...xs){this.children=xs;this._t="";}
  addEventListener(e,f){this.handlers[e]=f;} setAttribute(k,v){this.attrs[k]=v;} classList={add(){},remove(){}}; }
const byId = {}; const get = (s) => byId[s] || (byId[s] = new N(s));
const tabs=[Object.assign(new N("button"),{dataset:{tab:"events"}}),Object.assign(new N("button"),{dataset:{tab:"incidents"}})];
const data = JSON.parse(fs.readFileSync(0,"utf8"));
const requested=[];
const document = {createElement:t=>new N(t), createElementNS:(ns,t)=>new N(t), createDocumentFragment:()=>new N("#f"),
  addEventListener(){}, querySelector:s=>get(s.split(" ")[0]), querySelectorAll:s=>s==="#tabs button"?tabs:[]};
class FD { constructor(){} get(){return null;} }
const ctx = vm.createContext({document, FormData: FD, URLSearchParams, history:{replaceState(){}}, location:{hash:""}, console,
  fetch: async (url) => { requested.push(url); const key = url.split("?")[0]; return {ok:true, status:200, json: async()=>data[key]}; }});
vm.runInContext(fs.readFileSync(process.argv[2],"utf8"), ctx);
(async () => {
  const out = {};
  await vm.runInContext("loadTimeline()", ctx);
  out.timeline_info = get("#timeline-info").textContent;
  out.rects = get("#timeline").children[0].children.filter((c) => c.tag === "rect")
    .map((r) => ({height: Number(r.attrs.height), title: r.textContent}));
  await vm.runInContext("loadEvents()", ctx);
  const heads = ["date", "type", "acled", "actor", "target", "place", "country", "reported", "reconciled", "outlet"];
  out.event_rows = get("#events").children.map((tr) => Object.fromEntries(
    tr.children.map((td, i) => [heads[i], td.textContent])));
  out.bounds_label = {};
  vm.runInContext("showTab('events')", ctx);
  out.bounds_label.events = get("#map-bounds-label").textContent;
  await vm.runInContext("showTab('incidents'); loadIncidents()", ctx);
  out.bounds_label.incidents = get("#map-bounds-label").textContent;
  out.incident_rows = get("#incidents").children.map((tr) => tr.children.map((td) => td.textContent));
  out.status = get("#status").textContent;
  vm.runInContext("showIncident", ctx)(data["/incidents"].data[0]);
  out.summary = get("#incident-summary").textContent;
  out.claims = get("#claims").children.map((li) => ({text: li.textContent,
    links: li.children.filter((c) => c.tag === "a").map((a) => a.href)}));
  out.hidden = {events: get("#events-view").hidden, incidents: get("#incidents-view").hidden,
                detail: get("#incident-detail").hidden};
  out.requested = requested;
  console.log(JSON.stringify(out));
})();
"""


@pytest.fixture(scope="module")
def views(tmp_path_factory, resources):
    """What the timeline, the events table and the Incidents tab put on the page, from the API
    over the test stories (with the Mogadishu car bomb that two outlets report)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    from fastapi.testclient import TestClient

    from newsevents.api import create_app
    from newsevents.ingest import ingest
    from newsevents.store import Store

    folder = tmp_path_factory.mktemp("views")
    store = Store.open(str(folder / "corpus.db"))
    data = Path(__file__).parent / "data"
    ingest([str(data / "corpus_stories.jsonl"), str(data / "browser_stories.jsonl")], store,
           workers=1, resources=resources)
    client = TestClient(create_app(store=store, resources=resources))
    # the fake fetch answers by path: one answer serves the timeline's and the tables' requests
    answers = {"/incidents": client.get("/incidents?claims=true").json(),
               "/events": client.get("/events?limit=5000").json()}
    store.close()
    (folder / "views.js").write_text(VIEWS, encoding="utf-8")
    done = subprocess.run([node, str(folder / "views.js"), str(STATIC / "dashboard.js")],
                          input=json.dumps(answers), capture_output=True, text=True, timeout=60,
                          check=True)
    return answers, json.loads(done.stdout)


def test_timeline_draws_one_bar_per_day_with_its_counts(views):
    answers, page = views
    dated = [e for e in answers["/events"]["data"] if e["event_date"]]
    first, last = min(e["event_date"] for e in dated), max(e["event_date"] for e in dated)
    assert page["timeline_info"].startswith(f"{first} – {last}")
    assert sum(int(r["title"].split(": ")[1].split(" ")[0]) for r in page["rects"]) == len(dated)
    assert any(r["height"] > 0 for r in page["rects"])
    assert page["requested"][0].startswith("/events?") and "fields=event_date&" in page["requested"][0] + "&"
    assert page["requested"][1].startswith("/incidents?") and "claims" not in page["requested"][1]


def killed_per_day(incidents: list[dict]) -> dict[str, int]:
    """Deaths per day as the timeline must count them: each killed incident's best once, on
    the day its window starts; running tolls left out."""
    days: dict[str, int] = {}
    for i in incidents:
        if i["kind"] == "killed" and not i["cumulative"] and i["best"] is not None and i["date_from"]:
            days[i["date_from"]] = days.get(i["date_from"], 0) + i["best"]
    return days


def test_timeline_deaths_are_the_reconciled_incidents(views):
    answers, page = views
    expected = killed_per_day(answers["/incidents"]["data"])
    drawn = {r["title"].split(":")[0]: int(r["title"].split(", ")[1].split(" ")[0]) for r in page["rects"]}
    assert {day: n for day, n in drawn.items() if n} == expected
    assert f"most killed in a day: {max(expected.values())}" in page["timeline_info"]
    mogadishu = next(i for i in answers["/incidents"]["data"] if i["place"] == "Mogadishu")
    reports = [e["fatalities"] for e in answers["/events"]["data"] if e["place"] == "Mogadishu" and e["fatalities"]]
    assert sorted(reports) == [20, 25] and mogadishu["best"] == 25
    assert drawn[mogadishu["date_from"]] == 25  # not 45
    assert "25 killed (reconciled incidents)" in next(r["title"] for r in page["rects"]
                                                       if r["title"].startswith(mogadishu["date_from"]))


def test_events_table_shows_reported_and_reconciled_deaths(views):
    answers, page = views
    assert len(page["event_rows"]) == min(100, answers["/events"]["total_count"])
    mogadishu = sorted((r["outlet"], r["reported"], r["reconciled"]) for r in page["event_rows"]
                       if r["place"] == "Mogadishu")
    assert mogadishu == [("Horn Daily", "25", "25"), ("Wire E", "20", "25")]
    assert all(r["reconciled"] == "" for r in page["event_rows"] if r["place"] == "Kabul")


def test_the_map_view_box_names_what_the_open_tab_lists(views):
    _, page = views
    assert page["bounds_label"] == {"events": "Only events in map view",
                                    "incidents": "Only incidents in map view"}


def test_incidents_tab_lists_rows_and_the_claims_behind_one(views):
    answers, page = views
    incidents = answers["/incidents"]["data"]
    assert len(page["incident_rows"]) == len(incidents) and page["status"] == ""
    assert page["hidden"] == {"events": True, "incidents": False, "detail": False}
    first = incidents[0]
    assert f"{first['low']} / {first['best']} / {first['high']}" in page["summary"]
    assert len(page["claims"]) == len(first["claims"])
    for shown, claim in zip(page["claims"], first["claims"]):
        assert claim["outlet"] in shown["text"] and shown["links"] == [f"#article/{claim['article_id']}"]
    assert "claims=true" in page["requested"][-1]
