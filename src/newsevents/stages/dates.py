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
- With no publication date, relative expressions keep their span but get value None and
  null bounds; absolute ones ("March 3, 2024", "2011") and durations keep their values.
- Anaphors ("the next day", "that day", "a year earlier") resolve against the last day
  named before them; with none, "N units earlier/later" counts from publication and the
  others stay unresolved (value None).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from ..model import Article, DateMention
from . import timex as tx
from .timex import CALENDAR_GRAINS, Tense, Timex
from .timex_words import whole_span

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll", "’ll"})
# Heads whose infinitive complement is in the future: "due to meet", "plans to vote".
_FUTURE_HEADS = frozenset({"due", "expect", "expected", "schedule", "scheduled", "set", "plan",
                           "going", "intend", "slate", "slated", "poised", "aim", "hope",
                           "prepare", "vow", "promise", "threaten", "agree", "decide"})
# Present-tense reporting verbs do not move a weekday into the future ("says Friday's...").
_REPORTING = frozenset({"say", "tell", "report", "announce", "claim", "add", "state", "confirm",
                        "note", "write", "insist", "deny", "warn", "allege", "believe", "think"})
_FUTURE_WORDS = re.compile(r"(?i)\b(?:will|shall|going\s+to|due\s+to|scheduled\s+to|"
                           r"expected\s+to|set\s+to|plans?\s+to)\b|\w'll\b")
_DAYLIKE = frozenset({"day", "part", "time"})
_PLANNING = frozenset({"plan", "schedule", "slate"})
# Verbs whose present form is also their past: a VBP tag on them is no evidence of a schedule.
_SAME_PAST_FORM = frozenset({"hurt", "put", "cut", "set", "hit", "cost", "quit", "shut",
                             "spread", "let", "bid", "cast", "split", "burst", "beat", "read",
                             "shed", "upset", "broadcast", "forecast"})


