"""GET /events/points: the filtered events grouped by place point, for the dashboard's map.

Takes the same filters as GET /events (it reuses `filtered_events`) and answers one entry per
coordinate point: how many events, how many killed, the dominant PLOVER type and the count
per type, and (up to MAX_IDS of) the event ids, so 10,000 events stay a few hundred markers.
Events without coordinates are counted in the `X-Unlocated-Count` header, not dropped
silently. `format=geojson` gives a FeatureCollection of Points with the same properties.

Deaths are counted once per incident: two outlets' reports of one bombing (20 and 25 killed)
are two events but one reconciled incident (best 25), so `fatalities` is the sum of the
incidents' best figures over the distinct incidents linked to the point's events, plus the
own figure of events whose deaths are in no incident (e.g. near-duplicate copies, kept with
include_duplicates). `reported_fatalities` is the plain sum of the events' figures (what
GDELT-style counting would show).
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from ... import export
from ...store.query import event_incidents
from ..params import LIST_RESPONSES
from .events import EventFilters, filtered_events

router = APIRouter(tags=["events"])

COLUMNS = ("lat", "lon", "place", "country", "events", "fatalities", "reported_fatalities",
           "type", "types", "event_ids")
MAX_IDS = 200
# Coordinates are grouped at 4 decimals (about 11 m): the gazetteer gives one point per
# place, and rounding keeps float noise from splitting it.
DECIMALS = 4
UNTYPED = "unknown"


def point_key(row: dict[str, Any]) -> tuple[float, float] | None:
    """The rounded (lat, lon) of an event, or None when it has no coordinates."""
    lat, lon = row.get("lat"), row.get("lon")
    if lat is None or lon is None:
        return None
    return round(float(lat), DECIMALS), round(float(lon), DECIMALS)


def dominant(counts: Counter) -> str:
    """The most frequent type; ties go to the alphabetically first, so answers are stable."""
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def deaths_once(members: Iterable[dict[str, Any]],
                links: dict[int, dict[int, int | None]]) -> int:
    """Deaths of a group of events, each incident counted once.

    `links` maps an event id to its incidents ({incident id: best}); an event with none
    counts its own figure (claims not reconciled, e.g. a near-duplicate copy's).
    """
    incidents: dict[int, int | None] = {}
    unlinked = 0
    for row in members:
        linked = links.get(row["event_id"])
        if linked:
            incidents.update(linked)
        else:
            unlinked += row.get("fatalities") or 0
    return sum(best or 0 for best in incidents.values()) + unlinked


def aggregate(rows: Iterable[dict[str, Any]], max_ids: int = MAX_IDS,
              links: dict[int, dict[int, int | None]] | None = None
              ) -> tuple[list[dict[str, Any]], int]:
    """(points, unlocated): one entry per point, most events first; events without coordinates.

    `links` ({event id: {incident id: best}}, from `store.query.event_incidents`) makes
    `fatalities` count each incident once; without it every event counts its own figure.
    """
    groups: dict[tuple[float, float], list[dict[str, Any]]] = {}
    unlocated = 0
    for row in rows:
        key = point_key(row)
        if key is None:
            unlocated += 1
        else:
            groups.setdefault(key, []).append(row)
    points = []
    for (lat, lon), members in groups.items():
        types = Counter(r.get("type") or UNTYPED for r in members)
        names = Counter(r.get("place") for r in members if r.get("place"))
        countries = Counter(r.get("country") for r in members if r.get("country"))
        points.append({
            "lat": lat, "lon": lon,
            "place": dominant(names) if names else None,
            "country": dominant(countries) if countries else None,
            "events": len(members),
            "fatalities": deaths_once(members, links or {}),
            "reported_fatalities": sum(r.get("fatalities") or 0 for r in members),
            "type": dominant(types), "types": dict(sorted(types.items())),
            "event_ids": [r["event_id"] for r in members[:max_ids]],
        })
    points.sort(key=lambda p: (-p["events"], -p["fatalities"], p["place"] or "", p["lat"], p["lon"]))
    return points, unlocated


@router.get("/events/points", summary="Filtered events grouped by place point (for a map)",
            responses=LIST_RESPONSES)
def event_points(
    request: Request,
    filters: EventFilters = Depends(),
    limit: int = Query(5000, ge=1, le=50000, description="At most this many points (busiest first)."),
    format: Literal["json", "geojson"] = Query("json", description="json (ACLED-style envelope) or geojson."),
) -> Response:
    """One entry per coordinate point of the filtered events: events, deaths, dominant
    PLOVER type, counts per type and the first event ids (at most 200).

    `fatalities` counts deaths once per reconciled incident (GET /incidents, kind killed,
    not running tolls): the sum of the best figures of the distinct incidents whose claims
    belong to the point's events, plus the own figure of events whose deaths are in no
    incident. Two outlets' tolls for one bombing (20 and 25) give 25, not 45.
    `reported_fatalities` is the plain sum of the events' own figures (each report counted)."""
    rows = filtered_events(request.app.state.store, filters)
    located = [r["event_id"] for r in rows if point_key(r) is not None]
    points, unlocated = aggregate(rows, links=event_incidents(request.app.state.store, located))
    shown = points[:limit]
    headers = {"X-Total-Count": str(len(points)), "X-Unlocated-Count": str(unlocated)}
    if format == "geojson":
        out = io.StringIO()
        export.to_geojson(shown, COLUMNS, out)
        return Response(out.getvalue(), media_type="application/geo+json", headers=headers)
    body = {"status": 200, "success": True, "count": len(shown), "total_count": len(points),
            "limit": limit, "events": len(rows), "unlocated": unlocated, "data": shown}
    return JSONResponse(json.loads(json.dumps(body, default=str)), headers=headers)
