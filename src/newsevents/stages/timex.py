"""Temporal-expression rules: find TIMEX3-style expressions in text and resolve them.

Pure functions over a string and a publication date (no spaCy here). `dates.py` passes in
two callbacks computed from the parse: the verb tense governing a span, and whether a
4-digit number is a count ("2011 people") rather than a year. Values follow TimeML/TIMEX3
as TempEval-3 writes them; bounds are the first and last day the expression refers to.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

Tense = str | None  # "past", "present", "future", or None when unknown
TenseAt = Callable[[int, int], Tense]
IsCount = Callable[[int, int], bool]

# Grains whose value names a stretch of calendar (they can anchor "since", ranges, clocks).
CALENDAR_GRAINS = frozenset({"day", "part", "time", "week", "weekend", "month", "quarter",
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


@dataclass(frozen=True)
class Context:
    """What a rule may consult besides its match."""

    text: str
    published: dt.date | None
    tense_at: TenseAt
    is_count: IsCount


# ---------------------------------------------------------------- calendar arithmetic

MONTHS = {name: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
DAY = dt.timedelta(days=1)


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (clipped to the month's end)."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def shift(day: dt.date, unit: str, n: float) -> dt.date:
    """`day` moved by n units (hours and smaller round up to whole days)."""
    if unit in ("second", "minute", "hour"):
        hours = n * {"second": 1 / 3600, "minute": 1 / 60, "hour": 1}[unit]
        return day + dt.timedelta(days=math.copysign(math.ceil(abs(hours) / 24), n))
    if unit in ("day", "week", "fortnight"):
        return day + dt.timedelta(days=round(n * {"day": 1, "week": 7, "fortnight": 14}[unit]))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, round(n * months))


def unit_tx(unit: str, day: dt.date) -> tuple[str, dt.date, dt.date]:
    """(value, from, to) of the calendar `unit` (week, month, year...) containing `day`."""
    if unit == "day":
        return day.isoformat(), day, day
    if unit in ("week", "weekend"):
        iso_year, week, _ = day.isocalendar()
        monday = day - dt.timedelta(days=day.weekday())
        if unit == "weekend":
            return f"{iso_year}-W{week:02d}-WE", monday + 5 * DAY, monday + 6 * DAY
        return f"{iso_year}-W{week:02d}", monday, monday + 6 * DAY
    if unit == "month":
        return f"{day.year}-{day.month:02d}", day.replace(day=1), month_end(day.year, day.month)
    if unit == "quarter":
        q = (day.month - 1) // 3 + 1
        return (f"{day.year}-Q{q}", dt.date(day.year, 3 * q - 2, 1),
                month_end(day.year, 3 * q))
    if unit == "year":
        return str(day.year), dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if unit == "decade":
        y = day.year - day.year % 10
        return str(y // 10), dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    if unit == "century":
        y = day.year - day.year % 100
        return f"{y // 100:02d}", dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    raise ValueError(unit)


def season_tx(code: str, year: int) -> tuple[str, dt.date, dt.date]:
    """(value, from, to) of a meteorological season; winter runs December into the next year."""
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    start = dt.date(year, first, 1)
    return f"{year}-{code}", start, add_months(start, 3) - DAY


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


TENSE_GRACE = dt.timedelta(days=14)


def anchored_year(make: Callable[[int], tuple], published: dt.date, tense: Tense) -> tuple:
    """Resolve a yearless date (value, from, to) made by `make(year)`.

    The publication year, unless a past-tense verb puts it after publication (then the year
    before) or a future one before it (then the year after). A date only days after
    publication in a past-tense sentence is more often a deadline or a misparse than a date a
    year back, hence the grace. With no tense: the year that puts it nearest publication.
    """
    resolved = make(published.year)
    if tense == "past":
        return make(published.year - 1) if resolved[1] > published + TENSE_GRACE else resolved
    if tense == "future":
        return make(published.year + 1) if resolved[2] < published - TENSE_GRACE else resolved

    def distance(candidate: tuple) -> int:
        return max((candidate[1] - published).days, (published - candidate[2]).days, 0)

    return min((make(published.year - 1), resolved, make(published.year + 1)), key=distance)


def weekday_date(weekday: int, published: dt.date, tense: Tense, mod: str | None) -> dt.date:
    """The day a weekday name refers to in a news story published on `published`."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if mod == "last":
        return published - dt.timedelta(days=back or 7)
    if mod in ("next", "coming"):
        return published + dt.timedelta(days=ahead or 7)
    if tense == "future":
        return published + dt.timedelta(days=ahead)
    # A weekday in a past- or present-tense news sentence means the current week.
    return published - dt.timedelta(days=back)


