"""Worker side of ingest: the pipeline in a process with its models loaded once.

Workers only compute: they receive an unprocessed Article and return its newsevents/1
document (plain dicts, cheap to pickle) or the reason it was rejected. The parent process
does every database write.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Article, InputError
from ..pipeline import Resources, process_batch
from ..settings import Settings

# Package parts whose code decides the extraction output; storage, CLI and eval code do not.
_PIPELINE_PARTS = ("stages", "geo", "corpus", "pipeline.py", "model.py", "gazetteer.py",
                   "numbers.py", "ontology.py", "actors.py", "countries.py", "reader.py",
                   "settings.py")


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """'<package version>+<hash of the pipeline's source>'; $NEWSEVENTS_PIPELINE_VERSION wins.

    Any change to a stage's code gives a new version, so `ingest --reprocess` re-extracts
    exactly the articles an older pipeline produced.
    """
    override = os.environ.get("NEWSEVENTS_PIPELINE_VERSION")
    if override:
        return override
    from .. import __version__

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for part in _PIPELINE_PARTS:
        path = root / part
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            if file.exists():
                digest.update(file.relative_to(root).as_posix().encode())
                digest.update(file.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back for one article."""

    document: dict[str, Any] | None
    error: str | None
    seconds: float


_resources: Resources | None = None


def init_worker(settings: Settings) -> None:
    """Process initializer: load the spaCy model and the gazetteer once for this worker."""
    global _resources
    _resources = Resources(settings)
    _resources.nlp  # noqa: B018 - load now, not inside the first article's timing
    _resources.gazetteer  # noqa: B018


def work(article: Article) -> Outcome:
    """Process one article in this worker."""
    assert _resources is not None, "init_worker was not run"
    return run_pipeline(article, _resources)


def work_batch(articles: list[Article]) -> list[Outcome]:
    """Process several articles in this worker, parsed together."""
    assert _resources is not None, "init_worker was not run"
    return run_pipeline_batch(articles, _resources)


def run_pipeline(article: Article, resources: Resources) -> Outcome:
    """The whole pipeline on one article; a failure becomes a reason, never an exception."""
    return run_pipeline_batch([article], resources)[0]


def run_pipeline_batch(articles: list[Article], resources: Resources) -> list[Outcome]:
    """`run_pipeline` on each article, their spaCy parse batched; one Outcome each, in order."""
    return [_outcome(result) for result in process_batch(articles, resources)]


def _outcome(result: Article | Exception) -> Outcome:
    """An article's Outcome; its seconds are its stage timings (its share of the batched parse)."""
    if isinstance(result, InputError):
        return Outcome(None, str(result), 0.0)
    if isinstance(result, Exception):
        return Outcome(None, f"internal error ({type(result).__name__}: {result})", 0.0)
    began = time.perf_counter()
    try:
        document = result.to_dict()
    except Exception as error:  # a bug on one article must not stop the batch
        return Outcome(None, f"internal error ({type(error).__name__}: {error})", 0.0)
    return Outcome(document, None, sum(result.timings.values()) + time.perf_counter() - began)
