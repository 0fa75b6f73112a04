"""GET /incidents: deaths (or injuries...) reconciled across articles, low / best / high."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...model import CASUALTY_KINDS
from ...store.query import INCIDENT_COLUMNS, Filters, query_incidents
from ..claims import claims_behind
from ..params import (LIST_RESPONSES, BadParam, Page, Where, day_range, in_bbox,
                      number_test, page_params, paged, parse_bbox, respond, values)
from .events import country_codes

router = APIRouter(tags=["incidents"])


@router.get("/incidents", summary="Reconciled incidents (UCDP-style low / best / high)",
            responses=LIST_RESPONSES)
def list_incidents(
    request: Request,
    page: Page = Depends(page_params),
    kind: str = Query("killed", description="Claim kind(s); several with :OR:."),
    country: str | None = Query(None, description="ISO code or English name; :OR:."),
    event_date: str | None = Query(None, description="YYYY-MM-DD, or 'A|B' with event_date_where=BETWEEN."),
    event_date_where: Where | None = Query(None, description="=, >, >=, <, <= or BETWEEN."),
    fatalities: str | None = Query(None, description="On `best`: a number, or 'A|B' with fatalities_where=BETWEEN."),
    fatalities_where: Where | None = Query(None, description="=, >, >=, <, <= or BETWEEN."),
    near: str | None = Query(None, description="A place name in the corpus, or 'lat,lon'."),
    radius: float = Query(50.0, gt=0, le=20000, description="Radius around `near`, km."),
    bbox: str | None = Query(None, description="min_lon,min_lat,max_lon,max_lat."),
    claims: bool = Query(False, description="JSON only: add `claims`, every article's claim "
                                            "behind low / best / high."),
) -> Response:
    """Incidents, newest first, with the outlets and URLs behind each. With claims=true
    (JSON), `claims` lists every article's claim behind low / best / high."""
    kinds = tuple(values(kind)) or ("killed",)
    unknown = [k for k in kinds if k not in CASUALTY_KINDS]
    if unknown:
        raise BadParam(f"kind: unknown {', '.join(unknown)} (one of {', '.join(CASUALTY_KINDS)})")
    since, until = day_range(event_date, event_date_where, "event_date")
    deaths = number_test(fatalities, fatalities_where, "fatalities")
    box = parse_bbox(bbox)
    codes = country_codes(values(country)) if values(country) else None
    filters = Filters(country=next(iter(codes)) if codes and len(codes) == 1 else None,
                      near=near or None, radius_km=radius, since=since, until=until)
    try:
        rows = query_incidents(request.app.state.store, filters, kinds=kinds)
    except ValueError as error:
        raise BadParam(f"near: {error}") from None
    if codes and len(codes) > 1:
        rows = [r for r in rows if r.get("country") in codes]
    if deaths is not None:
        rows = [r for r in rows if deaths(r.get("best"))]
    if box is not None:
        rows = [r for r in rows if in_bbox(r, box)]
    rows_here, columns = paged(rows, page), INCIDENT_COLUMNS
    if claims:  # opt-in: the default columns stay the same in every format
        if page.format != "json":
            raise BadParam("claims: only with format=json (a list of claims has no CSV form)")
        columns = (*INCIDENT_COLUMNS, "claims")
        behind = claims_behind(request.app.state.store, [r["incident_id"] for r in rows_here])
        rows_here = [{**r, "claims": behind.get(r["incident_id"], [])} for r in rows_here]
    return respond(rows_here, len(rows), page, columns, "incidents")
