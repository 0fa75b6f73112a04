"""Articles: GET /articles (list), GET /articles/{id} (its newsevents/1 document with the
evidence spans), and POST /articles (ingest one article; needs the operator's API token).

Without a configured token POST /articles is off (403 "disabled"); with one, a request must
send it as `Authorization: Bearer <token>` or `X-API-Token`, else 401.
"""

from __future__ import annotations

import hmac
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from ...store import ArticleKey, canonical_url, content_hash, schema
from ..extraction import ArticleIn
from ..listing import any_like, article_filter_params, listing
from ..params import LIST_RESPONSES, Page, page_params, respond

router = APIRouter(tags=["articles"])
a = schema.articles
COLUMNS = {"article_id": a.c.id, "title": a.c.title, "outlet": a.c.outlet, "host": a.c.host,
           "url": a.c.url_raw, "published": a.c.published, "language": a.c.language,
           "story_id": a.c.story_id, "duplicate_of": a.c.duplicate_of}


@router.get("/articles", summary="Stored articles",
            responses=LIST_RESPONSES)
def list_articles(request: Request, page: Page = Depends(page_params),
                  article: list[Any] = Depends(article_filter_params),
                  text: str | None = Query(None, description="Words in the title or text; :OR:."),
                  include_duplicates: bool = Query(True, description="Keep near-duplicate copies."),
                  ) -> Response:
    """Articles, newest first (metadata only; the text is in /articles/{id})."""
    conditions = [*article]
    if text:
        conditions.append(sa.or_(*any_like(a.c.title, text), *any_like(a.c.text, text)))
    if not include_duplicates:
        conditions.append(a.c.duplicate_of.is_(None))
    rows, total = listing(request.app.state.store, a, COLUMNS, conditions, page,
                          order=[a.c.published.desc().nulls_last()])
    return respond(rows, total, page, (*COLUMNS, "timestamp"), "articles")


@router.get("/articles/{article_id}", summary="One article as newsevents/1",
            responses={404: {"description": "No such article"}})
def get_article(article_id: int, request: Request) -> JSONResponse:
    """The stored document: clean text plus every record with its character spans, and
    `row_ids.events`, the local id of each event row that /events lists."""
    store = request.app.state.store
    with store.engine.connect() as conn:
        found = conn.execute(sa.select(a.c.id).where(a.c.id == article_id)).first()
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    document = store.document(article_id)
    document["article"]["id"] = article_id
    # Which stored row is which record (GET /events gives row ids, the document local ids).
    e = schema.events
    with store.engine.connect() as conn:
        document["row_ids"] = {"events": {str(row.id): row.local_id for row in conn.execute(
            sa.select(e.c.id, e.c.local_id).where(e.c.article_id == article_id))}}
    return JSONResponse(document)


def _check_token(request: Request) -> None:
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "POST /articles is disabled: the operator set no API token "
                                 "(NEWSEVENTS_API_TOKEN or serve --token)")
    header = request.headers.get("authorization", "")
    given = header[7:].strip() if header.lower().startswith("bearer ") else \
        request.headers.get("x-api-token", "")
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong API token", headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", status_code=201, summary="Ingest one article (needs the API token)",
             responses={200: {"description": "Already stored"},
                        400: {"description": "Empty, malformed or not English"},
                        401: {"description": "Missing or wrong token"},
                        403: {"description": "Ingest is disabled (no token configured)"},
                        413: {"description": "Body larger than the limit"}})
def post_article(payload: ArticleIn, request: Request) -> JSONResponse:
    """Run the pipeline and store the article, as `newsevents ingest` would."""
    _check_token(request)
    from ...ingest import decide, pipeline_version
    from ...store.corpus import refresh_corpus

    store, extractor = request.app.state.store, request.app.state.extractor
    article = extractor.article(payload)
    body = article.raw_html if article.raw_html is not None else article.raw_text or ""
    key = ArticleKey(canonical_url(article.url), article.url, content_hash(body), "POST /articles")
    version = pipeline_version()
    action = decide(store.lookup(key), key, reprocess=False, version=version)
    if action.kind == "skip":
        known = store.lookup(key)
        return JSONResponse({"status": "exists", "article_id": known.article_id if known else None},
                            status_code=200)
    if action.kind == "duplicate":
        store.add_duplicate(action.article_id, url=key.url, outlet=article.outlet, kind="exact",
                            similarity=1.0)
        return JSONResponse({"status": "duplicate", "article_id": action.article_id},
                            status_code=200)
    document = extractor.run(article)
    replace_id = action.article_id if action.kind == "replace" else None
    article_id = store.write_article(document, key, pipeline_version=version, replace_id=replace_id)
    refresh_corpus(store)  # duplicates, stories and incidents now include this article
    return JSONResponse({"status": "stored", "article_id": article_id,
                         "events": len(document.get("events", []))}, status_code=201)
