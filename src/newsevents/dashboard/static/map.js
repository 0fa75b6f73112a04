// newsevents dashboard: the map. Leaflet (vendored) over country boundaries from the vendored
// world-atlas TopoJSON (Natural Earth), drawn with the vendored topojson-client: no tiles, no
// CDN, no request outside this server. One circle marker per place point of GET /events/points:
// radius by fatalities (square-root scale, so area follows deaths), colour by the point's
// dominant PLOVER type. Loaded before dashboard.js, which calls showPoints() and reads
// mapViewBbox(); the pure functions at the top are tested in node (tests/test_dashboard_map.py).
// Place names and article titles come from the corpus: they are only ever set as text.
"use strict";

const MIN_RADIUS = 4;      // px: a place with events but no deaths stays clickable
const MAX_RADIUS = 26;     // px: the deadliest place of the current filters, when few are shown
const CROWDED_RADIUS = 14; // px: the same with hundreds of markers, which would hide each other
const BOUNDARIES = "/static/vendor/countries-110m.json";
const POPUP_EVENTS = 12;   // events listed in a popup; the table pages through the rest
// Conflict types in reds and oranges, verbal conflict in purples and browns, cooperation in
// greens and blues; grey for events without a type.
const TYPE_COLOURS = {
  ASSAULT: "#b2182b", COERCE: "#e66101", MOBILIZE: "#f1a340", SANCTION: "#8c510a",
  THREATEN: "#d6604d", PROTEST: "#762a83", REJECT: "#9970ab", ACCUSE: "#de77ae",
  REQUEST: "#4393c3", AGREE: "#1b7837", CONSULT: "#5aae61", SUPPORT: "#2166ac",
  CONCEDE: "#80cdc1", COOPERATE: "#35978f", AID: "#01665e", RETREAT: "#92c5de",
};
// Incidents are coloured by their casualty kind.
const KIND_COLOURS = {killed: "#67001f", wounded: "#f4a582", missing: "#5e3c99", kidnapped: "#b2abd2",
                      arrested: "#4d4d4d", displaced: "#1f78b4", trapped: "#a6761d", affected: "#66a61e"};
const OTHER_COLOUR = "#888888";
const MAP_SVG_NS = "http" + "://www.w3.org/2000/svg";  // a namespace name, never fetched

// -- pure functions ------------------------------------------------------------------------

// Marker radius in px: MIN_RADIUS at 0 deaths, MAX_RADIUS at `maxFatalities`, square root in
// between (a circle's area grows with the deaths, not its width).
// `largest` is the radius of the deadliest place (maxRadius() of the marker count).
function markerRadius(fatalities, maxFatalities, largest = MAX_RADIUS) {
  const f = Number.isFinite(fatalities) && fatalities > 0 ? fatalities : 0;
  const top = Number.isFinite(maxFatalities) && maxFatalities > 0 ? maxFatalities : 0;
  if (!f || !top) return MIN_RADIUS;
  return MIN_RADIUS + (largest - MIN_RADIUS) * Math.sqrt(Math.min(f, top) / top);
}

// The largest radius for n markers: MAX_RADIUS up to 50, CROWDED_RADIUS from 300, linear between.
function maxRadius(n) {
  const share = Math.min(1, Math.max(0, (n - 50) / 250));
  return MAX_RADIUS - share * (MAX_RADIUS - CROWDED_RADIUS);
}

function typeColour(type) {
  return TYPE_COLOURS[String(type || "").toUpperCase()] || KIND_COLOURS[type] || OTHER_COLOUR;
}

