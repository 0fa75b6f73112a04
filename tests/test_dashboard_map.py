"""The dashboard's map (static/map.js): its pure functions run in node, its markers drawn with a
stand-in Leaflet over a real GET /events/points answer, and the page serving the vendored
libraries from this server only. (Headless-Chromium checks live in the browser tests.)
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsevents.dashboard import STATIC

MAP_JS = STATIC / "map.js"
CORPUS = Path(__file__).parent / "data" / "corpus_stories.jsonl"

HARNESS = r"""
"use strict";
// map.js in a vm with a small DOM and Leaflet stand-in; prints the value of argv[3] over stdin.
const fs = require("fs"), vm = require("vm");
class N { constructor(tag){this.tag=tag;this.children=[];this.attrs={};this.style={};this.className="";this._t="";this.handlers={};}
  set textContent(v){this._t=String(v);this.children=[];} get textContent(){return this._t+this.children.map(c=>typeof c==="string"?c:c.textContent).join("");}
  append(...xs){this.children.push(...xs);} replaceChildren(...xs){this.children=xs;this._t="";}
  addEventListener(e,f){this.handlers[e]=f;} setAttribute(k,v){this.attrs[k]=String(v);} }
const byId = {}; const get = (s) => byId[s] || (byId[s] = new N(s));
const document = {createElement:t=>new N(t), createElementNS:(ns,t)=>new N(t), querySelector:get};
const drawn = []; let popup = null, fitted = null;
const layer = () => ({handlers:{}, on(e,f){this.handlers[e]=f;return this;}, bindTooltip(c){this.tooltip=c;return this;},
  closeTooltip(){}, addTo(g){this.el=new N("path"); this.el.setAttribute("class", this.opts.className); drawn.push(this); return this;},
  getElement(){return this.el;}});
const L = {
  map: () => ({attributionControl:{setPrefix(){},addAttribution(){}}, setView(){}, createPane:()=>({style:{}}),
               closePopup(){}, fitBounds(b){fitted=b;}, on(){}, getBounds(){}, invalidateSize(){}}),
  svg: () => ({}), layerGroup: () => ({addTo(){return this;}, clearLayers(){drawn.length=0;}}),
  circleMarker: (ll, opts) => Object.assign(layer(), {ll, opts}),
  latLngBounds: (pts) => ({pts, pad(){return this;}}),
  popup: (opts) => ({setLatLng(ll){this.ll=ll;return this;}, setContent(c){this.content=c;return this;},
                     openOn(){popup=this;return this;}}),
  geoJSON: () => ({addTo(){}}),
};
const ctx = vm.createContext({document, L, console, fetch: async () => { throw new Error("offline"); }});
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), ctx);
vm.runInContext("initMap()", ctx);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
vm.runInContext(fs.readFileSync(require("path").join(require("path").dirname(process.argv[2]), "vendor", "topojson-client.min.js"), "utf8"), ctx);
const state = {drawn, get popup(){return popup;}, get fitted(){return fitted;}, get, opened: [],
               feature: (world) => ctx.topojson.feature(world, world.objects.countries)};
const value = vm.runInContext(`(input, state) => ${process.argv[3]}`, ctx)(input, state);
console.log(JSON.stringify(value === undefined ? null : value));
"""


@pytest.fixture(scope="module")
def js(node_js):
    """js(expression, input): a JS expression's value over `input`, with map.js loaded."""
    return node_js(HARNESS, MAP_JS)


# -- radius: square-root scale, a minimum for places without deaths ---------------------------

@pytest.mark.parametrize("fatalities, top, expected", [
    (0, 30, 4), (None, 30, 4), (-2, 30, 4), (5, 0, 4), (30, 30, 26), (60, 30, 26),
    (7.5, 30, 4 + 22 * math.sqrt(0.25)), (1, 100, 4 + 22 * 0.1),
])
def test_marker_radius_is_a_square_root_scale_from_the_minimum(js, fatalities, top, expected):
    assert js("markerRadius(input[0], input[1])", [fatalities, top]) == pytest.approx(expected)


