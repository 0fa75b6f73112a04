"""Shared fixtures: one real Resources object (spaCy model, gazetteer) for the whole session."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.model import Article
from newsevents.pipeline import DEFAULT_STAGES, Resources, process
from newsevents.reader import article_from
from newsevents.settings import Settings


@pytest.fixture(scope="session")
def resources() -> Resources:
    """The real pipeline resources, loaded once per test session."""
    return Resources(Settings.from_env())


@pytest.fixture(scope="session")
def run(resources: Resources) -> Callable[..., Article]:
    """Process a text through the pipeline, up to and including the named stage."""

    def _run(text: str, published: str | dt.date | None = "2026-03-15",
             until: str | None = None, **meta: str) -> Article:
        stages = DEFAULT_STAGES
        if until is not None:
            names = [stage.__name__ for stage in DEFAULT_STAGES]
            stages = DEFAULT_STAGES[: names.index(until) + 1]
        return process(article_from(text, published=published, **meta), resources, stages)

    return _run


@pytest.fixture(scope="session")
def demo(resources: Resources) -> Article:
    """The shipped demo article, processed once."""
    from newsevents.cli import DEMO_PUBLISHED, DEMO_URL, demo_text

    return process(article_from(demo_text(), url=DEMO_URL, published=DEMO_PUBLISHED), resources)


def _emptied_postgres() -> str:
    """The URL of $NEWSEVENTS_TEST_PG with its public schema dropped (skips when unset)."""
    import os

    url = os.environ.get("NEWSEVENTS_TEST_PG")
    if not url:
        pytest.skip("NEWSEVENTS_TEST_PG is not set (no PostgreSQL server for this run)")
    import sqlalchemy as sa

    from newsevents.store import database_url

    engine = sa.create_engine(database_url(url))
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


@pytest.fixture()
def pg_url() -> str:
    """A REAL, emptied PostgreSQL database from $NEWSEVENTS_TEST_PG (skipped when unset).

    `.ci/run` starts a throwaway server on 127.0.0.1 and sets the variable. Every table of
    the database's public schema is dropped first: point it at a test database only.
    """
    return _emptied_postgres()


@pytest.fixture(scope="session")
def fresh_database() -> Callable[..., str]:
    """A factory: a fresh SQLite file in `folder`, or the emptied $NEWSEVENTS_TEST_PG."""

    def _make(kind: str, folder, name: str = "corpus") -> str:
        return str(folder / f"{name}.db") if kind == "sqlite" else _emptied_postgres()

    return _make


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """A fresh database of each kind the store supports: an SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def node_js(tmp_path_factory) -> Callable[..., Callable[..., object]]:
    """node_js(harness, script) -> js(expression, data): the JSON value of a JS expression over
    `data`, with `script` loaded by the `harness` program in node (skips when node is missing)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")

    def load(harness: str, script: Path) -> Callable[..., object]:
        path = tmp_path_factory.mktemp("js") / "harness.js"
        path.write_text(harness, encoding="utf-8")

        def evaluate(expression: str, data: object = None) -> object:
            done = subprocess.run([node, str(path), str(script), expression],
                                  input=json.dumps(data), capture_output=True, text=True,
                                  timeout=60, check=True)
            return json.loads(done.stdout)
        return evaluate
    return load
