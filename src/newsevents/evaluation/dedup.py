"""Near-duplicate detection (corpus.dedup) on our own syndicated/rewritten VOA variants.

The measurement set is `eval/dedup/variants.jsonl`: for some VOA dev stories
(`<data>/voa/voa_stories_dev.jsonl`), hand-written EDIT OPERATIONS (no story text is stored)
that turn the story into a "syndicated" copy (dateline, furniture, trimmed bottom, a dropped
sentence, a few words changed) or a "rewrite" (our own paraphrases of sentences, several
dropped or moved, wording changed throughout). The operations are applied here to the text
read from the data folder; sentence numbers refer to `split_sentences()`. Each variant is
published `hours_after` its story.

The pool is every dev story plus every variant, indexed in publication order with the
default `DedupSettings` (window 2 days). Gold positive pairs: a variant with its story, and
two variants of one story (kind "rewrite" unless both are syndicated). Every other pair is
negative; `eval/dedup/hard_negatives.json` lists the story pairs we judged to be on the same
topic or the same event (reported apart as `hard_negative_links`).

Metrics (stage "dedup"), on direct links (not cluster closure):
- `pairs_precision`, `pairs_recall`, `pairs_f1` over the whole pool;
- `syndicated_recall`, `rewrite_recall` per gold kind; `kind_accuracy` on the found gold pairs;
- `half_a_f1`, `half_b_f1`: the pool restricted to the stories of one half (sha1 of
  "dedup:" + story id, even = A). The thresholds were set on principle and checked on half A;
  half B was only looked at afterwards;
- `textonly_precision`: precision with the time window switched off (text evidence alone);
- `hard_negatives_unlinked`: share of the hard-negative story pairs with no link between any
  of their articles (1.0 expected).
`limit` takes the first N variants.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..corpus.dedup import DedupSettings, DuplicateIndex, as_datetime
from .common import Metric, prf

EVAL_DIR = Path(__file__).resolve().parents[3] / "eval" / "dedup"
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"“‘A-Z0-9])|(?<=[.!?][\"”’])\s+(?=[\"“‘A-Z0-9])")
# A period after these does not end a sentence ("U.S. officials", "Feb. 24").
_ABBREVIATIONS = frozenset(
    "u.s. u.n. u.k. e.u. jan. feb. mar. apr. aug. sep. sept. oct. nov. dec. mr. mrs. ms. dr. "
    "gen. sen. rep. gov. lt. col. st. no. jr. maj. sgt. capt.".split())


@dataclass(frozen=True)
class Item:
    """One article of the pool: a VOA story or one of our variants of it."""

    key: str
    story: str
    kind: str  # "original", "syndicated" or "rewrite"
    published: dt.datetime | None
    text: str


def split_sentences(text: str) -> list[str]:
    """Sentences, split after . ! ? before a capital, not after a known abbreviation."""
    sentences: list[str] = []
    for piece in _SPLIT.split(text.strip()):
        last = sentences[-1].rsplit(None, 1)[-1].lower() if sentences else ""
        if sentences and last in _ABBREVIATIONS:
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def apply_operations(text: str, operations: list[dict[str, Any]]) -> str:
    """The variant text: operations address sentences by their number in the original."""
    rows = [[i, s] for i, s in enumerate(split_sentences(text))]
    head: list[str] = []
    tail: list[str] = []

    def at(number: int) -> int:
        for position, row in enumerate(rows):
            if row[0] == number:
                return position
        raise ValueError(f"sentence {number} is not there (dropped, or out of range)")

    for op in operations:
        name = op["op"]
        if name == "prepend":
            head.append(op["text"])
        elif name == "append":
            tail.append(op["text"])
        elif name == "drop":
            for number in op["sentences"]:
                rows.pop(at(number))
        elif name == "keep_first":
            rows = [row for row in rows if row[0] < op["n"]]
        elif name == "replace":
            rows[at(op["sentence"])][1] = op["text"]
        elif name == "insert_after":
            rows.insert(at(op["sentence"]) + 1, [-1, op["text"]])
        elif name == "move":
            row = rows.pop(at(op["sentence"]))
            rows.insert(0 if op["after"] < 0 else at(op["after"]) + 1, row)
        elif name == "sub":
            targets = [at(op["sentence"])] if "sentence" in op else range(len(rows))
            hits = 0
            for position in targets:
                hits += rows[position][1].count(op["old"])
                rows[position][1] = rows[position][1].replace(op["old"], op["new"])
            if not hits:
                raise ValueError(f"'{op['old']}' not found for {op}")
        else:
            raise ValueError(f"unknown operation {name!r}")
    body = " ".join(row[1] for row in rows)
    return " ".join([*head, body, *tail]) if head or tail else body


def load_pool(data: Path, limit: int | None = None) -> list[Item]:
    """Every dev story and every variant (the first `limit` variants), in publication order."""
    stories = {}
    for line in (data / "voa" / "voa_stories_dev.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            stories[record["id"]] = record
    pool = [Item(k, k, "original", as_datetime(r["published"]), r["text"]) for k, r in stories.items()]
    variants = [json.loads(line) for line in (EVAL_DIR / "variants.jsonl").read_text("utf-8").splitlines()
                if line.strip()]
    for variant in variants[:limit]:
        story = stories[variant["story"]]
        published = as_datetime(story["published"]) + dt.timedelta(hours=variant["hours_after"])
        pool.append(Item(variant["id"], variant["story"], variant["kind"], published,
                         apply_operations(story["text"], variant["ops"])))
    return sorted(pool, key=lambda item: (item.published, item.key))


def gold_pairs(pool: list[Item]) -> dict[frozenset[str], str]:
    """Positive pairs -> gold kind (two variants: "rewrite" unless both are syndicated)."""
    gold = {}
    for i, a in enumerate(pool):
        for b in pool[i + 1:]:
            if a.story == b.story:
                kinds = {a.kind, b.kind} - {"original"}
                gold[frozenset((a.key, b.key))] = "syndicated" if kinds == {"syndicated"} else "rewrite"
    return gold


def predicted_pairs(pool: list[Item], settings: DedupSettings) -> dict[frozenset[str], str]:
    """Direct duplicate links over the pool -> predicted kind."""
    index = DuplicateIndex(settings)
    found = {}
    for item in pool:
        for link in index.add(item.key, item.text, item.published):
            found[frozenset((link.key, link.duplicate_of))] = link.kind
    return found


def half_of(story: str) -> str:
    """The half a story belongs to ("a" for choosing thresholds, "b" for reporting)."""
    return "a" if int(hashlib.sha1(f"dedup:{story}".encode()).hexdigest(), 16) % 2 == 0 else "b"


def score(pool: list[Item], settings: DedupSettings) -> dict[str, float]:
    """Precision, recall, F1, per-kind recall and kind accuracy of the links over a pool."""
    gold, found = gold_pairs(pool), predicted_pairs(pool, settings)
    tp = [pair for pair in found if pair in gold]
    precision, recall, f1 = prf(len(tp), len(found) - len(tp), len(gold) - len(tp))
    result = {"precision": precision, "recall": recall, "f1": f1, "gold": len(gold),
              "found": len(found), "kind_accuracy": (sum(found[p] == gold[p] for p in tp) / len(tp))
              if tp else 0.0}
    for kind in ("syndicated", "rewrite"):
        of_kind = [pair for pair, k in gold.items() if k == kind]
        result[f"{kind}_recall"] = (sum(pair in found for pair in of_kind) / len(of_kind)) if of_kind else 0.0
        result[f"{kind}_n"] = len(of_kind)
    return result


def hard_negative_links(pool: list[Item], settings: DedupSettings) -> tuple[int, int]:
    """(linked, total) over the hard-negative story pairs, variants included."""
    hard = {frozenset(pair) for pair in json.loads((EVAL_DIR / "hard_negatives.json").read_text("utf-8"))["pairs"]}
    story_of = {item.key: item.story for item in pool}
    found = predicted_pairs(pool, settings)
    linked = {frozenset(story_of[k] for k in pair) for pair in found} & hard
    return len(linked), len(hard)


def evaluate(data: Path, limit: int | None = None, resources: Any = None) -> list[Metric]:
    """Score duplicate links on the VOA variants (no NLP resources are needed)."""
    settings = DedupSettings()
    pool = load_pool(data, limit)
    whole = score(pool, settings)
    halves = {h: score([item for item in pool if half_of(item.story) == h], settings) for h in "ab"}
    textonly = score(pool, replace(settings, window_days=float("inf")))
    linked, hard = hard_negative_links(pool, settings)
    n = whole["gold"]
    return [
        Metric("dedup", "pairs_precision", whole["precision"], whole["found"]),
        Metric("dedup", "pairs_recall", whole["recall"], n),
        Metric("dedup", "pairs_f1", whole["f1"], n),
        Metric("dedup", "syndicated_recall", whole["syndicated_recall"], whole["syndicated_n"]),
        Metric("dedup", "rewrite_recall", whole["rewrite_recall"], whole["rewrite_n"]),
        Metric("dedup", "kind_accuracy", whole["kind_accuracy"], n),
        Metric("dedup", "half_a_f1", halves["a"]["f1"], halves["a"]["gold"]),
        Metric("dedup", "half_b_f1", halves["b"]["f1"], halves["b"]["gold"]),
        Metric("dedup", "textonly_precision", textonly["precision"], textonly["found"]),
        Metric("dedup", "hard_negatives_unlinked", 1.0 - linked / hard if hard else 1.0, hard),
    ]