def test_marker_area_grows_with_deaths(js):
    radii = js("[0, 1, 4, 9, 16, 100].map((f) => markerRadius(f, 100))")
    assert radii == sorted(radii) and len(set(radii)) == len(radii)
    # above the minimum the radius follows sqrt: 4x the deaths, 2x the extra radius
    assert (radii[2] - 4) == pytest.approx(2 * (radii[1] - 4))


def test_crowded_maps_get_smaller_circles(js):
    largest = js("[1, 50, 100, 300, 5000].map(maxRadius)")
    assert largest[0] == largest[1] == 26 and largest[3] == largest[4] == 14
    assert 14 < largest[2] < 26
    assert js("markerRadius(100, 100, maxRadius(400))") == 14 and js("markerRadius(0, 100, 14)") == 4


@pytest.mark.parametrize("top", [0, 1, 3, 27, 30, 1234])
def test_size_legend_runs_from_zero_to_the_largest_toll(js, top):
    sizes = js(f"sizeLegend({top})")
    values = [s["fatalities"] for s in sizes]
    assert values[0] == 0 and values[-1] == top and values == sorted(set(values))
    assert [s["radius"] for s in sizes] == sorted(s["radius"] for s in sizes)


# -- colour by PLOVER type -------------------------------------------------------------------

def test_every_plover_type_has_its_own_colour_and_others_are_grey(js):
    from newsevents.model import PLOVER_TYPES

    colours = js("input.map(typeColour)", list(PLOVER_TYPES))
    assert len(set(colours)) == len(PLOVER_TYPES) and "#888888" not in colours
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)
    assert js("[typeColour('assault'), typeColour(null), typeColour('unknown'), typeColour('NEW')]") == [
        colours[PLOVER_TYPES.index("ASSAULT")], "#888888", "#888888", "#888888"]


def test_incidents_are_coloured_by_casualty_kind(js):
    from newsevents.model import CASUALTY_KINDS, PLOVER_TYPES

    kinds = js("input.map(typeColour)", list(CASUALTY_KINDS))
    types = js("input.map(typeColour)", list(PLOVER_TYPES))
    assert len(set(kinds)) == len(CASUALTY_KINDS) and not set(kinds) & set(types) and "#888888" not in kinds


def test_type_legend_lists_the_dominant_types_most_markers_first(js):
    points = [{"type": "PROTEST"}, {"type": "ASSAULT"}, {"type": "PROTEST"}, {"type": None}]
    legend = js("typeLegend(input)", points)
    assert [(t["type"], t["points"]) for t in legend] == [("PROTEST", 2), ("ASSAULT", 1), ("unknown", 1)]


@pytest.mark.parametrize("event, ending", [
    ({"fatalities": 12, "incident_best": 12}, "(12 killed)"),
    ({"fatalities": 12}, "(12 killed)"),  # no incident columns asked for
    ({"fatalities": 20, "incident_best": 25}, "(20 killed reported; incident best 25)"),
    ({"fatalities": None, "incident_best": None}, "→ civilians"),
])
def test_popup_line_shows_the_report_and_the_incidents_best(js, event, ending):
    line = js("popupLine(input)", {"event_date": "2026-03-07", "type": "ASSAULT", "actor": "rebels",
                                   "target": "civilians", **event})
    assert line.startswith("2026-03-07 ASSAULT: rebels → civilians") and line.endswith(ending)


# -- aggregation (incidents or events drawn without the server's grouping) ---------------------

def test_group_by_point_merges_rounded_coordinates_and_sums_tolls(js):
    rows = [{"event_id": 1, "lat": 36.20124, "lon": 37.16117, "type": "ASSAULT", "fatalities": 12, "place": "Salaheddine"},
            {"event_id": 2, "lat": 36.20121, "lon": 37.16119, "type": "ASSAULT", "fatalities": None, "place": "Aleppo"},
            {"event_id": 3, "lat": 36.2012, "lon": 37.1612, "type": "PROTEST", "fatalities": 15},
            {"event_id": 4, "lat": 11.84692, "lon": 13.15712, "type": "PROTEST", "fatalities": 30},
            {"event_id": 5, "lat": None, "lon": 13.1, "type": "ASSAULT", "fatalities": 99}]
    points = js("groupByPoint(input)", rows)
    assert [(p["events"], p["fatalities"], p["type"], p["ids"]) for p in points] == [
        (3, 27, "ASSAULT", [1, 2, 3]), (1, 30, "PROTEST", [4])]
    assert points[0]["types"] == {"ASSAULT": 2, "PROTEST": 1} and points[0]["place"] == "Salaheddine"


