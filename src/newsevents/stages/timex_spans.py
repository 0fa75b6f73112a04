"""More temporal-expression handlers (the patterns are listed in timex.py, like those of
timex_rules.py): year-end; a markets story's day ("end the day", "for the day"); ordinal days
and weeks ("a third straight day"); parts of a day named before ("the next morning");
short decades and years ("the 70s", "since '82"); fiscal years ("fiscal 1989", "FY2025");
"the year before", "the week before last"; the generic "today's world" (PRESENT_REF);
sets ("every week") and unquantified durations ("for years").
"""

from __future__ import annotations

import datetime as dt
import re

from .timex_calendar import (MONTHS, PARTS, WEEKDAYS, duration_value, parse_number, shift,
                             unit_name, unit_tx)
from .timex_rules import WEEKDAYS_CAP, Context, Timex, calendar_timex


def year_end(m: re.Match, ctx: Context) -> Timex | None:
    """'by year-end', "by year's end", 'since year-end': the end of a year (TimeML: the
    year's value, with mod END), bounds its December. The one still ahead, unless the verb
    is past or the phrase looks back from 'since'; then the last one passed."""
    if ctx.published is None:
        return calendar_timex(m, None, "year")
    pub = ctx.published
    back = (re.search(r"(?i)\bsince\s+$", ctx.text[max(0, m.start() - 8):m.start()])
            or ctx.tense_at(m.start(), m.end()) == "past")
    year = pub.year - 1 if back and pub < dt.date(pub.year, 12, 31) else pub.year
    return calendar_timex(m, (str(year), dt.date(year, 12, 1), dt.date(year, 12, 31)), "year")


def story_day(m: re.Match, ctx: Context) -> Timex:
    """'ended the day at 7,114', 'for the day', 'later in the day': the day the story is
    about (its last day named, else publication), as a markets report uses it."""
    return Timex(m.start("x"), m.end("x"), None, grain="anaphor", anaphor=("day", 0),
                 fallback_published=True)


def short_decade(m: re.Match, ctx: Context) -> Timex | None:
    """'the 70s', 'the late 80s', 'the 70s and 80s' (not an age: 'in his 30s')."""
    before = ctx.text[max(0, m.start() - 30):m.start()]
    if re.search(r"(?i)\b(?:temperatures?|degrees|highs?|lows?|fahrenheit|celsius)\b",
                 ctx.text[max(0, m.start() - 50):m.start()]):
        return None  # "highs in the 70s": degrees
    if not re.search(r"(?i)(?:\bthe\s+(?:(?:early|mid|late)[\s-]*)?"
                     r"|\bthe\s+[1-9]0s\s+(?:and|or|to|through)\s+)$", before):
        return None
    digit = int(m["d"])
    year = (2000 if digit < 3 else 1900) + 10 * digit
    return calendar_timex(m, unit_tx("decade", dt.date(year, 1, 1)), "decade")


def short_year(m: re.Match, ctx: Context) -> Timex | None:
    """"since '82", "in '09": a two-digit year after a preposition, in the century that
    does not put it in the future."""
    yy = int(m["yy"])
    now = (ctx.published or dt.date.today()).year
    year = 2000 + yy if 2000 + yy <= now else 1900 + yy
    return calendar_timex(m, unit_tx("year", dt.date(year, 1, 1)), "year", "y")


def unit_anaphor(m: re.Match, ctx: Context) -> Timex:
    """'the year before', 'the month after', 'the year previous': one unit from the time
    named last (dates.resolve_anaphors)."""
    unit = m["unit"].lower()
    offset = 1 if m["dir"].lower() in ("after", "later", "following") else -1
    return Timex(m.start(), m.end(), None, grain="anaphor", anaphor=(unit, offset))


def fiscal_year(m: re.Match, ctx: Context) -> Timex:
    """'fiscal 1989', 'fiscal year 2026', 'FY2025': the year's value, as TimeBank writes it
    (the company's fiscal calendar is unknown, so the bounds are the calendar year's)."""
    return calendar_timex(m, unit_tx("year", dt.date(int(m["y"]), 1, 1)), "year")


# Nouns that make "today's" the present age, not the story's day ("today's youth").
GENERIC_TODAY = (r"(?:world|youth|society|generation|young|children|kids|families|women|men"
                 r"|people|economy|technology|standards|culture|politics|computers|industry"
                 r"|military|church|students|parents|consumers|workplace|realities)")


def generic_today(m: re.Match, ctx: Context) -> Timex:
    """"today's world", "today's personal computers": the present (TimeML PRESENT_REF),
    which dates nothing."""
    return Timex(m.start("w"), m.end("w"), "PRESENT_REF", grain="ref")


def bare_units(m: re.Match, ctx: Context) -> Timex:
    """'for years', 'in decades': an unquantified duration."""
    return Timex(m.start("unit"), m.end("unit"), duration_value(None, unit_name(m["unit"])),
                 grain="duration")


def every(m: re.Match, ctx: Context) -> Timex:
    word = m["unit"].lower()
    if word.capitalize() in WEEKDAYS_CAP:
        return Timex(m.start(), m.end(), f"XXXX-WXX-{WEEKDAYS[word] + 1}", grain="set")
    if word in PARTS:
        return Timex(m.start(), m.end(), f"XXXX-XX-XXT{PARTS[word]}", grain="set")
    if word in MONTHS:  # "each July"
        return Timex(m.start(), m.end(), f"XXXX-{MONTHS[word]:02d}", grain="set")
    count = parse_number(m["num"]) if m["num"] else 1
    return Timex(m.start(), m.end(), duration_value(count, unit_name(word)), grain="set")


def ordinal_day(m: re.Match, ctx: Context) -> Timex | None:
    """'for a third straight day', 'the second day of an offensive', 'a fourth week in a
    row' (headlines: 'gains for fourth week'): the story's current day (week), as TimeML
    anchors it."""
    if not m["det"] and not re.search(r"(?i)\b(?:for|on|its|their)\s+$",
                                      ctx.text[max(0, m.start() - 8):m.start()]):
        return None
    unit = m["unit"].lower()
    return Timex(m.start(), m.end(), None, grain="anaphor", anaphor=(unit, 0),
                 fallback_published=True)


def part_anaphor(m: re.Match, ctx: Context) -> Timex:
    """'the next morning', 'that night': a part of the day named before (or the one after)."""
    words = m[0].lower()
    offset = 1 if re.search(r"next|following", words) else (-1 if "previous" in words else 0)
    return Timex(m.start(), m.end(), None, grain="anaphor", anaphor=("day", offset),
                 part=PARTS[m["part"].lower()])


def before_last(m: re.Match, ctx: Context) -> Timex | None:
    """'the year before last', 'the week before last': two units back from publication."""
    unit = m["unit"].lower()
    if ctx.published is None:
        return calendar_timex(m, None, unit)
    return calendar_timex(m, unit_tx(unit, shift(ctx.published, unit, -2)), unit)
