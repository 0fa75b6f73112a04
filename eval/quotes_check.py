"""Hand-run check of the quotes stage against PolNeAR dev (not a test; prints numbers).

Usage:  python eval/quotes_check.py [/work/shared/data/quotes/polnear/dev] [--limit N]

Gold: the first `.ann` per article in sorted order (other annotators are ignored).
Each gold attribution relation (E line) gives a content span (possibly in fragments) and a
source span. Predicted quote spans are mapped from the clean text back to the raw `.txt`.

Scores:
- content exact: the predicted span equals a gold content fragment, ignoring surrounding
  spaces, quote marks and a trailing comma or full stop;
- content overlap: token Jaccard >= 0.5 with a gold content (fragments unioned);
- content tokens: micro P/R/F1 over word tokens inside predicted vs gold content spans;
- speaker: on predictions matched by overlap whose gold source is a name (not a pronoun or
  a lower-case description), correct when the resolved speaker shares the name's last word.
PolNeAR annotates far more than speech (beliefs, plans, support: "has called for", "vowed"),
so recall against all relations is an underestimate; recall on relations whose cue is a
speech verb is reported too.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from newsevents.model import InputError
from newsevents.pipeline import DEFAULT_STAGES, Resources, process
from newsevents.reader import article_from

DEFAULT_DIR = Path("/work/shared/data/quotes/polnear/dev")
MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "who",
            "which", "that"}
SPEECH_CUES = re.compile(r"\b(said|says|say|saying|told|tells|tell|added|adds|wrote|writes|"
                         r"tweeted|according to|asked|warned|claimed|stated|noted|explained|"
                         r"argued|insisted|announced|reported|reports|declared|continued|"
                         r":)\b|:", re.IGNORECASE)
WORD = re.compile(r"\w+")


def read_gold(ann_path: Path) -> list[dict]:
    """Gold relations: {'content': [(s, e)...], 'source': (s, e) | None, 'cue': (s, e) | None}."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    lines = ann_path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        kind, _, ranges = parts[1].partition(" ")
        frags = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
        spans[parts[0]] = (kind, frags)
    for line in lines:
        if not line.startswith("E"):
            continue
        roles = dict(p.split(":", 1) for p in line.split("\t")[1].split())
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        rel = {"content": spans[roles["Content"]][1], "source": None, "cue": None}
        for role in ("Source", "Cue"):
            if role in roles and roles[role] in spans:
                frags = spans[roles[role]][1]
                rel[role.lower()] = (frags[0][0], frags[-1][1])
        relations.append(rel)
    return relations


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


def to_raw(span: tuple[int, int], mapping: list[int | None], raw: str,
           text: str) -> tuple[int, int] | None:
    """Map a clean-text span to the raw text, falling back to a string search."""
    s, e = span
    if mapping[s] is not None and mapping[e - 1] is not None:
        return mapping[s], mapping[e - 1] + 1
    found = raw.find(text)
    return (found, found + len(text)) if found >= 0 else None


def norm(text: str) -> str:
    """Text for exact comparison: no surrounding spaces, quote marks, or final , or ."""
    text = re.sub(r"\s+", " ", text).strip()
    prev = None
    while prev != text:
        prev = text
        text = text.strip(MARKS + " ").rstrip(",.").strip()
    return text


def tokens(raw: str, frags: list[tuple[int, int]]) -> set[int]:
    """Start offsets of word tokens inside the fragments."""
    return {m.start() + s for s, e in frags for m in WORD.finditer(raw[s:e])}


def is_name(text: str) -> bool:
    """A source span that names someone: capitalised words, no pronoun, no leading description."""
    words = text.strip(" ,.:\n").split()
    if not words or any(w.lower().strip(",.") in PRONOUNS for w in words):
        return False
    content = [w for w in words if w.lower() not in ("the", "a", "an")]
    return bool(content) and content[-1][:1].isupper() and words[0][:1].isupper()


def speaker_ok(pred: str | None, gold: str) -> bool:
    """True when the resolved speaker shares the last word of the gold name (or vice versa)."""
    if not pred:
        return False
    gold_words = [w.lower() for w in WORD.findall(gold)]
    pred_words = [w.lower() for w in WORD.findall(pred)]
    return bool(gold_words and pred_words) and (pred_words[-1] in gold_words
                                                or gold_words[-1] in pred_words)