def test_group_by_point_reads_incident_tolls(js):
    incidents = [{"incident_id": 7, "lat": 1.0, "lon": 2.0, "best": 14, "place": "X"},
                 {"incident_id": 8, "lat": 1.0, "lon": 2.0, "best": None, "place": "X"}]
    points = js("groupByPoint(input, (r) => r.best, (r) => r.incident_id)", incidents)
    assert points == [{"lat": 1, "lon": 2, "place": "X", "country": None, "events": 2, "fatalities": 14,
                       "types": {"unknown": 2}, "ids": [7, 8], "type": "unknown"}]


# -- base map: country rings across the antimeridian -------------------------------------------

def test_rings_crossing_the_antimeridian_are_made_continuous(js):
    feature = {"type": "Feature", "properties": {"name": "East"}, "geometry": {"type": "MultiPolygon", "coordinates": [
        [[[170, 60], [179.9, 65], [-179.5, 66], [-175, 64], [-179.9, 62], [175, 61], [170, 60]]],
        [[[10, 10], [11, 10], [11, 11], [10, 10]]]]}}
    out = js("unwrapFeature(input)", feature)
    ring = out["geometry"]["coordinates"][0][0]
    assert [lon for lon, _ in ring] == pytest.approx([170, 179.9, 180.5, 185, 180.1, 175, 170])
    assert [lat for _, lat in ring] == [60, 65, 66, 64, 62, 61, 60]
    assert out["geometry"]["coordinates"][1] == feature["geometry"]["coordinates"][1]
    assert out["properties"] == {"name": "East"}


def test_no_boundary_of_the_vendored_atlas_jumps_across_the_map(js):
    world = json.loads((STATIC / "vendor" / "countries-110m.json").read_text(encoding="utf-8"))
    jumps = js(r"""(() => {
        const n = (f) => { const g = f.geometry; if (!g) return 0;
          const rings = g.type === "Polygon" ? g.coordinates : g.type === "MultiPolygon" ? g.coordinates.flat() : [];
          let k = 0; for (const r of rings) for (let i = 1; i < r.length; i++) if (Math.abs(r[i][0] - r[i-1][0]) > 180) k++;
          return k; };
        const fc = state.feature(input);
        return [fc.features.reduce((a, f) => a + n(f), 0), fc.features.reduce((a, f) => a + n(unwrapFeature(f)), 0),
                fc.features.length]; })()""", world)
    assert jumps[0] > 0 and jumps[1] == 0 and jumps[2] > 150


# -- bbox filters the table uses ---------------------------------------------------------------

def test_point_bbox_holds_the_point_and_only_it(js):
    box = [float(x) for x in js("pointBbox({lat: 36.2012, lon: 37.1612})").split(",")]
    assert box[0] < 37.16117 < box[2] and box[1] < 36.20124 < box[3]
    assert box[2] - box[0] < 0.001 and box[3] - box[1] < 0.001


@pytest.mark.parametrize("bounds, expected", [
    ((-250.0, -95.0, 250.0, 95.0), "-180,-90,180,90"),
    ((30.123456, 20.5, 40.0, 30.25), "30.12346,20.5,40,30.25"),
])
def test_view_bbox_is_clamped_to_the_globe(js, bounds, expected):
    assert js("boundsBbox(...input)", list(bounds)) == expected


# -- markers and popup over the test corpus's real answer --------------------------------------

