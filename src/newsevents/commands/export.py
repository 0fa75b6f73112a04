"""`newsevents export`: the whole corpus (or a filtered part) as ACLED- or UCDP-style data."""

from __future__ import annotations

import sys
from typing import Optional

import typer

FORMATS = ("acled", "ucdp", "csv", "json", "parquet", "geojson")


def export(
    fmt: str = typer.Option("acled", "--format", help="acled, ucdp (CSV tables), csv, json, parquet or geojson (all event columns)."),
    db: Optional[str] = typer.Option(None, "--db", help="Database file or URL (default: newsevents.db)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to this file (Parquet needs one)."),
    country: Optional[str] = typer.Option(None, help="Only this country (ISO code or name)."),
    since: Optional[str] = typer.Option(None, help="From this day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Up to this day (YYYY-MM-DD)."),
) -> None:
    """Export events ACLED-style, incidents UCDP-style (best/low/high), or every event column."""
    from .. import export as exporter
    from ..store import Store
    from ..store.query import EVENT_COLUMNS, Filters, query_events, query_incidents
    from .query import _day

    if fmt not in FORMATS:
        typer.echo(f"newsevents: error: unknown format {fmt!r} (one of {', '.join(FORMATS)})", err=True)
        raise typer.Exit(code=2)
    filters = Filters(country=country, since=_day(since), until=_day(until))
    store = Store.open(db)
    try:
        if fmt == "acled":
            rows = exporter.acled_rows(store, query_events(store, filters))
            exporter.write(rows, exporter.ACLED_COLUMNS, "csv", out=sys.stdout, path=output)
        elif fmt == "ucdp":
            rows = exporter.ucdp_rows(query_incidents(store, filters))
            exporter.write(rows, exporter.UCDP_COLUMNS, "csv", out=sys.stdout, path=output)
        else:
            rows = query_events(store, filters)
            exporter.write(rows, EVENT_COLUMNS, fmt, out=sys.stdout, path=output)
    except ValueError as error:
        typer.echo(f"newsevents: error: {error}", err=True)
        raise typer.Exit(code=2) from None
    finally:
        store.close()
    if output:
        typer.echo(f"newsevents: {len(rows)} rows -> {output}", err=True)
