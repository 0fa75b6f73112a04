"""Temporal expressions written in words: spoken years, decade names, frequency adverbs,
holidays, and the TimeML reading of a whole span given from outside (the evaluation's gold spans).

Handlers take a regex match and a timex_rules.Context like the others; the patterns are
listed in timex.py. `whole_span` normalises a span that no pattern reads in full, using
the TimeML conventions for bare words: "current" and "already" are PRESENT_REF,
"previously" and "formerly" PAST_REF, "future" FUTURE_REF, a bare plural unit ("years")
a vague duration ("PXY"). Those words are left out of the recognition itself because in
running text they are more often not a temporal expression ("current account", "future
talks" are not annotated as times in TimeBank; a plain "years" often is not either).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .timex_calendar import (NUM, ONES, PARTS, SEASONS, TEENS, TENS, UNITS, anchored_year,
                             duration_value, easter, parse_number, season_tx, unit_name, unit_tx)
from .timex_rules import Context, Timex, calendar_timex

_ONE = {w: i + 1 for i, w in enumerate(ONES)}
_TEEN = {w: i + 10 for i, w in enumerate(TEENS)}
_TEN = {w: 20 + 10 * i for i, w in enumerate(TENS)}
TWO_DIGITS = (r"(?:(?:" + "|".join(TENS) + r")(?:[\s-](?:" + "|".join(ONES) + r"))?|"
              + "|".join(TEENS) + r"|oh[\s-](?:" + "|".join(ONES) + r"))")
# "nineteen ninety-six", "two thousand", "two thousand and one", "the year two thousand"
SPOKEN_YEAR = (r"(?i:(?:nineteen|eighteen|twenty)[\s-]+(?:hundred|" + TWO_DIGITS + r")"
               r"|two\s+thousand(?:\s+(?:and\s+)?(?:" + "|".join(ONES + TEENS) + r"))?)")
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
# "annually" and "yearly" are left to whole_span: in running text they are more often not
# annotated ("raised annually", "yearly output").
FREQUENCY = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W"}


def _two_digits(words: str) -> int | None:
    parts = re.split(r"[\s-]+", words)
    if parts[0] == "oh" and len(parts) == 2:
        return _ONE.get(parts[1])
    if len(parts) == 1:
        return _TEEN.get(parts[0], _TEN.get(parts[0]))
    return _TEN[parts[0]] + _ONE[parts[1]] if parts[0] in _TEN and parts[1] in _ONE else None


def spoken_year_number(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001, else None."""
    words = re.sub(r"\s+", " ", text.lower()).strip()
    if words.startswith("two thousand"):
        rest = words[len("two thousand"):].strip().removeprefix("and ").strip()
        return 2000 + (_ONE.get(rest) or _TEEN.get(rest) or 0) if rest else 2000
    century, _, rest = words.replace("-", " ", 1).partition(" ")
    hundreds = {"eighteen": 18, "nineteen": 19, "twenty": 20}.get(century)
    if hundreds is None:
        return None
    if rest == "hundred":
        return hundreds * 100
    tail = _two_digits(rest)
    return None if tail is None else hundreds * 100 + tail


def spoken_year(m: re.Match, ctx: Context) -> Timex | None:
    year = spoken_year_number(m["y"])
    if year is None or not 1500 <= year <= 2099:
        return None
    return calendar_timex(m, unit_tx("year", dt.date(year, 1, 1)), "year")


def decade_word(m: re.Match, ctx: Context) -> Timex | None:
    """'the nineties' -> '199'; not an age ('in his forties')."""
    before = ctx.text[max(0, m.start() - 12):m.start()]
    if re.search(r"(?i)\b(?:his|her|their|its|my|your|our|early|mid|late)[\s-]*$", before):
        if not re.search(r"(?i)\bthe\s+(?:early|mid|late)[\s-]*$", before):
            return None
    year = 1900 + 10 * DECADE_WORDS[m["w"].lower()]
    return calendar_timex(m, unit_tx("decade", dt.date(year, 1, 1)), "decade")


def frequency(m: re.Match, ctx: Context) -> Timex:
    """'daily', 'weekly': a set (TimeML SET) with the period as its value."""
    return Timex(m.start(), m.end(), FREQUENCY[m[0].lower()], grain="set")


