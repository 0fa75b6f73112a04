"""Rows from a newsevents/1 document: pure functions, one per table, no database access.

Typed columns hold what queries filter on; `record` keeps the whole record dict. Events get
denormalised columns (day, place, coordinates, deaths) so the common queries read one table.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

Row = dict[str, Any]


def parse_day(value: Any) -> dt.date | None:
    """A date from 'YYYY-MM-DD' (or a date); None when absent or malformed."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def article_row(doc: dict[str, Any]) -> Row:
    """The article's own columns from the document's "article" block."""
    a = doc["article"]
    return {"title": a.get("title"), "outlet": a.get("outlet"),
            "published": parse_day(a.get("published")), "language": a.get("language"),
            "text": a.get("text") or "", "removed": list(a.get("removed") or [])}


def entity_rows(doc: dict[str, Any]) -> list[Row]:
    """One row per entity."""
    return [{"local_id": e["id"], "name": e["name"], "type": e.get("type"),
             "title": e.get("title"), "country": e.get("country"), "sector": e.get("sector"),
             "record": e} for e in doc.get("entities", [])]


def place_rows(doc: dict[str, Any]) -> list[Row]:
    """One row per place."""
    return [{"local_id": p["id"], "name": p["name"], "lat": p.get("lat"), "lon": p.get("lon"),
             "country": p.get("country"), "feature": p.get("feature"),
             "geonameid": p.get("geonameid"), "record": p} for p in doc.get("places", [])]


def date_rows(doc: dict[str, Any]) -> list[Row]:
    """One row per temporal expression."""
    return [{"local_id": d["id"], "text": d["text"], "value": d.get("value"),
             "date_from": parse_day(d.get("from")), "date_to": parse_day(d.get("to")),
             "record": d} for d in doc.get("dates", [])]


def quote_rows(doc: dict[str, Any]) -> list[Row]:
    """One row per quote."""
    return [{"local_id": q["id"], "text": q["text"], "kind": q.get("kind"),
             "speaker": q.get("speaker"), "cue": q.get("cue"), "record": q}
            for q in doc.get("quotes", [])]


def casualty_rows(doc: dict[str, Any]) -> list[Row]:
    """One row per casualty claim."""
    rows = []
    for c in doc.get("casualties", []):
        window = c.get("date") or {}
        rows.append({"local_id": c["id"], "kind": c["kind"], "low": c.get("low"),
                     "high": c.get("high"), "source": c.get("source"),
                     "place_local_id": c.get("place_id"),
                     "date_from": parse_day(window.get("from")),
                     "date_to": parse_day(window.get("to")),
                     "cumulative": bool(c.get("cumulative")), "record": c})
    return rows


def event_rows(doc: dict[str, Any]) -> list[Row]:
    """One row per event, with its day, place and deaths resolved from the document."""
    places = {p["id"]: p for p in doc.get("places", [])}
    claims = {c["id"]: c for c in doc.get("casualties", [])}
    published = parse_day(doc["article"].get("published"))
    rows = []
    for v in doc.get("events", []):
        place = places.get(v.get("place_id")) or {}
        actor, target = v.get("actor") or {}, v.get("target") or {}
        acled = v.get("acled") or {}
        window = v.get("date") or {}
        rows.append({
            "local_id": v["id"], "type": v["type"], "cameo": v.get("cameo"),
            "acled_event_type": acled.get("event_type"),
            "acled_sub_event_type": acled.get("sub_event_type"),
            "actor": actor.get("name"), "actor_country": actor.get("country"),
            "target": target.get("name"), "target_country": target.get("country"),
            "source": v.get("source"), "negated": bool(v.get("negated")),
            "hypothetical": bool(v.get("hypothetical")),
            "event_date": parse_day(window.get("from")) or published,
            "place": place.get("name"), "country": place.get("country"),
            "lat": place.get("lat"), "lon": place.get("lon"), "feature": place.get("feature"),
            "fatalities": event_fatalities(v, claims), "span_start": v.get("start"),
            "span_end": v.get("end"), "record": v,
        })
    return rows


def event_fatalities(event: dict[str, Any], claims: dict[str, dict[str, Any]]) -> int | None:
    """Deaths behind an event: the largest low figure of its linked killed claims.

    The largest, not the sum: two linked claims are usually two sources' tolls for the same
    attack, and ACLED counts the conservative figure once. Cumulative tolls ("the war has
    killed 500,000") are not this event's deaths.
    """
    lows = [claims[cid].get("low") for cid in event.get("casualty_ids") or []
            if cid in claims and claims[cid].get("kind") == "killed"
            and not claims[cid].get("cumulative")]
    lows = [n for n in lows if n is not None]
    return max(lows) if lows else None


RECORD_ROWS = {
    "entities": entity_rows, "places": place_rows, "dates": date_rows,
    "quotes": quote_rows, "casualties": casualty_rows, "events": event_rows,
}
