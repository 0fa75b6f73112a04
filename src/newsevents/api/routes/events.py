"""GET /events: the corpus's events with `newsevents query`'s filters, ACLED-API style.

Single values go to SQL through `store.query.query_events`; several values (`:OR:`), bbox,
fatalities operators and `timestamp` are applied to its rows here. `export_type=dyadic`
(default) gives one row per event, `monadic` one row per actor (actor and target each).

`fatalities` is the event's own report (the largest figure of its killed claims): two
outlets' reports of one attack are two events with two figures. `incident_id` and
`incident_best` name the reconciled incident (GET /incidents) the event's deaths belong to,
so a reader can count each incident once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...countries import country_of_name
from ...store import schema
from ...store.query import EVENT_COLUMNS, Filters, event_incidents, query_events
from ..params import (LIST_RESPONSES, BadParam, Page, Where, day_range, in_bbox,
                      number_test, page_params, paged, parse_bbox, parse_timestamp, respond, values)

router = APIRouter(tags=["events"])

COLUMNS = (*EVENT_COLUMNS, "timestamp", "incident_id", "incident_best")
INCIDENT_FIELDS = ("incident_id", "incident_best")
MONADIC_COLUMNS = (*(c for c in COLUMNS if c not in ("actor", "actor_country", "target",
                                                     "target_country")),
                   "actor", "actor_country", "role")


def country_codes(raw: list[str]) -> set[str]:
    """ISO alpha-2 codes from codes or English names."""
    codes = set()
    for value in raw:
        code = value.upper() if len(value) == 2 and value.isalpha() else country_of_name(value)
        if code is None:
            raise BadParam(f"country: unknown country {value!r}")
        codes.add(code)
    return codes


def type_matches(row: dict[str, Any], wanted: str) -> bool:
    """PLOVER type, ACLED event type or sub-event type, as `query --type` matches them."""
    w = wanted.strip().lower()
    return (row.get("type") or "").lower() == w or (row.get("acled_event_type") or "").lower() == w \
        or (row.get("acled_sub_event_type") or "").lower() == w


def actor_matches(row: dict[str, Any], who: str) -> bool:
    """Part of the actor's or target's name, or (upper-case ISO code) their country."""
    w = who.strip()
    if len(w) == 2 and w.isalpha() and w.isupper() and w in (row.get("actor_country"),
                                                           row.get("target_country")):
        return True
    return any(w.lower() in (row.get(k) or "").lower() for k in ("actor", "target"))


def timestamps(store: Any, article_ids: set[int]) -> dict[int, int]:
    """Unix seconds at which each article was (last) processed."""
    a = schema.articles
    found: dict[int, int] = {}
    ids = sorted(article_ids)
    with store.engine.connect() as conn:
        for start in range(0, len(ids), 500):
            for row in conn.execute(sa.select(a.c.id, a.c.processed_at)
                                    .where(a.c.id.in_(ids[start:start + 500]))):
                found[row.id] = int(row.processed_at.replace(
                    tzinfo=dt.timezone.utc).timestamp())
    return found


def with_incidents(store: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with `incident_id` and `incident_best`: the reconciled killed incident that
    holds the event's claims (None when there is none). An event whose claims fell into
    several incidents takes the deadliest, as its `fatalities` takes the largest figure."""
    links = event_incidents(store, [r["event_id"] for r in rows])
    out = []
    for row in rows:
        linked = links.get(row["event_id"])
        incident = max(linked.items(), key=lambda item: (item[1] or 0, -item[0])) if linked else None
        out.append({**row, "incident_id": incident[0] if incident else None,
                    "incident_best": incident[1] if incident else None})
    return out