// Colour legend: the dominant types on the map, most markers first: [{type, colour, points}].
function typeLegend(points) {
  const counts = new Map();
  for (const p of points) counts.set(p.type || "unknown", (counts.get(p.type || "unknown") || 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([type, n]) => ({type, colour: typeColour(type), points: n}));
}

// Size legend: a few round death tolls up to the largest, each with its radius.
function sizeLegend(maxFatalities, largest = MAX_RADIUS) {
  const top = Number.isFinite(maxFatalities) && maxFatalities > 0 ? maxFatalities : 0;
  const round = (x) => { const p = 10 ** Math.floor(Math.log10(x)); return Math.max(1, Math.round(x / p) * p); };
  const values = top ? [0, ...new Set([round(top / 10), round(top / 2), top])].filter((v) => v <= top) : [0];
  return [...new Set(values)].sort((a, b) => a - b).map((v) => ({fatalities: v, radius: markerRadius(v, top, largest)}));
}

// Events or incidents with lat/lon grouped by point (4 decimals, as GET /events/points does):
// [{lat, lon, place, country, events, fatalities, type, types, ids}], busiest first.
// `deaths(row)` reads a row's toll (events: fatalities; incidents: best).
function groupByPoint(rows, deaths = (r) => r.fatalities, id = (r) => r.event_id) {
  const groups = new Map();
  for (const r of rows) {
    if (!Number.isFinite(r.lat) || !Number.isFinite(r.lon)) continue;
    const lat = Math.round(r.lat * 1e4) / 1e4, lon = Math.round(r.lon * 1e4) / 1e4;
    const key = `${lat},${lon}`;
    const g = groups.get(key) || {lat, lon, place: null, country: null, events: 0, fatalities: 0, types: {}, ids: []};
    g.events += 1;
    const d = deaths(r);
    g.fatalities += Number.isFinite(d) ? d : 0;
    const t = r.type || "unknown";
    g.types[t] = (g.types[t] || 0) + 1;
    g.place = g.place || r.place || null;
    g.country = g.country || r.country || null;
    g.ids.push(id(r));
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    g.type = Object.entries(g.types).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  }
  return [...groups.values()].sort((a, b) => b.events - a.events || b.fatalities - a.fatalities);
}

// The bbox filter (west,south,east,north) that holds exactly one point's events: points are
// rounded to 4 decimals, so half a unit of that either side, with a little slack.
function pointBbox(point, pad = 0.0001) {
  const f = (x) => Number(x.toFixed(6));
  return [f(point.lon - pad), f(point.lat - pad), f(point.lon + pad), f(point.lat + pad)].join(",");
}

// The API's bbox for the visible map, clamped to the globe (a zoomed-out Leaflet view can
// reach past the antimeridian).
function boundsBbox(west, south, east, north) {
  const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
  const w = clamp(west, -180, 180), e = clamp(east, -180, 180);
  const s = clamp(south, -90, 90), n = clamp(north, -90, 90);
  return [w, s, e, n].map((x) => Number(x.toFixed(5))).join(",");
}

// A GeoJSON feature whose rings cross the antimeridian (Russia, Fiji) jumps from 180 to -180
// in longitude, which Leaflet draws as a band across the whole map: make each ring continuous
// instead (it then runs a little past 180). Returns a new feature.
function unwrapFeature(feature) {
  const ring = (points) => {
    let shift = 0;
    return points.map(([lon, lat], i) => {
      if (i > 0) {
        const previous = points[i - 1][0];
        if (lon - previous > 180) shift -= 360;
        else if (previous - lon > 180) shift += 360;
      }
      return [lon + shift, lat];
    });
  };
  const g = feature.geometry;
  if (!g) return feature;
  const coordinates = g.type === "Polygon" ? g.coordinates.map(ring)
    : g.type === "MultiPolygon" ? g.coordinates.map((polygon) => polygon.map(ring)) : g.coordinates;
  return {...feature, geometry: {...g, coordinates}};
}

// One line of text per event for a popup: "2026-01-18 ASSAULT: rebels → civilians (12 killed)".
// When the event's incident reconciles other reports to another figure, both are shown: the
// marker counts the incident's ("20 killed reported; incident best 25").
function popupLine(e) {
  const reconciled = e.incident_best != null && e.incident_best !== e.fatalities;
  const deaths = !e.fatalities ? "" : reconciled
    ? ` (${e.fatalities} killed reported; incident best ${e.incident_best})` : ` (${e.fatalities} killed)`;
  return `${e.event_date || "undated"} ${e.type || "?"}: ${e.actor || "?"} → ${e.target || "?"}${deaths}`;
}

// "Aleppo, SY: 2 events, 27 killed" (`noun`: what the point counts, events or incidents).
function pointSummary(p, noun = "event") {
  const where = `${p.place || "unnamed place"}${p.country ? `, ${p.country}` : ""}`;
  return `${where}: ${p.events} ${noun}${p.events === 1 ? "" : "s"}, ${p.fatalities} killed`;
}

// -- Leaflet ---------------------------------------------------------------------------------

let leafletMap = null;
let markerLayer = null;
let fittedOnce = false;

function mapEl(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

// The map with its country boundaries; resolves when the boundaries are drawn (or failed).
async function initMap() {
  if (typeof L === "undefined" || !document.querySelector("#map")) return;
  leafletMap = L.map("map", {renderer: L.svg(), minZoom: 1, maxZoom: 10, worldCopyJump: false,
                             zoomSnap: 0.5});
  leafletMap.attributionControl.setPrefix(false);
  leafletMap.attributionControl.addAttribution("Leaflet · boundaries: Natural Earth");
  leafletMap.setView([20, 10], 2);
  leafletMap.createPane("countries").style.zIndex = 350;  // under the markers' overlay pane
  markerLayer = L.layerGroup().addTo(leafletMap);
  try {
    const response = await fetch(BOUNDARIES);
    const world = await response.json();
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON({...countries, features: countries.features.map(unwrapFeature)}, {
      pane: "countries", interactive: false,
      style: {color: "#9a9a8f", weight: 0.6, fillColor: "#efece3", fillOpacity: 1},
    }).addTo(leafletMap);
  } catch (error) {
    const box = document.querySelector("#map-info");
    if (box) box.textContent = `map boundaries: ${error.message}`;
  }
}

// Replace the markers with these points; `onSelect(point)` runs on a marker's click.
// Options: `fit` the view to them, the markers' `className`, the colour legend's `legendTitle`,
// the `noun` the tooltips count.
function showPoints(points, onSelect, {fit = false, className = "event-marker",
                                       legendTitle = "colour: main event type", noun = "event"} = {}) {
  if (!leafletMap) return;
  markerLayer.clearLayers();
  leafletMap.closePopup();
  const top = Math.max(0, ...points.map((p) => p.fatalities || 0));
  const largest = maxRadius(points.length);
  // The smallest on top, so a big circle never hides a small one under it.
  const drawOrder = [...points].sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0));
  for (const p of drawOrder) {
    const marker = L.circleMarker([p.lat, p.lon], {
      className, radius: markerRadius(p.fatalities, top, largest),
      color: "#333", weight: 1, fillColor: typeColour(p.type), fillOpacity: 0.75,
    });
    marker.bindTooltip(mapEl("span", pointSummary(p, noun)), {direction: "top"});
    marker.on("click", () => { marker.closeTooltip(); onSelect(p); });
    marker.addTo(markerLayer);
    const node = marker.getElement();
    if (node) {
      node.setAttribute("data-place", p.place || "");
      node.setAttribute("data-events", String(p.events));
      node.setAttribute("data-fatalities", String(p.fatalities));
      node.setAttribute("data-type", p.type || "");
    }
  }
  drawLegend(points, top, largest, legendTitle);
  if ((fit || !fittedOnce) && points.length) {
    fittedOnce = true;
    const bounds = L.latLngBounds(points.map((p) => [p.lat, p.lon]));
    leafletMap.fitBounds(bounds.pad(0.2), {maxZoom: 6, animate: false});
  }
}