_WHOLE = {"current": "PRESENT_REF", "already": "PRESENT_REF", "the present": "PRESENT_REF",
          "previously": "PAST_REF", "formerly": "PAST_REF", "once": "PAST_REF",
          "earlier": "PAST_REF", "former": "PAST_REF", "recent": "PAST_REF",
          "the past": "PAST_REF", "past": "PAST_REF",
          "future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
          "the long term": "FUTURE_REF", "a later date": "FUTURE_REF", "later": "FUTURE_REF",
          "as soon as possible": "FUTURE_REF", "eventually": "FUTURE_REF",
          "quarterly": "P3M", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y"}
_BARE_PLURAL = re.compile(r"(?i)(?:the\s+)?(seconds|minutes|hours|days|weeks|months|years"
                          r"|decades|centuries)")


_SEASON = re.compile(r"(?:the\s+)?(?:early\s+|late\s+)?(spring|summer|autumn|fall|winter)")


def units_ahead(m: re.Match, ctx: object) -> Timex:
    """'the weeks ahead', 'the months ahead': a vague stretch to come (TimeML: PXW, PXM)."""
    unit = unit_name(m["unit"])
    return Timex(m.start(), m.end(), duration_value(None, unit), grain="duration")


_PART_ALONE = re.compile(r"(?:the |that )?(?:early |mid[- ]?|late )?(morning|afternoon|evening)")
_AGE = re.compile(rf"(?P<num>{NUM})[\s-]+(?P<unit>{UNITS})[\s-]+olds?")


def whole_span(text: str, published: dt.date | None = None) -> Timex | None:
    """The TimeML value of a whole span that names a time only in words, else None.

    "the day" is the story's current day (an anaphor dates.resolve_anaphors resolves); a
    bare season is that season of the publication year.
    """
    words = re.sub(r"\s+", " ", text.strip(" .,;:\"'").lower())
    if words in _WHOLE:
        return Timex(0, len(text), _WHOLE[words], grain="ref")
    if (m := _PART_ALONE.fullmatch(words)):
        # "the morning" as a whole: that part of the story's current day (resolved like a
        # clock time); left out of running text, where "in the morning" is often habitual
        return Timex(0, len(text), f"T{PARTS[m[1]]}", grain="clock")
    if words in ("the day", "that day", "day"):
        return Timex(0, len(text), None, grain="anaphor", anaphor=("day", 0),
                     fallback_published=True)
    if words in ("annual", "single-day", "day-long", "year-long", "week-long"):
        unit = "year" if "year" in words or words == "annual" else words.split("-")[0].split()[-1]
        unit = "day" if unit == "single" else unit
        return Timex(0, len(text), duration_value(1, unit), grain="duration")
    if (m := _SEASON.fullmatch(words)) and published is not None:
        code = SEASONS[m[1]]
        year = published.year - 1 if code == "WI" and published.month <= 2 else published.year
        value, first, last = season_tx(code, year)
        return Timex(0, len(text), value, first, last, grain="season")
    if (m := _AGE.fullmatch(words)) and parse_number(m["num"]) is not None:
        # an age asked for as a whole ("8-month-old") is its duration; running text leaves
        # ages out (timex_rules.duration), as TimeBank mostly does
        return Timex(0, len(text), duration_value(parse_number(m["num"]), unit_name(m["unit"])),
                     grain="duration")
    if (m := _BARE_PLURAL.fullmatch(words)):
        unit = m[1].rstrip("s")
        unit = "century" if unit == "centurie" else unit
        return Timex(0, len(text), duration_value(None, unit), grain="duration")
    return None


# ---------------------------------------------------------------- holidays

def _one_day(day: dt.date) -> tuple[str, dt.date, dt.date]:
    return day.isoformat(), day, day


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
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "palm sunday": lambda y: easter(y) - dt.timedelta(days=7),
    "ash wednesday": lambda y: easter(y) - dt.timedelta(days=46),
    "maundy thursday": lambda y: easter(y) - dt.timedelta(days=3),
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1),
    "cyber monday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=4),
}
# Named days of one past event or of a varying date ("Black Monday", "Super Tuesday"): a
# name, not the weekday of the story's week, so a mention with no value.
_UNDATED_DAYS = frozenset({"black monday", "black tuesday", "black wednesday",
                           "black thursday", "bloody sunday", "super tuesday"})


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def holiday(m: re.Match, ctx: Context) -> Timex | None:
    name = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")
    if name in _UNDATED_DAYS:
        return calendar_timex(m, None, "day")
    make_day = _HOLIDAYS[name]
    if m["y"]:
        return calendar_timex(m, _one_day(make_day(int(m["y"]))), "day")
    if ctx.published is None:
        return calendar_timex(m, None, "day")
    make = lambda y: _one_day(make_day(y))  # noqa: E731
    tense = ctx.tense_at(m.start(), m.end())
    return calendar_timex(m, anchored_year(make, ctx.published, tense), "day")
