// newsevents dashboard: an events table with filters, and an article view with every
// extracted record highlighted at its span. Talks only to this server's API (same origin).
// Article text comes from arbitrary web pages: it is only ever inserted with textContent.
"use strict";

const PAGE_SIZE = 100;
const KINDS = {  // record kind -> [CSS class, legend label]
  quote: ["quote", "quote"], speaker: ["speaker", "speaker"], cue: ["cue", "cue"],
  place: ["place", "place"], date: ["date", "date"], entity: ["entity", "actor"],
  event: ["event", "event trigger"], casualty: ["casualty", "casualty figure"],
};
let page = 1;

const $ = (sel) => document.querySelector(sel);
function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

// -- events table ----------------------------------------------------------------------

function eventQuery() {
  const form = new FormData($("#filters"));
  const q = new URLSearchParams({limit: PAGE_SIZE, page});
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

async function loadEvents() {
  $("#status").textContent = "loading…";
  try {
    const body = await getJSON(`/events?${eventQuery()}`);
    const rows = $("#events tbody");
    rows.replaceChildren();
    for (const e of body.data) {
      const tr = el("tr");
      tr.dataset.article = e.article_id;
      tr.dataset.event = e.event_id;
      for (const [key, cls] of [["event_date"], ["type"], ["acled_event_type"], ["actor"], ["target"],
                                 ["place"], ["country"], ["fatalities", "num"], ["outlet"]]) {
        tr.append(el("td", e[key] ?? "", cls));
      }
      tr.addEventListener("click", () => openArticle(e.article_id, e.event_id));
      rows.append(tr);
    }
    const pages = Math.max(1, Math.ceil(body.total_count / PAGE_SIZE));
    $("#page-info").textContent = `page ${page} of ${pages} · ${body.total_count} events`;
    $("#prev").disabled = page <= 1;
    $("#next").disabled = page >= pages;
    $("#status").textContent = "";
  } catch (error) {
    $("#status").textContent = `error: ${error.message}`;
  }
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
  for (const p of doc.places || []) for (const [s, e] of p.mentions || []) add(s, e, "place", p.id);
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

async function openArticle(id, eventId) {
  $("#status").textContent = "loading article…";
  try {
    const doc = await getJSON(`/articles/${encodeURIComponent(id)}`);
    const a = doc.article;
    $("#article-title").textContent = a.title || "(untitled)";
    $("#article-meta").textContent = [a.outlet, a.published, a.url].filter(Boolean).join(" · ");
    $("#article-text").replaceChildren(renderText(a.text || "", spans(doc)));
    side(doc);
    $("#events-view").hidden = true;
    $("#article-view").hidden = false;
    $("#status").textContent = "";
    const local = eventId != null ? (doc.row_ids?.events || {})[eventId] : null;
    if (local) flash(local);
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
  $("#filters").addEventListener("submit", (event) => { event.preventDefault(); page = 1; loadEvents(); });
  $("#filters").addEventListener("reset", () => { page = 1; setTimeout(loadEvents, 0); });
  $("#prev").addEventListener("click", () => { page -= 1; loadEvents(); });
  $("#next").addEventListener("click", () => { page += 1; loadEvents(); });
  $("#back").addEventListener("click", () => {
    $("#article-view").hidden = true; $("#events-view").hidden = false; history.replaceState(null, "", "#");
  });
  const match = location.hash.match(/^#article\/(\d+)$/);
  loadEvents();
  if (match) openArticle(Number(match[1]));
});
