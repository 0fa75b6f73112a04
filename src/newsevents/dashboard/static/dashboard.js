// newsevents dashboard: a map of places (map.js), an events table with filters and a per-day
// timeline, an incidents table with the claims behind each reconciled number, and an article
// view with every extracted record highlighted at its span. Talks only to this server's API
// (same origin). The filters drive map, timeline and table together; a click on a marker
// narrows the table to that place.
// Deaths are counted once per reconciled incident (two outlets' tolls for one bombing are one
// incident): the timeline's line sums incidents' best figures, the map's markers use
// GET /events/points' incident-based `fatalities`, and the table shows each event's own
// report next to its incident's best.
// Article text comes from arbitrary web pages: it is only ever inserted with textContent.
"use strict";

const PAGE_SIZE = 100;
const TIMELINE_LIMIT = 5000;   // the API's largest page
const TIMELINE_PAGES = 4;      // at most 20,000 events drawn: beyond that, narrow the filters
const MAX_DAYS = 3660;         // gap-filling stops here (ten years of days)
const SVG_NS = "http" + "://www.w3.org/2000/svg";  // a namespace name, never fetched
const KINDS = {  // record kind -> [CSS class, legend label]
  quote: ["quote", "quote"], speaker: ["speaker", "speaker"], cue: ["cue", "cue"],
  place: ["place", "place"], date: ["date", "date"], entity: ["entity", "actor"],
  event: ["event", "event trigger"], casualty: ["casualty", "casualty figure"],
};
let page = 1;
let incidentPage = 1;
let currentTab = "events";
let selectedPoint = null;  // the map marker whose events (or incidents) the table shows
let tableRequest = 0;      // only the latest table answer is drawn (map moves can overlap)
const hasMap = () => typeof showPoints === "function";  // map.js and Leaflet are loaded

const $ = (sel) => document.querySelector(sel);
function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

// -- events table ----------------------------------------------------------------------

function eventQuery(limit = PAGE_SIZE, pageNo = page) {
  const form = new FormData($("#filters"));
  const q = new URLSearchParams({limit, page: pageNo});
  const since = form.get("since"), until = form.get("until");
  if (since && until) { q.set("event_date", `${since}|${until}`); q.set("event_date_where", "BETWEEN"); }
  else if (since) { q.set("event_date", since); q.set("event_date_where", ">="); }
  else if (until) { q.set("event_date", until); q.set("event_date_where", "<="); }
  for (const name of ["country", "event_type", "actor", "source", "text"]) {
    const value = (form.get(name) || "").trim();
    if (value) q.set(name, value);
  }
  const deaths = form.get("min_fatalities");
  if (deaths) { q.set("fatalities", deaths); q.set("fatalities_where", ">="); }
  return q;
}

