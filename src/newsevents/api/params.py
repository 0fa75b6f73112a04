"""Query parameters in the ACLED API's conventions, parsed into plain values, and responses.

- Several values of one filter: `country=SY:OR:NG` (ACLED's `:OR:`).
- Ranges: `event_date=2026-03-01|2026-03-31&event_date_where=BETWEEN`; a single day with
  `<field>_where` one of `=`, `>`, `>=`, `<`, `<=` (default `=`). `fatalities` works the same.
- `timestamp`: rows of articles processed at or after this moment (Unix seconds or an ISO
  date/time, UTC), for incremental pulls.
- Pages: `limit` (rows per page, 1..5000) and `page` (from 1). Columns: `fields=a|b|c`.
- `format=json` (ACLED-style envelope), `csv` or `geojson`.

Every bad value raises `BadParam`, which the app turns into a 422 with a one-line reason.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from fastapi import Query
from fastapi.responses import JSONResponse, Response

from .. import export

OR = ":OR:"
MAX_LIMIT = 5000
DEFAULT_LIMIT = 500
Format = Literal["json", "csv", "geojson"]
Where = Literal["=", ">", ">=", "<", "<=", "BETWEEN"]


# OpenAPI: what a list endpoint answers, by `format`.
LIST_RESPONSES: dict[int | str, dict[str, Any]] = {200: {
    "description": "One page of rows: an ACLED-style JSON envelope, CSV or GeoJSON.",
    "content": {"application/json": {"schema": {"type": "object"}},
                "text/csv": {"schema": {"type": "string"}},
                "application/geo+json": {"schema": {"type": "object"}}}}}


class BadParam(ValueError):
    """A query parameter that cannot be understood (-> 422); `name` is the parameter."""

    @property
    def name(self) -> str:
        """The parameter, from the message's 'name: reason' prefix."""
        head = str(self).split(":", 1)[0]
        return head if head.isidentifier() else "query"


def values(raw: str | None) -> list[str]:
    """The values of a filter: `a:OR:b` -> ["a", "b"]; None or blank -> []."""
    if raw is None:
        return []
    return [part.strip() for part in raw.split(OR) if part.strip()]


def parse_day(raw: str, name: str) -> dt.date:
    """A YYYY-MM-DD day, or BadParam naming the parameter."""
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise BadParam(f"{name}: {raw!r} is not YYYY-MM-DD") from None


def _operator(raw: str, where: str | None, name: str) -> str:
    """The `<name>_where` operator (BETWEEN when the value is 'A|B', else '=')."""
    op = (where or ("BETWEEN" if "|" in raw else "=")).strip().upper()
    if op not in ("=", ">", ">=", "<", "<=", "BETWEEN"):
        raise BadParam(f"{name}_where: {where!r} is not one of =, >, >=, <, <=, BETWEEN")
    return op


def day_range(raw: str | None, where: str | None, name: str) -> tuple[dt.date | None, dt.date | None]:
    """(since, until) from an ACLED date filter and its `_where` operator."""
    if not raw:
        return None, None
    op = _operator(raw, where, name)
    if op == "BETWEEN":
        parts = raw.split("|")
        if len(parts) != 2:
            raise BadParam(f"{name}: BETWEEN needs two days, 'A|B'")
        since, until = parse_day(parts[0], name), parse_day(parts[1], name)
        if since > until:
            raise BadParam(f"{name}: {since} is after {until}")
        return since, until
    day = parse_day(raw, name)
    one = dt.timedelta(days=1)
    ranges = {"=": (day, day), ">=": (day, None), ">": (day + one, None),
              "<=": (None, day), "<": (None, day - one)}
    return ranges[op]


