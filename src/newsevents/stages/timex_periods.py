"""Reporting periods in business and economic news: quarters and year-ago comparisons.

Handlers like those of timex_rules.py (the patterns are in timex.py). TimeBank anchors
"the quarter", "the latest period" and "a year ago" next to a named quarter to the
reporting period the story is about; these handlers mark such expressions as period
anaphors (Timex.period) with a fallback value from the publication date, and
dates.resolve_anaphors puts the period named before them in place when there is one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .timex_calendar import add_months, shift, unit_tx
from .timex_rules import ORDINAL_WORDS, Context, Timex, calendar_timex

def quarter(m: re.Match, ctx: Context) -> Timex | None:
    """'the third quarter', 'Q3 2025', 'the 1988 second quarter', "next year's first quarter"."""
    groups = m.groupdict()
    if groups.get("ord") and groups["ord"].lower() == "final" and not (
            groups.get("y") or groups.get("rel2")):
        return None  # "the final quarter" alone: of which year is unclear
    number = groups.get("ord", "").lower()
    quarter = int(groups["q"]) if groups.get("q") else (4 if number == "final"
                                                         else ORDINAL_WORDS[number])
    if groups.get("y") or groups.get("yb"):
        year = int(groups.get("y") or groups["yb"])
    elif ctx.published is None:
        return calendar_timex(m, None, "quarter")
    elif groups.get("rel") or groups.get("rel2"):  # "last year's third quarter"
        relative = (groups.get("rel") or groups["rel2"]).lower()
        year = ctx.published.year + {"last": -1, "this": 0, "next": 1}[relative]
    else:
        year = latest_begun_quarter_year(quarter, ctx.published)
    return calendar_timex(m, unit_tx("quarter", dt.date(year, 3 * quarter, 1)), "quarter")


def half_year(m: re.Match, ctx: Context) -> Timex:
    """'the second half of 1989', 'the last half of 1989', 'the first half of fiscal 1990'."""
    second = m["which"].lower() != "first"
    year = int(m["y"])
    first_day = dt.date(year, 7 if second else 1, 1)
    last_day = dt.date(year, 12, 31) if second else dt.date(year, 6, 30)
    return calendar_timex(m, (f"{year}-H{2 if second else 1}", first_day, last_day), "half")


def latest_begun_quarter_year(quarter: int, pub: dt.date) -> int:
    """Business news reports the latest quarter of that number that has begun."""
    return pub.year if dt.date(pub.year, 3 * quarter - 2, 1) <= pub else pub.year - 1


def last_complete_quarter(pub: dt.date) -> tuple[str, dt.date, dt.date]:
    """The quarter before the one `pub` falls in: the one a results story reports on."""
    return unit_tx("quarter", add_months(pub.replace(day=1), -3))


def year_ago_period(m: re.Match, ctx: Context) -> Timex | None:
    """'the year-earlier quarter', 'year-ago', 'the same period last year': the reporting
    period the story is about, a year back (TimeML anchors it to that period)."""
    groups = m.groupdict()
    if groups.get("ord"):  # "the year-ago third quarter": that quarter, a year before
        if ctx.published is None:
            return calendar_timex(m, None, "quarter")
        number = ORDINAL_WORDS[groups["ord"].lower()]
        year = latest_begun_quarter_year(number, ctx.published) - 1
        return calendar_timex(m, unit_tx("quarter", dt.date(year, 3 * number, 1)), "quarter")
    noun = (groups.get("noun") or "").lower()
    grain = noun if noun in ("quarter", "month", "week") else "year"
    fallback = (None if ctx.published is None
                else unit_tx(grain, shift(ctx.published, "year", -1)))
    timex = calendar_timex(m, fallback, grain)
    return replace(timex, anaphor=("year", -1), period="compare")


def same_period(m: re.Match, ctx: Context) -> Timex | None:
    """'the quarter', 'the latest period', 'that quarter', 'the 1988 quarter': the reporting
    period named before; with none, the last complete quarter at publication."""
    groups = m.groupdict()
    det, latest = groups["det"].lower(), groups.get("latest")
    noun = groups["noun"].lower()
    if noun == "period" and not (latest or groups.get("yb")):
        return None  # "the period" alone is as often a stretch of time as a quarter
    fallback = None
    if ctx.published is not None and det == "the" and not groups.get("yb"):
        fallback = last_complete_quarter(ctx.published)
    timex = calendar_timex(m, fallback, "quarter")
    if groups.get("yb"):  # "the 1988 quarter": the period named, in that year
        return replace(timex, anaphor=("=year", int(groups["yb"])), period="same")
    return replace(timex, anaphor=("year", 0), period="same")
