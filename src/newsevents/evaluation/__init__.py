"""Accuracy evaluation of every stage on public gold data, and the regression gate.

`run_evaluation()` scores the requested stages; `check_floors()` compares the scores with
the pinned floors of `eval/baseline.json`; `markdown_table()` writes docs/accuracy.md.
Each scorer module exposes `evaluate(data, limit=None, resources=None) -> list[Metric]`.
"""

from __future__ import annotations

import importlib
import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .common import Metric, data_dir

# Stage name -> scorer module (relative to this package), in the order the table prints them.
SCORERS: dict[str, str] = {
    "text": ".boilerplate",
    "places": ".places",
    "quotes": ".quotes",
    "dates": ".dates",
    "events": ".events",
    "casualties": ".casualties",
}


def run_evaluation(stages: Iterable[str] | None = None, *, data: Path | None = None,
                   limit: int | None = None, resources: Any = None,
                   progress: Callable[[str, float], None] | None = None) -> list[Metric]:
    """Score each requested stage (all by default) and return every metric."""
    chosen = list(stages or []) or list(SCORERS)
    unknown = [s for s in chosen if s not in SCORERS]
    if unknown:
        raise ValueError(f"unknown stage(s): {', '.join(unknown)}; known: {', '.join(SCORERS)}")
    folder = data_dir(data)
    metrics: list[Metric] = []
    for stage in chosen:
        began = time.perf_counter()
        module = importlib.import_module(SCORERS[stage], __name__)
        metrics.extend(module.evaluate(folder, limit=limit, resources=resources))
        if progress:
            progress(stage, time.perf_counter() - began)
    return metrics


def load_baseline(path: Path) -> dict[str, Any]:
    """The pinned floors: {"limit": N, "floors": {"stage.metric": value, ...}}."""
    return json.loads(Path(path).read_text("utf-8"))


def check_floors(metrics: Iterable[Metric], floors: dict[str, float],
                 tolerance: float = 1e-6) -> list[str]:
    """One message per metric that fell below its floor (metrics without a floor pass)."""
    failures = []
    for metric in metrics:
        floor = floors.get(metric.key)
        if floor is not None and metric.value + tolerance < floor:
            failures.append(f"{metric.key} = {metric.value:.4f} is below its floor {floor:.4f}")
    return failures


def markdown_table(metrics: Iterable[Metric]) -> str:
    """A Markdown table of the metrics with their anchors."""
    lines = ["| stage | metric | newsevents | n | anchor | anchor's figure |",
             "|---|---|---:|---:|---|---:|"]
    for m in metrics:
        anchor_value = f"{m.anchor_value:.3f}" if m.anchor_value is not None else ""
        lines.append(f"| {m.stage} | {m.name} | {m.value:.3f} | {m.n} | {m.anchor or ''} | "
                     f"{anchor_value} |")
    return "\n".join(lines) + "\n"


__all__ = ["Metric", "SCORERS", "run_evaluation", "check_floors", "load_baseline",
           "markdown_table", "data_dir"]
