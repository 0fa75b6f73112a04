"""Paged SQL listings of one record table joined to its article (quotes, places, actors...).

Each resource names its columns and adds its own conditions; the article-level filters
(`article_id`, `published`, `source`, `timestamp`) and paging are the same for all, and the
page is cut in SQL (LIMIT/OFFSET, plus one COUNT), so a large corpus is never read whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from fastapi import Query

from ..store import schema
from .params import BadParam, Page, Where, day_range, parse_timestamp, values

ARTICLE_COLUMNS = {
    "outlet": schema.articles.c.outlet, "host": schema.articles.c.host,
    "url": schema.articles.c.url_raw, "title": schema.articles.c.title,
    "published": schema.articles.c.published,
}


def like(column: Any, value: str) -> Any:
    """Case-insensitive substring match, with LIKE's wildcards escaped."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return sa.func.lower(column).like(f"%{escaped}%", escape="\\")


def any_like(column: Any, raw: str | None) -> list[Any]:
    """One condition: the column contains any of the `:OR:` values (none when no value)."""
    wanted = values(raw)
    return [sa.or_(*(like(column, v) for v in wanted))] if wanted else []


def any_equal(column: Any, raw: str | None, upper: bool = False) -> list[Any]:
    """One condition: the column equals one of the `:OR:` values."""
    wanted = [v.upper() if upper else v for v in values(raw)]
    return [column.in_(wanted)] if wanted else []


def ids(raw: str | None, name: str) -> list[int]:
    """Whole numbers from `1:OR:2`."""
    try:
        return [int(v) for v in values(raw)]
    except ValueError:
        raise BadParam(f"{name}: {raw!r} is not a whole number (several with :OR:)") from None


def article_conditions(*, article_id: str | None = None, published: str | None = None,
                       published_where: str | None = None, source: str | None = None,
                       timestamp: str | None = None) -> list[Any]:
    """Conditions on the joined article shared by every record listing."""
    a = schema.articles
    conditions: list[Any] = []
    wanted = ids(article_id, "article_id")
    if wanted:
        conditions.append(a.c.id.in_(wanted))
    since, until = day_range(published, published_where, "published")
    if since:
        conditions.append(a.c.published >= since)
    if until:
        conditions.append(a.c.published <= until)
    if values(source):
        conditions.append(sa.or_(*(sa.or_(like(a.c.outlet, v), like(a.c.host, v))
                                   for v in values(source))))
    moment = parse_timestamp(timestamp)
    if moment is not None:
        conditions.append(a.c.processed_at >= moment)
    return conditions


def _stamp(value: dt.datetime | None) -> int | None:
    return int(value.replace(tzinfo=dt.timezone.utc).timestamp()) if value else None


def listing(store: Any, table: sa.Table, columns: dict[str, Any], conditions: Sequence[Any],
            page: Page, order: Sequence[Any] = ()) -> tuple[list[dict[str, Any]], int]:
    """This page of `table`'s rows (with their article's columns) and the total count."""
    a = schema.articles
    joined = table.join(a, a.c.id == table.c.article_id) if table is not a else a
    selected = [expr.label(name) for name, expr in columns.items()]
    selected.append(a.c.processed_at.label("_processed_at"))
    stmt = (sa.select(*selected).select_from(joined).where(*conditions)
            .order_by(*order, table.c.id).limit(page.limit).offset(page.offset))
    count = sa.select(sa.func.count()).select_from(joined).where(*conditions)
    with store.engine.connect() as conn:
        total = conn.execute(count).scalar_one()
        rows = [dict(row) for row in conn.execute(stmt).mappings()]
    for row in rows:
        row["timestamp"] = _stamp(row.pop("_processed_at"))
    return rows, total


def article_filter_params(
    article_id: str | None = Query(None, description="Article ids; several with :OR:."),
    published: str | None = Query(None, description="Publication day YYYY-MM-DD, or 'A|B' with published_where=BETWEEN."),
    published_where: Where | None = Query(None, description="=, >, >=, <, <= or BETWEEN."),
    source: str | None = Query(None, description="Part of the outlet or URL host; :OR:."),
    timestamp: str | None = Query(None, description="Only articles processed at/after this (Unix s or ISO)."),
) -> list[Any]:
    """FastAPI dependency: the article-level conditions."""
    return article_conditions(article_id=article_id, published=published,
                              published_where=published_where, source=source,
                              timestamp=timestamp)
