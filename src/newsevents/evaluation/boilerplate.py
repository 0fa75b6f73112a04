"""Text stage on the article-extraction benchmark: 4-gram shingle P/R/F1 against gold bodies.

Re-implements the benchmark's metric: per page, TP/FP/FN over multisets of 4-token shingles
(`\\w+` tokens), precision and recall averaged over pages, F1 from the averages. Plain
trafilatura (comments excluded, as we use it) is scored in the same run as the anchor.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ..model import Article, InputError
from ..settings import Settings
from ..stages.text import clean_text
from .common import Metric

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> Counter:
    """Multiset of consecutive 4-token shingles (a shorter text is one shingle)."""
    words = _WORD.findall(text)
    if len(words) < 4:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i:i + 4]) for i in range(len(words) - 3))


def page_scores(predicted: str, gold: str) -> tuple[float, float]:
    """Precision and recall of one page (a page with nothing on either side counts 1)."""
    g, p = shingles(gold), shingles(predicted)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def evaluate(data: Path, limit: int | None = None, **_: object) -> list[Metric]:
    """Score our text stage and plain trafilatura on the benchmark pages."""
    folder = data / "boilerplate"
    gold = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    ids = sorted(gold)[:limit] if limit else sorted(gold)
    pages = [(gzip.open(folder / "html" / f"{i}.html.gz").read().decode("utf-8"),
              gold[i]["articleBody"]) for i in ids]
    ours = _score(pages, _our_text)
    plain = _score(pages, _plain_trafilatura)
    n = len(pages)
    return [
        Metric("text", "boilerplate.precision", ours[0], n, "trafilatura 2.3.1 (same run)", plain[0]),
        Metric("text", "boilerplate.recall", ours[1], n, "trafilatura 2.3.1 (same run)", plain[1]),
        Metric("text", "boilerplate.f1", ours[2], n, "trafilatura 2.3.1 (same run)", plain[2]),
    ]


def _score(pages: list[tuple[str, str]], extract: Callable[[str], str]) -> tuple[float, float, float]:
    precisions, recalls = [], []
    for html, gold in pages:
        precision, recall = page_scores(extract(html) or "", gold)
        precisions.append(precision)
        recalls.append(recall)
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class _TextOnly:
    # The language check is a policy, not extraction: switched off to score extraction alone.
    settings = Settings(languages=())


def _our_text(html: str) -> str:
    try:
        return clean_text(Article(raw_html=html), _TextOnly()).text
    except InputError:
        return ""


def _plain_trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""
