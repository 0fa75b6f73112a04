"""Export the corpus as event data: ACLED-style and UCDP-style tables, and writers for
CSV, JSON, GeoJSON and Parquet.

- ACLED style: one row per event that has an ACLED event type, with ACLED's columns.
  `fatalities` is the conservative figure (0 when no death is reported, as ACLED does);
  `source` lists the outlet and those of its near-duplicate and exact copies; `notes` is
  the event's sentence; `geo_precision` 1 = a town or site, 3 = a province or country.
- UCDP style: one row per reconciled incident of deaths, with `best`, `low`, `high`,
  `date_prec` (1 = a day, 2 = up to a week, 3 = a month, 4 = a year, 5 = longer) and
  `where_prec` (1 = a town or site, 4 = a first-order admin area, 6 = a country).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

import sqlalchemy as sa

from .countries import country_name
from .store import schema

ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                 "admin1", "location", "latitude", "longitude", "geo_precision", "source",
                 "notes", "fatalities")
UCDP_COLUMNS = ("id", "date_start", "date_end", "date_prec", "country", "where_coordinates",
                "latitude", "longitude", "where_prec", "best", "low", "high",
                "source_office", "source_original", "source_article", "notes")
FORMATS = ("table", "csv", "json", "geojson", "parquet")
_GEO_PRECISION = {"city": 1, "district": 1, "other": 1, "admin": 3, "country": 3}
_WHERE_PRECISION = {"city": 1, "district": 1, "other": 1, "admin": 4, "country": 6}


def date_precision(date_from: dt.date | None, date_to: dt.date | None) -> int | None:
    """UCDP's date_prec from a window of days."""
    if date_from is None or date_to is None:
        return None
    days = (date_to - date_from).days
    return 1 if days <= 0 else 2 if days <= 6 else 3 if days <= 31 else 4 if days <= 366 else 5


def sources_by_article(store: Any, article_ids: Iterable[int]) -> dict[int, list[str]]:
    """Each article's outlet, then those of its copies (near-duplicates and exact copies)."""
    a, d = schema.articles, schema.duplicates
    ids = sorted(set(article_ids))
    found: dict[int, list[str]] = defaultdict(list)
    with store.engine.connect() as conn:
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for row in conn.execute(sa.select(a.c.id, a.c.outlet, a.c.host)
                                    .where(a.c.id.in_(chunk)).order_by(a.c.id)):
                found[row.id].append(row.outlet or row.host or "")
            copies = sa.select(a.c.duplicate_of.label("of"), a.c.outlet, a.c.host).where(
                a.c.duplicate_of.in_(chunk))
            exact = sa.select(d.c.of_article_id.label("of"), d.c.outlet, d.c.url.label("host")
                              ).where(d.c.kind == "exact", d.c.of_article_id.in_(chunk))
            for row in conn.execute(copies.order_by(a.c.id)):
                found[row.of].append(row.outlet or row.host or "")
            for row in conn.execute(exact.order_by(d.c.id)):
                found[row.of].append(row.outlet or _host(row.host))
    return {key: [s for s in dict.fromkeys(values) if s] for key, values in found.items()}


def _host(url: str | None) -> str:
    from .store.keys import host_of

    return host_of(url) or ""


def admin1_by_article(store: Any, article_ids: Iterable[int]) -> dict[int, list[tuple[str, str | None]]]:
    """The first-order areas (feature "admin") each article names, in text order."""
    p = schema.places
    ids = sorted(set(article_ids))
    found: dict[int, list[tuple[str, str | None]]] = defaultdict(list)
    with store.engine.connect() as conn:
        for start in range(0, len(ids), 500):
            for row in conn.execute(sa.select(p.c.article_id, p.c.name, p.c.country)
                                    .where(p.c.article_id.in_(ids[start:start + 500]),
                                           p.c.feature == "admin").order_by(p.c.id)):
                found[row.article_id].append((row.name, row.country))
    return found


