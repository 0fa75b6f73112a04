"""Command-line interface: thin Typer commands over library calls.

Bad input never produces a traceback: the command prints one line on stderr and exits 2.
"""

from __future__ import annotations

import datetime as dt
import json
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
    failures = 0
    processed = 0
    try:
        for index, record in enumerate(read_source(article, settings, published=published_date), 1):
            if isinstance(record, InputError):
                failures += 1
                typer.echo(f"newsevents: skipped: {record}", err=True)
                continue
            try:
                result = process(record, resources)
            except InputError as error:
                failures += 1
                where = record.url or f"record {index}"
                typer.echo(f"newsevents: skipped: {where}: {error}", err=True)
                continue
            processed += 1
            _emit(result, as_json, as_jsonl)
    except InputError as error:
        _fail(str(error))
    if processed == 0 and failures:
        raise typer.Exit(code=2)


@app.command()
def demo(
    as_json: bool = typer.Option(False, "--json", help="Print the newsevents/1 JSON document."),
) -> None:
    """Run the whole pipeline on the sample wire story shipped with newsevents."""
    text = demo_text()
    resources = Resources(Settings.from_env())
    try:
        result = process(article_from(text, url=DEMO_URL, published=DEMO_PUBLISHED), resources)
    except InputError as error:
        _fail(str(error))
    _emit(result, as_json, False)


@app.command()
def version() -> None:
    """Print the version of newsevents."""
    typer.echo(__version__)


def demo_text() -> str:
    """The sample article shipped in the package."""
    return (package_files.files("newsevents") / "data" / "demo_article.txt").read_text("utf-8")


if __name__ == "__main__":  # pragma: no cover
    app()