@pytest.fixture(scope="module")
def answers(tmp_path_factory, resources):
    from newsevents.api import create_app
    from newsevents.ingest import ingest
    from newsevents.store import Store

    store = Store.open(str(tmp_path_factory.mktemp("map") / "corpus.db"))
    ingest([str(CORPUS)], store, workers=1, resources=resources)
    client = TestClient(create_app(store=store, resources=resources))
    points = client.get("/events/points").json()
    aleppo = next(p for p in points["data"] if p["place"] == "Aleppo")
    from_table = client.get(f"/events?bbox={aleppo['lon'] - 1e-4},{aleppo['lat'] - 1e-4},"
                            f"{aleppo['lon'] + 1e-4},{aleppo['lat'] + 1e-4}").json()
    page = client.get("/")
    vendor = {name: client.get(f"/static/{name}") for name in re.findall(r'(?:src|href)="/static/([^"]+)"', page.text)}
    store.close()
    return {"points": points, "aleppo": aleppo, "table": from_table, "page": page, "vendor": vendor}


def test_one_marker_per_point_with_the_contracts_class_and_place(js, answers):
    points = answers["points"]["data"]
    drawn = js("(showPoints(input, () => {}), state.drawn.map((m) => ({place: m.el.attrs['data-place'], "
               "cls: m.el.attrs.class, radius: m.opts.radius, colour: m.opts.fillColor, "
               "events: m.el.attrs['data-events'], ll: m.ll})))", points)
    assert len(drawn) == len(points) and {d["cls"] for d in drawn} == {"event-marker"}
    assert sorted(d["place"] for d in drawn) == sorted(p["place"] for p in points)
    deadliest = max(points, key=lambda p: p["fatalities"])
    by_place = {d["place"]: d for d in drawn}
    assert by_place[deadliest["place"]]["radius"] == pytest.approx(26)
    assert by_place[deadliest["place"]]["ll"] == [deadliest["lat"], deadliest["lon"]]
    assert by_place["Aleppo"]["events"] == str(answers["aleppo"]["events"])
    # the smallest circles are drawn last, on top of the big ones
    assert [d["radius"] for d in drawn] == sorted((d["radius"] for d in drawn), reverse=True)


def test_legend_shows_the_types_and_sizes_on_the_map(js, answers):
    legend = js("(showPoints(input, () => {}), state.get('#map-legend').textContent)", answers["points"]["data"])
    assert "ASSAULT" in legend and "size: deaths" in legend
    assert str(max(p["fatalities"] for p in answers["points"]["data"])) in legend


def test_clicking_a_marker_selects_its_point(js, answers):
    chosen = js("(showPoints(input, (p) => { state.chosen = p; }), "
                "state.drawn.find((m) => m.el.attrs['data-place'] === 'Aleppo').handlers.click(), state.chosen)",
                answers["points"]["data"])
    assert chosen == answers["aleppo"]


def test_popup_lists_the_places_events_with_article_links(js, answers):
    table = answers["table"]
    assert table["total_count"] == answers["aleppo"]["events"]  # the bbox holds the point's events
    popup = js("(openPlacePopup(input.point, input.rows, input.total, () => {}), "
               "{ll: state.popup.ll, text: state.popup.content.textContent, "
               "links: state.popup.content.children[1].children.map((li) => ({cls: li.children[0].className, "
               "href: li.children[0].href}))})",
               {"point": answers["aleppo"], "rows": table["data"], "total": table["total_count"]})
    assert popup["ll"] == [answers["aleppo"]["lat"], answers["aleppo"]["lon"]]
    # the events located at the point (since events take their paragraph's or the story's
    # place, the fixture's "shells struck a residential street" counts too: 3)
    assert popup["text"].startswith(f"Aleppo, SY: {answers['aleppo']['events']} events")
    assert answers["aleppo"]["events"] == 3
    assert popup["links"] == [{"cls": "open-article", "href": f"#article/{e['article_id']}"}
                              for e in table["data"]]


