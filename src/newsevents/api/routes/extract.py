"""POST /extract: the pipeline on one posted article, answered as newsevents/1; stores nothing."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from ..extraction import ArticleIn

router = APIRouter(tags=["extract"])


@router.post("/extract", summary="Extract events from a posted article (newsevents/1)",
             responses={400: {"description": "Empty, malformed or not English"},
                        413: {"description": "Body larger than the limit"},
                        422: {"description": "Not a JSON article object"},
                        429: {"description": "Every extraction slot is busy"},
                        503: {"description": "Extraction took longer than the limit"}})
def extract(payload: ArticleIn, request: Request) -> JSONResponse:
    """Run the whole pipeline on the article; nothing is written anywhere."""
    extractor = request.app.state.extractor
    return JSONResponse(extractor.run(extractor.article(payload)))
