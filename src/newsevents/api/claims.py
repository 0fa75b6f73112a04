"""The claims behind each reconciled incident, for GET /incidents' `claims` field.

READS the store's incident_claims, casualties and articles tables; FILLS, per incident id,
a list of claims: the number each article reported, who it attributed it to, and where to
find it (article id and the casualty's local id, which the dashboard highlights).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from ..store import schema

BATCH = 500  # ids per IN (...) clause: well under every database's parameter limit


def claims_behind(store: Any, incident_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """incident id -> its claims, oldest article first."""
    ic, c, a = schema.incident_claims, schema.casualties, schema.articles
    found: dict[int, list[dict[str, Any]]] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(incident_ids), BATCH):
            rows = conn.execute(
                sa.select(ic.c.incident_id, c.c.id.label("casualty_id"), c.c.local_id, c.c.low,
                          c.c.high, c.c.source, c.c.date_from, c.c.date_to, c.c.record,
                          a.c.id.label("article_id"), a.c.title, a.c.outlet, a.c.host,
                          a.c.url_raw, a.c.published, a.c.text)
                .join(c, c.c.id == ic.c.casualty_id).join(a, a.c.id == ic.c.article_id)
                .where(ic.c.incident_id.in_(incident_ids[start:start + BATCH]))
                .order_by(ic.c.incident_id, a.c.published, a.c.id, c.c.id))
            for row in rows:
                found.setdefault(row.incident_id, []).append(_claim(row))
    return found


def _claim(row: Any) -> dict[str, Any]:
    record = row.record or {}
    begin, end = record.get("sentence_start"), record.get("sentence_end")
    sentence = row.text[begin:end] if row.text and begin is not None and end is not None else None
    return {"casualty_id": row.casualty_id, "local_id": row.local_id, "low": row.low,
            "high": row.high, "source": row.source,
            "date_from": row.date_from.isoformat() if row.date_from else None,
            "date_to": row.date_to.isoformat() if row.date_to else None,
            "article_id": row.article_id, "title": row.title,
            "outlet": row.outlet or row.host, "url": row.url_raw,
            "published": row.published.isoformat() if row.published else None,
            "sentence": sentence}
