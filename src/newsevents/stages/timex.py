"""Temporal-expression rules: find TIMEX3-style expressions in text and resolve them.

Pure functions over a string and a publication date (no spaCy here). `dates.py` passes in
two callbacks computed from the parse: the verb tense governing a span, and whether a
4-digit number is a count ("2011 people") rather than a year. Values follow TimeML/TIMEX3
as TempEval-3 writes them; bounds are the first and last day the expression refers to.

This module holds the patterns, in priority order, and the matcher; the handlers that turn
a match into a Timex are in timex_rules.py, the calendar arithmetic in timex_calendar.py
(both re-exported here for dates.py and the scorer).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from . import timex_periods as p
from . import timex_rules as r
from . import timex_spans as sp
from . import timex_words as w
from .timex_calendar import NUM, UNITS, Tense, shift, unit_tx
from .timex_rules import (CALENDAR_GRAINS, MONTH_ANY, MONTH_FULL, ORDINAL, PART, WEEKDAY,
                          YEAR4, Context, IsCount, TenseAt, Timex)

__all__ = ["CALENDAR_GRAINS", "RULES", "Tense", "Timex", "find_timexes", "shift", "unit_tx"]

# "eight trading days", "six straight days", "two more weeks": the unit still counts
_UNIT_ADJ = r"(?i:trading|straight|consecutive|more|additional|full|business|working|calendar)"
_CLOCK_ZONE = (r"(?:\s*\((?i:local\s+time|gmt|utc)\)|\s*\([A-Z]{2,4}\)"
               r"|\s+(?:GMT|UTC|(?i:local\s+time)|[ECMP][SD]T))?")
RULES: list[tuple[re.Pattern[str], Callable[[re.Match, Context], Timex | None]]] = [
    (re.compile(p), handler) for p, handler in [
        (rf"\b(?P<y>{YEAR4})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b", r.iso_date),
        (r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b", r.slash_date),
        (rf"\b(?P<month>{MONTH_ANY})\s*(?P<d>\d{{1,2}}){ORDINAL}?\b"
         rf"(?!\s*(?:%|(?i:percent|per\s+cent)))(?:,?\s+(?P<y>{YEAR4})\b)?", r.month_day),
        (rf"\b(?:(?i:the)\s+)?(?P<d>\d{{1,2}}){ORDINAL}?\s+(?:(?i:of)\s+)?(?P<month>{MONTH_ANY})"
         rf"(?:,?\s+(?P<y>{YEAR4})\b)?", r.month_day),
        (rf"\b(?:(?i:the)\s+)?(?i:week)\s+(?i:of)\s+(?P<month>{MONTH_ANY})\s+(?P<d>\d{{1,2}})\b"
         rf"(?:,?\s+(?P<y>{YEAR4})\b)?", r.week_of),
        (rf"\b(?P<month>{MONTH_ANY})\s*,?\s+(?:(?i:of)\s+)?(?P<y>{YEAR4})\b", r.month_year),
        (rf"(?:\b(?P<mod>(?i:last|next|this))\s+)?\b(?P<month>{MONTH_FULL})\b", r.month_alone),
        (rf"(?<![,.\d])\b(?P<y>{YEAR4})\b(?![-/]\d|[.,]\d|\s*(?:%|(?i:percent|per\s+cent)))",
         r.year),
        (rf"\b(?:(?i:fiscal)[\s-]+(?:(?i:year)\s+)?|FY\s?)(?P<y>{YEAR4})\b", sp.fiscal_year),
        (rf"\b(?:(?i:the)\s+)?(?P<y>{YEAR4})\s+(?i:fiscal)\s+(?i:year)\b", sp.fiscal_year),
        (r"(?P<dec>(?:\b(?P<full>(?:1[5-9]|20)\d0)|[’'](?P<short>\d)0)[’']?s)\b", r.decade),
        (rf"\b(?:(?i:the)\s+)?(?P<n>\d{{1,2}}{ORDINAL}|(?i:eighteenth|nineteenth|twentieth"
         r"|twenty[\s-]first))\s+(?i:century)\b", r.century),
        (rf"(?:\b(?P<mod>(?i:last|next|this\s+coming|this|coming|past|(?:the\s+)?previous"
         rf"|(?:the\s+)?preceding))\s+)?\b(?P<wd>{WEEKDAY})"
         rf"(?P<plural>s)?\b(?:\s+(?P<part>{PART})(?P<parts>s)?\b)?", r.weekday),
        (rf"\b(?P<w>(?i:today))(?=['’]s\s+(?:[a-z]+\s+)?{sp.GENERIC_TODAY}\b)", sp.generic_today),
        (rf"\b(?:(?i:early|mid|late)[\s-]*)?(?P<part0>{PART})\s+(?P<w>(?i:yesterday|today"
         r"|tomorrow))\b", r.deictic_day),  # "mid-afternoon yesterday", "late morning today"
        (r"(?<!USA\s)\b(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
         rf"|today|tonight|yesterday|tomorrow))\b(?:\s+(?P<part>{PART})\b)?", r.deictic_day),
        (rf"\b(?P<mod>(?i:this|last))\s+(?P<part>{PART})\b", r.this_part),
        (r"\b(?i:overnight)\b", r.overnight),
        (r"\b(?P<mod>(?i:last|this|next|the\s+past|past|the\s+coming|coming|the\s+current|"
         r"current|the\s+previous|the\s+following|the\s+full|the\s+latest|the))\s+"
         r"(?:(?i:fiscal|early|late|mid)[\s-]+)?"
         r"(?P<unit>(?i:week|weekend|month|year|"
         r"quarter|decade|century|spring|summer|autumn|fall|winter))\b", r.relative_unit),
        (r"\b(?:(?i:the)\s+)?(?P<dir>(?i:past|last|previous|next|coming|following|first|final))"
         rf"\s+(?:(?P<num>{NUM})\s+)?(?:{_UNIT_ADJ}\s+)?(?P<unit>{UNITS})\b", r.stretch),
        (rf"\b(?:(?P<num>{NUM})\s+)?(?P<unit>{UNITS})\s+(?P<dir>(?i:ago|earlier|later|before"
         r"|after|from\s+now|hence))\b", r.ago),
        (r"\b(?P<w>(?i:earlier|later))\s+(?:(?i:this|in\s+the)\s+)?(?P<unit>(?i:week|month|year"
         r"|today))\b", r.partial_unit),
        (rf"\b(?P<num>{NUM})(?:\s+|-)(?:{_UNIT_ADJ}\s+)?(?P<unit>{UNITS})"
         r"(?P<half>\s+(?i:and\s+a\s+half))?\b", r.duration),
        (r"\b(?i:the)\s+(?P<unit>(?i:days|weeks|months|years))\s+(?i:ahead)\b", w.units_ahead),
        (r"\b(?i:for|in|over|within)\s+(?P<unit>(?i:years|months|weeks|days|hours|decades"
         r"|centuries))\b", sp.bare_units),
        (r"\b(?P<w>(?i:right\s+now|now|currently|at\s+present|presently|nowadays|these\s+days"
         r"|at\s+the\s+moment|recently|lately|the\s+near\s+future|the\s+future|soon"
         r"|the\s+(?:near|short|long)\s+term|the\s+time\s+being"
         r"|recent\s+(?:years|months|weeks|days)))\b(?!-)", r.reference),
        (r"\b(?i:in)\s+(?P<w>(?i:the\s+past))\b", r.reference),
        (r"\b(?:(?i:the)\s+)?(?:(?P<rel>(?i:last|next|this))\s+(?i:year)['’]s\s+|"
         rf"(?P<yb>{YEAR4})\s+)?(?:(?i:fiscal)[\s-]+)?(?P<ord>(?i:first|second|third|fourth|1st"
         r"|2nd|3rd|4th|final))[\s-]+(?:(?i:fiscal)\s+)?(?i:quarter)\b(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?"
         rf"(?:(?P<y>{YEAR4})|(?P<rel2>(?i:last|next|this))\s+(?i:year)\b))?", p.quarter),
        (r"\b(?:(?i:the)\s+)?(?P<which>(?i:first|second|last|latter))\s+(?i:half)\s+(?i:of)\s+"
         rf"(?:(?i:fiscal)\s+)?(?P<y>{YEAR4})\b", p.half_year),
        (r"\b(?:(?i:the)\s+)?(?:(?i:comparable|corresponding|same)\s+)?(?i:year)[\s-]+"
         r"(?i:ago|earlier)(?:\s+(?:(?P<ord>(?i:first|second|third|fourth))\s+)?"
         r"(?P<noun>(?i:quarter|period)))?\b", p.year_ago_period),
        (r"\b(?i:the\s+(?:(?:same|corresponding|comparable)\s+)?)(?P<noun>(?i:period|quarter|month|week))"
         r"\s+(?i:a\s+year\s+(?:ago|earlier)|last\s+year|(?:of\s+|in\s+)?the\s+previous\s+year"
         r"|the\s+year\s+before)\b", p.year_ago_period),
        (r"\b(?P<det>(?i:the|that))\s+(?:(?P<latest>(?i:latest|most\s+recent))\s+|"
         rf"(?P<yb>{YEAR4})\s+)?(?P<noun>(?i:quarter|period))\b", p.same_period),
        (rf"\b(?:(?i:the\s+year)\s+)?(?P<y>{w.SPOKEN_YEAR})\b", w.spoken_year),
        (r"\b(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?P<w>(?i:twenties|thirties|forties"
         r"|fifties|sixties|seventies|eighties|nineties))\b", w.decade_word),
        (r"\b(?i:hourly|daily|nightly|weekly)\b", w.frequency),
        (rf"\bQ(?P<q>[1-4])(?:\s+(?P<y>{YEAR4}))?\b", p.quarter),
        (rf"\b(?i:every|each)\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNITS}|{WEEKDAY}|{MONTH_FULL}|(?i:morning"
         r"|afternoon|evening|night))\b", sp.every),
        (r"\b(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s*(?P<ap>(?i:[ap]\.m\.|[ap]m\b|[ap]\.m\b))"
         + _CLOCK_ZONE, r.clock),
        (r"\b(?P<word>(?i:noon|midday|midnight))\b", r.clock),
        (r"\b(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s+(?i:in\s+the)\s+(?P<part>(?i:morning|afternoon"
         r"|evening))\b", r.clock),
        (r"(?P<conj>\s+(?i:and|or|to|through)\s+|[-–])(?P<d>\d{1,2})\b(?!\s*(?:%|[.,]\d|:))",
         r.second_day),
        (r"\b(?P<h>[01]?\d|2[0-3]):?(?P<min>[0-5]\d)\s*(?:(?:UTC|GMT)\b|Z\b)", r.clock),
        (rf"\b(?i:on)\s+(?P<x>(?i:the)\s+(?P<d>\d{{1,2}}){ORDINAL})\b(?!\s+(?:(?i:of)\s+)?"
         rf"(?:{MONTH_ANY}|[a-zA-Z]))", r.nth),
        (r"\b(?P<h>Good\s+Friday|Easter\s+Monday|Palm\s+Sunday|Ash\s+Wednesday|Maundy\s+Thursday"
         r"|Black\s+Friday|Cyber\s+Monday|Black\s+(?:Monday|Tuesday|Wednesday|Thursday)"
         r"|Bloody\s+Sunday|Super\s+Tuesday|Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year['’]s\s+Eve|"
         r"New\s+Year['’]s\s+Day|Easter\s+Sunday|Easter|Thanksgiving\s+Day|Thanksgiving|"
         rf"Independence\s+Day|Valentine['’]s\s+Day|Halloween)\b(?:,?\s+(?P<y>{YEAR4})\b)?",
         w.holiday),
        (r"\b(?i:the\s+(?:next|following|previous|preceding)\s+day|the\s+day\s+(?:before|after)"
         r"|(?:(?:earlier|later)\s+)?(?:that|the\s+same)\s+day)\b", r.anaphor),
        (r"\b(?:(?i:earlier|later)\s+)?(?i:that|the\s+same)\s+(?i:year|month|week)\b", r.anaphor),
        (r"\b(?i:the)\s+(?P<unit>(?i:year|month|week))\s+(?P<dir>(?i:before|after|earlier|later"
         r"|previous|prior))\b(?!\s+(?:of|to|last)\b)", sp.unit_anaphor),
        (r"\b(?i:the)\s+(?P<unit>(?i:year|month|week))\s+(?i:before\s+last)\b", sp.before_last),
        (r"\b(?:(?i:fiscal)\s+)?(?i:year[\s-]end|year['’]s\s+end)\b", sp.year_end),
        (r"\b(?:(?i:end(?:ed|ing|s)?|finish(?:ed|es|ing)?|clos(?:e|ed|es|ing)|start(?:ed|s|ing)?"
         r"|for|(?:earlier|later|late|early)\s+in|(?:start|end|close)\s+of)\s+)"
         r"(?P<x>(?i:the)\s+(?i:day))\b(?!\s*(?:of|before|after|when|that|-|['’]s)\b)",
         sp.story_day),
        (r"\b(?P<d>[1-9])0s\b", sp.short_decade),
        (r"\b(?P<det>(?i:the|a|an)\s+)?(?i:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
         r"|\d{1,2}(?:st|nd|rd|th))\s+(?:(?i:straight|consecutive|successive)\s+)?"
         r"(?P<unit>(?i:day|week))\b(?!-)", sp.ordinal_day),
        (r"\b(?i:the\s+(?:next|following|previous)|that|the\s+same)\s+(?P<part>(?i:morning"
         r"|afternoon|evening|night))\b", sp.part_anaphor),
        (r"\b(?i:since|in|of|from|until|till|to|by|before|after|and)\s+(?P<y>[’'](?P<yy>\d\d))"
         r"(?![\w’'])", sp.short_year),
    ]
]
_HANDLER_ERRORS = (ValueError, KeyError, IndexError, OverflowError, TypeError, AttributeError)


def find_timexes(text: str, published: dt.date | None,
                 tense_at: TenseAt | None = None, is_count: IsCount | None = None,
                 window: tuple[int, int] | None = None) -> list[Timex]:
    """The atomic expressions in `text` (clock times and anaphors included), in text order.

    With a `window` (start, end), only expressions inside it are found, but the handlers
    still see the text around it ("the year" in "the year ended March 31").
    `dates.py` then joins atoms into larger expressions and resolves the anaphors.
    """
    ctx = Context(text, published, tense_at or (lambda s, e: None),
                  is_count or (lambda s, e: False))
    found: list[tuple[int, Timex]] = []
    for rank, (pattern, handler) in enumerate(RULES):
        for match in pattern.finditer(text, *(window or (0, len(text)))):
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
