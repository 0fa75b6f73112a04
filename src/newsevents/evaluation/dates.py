"""Dates stage on TempEval-3 TBAQ (TimeBank + AQUAINT, time/README.md) and on MEANTIME's TIMEX3s.

TBAQ: each document's TIMEX3 tags are stripped to give the plain text and the gold spans
(the creation-time TIMEX3 in <DCT> is not scored). MEANTIME (quotes/README.md; English
WikiNews, intra-document layer): the tokens are joined into text (no space before closing
punctuation, PTB quote marks as plain quotes, one line per sentence) up to the last
annotated sentence (MEANTIME annotates the title, the date line and the first sentences
only); the creation time is in the text there (the date line), so it and the system
mentions on it are not scored.
The text is parsed as is (the text stage is skipped, so gold offsets stay valid) and the
dates stage runs with the creation date as the publication date. Metrics, over all TIMEX3
types, per corpus:
- extraction F1, strict (same span) and relaxed (any overlap), over the system's mentions
  as TimeML segments them (`dates.timeml_mentions`: an interval mention such as "from 1991
  to 1997" is scored as its two expressions, each with its own value);
- value F1, TempEval-3 style: over relaxed matches, a match counts only if its value is
  identical (the system mention overlapping a gold one most is its match; each system
  mention matches one gold mention at most, so "from 1991 to 1997" as one mention does
  not count twice against two gold years);
- DATE/TIME bounds accuracy: over relaxed DATE/TIME matches, the value is identical or the
  system's day bounds equal the gold value's span ("1997-10" ↔ 1997-10-01..1997-10-31);
- value accuracy given the gold spans (`dates.resolve_given_spans`): normalisation alone.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article, DateMention
from ..stages import dates, nlp
from ..stages import timex as tx
from .common import Metric, overlaps, prf

# HeidelTime's value F1 on the TempEval-3 platinum test set (UzZaman et al. 2013), not TBAQ.
HEIDELTIME = ("HeidelTime (TE-3 test)", 0.776)

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r'<DCT>.*?value="(\d{4})-?(\d{2})-?(\d{2})', re.S)
_TEXT = re.compile(r"<TEXT>(.*)</TEXT>", re.S)


@dataclass(frozen=True)
class GoldTimex:
    """One gold TIMEX3: its span in the plain text, type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass
class Tally:
    """Counts over the documents scored."""

    documents: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    date_matches: int = 0
    date_bounds: int = 0
    given_span: int = 0


def evaluate(data: Path, limit: int | None = None, resources: Any = None, **_: object) -> list[Metric]:
    """Score extraction and normalisation on TBAQ and MEANTIME (`limit` documents of each)."""
    if resources is None:
        from ..pipeline import default_resources

        resources = default_resources()
    metrics = []
    corpora = (("tbaq", data / "time" / "tbaq", "*.tml", read_tml),
               ("meantime", data / "quotes" / "meantime" / "intra-doc_annotation", "*.xml",
                read_meantime))
    for corpus, folder, pattern, read in corpora:
        if corpus == "meantime" and not folder.is_dir():
            continue  # optional: the quotes gold folder is not part of the time gold
        paths = sorted(folder.rglob(pattern))
        tally = Tally()
        for path in paths[:limit] if limit else paths:
            text, dct, gold, *unscored = read(path)
            article = nlp.parse(Article(text=text, published=dct), resources)
            dates.resolve_dates(article, resources)
            system = [d for d in dates.timeml_mentions(article)
                      if not any(overlaps((d.start, d.end), span) for span in unscored)]
            given = dates.resolve_given_spans(article, [(g.start, g.end) for g in gold])
            score_document(tally, gold, system, given)
        metrics += tally_metrics(tally, corpus)
    return metrics