# ---------------------------------------------------------------- numbers and units

_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {w: i + 1 for i, w in enumerate(_ONES)}
_WORD_VALUES.update({w: i + 10 for i, w in enumerate(_TEENS)})
_WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
_VAGUE = ("a few", "several", "few", "many", "some", "dozens of",
          "hundreds of", "a number of")

NUM = (r"(?i:(?:\d+\s+1/2|\d{1,3}(?:,\d{3})*(?:\.\d+)?|(?:" + "|".join(_TENS) + r")(?:[\s-](?:"
       + "|".join(_ONES) + r"))?|" + "|".join(_TEENS + _ONES)
       + r"|(?:a|one)\s+hundred|a\s+dozen|half\s+an?|a\s+couple\s+of|a\s+few|several|few"
       r"|many|some|dozens\s+of|hundreds\s+of|a\s+number\s+of|an?)(?:\s+and\s+a\s+half)?)")
UNITS = (r"(?i:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?"
         r"|centur(?:y|ies)|quarters?)")


def parse_number(text: str) -> float | None:
    """The number written in `text` ("24", "twenty-four", "a", "half an"); None when vague."""
    words = re.sub(r"[\s-]+", " ", text.lower()).strip()
    if words.endswith((" 1/2", " and a half")):
        whole = parse_number(re.sub(r" (1/2|and a half)$", "", words))
        return None if whole is None else whole + 0.5
    if words in _VAGUE:
        return None
    if words == "a couple of":
        return 2.0
    if re.fullmatch(r"[\d,]+(\.\d+)?", words):
        return float(words.replace(",", ""))
    if words in ("a", "an"):
        return 1.0
    if words.startswith("half"):
        return 0.5
    if words == "a dozen":
        return 12.0
    if words.endswith("hundred"):
        return 100.0
    return float(sum(_WORD_VALUES.get(w, 0) for w in words.split())) or None


