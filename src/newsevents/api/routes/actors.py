"""GET /actors: the people, organisations and groups articles name (their entities)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...store import schema
from ..listing import ARTICLE_COLUMNS, any_equal, any_like, article_filter_params, listing
from ..params import LIST_RESPONSES, Page, page_params, respond, values
from .events import country_codes

router = APIRouter(tags=["actors"])
e = schema.entities
COLUMNS = {"actor_id": e.c.id, "article_id": e.c.article_id, "local_id": e.c.local_id,
           "name": e.c.name, "type": e.c.type, "title": e.c.title, "country": e.c.country,
           "sector": e.c.sector, "outlet": ARTICLE_COLUMNS["outlet"],
           "url": ARTICLE_COLUMNS["url"], "published": ARTICLE_COLUMNS["published"]}


@router.get("/actors", summary="Actors (entities) named in articles",
            responses=LIST_RESPONSES)
def list_actors(request: Request, page: Page = Depends(page_params),
                article: list[Any] = Depends(article_filter_params),
                name: str | None = Query(None, description="Part of the name; :OR:."),
                type: str | None = Query(None, description="PERSON, ORG, GROUP...; :OR:."),
                country: str | None = Query(None, description="ISO code or name; :OR:."),
                sector: str | None = Query(None, description="Sector (government, military...); :OR:."),
                ) -> Response:
    """Actors, in article order."""
    conditions = [*article, *any_like(e.c.name, name), *any_equal(e.c.type, type, upper=True),
                  *any_equal(e.c.sector, sector)]
    if values(country):
        conditions.append(e.c.country.in_(sorted(country_codes(values(country)))))
    rows, total = listing(request.app.state.store, e, COLUMNS, conditions, page,
                          order=[e.c.article_id])
    return respond(rows, total, page, (*COLUMNS, "timestamp"), "actors")
