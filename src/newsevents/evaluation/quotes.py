"""Quotes stage on PolNeAR dev: content spans, speakers and cues against attribution relations.

Gold: the first `.ann` per article in sorted order (the other annotators are ignored). Each
gold attribution relation (brat `E` line) gives a content span (possibly in fragments), a
source span and a cue span, as character offsets into the raw `.txt`. Predicted spans (offsets
into the clean text) are mapped back to the raw text line by line, falling back to a search.

Metrics (stage "quotes"):
- `polnear.content_f1_exact`: a prediction is right when it equals a gold content fragment
  (or the whole content), ignoring surrounding spaces, quote marks and final punctuation
  (, ; : . ? !);
- `polnear.content_f1_overlap`: right when its token Jaccard with a gold content (or one of
  its fragments) is >= 0.5;
- fragments that only a space separates (PolNeAR cuts a selection at each sentence end) are
  joined before both comparisons;
- `polnear.content_token_f1`: micro F1 over word tokens inside predicted vs gold contents.
  The anchor is citron on PARC 3.0 — a different corpus, shown for scale only;
- `polnear.speaker_accuracy`: on overlap-matched predictions whose gold source span is a name
  (not a pronoun or a lower-case description), right when the resolved speaker shares the
  name's last word (either way round). Pronoun/description sources are not scored;
- `polnear.cue_f1`: on overlap-matched predictions, the predicted cue span against the gold
  cue of the matched relation (overlap); precision over predictions with a cue, recall over
  matched relations with a gold cue;
- a partial quote marked `part_of` an indirect quote (its verbatim fragment) is not scored on
  its own: the relation is scored once, through the indirect quote that holds it;
- `polnear.speech_recall`: recall of the overlap match on relations whose cue is a speech verb.
  PolNeAR annotates far more than speech (beliefs, plans, "has called for", "vowed"), so recall
  over all relations understates what a quote extractor finds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import InputError, Quote
from .common import Metric, prf

MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "who",
            "which", "that"}
SPEECH_CUES = re.compile(r"\b(said|says|say|saying|told|tells|tell|added|adds|wrote|writes|"
                         r"tweeted|according to|asked|warned|claimed|stated|noted|explained|"
                         r"argued|insisted|announced|reported|reports|declared|continued)\b|:",
                         re.IGNORECASE)
_WORD = re.compile(r"\w+")
Span = tuple[int, int]


@dataclass(frozen=True)
class GoldRelation:
    """One PolNeAR attribution relation: content fragments, and source/cue spans if any."""

    content: tuple[Span, ...]
    source: Span | None = None
    cue: Span | None = None


def read_gold(ann_text: str) -> list[GoldRelation]:
    """The attribution relations of one brat `.ann` file that have a content span."""
    spans: dict[str, list[Span]] = {}
    lines = ann_text.splitlines()
    for line in lines:
        parts = line.split("\t")
        if not line.startswith("T") or len(parts) < 2:
            continue
        ranges = parts[1].partition(" ")[2]
        spans[parts[0]] = [_span(r) for r in ranges.split(";")]
    relations = []
    for line in lines:
        if not line.startswith("E") or "\t" not in line:
            continue
        roles = dict(p.split(":", 1) for p in line.split("\t")[1].split() if ":" in p)
        if roles.get("Content") not in spans:
            continue
        ends = {role: (spans[roles[role]][0][0], spans[roles[role]][-1][1])
                for role in ("Source", "Cue") if roles.get(role) in spans}
        relations.append(GoldRelation(tuple(spans[roles["Content"]]), ends.get("Source"),
                                      ends.get("Cue")))
    return relations


def _span(text: str) -> Span:
    start, end = text.split()
    return int(start), int(end)


def _normalise_line(line: str, base: int) -> tuple[str, list[int]]:
    """Mimic the text stage on one raw line, keeping each kept character's raw offset."""
    chars: list[str] = []
    offsets: list[int] = []
    for k, ch in enumerate(line):
        if ch in "\ufeff\u200b":
            continue
        if ch in "\u00a0\t":
            ch = " "
        if ch == " " and (not chars or chars[-1] == " "):
            continue
        chars.append(ch)
        offsets.append(base + k)
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


def offset_map(raw: str, clean: str) -> list[int | None]:
    """For each clean-text offset, the raw offset it came from (None where unknown)."""
    raw_lines, pos = [], 0
    for line in raw.split("\n"):
        raw_lines.append(_normalise_line(line, pos))
        pos += len(line) + 1
    mapping: list[int | None] = [None] * (len(clean) + 1)
    cursor, c_pos = 0, 0
    for para in clean.split("\n\n"):
        for j in range(cursor, len(raw_lines)):
            if raw_lines[j][0] == para:
                for k, off in enumerate(raw_lines[j][1]):
                    mapping[c_pos + k] = off
                cursor = j + 1
                break
        c_pos += len(para) + 2
    return mapping


