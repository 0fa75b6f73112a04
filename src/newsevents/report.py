"""A readable terminal summary of one processed article, drawn with Rich."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from .model import Article


def _amount(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "?"
    if low == high:
        return f"{low:,}"
    return f"{low:,}–{high:,}" if high is not None else f"≥{low:,}"


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_summary(article: Article, console: Console | None = None) -> None:
    """Print the article's metadata and every record type as tables."""
    console = console or Console()
    meta = (f"[bold]{article.title or '(untitled)'}[/bold]\n"
            f"outlet: {article.outlet or '-'}   published: {article.published or '-'}   "
            f"language: {article.language or '-'}   url: {article.url or '-'}\n"
            f"{len(article.text):,} characters of clean text; "
            f"{len(article.removed)} boilerplate line(s) removed")
    console.print(Panel(meta, title="newsevents", expand=False))

    places = {p.id: p for p in article.places}

    if article.quotes:
        table = Table(title="Quotes", show_lines=False)
        for column in ("speaker", "cue", "kind", "quote"):
            table.add_column(column)
        for q in article.quotes:
            table.add_row(q.speaker or "[dim]unknown[/dim]", q.cue or "-", q.kind, _short(q.text))
        console.print(table)

    if article.casualties:
        table = Table(title="Casualty claims")
        for column in ("kind", "count", "as written", "source", "victims", "place", "dates", "note"):
            table.add_column(column)
        for c in article.casualties:
            place = places.get(c.place_id)
            dates = "–".join(str(d) for d in (c.date.date_from, c.date.date_to) if d) or "-"
            table.add_row(c.kind, _amount(c.low, c.high), c.text, c.source or "[dim]none[/dim]",
                          c.victims or "-", place.name if place else "-", dates,
                          "cumulative" if c.cumulative else "")
        console.print(table)

    if article.events:
        table = Table(title="Events (PLOVER)")
        for column in ("type", "mode", "actor", "target", "place", "date", "flags"):
            table.add_column(column)
        for e in article.events:
            place = places.get(e.place_id)
            flags = ", ".join(f for f, on in (("negated", e.negated),
                                              ("hypothetical", e.hypothetical)) if on)
            table.add_row(e.type, e.mode or "-", e.actor.name if e.actor else "-",
                          e.target.name if e.target else "-", place.name if place else "-",
                          str(e.date.date_from or "-"), flags)
        console.print(table)

    if article.places:
        table = Table(title="Places")
        for column in ("name", "country", "feature", "lat", "lon", "mentions"):
            table.add_column(column)
        for p in article.places:
            table.add_row(p.name, p.country or "-", p.feature,
                          f"{p.lat:.4f}" if p.lat is not None else "-",
                          f"{p.lon:.4f}" if p.lon is not None else "-", str(len(p.mentions)))
        console.print(table)

    if article.dates:
        table = Table(title="Dates")
        for column in ("text", "value", "from", "to"):
            table.add_column(column)
        for d in article.dates:
            table.add_row(d.text, d.value or "-", str(d.date_from or "-"), str(d.date_to or "-"))
        console.print(table)

    if article.entities:
        table = Table(title="Actors")
        for column in ("name", "type", "title", "country", "sector", "mentions"):
            table.add_column(column)
        for e in article.entities:
            table.add_row(e.name, e.type, e.title or "-", e.country or "-", e.sector or "-",
                          str(len(e.mentions)))
        console.print(table)
