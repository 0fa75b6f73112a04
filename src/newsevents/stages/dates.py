"""Dates stage: temporal expressions in the text, resolved against the publication date.

Reads: `text`, `published`, and `doc` (the verb tense around each expression, to choose
between the last and the next Friday; which 4-digit numbers are counts, not years). The
recognition itself is rule-based (timex.py): spaCy's DATE/TIME entities miss and mis-bound
many expressions.
Fills: `dates` — DateMention records in text order, ids "d1", "d2"...
`resolve_given_spans` normalises spans it is given (the evaluation's gold spans).

Conventions (values are TimeML/TIMEX3 as TempEval-3 writes them):
- `value`: "2026-03-13" (day), "2026-03" (month), "2026" (year), "2026-W10" (ISO week),
  "2026-W11-WE" (weekend), "2026-Q1", "2026-SU" (season), "199" (the 1990s), "20" (the
  21st century); parts of days "2026-03-13TEV" (TMO, TAF, TEV, TNI); clock times attached to
  a day "2026-03-13T10:00"; durations "P3M", "PT5H", "PXY" (vague); sets "P1W",
  "XXXX-WXX-7"; "PRESENT_REF", "PAST_REF", "FUTURE_REF".
- `date_from`/`date_to`: the first and last day referred to. A day gives that day; "last
  week" its Monday..Sunday; "early March" March 1-10; "earlier this year" Jan 1..published;
  "the past 24 hours" published-1..published. Unanchored durations, sets and the *_REF
  values have null bounds.
- A span introduced by a preposition is ONE mention whose text includes the preposition.
  "since Friday evening": value "2026-03-13TEV" (the TIMEX3 value of the anchor), bounds from
  the anchor's first day to the publication date. "from Friday evening into Saturday",
  "between Monday and Wednesday": value "A/B" (an ISO 8601 interval of the two TIMEX3
  values), bounds from A's first day to B's last.
- With no publication date, relative expressions count from the story's date line when it
  prints one alone on a line near the top ("September 01, 2007": `reference_date`);
  otherwise they keep their span but get value None and null bounds; absolute ones
  ("March 3, 2024", "2011") and durations keep their values.
- Anaphors ("the next day", "that day", "a year earlier") resolve against the last day
  named before them ("that year", "the following month" against the last time of any
  grain); with none, "N units earlier/later" counts from publication and the others stay
  unresolved (value None). A clock time on no day ("at 10 a.m.") takes the last day named,
  else the publication date (TimeML anchors it to the reference time).
- Reporting periods (business copy): "the quarter", "the latest period" are the last
  quarter named that is already over, else the last complete quarter; "a year ago/earlier",
  "year-earlier", "from $3 million last year" next to such a quarter are that quarter a
  year back ("2025-Q3" -> "2024-Q3"), otherwise the year.
- Otherwise relative expressions count from the publication date (the document creation
  time). A weekday re-anchored to an earlier explicit date in its sentence was tried and
  lost accuracy on TBAQ, so weekdays always count from publication.

`governing_date(article, start, end)` gives the day range that governs a span (an event,
a quote, a claim): the dated mention in the span, else the one on the span's own verb in
its sentence (a date on a reporting verb last), else the last one earlier in the
paragraph, else the publication date with the flag True. The verb tense comes from
date_tense.py; the patterns and their handlers from timex*.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from ..model import Article, DateMention, DateWindow
from . import timex as tx
from .date_tense import clause_verb, doc_matches, is_count, tense_at
from .timex import CALENDAR_GRAINS, Timex
from .timex_words import whole_span

_DAYLIKE = frozenset({"day", "part", "time"})


def resolve_dates(article: Article, resources: Any) -> Article:
    """Fill `article.dates` with every temporal expression in the text, resolved."""
    text = article.text or ""
    doc = article.doc if doc_matches(article.doc, text) else None
    anchor = reference_date(article)
    atoms = tx.find_timexes(text, anchor,
                            tense_at=lambda s, e: tense_at(doc, text, s, e),
                            is_count=lambda s, e: is_count(doc, s, e))
    timexes = resolve_anaphors(combine(atoms, text, anchor), anchor,
                               text)
    # spaCy DATE/TIME entities the rules miss were tried as extra mentions: on TBAQ they were
    # mostly unresolvable ("a second day", "these years") and cost value F1, so they are left out.
    timexes.sort(key=lambda t: t.start)
    article.dates = [
        DateMention(id=f"d{i}", text=text[t.start:t.end], start=t.start, end=t.end,
                    value=t.value, date_from=t.date_from, date_to=t.date_to)
        for i, t in enumerate(timexes, start=1)
    ]
    return article


def resolve_given_spans(article: Article, spans: list[tuple[int, int]]) -> list[DateMention | None]:
    """The resolved expression at each given span (gold spans: normalisation scored alone).

    The rules find expressions inside each span (seeing the text around it), with the tense
    taken from the parse of the whole article; the longest expression found in a span
    stands for it; a span they cannot read may still be a TimeML word ("current",
    "years": `whole_span`). Anaphors ("the next day", "the quarter") resolve against the
    previous spans, in text order. A span in which nothing is found gives None.
    """
    text = article.text or ""
    doc = article.doc if doc_matches(article.doc, text) else None
    anchor = reference_date(article)
    best: dict[tuple[int, int], Timex] = {}
    for start, end in sorted(set(spans)):
        if not 0 <= start < end <= len(text):
            continue
        found = tx.find_timexes(text, anchor,
                                tense_at=lambda s, e: tense_at(doc, text, s, e),
                                is_count=lambda s, e: False, window=(start, end))
        found = combine(found, text, anchor)
        if not found:  # "25" of "April 24 and 25", "'82" of "since '82": the rule needs
            # the words before the span
            found = [t for t in tx.find_timexes(text, anchor,
                                                tense_at=lambda s, e: tense_at(doc, text, s, e),
                                                is_count=lambda s, e: False,
                                                window=(max(0, start - 24), end))
                     if start <= t.start and t.end <= end and t.grain in ("day", "year")]
        if found:
            found = [_with_tail(t, text, article, doc, start, end) for t in found]
        if not found:  # "current", "previously", "years": a time only when annotated so
            lexical = whole_span(text[start:end], anchor)
            found = [replace(lexical, start=start, end=end)] if lexical else []
        if found:
            best[(start, end)] = max(found, key=lambda t: t.end - t.start)
    # resolve_anaphors keeps offsets but drops lone clock times: those stay as found.
    anchored = {(t.start, t.end): t
                for t in resolve_anaphors(list(best.values()), anchor, text)}
    mentions: list[DateMention | None] = []
    for number, span in enumerate(spans, start=1):
        t = best.get(tuple(span))
        t = anchored.get((t.start, t.end), t) if t is not None else None
        mentions.append(None if t is None else DateMention(
            id=f"d{number}", text=text[t.start:t.end], start=t.start, end=t.end,
            value=t.value, date_from=t.date_from, date_to=t.date_to))
    return mentions


_TAIL = re.compile(r"(?i)^(?:\s*,)?\s+(?:of\s+)?(?:last|next|this)\s+year\b")


def _with_tail(t: Timex, text: str, article: Article, doc: Any, start: int, end: int) -> Timex:
    """A span cut before its year ("October" of "October of next year", "June" of "June last
    year"): the value of the whole expression, which TimeML gives the month too."""
    if t.start != start or t.end != end or t.grain not in ("month", "day"):
        return t
    tail = _TAIL.match(text[end:end + 20])
    if tail is None:
        return t
    window = (start, end + tail.end())
    anchor = reference_date(article)
    whole = combine(tx.find_timexes(text, anchor,
                                    tense_at=lambda s, e: tense_at(doc, text, s, e),
                                    is_count=lambda s, e: False, window=window),
                    text, anchor)
    joined = [w for w in whole if w.start == start and w.end == window[1] and w.value]
    return replace(joined[0], end=end) if joined else t


_DATELINE = re.compile(rf"^[ \t]*(?:{tx.WEEKDAY},?\s+)?(?:{tx.MONTH_ANY}\s*\d{{1,2}},?\s+{tx.YEAR4}"
                       rf"|\d{{1,2}}\s+{tx.MONTH_ANY},?\s+{tx.YEAR4})[ \t]*$", re.M)


def reference_date(article: Article) -> dt.date | None:
    """The date relative expressions count from: the publication date, else the story's own
    date line ("September 01, 2007" alone on a line near the top, as wire and wiki copy
    print it). None when there is neither."""
    if article.published is not None:
        return article.published
    text = article.text or ""
    line = _DATELINE.search(text, 0, min(len(text), 400))
    if line is None:
        return None
    found = tx.find_timexes(line[0], None)
    return found[0].date_from if len(found) == 1 and found[0].grain == "day" else None


# ---------------------------------------------------------------- the governing date

_REPORT_LEMMAS = frozenset({"say", "tell", "report", "announce", "add", "state", "confirm",
                            "claim", "write", "tweet", "declare", "insist", "warn"})
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_SENTENCE = re.compile(r"(?<=[.!?])[\"'’”)]*\s+(?=[A-Z\"“‘'(])")


def governing_date(article: Article, start: int, end: int,
                   exclude: tuple[int, int] | None = None) -> tuple[DateWindow, bool]:
    """The day range of the date expression that governs text[start:end], and whether it
    fell back to the publication date (True) for want of one.

    In order (TimeML's reference time, read from the dates stage's mentions):
    1. a dated mention inside the span itself;
    2. one in the span's sentence attached to the same verb as the span (with a parse),
       else the nearest one in the sentence, a date on a reporting verb ("said Friday")
       last: it dates the report, not the event;
    3. the last dated mention earlier in the paragraph (the story's current time there);
    4. the publication date (unknown bounds when there is none), flagged True.
    Mentions with no bounds (durations, "now") never govern, nor those inside `exclude`
    (a quote's own words date what is said, not the saying). Bounds are those of the
    mention: "since Friday" runs to publication, "last week" Monday..Sunday.
    """
    text = article.text or ""
    lo, hi = exclude if exclude is not None else (-1, -1)
    dated = [d for d in article.dates if (d.date_from is not None or d.date_to is not None)
             and not (lo <= d.start and d.end <= hi)]
    def rank(mention: DateMention) -> tuple:
        return _governing_rank(article, mention, start, end)

    inside = [d for d in dated if start <= d.start and d.end <= end]
    if inside:
        return _window(min(inside, key=rank)), False
    s_start, s_end = _sentence_bounds(article, text, start, end)
    in_sentence = [d for d in dated if s_start <= d.start and d.end <= s_end]
    if in_sentence:
        return _window(min(in_sentence, key=rank)), False
    p_start = _paragraph_start(text, s_start)
    before = [d for d in dated if p_start <= d.start and d.end <= s_start]
    if before:
        return _window(before[-1]), False
    return DateWindow(article.published, article.published), True


def _window(mention: DateMention) -> DateWindow:
    return DateWindow(mention.date_from, mention.date_to)


def _sentence_bounds(article: Article, text: str, start: int, end: int) -> tuple[int, int]:
    doc = article.doc if doc_matches(article.doc, text) else None
    if doc is not None:
        span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
        if span is not None and len(span):
            first, last = span[0].sent, span[-1].sent
            # the small model runs sentences over a paragraph break ('... next month."\n\n"We
            # are ready'): the paragraph break always ends the sentence
            breaks = list(re.finditer(r"\n\s*\n", text[first.start_char:start]))
            left = first.start_char + breaks[-1].end() if breaks else first.start_char
            brk = re.search(r"\n\s*\n", text[end:last.end_char])
            return left, end + brk.start() if brk else last.end_char
    left = max([m.end() for m in _SENTENCE.finditer(text, 0, start)]
               + [m.end() for m in _PARAGRAPH.finditer(text, 0, start)] + [0])
    right = min([m.start() for m in _SENTENCE.finditer(text, end)]
                + [m.start() for m in _PARAGRAPH.finditer(text, end)] + [len(text)])
    return left, right


def _paragraph_start(text: str, position: int) -> int:
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", text[:position])]
    return breaks[-1] if breaks else 0


def _governing_rank(article: Article, mention: DateMention, start: int, end: int) -> tuple:
    """Sort key: same governing verb first, reporting-verb dates last, then distance."""
    distance = min(abs(mention.start - end), abs(start - mention.end))
    doc = article.doc if doc_matches(article.doc, article.text or "") else None
    if doc is None:
        return (1, 0, distance)
    target, verb = _verb_of(doc, start, end), _verb_of(doc, mention.start, mention.end)
    same = verb is not None and target is not None and verb.i == target.i
    reporting = (verb is not None and verb.lemma_ in _REPORT_LEMMAS
                 and (target is None or verb.i != target.i))
    return (0 if same else 1, 1 if reporting else 0, distance)


def _verb_of(doc: Any, start: int, end: int) -> Any:
    """The first verb at or above the root of text[start:end], or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return clause_verb(span.root, max_steps=12)


# ---------------------------------------------------------------- joining atoms

_PREFIX = re.compile(r"(?i)\b(?P<w>early|late|mid|the\s+end\s+of|the\s+start\s+of|"
                     r"the\s+beginning\s+of|the\s+middle\s+of)[\s-]*$")
_THIRD = {"early": 0, "start": 0, "beginning": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}
_CLOCK_BEFORE_DAY = re.compile(r"(?i)^\s*,?\s*(?:on\s+)?$")
_CLOCK_AFTER_DAY = re.compile(r"(?i)^\s*,?\s*(?:at|around|about|by|shortly\s+(?:before|after)"
                              r"|just\s+(?:before|after)|before|after)?\s*$")
_RANGE_GAP = re.compile(r"(?i)^\s*(?:to|until|till|through|into|and|-|–|—)\s*$")
_SINCE = re.compile(r"(?i)\bsince\s+$")


def combine(atoms: list[Timex], text: str, published: dt.date | None) -> list[Timex]:
    """Join atoms: clock times onto days, early/late/mid prefixes, ranges, 'since' spans."""
    joined = _join_ranges(_join_atoms(atoms, text), text)
    return [_with_since(t, text, published) for t in joined]


def _join_atoms(atoms: list[Timex], text: str) -> list[Timex]:
    """Clock times onto days, 'Monday, Oct. 26', 'June last year', early/late/mid prefixes."""
    joined = _join_pairs(_attach_clocks(atoms, text), text)
    return [_with_prefix(t, text, joined[i - 1].end if i else 0) for i, t in enumerate(joined)]


def timeml_mentions(article: Article) -> list[DateMention]:
    """`article.dates` as TimeML segments them: an interval mention ("from 1991 to 1997",
    "between Monday and Wednesday") is two TIMEX3s, one per end, each with its own value.

    The dates stage keeps an interval as one mention (its bounds are what events need);
    TempEval scores the two expressions, so the scorer reads this view.
    """
    text = article.text or ""
    doc = article.doc if doc_matches(article.doc, text) else None
    anchor = reference_date(article)
    out: list[DateMention] = []
    for mention in article.dates:
        parts: list[Timex] = []
        if mention.value and "/" in mention.value and not mention.value.startswith("P"):
            atoms = tx.find_timexes(text, anchor,
                                    tense_at=lambda s, e: tense_at(doc, text, s, e),
                                    is_count=lambda s, e: is_count(doc, s, e),
                                    window=(mention.start, mention.end))
            parts = _join_atoms(atoms, text)
            parts = parts[:1] + [_not_before(parts[1], parts[0])] if len(parts) == 2 else parts
        if len(parts) != 2:
            out.append(mention)
            continue
        out += [DateMention(id=f"{mention.id}.{i}", text=text[t.start:t.end], start=t.start,
                            end=t.end, value=t.value, date_from=t.date_from, date_to=t.date_to)
                for i, t in enumerate(parts, start=1)]
    return out


_WEEKDAY_ONLY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")


def _join_pairs(atoms: list[Timex], text: str) -> list[Timex]:
    """'Monday, Oct. 26' -> the date; 'June last year' -> that month of that year."""
    out: list[Timex] = []
    for atom in atoms:
        prev = out[-1] if out else None
        gap = text[prev.end:atom.start] if prev else ""
        if (prev and prev.grain == "day" and atom.grain == "day" and atom.value
                and re.fullmatch(r"\s*,\s*", gap)
                and _WEEKDAY_ONLY.fullmatch(text[prev.start:prev.end])):
            out[-1] = replace(atom, start=prev.start)
            continue
        if (prev and prev.grain == "month" and atom.grain == "year" and prev.date_from
                and atom.date_from and re.fullmatch(r"\s*,?\s*(?:of\s+)?", gap)):
            month = tx.unit_tx("month", atom.date_from.replace(month=prev.date_from.month))
            out[-1] = Timex(prev.start, atom.end, *month, grain="month")
            continue
        out.append(atom)
    return out


def _attach_clocks(atoms: list[Timex], text: str) -> list[Timex]:
    out: list[Timex] = []
    skip_next = False
    for i, atom in enumerate(atoms):
        if skip_next:
            skip_next = False
            continue
        if atom.grain != "clock":
            out.append(atom)
            continue
        after = atoms[i + 1] if i + 1 < len(atoms) else None
        before = out[-1] if out else None
        if (after and after.grain in _DAYLIKE and after.value
                and _CLOCK_BEFORE_DAY.match(text[atom.end:after.start])):
            out.append(_clocked(after, atom, atom.start, after.end))
            skip_next = True
        elif (before and before.grain in _DAYLIKE and before.value
              and _CLOCK_AFTER_DAY.match(text[before.end:atom.start])):
            out[-1] = _clocked(before, atom, before.start, atom.end)
        else:  # on the story's current day: resolve_anaphors anchors it (TimeML)
            out.append(atom)
    return out


def _clocked(day: Timex, clock: Timex, start: int, end: int) -> Timex:
    return replace(day, start=start, end=end, grain="time",
                   value=f"{day.value.split('T')[0]}{clock.value}")


def _with_prefix(t: Timex, text: str, floor: int) -> Timex:
    """Extend 'early/mid/late X' over its modifier and narrow the bounds to that third."""
    if t.grain not in CALENDAR_GRAINS:
        return t
    match = _PREFIX.search(text[max(floor, t.start - 25):t.start])
    if not match:
        return t
    start = t.start - (len(match.string) - match.start())
    if t.grain in _DAYLIKE or t.date_from is None or t.date_to is None:
        return replace(t, start=start)
    third = _THIRD[match["w"].lower().split()[-2 if " " in match["w"] else 0]]
    length = (t.date_to - t.date_from).days + 1
    step = length // 3
    first = t.date_from + dt.timedelta(days=step * third)
    last = t.date_to if third == 2 else t.date_from + dt.timedelta(days=step * (third + 1) - 1)
    return replace(t, start=start, date_from=first, date_to=last)


def _join_ranges(atoms: list[Timex], text: str) -> list[Timex]:
    """'from Friday evening into Saturday', 'between Monday and Wednesday' -> one interval."""
    out: list[Timex] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        lead = re.search(r"(?i)\b(from|between)\s+$", text[max(0, a.start - 10):a.start])
        if (b and lead and a.grain in CALENDAR_GRAINS and b.grain in CALENDAR_GRAINS
                and a.value and b.value and _RANGE_GAP.match(text[a.end:b.start])
                and (lead[1].lower() == "from") != ("and" in text[a.end:b.start].lower())):
            b = _not_before(b, a)
            bounds = [d for d in (a.date_from, b.date_to) if d]
            out.append(Timex(a.start - len(lead[0]), b.end, f"{a.value}/{b.value}",
                             min(bounds) if len(bounds) == 2 else None,
                             max(bounds) if len(bounds) == 2 else None, "interval"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _not_before(b: Timex, a: Timex) -> Timex:
    """The end of a range is not before its start: 'from Friday evening into Saturday'
    published on a Friday is the next day, not the Saturday before (a weekday read alone)."""
    if (b.grain not in _DAYLIKE or a.date_from is None or b.date_from is None
            or not 0 < (a.date_from - b.date_from).days < 7 or not b.value
            or not re.match(r"\d{4}-\d\d-\d\d", b.value)):
        return b
    day = b.date_from + dt.timedelta(days=7)
    return replace(b, value=day.isoformat() + b.value[10:], date_from=day,
                   date_to=(b.date_to or b.date_from) + dt.timedelta(days=7))


def _with_since(t: Timex, text: str, published: dt.date | None) -> Timex:
    """'since Friday evening': the anchor's value, bounds from the anchor to publication."""
    if t.grain not in CALENDAR_GRAINS or not t.value:
        return t
    match = _SINCE.search(text[max(0, t.start - 10):t.start])
    if not match:
        return t
    start = t.start - (len(match.string) - match.start())
    if published is None or t.date_from is None or t.date_from > published:
        return replace(t, start=start, grain="since")
    return replace(t, start=start, date_to=published, grain="since")


def resolve_anaphors(timexes: list[Timex], published: dt.date | None,
                     text: str | None = None) -> list[Timex]:
    """Resolve 'the next day', 'a year earlier', 'the quarter'... against the story's time.

    TimeML anchors such expressions to the reference time of their sentence: the last day
    named before them ("the next day"), or the reporting period named before them for the
    period anaphors ("the quarter"; "a year ago" next to "the third quarter" is last year's
    third quarter, when that period is named within the last two sentences).
    """
    out: list[Timex] = []
    reference: dt.date | None = None
    period: Timex | None = None  # the last quarter or month named
    named: dt.date | None = None  # the first day of the last calendar expression of any grain
    for t in timexes:
        if t.grain == "clock":
            day = reference or published
            if day is None:
                out.append(t)
                continue
            t = replace(t, value=f"{day.isoformat()}{t.value}", date_from=day, date_to=day,
                        grain="time")
        elif t.period and period is not None and _period_applies(t, period, text):
            t = _from_period(t, period)
        elif t.grain == "anaphor" and t.anaphor:
            base = reference or (published if t.fallback_published else None)
            if t.anaphor[0] in ("week", "month", "year"):
                base = named or base  # "that year", "the following month": the time named last
            if base is not None:
                unit, offset = t.anaphor
                grain = unit if unit in ("week", "month", "quarter", "year", "decade") else "day"
                try:
                    value, first, last = tx.unit_tx(grain, tx.shift(base, unit, offset))
                    if t.part:  # "the next morning"
                        value, grain = f"{value}T{t.part}", "part"
                    t = replace(t, value=value, date_from=first, date_to=last, grain=grain)
                except (ValueError, OverflowError):  # "9,999 years earlier": off the calendar
                    pass
        if t.grain in _DAYLIKE and t.date_from is not None:
            reference = t.date_from
        if t.grain in CALENDAR_GRAINS and t.date_from is not None and t.period != "compare":
            # a year-ago comparison is not the story's time: "a year earlier" after "up from
            # a year ago" is the same year back, not two
            named = t.date_from
        if (t.grain in ("quarter", "month") and t.date_from is not None
                and t.period != "compare" and (t.anaphor or ("",))[0] != "=year"
                and (published is None or (t.date_to is not None and t.date_to <= published))):
            # The period reported on: one already over ("third-quarter profit"); a year-ago
            # comparison or a quarter still running ("in the fourth quarter, we expect") is not.
            period = t
        out.append(t)
    return out


_COMPARE_REACH = 4  # sentences
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+(?=[A-Z\"“‘'(])|\n\s*\n")


def _period_applies(t: Timex, period: Timex, text: str | None) -> bool:
    """'the quarter' takes any earlier quarter; a year-ago comparison only one in reach."""
    if period.grain != "quarter":
        return False  # a month named is not a reporting period
    if t.period == "same" or text is None:
        return True
    return len(_SENTENCE_END.findall(text, period.end, t.start)) <= _COMPARE_REACH


def _from_period(t: Timex, period: Timex) -> Timex:
    unit, offset = t.anaphor or ("year", 0)
    try:
        if unit == "=year":  # "the 1988 quarter": the period named, in that year
            day = period.date_from.replace(year=offset)
        else:
            day = tx.shift(period.date_from, unit, offset)
        value, first, last = tx.unit_tx(period.grain, day)
    except (ValueError, OverflowError):
        return t
    return replace(t, value=value, date_from=first, date_to=last, grain=period.grain)
