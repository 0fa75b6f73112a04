"""The dashboard served at / by `newsevents serve`: static HTML, CSS and JS in static/.

It only calls this API (same origin): no CDN, no font or tile server, no external request;
the page's Content-Security-Policy forbids any other origin, so a regression shows in the
browser console instead of leaking requests. Served files are the package's own, by name
(StaticFiles refuses paths outside the folder).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"
# Same origin only: scripts, styles, data (fetch) and images all come from this server.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def mount(app: FastAPI) -> None:
    """Serve index.html at / and the other files under /static."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse((STATIC / "index.html").read_text(encoding="utf-8"),
                            headers={"Content-Security-Policy": CSP,
                                     "X-Content-Type-Options": "nosniff"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        # Browsers ask for it on their own; a 404 would be an error in every console.
        return Response(status_code=204)
