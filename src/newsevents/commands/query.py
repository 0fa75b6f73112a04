"""`newsevents query`: events (or incidents) from the corpus, filtered, as a table or a file."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Optional

import typer

TABLE_COLUMNS = ("event_date", "type", "acled_event_type", "actor", "target", "place",
                 "country", "fatalities", "outlet")
INCIDENT_TABLE_COLUMNS = ("date_from", "date_to", "place", "country", "low", "best", "high",
                          "n_articles", "outlets")


def _day(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not YYYY-MM-DD") from None


def query(
    db: Optional[str] = typer.Option(None, "--db", help="Database file or URL (default: newsevents.db)."),
    country: Optional[str] = typer.Option(None, help="Country: ISO code (SY) or name (Syria)."),
    near: Optional[str] = typer.Option(None, help="A place name in the corpus, or 'lat,lon'."),
    radius: float = typer.Option(50.0, "--radius", help="Radius around --near, in km."),
    since: Optional[str] = typer.Option(None, help="From this day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Up to this day (YYYY-MM-DD)."),
    event_type: Optional[str] = typer.Option(None, "--type", help="PLOVER type (ASSAULT) or ACLED type ('Battles', 'Air/drone strike')."),
    actor: Optional[str] = typer.Option(None, help="Part of an actor's or target's name, or its ISO country (upper case)."),
    source: Optional[str] = typer.Option(None, help="Outlet, URL host or reporting source."),
    min_fatalities: Optional[int] = typer.Option(None, "--min-fatalities", help="At least this many deaths."),
    text: Optional[str] = typer.Option(None, help="Free text in the article's title or body."),
    incidents: bool = typer.Option(False, "--incidents", help="Reconciled incidents of deaths instead of events."),
    include_duplicates: bool = typer.Option(False, "--include-duplicates", help="Keep near-duplicate copies (counted once by default)."),
    limit: Optional[int] = typer.Option(None, help="At most N rows."),
    fmt: str = typer.Option("table", "--format", help="table, csv, json, geojson or parquet."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to this file (Parquet needs one)."),
) -> None:
    """Query the corpus: events filtered by country, place and radius, dates, type, actor, source, deaths, text."""
    from .. import export
    from ..store import Store
    from ..store.query import (EVENT_COLUMNS, INCIDENT_COLUMNS, Filters, query_events,
                               query_incidents)

    filters = Filters(country=country, near=near, radius_km=radius, since=_day(since),
                      until=_day(until), event_type=event_type, actor=actor, source=source,
                      min_fatalities=min_fatalities, text=text,
                      include_duplicates=include_duplicates, limit=limit)
    store = Store.open(db)
    try:
        if incidents:
            rows = query_incidents(store, filters)
            columns = INCIDENT_TABLE_COLUMNS if fmt == "table" else INCIDENT_COLUMNS
        else:
            rows = query_events(store, filters)
            columns = TABLE_COLUMNS if fmt == "table" else EVENT_COLUMNS
        export.write(rows, columns, fmt, out=sys.stdout, path=output)
    except ValueError as error:
        typer.echo(f"newsevents: error: {error}", err=True)
        raise typer.Exit(code=2) from None
    finally:
        store.close()
    if fmt == "table" or output:
        typer.echo(f"{len(rows)} {'incidents' if incidents else 'events'}", err=True)
