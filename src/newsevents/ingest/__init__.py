"""Corpus ingest: sources -> pipeline (N worker processes) -> the store, resumably.

    summary = ingest(["stories.jsonl", "crawl.warc.gz"], Store.open("newsevents.db"))

- Idempotent: a record is keyed by its canonical URL and the hash of its body; what is
  stored (or was rejected) is skipped before any processing, so a re-run adds nothing.
  An exact copy of a stored body under another URL becomes a `duplicates` row.
- `reprocess=True` re-extracts stored articles whose pipeline version differs from today's.
- A bad record (unreadable, empty, over-size, not English, corrupt JSON line or WARC
  member, failed download) goes to `rejected` with its reason and the batch goes on.
- Workers (spawned processes, models loaded once each) only compute; this process writes
  each article in one transaction, so killing it loses at most the articles in flight.
- Articles go to the pipeline `batch_size` at a time, parsed together by spaCy's nlp.pipe
  (the same output as one by one, faster); a bad article is still rejected on its own.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context

from ..model import Article, InputError
from ..pipeline import BATCH_SIZE, Resources
from ..reader import article_from, decode_bytes
from ..settings import Settings
from ..store import ArticleKey, Known, Store, canonical_url, content_hash
from . import sources as src
from .fetch import Fetcher, FetchError
from .workers import Outcome, init_worker, pipeline_version, run_pipeline_batch, work_batch

__all__ = ["Summary", "count_records", "decide", "ingest", "pipeline_version"]


@dataclass
class Summary:
    """Counts of one ingest run (also what the progress bar shows)."""

    total: int | None = None  # records expected, when known
    done: int = 0  # processed and stored (new or re-extracted)
    failed: int = 0  # rejected, with a reason in `rejected`
    skipped: int = 0  # already stored, already rejected, or an exact duplicate
    duplicates: int = 0  # of the skipped: exact copies under another URL
    reprocessed: int = 0  # of the done: re-extracted with a newer pipeline
    started: float = field(default_factory=time.monotonic)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason), capped

    @property
    def seen(self) -> int:
        """Records finished, in any way."""
        return self.done + self.failed + self.skipped

    @property
    def seconds(self) -> float:
        """Wall time so far."""
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Articles processed per second."""
        return self.done / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class Action:
    """What to do with one record, given what the store holds."""

    kind: str  # process | replace | skip | duplicate
    article_id: int | None = None


def decide(known: Known | None, key: ArticleKey, *, reprocess: bool, version: str) -> Action:
    """Skip what is stored; re-extract a changed body or (with reprocess) an older version."""
    if known is None:
        return Action("process")
    if known.status == "duplicate":
        return Action("skip")
    if known.status == "rejected":
        retry = reprocess and known.pipeline_version != version
        return Action("process") if retry else Action("skip")
    same_body = known.content_hash == key.content_hash
    if key.url and known.url and key.url != known.url and same_body:
        return Action("duplicate", known.article_id)  # the same body at another URL
    if key.url and key.url == known.url and not same_body:
        return Action("replace", known.article_id)  # the page changed since we stored it
    if reprocess and known.pipeline_version != version:
        return Action("replace", known.article_id)
    return Action("skip")


