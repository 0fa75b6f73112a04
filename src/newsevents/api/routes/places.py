"""GET /places: the places articles name, geocoded (bbox and country filters)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...store import schema
from ..listing import ARTICLE_COLUMNS, any_equal, any_like, article_filter_params, listing
from ..params import LIST_RESPONSES, Page, page_params, parse_bbox, respond, values
from .events import country_codes

router = APIRouter(tags=["places"])
p = schema.places
COLUMNS = {"place_id": p.c.id, "article_id": p.c.article_id, "local_id": p.c.local_id,
           "name": p.c.name, "lat": p.c.lat, "lon": p.c.lon, "country": p.c.country,
           "feature": p.c.feature, "geonameid": p.c.geonameid, **ARTICLE_COLUMNS}


@router.get("/places", summary="Places named in articles",
            responses=LIST_RESPONSES)
def list_places(request: Request, page: Page = Depends(page_params),
                article: list[Any] = Depends(article_filter_params),
                name: str | None = Query(None, description="Part of the place name; :OR:."),
                country: str | None = Query(None, description="ISO code or name; :OR:."),
                feature: str | None = Query(None, description="city, admin, country, district, other; :OR:."),
                bbox: str | None = Query(None, description="min_lon,min_lat,max_lon,max_lat."),
                ) -> Response:
    """Places, in article order."""
    conditions = [*article, *any_like(p.c.name, name), *any_equal(p.c.feature, feature)]
    if values(country):
        conditions.append(p.c.country.in_(sorted(country_codes(values(country)))))
    box = parse_bbox(bbox)
    if box:
        conditions += [p.c.lon.between(box[0], box[2]), p.c.lat.between(box[1], box[3])]
    rows, total = listing(request.app.state.store, p, COLUMNS, conditions, page,
                          order=[p.c.article_id])
    return respond(rows, total, page, (*COLUMNS, "timestamp"), "places")