async function getJSON(url) {
  const response = await fetch(url, {headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = Array.isArray(body.detail) ? body.detail.map((d) => d.msg).join("; ") : body.detail;
    throw new Error(detail || `HTTP ${response.status}`);
  }
  return body;
}

// A table's query narrowed to the selected place or (when ticked) the map view.
function narrowed(q) {
  if (selectedPoint && hasMap()) q.set("bbox", pointBbox(selectedPoint));
  else if (hasMap() && $("#map-bounds").checked) {
    const box = mapViewBbox();
    if (box) q.set("bbox", box);
  }
  return q;
}

// Draws this page of the table; resolves to the API's answer (null on error or when a later
// request overtook it).
async function loadEvents() {
  $("#status").textContent = "loading…";
  const mine = ++tableRequest;
  try {
    const body = await getJSON(`/events?${narrowed(eventQuery())}`);
    if (mine !== tableRequest) return null;
    const rows = $("#events tbody");
    rows.replaceChildren();
    for (const e of body.data) {
      const tr = el("tr", null, selectedPoint ? "selected" : undefined);
      tr.dataset.article = e.article_id;
      tr.dataset.event = e.event_id;
      for (const [key, cls] of [["event_date"], ["type"], ["acled_event_type"], ["actor"], ["target"],
                                 ["place"], ["country"], ["fatalities", "num"]]) {
        tr.append(el("td", e[key] ?? "", cls));
      }
      tr.append(reconciledCell(e));
      tr.append(el("td", e.outlet ?? ""));
      tr.addEventListener("click", () => openArticle(e.article_id, e.event_id));
      rows.append(tr);
    }
    const pages = Math.max(1, Math.ceil(body.total_count / PAGE_SIZE));
    $("#page-info").textContent = `page ${page} of ${pages} · ${body.total_count} events`;
    $("#prev").disabled = page <= 1;
    $("#next").disabled = page >= pages;
    $("#status").textContent = "";
    return body;
  } catch (error) {
    $("#status").textContent = `error: ${error.message}`;
    return null;
  }
}

// The incident's best figure for an event's deaths (empty when its deaths are in no incident).
function reconciledCell(e) {
  const td = el("td", e.incident_best ?? "", "num");
  if (e.incident_id != null) {
    td.title = `incident ${e.incident_id}: the best figure across every report of it`;
    td.dataset.incident = e.incident_id;
  }
  return td;
}

// -- map: one marker per place point; a click selects the place ----------------------------

// The open tab's points: events grouped by the server, or incidents (one per place) grouped here.
async function loadPoints({fit = false} = {}) {
  if (!hasMap()) return null;
  try {
    if (currentTab === "incidents") return await loadIncidentPoints(fit);
    const q = eventQuery();
    q.delete("limit");
    q.delete("page");
    const body = await getJSON(`/events/points?${q}`);
    showPoints(body.data, selectPoint, {fit});
    $("#map-info").textContent = `${body.total_count} places for ${body.events} events`
      + (body.unlocated ? ` · ${body.unlocated} events without coordinates are in the table only` : "");
    return body;
  } catch (error) {
    $("#map-info").textContent = `map: ${error.message}`;
    return null;
  }
}

async function loadIncidentPoints(fit) {
  const q = incidentQuery();
  q.delete("claims");
  q.delete("page");
  q.set("limit", 5000);
  q.set("fields", "incident_id|kind|best|place|country|lat|lon");
  const body = await getJSON(`/incidents?${q}`);
  // Sized by deaths only: a wounded toll must not swell a "killed" circle.
  const points = groupByPoint(body.data.map((i) => ({...i, type: i.kind})),
                              (i) => (i.kind === "killed" ? i.best : 0), (i) => i.incident_id);
  showPoints(points, selectPoint, {fit, className: "incident-marker", legendTitle: "colour: casualty kind",
                                   noun: "incident"});
  $("#map-info").textContent = `${points.length} places for ${body.total_count} incidents`;
  return body;
}

async function selectPoint(point) {
  selectedPoint = point;
  page = 1;
  incidentPage = 1;
  const incidents = currentTab === "incidents";
  $("#selection-name").textContent = pointSummary(point, incidents ? "incident" : "event");
  $("#selection").hidden = false;
  const body = await (incidents ? loadIncidents() : loadEvents());
  if (!body) return;
  if (!incidents) openPlacePopup(point, body.data, body.total_count, openArticle);
  else {
    openListPopup(point, pointSummary(point, "incident"), body.data.map((i) => ({
      text: incidentSummary(i), cls: "open-incident", href: "#", open: () => showIncident(i)})), body.total_count);
  }
}

function clearSelection() {
  selectedPoint = null;
  $("#selection").hidden = true;
}

function reloadTable() {  // page 1 of the open tab's table (selection or map view changed)
  page = 1;
  incidentPage = 1;
  return currentTab === "incidents" ? loadIncidents() : loadEvents();
}

// -- timeline: events per day (bars) and deaths per day from reconciled incidents (line) ---

function nextDay(day) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const dayOf = (value) => {  // "YYYY-MM-DD" of a date or date-time string, else null
  const day = typeof value === "string" ? value.slice(0, 10) : null;
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
};

// Does a reconciled incident count on the deaths line? Killed, not a running toll ("the war
// has killed 500,000" is no day's deaths), a best figure, and its window's start within the
// date filters (the API keeps incidents whose window only overlaps them).
function countsAsDeaths(i, since, until) {
  const day = dayOf(i.date_from);
  return i.kind === "killed" && !i.cumulative && Number.isFinite(i.best) && day !== null
    && (!since || day >= since) && (!until || day <= until);
}

// [{day, events, fatalities}] for every day from the first to the last dated event or
// incident (gaps as zeros, so the axis is linear in time). `events` per day counts events;
// `fatalities` sums the best figure of the reconciled incidents (GET /incidents) whose window
// starts that day, each incident once however many outlets reported it: never the events'
// own figures, which count one bombing once per report. Undated rows are left out.
function dailyCounts(events, incidents = [], {since = null, until = null} = {}) {
  const by = new Map();
  const slot = (day) => by.get(day) || by.set(day, {day, events: 0, fatalities: 0}).get(day);
  for (const e of events) {
    const day = dayOf(e.event_date);
    if (day) slot(day).events += 1;
  }
  for (const i of incidents) {
    if (countsAsDeaths(i, since, until)) slot(dayOf(i.date_from)).fatalities += i.best;
  }
  const days = [...by.keys()].sort();
  if (!days.length) return [];
  const out = [];
  for (let day = days[0]; day <= days[days.length - 1] && out.length < MAX_DAYS; day = nextDay(day)) {
    out.push(by.get(day) || {day, events: 0, fatalities: 0});
  }
  return out;
}

// Bars (events per day) and a line (fatalities per day) in a width x height box, each on its
// own scale; pure numbers, so it is testable without a browser.
function timelineGeometry(days, width, height, pad = 4) {
  const maxEvents = Math.max(1, ...days.map((d) => d.events));
  const maxDeaths = Math.max(1, ...days.map((d) => d.fatalities));
  const step = days.length ? (width - 2 * pad) / days.length : 0;
  const inner = height - 2 * pad;
  const bars = days.map((d, i) => {
    const h = (d.events / maxEvents) * inner;
    return {x: pad + i * step, y: height - pad - h, w: Math.max(step - 1, 0.5), h, day: d.day,
            events: d.events, fatalities: d.fatalities};
  });
  const line = days.map((d, i) => [pad + (i + 0.5) * step, height - pad - (d.fatalities / maxDeaths) * inner]);
  return {bars, line, maxEvents, maxDeaths};
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function svgTitle(text) {  // a tooltip, as text
  const node = document.createElementNS(SVG_NS, "title");
  node.textContent = text;
  return node;
}

function drawTimeline(days, note = "") {
  const box = $("#timeline");
  const width = Math.max(box.clientWidth || 800, 200), height = 120;
  const geo = timelineGeometry(days, width, height);
  const chart = svg("svg", {width, height, viewBox: `0 0 ${width} ${height}`, role: "img"});
  chart.append(svgTitle("Events (bars) and deaths in reconciled incidents (line) per day"));
  for (const b of geo.bars) {
    const rect = svg("rect", {x: b.x.toFixed(1), y: b.y.toFixed(1), width: b.w.toFixed(1),
                              height: b.h.toFixed(1), class: "bar"});
    rect.append(svgTitle(`${b.day}: ${b.events} events, ${b.fatalities} killed (reconciled incidents)`));
    chart.append(rect);
  }
  if (geo.line.length) {
    chart.append(svg("polyline", {points: geo.line.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" "),
                                  class: "deaths"}));
  }
  box.replaceChildren(chart);
  $("#timeline-info").textContent = days.length
    ? `${days[0].day} – ${days[days.length - 1].day} · most events in a day: ${geo.maxEvents}`
      + ` · most killed in a day: ${days.some((d) => d.fatalities) ? geo.maxDeaths : 0}${note}`
    : "no dated events";
}

// Every row of a list endpoint for the queries makeQuery(page) gives, at most TIMELINE_PAGES pages.
async function fetchAll(path, makeQuery) {
  const all = [];
  for (let n = 1; n <= TIMELINE_PAGES; n++) {
    const body = await getJSON(`${path}?${makeQuery(n)}`);
    all.push(...body.data);
    if (all.length >= body.total_count || !body.data.length) break;
  }
  return all;
}

// The filters the events have but incidents do not (type, actor, source, text).
function eventOnlyFilters() {
  const form = new FormData($("#filters"));
  return ["event_type", "actor", "source", "text"].filter((name) => (form.get(name) || "").trim());
}

// The incidents that hold the deaths of these events (their `incident_id`): under a filter
// incidents do not have ("Protests"), the line keeps the incidents of the events shown.
function linkedIncidents(incidents, events) {
  const ids = new Set(events.map((e) => e.incident_id).filter((id) => id != null));
  return incidents.filter((i) => ids.has(i.incident_id));
}

async function loadTimeline() {
  try {
    const narrowing = eventOnlyFilters();
    const [events, incidents] = await Promise.all([
      fetchAll("/events", (n) => {
        const q = eventQuery(TIMELINE_LIMIT, n);
        // the events' own deaths are not summed (see dailyCounts); their incidents are needed
        // only when the events are narrowed by what incidents lack
        q.set("fields", narrowing.length ? "event_date|incident_id" : "event_date");
        return q;
      }),
      fetchAll("/incidents", (n) => {
        const q = incidentFilters();
        q.set("limit", TIMELINE_LIMIT);
        q.set("page", n);
        q.set("fields", "incident_id|kind|best|cumulative|date_from");
        return q;
      }),
    ]);
    const form = new FormData($("#filters"));
    const counted = narrowing.length ? linkedIncidents(incidents, events) : incidents;
    drawTimeline(dailyCounts(events, counted, {since: form.get("since") || null, until: form.get("until") || null}),
                 narrowing.length ? " · deaths: the incidents of the events shown" : "");
  } catch (error) {
    $("#timeline-info").textContent = `timeline: ${error.message}`;
  }
}

// -- incidents ---------------------------------------------------------------------------

// The filters incidents have (dates, country, deaths on `best`), as GET /incidents takes them.
function incidentFilters() {
  const form = new FormData($("#filters"));
  const q = new URLSearchParams();
  const since = form.get("since"), until = form.get("until");
  if (since && until) { q.set("event_date", `${since}|${until}`); q.set("event_date_where", "BETWEEN"); }
  else if (since) { q.set("event_date", since); q.set("event_date_where", ">="); }
  else if (until) { q.set("event_date", until); q.set("event_date_where", "<="); }
  const country = (form.get("country") || "").trim();
  if (country) q.set("country", country);
  const deaths = form.get("min_fatalities");
  if (deaths) { q.set("fatalities", deaths); q.set("fatalities_where", ">="); }
  return q;
}

function incidentQuery() {
  const q = incidentFilters();
  q.set("limit", PAGE_SIZE);
  q.set("page", incidentPage);
  q.set("claims", "true");
  return q;
}

const numberRange = (low, high) => (high != null && high !== low ? `${low ?? "?"}–${high}` : `${low ?? "?"}`);

// One plain-text line per claim behind an incident, in the API's order (oldest article first).
function claimLines(incident) {
  return (incident.claims || []).map((c) => ({
    number: numberRange(c.low, c.high),
    source: c.source || "unattributed",
    outlet: c.outlet || "?",
    published: c.published || "",
    title: c.title || "(untitled)",
    sentence: c.sentence || "",
    article_id: c.article_id,
    local_id: c.local_id,
  }));
}

function incidentSummary(i) {
  return `${i.kind} ${i.low ?? "?"} / ${i.best ?? "?"} / ${i.high ?? "?"} (low / best / high)`
    + ` · ${i.place || "unknown place"}${i.country ? `, ${i.country}` : ""}`
    + ` · ${i.date_from || "?"}${i.date_to && i.date_to !== i.date_from ? ` – ${i.date_to}` : ""}`
    + ` · ${i.n_claims} claims in ${i.n_articles} articles`;
}

async function loadIncidents() {
  $("#status").textContent = "loading incidents…";
  try {
    const body = await getJSON(`/incidents?${narrowed(incidentQuery())}`);
    const rows = $("#incidents tbody");
    rows.replaceChildren();
    for (const i of body.data) {
      const tr = el("tr", null, selectedPoint ? "selected" : undefined);
      tr.dataset.incident = i.incident_id;
      for (const [key, cls] of [["date_from"], ["place"], ["country"], ["kind"], ["low", "num"],
                                 ["best", "num"], ["high", "num"], ["n_claims", "num"]]) {
        tr.append(el("td", i[key] ?? "", cls));
      }
      tr.append(el("td", (i.outlets || []).join(", ")));
      tr.addEventListener("click", () => showIncident(i));
      rows.append(tr);
    }
    const pages = Math.max(1, Math.ceil(body.total_count / PAGE_SIZE));
    $("#incident-info").textContent = `page ${incidentPage} of ${pages} · ${body.total_count} incidents`;
    $("#incident-prev").disabled = incidentPage <= 1;
    $("#incident-next").disabled = incidentPage >= pages;
    $("#status").textContent = "";
    return body;
  } catch (error) {
    $("#status").textContent = `error: ${error.message}`;
    return null;
  }
}

function showIncident(incident) {
  $("#incident-summary").textContent = incidentSummary(incident);
  const list = $("#claims");
  list.replaceChildren();
  for (const c of claimLines(incident)) {
    const li = el("li");
    li.append(el("strong", c.number), ` according to ${c.source} — ${c.outlet}`,
              c.published ? `, ${c.published}` : "", ": ");
    const link = el("a", c.title);
    link.href = `#article/${c.article_id}`;
    link.addEventListener("click", (event) => { event.preventDefault(); openArticle(c.article_id, null, c.local_id); });
    li.append(link);
    if (c.sentence) li.append(el("blockquote", c.sentence));
    list.append(li);
  }
  $("#incident-detail").hidden = false;
}

function showTab(name) {
  $("#events-view").hidden = name !== "events";
  $("#incidents-view").hidden = name !== "incidents";
  $("#article-view").hidden = true;
  $("#filters").hidden = false;
  $("#overview").hidden = false;  // the map serves both tabs; the timeline only events
  $("#timeline-box").hidden = name !== "events";
  $("#map-bounds-label").textContent = `Only ${name === "incidents" ? "incidents" : "events"} in map view`;
  for (const tab of document.querySelectorAll("#tabs button")) {
    tab.setAttribute("aria-selected", String(tab.dataset.tab === name));
  }
  currentTab = name;
  if (hasMap()) mapResized();  // its box may have been hidden
}

// Reload the open tab; `fit` zooms the map to the new points. Resolves when all is drawn.
function refresh({fit = false} = {}) {
  if (currentTab === "incidents") return Promise.all([loadIncidents(), loadPoints({fit})]);
  return Promise.all([loadEvents(), loadTimeline(), loadPoints({fit})]);
}

function newFilters() {  // the filter form changed: start over on page 1, no place selected
  page = 1;
  incidentPage = 1;
  clearSelection();
  refresh({fit: true});
}

// -- article view ----------------------------------------------------------------------

// Every highlighted span of a newsevents/1 document: {start, end, kind, rec} (rec: record id).
function spans(doc) {
  const out = [];
  const add = (start, end, kind, rec) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) out.push({start, end, kind, rec});
  };
  for (const q of doc.quotes || []) {
    add(q.start, q.end, "quote", q.id);
    add(q.speaker_start, q.speaker_end, "speaker", q.id);
    add(q.cue_start, q.cue_end, "cue", q.id);
  }
  for (const p of doc.places || []) {
    for (const [s, e] of (p.mentions || []).concat(p.embedded_mentions || [])) add(s, e, "place", p.id);
  }
  for (const x of doc.entities || []) for (const [s, e] of x.mentions || []) add(s, e, "entity", x.id);
  for (const d of doc.dates || []) add(d.start, d.end, "date", d.id);
  for (const c of doc.casualties || []) add(c.start, c.end, "casualty", c.id);
  for (const v of doc.events || []) add(v.trigger_start, v.trigger_end, "event", v.id);
  return out;
}

