"""Throughput and memory benchmark over the VOA stories (a benchmark, not a test).

Runs, in one invocation so the ratios hold on a noisy machine:
  1. a spaCy-only baseline (the same model parsing the same texts, nothing else),
  2. the whole newsevents pipeline in 1 process,
  3. the whole pipeline in N worker processes (default 2),
and reports articles/s, words/s, time per stage and peak resident memory.

    python bench/throughput.py [--data DIR] [--repeat 2] [--workers 2] [--markdown docs/performance.md]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path


def load_stories(data: Path) -> list[dict]:
    """The VOA dev stories, read from the shared gold data folder."""
    path = data / "voa" / "voa_stories_dev.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_spacy_only(stories: list[dict]) -> dict:
    """Baseline: parse each story with the same spaCy model and nothing else."""
    from newsevents.pipeline import Resources

    nlp = Resources().nlp
    began = time.perf_counter()
    for story in stories:
        nlp(story["text"])
    return {"seconds": time.perf_counter() - began}


def run_pipeline(stories: list[dict]) -> dict:
    """The whole pipeline, one process; returns total seconds and seconds per stage."""
    from newsevents.pipeline import Resources, process
    from newsevents.reader import article_from

    resources = Resources()
    resources.nlp, resources.gazetteer  # load outside the timed loop, as a server would
    per_stage: dict[str, float] = defaultdict(float)
    failures = 0
    began = time.perf_counter()
    for story in stories:
        try:
            article = process(article_from(story["text"], title=story.get("title"),
                                           published=story.get("published")), resources)
        except Exception:  # noqa: BLE001 - a benchmark counts failures, it does not stop
            failures += 1
            continue
        for stage, seconds in article.timings.items():
            per_stage[stage] += seconds
    return {"seconds": time.perf_counter() - began, "per_stage": dict(per_stage),
            "failures": failures}


def _worker(chunk: list[dict], queue: mp.Queue) -> None:
    result = run_pipeline(chunk)
    result["peak_rss_mb"] = peak_rss_mb()
    queue.put(result)


def run_parallel(stories: list[dict], workers: int) -> dict:
    """The whole pipeline split over worker processes, each loading its own model."""
    chunks = [stories[i::workers] for i in range(workers)]
    queue: mp.Queue = mp.get_context("fork").Queue()
    began = time.perf_counter()
    procs = [mp.get_context("fork").Process(target=_worker, args=(chunk, queue)) for chunk in chunks]
    for proc in procs:
        proc.start()
    results = [queue.get() for _ in procs]
    for proc in procs:
        proc.join()
    return {"seconds": time.perf_counter() - began,
            "peak_rss_mb": max(r["peak_rss_mb"] for r in results),
            "failures": sum(r["failures"] for r in results)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="gold data folder (default ../shared/data)")
    parser.add_argument("--repeat", type=int, default=2, help="repeat the story set N times")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--markdown", default=None, help="write a Markdown report here")
    args = parser.parse_args(argv)

    from newsevents.evaluation.common import data_dir

    stories = load_stories(data_dir(args.data)) * args.repeat
    words = sum(len(s["text"].split()) for s in stories)
    n = len(stories)

    baseline = run_spacy_only(stories)
    single = run_pipeline(stories)
    single_rss = peak_rss_mb()
    parallel = run_parallel(stories, args.workers)

    def rate(seconds: float) -> tuple[float, float]:
        return n / seconds, words / seconds

    rows = [
        ("spaCy only (en_core_web_sm), 1 process", baseline["seconds"], None),
        ("newsevents pipeline, 1 process", single["seconds"], single_rss),
        (f"newsevents pipeline, {args.workers} processes", parallel["seconds"], parallel["peak_rss_mb"]),
    ]
    lines = [
        "# Performance",
        "",
        f"Benchmark: `python bench/throughput.py --repeat {args.repeat} --workers {args.workers}` over "
        f"the {n // args.repeat} VOA dev stories (x{args.repeat}: {n} articles, {words:,} words).",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; measured {time.strftime('%Y-%m-%d')}.",
        "",
        "| run | seconds | articles/s | words/s | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, seconds, rss in rows:
        a, w = rate(seconds)
        lines.append(f"| {label} | {seconds:.2f} | {a:.2f} | {w:,.0f} | "
                     f"{f'{rss:.0f}' if rss else '-'} |")
    ratio = single["seconds"] / baseline["seconds"]
    lines += ["", f"Whole pipeline / spaCy-only time ratio (1 process): **{ratio:.2f}x**. "
              f"Failures: {single['failures']} (1 process), {parallel['failures']} (parallel).", "",
              "Time per stage (1 process, whole run):", "",
              "| stage | seconds | share | ms/article |", "|---|---:|---:|---:|"]
    total = sum(single["per_stage"].values()) or 1.0
    for stage, seconds in single["per_stage"].items():
        lines.append(f"| {stage} | {seconds:.2f} | {seconds / total:.0%} | {1000 * seconds / n:.1f} |")
    report = "\n".join(lines) + "\n"
    print(report)
    if args.markdown:
        Path(args.markdown).write_text(report, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