def main(argv: list[str]) -> None:
    """Score every dev article and print the numbers."""
    folder = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT_DIR
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    stages = DEFAULT_STAGES[:[s.__name__ for s in DEFAULT_STAGES].index("extract_quotes") + 1]
    resources = Resources()
    c = Counter()
    anns = sorted((folder / "attributions").glob("*.ann"))
    first: dict[str, Path] = {}
    for ann in anns:
        first.setdefault(re.sub(r"_[0-9a-f]+$", "", ann.stem), ann)
    for n, (stem, ann) in enumerate(sorted(first.items())):
        if limit is not None and n >= limit:
            break
        raw = (folder / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        gold = read_gold(ann)
        try:
            article = process(article_from(raw), resources, stages)
        except InputError as error:
            print(f"skip {stem}: {error}")
            continue
        mapping = offset_map(raw, article.text)
        c["gold"] += len(gold)
        gold_tokens = [tokens(raw, g["content"]) for g in gold]
        # A split quote is one gold relation in fragments: a chunk may match one fragment.
        frag_tokens = [[tokens(raw, [f]) for f in g["content"]] for g in gold]
        gold_speech = [bool(g["cue"] and SPEECH_CUES.search(raw[g["cue"][0]:g["cue"][1]]))
                       for g in gold]
        c["gold_speech"] += sum(gold_speech)
        gold_norm = [{norm(raw[s:e]) for s, e in g["content"]} | {norm(raw[g["content"][0][0]:g["content"][-1][1]])}
                     for g in gold]
        found_exact, found_overlap = set(), set()
        all_gold_tok = set().union(*gold_tokens) if gold_tokens else set()
        all_pred_tok: set[int] = set()
        for quote in article.quotes:
            span = to_raw((quote.start, quote.end), mapping, raw, quote.text)
            c["pred"] += 1
            c[f"pred_{quote.kind}"] += 1
            if span is None:
                c["unmapped"] += 1
                continue
            p_tok = tokens(raw, [span])
            all_pred_tok |= p_tok
            p_norm = norm(raw[span[0]:span[1]])
            exact = [i for i, g in enumerate(gold_norm) if p_norm in g]
            if exact:
                c["exact_tp"] += 1
                c[f"exact_tp_{quote.kind}"] += 1
                found_exact.update(exact)
            best, best_j = None, 0.0
            for i, g_tok in enumerate(gold_tokens):
                if not g_tok or not p_tok:
                    continue
                jac = max(len(t & p_tok) / len(t | p_tok) for t in [g_tok] + frag_tokens[i] if t)
                if jac > best_j:
                    best, best_j = i, jac
            if best is not None and best_j >= 0.5:
                c["overlap_tp"] += 1
                c[f"overlap_tp_{quote.kind}"] += 1
                found_overlap.add(best)
                source = gold[best]["source"]
                if source is not None:
                    s_text = raw[source[0]:source[1]]
                    if is_name(s_text):
                        c["spk_name"] += 1
                        c["spk_name_ok"] += speaker_ok(quote.speaker, s_text)
                        if quote.speaker is None:
                            c["spk_name_none"] += 1
                    else:
                        c["spk_other"] += 1
                        c["spk_other_resolved"] += quote.speaker is not None
        c["exact_fn_found"] += len(found_exact)
        c["overlap_found"] += len(found_overlap)
        c["overlap_found_speech"] += sum(1 for i in found_overlap if gold_speech[i])
        c["tok_tp"] += len(all_gold_tok & all_pred_tok)
        c["tok_pred"] += len(all_pred_tok)
        c["tok_gold"] += len(all_gold_tok)
        c["docs"] += 1
    report(c)


def prf(tp_p: int, pred: int, tp_r: int, gold: int) -> str:
    """Precision, recall and F1 as a short string."""
    p = tp_p / pred if pred else 0.0
    r = tp_r / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"


def report(c: Counter) -> None:
    """Print the scores."""
    print(f"docs {c['docs']}  gold relations {c['gold']} (speech-cued {c['gold_speech']})  "
          f"predicted {c['pred']} (direct {c['pred_direct']}, partial {c['pred_partial']}, "
          f"indirect {c['pred_indirect']}; unmapped {c['unmapped']})")
    print("content exact     ", prf(c["exact_tp"], c["pred"], c["exact_fn_found"], c["gold"]))
    print("content overlap   ", prf(c["overlap_tp"], c["pred"], c["overlap_found"], c["gold"]))
    print("  vs speech-cued  ", prf(c["overlap_tp"], c["pred"], c["overlap_found_speech"],
                                    c["gold_speech"]), "(precision still against all gold)")
    print("content tokens    ", prf(c["tok_tp"], c["tok_pred"], c["tok_tp"], c["tok_gold"]))
    for kind in ("direct", "partial", "indirect"):
        n = c[f"pred_{kind}"]
        if n:
            print(f"  {kind:9s} precision exact {c[f'exact_tp_{kind}'] / n:.3f}  "
                  f"overlap {c[f'overlap_tp_{kind}'] / n:.3f}  (n={n})")
    if c["spk_name"]:
        print(f"speaker accuracy (gold source is a name) {c['spk_name_ok'] / c['spk_name']:.3f} "
              f"of {c['spk_name']} (speaker None on {c['spk_name_none']})")
    if c["spk_other"]:
        print(f"gold source pronoun/description: {c['spk_other']}, speaker resolved on "
              f"{c['spk_other_resolved']}")


if __name__ == "__main__":
    main(sys.argv[1:])
