"""Calendar arithmetic and numbers for the temporal-expression rules (timex.py).

Pure functions, no regex matching of text: the days a calendar unit covers ("2026-W11" is
March 9-15), shifting a day by N units, the year a yearless date falls in given the tense,
the day a weekday name means in a news story, and TIMEX3 durations from numbers and units.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable

Tense = str | None  # "past", "present", "future", or None when unknown


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
    year back, hence the grace. With no tense: the year that puts it nearest publication,
    a date ahead counting double.
    """
    resolved = make(published.year)
    if tense == "past":
        return make(published.year - 1) if resolved[1] > published + TENSE_GRACE else resolved
    if tense == "future":
        return make(published.year + 1) if resolved[2] < published - TENSE_GRACE else resolved

    def distance(candidate: tuple) -> int:
        # News reports the past more than it announces: a date ahead counts twice as far.
        return max(2 * (candidate[1] - published).days, (published - candidate[2]).days, 0)

    return min((make(published.year - 1), resolved, make(published.year + 1)), key=distance)


def weekday_date(weekday: int, published: dt.date, tense: Tense, mod: str | None) -> dt.date:
    """The day a weekday name refers to in a news story published on `published`."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if mod == "last":
        return published - dt.timedelta(days=back or 7)
    if mod in ("next", "coming"):
        return published + dt.timedelta(days=ahead or 7)
    if mod in ("previous", "preceding"):  # "down from the previous Friday": the week before
        return published - dt.timedelta(days=back + 7)
    if tense == "future":
        return published + dt.timedelta(days=ahead)
    # A weekday in a past- or present-tense news sentence means the current week.
    return published - dt.timedelta(days=back)


# ---------------------------------------------------------------- numbers and units

ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {w: i + 1 for i, w in enumerate(ONES)}
_WORD_VALUES.update({w: i + 10 for i, w in enumerate(TEENS)})
_WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(TENS)})
_VAGUE = ("a few", "several", "few", "many", "some", "dozens of",
          "hundreds of", "a number of")

NUM = (r"(?i:(?:\d+\s+1/2|\d{1,3}(?:,\d{3})*(?:\.\d+)?|(?:" + "|".join(TENS) + r")(?:[\s-](?:"
       + "|".join(ONES) + r"))?|" + "|".join(TEENS + ONES)
       + r"|(?:a|one)\s+hundred|a\s+dozen|half\s+an?|(?:a\s+)?couple\s+of|a\s+few|several|few"
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
    if words in ("a couple of", "couple of"):
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
             "quarter": (1, "Q")}  # TimeBank writes "two quarters" as P2Q
    codes = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
             "year": "Y", "quarter": "Q"}
    factor, code = scale[unit] if unit in scale else (1, codes[unit])
    if n is None:
        amount = "X"
        code = {"decade": "DE", "century": "CE", "quarter": "Q"}.get(unit, code)
    else:
        total = n * factor
        if unit == "hour" and total == 24:
            return "P1D"  # "the last twenty-four hours" is a day, as TempEval writes it;
            # "72 hours" is counted in hours (PT72H)
        if total != int(total) and unit in ("minute", "hour", "year"):  # 5 1/2 hours -> PT5H30M
            minor = round((total % 1) * (12 if unit == "year" else 60))
            small = {"minute": "S", "hour": "M", "year": "M"}[unit]
            return f"P{'' if unit == 'year' else 'T'}{int(total)}{code}{minor}{small}"
        amount = str(int(total)) if total == int(total) else f"{total:g}"
    return f"P{'T' if unit in ('second', 'minute', 'hour') else ''}{amount}{code}"