def resolve_dates(article: Article, resources: Any) -> Article:
    """Fill `article.dates` with every temporal expression in the text, resolved."""
    text = article.text or ""
    doc = article.doc if _doc_matches(article.doc, text) else None
    atoms = tx.find_timexes(text, article.published,
                            tense_at=lambda s, e: _tense_at(doc, text, s, e),
                            is_count=lambda s, e: _is_count(doc, s, e))
    timexes = resolve_anaphors(combine(atoms, text, article.published), article.published,
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
    stands for it. Anaphors ("the
    next day") resolve against the day of the previous span, in text order. A span in
    which the rules find nothing gives None.
    """
    text = article.text or ""
    doc = article.doc if _doc_matches(article.doc, text) else None
    best: dict[tuple[int, int], Timex] = {}
    for start, end in sorted(set(spans)):
        if not 0 <= start < end <= len(text):
            continue
        found = tx.find_timexes(text, article.published,
                                tense_at=lambda s, e: _tense_at(doc, text, s, e),
                                is_count=lambda s, e: False, window=(start, end))
        found = combine(found, text, article.published)
        if not found:  # "current", "previously", "years": a time only when annotated so
            lexical = whole_span(text[start:end])
            found = [replace(lexical, start=start, end=end)] if lexical else []
        if found:
            best[(start, end)] = max(found, key=lambda t: t.end - t.start)
    # resolve_anaphors keeps offsets but drops lone clock times: those stay as found.
    anchored = {(t.start, t.end): t
                for t in resolve_anaphors(list(best.values()), article.published, text)}
    mentions: list[DateMention | None] = []
    for number, span in enumerate(spans, start=1):
        t = best.get(tuple(span))
        t = anchored.get((t.start, t.end), t) if t is not None else None
        mentions.append(None if t is None else DateMention(
            id=f"d{number}", text=text[t.start:t.end], start=t.start, end=t.end,
            value=t.value, date_from=t.date_from, date_to=t.date_to))
    return mentions


# ---------------------------------------------------------------- tense from the parse

def _doc_matches(doc: Any, text: str) -> bool:
    return doc is not None and getattr(doc, "text", None) == text


def _tense_at(doc: Any, text: str, start: int, end: int) -> Tense:
    """The tense of the verb that governs text[start:end]: past, present, future or None.

    A past verb does not put a date introduced as a deadline ("extended the offer to Nov.
    20", "payable Dec. 15", "effective Feb. 1") in the past: that tense is None.
    """
    tense = _governing_tense(doc, text, start, end)
    if tense == "past" and _FORWARD_CUE.search(text[max(0, start - 30):start]):
        return None
    return tense


_FORWARD_CUE = re.compile(r"(?i)\b(?:by|until|till|through|to|payable|effective|expir\w*|due"
                          r"|record|deadline|scheduled|slated|planned|expected|set\s+for)"
                          r"\s+(?:on\s+|in\s+|for\s+)?$")


def _governing_tense(doc: Any, text: str, start: int, end: int) -> Tense:
    if doc is None:
        return _lexical_tense(text, start)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return _lexical_tense(text, start)
    token, via_noun = span.root, False
    for _ in range(12):  # climb to the governing verb
        if token.pos_ in ("VERB", "AUX") and not (token.i >= span.start and token.i < span.end):
            break
        if token.head.i == token.i:
            return None
        token = token.head
        via_noun = via_noun or (token.pos_ in ("NOUN", "PROPN") and token not in span)
    else:
        return None
    tense = _verb_tense(token)
    if token.lemma_ in _PLANNING and token.i < span.start and token.dep_ not in ("acl", "amod"):
        return "future"  # "planned a rally on Saturday", "has scheduled talks Thursday"
    if tense == "present" and token.lower_ in _SAME_PAST_FORM:
        return None  # "hurt", "cut", "set": the tagger's present is as often a past
    if tense == "present":
        # A present verb on a weekday is a schedule ("the talks resume on Monday"), unless
        # the day only modifies a noun ("Friday's attack is...") or the verb reports speech.
        return None if via_noun or token.lemma_ in _REPORTING else "future"
    return tense


def _verb_tense(verb: Any, depth: int = 0) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if verb.dep_ == "xcomp" and depth < 3:
        head_aux = {c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")}
        if "had" in head_aux:
            return "past"  # "had been due to expire Friday": a plan overtaken, in the past
        if verb.head.lemma_ in _FUTURE_HEADS or verb.head.lower_ in _FUTURE_HEADS:
            return "future"
        inherited = _verb_tense(verb.head, depth + 1)
        if inherited is not None:
            return inherited
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if words & {"have", "has", "had", "'ve"} or (verb.tag_ == "VBN" and "MD" not in tags):
        return "past"
    if "MD" in tags and not words & {"could", "can"}:
        return "future"  # "would leave as soon as Tuesday": not yet happened when reported
    if "VBD" in tags:
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return None


def _lexical_tense(text: str, start: int) -> Tense:
    """Without a parse: future when the sentence around the date has a future marker."""
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right = text.find(".", start)
    sentence = text[left:right if right >= 0 else len(text)]
    return "future" if _FUTURE_WORDS.search(sentence) else None


def _is_count(doc: Any, start: int, end: int) -> bool:
    """True when a 4-digit number counts a noun ("2011 people"), so is not a year."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    return (token.dep_ == "nummod" and token.head.pos_ == "NOUN" and token.head.i > token.i
            and token.ent_type_ != "DATE")


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
    joined = _join_pairs(_attach_clocks(atoms, text), text)
    joined = [_with_prefix(t, text, joined[i - 1].end if i else 0) for i, t in enumerate(joined)]
    joined = _join_ranges(joined, text)
    return [_with_since(t, text, published) for t in joined]


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
            bounds = [d for d in (a.date_from, b.date_to) if d]
            out.append(Timex(a.start - len(lead[0]), b.end, f"{a.value}/{b.value}",
                             min(bounds) if len(bounds) == 2 else None,
                             max(bounds) if len(bounds) == 2 else None, "interval"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


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
            if base is not None:
                unit, offset = t.anaphor
                grain = unit if unit in ("week", "month", "quarter", "year", "decade") else "day"
                try:
                    value, first, last = tx.unit_tx(grain, tx.shift(base, unit, offset))
                    t = replace(t, value=value, date_from=first, date_to=last, grain=grain)
                except (ValueError, OverflowError):  # "9,999 years earlier": off the calendar
                    pass
        if t.grain in _DAYLIKE and t.date_from is not None:
            reference = t.date_from
        if (t.grain in ("quarter", "month") and t.date_from is not None
                and t.period != "compare" and (t.anaphor or ("",))[0] != "=year"):
            period = t  # a year-ago comparison does not move the story's period
        out.append(t)
    return out


_COMPARE_REACH = 4  # sentences
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+(?=[A-Z\"“‘'(])|\n\s*\n")


def _period_applies(t: Timex, period: Timex, text: str | None) -> bool:
    """'the quarter' takes any earlier quarter; a year-ago comparison only one in reach."""
    if t.period == "same":
        return period.grain == "quarter"
    if text is None:
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
