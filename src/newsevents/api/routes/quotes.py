"""GET /quotes: who said what, with the article each quote is from."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...store import schema
from ..listing import ARTICLE_COLUMNS, any_equal, any_like, article_filter_params, listing
from ..params import LIST_RESPONSES, Page, page_params, respond

router = APIRouter(tags=["quotes"])
q = schema.quotes
COLUMNS = {"quote_id": q.c.id, "article_id": q.c.article_id, "local_id": q.c.local_id,
           "text": q.c.text, "kind": q.c.kind, "speaker": q.c.speaker, "cue": q.c.cue,
           **ARTICLE_COLUMNS}


@router.get("/quotes", summary="Quotes and their speakers",
            responses=LIST_RESPONSES)
def list_quotes(request: Request, page: Page = Depends(page_params),
                article: list[Any] = Depends(article_filter_params),
                speaker: str | None = Query(None, description="Part of the speaker's name; :OR:."),
                text: str | None = Query(None, description="Words in the quote; :OR:."),
                kind: str | None = Query(None, description="direct, partial or indirect; :OR:."),
                ) -> Response:
    """Quotes, newest articles first."""
    conditions = [*article, *any_like(q.c.speaker, speaker), *any_like(q.c.text, text),
                  *any_equal(q.c.kind, kind)]
    rows, total = listing(request.app.state.store, q, COLUMNS, conditions, page,
                          order=[schema.articles.c.published.desc().nulls_last()])
    return respond(rows, total, page, (*COLUMNS, "timestamp"), "quotes")
