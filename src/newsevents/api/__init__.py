"""The REST API behind `newsevents serve`: read-only corpus endpoints plus extraction.

    app = create_app("newsevents.db", token=os.environ.get("NEWSEVENTS_API_TOKEN"))

One router per resource (api/routes/): events, incidents, casualties, quotes, places,
actors, articles, extract, health; all read through the store's query functions, in the
ACLED API's conventions (api/params.py). Only POST /articles writes, and only to the
database, with the operator's token. No endpoint takes a file path: nothing on the server's
disk but the database is read or written on a request's behalf.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .. import __version__
from ..settings import Settings
from .params import BadParam

DEFAULT_MAX_BODY_BYTES = 2_000_000
DESCRIPTION = """Source-attributed event data from news articles (schema newsevents/1).

List endpoints follow the ACLED API's conventions: `:OR:` between several values,
`event_date=A|B&event_date_where=BETWEEN`, `limit`/`page`, `fields=a|b`, `timestamp`
(Unix seconds or ISO) for incremental pulls, and `format=json|csv|geojson`.
"""


class BodyLimit:
    """ASGI middleware: a request body over `max_bytes` gets 413 before any parsing.

    Counts the bytes actually received, so a chunked body without Content-Length is
    caught too; the body is buffered (it is small by construction) and replayed.
    """

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(scope, receive, send)
            return
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body, sent = b"".join(chunks), False

        async def replay() -> dict:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, scope: dict, receive: Any, send: Any) -> None:
        response = JSONResponse({"detail": f"request body is larger than {self.max_bytes} bytes"},
                                status_code=413)
        await response(scope, receive, send)


def create_app(db: str | None = None, *, store: Any = None, token: str | None = None,
               settings: Settings | None = None, resources: Any = None,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, timeout_s: float = 60.0,
               extract_workers: int = 2, dashboard: bool = True) -> FastAPI:
    """The FastAPI app over the database at `db` (or an open `store`).

    `token`: the API token that enables POST /articles (None or "" leaves it off).
    `resources`: pipeline resources to reuse (else loaded on the first extraction).
    """
    from ..store import Store
    from .extraction import Extractor
    from .routes import (actors, articles, casualties, events, extract, health, incidents,
                         places, points, quotes)

    settings = settings or Settings.from_env()
    # No /docs or /redoc: FastAPI's pages load Swagger UI / ReDoc from a CDN, and nothing
    # served here may make an external request. The schema is at /openapi.json.
    app = FastAPI(title="newsevents", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None)
    app.state.store = store if store is not None else Store.open(db)
    app.state.token = token or None
    app.state.extractor = Extractor(settings, resources, timeout_s=timeout_s,
                                    workers=extract_workers)

    @app.exception_handler(BadParam)
    async def bad_param(_request: Request, error: BadParam) -> JSONResponse:
        # FastAPI's own shape for a 422, so clients (and the OpenAPI schema) see one format.
        return JSONResponse({"detail": [{"type": "value_error", "loc": ["query", error.name],
                                         "msg": str(error), "input": None}]}, status_code=422)

    # points before events: /events/points must win over any /events/{...} route.
    for module in (health, points, events, incidents, casualties, quotes, places, actors,
                   articles, extract):
        app.include_router(module.router)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    if dashboard:
        _mount_dashboard(app)
    return app


def _mount_dashboard(app: FastAPI) -> None:
    """The dashboard's static files at / (when the package ships them)."""
    try:
        from ..dashboard import mount
    except ImportError:
        return
    mount(app)