def to_raw(span: Span, mapping: list[int | None], raw: str, text: str,
           near: int = 0) -> Span | None:
    """Map a clean-text span to the raw text, else find its text (nearest to `near`)."""
    s, e = span
    if 0 <= s < e <= len(mapping) - 1 and mapping[s] is not None and mapping[e - 1] is not None:
        return mapping[s], mapping[e - 1] + 1
    hits = [m.start() for m in re.finditer(re.escape(text), raw)] if text else []
    if not hits:
        return None
    found = min(hits, key=lambda h: abs(h - near))
    return found, found + len(text)


def norm(text: str) -> str:
    """Text for exact comparison: no surrounding spaces, quote marks or final , ; : . ? !"""
    text = re.sub(r"\s+", " ", text).strip()
    prev = None
    while prev != text:
        prev = text
        text = text.strip(MARKS + " ").rstrip(",.?!;:").strip()
    return text


def joined_fragments(raw: str, fragments: tuple[Span, ...]) -> list[Span]:
    """Content fragments with those that only a space separates joined into one: PolNeAR's
    annotation cuts a span selected across sentences at each sentence end ("... in public. |
    And I have ..."), so the joined text is what the annotator selected."""
    joined: list[Span] = []
    for start, end in fragments:
        if joined and joined[-1][1] <= start and raw[joined[-1][1]:start].strip() == "" \
                and "\n" not in raw[joined[-1][1]:start]:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def token_starts(raw: str, frags: Iterable[Span]) -> set[int]:
    """Start offsets of word tokens inside the fragments."""
    return {m.start() + s for s, e in frags for m in _WORD.finditer(raw[s:e])}


def is_name(text: str) -> bool:
    """A source span that names someone: capitalised words, no pronoun, no leading description."""
    words = text.strip(" ,.:\n").split()
    if not words or any(w.lower().strip(",.") in PRONOUNS for w in words):
        return False
    content = [w for w in words if w.lower() not in ("the", "a", "an")]
    return bool(content) and content[-1][:1].isupper() and words[0][:1].isupper()


def speaker_ok(predicted: str | None, gold: str) -> bool:
    """True when the resolved speaker shares the last word of the gold name (or vice versa)."""
    gold_words = [w.lower() for w in _WORD.findall(gold)]
    pred_words = [w.lower() for w in _WORD.findall(predicted or "")]
    if not (gold_words and pred_words):
        return False
    return pred_words[-1] in gold_words or gold_words[-1] in pred_words \
        or _acronym_of(gold_words[-1], pred_words) or _acronym_of(pred_words[-1], gold_words)


def _acronym_of(short: str, words: list[str]) -> bool:
    """True when `short` spells the initials of the name ("imf", International Monetary Fund)."""
    initials = "".join(w[0] for w in words if w not in ("of", "for", "the", "and"))
    return len(short) >= 2 and short in (initials, "".join(w[0] for w in words))


def _best_overlap(p_tok: set[int], gold_tok: list[set[int]],
                  frag_tok: list[list[set[int]]]) -> tuple[int | None, float]:
    """The gold relation with the highest token Jaccard (whole content or one fragment)."""
    best, best_j = None, 0.0
    for i, g_tok in enumerate(gold_tok):
        if not g_tok or not p_tok:
            continue
        jac = max(len(t & p_tok) / len(t | p_tok) for t in [g_tok] + frag_tok[i] if t)
        if jac > best_j:
            best, best_j = i, jac
    return best, best_j


def score_article(raw: str, clean: str, quotes: list[Quote],
                  gold: list[GoldRelation]) -> Counter:
    """Counts for one article: predicted quotes (offsets into `clean`) against gold (into `raw`)."""
    c: Counter = Counter(gold=len(gold), docs=1)
    mapping = offset_map(raw, clean)
    gold_tok = [token_starts(raw, g.content) for g in gold]
    # A split quote is one gold relation in fragments: a chunk may match one fragment.
    pieces = [joined_fragments(raw, g.content) for g in gold]
    frag_tok = [[token_starts(raw, [f]) for f in frags] for frags in pieces]
    speech = [bool(g.cue and SPEECH_CUES.search(raw[g.cue[0]:g.cue[1]])) for g in gold]
    c["gold_speech"] = sum(speech)
    gold_norm = [{norm(raw[s:e]) for s, e in frags} | {norm(raw[g.content[0][0]:g.content[-1][1]])}
                 for g, frags in zip(gold, pieces)]
    found_exact, found_overlap = set(), set()
    pred_tok: set[int] = set()
    for quote in quotes:
        if quote.part_of is not None:
            # A partial quote inside an indirect quote is scored through it: PolNeAR
            # annotates the reported clause, verbatim fragment included, as one relation.
            c["parts"] += 1
            continue
        c["pred"] += 1
        span = to_raw((quote.start, quote.end), mapping, raw, quote.text, quote.start)
        if span is None:
            c["unmapped"] += 1
            continue
        p_tok = token_starts(raw, [span])
        pred_tok |= p_tok
        exact = [i for i, g in enumerate(gold_norm) if norm(raw[span[0]:span[1]]) in g]
        c["exact_tp"] += bool(exact)
        found_exact.update(exact)
        best, jaccard = _best_overlap(p_tok, gold_tok, frag_tok)
        if best is None or jaccard < 0.5:
            continue
        c["overlap_tp"] += 1
        found_overlap.add(best)
        c.update(_speaker_counts(raw, quote, gold[best]))
        c.update(_cue_counts(raw, clean, mapping, quote, gold[best]))
    all_gold_tok = set().union(*gold_tok) if gold_tok else set()
    c["exact_found"] += len(found_exact)
    c["overlap_found"] += len(found_overlap)
    c["overlap_found_speech"] += sum(1 for i in found_overlap if speech[i])
    c["tok_tp"] += len(all_gold_tok & pred_tok)
    c["tok_pred"] += len(pred_tok)
    c["tok_gold"] += len(all_gold_tok)
    return c


