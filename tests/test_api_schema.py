"""Schemathesis against the API's own OpenAPI schema: generated requests (valid and
invalid) to every operation never get a server error or an undocumented answer.

Kept small and bounded (a few examples per operation, no deadline flakiness) so it runs in
every CI pass; the corpus is tests/data/corpus_stories.jsonl, as in test_api.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

from newsevents.api import create_app  # noqa: E402
from newsevents.ingest import ingest  # noqa: E402
from newsevents.store import Store  # noqa: E402

CORPUS = Path(__file__).parent / "data" / "corpus_stories.jsonl"


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, resources):
    """The app's schema, loaded in-process (ASGI), over the ingested test corpus."""
    store = Store.open(str(tmp_path_factory.mktemp("schema") / "corpus.db"))
    ingest([str(CORPUS)], store, workers=1, resources=resources)
    app = create_app(store=store, resources=resources, dashboard=False, timeout_s=20,
                     max_body_bytes=20_000)
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    store.close()


def _operations(api_schema):
    """Every operation of the schema (schemathesis's pytest plugin is not used: it does not
    work with this pytest; the loop below is the same check, one Hypothesis run each)."""
    return [result.ok() for result in api_schema.get_all_operations()]


def test_api_conforms_to_its_schema(api_schema):
    operations = _operations(api_schema)
    assert len(operations) >= 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=8, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            # Schema-valid is not always meaningful: `near=<random words>` names no place in
            # the corpus and rightly gets a 422, so positive_data_acceptance does not apply.
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        check()
