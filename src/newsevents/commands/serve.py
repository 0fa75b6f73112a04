"""`newsevents serve`: the REST API (and dashboard) over a corpus database, with uvicorn."""

from __future__ import annotations

import os
from typing import Optional

import typer


def serve(
    db: Optional[str] = typer.Option(None, "--db", help="Database file or URL (default: newsevents.db)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0 exposes it to the network)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    token: Optional[str] = typer.Option(None, "--token", help="API token that enables POST /articles (default: $NEWSEVENTS_API_TOKEN; none: ingest is off)."),
    max_body: int = typer.Option(2_000_000, "--max-body", min=1, help="Largest request body in bytes (413 above)."),
    timeout: float = typer.Option(60.0, "--timeout", min=1.0, help="Seconds an extraction may take (503 above)."),
) -> None:
    """Serve the corpus as a REST API (OpenAPI schema at /openapi.json) and the dashboard at /."""
    import uvicorn

    from ..api import create_app

    try:
        app = create_app(db, token=token or os.environ.get("NEWSEVENTS_API_TOKEN"),
                         max_body_bytes=max_body, timeout_s=timeout)
    except Exception as error:  # a bad URL, an unreachable server, a newer schema
        typer.echo(f"newsevents: error: cannot open database: {error}", err=True)
        raise typer.Exit(code=2) from None
    state = "on" if app.state.token else "off (no token)"
    typer.echo(f"newsevents: serving {db or 'newsevents.db'} on http://{host}:{port} "
               f"(POST /articles {state})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
