"""Casualties stage on the project's own VOA gold set (eval/gold/casualties.jsonl).

Each annotated story (`<data>/voa/voa_stories_dev.jsonl`, by id) goes through the full
pipeline as is, with its title and `published` as the reference date. A predicted claim
matches a gold claim when their amount spans overlap and the kinds are equal (one to one, in
reading order). Predicted offsets point into the clean text; they are mapped back to the
story text by searching the amount near the same offset (VOA stories are one paragraph, so
the clean text normally equals the story text and the offsets agree).

Metrics (stage "casualties"):
- `voa.claim_precision`, `voa.claim_recall`, `voa.claim_f1`: span overlap and equal kind;
- `voa.exact_match_f1`: kind, low, high and source all equal. Sources compare leniently:
  case-insensitive, a leading "the" ignored, and equal when one name's word tokens are all
  in the other's ("officials" ~ "U.S. and Iraqi officials"); null only equals null;
- `voa.kind_low_high_accuracy` and `voa.source_accuracy`: on the matched claims;
- `voa.counts_exact_match_f1`, `voa.counts_claim_recall`: the same without the gold's
  `single_victim` claims (its original, count-only conventions), treated like subsets.

Subsets: our convention (docs/casualty-conventions.md) never emits a claim that is part of
another ("five ... including two elders"), so gold claims with `subset_of` are left out of
recall, and a prediction that matches one is neither right nor wrong. (The gold already uses
our "more than N" = low N reading.)
Other gold claims our conventions do not produce (single victims as "a journalist", the
combined "killed and injured 1,000") stay in the gold and count as misses.
The gold file lives in the repository, not in the data folder; without it no metrics are
returned (a note goes to stderr).

PLOVER GSR dev (`<data>/events/plover/plover_gsr_dev.jsonl`, one sentence per record): on the
records with `dead` and/or `injured`, `plover.dead_injured_exact` is the share of those fields
(each field one item) for which the sentence yields a claim of the same kind (killed for dead,
wounded for injured) whose `low` equals the gold number.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Casualty
from .common import Metric, overlaps, prf, tokens

GOLD = Path(__file__).resolve().parents[3] / "eval" / "gold" / "casualties.jsonl"


@dataclass(frozen=True)
class GoldClaim:
    """One gold casualty claim: what the scorer compares."""

    kind: str
    low: int | None
    high: int | None
    start: int
    end: int
    source: str | None
    subset: bool = False
    single: bool = False  # added under the gold's single-victim extension


def gold_claim(record: dict[str, Any]) -> GoldClaim:
    """A gold claim from its JSON record."""
    return GoldClaim(record["kind"], record.get("low"), record.get("high"), record["start"],
                     record["end"], record.get("source"), record.get("subset_of") is not None,
                     bool(record.get("single_victim")))


def same_source(predicted: str | None, gold: str | None) -> bool:
    """Lenient source equality: null == null; else one name's tokens within the other's."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    ours, theirs = _name_tokens(predicted), _name_tokens(gold)
    if not ours or not theirs:
        return ours == theirs
    return set(ours) <= set(theirs) or set(theirs) <= set(ours)


def _name_tokens(name: str) -> list[str]:
    words = tokens(name)
    return words[1:] if words[:1] == ["the"] else words


def raw_span(claim: Casualty, raw: str) -> tuple[int, int]:
    """The claim's amount span in the story text (searched near its clean offset if they differ)."""
    if raw[claim.start:claim.end] == claim.text or not claim.text:
        return claim.start, claim.end
    hits = [m.start() for m in re.finditer(re.escape(claim.text), raw)]
    if not hits:
        return claim.start, claim.end
    found = min(hits, key=lambda h: abs(h - claim.start))
    return found, found + len(claim.text)


@dataclass
class Tally:
    """Counts summed over articles."""

    predicted: int = 0  # predictions that count (not matched to a subset)
    gold: int = 0  # gold claims that count (not subsets)
    matched: int = 0
    exact: int = 0
    bounds_ok: int = 0
    source_ok: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score_article(predicted: list[tuple[Casualty, tuple[int, int]]], gold: list[GoldClaim],
                  counts_only: bool = False) -> Tally:
    """Match predictions (with their story-text spans) to gold claims, one to one, in order.

    `counts_only` scores under the gold's original conventions: single-victim gold claims are
    treated like subsets (left out of recall; a prediction matching one is neutral).
    """
    if counts_only:
        gold = [GoldClaim(g.kind, g.low, g.high, g.start, g.end, g.source, g.subset or g.single)
                for g in gold]
    tally = Tally(gold=sum(not g.subset for g in gold))
    used: set[int] = set()
    for claim, span in sorted(predicted, key=lambda p: p[1]):
        hit = next((i for i, g in enumerate(gold) if i not in used and g.kind == claim.kind
                    and overlaps(span, (g.start, g.end))), None)
        if hit is not None:
            used.add(hit)
            if gold[hit].subset:
                continue  # we do not emit subsets: such a match is neither right nor wrong
        tally.predicted += 1
        if hit is None:
            continue
        g = gold[hit]
        bounds = (claim.low, claim.high) == (g.low, g.high)
        source = same_source(claim.source, g.source)
        tally.matched += 1
        tally.bounds_ok += bounds
        tally.source_ok += source
        tally.exact += bounds and source
    return tally


