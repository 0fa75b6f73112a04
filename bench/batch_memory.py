"""CPU time and peak memory of spaCy's nlp.pipe by batch size (a benchmark, not a test).

Parses the VOA dev stories (x2) as the pipeline does (`stages.nlp.prepare_doc`, then
`nlp.pipe` in batches of N), in a fresh process per batch size so each peak is its own.

    python bench/batch_memory.py [--data DIR] [--batch-size 1 2 4 8 16]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time


def measure(batch_size: int, data: str | None) -> dict:
    """Parse the stories `batch_size` at a time in this process; CPU seconds and peak RSS."""
    from newsevents.evaluation.common import data_dir
    from newsevents.pipeline import Resources
    from newsevents.stages.nlp import prepare_doc

    nlp = Resources().nlp
    path = data_dir(data) / "voa" / "voa_stories_dev.jsonl"
    texts = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()
             if line.strip()] * 2
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu = time.process_time()
    for start in range(0, len(texts), batch_size):
        docs = [prepare_doc(text, nlp) for text in texts[start:start + batch_size]]
        for _ in nlp.pipe(docs, batch_size=batch_size):
            pass
    return {"batch": batch_size, "articles": len(texts), "cpu_s": time.process_time() - cpu,
            "rss_loaded_mb": loaded,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--batch-size", type=int, nargs="+", default=[1, 2, 4, 8, 16])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child's own run
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.data)))
        return 0
    print("| batch | CPU s | peak RSS (MB) | RSS after loading the model (MB) |")
    print("|---:|---:|---:|---:|")
    for size in args.batch_size:
        command = [sys.executable, __file__, "--one", str(size)]
        if args.data:
            command += ["--data", args.data]
        row = json.loads(subprocess.run(command, check=True, capture_output=True,
                                        text=True).stdout.strip().splitlines()[-1])
        print(f"| {size} | {row['cpu_s']:.2f} | {row['peak_rss_mb']:.0f} | "
              f"{row['rss_loaded_mb']:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