def acled_rows(store: Any, events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """ACLED-style rows for the events that have an ACLED type."""
    coded = [e for e in events if e.get("acled_event_type")]
    sources = sources_by_article(store, (e["article_id"] for e in coded))
    admins = admin1_by_article(store, (e["article_id"] for e in coded))
    rows = []
    for e in coded:
        admin1 = e["place"] if e.get("feature") == "admin" else next(
            (name for name, country in admins.get(e["article_id"], [])
             if e.get("country") and country == e["country"]), None)
        rows.append({
            "event_date": e["event_date"], "event_type": e["acled_event_type"],
            "sub_event_type": e.get("acled_sub_event_type"), "actor1": e.get("actor"),
            "actor2": e.get("target"),
            "country": country_name(e["country"]) if e.get("country") else None,
            "admin1": admin1, "location": e.get("place"), "latitude": e.get("lat"),
            "longitude": e.get("lon"), "geo_precision": _GEO_PRECISION.get(e.get("feature")),
            "source": "; ".join(sources.get(e["article_id"], [])) or None,
            "notes": (e.get("sentence") or "").strip() or None,
            "fatalities": e.get("fatalities") or 0,
        })
    return rows


def ucdp_rows(incidents: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """UCDP-style rows, one per reconciled incident of deaths."""
    return [{
        "id": i["incident_id"], "date_start": i["date_from"], "date_end": i["date_to"],
        "date_prec": date_precision(i["date_from"], i["date_to"]),
        "country": country_name(i["country"]) if i.get("country") else None,
        "where_coordinates": i.get("place"), "latitude": i.get("lat"), "longitude": i.get("lon"),
        "where_prec": _WHERE_PRECISION.get(i.get("feature")),
        "best": i["best"], "low": i["low"], "high": i["high"],
        "source_office": "; ".join(i.get("outlets") or []) or None,
        "source_original": "; ".join(i.get("sources") or []) or None,
        "source_article": "; ".join(i.get("urls") or []) or None,
        "notes": (i.get("sentence") or "").strip() or None,
    } for i in incidents]


# -- writers -------------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(_plain(value))


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    """CSV with a header; lists joined with "; "."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])


def to_json(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    """A JSON array of objects."""
    json.dump([{c: _plain(row.get(c)) for c in columns} for row in rows], out,
              ensure_ascii=False, indent=1)
    out.write("\n")


def to_geojson(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO,
               lat: str = "lat", lon: str = "lon") -> None:
    """A GeoJSON FeatureCollection; rows without coordinates get a null geometry."""
    features = []
    for row in rows:
        y, x = row.get(lat), row.get(lon)
        geometry = {"type": "Point", "coordinates": [x, y]} if x is not None and y is not None else None
        features.append({"type": "Feature", "geometry": geometry,
                         "properties": {c: _plain(row.get(c)) for c in columns}})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")


def to_parquet(rows: Sequence[dict[str, Any]], columns: Sequence[str], path: str) -> None:
    """A Parquet file (pyarrow); dates stay dates, lists stay lists."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows]) if rows \
        else pa.table({c: pa.array([], pa.null()) for c in columns})
    pq.write_table(table, path)


def to_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    """A readable Rich table."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    Console(file=out, width=200 if not out.isatty() else None).print(table)


def write(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str,
          out: TextIO | None = None, path: str | None = None, lat: str = "lat",
          lon: str = "lon") -> None:
    """Write rows in one of FORMATS to `path` (or `out`; Parquet needs a path)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "parquet":
        if not path:
            raise ValueError("Parquet needs --output FILE")
        to_parquet(rows, columns, path)
        return
    handle: TextIO = open(path, "w", encoding="utf-8", newline="") if path else (out or io.StringIO())
    try:
        if fmt == "csv":
            to_csv(rows, columns, handle)
        elif fmt == "json":
            to_json(rows, columns, handle)
        elif fmt == "geojson":
            to_geojson(rows, columns, handle, lat=lat, lon=lon)
        else:
            to_table(rows, columns, handle)
    finally:
        if path:
            handle.close()