// The text cut at every span boundary; each piece marked with the kinds covering it.
function renderText(text, marks) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(Math.min(m.start, text.length)); cuts.add(Math.min(m.end, text.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const over = marks.filter((m) => m.start <= a && b <= m.end);
    if (!over.length) { frag.append(piece); continue; }
    const mark = el("mark", piece, over.map((m) => KINDS[m.kind][0]).join(" "));
    mark.dataset.recs = over.map((m) => m.rec).join(" ");
    mark.title = [...new Set(over.map((m) => KINDS[m.kind][1]))].join(", ");
    frag.append(mark);
  }
  return frag;
}

function flash(rec) {
  const marks = [...document.querySelectorAll("#article-text mark")]
    .filter((m) => m.dataset.recs.split(" ").includes(rec));
  document.querySelectorAll(".flash").forEach((m) => m.classList.remove("flash"));
  marks.forEach((m) => m.classList.add("flash"));
  if (marks.length) marks[0].scrollIntoView({block: "center", behavior: "smooth"});
}

function recordList(title, items, describe) {
  const box = document.createDocumentFragment();
  if (!items || !items.length) return box;
  box.append(el("h3", `${title} (${items.length})`));
  const list = el("ul");
  for (const item of items) {
    const li = el("li", describe(item));
    li.dataset.rec = item.id;
    li.addEventListener("click", () => flash(item.id));
    list.append(li);
  }
  box.append(list);
  return box;
}