def read_tml(path: Path) -> tuple[str, dt.date | None, list[GoldTimex]]:
    """(plain text, creation date, gold TIMEX3s) of one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    dct, body = _DCT.search(raw), _TEXT.search(raw)
    text, gold = strip_timeml(body.group(1) if body else "")
    return text, dt.date(*map(int, dct.groups())) if dct else None, gold


_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "]", "%", "''", "'", "...",
                              "'s", "’s", "n't", "'re", "'ve", "'ll", "'d", "'m"})
_NO_SPACE_AFTER = frozenset({"(", "[", "$", "#", "``"})


def read_meantime(path: Path) -> tuple[str, dt.date | None, list[GoldTimex], tuple[int, int]]:
    """(text, creation date, gold TIMEX3s, creation-time span) of one MEANTIME document."""
    root = ET.parse(path).getroot()
    sentence_of = {t.get("t_id"): int(t.get("sentence", 0)) for t in root.iter("token")}
    # Only the first sentences of each article are annotated: the text stops after them.
    annotated = max((sentence_of.get(a.get("t_id"), 0) for a in root.iter("token_anchor")), default=0)
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length, previous = 0, None
    for token in root.iter("token"):
        if sentence_of[token.get("t_id")] > annotated:
            break
        word = token.text or ""
        gap = ""
        if previous is not None:
            if token.get("sentence") != previous.get("sentence"):
                gap = "\n"
            elif word not in _NO_SPACE_BEFORE and previous.text not in _NO_SPACE_AFTER:
                gap = " "
        shown = '"' if word in ("``", "''") else word
        start = length + len(gap)
        offsets[token.get("t_id")] = (start, start + len(shown))
        pieces += [gap, shown]
        length = start + len(shown)
        previous = token
    text = "".join(pieces)
    gold, dct, dct_span = [], None, (0, 0)
    for timex in root.iter("TIMEX3"):
        spans = [offsets[a.get("t_id")] for a in timex.iter("token_anchor") if a.get("t_id") in offsets]
        if not spans:
            continue  # an empty tag: a time the text implies but does not write
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        value = timex.get("value", "")
        if timex.get("functionInDocument") == "CREATION_TIME":
            day = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
            dct, dct_span = (dt.date(*map(int, day.groups())) if day else None), (start, end)
            continue
        gold.append(GoldTimex(start, end, timex.get("type", ""), value))
    return text, dct, sorted(gold, key=lambda g: g.start), dct_span


def strip_timeml(body: str) -> tuple[str, list[GoldTimex]]:
    """The plain text of a TimeML <TEXT> body and its TIMEX3s as spans of that text."""
    pieces: list[str] = []
    gold: list[GoldTimex] = []
    length, position, opened = 0, 0, None
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position:tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name, attrs = tag.groups()
        if name != "TIMEX3":
            continue
        if not closing:
            opened = (length, dict(_ATTR.findall(attrs)))
        elif opened is not None:
            start, attributes = opened
            gold.append(GoldTimex(start, length, attributes.get("type", ""),
                                  attributes.get("value", "")))
            opened = None
    pieces.append(html.unescape(body[position:]))
    return "".join(pieces), gold


def score_document(tally: Tally, gold: list[GoldTimex], system: list[DateMention],
                   given: list[DateMention | None]) -> None:
    """Add one document's counts; `given` holds the resolution of each gold span."""
    tally.documents += 1
    tally.gold += len(gold)
    tally.system += len(system)
    used: set[int] = set()  # one system mention matches one gold mention at most
    for g, resolved in zip(gold, given):
        tally.strict += any(s.start == g.start and s.end == g.end for s in system)
        tally.given_span += resolved is not None and resolved.value == g.value
        matches = [i for i, s in enumerate(system)
                   if i not in used and overlaps((s.start, s.end), (g.start, g.end))]
        if not matches:
            continue
        chosen = max(matches, key=lambda i: (min(system[i].end, g.end)
                                             - max(system[i].start, g.start), -system[i].start))
        used.add(chosen)
        best = system[chosen]
        same = best.value == g.value
        tally.relaxed += 1
        tally.value += same
        if g.type in ("DATE", "TIME"):
            tally.date_matches += 1
            bounds = gold_bounds(g.value)
            tally.date_bounds += same or (bounds is not None
                                          and (best.date_from, best.date_to) == bounds)


def tally_metrics(tally: Tally, corpus: str = "tbaq") -> list[Metric]:
    """The metrics of one corpus, named "<corpus>.<metric>"."""
    rows = [
        ("extraction_f1_strict", _f1(tally.strict, tally), tally.gold, None),
        ("extraction_f1_relaxed", _f1(tally.relaxed, tally), tally.gold, None),
        ("value_f1", _f1(tally.value, tally), tally.gold, HEIDELTIME if corpus == "tbaq" else None),
        ("date_bounds_accuracy", _share(tally.date_bounds, tally.date_matches),
         tally.date_matches, None),
        ("value_accuracy_gold_spans", _share(tally.given_span, tally.gold), tally.gold, None),
    ]
    return [Metric("dates", f"{corpus}.{name}", value, n, *(anchor or (None, None)))
            for name, value, n, anchor in rows]


def gold_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """The day span of a gold DATE value (day, month, year, ISO week, quarter, decade)."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value):
            day = dt.date(*map(int, m.groups()[:3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return tx.unit_tx("month", dt.date(int(m[1]), int(m[2]), 1))[1:]
        if m := re.fullmatch(r"(\d{4})", value):
            return tx.unit_tx("year", dt.date(int(m[1]), 1, 1))[1:]
        if m := re.fullmatch(r"(\d{4})-W(\d{1,2})", value):
            return tx.unit_tx("week", dt.date.fromisocalendar(int(m[1]), int(m[2]), 1))[1:]
        if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
            return tx.unit_tx("quarter", dt.date(int(m[1]), 3 * int(m[2]), 1))[1:]
        if m := re.fullmatch(r"(\d{3})", value):
            return tx.unit_tx("decade", dt.date(int(m[1]) * 10, 1, 1))[1:]
    except ValueError:
        return None
    return None


def _f1(hits: int, tally: Tally) -> float:
    """F1 with `hits` true positives among the system's and the gold's mentions."""
    return prf(hits, tally.system - hits, tally.gold - hits)[2]


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0
