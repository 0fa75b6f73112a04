"""Ingest benchmark: corpus throughput and database size (a benchmark, not a test).

Ingests the VOA dev stories (`--repeat` times, each copy under its own URL with a one-line
byline so its content hash differs; the copies are near-duplicates, as syndication is)
into a fresh SQLite file, and, when $NEWSEVENTS_TEST_PG or --pg is given, into PostgreSQL,
with `--workers` processes and `--batch-size` articles parsed together; reports articles/s
(whole run: reading, spawning the workers and loading their models, extraction, writing,
corpus jobs), the corpus jobs' share, and the database size per 1,000 articles. Several
`--workers` and `--batch-size` values are measured back to back, every combination.

    python bench/ingest.py [--data DIR] [--repeat 2] [--workers 1 2] [--batch-size 1 4]
                           [--pg URL] [--markdown FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path


def make_batch(data: Path, repeat: int, folder: Path) -> tuple[Path, int, int]:
    """A JSONL file of the stories, `repeat` copies each; (path, articles, words)."""
    stories = [json.loads(line) for line in
               (data / "voa" / "voa_stories_dev.jsonl").read_text("utf-8").splitlines() if line.strip()]
    path = folder / "batch.jsonl"
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for copy in range(repeat):
            for story in stories:
                text = story["text"] if copy == 0 else f"{story['text']}\n\n(Copy {copy} of this report.)"
                words += len(text.split())
                handle.write(json.dumps({"url": f"{story['url']}?copy={copy}", "title": story.get("title"),
                                         "published": story.get("published"), "text": text}) + "\n")
    return path, repeat * len(stories), words


def size_bytes(store) -> int:
    """Size on disk (SQLite: the file after a WAL checkpoint; PostgreSQL: tables and indexes)."""
    with store.engine.connect() as conn:
        if store.dialect == "sqlite":
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            return int(conn.exec_driver_sql("PRAGMA page_count").scalar()
                       * conn.exec_driver_sql("PRAGMA page_size").scalar())
        # The tables with their indexes and TOAST, not the catalog every database carries.
        return int(conn.exec_driver_sql("SELECT sum(pg_total_relation_size(relid)) "
                                        "FROM pg_catalog.pg_statio_user_tables").scalar())


def bench(db: str, batch: Path, workers: int, batch_size: int) -> dict:
    """One ingest run into `db`, timed, with its corpus jobs timed apart."""
    from newsevents.ingest import ingest
    from newsevents.store import Store
    from newsevents.store.corpus import refresh_corpus

    store = Store.open(db)
    writes = _time_writes(store)
    began = time.perf_counter()
    summary = ingest([str(batch)], store, workers=workers, corpus_jobs=False,
                     batch_size=batch_size)
    extract_s = time.perf_counter() - began
    began = time.perf_counter()
    jobs = refresh_corpus(store)
    jobs_s = time.perf_counter() - began
    size = size_bytes(store)
    counts = store.counts()
    with store.engine.connect() as conn:
        pipeline_s = conn.exec_driver_sql("SELECT avg(seconds) FROM articles").scalar()
    store.close()
    seconds = extract_s + jobs_s
    return {"db": store.dialect, "workers": workers, "batch_size": batch_size,
            "articles": summary.done, "failed": summary.failed,
            "seconds": seconds, "corpus_jobs_s": jobs_s, "rate": summary.done / seconds,
            "pipeline_s_per_article": float(pipeline_s or 0),
            "write_ms_per_article": writes[0] / max(1, summary.done) * 1000, "bytes": size, "per_1000_mb": size / max(1, summary.done) * 1000 / 1e6,
            "events": counts["events"], "near_duplicates": jobs.get("near_duplicates"),
            "incidents": jobs.get("incidents")}


def _time_writes(store) -> list[float]:
    """Wrap the store's article writes to add up their time (the parent's share of the work)."""
    total = [0.0]
    write = store.write_article

    def timed(*args, **kwargs):
        began = time.perf_counter()
        try:
            return write(*args, **kwargs)
        finally:
            total[0] += time.perf_counter() - began

    store.write_article = timed
    return total


def reset_pg(url: str) -> None:
    """Empty the benchmark's PostgreSQL database."""
    import sqlalchemy as sa

    from newsevents.store import database_url

    engine = sa.create_engine(database_url(url))
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def markdown(results: list[dict], articles: int, words: int, args: argparse.Namespace) -> str:
    lines = [
        "## Corpus ingest", "",
        f"Benchmark: `python bench/ingest.py --repeat {args.repeat} --workers {_values(args.workers)} "
        f"--batch-size {_values(args.batch_size)}` "
        f"over the 49 VOA dev stories (x{args.repeat}: {articles} articles, {words:,} words; "
        "copies carry their own URL and a byline line, so they are stored and then linked as near-duplicates).", "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"measured {time.strftime('%Y-%m-%d')}. The whole run is timed: reading, spawning the workers "
        "and loading the model in each, extraction, one transaction per article, then the corpus jobs "
        "(near-duplicates, stories, incidents).", "",
        "| database | workers | batch | articles | seconds | articles/s | pipeline s/article (in a worker) | write ms/article | corpus jobs (s) | DB size | per 1,000 articles |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(f"| {r['db']} | {r['workers']} | {r['batch_size']} | {r['articles']} | {r['seconds']:.1f} | {r['rate']:.2f} | "
                     f"{r['pipeline_s_per_article']:.2f} | {r['write_ms_per_article']:.1f} | "
                     f"{r['corpus_jobs_s']:.2f} | {r['bytes'] / 1e6:.1f} MB | {r['per_1000_mb']:.1f} MB |")
    lines += ["", "The size holds the clean text, every record's typed columns and its full JSON "
              "record (so keys added to newsevents/1 later survive without a migration), and the indexes.", ""]
    return "\n".join(lines)


def _values(numbers: list[int]) -> str:
    return " ".join(map(str, numbers))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get("NEWSEVENTS_DATA", "../shared/data"))
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--workers", type=int, nargs="+", default=[2])
    parser.add_argument("--batch-size", type=int, nargs="+", default=[4],
                        help="articles parsed together (1: one by one)")
    parser.add_argument("--pg", default=os.environ.get("NEWSEVENTS_TEST_PG"))
    parser.add_argument("--markdown", help="Append the results as a section to this file.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        batch, articles, words = make_batch(Path(args.data), args.repeat, Path(folder))
        results = []
        for workers in args.workers:
            for size in args.batch_size:
                db = Path(folder) / f"bench-{workers}-{size}.db"
                results.append(bench(str(db), batch, workers, size))
                if args.pg:
                    reset_pg(args.pg)
                    results.append(bench(args.pg, batch, workers, size))
                print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    text = markdown(results, articles, words, args)
    print(text)
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as handle:
            handle.write("\n" + text)


if __name__ == "__main__":
    main()
