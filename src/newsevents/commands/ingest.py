"""`newsevents ingest SOURCE...`: articles into the corpus database, with a live progress bar."""

from __future__ import annotations

from typing import Optional

import typer


def _progress_bar(quiet: bool):
    """A Rich progress bar on stderr (articles/s, done, failed, skipped, ETA); None if quiet."""
    if quiet:
        return None
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    return Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("done [green]{task.fields[done]}"),
        TextColumn("failed [red]{task.fields[failed]}"),
        TextColumn("skipped [yellow]{task.fields[skipped]}"),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=Console(stderr=True), transient=False, refresh_per_second=4)


def ingest(
    sources: list[str] = typer.Argument(..., help="Files, directories (recursive), globs, JSONL, WARC(.gz), RSS/Atom feeds; URLs and URL lists with --fetch."),
    db: Optional[str] = typer.Option(None, "--db", help="Database file or URL (default: newsevents.db; postgresql://... for PostgreSQL)."),
    workers: int = typer.Option(2, "--workers", min=1, help="Worker processes (each loads the spaCy model once)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
    reprocess: bool = typer.Option(False, "--reprocess", help="Re-extract stored articles made by another pipeline version."),
    fetch: bool = typer.Option(False, "--fetch", help="Download the pages of feeds, URL lists and URLs (robots.txt, rate limit)."),
    rate: float = typer.Option(1.0, "--rate", help="With --fetch: seconds between requests to one host."),
) -> None:
    """Ingest articles into the corpus database: idempotent, resumable, bad records kept in `rejected`."""
    from ..ingest import ingest as run_ingest
    from ..ingest.fetch import Fetcher
    from ..settings import Settings
    from ..store import Store

    settings = Settings.from_env()
    try:
        store = Store.open(db)
    except Exception as error:  # a bad URL, an unreachable server, a newer schema
        typer.echo(f"newsevents: error: cannot open database: {error}", err=True)
        raise typer.Exit(code=2) from None
    fetcher = Fetcher(min_interval=rate, max_bytes=settings.max_input_bytes) if fetch else None
    bar = _progress_bar(quiet)
    task = None

    def show(summary) -> None:
        nonlocal task
        if bar is None:
            return
        fields = dict(rate=summary.rate, done=summary.done, failed=summary.failed,
                      skipped=summary.skipped)
        if task is None:
            task = bar.add_task("ingest", total=summary.total, **fields)
        bar.update(task, completed=summary.seen, **fields)

    try:
        if bar is not None:
            bar.start()
        summary = run_ingest(sources, store, settings=settings, workers=workers,
                             reprocess=reprocess, fetch=fetch, fetcher=fetcher, progress=show)
    finally:
        if bar is not None:
            bar.stop()
        if fetcher is not None:
            fetcher.close()
        store.close()
    if not quiet:
        for origin, reason in summary.errors[:20]:
            typer.echo(f"newsevents: rejected: {origin}: {reason}", err=True)
        if summary.failed > 20:
            typer.echo(f"newsevents: ... {summary.failed - 20} more in the rejected table", err=True)
        typer.echo(
            f"newsevents: {summary.done} stored ({summary.reprocessed} re-extracted), "
            f"{summary.failed} rejected, {summary.skipped} skipped "
            f"({summary.duplicates} exact duplicates) in {summary.seconds:.1f} s "
            f"({summary.rate:.2f} articles/s) -> {db or 'newsevents.db'}", err=True)
    if summary.done == 0 and summary.failed and not summary.skipped:
        raise typer.Exit(code=2)