def number_test(raw: str | None, where: str | None, name: str):
    """A predicate on an integer (None counts as 0, as ACLED's fatalities do), or None."""
    if raw is None or raw == "":
        return None
    op = _operator(raw, where, name)
    try:
        numbers = [int(part) for part in raw.split("|")]
    except ValueError:
        raise BadParam(f"{name}: {raw!r} is not a whole number (or 'A|B')") from None
    if op == "BETWEEN":
        if len(numbers) != 2:
            raise BadParam(f"{name}: BETWEEN needs two numbers, 'A|B'")
        low, high = numbers
        return lambda n: low <= (n or 0) <= high
    if len(numbers) != 1:
        raise BadParam(f"{name}: 'A|B' needs {name}_where=BETWEEN")
    x = numbers[0]
    tests = {"=": lambda n: (n or 0) == x, ">": lambda n: (n or 0) > x,
             ">=": lambda n: (n or 0) >= x, "<": lambda n: (n or 0) < x,
             "<=": lambda n: (n or 0) <= x}
    return tests[op]


def parse_timestamp(raw: str | None) -> dt.datetime | None:
    """A naive UTC datetime from Unix seconds or an ISO date/time."""
    if raw is None or raw == "":
        return None
    text = raw.strip()
    try:
        return dt.datetime.fromtimestamp(float(text), dt.timezone.utc).replace(tzinfo=None)
    except (ValueError, OverflowError, OSError):
        pass
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise BadParam(f"timestamp: {raw!r} is neither Unix seconds nor an ISO date/time") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """(min_lon, min_lat, max_lon, max_lat) from 'a,b,c,d' (GeoJSON's order)."""
    if not raw:
        return None
    try:
        box = tuple(float(part) for part in raw.split(","))
    except ValueError:
        box = ()
    if len(box) != 4 or not (-180 <= box[0] <= box[2] <= 180 and -90 <= box[1] <= box[3] <= 90):
        raise BadParam("bbox: give min_lon,min_lat,max_lon,max_lat (west,south,east,north)")
    return box  # type: ignore[return-value]


def in_bbox(row: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    """Whether a row's lat/lon lies inside the box (rows without coordinates do not)."""
    lat, lon = row.get("lat"), row.get("lon")
    return lat is not None and lon is not None and box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


@dataclass(frozen=True)
class Page:
    """Paging, columns and format shared by every list endpoint."""

    limit: int
    page: int
    fields: tuple[str, ...] | None
    format: str

    def columns(self, available: Sequence[str]) -> tuple[str, ...]:
        """The requested columns (all by default); an unknown one is a BadParam."""
        if not self.fields:
            return tuple(available)
        unknown = [f for f in self.fields if f not in available]
        if unknown:
            raise BadParam(f"fields: unknown {', '.join(unknown)} (known: {', '.join(available)})")
        return self.fields

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit


def page_params(
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Rows per page."),
    page: int = Query(1, ge=1, le=1_000_000, description="Page number, from 1."),
    fields: str | None = Query(None, description="Columns to return, separated by '|'."),
    format: Format = Query("json", description="json (ACLED-style envelope), csv or geojson."),
) -> Page:
    """FastAPI dependency: the paging and format parameters."""
    wanted = tuple(f.strip() for f in fields.split("|") if f.strip()) if fields else None
    return Page(limit=limit, page=page, fields=wanted, format=format)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def respond(rows: Sequence[dict[str, Any]], total: int, page: Page, available: Sequence[str],
            name: str) -> Response:
    """One page of rows in the requested format (rows are already this page's)."""
    columns = page.columns(available)
    headers = {"X-Total-Count": str(total)}
    if page.format == "csv":
        out = io.StringIO()
        export.to_csv(rows, columns, out)
        headers["Content-Disposition"] = f'inline; filename="{name}.csv"'
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    if page.format == "geojson":
        out = io.StringIO()
        export.to_geojson(rows, columns, out)
        return Response(out.getvalue(), media_type="application/geo+json", headers=headers)
    data = [{c: _plain(row.get(c)) for c in columns} for row in rows]
    body = {"status": 200, "success": True, "count": len(data), "total_count": total,
            "page": page.page, "limit": page.limit, "data": data}
    return JSONResponse(json.loads(json.dumps(body, default=str)), headers=headers)


def paged(rows: Sequence[dict[str, Any]], page: Page) -> list[dict[str, Any]]:
    """This page's slice of a full result."""
    return list(rows[page.offset: page.offset + page.limit])