function side(doc) {
  const places = Object.fromEntries((doc.places || []).map((p) => [p.id, p.name]));
  const range = (c) => (c.high != null && c.high !== c.low ? `${c.low}–${c.high}` : `${c.low ?? "?"}`);
  const aside = $("#records");
  aside.replaceChildren(
    recordList("Events", doc.events, (v) => `${v.type}${v.acled ? ` (${v.acled.event_type})` : ""}: `
      + `${v.actor?.name || "?"} → ${v.target?.name || "?"}`
      + `${v.place_id ? ` @ ${places[v.place_id] || v.place_id}` : ""}${v.date?.from ? `, ${v.date.from}` : ""}`),
    recordList("Casualties", doc.casualties, (c) => `${range(c)} ${c.kind}`
      + `${c.source ? ` — according to ${c.source}` : ""}${c.cumulative ? " (cumulative)" : ""}`),
    recordList("Quotes", doc.quotes, (q) => `${q.speaker || "unattributed"}: “${q.text}”`),
    recordList("Places", doc.places, (p) => `${p.name}${p.country ? `, ${p.country}` : ""}`
      + `${p.lat != null ? ` (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)})` : ""}`),
    recordList("Dates", doc.dates, (d) => `${d.text} = ${d.value || "?"}`),
    recordList("Actors", doc.entities, (x) => `${x.name} (${x.type || "?"})`),
  );
}

