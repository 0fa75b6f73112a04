"""Handlers of the temporal-expression rules: one regex match -> one resolved Timex.

Each handler gets the match and a Context (the text, the publication date, and two callbacks
computed from the parse by dates.py: the tense governing a span, and whether a 4-digit
number is a count). The patterns themselves are listed in timex.py, in priority order.
Values follow TimeML/TIMEX3 as TempEval-3 writes them; bounds are the first and last day
the expression refers to.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .timex_calendar import (DAY, MONTHS, PARTS, SEASONS, WEEKDAYS, Tense, add_months,
                             anchored_year, duration_value, parse_number, season_tx,
                             shift, unit_name, unit_tx, weekday_date)

TenseAt = Callable[[int, int], Tense]
IsCount = Callable[[int, int], bool]

# Grains whose value names a stretch of calendar (they can anchor "since", ranges, clocks).
CALENDAR_GRAINS = frozenset({"day", "part", "time", "week", "weekend", "month", "quarter", "half",
                             "season", "year", "decade", "century"})


@dataclass(frozen=True)
class Timex:
    """One recognised expression, resolved as far as the publication date allows."""

    start: int
    end: int
    value: str | None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    grain: str = "day"  # a CALENDAR_GRAINS member, or duration, ref, set, clock, anaphor...
    anaphor: tuple[str, int] | None = None  # (unit, offset) from the story's reference date
    fallback_published: bool = False  # an anaphor with no reference date uses `published`
    # A period anaphor takes the grain of the reporting period the story is about (TimeML
    # anchors it to that period): "same" is that period ("the quarter"), "compare" that
    # period shifted by `anaphor` ("a year ago" next to "the third quarter" -> last year's Q3).
    period: str | None = None
    part: str | None = None  # an anaphor's part of day ("the next morning": "MO")


@dataclass(frozen=True)
class Context:
    """What a rule may consult besides its match."""

    text: str
    published: dt.date | None
    tense_at: TenseAt
    is_count: IsCount


# ---------------------------------------------------------------- recognition rules
# Month and weekday names are matched case-sensitively (capitalised) so "may" and "march"
# as verbs stay out; function words are matched case-insensitively with (?i:...).

MONTH_FULL = ("(?:January|February|March|April|May|June|July|August|September|October"
              "|November|December)")
MONTH_ANY = ("(?:" + MONTH_FULL[3:-1] + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
             r"(?:\.|\b))")
WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAYS_CAP = frozenset(w.capitalize() for w in WEEKDAYS)
PART = r"(?i:morning|afternoon|evening|night)"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
ORDINAL = r"(?:st|nd|rd|th)"
_MAY_CUES = re.compile(r"(?i:\b(?:in|of|since|until|till|by|from|to|through|during|early|mid"
                       r"|late|before|after|between|and|or|last|next|this|end|start|"
                       r"beginning|middle)[\s-]*)$")
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                  "3rd": 3, "4th": 4, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
                  "twenty-first": 21, "twenty first": 21}


def _month_num(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _span(m: re.Match, group: str | int = 0) -> tuple[int, int]:
    return m.start(group), m.end(group)


def _tense(ctx: Context, m: re.Match, group: str | int = 0) -> Tense:
    return ctx.tense_at(*_span(m, group))


def calendar_timex(m: re.Match, resolved: tuple | None, grain: str, group: str | int = 0) -> Timex:
    """A Timex over the match (or one group) from a (value, from, to) triple or None."""
    start, end = _span(m, group)
    if resolved is None:
        return Timex(start, end, None, grain=grain)
    return Timex(start, end, resolved[0], resolved[1], resolved[2], grain=grain)


def _day_triple(day: dt.date) -> tuple[str, dt.date, dt.date]:
    return day.isoformat(), day, day


def iso_date(m: re.Match, ctx: Context) -> Timex:
    return calendar_timex(m, _day_triple(dt.date(int(m["y"]), int(m["m"]), int(m["d"]))), "day")


def slash_date(m: re.Match, ctx: Context) -> Timex:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    month, day = (b, a) if a > 12 else (a, b)  # US order unless the first part cannot be a month
    return calendar_timex(m, _day_triple(dt.date(year, month, day)), "day")


def month_day(m: re.Match, ctx: Context) -> Timex | None:
    month, day = _month_num(m["month"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    if m["y"]:
        return calendar_timex(m, _day_triple(dt.date(int(m["y"]), month, day)), "day")
    if ctx.published is None:
        return calendar_timex(m, None, "day")
    make = lambda y: _day_triple(dt.date(y, month, day))  # noqa: E731
    return calendar_timex(m, anchored_year(make, ctx.published, _tense(ctx, m)), "day")


def week_of(m: re.Match, ctx: Context) -> Timex | None:
    """'the week of March 6': the calendar week holding that day."""
    day = month_day(m, ctx)
    if day is None or day.date_from is None:
        return None if day is None else calendar_timex(m, None, "week")
    return calendar_timex(m, unit_tx("week", day.date_from), "week")


def month_year(m: re.Match, ctx: Context) -> Timex:
    return calendar_timex(m, unit_tx("month", dt.date(int(m["y"]), _month_num(m["month"]), 1)),
                     "month")


def month_alone(m: re.Match, ctx: Context) -> Timex | None:
    name, mod = m["month"], (m["mod"] or "").lower()
    before = ctx.text[max(0, m.start() - 30):m.start()]
    if name == "May" and not mod and not _MAY_CUES.search(before):
        return None  # the modal verb, or a name
    if (name == "March" and re.match(r"\s+(?:on|to|through|against|for)\b", ctx.text[m.end():])
            and not mod and not _MAY_CUES.search(before)):
        return None  # "March on Washington", but "resigned in March for health reasons"
    if ctx.published is None:
        return calendar_timex(m, None, "month")
    month, pub = _month_num(name), ctx.published
    make = lambda y: unit_tx("month", dt.date(y, month, 1))  # noqa: E731
    if mod == "last":
        return calendar_timex(m, make(pub.year if month < pub.month else pub.year - 1), "month")
    if mod == "next":
        return calendar_timex(m, make(pub.year if month > pub.month else pub.year + 1), "month")
    if mod == "this":
        return calendar_timex(m, make(pub.year), "month")
    return calendar_timex(m, anchored_year(make, pub, _tense(ctx, m)), "month")


def year(m: re.Match, ctx: Context) -> Timex | None:
    year = int(m["y"])
    before = ctx.text[max(0, m.start() - 12):m.start()]
    if re.search(r"(?:[$£€#]|\bNo\.?|\bnumber|\bflight|\bpage|\bresolution|\broute)\s*$",
                 before, re.IGNORECASE):
        return None
    prep = re.search(r"(?i:\b(?:in|since|of|by|from|until|till|to|before|after|during|year|"
                     r"around|between|and|early|mid|late|the)[\s-]*)$", before)
    if year < 1900 and not prep:
        return None
    if not prep and ctx.is_count(m.start(), m.end()):
        return None  # "2011 people"
    return calendar_timex(m, unit_tx("year", dt.date(year, 1, 1)), "year")


def decade(m: re.Match, ctx: Context) -> Timex:
    if m["short"]:
        digit = int(m["short"])
        year = (2000 if digit < 3 else 1900) + 10 * digit
    else:
        year = int(m["full"])
    return calendar_timex(m, unit_tx("decade", dt.date(year, 1, 1)), "decade", "dec")


def century(m: re.Match, ctx: Context) -> Timex | None:
    raw = m["n"].lower().replace("-", " ")
    number = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else ORDINAL_WORDS.get(raw)
    if not number or not 1 <= number <= 30:
        return None
    return calendar_timex(m, unit_tx("century", dt.date(max(1, (number - 1) * 100), 1, 1)),
                     "century")


def _with_part(resolved: tuple, part: str | None) -> tuple:
    if not part:
        return resolved
    return (f"{resolved[0]}T{PARTS[part.lower()]}", resolved[1], resolved[2])


_UPCOMING = re.compile(r"(?i)\b(?:as\s+(?:early|soon)\s+as|until|till)\s+(?:on\s+)?"
                       r"(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s*(?:[A-Z]{2,4}\s*)?,?\s*)?$")


def weekday(m: re.Match, ctx: Context) -> Timex | None:
    weekday = WEEKDAYS[m["wd"].lower()]
    start = m.start()
    if m["plural"] or m["parts"]:  # "on Sundays", "on Tuesday nights": a set, not a date
        part = f"T{PARTS[m['part'].lower()]}" if m["part"] else ""
        return Timex(start, m.end(), f"XXXX-WXX-{weekday + 1}{part}", grain="set")
    if ctx.published is None:
        return calendar_timex(m, None, "day")
    mod = (m["mod"] or "").lower().split()[-1] if m["mod"] else None
    tense = _tense(ctx, m, "wd")
    if tense != "past" and _UPCOMING.search(ctx.text[max(0, start - 16):start]):
        tense = "future"  # "as early as Tuesday", "closed until Friday": a day still to come
    day = weekday_date(weekday, ctx.published, tense, mod)
    grain = "part" if m["part"] else "day"
    return calendar_timex(m, _with_part(_day_triple(day), m["part"]), grain)


def deictic_day(m: re.Match, ctx: Context) -> Timex | None:
    word = re.sub(r"\s+", " ", m["w"].lower())
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    groups = m.groupdict()
    part = groups.get("part") or groups.get("part0") or ("night" if word == "tonight" else None)
    if ctx.published is None:
        return calendar_timex(m, None, "part" if part else "day")
    day = ctx.published + dt.timedelta(days=offsets[word])
    return calendar_timex(m, _with_part(_day_triple(day), part), "part" if part else "day")


def this_part(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.published is None:
        return calendar_timex(m, None, "part")
    last = m["mod"].lower() == "last"
    day = ctx.published - DAY if last else ctx.published
    return calendar_timex(m, _with_part(_day_triple(day), m["part"]), "part")


def overnight(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.published is None:
        return calendar_timex(m, None, "part")
    night = ctx.published - DAY
    return Timex(m.start(), m.end(), f"{night.isoformat()}TNI", night, ctx.published, "part")


def relative_unit(m: re.Match, ctx: Context) -> Timex | None:
    """'last week', 'this year', 'next month', 'the past week', 'last summer'..."""
    mod = re.sub(r"\s+", " ", m["mod"].lower()).replace("the ", "")
    word = m["unit"].lower()
    if mod == "the" and word == "year" and re.match(r"\s+(?i:ended|ending)\b", ctx.text[m.end():]):
        return Timex(m.start(), m.end(), "P1Y", grain="duration")  # "the year ended March 31"
    if mod in ("the", "latest") and word == "quarter" or mod == "latest" and word != "year":
        return None  # "the (latest) quarter": the reporting period named before (same_period)
    mod = "this" if mod == "the" else mod
    if mod in ("previous", "following"):  # relative to the story's time, not publication
        return Timex(m.start(), m.end(), None, grain="anaphor",
                     anaphor=(word, -1 if mod == "previous" else 1))
    grain = "season" if word in SEASONS else word
    if ctx.published is None:
        return calendar_timex(m, None, grain)
    pub = ctx.published
    if word == "weekend":
        ahead = bool(re.search(r"(?i)\b(?:ahead\s+of|before|until|by)\s+$",
                               ctx.text[max(0, m.start() - 12):m.start()]))
        return calendar_timex(m, _weekend(pub, mod, _tense(ctx, m), ahead), "weekend")
    if word in SEASONS:
        return calendar_timex(m, _season(SEASONS[word], mod, pub, _tense(ctx, m)), "season")
    step = {"last": -1, "latest": -1, "past": -1, "this": 0, "current": 0, "full": 0,
            "next": 1, "coming": 1}[mod]
    if mod == "past":  # "the past week": a stretch ending today
        start = shift(pub, word, -1)
        return Timex(m.start(), m.end(), duration_value(1, word), start, pub, "duration")
    resolved = calendar_timex(m, unit_tx(word, shift(pub, word, step)), grain)
    if word == "year" and mod == "last" and _comparison(ctx.text, m.start(), m.end()):
        # "up from $3 million last year": the period reported on, a year back
        return replace(resolved, anaphor=("year", -1), period="compare")
    return resolved


_COMPARED = re.compile(r"(?i)\b(?:from|compared\s+with|compared\s+to|versus|against|than)\b"
                       r"[^.;]{0,60}$")


def _comparison(text: str, start: int, end: int) -> bool:
    """True for a year-on-year comparison: "up from $3 million last year"."""
    return bool(_COMPARED.search(text[max(0, start - 70):start]))


def _weekend(pub: dt.date, mod: str, tense: Tense, ahead: bool = False) -> tuple:
    """The Saturday-Sunday meant by 'last/this/next/the weekend' in a story of `pub`."""
    in_weekend = pub.weekday() >= 5
    if mod == "last":
        return unit_tx("weekend", pub - 7 * DAY)
    if mod in ("next", "coming"):
        return unit_tx("weekend", pub + 7 * DAY if in_weekend else pub)
    if in_weekend or tense == "future" or (mod == "this" and tense != "past") or ahead:
        return unit_tx("weekend", pub)  # "this weekend", "ahead of the weekend": the coming one
    return unit_tx("weekend", pub - 7 * DAY)


def _season(code: str, mod: str, pub: dt.date, tense: Tense) -> tuple:
    current_year = pub.year - 1 if code == "WI" and pub.month <= 2 else pub.year
    if mod == "last":
        year = current_year if season_tx(code, current_year)[2] < pub else current_year - 1
    elif mod in ("next", "coming"):
        year = current_year if season_tx(code, current_year)[1] > pub else current_year + 1
    elif tense == "past" and season_tx(code, current_year)[1] > pub:
        year = current_year - 1  # "rose from the low levels of the early summer" in March
    else:
        year = current_year
    return season_tx(code, year)


def stretch(m: re.Match, ctx: Context) -> Timex | None:
    """'the past 24 hours', 'the last three days', 'the coming weeks', 'the first nine months'."""
    unit_text = m["unit"]
    count = parse_number(m["num"]) if m["num"] else None
    if m["num"] is None and not unit_text.lower().endswith("s"):
        return None  # "the next day" is an anaphor, "the past week" a relative unit
    unit, way = unit_name(unit_text), m["dir"].lower()
    if m["num"] is None and way in ("coming", "past") and not m[0].lower().startswith("the"):
        # "in coming months", "over past years": TimeML's vague future and past
        return Timex(m.start(), m.end(), "FUTURE_REF" if way == "coming" else "PAST_REF",
                     grain="ref")
    value = duration_value(count if m["num"] else None, unit)
    pub = ctx.published
    if pub is None or way in ("first", "final"):
        return Timex(m.start(), m.end(), value, grain="duration")
    if way in ("past", "last", "previous"):
        start = shift(pub, unit, -count) if count else None
        return Timex(m.start(), m.end(), value, start, pub, "duration")
    end = shift(pub, unit, count) if count else None
    return Timex(m.start(), m.end(), value, pub, end, "duration")


def ago(m: re.Match, ctx: Context) -> Timex | None:
    """'three days ago', 'a year earlier', 'two weeks from now'."""
    count = parse_number(m["num"]) if m["num"] else None
    unit, way = unit_name(m["unit"]), m["dir"].lower()
    small = unit in ("second", "minute", "hour")
    if way in ("before", "after") or (small and way in ("earlier", "later")):
        # "three months after the war", "an hour later": a plain duration
        return Timex(m.start(), m.end("unit"), duration_value(count, unit), grain="duration")
    sign = -1 if way in ("ago", "earlier") else 1
    grain = unit if unit in ("week", "month", "year", "quarter") else "day"
    grain = "year" if unit in ("decade", "century") else grain  # "a decade ago" -> 2016
    if small and count is not None and ctx.published is not None:
        return calendar_timex(m, _day_triple(ctx.published), "day")  # "two hours ago": today
    if count is None:
        return Timex(m.start(), m.end(), "PAST_REF" if sign < 0 else "FUTURE_REF", grain="ref")
    if way in ("earlier", "later"):  # relative to the story's time, or else publication
        return Timex(m.start(), m.end(), None, grain="anaphor", anaphor=(unit, int(sign * count)),
                     fallback_published=True,
                     period="compare" if unit == "year" and count == 1 else None)
    if ctx.published is None:
        return calendar_timex(m, None, grain)
    resolved = calendar_timex(m, unit_tx(grain, shift(ctx.published, unit, sign * count)), grain)
    if unit == "year" and count == 1:  # "profit fell from a year ago": that quarter, if named
        return replace(resolved, anaphor=(unit, int(sign * count)), period="compare")
    return resolved


def partial_unit(m: re.Match, ctx: Context) -> Timex | None:
    """'earlier this year' (Jan 1 to publication), 'later this month', 'earlier today'."""
    unit = "day" if m["unit"].lower() == "today" else m["unit"].lower()
    if ctx.published is None:
        return calendar_timex(m, None, unit)
    value, first, last = unit_tx(unit, ctx.published)
    if m["w"].lower() == "earlier":
        return Timex(m.start(), m.end(), value, first, ctx.published, unit)
    return Timex(m.start(), m.end(), value, ctx.published, last, unit)


def duration(m: re.Match, ctx: Context) -> Timex | None:
    """'three months', 'a two-year effort', 'the 10-day ceasefire' (not ages: '55-year-old')."""
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"(?i)[\s-]*olds?\b|\s+of\s+age\b", after):
        return None
    before = ctx.text[max(0, m.start() - 8):m.start()]
    unit = unit_name(m["unit"])
    fraction = m["num"].lower() in ("a", "one", "three", "3")
    if (unit == "quarter" and fraction and re.match(r"\s+of\b", after)) or (
            unit == "second" and not m["num"][0].isdigit()):
        return None  # "three quarters of", "for a second day"
    grain = "set" if re.search(r"(?i)\b(?:times|once|twice|per)\s*$", before) else "duration"
    number = parse_number(m["num"])
    if number is not None and m["half"]:
        number += 0.5  # "a minute and a half"
    return Timex(m.start(), m.end(), duration_value(number, unit_name(m["unit"])), grain=grain)


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
         "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
         "right now": "PRESENT_REF", "at the moment": "PRESENT_REF", "recently": "PAST_REF",
         "lately": "PAST_REF", "the past": "PAST_REF", "recent": "PAST_REF",
         "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
         "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
         "the long term": "FUTURE_REF", "the time being": "PRESENT_REF"}


def reference(m: re.Match, ctx: Context) -> Timex:
    key = re.sub(r"\s+", " ", m["w"].lower())
    if key.startswith("recent "):
        if re.search(r"(?i)\bin\s+$", ctx.text[max(0, m.start() - 4):m.start()]):
            # "in recent years": a stretch of vague length (TimeML), not a point in the past
            unit = unit_name(key.split()[-1])
            return Timex(m.start("w"), m.end("w"), duration_value(None, unit), grain="duration")
        key = "recent"
    if key == "soon" and (re.search(r"(?i)\bas\s+$", ctx.text[max(0, m.start() - 4):m.start()])
                          or re.match(r"\s+(?i:after|as|afterwards)\b", ctx.text[m.end():])):
        return None  # "as soon as", "soon after"
    return Timex(m.start("w"), m.end("w"), _REFS[key], grain="ref")


def clock(m: re.Match, ctx: Context) -> Timex | None:
    """A time of day ("10 a.m.", "16:08 UTC", "noon"); dates.py puts it on its day."""
    groups = m.groupdict()
    if groups.get("word"):
        if not re.search(r"(?i)\b(?:at|by|before|after|until|till|around|about|from|since|past|"
                         r"to|near)\s+$", ctx.text[max(0, m.start() - 8):m.start()]) and not \
                re.match(r"\s*,?\s*(?:on\s+)?[A-Z][a-z]+day\b", ctx.text[m.end():m.end() + 16]):
            return None  # "high noon": a time only after a preposition or before a day
        hour, minute = (0, 0) if groups["word"].lower() == "midnight" else (12, 0)
    elif groups.get("part"):  # "4 in the morning"
        hour, minute = int(m["h"]), int(m["min"] or 0)
        if not (1 <= hour <= 12 and minute < 60):
            return None
        hour = hour % 12 + (0 if m["part"].lower() == "morning" else 12)
    elif groups.get("ap"):
        hour, minute = int(m["h"]), int(m["min"] or 0)
        if not (1 <= hour <= 12 and minute < 60):
            return None
        pm = m["ap"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    else:  # a 24-hour time with a zone: "16:08 UTC", "0800 GMT"
        hour, minute = int(m["h"]), int(m["min"])
        if not (hour < 24 and minute < 60):
            return None
    # TimeML writes UTC as "Z"; other zones are not converted (the value is local time).
    utc = re.search(r"(?i)\b(?:UTC|GMT)\b", m[0]) and not re.search(r"[+-]\s*\d", m[0])
    return Timex(m.start(), m.end(), f"T{hour:02d}:{minute:02d}{'Z' if utc else ''}",
                 grain="clock")


def second_day(m: re.Match, ctx: Context) -> Timex | None:
    """'April 24 and 25': the second day number takes the month (and year) of the first."""
    first = re.search(rf"(?P<month>{MONTH_ANY})\s*(?P<d>\d{{1,2}})(?:{ORDINAL})?\s*$",
                      ctx.text[max(0, m.start() - 16):m.start("conj")])
    if first is None:
        return None
    day = int(m["d"])
    if not int(first["d"]) < day <= 31:
        return None
    if ctx.published is None:
        return calendar_timex(m, None, "day", "d")
    month = _month_num(first["month"])
    make = lambda y: _day_triple(dt.date(y, month, day))  # noqa: E731
    return calendar_timex(m, anchored_year(make, ctx.published, _tense(ctx, m, "d")), "day", "d")


def nth(m: re.Match, ctx: Context) -> Timex | None:
    """'on the 3rd': a day of the publication month (or the one before, in the past tense)."""
    day = int(m["d"])
    if ctx.published is None or not 1 <= day <= 31:
        return calendar_timex(m, None, "day", "x")
    pub, tense = ctx.published, _tense(ctx, m, "x")
    month_start = pub.replace(day=1)
    if day > pub.day and tense == "past":
        month_start = add_months(month_start, -1)
    elif day < pub.day and tense == "future":
        month_start = add_months(month_start, 1)
    if day > calendar.monthrange(month_start.year, month_start.month)[1]:
        return None
    return calendar_timex(m, _day_triple(month_start.replace(day=day)), "day", "x")


def anaphor(m: re.Match, ctx: Context) -> Timex:
    """'the next day', 'the day before', 'that day': resolved later against the story's time."""
    words = re.sub(r"\s+", " ", m[0].lower())
    offset = 1 if re.search(r"next|following|after", words) else (
        -1 if re.search(r"previous|before|prior", words) else 0)
    unit = next(u for u in ("day", "week", "month", "year") if u in words)
    return Timex(m.start(), m.end(), None, grain="anaphor", anaphor=(unit, offset))


