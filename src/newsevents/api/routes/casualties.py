"""GET /casualties: every casualty claim (who reported how many killed, injured...)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...store import schema
from ..listing import ARTICLE_COLUMNS, any_equal, any_like, article_filter_params, listing
from ..params import LIST_RESPONSES, Page, Where, day_range, page_params, respond

router = APIRouter(tags=["casualties"])
c = schema.casualties
COLUMNS = {"casualty_id": c.c.id, "article_id": c.c.article_id, "local_id": c.c.local_id,
           "kind": c.c.kind, "low": c.c.low, "high": c.c.high, "source": c.c.source,
           "date_from": c.c.date_from, "date_to": c.c.date_to, "cumulative": c.c.cumulative,
           **{("article_" + k if k == "source" else k): v for k, v in ARTICLE_COLUMNS.items()}}


@router.get("/casualties", summary="Casualty claims, with their sources",
            responses=LIST_RESPONSES)
def list_casualties(request: Request, page: Page = Depends(page_params),
                    article: list[Any] = Depends(article_filter_params),
                    kind: str | None = Query(None, description="killed, wounded, missing...; :OR:."),
                    reported_by: str | None = Query(None, description="Part of the claim's source; :OR:."),
                    event_date: str | None = Query(None, description="YYYY-MM-DD, or 'A|B' with event_date_where=BETWEEN."),
                    event_date_where: Where | None = Query(None, description="=, >, >=, <, <= or BETWEEN."),
                    include_cumulative: bool = Query(True, description="Keep cumulative tolls."),
                    ) -> Response:
    """Casualty claims, newest first."""
    since, until = day_range(event_date, event_date_where, "event_date")
    conditions = [*article, *any_equal(c.c.kind, kind), *any_like(c.c.source, reported_by)]
    if since:
        conditions.append(c.c.date_to >= since)
    if until:
        conditions.append(c.c.date_from <= until)
    if not include_cumulative:
        conditions.append(c.c.cumulative.is_(False))
    rows, total = listing(request.app.state.store, c, COLUMNS, conditions, page,
                          order=[c.c.date_from.desc().nulls_last()])
    return respond(rows, total, page, (*COLUMNS, "timestamp"), "casualties")