def monadic(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per actor: the event's actor (role "actor") and its target (role "target")."""
    out = []
    for row in rows:
        for role, name, country in (("actor", row.get("actor"), row.get("actor_country")),
                                    ("target", row.get("target"), row.get("target_country"))):
            if name:
                out.append({**row, "actor": name, "actor_country": country, "role": role})
    return out


@dataclass
class EventFilters:
    """The filters of GET /events and /events/points (one FastAPI dependency for both)."""

    country: str | None = Query(None, description="ISO code or English name; several with :OR:.")
    event_date: str | None = Query(None, description="YYYY-MM-DD, or 'A|B' with event_date_where=BETWEEN.")
    event_date_where: Where | None = Query(None, description="=, >, >=, <, <= or BETWEEN.")
    event_type: str | None = Query(None, description="PLOVER type, ACLED event or sub-event type; :OR:.")
    actor: str | None = Query(None, description="Part of an actor's or target's name, or ISO country; :OR:.")
    source: str | None = Query(None, description="Outlet, URL host or reporting source.")
    fatalities: str | None = Query(None, description="A number, or 'A|B' with fatalities_where=BETWEEN.")
    fatalities_where: Where | None = Query(None, description="=, >, >=, <, <= or BETWEEN.")
    text: str | None = Query(None, description="Words in the article's title or text.")
    near: str | None = Query(None, description="A place name in the corpus, or 'lat,lon'.")
    radius: float = Query(50.0, gt=0, le=20000, description="Radius around `near`, km.")
    bbox: str | None = Query(None, description="min_lon,min_lat,max_lon,max_lat.")
    timestamp: str | None = Query(None, description="Only articles processed at/after this (Unix s or ISO).")
    include_duplicates: bool = Query(False, description="Keep near-duplicate copies.")


def filtered_events(store: Any, f: EventFilters) -> list[dict[str, Any]]:
    """Every event matching the API filters, newest first, with its `timestamp`."""
    countries, types, actors = values(f.country), values(f.event_type), values(f.actor)
    since, until = day_range(f.event_date, f.event_date_where, "event_date")
    deaths = number_test(f.fatalities, f.fatalities_where, "fatalities")
    box, moment = parse_bbox(f.bbox), parse_timestamp(f.timestamp)
    codes = country_codes(countries) if countries else None
    filters = Filters(country=next(iter(codes)) if codes and len(codes) == 1 else None,
                      near=f.near or None, radius_km=f.radius, since=since, until=until,
                      event_type=types[0] if len(types) == 1 else None,
                      actor=actors[0] if len(actors) == 1 else None, source=f.source or None,
                      text=f.text or None, include_duplicates=f.include_duplicates)
    try:
        rows = query_events(store, filters)
    except ValueError as error:  # an unknown place for `near`
        raise BadParam(f"near: {error}") from None
    if codes and len(codes) > 1:
        rows = [r for r in rows if r.get("country") in codes]
    if len(types) > 1:
        rows = [r for r in rows if any(type_matches(r, t) for t in types)]
    if len(actors) > 1:
        rows = [r for r in rows if any(actor_matches(r, a) for a in actors)]
    if deaths is not None:
        rows = [r for r in rows if deaths(r.get("fatalities"))]
    if box is not None:
        rows = [r for r in rows if in_bbox(r, box)]
    stamps = timestamps(store, {r["article_id"] for r in rows})
    for row in rows:
        row["timestamp"] = stamps.get(row["article_id"])
    if moment is not None:
        floor = int(moment.replace(tzinfo=dt.timezone.utc).timestamp())
        rows = [r for r in rows if (r["timestamp"] or 0) >= floor]
    return rows


@router.get("/events", summary="Events, filtered ACLED-API style",
            responses=LIST_RESPONSES)
def list_events(
    request: Request,
    page: Page = Depends(page_params),
    filters: EventFilters = Depends(),
    export_type: Literal["dyadic", "monadic"] = Query("dyadic", description="One row per event, or per actor."),
) -> Response:
    """Events of the corpus (one row per event, or per actor with export_type=monadic).

    `fatalities` is each event's own report, so two outlets' reports of one attack count
    their deaths twice if summed. `incident_id` / `incident_best`: the reconciled incident
    (GET /incidents, kind killed) holding the event's casualty claims and its best figure;
    sum `incident_best` over distinct `incident_id` to count deaths once."""
    rows = filtered_events(request.app.state.store, filters)
    columns = COLUMNS
    if export_type == "monadic":
        rows, columns = monadic(rows), MONADIC_COLUMNS
    here = paged(rows, page)
    if any(c in INCIDENT_FIELDS for c in page.columns(columns)):  # only this page's rows
        here = with_incidents(request.app.state.store, here)
    return respond(here, len(rows), page, columns, "events")