def test_incident_markers_and_popup_open_the_incident(js):
    incidents = [{"incident_id": 7, "kind": "killed", "best": 14, "lat": 36.2, "lon": 37.16, "place": "Aleppo"},
                 {"incident_id": 8, "kind": "wounded", "best": 3, "lat": 36.2, "lon": 37.16, "place": "Aleppo"},
                 {"incident_id": 9, "kind": "killed", "best": 30, "lat": 11.85, "lon": 13.16, "place": "Maiduguri"}]
    out = js("""(() => {
        const points = groupByPoint(input.map((i) => ({...i, type: i.kind})),
                                    (i) => (i.kind === "killed" ? i.best : 0), (i) => i.incident_id);
        showPoints(points, () => {}, {className: "incident-marker", legendTitle: "colour: casualty kind", noun: "incident"});
        openListPopup(points[0], pointSummary(points[0], "incident"),
                      [{text: "killed 14", cls: "open-incident", href: "#", open: () => { state.opened.push(7); }}], 1);
        const link = state.popup.content.children[1].children[0].children[0];
        link.handlers.click({preventDefault() {}});
        return {classes: state.drawn.map((m) => m.el.attrs.class), places: state.drawn.map((m) => m.el.attrs["data-place"]),
                tooltip: state.drawn.map((m) => m.tooltip.textContent), legend: state.get("#map-legend").textContent,
                heading: state.popup.content.children[0].textContent, link: link.className, opened: state.opened};
    })()""", incidents)
    assert out["classes"] == ["incident-marker", "incident-marker"]
    assert sorted(out["places"]) == ["Aleppo", "Maiduguri"]
    assert "Aleppo: 2 incidents, 14 killed" in out["tooltip"] and "colour: casualty kind" in out["legend"]
    assert out["heading"] == "Aleppo: 2 incidents, 14 killed" and out["link"] == "open-incident"
    assert out["opened"] == [7]


# -- the page: vendored files served here, nothing from elsewhere ------------------------------

def test_page_loads_leaflet_topojson_and_the_map_from_this_server(answers):
    page = answers["page"]
    assert page.status_code == 200
    for name in ("vendor/leaflet.js", "vendor/leaflet.css", "vendor/topojson-client.min.js", "map.js"):
        assert name in answers["vendor"] and answers["vendor"][name].status_code == 200
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page.text)
    assert "img-src 'self' data:" in page.headers["content-security-policy"]


def test_vendored_files_are_there_with_their_licences():
    vendor = STATIC / "vendor"
    for name in ("leaflet.js", "leaflet.css", "topojson-client.min.js", "countries-110m.json",
                 "LICENSE-leaflet", "LICENSE-topojson-client", "LICENSE-world-atlas", "README.md"):
        assert (vendor / name).is_file(), name
    world = json.loads((vendor / "countries-110m.json").read_text(encoding="utf-8"))
    assert world["type"] == "Topology" and len(world["objects"]["countries"]["geometries"]) > 150
    readme = (vendor / "README.md").read_text(encoding="utf-8")
    assert all(s in readme for s in ("leaflet", "1.9.4", "world-atlas", "topojson-client", "npm pack"))


def test_every_element_the_map_uses_is_on_the_page():
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    scripts = MAP_JS.read_text(encoding="utf-8") + (STATIC / "dashboard.js").read_text(encoding="utf-8")
    ids = set(re.findall(r'(?:\$|querySelector|querySelectorAll)\("#([\w-]+)', scripts))
    assert {"map", "map-legend", "map-bounds", "incident-prev", "incident-next"} <= ids
    contract = {"map", "map-bounds", "filters", "incident-pager", "incident-prev", "incident-next",
                "article-view", "article-text", "events"}
    missing = [i for i in ids | contract if f'id="{i}"' not in page]
    assert not missing, f"index.html lacks {missing}"
    assert "innerHTML" not in MAP_JS.read_text(encoding="utf-8")
    assert "Only events in map view" in page
    # map.js loads before dashboard.js, Leaflet and topojson-client before both
    order = [page.index(f'src="/static/{n}"') for n in ("vendor/leaflet.js", "vendor/topojson-client.min.js",
                                                         "map.js", "dashboard.js")]
    assert order == sorted(order)
