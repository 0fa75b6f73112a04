"""Command-line interface: thin Typer commands over library calls.

Bad input never produces a traceback: the command prints one line on stderr and exits 2.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import sys
from importlib import resources as package_files
from typing import Optional

import typer

from . import __version__
from .model import Article, InputError
from .pipeline import Resources, process
from .reader import article_from, parse_published, read_source
from .settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="newsevents: source-attributed event data from news articles.")

DEMO_PUBLISHED = dt.date(2026, 3, 15)
DEMO_URL = "https://globalwire.example/world/2026/03/15/aleppo-truce-talks"


def _fail(message: str) -> None:
    typer.echo(f"newsevents: error: {message}", err=True)
    raise typer.Exit(code=2)


def _process(article: Article, resources: Resources) -> Article:
    """Run the pipeline; an unexpected failure becomes a one-line error unless debugging."""
    try:
        return process(article, resources)
    except InputError:
        raise
    except Exception as error:  # a bug must not cost the user the rest of the batch
        if os.environ.get("NEWSEVENTS_DEBUG"):
            raise
        raise InputError(f"internal error ({type(error).__name__}: {error}); "
                         "set NEWSEVENTS_DEBUG=1 for the traceback") from error


def _published_option(value: Optional[str]) -> Optional[dt.date]:
    try:
        return parse_published(value)
    except InputError as error:
        raise typer.BadParameter(str(error)) from error


def _emit(article: Article, as_json: bool, as_jsonl: bool) -> None:
    if as_jsonl:
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    elif as_json:
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        from .report import print_summary

        print_summary(article)


@app.command()
def extract(
    article: str = typer.Argument(..., help="Article file (.txt, .html, .json, .jsonl) or - for stdin."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD (overrides the article's)."),
    as_json: bool = typer.Option(False, "--json", help="Print the newsevents/1 JSON document."),
    as_jsonl: bool = typer.Option(False, "--jsonl", help="Print one JSON document per line (batch)."),
) -> None:
    """Extract actors, quotes, casualties, places, dates and events from ARTICLE."""
    settings = Settings.from_env()
    resources = Resources(settings)
    published_date = _published_option(published)
    try:
        records = read_source(article, settings, published=published_date)
        first = next(records, None)
        second = next(records, None)
    except InputError as error:
        _fail(str(error))
    if second is None:  # one article: a bad one is an error, not a skipped record
        if first is None:
            _fail("no articles in the input")
        if isinstance(first, InputError):
            _fail(str(first))
        try:
            result = _process(first, resources)
        except InputError as error:
            _fail(str(error))
        _emit(result, as_json, as_jsonl)
        return
    _extract_batch(itertools.chain([first, second], records), resources, as_json, as_jsonl)


def _extract_batch(records, resources: Resources, as_json: bool, as_jsonl: bool) -> None:
    """Process many records in order; report and skip bad ones; exit 2 if none succeeded."""
    processed = failures = 0
    try:
        for index, record in enumerate(records, 1):
            if isinstance(record, InputError):
                failures += 1
                typer.echo(f"newsevents: skipped: {record}", err=True)
                continue
            try:
                result = _process(record, resources)
            except InputError as error:
                failures += 1
                typer.echo(f"newsevents: skipped: {record.url or f'record {index}'}: {error}",
                           err=True)
                continue
            processed += 1
            _emit(result, as_json, as_jsonl)
            sys.stdout.flush()
    except InputError as error:
        _fail(str(error))
    if failures:
        typer.echo(f"newsevents: {processed} processed, {failures} skipped", err=True)
    if processed == 0:
        raise typer.Exit(code=2)


@app.command()
def demo(
    as_json: bool = typer.Option(False, "--json", help="Print the newsevents/1 JSON document."),
) -> None:
    """Run the whole pipeline on the sample wire story shipped with newsevents."""
    text = demo_text()
    resources = Resources(Settings.from_env())
    try:
        result = _process(article_from(text, url=DEMO_URL, published=DEMO_PUBLISHED), resources)
    except InputError as error:
        _fail(str(error))
    _emit(result, as_json, False)


@app.command()
def validate(
    document: str = typer.Argument(..., help="A newsevents/1 JSON file, a JSONL file of them, or - for stdin."),
) -> None:
    """Check newsevents/1 documents against the shipped schema, spans and references."""
    from .validation import validate_document

    try:
        raw = sys.stdin.read() if document == "-" else open(document, encoding="utf-8").read()
    except OSError as error:
        _fail(f"cannot read {document}: {error.strerror or error}")
    try:
        documents = _parse_documents(raw)
    except json.JSONDecodeError as error:
        _fail(f"invalid JSON: {error.msg} at line {error.lineno}")
    bad = 0
    for number, item in enumerate(documents, 1):
        problems = validate_document(item) if isinstance(item, dict) else ["not a JSON object"]
        for problem in problems:
            typer.echo(f"document {number}: {problem}", err=True)
        bad += bool(problems)
    typer.echo(f"{len(documents) - bad} valid, {bad} invalid")
    if bad:
        raise typer.Exit(code=1)


@app.command("eval")
def evaluate(
    stages: Optional[list[str]] = typer.Argument(None, help="Stages to score (default: all)."),
    data: Optional[str] = typer.Option(None, help="Gold data folder (default: $NEWSEVENTS_DATA or ../shared/data)."),
    limit: Optional[int] = typer.Option(None, help="Score at most N items (documents) per gold set."),
    report: Optional[str] = typer.Option(None, help="Also write the table as Markdown to this file."),
    check: Optional[str] = typer.Option(None, help="Baseline JSON of floors; exit 1 if a metric falls below one."),
    update_baseline: Optional[str] = typer.Option(None, help="Write floors at today's values (2 decimals) to this baseline JSON."),
) -> None:
    """Score every stage on public gold data and print one table."""
    import time

    from rich.console import Console
    from rich.table import Table

    from .evaluation import (check_floors, floors_from, load_baseline, markdown_report,
                             run_evaluation)

    console = Console(stderr=True)
    baseline = load_baseline(check) if check else None
    if baseline and limit is None:
        limit = baseline.get("limit")
    began = time.perf_counter()
    try:
        metrics = run_evaluation(stages, data=data, limit=limit,
                                 progress=lambda stage, secs: console.print(
                                     f"[dim]scored {stage} in {secs:.1f} s[/dim]"))
    except (InputError, ValueError) as error:
        _fail(str(error))
    seconds = time.perf_counter() - began
    table = Table(title=f"newsevents accuracy ({f'limit {limit}' if limit else 'full dev data'})")
    for column in ("stage", "metric", "newsevents", "n", "anchor", "anchor's figure"):
        numeric = column in ("newsevents", "n", "anchor's figure")
        table.add_column(column, justify="right" if numeric else "left",
                         no_wrap=column != "anchor")
    for m in metrics:
        table.add_row(m.stage, m.name, f"{m.value:.3f}", str(m.n), m.anchor or "",
                      f"{m.anchor_value:.3f}" if m.anchor_value is not None else "")
    Console(width=None if sys.stdout.isatty() else 150).print(table)
    if report:
        with open(report, "w", encoding="utf-8") as handle:
            handle.write(markdown_report(metrics, limit=limit, seconds=seconds))
    if update_baseline:
        with open(update_baseline, "w", encoding="utf-8") as handle:
            json.dump({"limit": limit, "floors": floors_from(metrics)}, handle, indent=1)
            handle.write("\n")
    if baseline:
        failures = check_floors(metrics, baseline.get("floors", {}))
        for failure in failures:
            typer.echo(f"newsevents: regression: {failure}", err=True)
        if failures:
            raise typer.Exit(code=1)
        typer.echo(f"newsevents: all {len(baseline.get('floors', {}))} floors hold", err=True)


@app.command()
def version() -> None:
    """Print the version of newsevents."""
    typer.echo(__version__)


# Corpus commands, one module each in commands/ (heavy imports happen inside the commands).
from .commands import export as _export_command  # noqa: E402
from .commands import ingest as _ingest_command  # noqa: E402
from .commands import query as _query_command  # noqa: E402
from .commands import serve as _serve_command  # noqa: E402

app.command("ingest")(_ingest_command.ingest)
app.command("query")(_query_command.query)
app.command("export")(_export_command.export)
app.command("serve")(_serve_command.serve)


def _parse_documents(raw: str) -> list:
    """One JSON document, a JSON array of them, or JSON Lines."""
    try:
        parsed = json.loads(raw)
    except json.JSONDecodeError:
        return [json.loads(line) for line in raw.splitlines() if line.strip()]
    return parsed if isinstance(parsed, list) else [parsed]


def demo_text() -> str:
    """The sample article shipped in the package."""
    return (package_files.files("newsevents") / "data" / "demo_article.txt").read_text("utf-8")


def main() -> None:
    """Console entry point: the Typer app, with a quiet exit on a closed pipe or Ctrl-C."""
    try:
        app()
    except BrokenPipeError:  # `newsevents ... | head` closed our stdout
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        typer.echo("newsevents: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