def _speaker_counts(raw: str, quote: Quote, relation: GoldRelation) -> Counter:
    if relation.source is None or not is_name(raw[relation.source[0]:relation.source[1]]):
        return Counter()
    return Counter(spk_name=1, spk_ok=speaker_ok(quote.speaker, raw[slice(*relation.source)]))


def _cue_counts(raw: str, clean: str, mapping: list[int | None], quote: Quote,
                relation: GoldRelation) -> Counter:
    c = Counter(cue_gold=relation.cue is not None)
    if quote.cue_start is None or quote.cue_end is None or quote.cue_end <= quote.cue_start:
        return c
    c["cue_pred"] = 1
    cue = to_raw((quote.cue_start, quote.cue_end), mapping, raw,
                 clean[quote.cue_start:quote.cue_end], quote.cue_start)
    if cue is not None and relation.cue is not None:
        c["cue_tp"] = cue[0] < relation.cue[1] and relation.cue[0] < cue[1]
    return c


def metrics_from(c: Counter) -> list[Metric]:
    """The stage's metrics from summed counts."""
    def f1(tp_pred: int, pred: int, tp_gold: int, gold: int) -> float:
        # Precision counts predictions, recall counts gold relations: the two TPs differ
        # when several predictions hit one relation.
        return _f1(tp_pred / pred if pred else 0.0, tp_gold / gold if gold else 0.0)

    cue_f1 = prf(c["cue_tp"], c["cue_pred"] - c["cue_tp"], c["cue_gold"] - c["cue_tp"])[2]
    return [
        Metric("quotes", "polnear.content_f1_exact",
               f1(c["exact_tp"], c["pred"], c["exact_found"], c["gold"]), c["gold"]),
        Metric("quotes", "polnear.content_f1_overlap",
               f1(c["overlap_tp"], c["pred"], c["overlap_found"], c["gold"]), c["gold"]),
        Metric("quotes", "polnear.content_token_f1",
               f1(c["tok_tp"], c["tok_pred"], c["tok_tp"], c["tok_gold"]), c["gold"],
               "citron on PARC 3.0, another corpus (content overlap F1)", 0.832),
        Metric("quotes", "polnear.speaker_accuracy",
               c["spk_ok"] / c["spk_name"] if c["spk_name"] else 0.0, c["spk_name"],
               "Gender Gap Tracker (speaker accuracy, its own data)", 0.865),
        Metric("quotes", "polnear.cue_f1", cue_f1, c["overlap_tp"]),
        Metric("quotes", "polnear.speech_recall",
               c["overlap_found_speech"] / c["gold_speech"] if c["gold_speech"] else 0.0,
               c["gold_speech"]),
    ]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def first_annotations(folder: Path) -> list[tuple[str, Path]]:
    """(article stem, its first `.ann` in sorted order), sorted by stem."""
    first: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        first.setdefault(re.sub(r"_[0-9a-f]+$", "", ann.stem), ann)
    return sorted(first.items())


def evaluate(data: Path, limit: int | None = None, resources: Any = None,
             **_: object) -> list[Metric]:
    """Score the quotes stage on PolNeAR dev (`limit` = number of articles)."""
    from ..pipeline import DEFAULT_STAGES, default_resources, process
    from ..reader import article_from

    folder = Path(data) / "quotes" / "polnear" / "dev"
    if not folder.is_dir():
        return []
    names = [stage.__name__ for stage in DEFAULT_STAGES]
    # Later stages do not touch quotes: stopping after them keeps the run short.
    stages = DEFAULT_STAGES[:names.index("extract_quotes") + 1]
    resources = resources or default_resources()
    counts: Counter = Counter()
    articles = first_annotations(folder)
    for stem, ann in articles[:limit] if limit else articles:
        raw = (folder / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        gold = read_gold(ann.read_text(encoding="utf-8"))
        try:
            article = process(article_from(raw), resources, stages)
        except InputError:
            counts["skipped"] += 1
            counts["gold"] += len(gold)  # an article we cannot read still counts as missed
            continue
        counts.update(score_article(raw, article.text, article.quotes, gold))
    return metrics_from(counts)