async function openArticle(id, eventId, recordId) {
  $("#status").textContent = "loading article…";
  try {
    const doc = await getJSON(`/articles/${encodeURIComponent(id)}`);
    const a = doc.article;
    $("#article-title").textContent = a.title || "(untitled)";
    $("#article-meta").textContent = [a.outlet, a.published, a.url].filter(Boolean).join(" · ");
    $("#article-text").replaceChildren(renderText(a.text || "", spans(doc)));
    side(doc);
    $("#events-view").hidden = true;
    $("#incidents-view").hidden = true;
    $("#filters").hidden = true;
    $("#overview").hidden = true;
    $("#article-view").hidden = false;
    $("#status").textContent = "";
    const local = eventId != null ? (doc.row_ids?.events || {})[eventId] : null;
    if (local || recordId) flash(local || recordId);
    history.replaceState(null, "", `#article/${id}`);
  } catch (error) {
    $("#status").textContent = `error: ${error.message}`;
  }
}

function legend() {
  const box = $("#legend");
  for (const [cls, label] of Object.values(KINDS)) box.append(el("span", label, cls));
}

document.addEventListener("DOMContentLoaded", () => {
  legend();
  const mapReady = typeof initMap === "function" ? initMap() : Promise.resolve();
  $("#filters").addEventListener("submit", (event) => { event.preventDefault(); newFilters(); });
  $("#filters").addEventListener("reset", () => { setTimeout(newFilters, 0); });
  $("#incident-prev").addEventListener("click", () => { incidentPage -= 1; loadIncidents(); });
  $("#incident-next").addEventListener("click", () => { incidentPage += 1; loadIncidents(); });
  $("#map-bounds").addEventListener("change", reloadTable);
  $("#clear-selection").addEventListener("click", () => { clearSelection(); reloadTable(); });
  if (hasMap()) onMapMoved(() => { if ($("#map-bounds").checked && !selectedPoint) reloadTable(); });
  for (const tab of document.querySelectorAll("#tabs button")) {
    tab.addEventListener("click", () => { clearSelection(); showTab(tab.dataset.tab); refresh({fit: true}); });
  }
  $("#prev").addEventListener("click", () => { page -= 1; loadEvents(); });
  $("#next").addEventListener("click", () => { page += 1; loadEvents(); });
  $("#back").addEventListener("click", () => { showTab(currentTab); history.replaceState(null, "", "#"); });
  const match = location.hash.match(/^#article\/(\d+)$/);
  // Tests and screenshots wait for body[data-loaded="true"] (or this promise).
  window.newseventsReady = Promise.all([mapReady, loadEvents(), loadTimeline(), loadPoints({fit: true})])
    .then(() => { document.body.dataset.loaded = "true"; });
  if (match) openArticle(Number(match[1]));
});