def count_records(paths: Iterable[str], settings: Settings) -> int | None:
    """How many records the sources hold (for the ETA); None when it cannot be told cheaply."""
    total = 0
    for path in paths:
        name = path.lower()
        if name.startswith(("http://", "https://")):
            return None
        try:
            if name.endswith((".jsonl", ".ndjson")):
                with open(path, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += sum(1 for _ in src.read(path, settings)) if name.endswith(
                    src.FEED_SUFFIXES + src.warc.SUFFIXES) else 1
        except OSError:
            total += 1
    return total


def ingest(sources: list[str], store: Store, *, settings: Settings | None = None,
           workers: int = 2, reprocess: bool = False, fetch: bool = False,
           fetcher: Fetcher | None = None, resources: Resources | None = None,
           progress: Callable[[Summary], None] | None = None,
           corpus_jobs: bool = True, max_errors_kept: int = 50,
           batch_size: int = BATCH_SIZE) -> Summary:
    """Ingest every record of `sources` into `store`; returns the run's counts."""
    settings = settings or Settings.from_env()
    version = pipeline_version()
    paths = list(src.expand(sources))
    summary = Summary(total=count_records(paths, settings))
    own_fetcher = fetcher is None and fetch
    fetcher = fetcher or (Fetcher(max_bytes=settings.max_input_bytes) if fetch else None)
    run = _Run(store, settings, version, reprocess, summary, progress, max_errors_kept,
               max(1, batch_size))
    records = (record for path in paths for record in src.read(path, settings, fetch=fetch))
    try:
        if workers <= 1:
            run.serial(_prepared(records, run, fetcher), resources or Resources(settings))
        else:
            run.parallel(_prepared(records, run, fetcher), workers)
    finally:
        if own_fetcher and fetcher is not None:
            fetcher.close()
    if corpus_jobs and summary.done:
        from ..store.corpus import refresh_corpus

        refresh_corpus(store)
    return summary


@dataclass
class _Job:
    key: ArticleKey
    article: Article
    action: Action


def _prepared(records: Iterator[src.Record], run: "_Run", fetcher: Fetcher | None
              ) -> Iterator[_Job]:
    """Records that need the pipeline, with their keys; everything else is settled here."""
    for first in records:
        queue = [first]
        while queue:
            record = queue.pop(0)
            if record.fetch_url and record.error is None and fetcher is not None:
                fetched = _fetched(record, run, fetcher)
                if isinstance(fetched, list):  # a feed: its items are fetched next
                    queue[:0] = fetched
                    continue
                if fetched is None:
                    continue
                record = fetched
            if record.error is not None or record.article is None:
                if run.store.rejected_origin(record.origin):
                    run.skip()  # rejected by an earlier run: nothing new to record
                else:
                    run.reject(record.origin, record.error or "no article", url=record.url)
                continue
            job = run.plan(record)
            if job is not None:
                yield job


def _fetched(record: src.Record, run: "_Run", fetcher: Fetcher
             ) -> src.Record | list[src.Record] | None:
    """Download a record's page unless its URL is stored (None: settled; a list: feed items)."""
    url = canonical_url(record.fetch_url)
    known = run.store.lookup(ArticleKey(url, record.fetch_url, "", record.origin))
    if known is not None and not (run.reprocess and known.pipeline_version != run.version):
        run.skip()
        return None
    try:
        page = fetcher.get(record.fetch_url)
        if "xml" in page.content_type.lower() or src.feeds.looks_like_feed(page.body[:2048]):
            try:
                items = src.feeds.parse_feed(page.body)
            except ValueError:
                items = None
            if items is not None:
                return list(src.feed_records(items, record.fetch_url, fetch=True))
        text = decode_bytes(page.body)
        plain = page.content_type.lower().startswith("text/plain")
        article = article_from(text, url=record.fetch_url) if plain else article_from(
            html=text, url=record.fetch_url)
    except (FetchError, InputError) as error:
        return src.Record(record.origin, error=str(error), fetch_url=record.fetch_url)
    if record.article is not None:  # what the feed said about the item
        article.title = article.title or record.article.title
        article.published = article.published or record.article.published
    return src.Record(record.origin, article=article)


class _Run:
    """The parent's state for one run: the store, counts, keys in flight."""

    def __init__(self, store: Store, settings: Settings, version: str, reprocess: bool,
                 summary: Summary, progress: Callable[[Summary], None] | None,
                 max_errors_kept: int, batch_size: int = 1) -> None:
        self.store, self.settings, self.version = store, settings, version
        self.reprocess, self.summary, self.progress = reprocess, summary, progress
        self.max_errors_kept, self.batch_size = max_errors_kept, batch_size
        self.in_flight: set[str] = set()
        self.deferred: list[src.Record] = []

    def _tick(self) -> None:
        if self.progress is not None:
            self.progress(self.summary)

    def skip(self, duplicate: bool = False) -> None:
        self.summary.skipped += 1
        self.summary.duplicates += duplicate
        self._tick()

    def reject(self, origin: str, reason: str, *, url: str | None = None,
               content_hash: str | None = None) -> None:
        self.store.reject(origin, reason, url=url, content_hash=content_hash,
                          pipeline_version=self.version)
        self.summary.failed += 1
        if len(self.summary.errors) < self.max_errors_kept:
            self.summary.errors.append((origin, reason))
        self._tick()

    def plan(self, record: src.Record) -> _Job | None:
        """The job for a record, or None when it was settled (skipped, duplicate, deferred)."""
        article = record.article
        body = article.raw_html if article.raw_html is not None else article.raw_text or ""
        key = ArticleKey(canonical_url(article.url), article.url, content_hash(body),
                         record.origin)
        if {key.url, key.content_hash} & self.in_flight:
            self.deferred.append(record)  # same article already in flight: decide later
            return None
        action = decide(self.store.lookup(key), key, reprocess=self.reprocess,
                        version=self.version)
        if action.kind == "skip":
            self.skip()
            return None
        if action.kind == "duplicate":
            self.store.add_duplicate(action.article_id, url=key.url, outlet=article.outlet,
                                     kind="exact", similarity=1.0)
            self.skip(duplicate=True)
            return None
        self.in_flight |= {k for k in (key.url, key.content_hash) if k}
        return _Job(key, article, action)

    def finish(self, job: _Job, outcome: Outcome) -> None:
        """Write one result: the article in one transaction, or its rejection."""
        self.in_flight -= {job.key.url, job.key.content_hash}
        if outcome.document is None:
            self.reject(job.key.origin, outcome.error or "unknown error", url=job.key.url_raw,
                        content_hash=job.key.content_hash)
            return
        replace_id = job.action.article_id if job.action.kind == "replace" else None
        self.store.write_article(outcome.document, job.key, pipeline_version=self.version,
                                 seconds=outcome.seconds, replace_id=replace_id)
        self.summary.done += 1
        self.summary.reprocessed += replace_id is not None
        self._tick()

    def finish_batch(self, batch: list[_Job], outcomes: list[Outcome]) -> None:
        """Write the results of one batch, in order."""
        for job, outcome in zip(batch, outcomes, strict=True):
            self.finish(job, outcome)

    def replanned(self) -> Iterator[_Job]:
        """The deferred copies, decided again (call only when no article is in flight)."""
        records, self.deferred = self.deferred, []
        return (job for job in map(self.plan, records) if job is not None)

    def serial(self, jobs: Iterator[_Job], resources: Resources) -> None:
        """Process in this process (workers <= 1), `batch_size` articles at a time."""
        feed = iter(jobs)
        while True:
            batch = list(islice(feed, self.batch_size))
            if not batch:
                if not self.deferred:
                    return
                # Copies of articles that were in flight: nothing is now, decide again.
                feed = self.replanned()
                continue
            self.finish_batch(batch, run_pipeline_batch([job.article for job in batch], resources))

    def parallel(self, jobs: Iterator[_Job], workers: int) -> None:
        """Process in `workers` spawned processes, a bounded number of batches in flight."""
        window = workers * 2  # one batch running and one queued per worker
        pending: dict[Future, list[_Job]] = {}
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                                 initializer=init_worker, initargs=(self.settings,)) as pool:
            feed, exhausted = iter(jobs), False
            while True:
                while not exhausted and len(pending) < window:
                    batch = list(islice(feed, self.batch_size))
                    if not batch:
                        exhausted = True
                    else:
                        pending[pool.submit(work_batch, [job.article for job in batch])] = batch
                if not pending:
                    if not (exhausted and self.deferred):
                        return
                    # Copies of articles that were in flight: nothing is now, decide again.
                    feed, exhausted = self.replanned(), False
                    continue
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    batch = pending.pop(future)
                    try:
                        outcomes = future.result()
                    except Exception as error:  # a worker died (out of memory, killed)
                        failed = Outcome(None, f"worker failed ({type(error).__name__})", 0.0)
                        outcomes = [failed] * len(batch)
                    self.finish_batch(batch, outcomes)
