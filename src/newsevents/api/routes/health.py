"""GET /health: the service is up and its database answers."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from ... import __version__

router = APIRouter(tags=["health"])


@router.get("/health", summary="Liveness and database check",
            responses={503: {"description": "The database does not answer"}})
def health(request: Request) -> JSONResponse:
    """200 with the version and row counts when the database answers, else 503."""
    store = request.app.state.store
    try:
        counts = store.counts()
    except Exception as error:  # the database is gone or locked: say so, don't crash
        return JSONResponse({"status": "error", "version": __version__,
                             "error": type(error).__name__}, status_code=503)
    return JSONResponse({"status": "ok", "version": __version__, "database": store.dialect,
                         "articles": counts.get("articles", 0), "events": counts.get("events", 0),
                         "ingest_enabled": bool(request.app.state.token)})
