"""Hand-run check of the dates stage on TempEval-3 TBAQ (TimeBank + AQUAINT); not a test.

    python eval/dates_check.py [--data /work/shared/data/time/tbaq] [--limit N] [--errors N]

Each document's TIMEX3 tags are stripped to get the plain text and gold spans; the system
gets that text and the creation date (DCT), parsed with spaCy, then the dates stage runs
(the text stage is skipped so gold offsets stay valid). Prints:
- extraction P/R/F1, strict (same span) and relaxed (any overlap), all types;
- value F1 over relaxed matches (TempEval-3 style: a match counts only if the value is
  identical), split by gold type DATE/TIME vs DURATION/SET; plus a "bounds" variant where a
  DATE/TIME match also counts when the system's day bounds equal the gold value's span;
- value accuracy given the gold spans: the rules run on each gold span alone (with the
  parse of the whole document for tense), so recognition errors do not count.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
from collections import Counter
from pathlib import Path

from newsevents.model import Article
from newsevents.settings import Settings
from newsevents.stages import dates, nlp
from newsevents.stages import timex as tx

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[str, dt.date, list[dict]]:
    """(plain text, creation date, gold timexes with start/end/type/value) of one .tml file."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="(\d{4})-?(\d{2})-?(\d{2})', raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    text, gold, open_timex, pos = [], [], None, 0
    length = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos:tag.start()])
        text.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name, attrs = tag.groups()
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = dict(_ATTR.findall(attrs), start=length)
        elif open_timex is not None:
            open_timex["end"] = length
            gold.append(open_timex)
            open_timex = None
    text.append(html.unescape(body[pos:]))
    return "".join(text), dt.date(*map(int, dct.groups())), gold


def prf(correct: int, system: int, gold: int) -> str:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({correct}/{system} sys, {gold} gold)"


def gold_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """The day span of a gold DATE value (day, month, year, week, quarter, season, decade)."""
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="/work/shared/data/time/tbaq")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--errors", type=int, default=0, help="print this many value errors")
    args = parser.parse_args(argv)

    model = nlp.load_model(Settings.from_env())
    paths = sorted(Path(args.data).rglob("*.tml"))[: args.limit or None]
    counts: Counter = Counter()
    errors: list[str] = []
    for path in paths:
        text, dct, gold = read_tml(path)
        article = Article(text=text, published=dct)
        article.doc = model(text)
        system = dates.resolve_dates(article, None).dates
        counts["sys"] += len(system)
        counts["gold"] += len(gold)
        used: set[int] = set()
        for g in gold:
            group = "date" if g.get("type") in ("DATE", "TIME") else "dur"
            counts[f"gold_{group}"] += 1
            counts["strict"] += any(s.start == g["start"] and s.end == g["end"] for s in system)
            overlapping = [s for s in system if s.start < g["end"] and g["start"] < s.end]
            if overlapping:
                best = max(overlapping, key=lambda s: min(s.end, g["end"]) - max(s.start, g["start"]))
                used.add(id(best))
                counts["relaxed"] += 1
                counts[f"matched_{group}"] += 1
                same = best.value == g.get("value")
                counts[f"value_{group}"] += same
                bounds = gold_bounds(g.get("value", ""))
                counts[f"bounds_{group}"] += same or (
                    group == "date" and bounds is not None
                    and (best.date_from, best.date_to) == bounds)
                if not same and len(errors) < args.errors:
                    errors.append(f"{path.stem} dct={dct} gold {g['type']} {g.get('value')!r}"
                                  f" {text[g['start']:g['end']]!r} | sys {best.value!r}"
                                  f" {best.text!r}")
            counts["given_span"] += _value_given_span(text, dct, article.doc, g)
        counts["sys_used"] += len(used)
    n = counts
    print(f"{len(paths)} documents, {n['gold']} gold TIMEX3 (creation times not counted)")
    print("extraction strict :", prf(n["strict"], n["sys"], n["gold"]))
    print("extraction relaxed:", prf(n["relaxed"], n["sys"], n["gold"]))
    print("value F1 all      :", prf(n["value_date"] + n["value_dur"], n["sys"], n["gold"]))
    for group, label in (("date", "DATE/TIME"), ("dur", "DURATION/SET")):
        matched = n[f"matched_{group}"]
        print(f"{label:<13} gold {n[f'gold_{group}']}, relaxed matches {matched}; value accuracy"
              f" on matches {n[f'value_{group}'] / max(1, matched):.3f}, counting equal day"
              f" bounds {n[f'bounds_{group}'] / max(1, matched):.3f}; value recall"
              f" {n[f'value_{group}'] / max(1, n[f'gold_{group}']):.3f}")
    print(f"value accuracy given gold spans: {n['given_span'] / max(1, n['gold']):.3f}")
    for line in errors:
        print(line)
    return 0


def _value_given_span(text: str, dct: dt.date, doc, g: dict) -> bool:
    """Run the rules on the gold span alone (tense still from the whole parse)."""
    start, end = g["start"], g["end"]
    sub = text[start:end]
    atoms = tx.find_timexes(sub, dct,
                            tense_at=lambda s, e: dates._tense_at(doc, text, s + start, e + start),
                            is_count=lambda s, e: False)
    found = dates.resolve_anaphors(dates.combine(atoms, sub, dct), dct)
    if not found:
        return False
    best = max(found, key=lambda t: t.end - t.start)
    return best.value == g.get("value")


if __name__ == "__main__":
    sys.exit(main())