function drawLegend(points, top, largest, title) {
  const box = document.querySelector("#map-legend");
  if (!box) return;
  const colours = mapEl("div", null, "legend-types");
  colours.append(mapEl("span", title, "legend-title"));
  for (const t of typeLegend(points)) {
    const item = mapEl("span", null, "legend-type");
    const swatch = mapEl("i", null, "swatch");
    swatch.style.background = t.colour;  // CSSOM, which the page's CSP allows
    item.append(swatch, `${t.type} (${t.points})`);
    colours.append(item);
  }
  const sizes = mapEl("div", null, "legend-sizes");
  sizes.append(mapEl("span", "size: deaths", "legend-title"));
  for (const s of sizeLegend(top, largest)) {
    const item = mapEl("span", null, "legend-size");
    const d = Math.ceil(2 * s.radius + 2);
    const svgNode = document.createElementNS(MAP_SVG_NS, "svg");
    svgNode.setAttribute("width", d); svgNode.setAttribute("height", d);
    const circle = document.createElementNS(MAP_SVG_NS, "circle");
    for (const [k, v] of [["cx", d / 2], ["cy", d / 2], ["r", s.radius], ["class", "size-dot"]]) circle.setAttribute(k, v);
    svgNode.append(circle);
    item.append(svgNode, String(s.fatalities));
    sizes.append(item);
  }
  box.replaceChildren(colours, sizes);
}

// A popup at the point listing its events (from the table's answer), each with a link that
// opens the article with the event highlighted.
function openPlacePopup(point, events, total, openArticle) {
  openListPopup(point, pointSummary(point), events.map((e) => ({
    text: popupLine(e), cls: "open-article", href: `#article/${e.article_id}`, title: e.title || "",
    open: () => openArticle(e.article_id, e.event_id)})), total);
}

// A popup at the point: a heading and links [{text, cls, href, title, open}], at most
// POPUP_EVENTS of `total` (the table pages through the rest).
function openListPopup(point, heading, items, total) {
  if (!leafletMap) return;
  const box = mapEl("div", null, "place-popup");
  box.append(mapEl("strong", heading));
  const list = mapEl("ul");
  for (const item of items.slice(0, POPUP_EVENTS)) {
    const li = mapEl("li");
    const link = mapEl("a", item.text, item.cls);
    link.href = item.href;
    if (item.title) link.title = item.title;
    link.addEventListener("click", (event) => { event.preventDefault(); item.open(); });
    li.append(link);
    list.append(li);
  }
  box.append(list);
  if (total > POPUP_EVENTS) box.append(mapEl("p", `… ${total - POPUP_EVENTS} more in the table`));
  L.popup({maxWidth: 360, autoPanPadding: [20, 20]}).setLatLng([point.lat, point.lon])
    .setContent(box).openOn(leafletMap);
}

// The visible area as a bbox filter, or null when the map is not there.
function mapViewBbox() {
  if (!leafletMap) return null;
  const b = leafletMap.getBounds();
  return boundsBbox(b.getWest(), b.getSouth(), b.getEast(), b.getNorth());
}

function onMapMoved(handler) {
  if (leafletMap) leafletMap.on("moveend", handler);
}

// After the map's box was hidden (article view) Leaflet must measure it again.
function mapResized() {
  if (leafletMap) leafletMap.invalidateSize();
}