def unit_name(text: str) -> str:
    """'Weeks' -> 'week', 'centuries' -> 'century'."""
    word = text.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: (3, month) -> 'P3M', (5, hour) -> 'PT5H', (None, year) -> 'PXY'."""
    scale = {"fortnight": (2, "W"), "decade": (10, "Y"), "century": (100, "Y"),
             "quarter": (3, "M")}
    codes = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
             "year": "Y"}
    factor, code = scale[unit] if unit in scale else (1, codes[unit])
    if n is None:
        amount = "X"
        code = {"decade": "DE", "century": "CE", "quarter": "Q"}.get(unit, code)
    else:
        total = n * factor
        if unit == "hour" and total >= 24 and total % 24 == 0:
            return f"P{int(total // 24)}D"  # "the last twenty-four hours" -> P1D, as TempEval does
        if total != int(total) and unit in ("hour", "year"):  # 5 1/2 hours -> PT5H30M
            minor = round((total - int(total)) * 60 if unit == "hour" else (total % 1) * 12)
            return f"P{'T' if unit == 'hour' else ''}{int(total)}{code}{minor}M"
        amount = str(int(total)) if total == int(total) else f"{total:g}"
    return f"P{'T' if unit in ('second', 'minute', 'hour') else ''}{amount}{code}"


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
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                  "3rd": 3, "4th": 4, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
                  "twenty-first": 21, "twenty first": 21}


def _month_num(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _span(m: re.Match, group: str | int = 0) -> tuple[int, int]:
    return m.start(group), m.end(group)


def _tense(ctx: Context, m: re.Match, group: str | int = 0) -> Tense:
    return ctx.tense_at(*_span(m, group))


def _calendar(m: re.Match, resolved: tuple | None, grain: str, group: str | int = 0) -> Timex:
    """A Timex over the match (or one group) from a (value, from, to) triple or None."""
    start, end = _span(m, group)
    if resolved is None:
        return Timex(start, end, None, grain=grain)
    return Timex(start, end, resolved[0], resolved[1], resolved[2], grain=grain)


def _day_triple(day: dt.date) -> tuple[str, dt.date, dt.date]:
    return day.isoformat(), day, day


def _iso_date(m: re.Match, ctx: Context) -> Timex:
    return _calendar(m, _day_triple(dt.date(int(m["y"]), int(m["m"]), int(m["d"]))), "day")


def _slash_date(m: re.Match, ctx: Context) -> Timex:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    month, day = (b, a) if a > 12 else (a, b)  # US order unless the first part cannot be a month
    return _calendar(m, _day_triple(dt.date(year, month, day)), "day")


def _month_day(m: re.Match, ctx: Context) -> Timex | None:
    month, day = _month_num(m["month"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    if m["y"]:
        return _calendar(m, _day_triple(dt.date(int(m["y"]), month, day)), "day")
    if ctx.published is None:
        return _calendar(m, None, "day")
    make = lambda y: _day_triple(dt.date(y, month, day))  # noqa: E731
    return _calendar(m, anchored_year(make, ctx.published, _tense(ctx, m)), "day")


def _month_year(m: re.Match, ctx: Context) -> Timex:
    return _calendar(m, unit_tx("month", dt.date(int(m["y"]), _month_num(m["month"]), 1)),
                     "month")


def _month_alone(m: re.Match, ctx: Context) -> Timex | None:
    name, mod = m["month"], (m["mod"] or "").lower()
    before = ctx.text[max(0, m.start() - 30):m.start()]
    if name == "May" and not mod and not _MAY_CUES.search(before):
        return None  # the modal verb, or a name
    if name == "March" and re.match(r"\s+(?:on|to|through|against|for)\b", ctx.text[m.end():]):
        return None  # "March on Washington"
    if ctx.published is None:
        return _calendar(m, None, "month")
    month, pub = _month_num(name), ctx.published
    make = lambda y: unit_tx("month", dt.date(y, month, 1))  # noqa: E731
    if mod == "last":
        return _calendar(m, make(pub.year if month < pub.month else pub.year - 1), "month")
    if mod == "next":
        return _calendar(m, make(pub.year if month > pub.month else pub.year + 1), "month")
    if mod == "this":
        return _calendar(m, make(pub.year), "month")
    return _calendar(m, anchored_year(make, pub, _tense(ctx, m)), "month")


def _year(m: re.Match, ctx: Context) -> Timex | None:
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
    return _calendar(m, unit_tx("year", dt.date(year, 1, 1)), "year")


def _decade(m: re.Match, ctx: Context) -> Timex:
    if m["short"]:
        digit = int(m["short"])
        year = (2000 if digit < 3 else 1900) + 10 * digit
    else:
        year = int(m["full"])
    return _calendar(m, unit_tx("decade", dt.date(year, 1, 1)), "decade", "dec")


def _century(m: re.Match, ctx: Context) -> Timex | None:
    raw = m["n"].lower().replace("-", " ")
    number = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else _ORDINAL_WORDS.get(raw)
    if not number or not 1 <= number <= 30:
        return None
    return _calendar(m, unit_tx("century", dt.date(max(1, (number - 1) * 100), 1, 1)),
                     "century")


def _with_part(resolved: tuple, part: str | None) -> tuple:
    if not part:
        return resolved
    return (f"{resolved[0]}T{PARTS[part.lower()]}", resolved[1], resolved[2])


def _weekday(m: re.Match, ctx: Context) -> Timex | None:
    weekday = WEEKDAYS[m["wd"].lower()]
    start = m.start()
    if m["plural"]:  # "on Sundays": a set, not a date
        return Timex(start, m.end(), f"XXXX-WXX-{weekday + 1}", grain="set")
    if ctx.published is None:
        return _calendar(m, None, "day")
    mod = (m["mod"] or "").lower().split()[-1] if m["mod"] else None
    day = weekday_date(weekday, ctx.published, _tense(ctx, m, "wd"), mod)
    return _calendar(m, _with_part(_day_triple(day), m["part"]), "part" if m["part"] else "day")


def _deictic_day(m: re.Match, ctx: Context) -> Timex | None:
    word = re.sub(r"\s+", " ", m["w"].lower())
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    part = m["part"] or ("night" if word == "tonight" else None)
    if ctx.published is None:
        return _calendar(m, None, "part" if part else "day")
    day = ctx.published + dt.timedelta(days=offsets[word])
    return _calendar(m, _with_part(_day_triple(day), part), "part" if part else "day")


def _this_part(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.published is None:
        return _calendar(m, None, "part")
    last = m["mod"].lower() == "last"
    day = ctx.published - DAY if last else ctx.published
    return _calendar(m, _with_part(_day_triple(day), m["part"]), "part")


def _overnight(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.published is None:
        return _calendar(m, None, "part")
    night = ctx.published - DAY
    return Timex(m.start(), m.end(), f"{night.isoformat()}TNI", night, ctx.published, "part")


def _relative_unit(m: re.Match, ctx: Context) -> Timex | None:
    """'last week', 'this year', 'next month', 'the past week', 'last summer'..."""
    mod = re.sub(r"\s+", " ", m["mod"].lower()).replace("the ", "")
    mod = "this" if mod == "the" else mod
    word = m["unit"].lower()
    if mod in ("previous", "following"):  # relative to the story's time, not publication
        return Timex(m.start(), m.end(), None, grain="anaphor",
                     anaphor=(word, -1 if mod == "previous" else 1))
    grain = "season" if word in SEASONS else word
    if ctx.published is None:
        return _calendar(m, None, grain)
    pub = ctx.published
    if word == "weekend":
        return _calendar(m, _weekend(pub, mod, _tense(ctx, m)), "weekend")
    if word in SEASONS:
        return _calendar(m, _season(SEASONS[word], mod, pub, _tense(ctx, m)), "season")
    step = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[mod]
    if mod == "past":  # "the past week": a stretch ending today
        start = shift(pub, word, -1)
        return Timex(m.start(), m.end(), duration_value(1, word), start, pub, "duration")
    return _calendar(m, unit_tx(word, shift(pub, word, step)), grain)


def _weekend(pub: dt.date, mod: str, tense: Tense) -> tuple:
    """The Saturday-Sunday meant by 'last/this/next/the weekend' in a story of `pub`."""
    in_weekend = pub.weekday() >= 5
    if mod == "last":
        return unit_tx("weekend", pub - 7 * DAY)
    if mod in ("next", "coming"):
        return unit_tx("weekend", pub + 7 * DAY if in_weekend else pub)
    if in_weekend or tense == "future":
        return unit_tx("weekend", pub)
    return unit_tx("weekend", pub - 7 * DAY)


def _season(code: str, mod: str, pub: dt.date, tense: Tense) -> tuple:
    current_year = pub.year - 1 if code == "WI" and pub.month <= 2 else pub.year
    if mod == "last":
        year = current_year if season_tx(code, current_year)[2] < pub else current_year - 1
    elif mod in ("next", "coming"):
        year = current_year if season_tx(code, current_year)[1] > pub else current_year + 1
    else:
        year = current_year
    return season_tx(code, year)


def _stretch(m: re.Match, ctx: Context) -> Timex | None:
    """'the past 24 hours', 'the last three days', 'the coming weeks', 'the first nine months'."""
    unit_text = m["unit"]
    count = parse_number(m["num"]) if m["num"] else None
    if m["num"] is None and not unit_text.lower().endswith("s"):
        return None  # "the next day" is an anaphor, "the past week" a relative unit
    unit, way = unit_name(unit_text), m["dir"].lower()
    value = duration_value(count if m["num"] else None, unit)
    pub = ctx.published
    if pub is None or way in ("first", "final"):
        return Timex(m.start(), m.end(), value, grain="duration")
    if way in ("past", "last", "previous"):
        start = shift(pub, unit, -count) if count else None
        return Timex(m.start(), m.end(), value, start, pub, "duration")
    end = shift(pub, unit, count) if count else None
    return Timex(m.start(), m.end(), value, pub, end, "duration")


def _ago(m: re.Match, ctx: Context) -> Timex | None:
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
        return _calendar(m, _day_triple(ctx.published), "day")  # "two hours ago": today
    if count is None:
        return Timex(m.start(), m.end(), "PAST_REF" if sign < 0 else "FUTURE_REF", grain="ref")
    if way in ("earlier", "later"):  # relative to the story's time, or else publication
        return Timex(m.start(), m.end(), None, grain="anaphor", anaphor=(unit, int(sign * count)),
                     fallback_published=True)
    if ctx.published is None:
        return _calendar(m, None, grain)
    return _calendar(m, unit_tx(grain, shift(ctx.published, unit, sign * count)), grain)


def _partial_unit(m: re.Match, ctx: Context) -> Timex | None:
    """'earlier this year' (Jan 1 to publication), 'later this month', 'earlier today'."""
    unit = "day" if m["unit"].lower() == "today" else m["unit"].lower()
    if ctx.published is None:
        return _calendar(m, None, unit)
    value, first, last = unit_tx(unit, ctx.published)
    if m["w"].lower() == "earlier":
        return Timex(m.start(), m.end(), value, first, ctx.published, unit)
    return Timex(m.start(), m.end(), value, ctx.published, last, unit)


def _duration(m: re.Match, ctx: Context) -> Timex | None:
    """'three months', 'a two-year effort', 'the 10-day ceasefire' (not ages: '55-year-old')."""
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"(?i)[\s-]*olds?\b|\s+of\s+age\b", after):
        return None
    before = ctx.text[max(0, m.start() - 8):m.start()]
    unit = unit_name(m["unit"])
    if unit == "quarter" or (unit == "second" and not m["num"][0].isdigit()):
        return None  # "three quarters of", "for a second day"
    grain = "set" if re.search(r"(?i)\b(?:times|once|twice|per)\s*$", before) else "duration"
    return Timex(m.start(), m.end(), duration_value(parse_number(m["num"]), unit_name(m["unit"])),
                 grain=grain)


def _bare_units(m: re.Match, ctx: Context) -> Timex:
    """'for years', 'in decades': an unquantified duration."""
    return Timex(m.start("unit"), m.end("unit"), duration_value(None, unit_name(m["unit"])),
                 grain="duration")


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
         "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
         "right now": "PRESENT_REF", "at the moment": "PRESENT_REF", "recently": "PAST_REF",
         "lately": "PAST_REF", "the past": "PAST_REF", "recent": "PAST_REF",
         "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF"}


def _reference(m: re.Match, ctx: Context) -> Timex:
    key = re.sub(r"\s+", " ", m["w"].lower())
    key = "recent" if key.startswith("recent ") else key
    if key == "soon" and (re.search(r"(?i)\bas\s+$", ctx.text[max(0, m.start() - 4):m.start()])
                          or re.match(r"\s+(?i:after|as|afterwards)\b", ctx.text[m.end():])):
        return None  # "as soon as", "soon after"
    return Timex(m.start("w"), m.end("w"), _REFS[key], grain="ref")


def _quarter(m: re.Match, ctx: Context) -> Timex | None:
    groups = m.groupdict()
    quarter = int(groups["q"]) if groups.get("q") else _ORDINAL_WORDS[groups["ord"].lower()]
    if m["y"]:
        year = int(m["y"])
    elif ctx.published is None:
        return _calendar(m, None, "quarter")
    else:  # business news reports the latest quarter that has begun
        pub = ctx.published
        year = pub.year if dt.date(pub.year, 3 * quarter - 2, 1) <= pub else pub.year - 1
    return _calendar(m, unit_tx("quarter", dt.date(year, 3 * quarter, 1)), "quarter")


def _every(m: re.Match, ctx: Context) -> Timex:
    word = m["unit"].lower()
    if word.capitalize() in WEEKDAYS_CAP:
        return Timex(m.start(), m.end(), f"XXXX-WXX-{WEEKDAYS[word] + 1}", grain="set")
    if word in PARTS:
        return Timex(m.start(), m.end(), f"XXXX-XX-XXT{PARTS[word]}", grain="set")
    count = parse_number(m["num"]) if m["num"] else 1
    return Timex(m.start(), m.end(), duration_value(count, unit_name(word)), grain="set")


def _clock(m: re.Match, ctx: Context) -> Timex | None:
    """A time of day; only kept when attached to a day (see `combine`)."""
    groups = m.groupdict()
    if groups.get("word"):
        hour, minute = (12, 0) if groups["word"].lower() == "noon" else (0, 0)
    else:
        hour, minute = int(m["h"]), int(m["min"] or 0)
        if not (1 <= hour <= 12 and minute < 60):
            return None
        pm = m["ap"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    return Timex(m.start(), m.end(), f"T{hour:02d}:{minute:02d}", grain="clock")


def _nth(m: re.Match, ctx: Context) -> Timex | None:
    """'on the 3rd': a day of the publication month (or the one before, in the past tense)."""
    day = int(m["d"])
    if ctx.published is None or not 1 <= day <= 31:
        return _calendar(m, None, "day", "x")
    pub, tense = ctx.published, _tense(ctx, m, "x")
    month_start = pub.replace(day=1)
    if day > pub.day and tense == "past":
        month_start = add_months(month_start, -1)
    elif day < pub.day and tense == "future":
        month_start = add_months(month_start, 1)
    if day > calendar.monthrange(month_start.year, month_start.month)[1]:
        return None
    return _calendar(m, _day_triple(month_start.replace(day=day)), "day", "x")


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "easter sunday": easter, "easter": easter,
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "independence day": lambda y: dt.date(y, 7, 4),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "halloween": lambda y: dt.date(y, 10, 31),
}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _holiday(m: re.Match, ctx: Context) -> Timex | None:
    make_day = _HOLIDAYS[re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")]
    if m["y"]:
        return _calendar(m, _day_triple(make_day(int(m["y"]))), "day")
    if ctx.published is None:
        return _calendar(m, None, "day")
    make = lambda y: _day_triple(make_day(y))  # noqa: E731
    return _calendar(m, anchored_year(make, ctx.published, _tense(ctx, m)), "day")


def _anaphor(m: re.Match, ctx: Context) -> Timex:
    """'the next day', 'the day before', 'that day': resolved later against the story's time."""
    words = re.sub(r"\s+", " ", m[0].lower())
    offset = 1 if re.search(r"next|following|after", words) else (
        -1 if re.search(r"previous|before|prior", words) else 0)
    unit = next(u for u in ("day", "week", "month", "year") if u in words)
    return Timex(m.start(), m.end(), None, grain="anaphor", anaphor=(unit, offset))


