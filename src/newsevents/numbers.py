"""Amounts as journalists write them: "1,200", "Twenty-five", "at least 40", "between 20 and 30",
"tens of thousands". A pure module (no spaCy, no I/O) that any stage may reuse.

`find_amounts(text)` scans a string for amount expressions and returns `Amount` records with
character offsets and inclusive `low`/`high` bounds (either may be None = unbounded).
`parse_amount(text)` reads one whole expression; `parse_number(text)` reads one bare number.
The conventions (hedges, vague words, the ACLED relation) are in docs/casualty-conventions.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
GROUPS = {"dozen": 12, "score": 20}

# Vague plurals -> inclusive (low, high). The LOW bound is ACLED's conservative coding
# ("tens" 10, "dozens" 12, "hundreds" 100); the high bound is the point where a writer would
# switch to the next word up.
VAGUE_RANGES: dict[str, tuple[int, int]] = {
    "tens": (10, 99),
    "dozens": (12, 99),
    "scores": (20, 99),
    "hundreds": (100, 999),
    "thousands": (1_000, 9_999),
    "tens of thousands": (10_000, 99_999),
    "hundreds of thousands": (100_000, 999_999),
    "millions": (1_000_000, 9_999_999),
    "tens of millions": (10_000_000, 99_999_999),
    "hundreds of millions": (100_000_000, 999_999_999),
}
# Vague quantifiers; they multiply a following scale word ("several hundred" -> 300..900).
VAGUE_QUANTIFIERS: dict[str, tuple[int, int]] = {
    "a couple": (2, 3),
    "a few": (2, 5),
    "a handful": (2, 5),
    "several": (3, 9),
}

# Hedge phrases before a number, by their effect on the bounds.
HEDGES: dict[str, str] = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least", "a total of at least": "at_least",
    "more than": "more_than", "over": "more_than", "in excess of": "more_than",
    "upwards of": "more_than", "upward of": "more_than", "well over": "more_than",
    "just over": "more_than", "above": "more_than",
    "up to": "at_most", "as many as": "at_most", "a maximum of": "at_most", "at most": "at_most",
    "no more than": "at_most", "not more than": "at_most",
    "nearly": "less_than", "almost": "less_than", "fewer than": "less_than",
    "less than": "less_than", "under": "less_than", "just under": "less_than",
    "close to": "less_than", "nearly all": "less_than",
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx",
    "approximately": "approx", "an estimated": "approx", "estimated": "approx",
    "circa": "approx", "approx.": "approx", "an approximate": "approx",
}
HEDGES.pop("nearly all")  # "nearly all 40 passengers" is not a hedge on 40

_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_SCALE_WORDS = "hundred|thousand|million|billion"
_WORD = rf"(?:{_UNIT_WORDS}|{_SCALE_WORDS}|dozen)"
# "and" may only follow a scale word ("one hundred and twenty"), never join two counts
# ("five and six" are two numbers).
_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
_MORE_WORDS = rf"(?:(?:{_AND}|[\s-]+){_WORD})*"
# A word number starts with a unit ("twenty-five") or "a"/"half a" + scale ("a dozen"), never
# with a bare scale word: "million" alone is the tail of "$5 million", not a count.
_WORD_NUMBER = (rf"(?:(?:a|half\s+a)\s+(?:dozen|hundred|thousand|million){_MORE_WORDS}"
                rf"|(?:{_UNIT_WORDS}){_MORE_WORDS})")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DIGIT_NUMBER = rf"{_DIGITS}(?:\s+(?:{_SCALE_WORDS}|dozen))?"
# Spoken decimals (radio scripts): "seven-point-one million" = 7,100,000.
_POINT_NUMBER = (rf"(?:{_UNIT_WORDS})[\s-]+point(?:[\s-]+(?:{_UNIT_WORDS}))+"
                 rf"\s+(?:{_SCALE_WORDS})")
_NUMBER = rf"(?:{_POINT_NUMBER}|{_DIGIT_NUMBER}|{_WORD_NUMBER})"
_VAGUE_PLURAL = (r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|tens|dozens|scores|hundreds"
                 r"|thousands|millions)")
_VAGUE_QUANT = (rf"(?:(?:a\s+couple|a\s+few|a\s+handful|several)"
                rf"(?:\s+(?:{_SCALE_WORDS}|dozen)\b)?)")
_HEDGE = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True))
_RANGE = (rf"(?:between\s+(?P<r1>{_NUMBER})\s+and\s+(?P<r2>{_NUMBER})"
          rf"|from\s+(?P<f1>{_NUMBER})\s+to\s+(?P<f2>{_NUMBER})"
          rf"|(?P<t1>{_NUMBER})\s+(?:to|or)\s+(?P<t2>{_NUMBER})"
          rf"|(?P<d1>{_DIGITS})\s*[-\u2013]\s*(?P<d2>{_DIGITS}))")
_AMOUNT = re.compile(
    rf"(?<![\w$€£.,:-])(?:(?P<hedge>{_HEDGE})\s+)?"
    rf"(?:(?P<range>{_RANGE})|(?P<vague>{_VAGUE_PLURAL}|{_VAGUE_QUANT})|(?P<number>{_NUMBER}))"
    rf"(?P<suffix>\s+or\s+more|\s*\+|-plus)?"
    rf"(?![\w%-]|[.,:]\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    """An amount found in text, with inclusive bounds (None = unbounded on that side)."""

    text: str
    start: int
    end: int
    low: int | None
    high: int | None
    approximate: bool = False  # "about 30", "some 30", and every vague word
    vague: bool = False  # "dozens", "several", "tens of thousands"


def parse_number(text: str) -> int | None:
    """The integer a bare number expresses: "1,200", "1.5 million", "Twenty-five", "two dozen"."""
    words = re.sub(r"\s+", " ", text.strip().lower())
    if not words:
        return None
    digits = re.fullmatch(rf"({_DIGITS})(?: ({_SCALE_WORDS}|dozen))?", words)
    if digits:
        raw = digits.group(1).replace(",", "")
        if len(raw) > 15:
            return None  # a serial number or garbage, not a count (and float would overflow)
        value = float(raw)
        scale = digits.group(2)
        value *= SCALES.get(scale, GROUPS.get(scale, 1)) if scale else 1
        return int(round(value)) if value == int(value) or scale else None
    point = re.fullmatch(rf"(.+?)[\s-]+point[\s-]+(.+?)\s+({_SCALE_WORDS})", words)
    if point:
        whole = _parse_words(point.group(1))
        digits = [UNITS.get(w) for w in re.split(r"[\s-]+", point.group(2))]
        if whole is None or any(d is None or d > 9 for d in digits):
            return None
        fraction = float("0." + "".join(str(d) for d in digits))
        return int(round((whole + fraction) * SCALES[point.group(3)]))
    return _parse_words(words)


def _parse_words(words: str) -> int | None:
    """Read English number words; None if any word is not part of a number."""
    tokens = [t for t in re.split(r"[\s-]+", words) if t and t != "and"]
    if tokens[:2] == ["half", "a"]:
        tokens = ["half"] + tokens[2:]
    total, current, seen = 0, 0, False
    for token in tokens:
        if token in ("a", "an") and not seen:
            current, seen = 1, True
        elif token == "half" and not seen:
            current, seen = 0.5, True  # type: ignore[assignment]
        elif token in UNITS:
            current += UNITS[token]
            seen = True
        elif token in GROUPS:
            current = (current or 1) * GROUPS[token]
            seen = True
        elif token == "hundred":
            current = (current or 1) * 100
            seen = True
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current, seen = 0, True
        else:
            return None
    value = total + current
    return int(value) if seen and value == int(value) else None


def parse_amount(text: str) -> Amount | None:
    """Read one whole amount expression ("at least 40", "dozens"), or None if it is not one."""
    match = _AMOUNT.fullmatch(text.strip())
    return _amount_from(match) if match else None


def find_amounts(text: str) -> list[Amount]:
    """Every amount expression in the text, in order, longest match first at each place."""
    found = []
    position = 0
    while (match := _AMOUNT.search(text, position)) is not None:
        position = match.end()
        if _is_negated(text, match.start()):
            continue
        amount = _amount_from(match)
        if amount is not None:
            found.append(amount)
        elif match.group("range"):
            # "from 88 in 2023 to 388": "2023 to 388" is no range; read on after its first number
            first = next(g for g in ("r1", "f1", "t1", "d1") if match.group(g))
            position = match.end(first)
    return found


def _is_negated(text: str, start: int) -> bool:
    """True for "no one", "not one": a count of zero that must not be read as one."""
    return re.search(r"\b(?:no|not|nor)\s+$", text[max(0, start - 6):start], re.IGNORECASE) is not None


def _amount_from(match: re.Match[str]) -> Amount | None:
    """Turn a regex match into an Amount, applying hedge and suffix to the base bounds."""
    base = _base_bounds(match)
    if base is None:
        return None
    low, high, approximate, vague = base
    hedge = HEDGES.get(re.sub(r"\s+", " ", (match.group("hedge") or "").lower()))
    suffix = (match.group("suffix") or "").strip()
    if hedge in ("at_least", "more_than") or suffix:
        high = None
    elif hedge in ("at_most", "less_than"):
        low = None
    elif hedge == "approx":
        approximate = True
    return Amount(text=match.group(0), start=match.start(), end=match.end(),
                  low=low, high=high, approximate=approximate, vague=vague)


def _base_bounds(match: re.Match[str]) -> tuple[int | None, int | None, bool, bool] | None:
    """The (low, high, approximate, vague) of the amount before any hedge."""
    if match.group("range"):
        first = match.group("r1") or match.group("f1") or match.group("t1") or match.group("d1")
        second = match.group("r2") or match.group("f2") or match.group("t2") or match.group("d2")
        low, high = parse_number(first), parse_number(second)
        if low is None or high is None or low > high:
            return None  # "2011-12" or "30-20" are not ranges of people
        return low, high, False, False
    if match.group("vague"):
        bounds = _vague_bounds(match.group("vague"))
        return (bounds[0], bounds[1], True, True) if bounds else None
    value = parse_number(match.group("number"))
    return (value, value, False, False) if value is not None else None


def _vague_bounds(words: str) -> tuple[int, int] | None:
    """Bounds of a vague amount: "dozens", "tens of thousands", "several hundred"."""
    key = re.sub(r"\s+", " ", words.lower())
    if key in VAGUE_RANGES:
        return VAGUE_RANGES[key]
    for quantifier, (low, high) in VAGUE_QUANTIFIERS.items():
        if key == quantifier:
            return low, high
        if key.startswith(quantifier + " "):
            scale_word = key[len(quantifier) + 1:]
            scale = SCALES.get(scale_word, GROUPS.get(scale_word))
            return (low * scale, high * scale) if scale else None
    return None