def counts_metrics_from(t: Tally) -> list[Metric]:
    """Exact match and recall without the gold's single-victim claims (its first conventions)."""
    exact_f1 = prf(t.exact, t.predicted - t.exact, t.gold - t.exact)[2]
    recall = prf(t.matched, t.predicted - t.matched, t.gold - t.matched)[1]
    return [Metric("casualties", "voa.counts_exact_match_f1", exact_f1, t.gold),
            Metric("casualties", "voa.counts_claim_recall", recall, t.gold)]


def metrics_from(t: Tally) -> list[Metric]:
    """The stage's metrics from the summed tally."""
    precision, recall, f1 = prf(t.matched, t.predicted - t.matched, t.gold - t.matched)
    exact_f1 = prf(t.exact, t.predicted - t.exact, t.gold - t.exact)[2]
    return [
        Metric("casualties", "voa.claim_precision", precision, t.predicted),
        Metric("casualties", "voa.claim_recall", recall, t.gold),
        Metric("casualties", "voa.claim_f1", f1, t.gold),
        Metric("casualties", "voa.exact_match_f1", exact_f1, t.gold),
        Metric("casualties", "voa.kind_low_high_accuracy",
               t.bounds_ok / t.matched if t.matched else 0.0, t.matched),
        Metric("casualties", "voa.source_accuracy",
               t.source_ok / t.matched if t.matched else 0.0, t.matched),
    ]


_PLOVER_KINDS = {"dead": "killed", "injured": "wounded"}


def plover_hits(record: dict[str, Any], claims: list[Casualty]) -> tuple[int, int]:
    """(fields right, fields scored) for one PLOVER record's dead/injured counts."""
    right = total = 0
    for field_name, kind in _PLOVER_KINDS.items():
        value = str(record.get(field_name) or "").strip()
        if not value.isdigit():
            continue
        total += 1
        right += any(c.kind == kind and c.low == int(value) for c in claims)
    return right, total


def plover_metrics(data: Path, resources: Any, limit: int | None = None) -> list[Metric]:
    """`plover.dead_injured_exact` on the PLOVER records that give dead/injured counts."""
    from ..pipeline import process
    from ..reader import article_from

    path = Path(data) / "events" / "plover" / "plover_gsr_dev.jsonl"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as handle:
        records = [r for r in map(json.loads, filter(str.strip, handle))
                   if any(str(r.get(f) or "").strip().isdigit() for f in _PLOVER_KINDS)]
    right = total = 0
    for record in records[:limit] if limit else records:
        try:
            claims = process(article_from(record["text"], published=record.get("date")),
                             resources).casualties
        except Exception as error:  # noqa: BLE001 - a crash scores as no claims
            print(f"casualties: PLOVER {record.get('id')} failed: {error}", file=sys.stderr)
            claims = []
        hits, fields = plover_hits(record, claims)
        right, total = right + hits, total + fields
    return [Metric("casualties", "plover.dead_injured_exact", right / total if total else 0.0,
                   total)]


def _stories(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return {str(s["id"]): s for s in map(json.loads, filter(str.strip, handle))}


def evaluate(data: Path, limit: int | None = None, resources: Any = None,
             gold_path: Path = GOLD, **_: object) -> list[Metric]:
    """Score the casualties stage on the annotated VOA dev stories (`limit` = articles)."""
    from ..pipeline import default_resources, process
    from ..reader import article_from

    voa = Path(data) / "voa" / "voa_stories_dev.jsonl"
    if not gold_path.is_file() or not voa.is_file():
        print(f"casualties: skipped, missing {gold_path if not gold_path.is_file() else voa}",
              file=sys.stderr)
        return []
    stories = _stories(voa)
    with gold_path.open(encoding="utf-8") as handle:
        annotated = [r for r in map(json.loads, filter(str.strip, handle))
                     if r.get("annotated") and str(r["id"]) in stories]
    resources = resources or default_resources()
    total, counts = Tally(), Tally()
    for record in annotated[:limit] if limit else annotated:
        story = stories[str(record["id"])]
        gold = [gold_claim(c) for c in record.get("claims", [])]
        try:
            article = process(article_from(story["text"], title=story.get("title"),
                                           published=record.get("published") or story.get("published")),
                              resources)
            predicted = [(c, raw_span(c, story["text"])) for c in article.casualties]
        except Exception as error:  # noqa: BLE001 - a scorer must finish; a crash scores as no claims
            print(f"casualties: story {record['id']} failed: {type(error).__name__}: {error}",
                  file=sys.stderr)
            predicted = []
        total.add(score_article(predicted, gold))
        counts.add(score_article(predicted, gold, counts_only=True))
    return metrics_from(total) + counts_metrics_from(counts) + plover_metrics(data, resources,
                                                                              limit)