_CLOCK_ZONE = (r"(?:\s*\((?i:local\s+time|gmt|utc)\)|\s*\([A-Z]{2,4}\)"
               r"|\s+(?:GMT|UTC|(?i:local\s+time)|[ECMP][SD]T))?")
RULES: list[tuple[re.Pattern[str], Callable[[re.Match, Context], Timex | None]]] = [
    (re.compile(p), handler) for p, handler in [
        (rf"\b(?P<y>{YEAR4})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b", _iso_date),
        (r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b", _slash_date),
        (rf"\b(?P<month>{MONTH_ANY})\s*(?P<d>\d{{1,2}}){ORDINAL}?\b"
         rf"(?!\s*(?:%|(?i:percent|per\s+cent)))(?:,?\s+(?P<y>{YEAR4})\b)?", _month_day),
        (rf"\b(?:(?i:the)\s+)?(?P<d>\d{{1,2}}){ORDINAL}?\s+(?:(?i:of)\s+)?(?P<month>{MONTH_ANY})"
         rf"(?:,?\s+(?P<y>{YEAR4})\b)?", _month_day),
        (rf"\b(?P<month>{MONTH_ANY})\s*,?\s+(?:(?i:of)\s+)?(?P<y>{YEAR4})\b", _month_year),
        (rf"(?:\b(?P<mod>(?i:last|next|this))\s+)?\b(?P<month>{MONTH_FULL})\b", _month_alone),
        (rf"(?<![,.\d])\b(?P<y>{YEAR4})\b(?![-/]\d|[.,]\d|\s*(?:%|(?i:percent|per\s+cent)))",
         _year),
        (r"(?P<dec>(?:\b(?P<full>(?:1[5-9]|20)\d0)|[’'](?P<short>\d)0)[’']?s)\b", _decade),
        (rf"\b(?:(?i:the)\s+)?(?P<n>\d{{1,2}}{ORDINAL}|(?i:eighteenth|nineteenth|twentieth"
         r"|twenty[\s-]first))\s+(?i:century)\b", _century),
        (rf"(?:\b(?P<mod>(?i:last|next|this\s+coming|this|coming|past))\s+)?\b(?P<wd>{WEEKDAY})"
         rf"(?P<plural>s)?\b(?:\s+(?P<part>{PART})\b)?", _weekday),
        (r"(?<!USA\s)\b(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
         rf"|today|tonight|yesterday|tomorrow))\b(?:\s+(?P<part>{PART})\b)?", _deictic_day),
        (rf"\b(?P<mod>(?i:this|last))\s+(?P<part>{PART})\b", _this_part),
        (r"\b(?i:overnight)\b", _overnight),
        (r"\b(?P<mod>(?i:last|this|next|the\s+past|past|the\s+coming|coming|the\s+current|"
         r"current|the\s+previous|the\s+following|the))\s+(?P<unit>(?i:week|weekend|month|year|"
         r"quarter|decade|century|spring|summer|autumn|fall|winter))\b", _relative_unit),
        (r"\b(?:(?i:the)\s+)?(?P<dir>(?i:past|last|previous|next|coming|following|first|final))"
         rf"\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNITS})\b", _stretch),
        (rf"\b(?:(?P<num>{NUM})\s+)?(?P<unit>{UNITS})\s+(?P<dir>(?i:ago|earlier|later|before"
         r"|after|from\s+now|hence))\b", _ago),
        (r"\b(?P<w>(?i:earlier|later))\s+(?:(?i:this|in\s+the)\s+)?(?P<unit>(?i:week|month|year"
         r"|today))\b", _partial_unit),
        (rf"\b(?P<num>{NUM})(?:\s+|-)(?P<unit>{UNITS})\b", _duration),
        (r"\b(?i:for|in|over|within)\s+(?P<unit>(?i:years|months|weeks|days|hours|decades"
         r"|centuries))\b", _bare_units),
        (r"\b(?P<w>(?i:right\s+now|now|currently|at\s+present|presently|nowadays|these\s+days"
         r"|at\s+the\s+moment|recently|lately|the\s+near\s+future|the\s+future|soon"
         r"|recent\s+(?:years|months|weeks|days)))\b(?!-)", _reference),
        (r"\b(?i:in)\s+(?P<w>(?i:the\s+past))\b", _reference),
        (r"\b(?:(?i:the)\s+)?(?:(?i:fiscal)\s+)?(?P<ord>(?i:first|second|third|fourth|1st|2nd"
         rf"|3rd|4th))[\s-]+(?i:quarter)\b(?:\s+(?i:of)\s+(?P<y>{YEAR4}))?", _quarter),
        (rf"\bQ(?P<q>[1-4])(?:\s+(?P<y>{YEAR4}))?\b", _quarter),
        (rf"\b(?i:every|each)\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNITS}|{WEEKDAY}|(?i:morning"
         r"|afternoon|evening|night))\b", _every),
        (r"\b(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s*(?P<ap>(?i:[ap]\.m\.|[ap]m\b|[ap]\.m\b))"
         + _CLOCK_ZONE, _clock),
        (r"\b(?P<word>(?i:noon|midnight))\b", _clock),
        (rf"\b(?i:on)\s+(?P<x>(?i:the)\s+(?P<d>\d{{1,2}}){ORDINAL})\b(?!\s+(?:(?i:of)\s+)?"
         rf"(?:{MONTH_ANY}|[a-zA-Z]))", _nth),
        (r"\b(?P<h>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year['’]s\s+Eve|"
         r"New\s+Year['’]s\s+Day|Easter\s+Sunday|Easter|Thanksgiving\s+Day|Thanksgiving|"
         rf"Independence\s+Day|Valentine['’]s\s+Day|Halloween)\b(?:,?\s+(?P<y>{YEAR4})\b)?",
         _holiday),
        (r"\b(?i:the\s+(?:next|following|previous|preceding)\s+day|the\s+day\s+(?:before|after)"
         r"|(?:that|the\s+same)\s+day)\b", _anaphor),
    ]
]
_HANDLER_ERRORS = (ValueError, KeyError, IndexError, OverflowError, TypeError, AttributeError)


def find_timexes(text: str, published: dt.date | None,
                 tense_at: TenseAt | None = None, is_count: IsCount | None = None) -> list[Timex]:
    """The atomic expressions in `text` (clock times and anaphors included), in text order.

    `dates.py` then joins atoms into larger expressions and resolves the anaphors.
    """
    ctx = Context(text, published, tense_at or (lambda s, e: None),
                  is_count or (lambda s, e: False))
    found: list[tuple[int, Timex]] = []
    for rank, (pattern, handler) in enumerate(RULES):
        for match in pattern.finditer(text):
            try:
                timex = handler(match, ctx)
            except _HANDLER_ERRORS:  # an impossible date ("February 30") is no date
                continue
            if timex is not None and timex.end > timex.start:
                found.append((rank, timex))
    return _longest_first(found)


def _longest_first(found: list[tuple[int, Timex]]) -> list[Timex]:
    """Non-overlapping matches: longer spans win, then earlier rules."""
    taken: list[Timex] = []
    for _, timex in sorted(found, key=lambda rt: (rt[1].start - rt[1].end, rt[0], rt[1].start)):
        if all(timex.end <= t.start or timex.start >= t.end for t in taken):
            taken.append(timex)
    return sorted(taken, key=lambda t: t.start)
