"""Streets and numbered roads: "the 500 block of Taylor Street", "44 Hungerford St.",
"Old Alton Edwardsville Road", "Highway 200 east of Mahnomen", "KY 52", "US-24", "I-75".

Local news places its events on streets far more often than in towns: a shooting "in the 2400
block of Jay Lane", a road "closed between Berry Lane and Lombardy Drive". No gazetteer
holds streets, and the model tags them FAC or not at all; but their form gives them away: one
to four capitalised words (or an ordinal: "Seventh", "34th"), maybe after a direction ("N.",
"West", "Old"), then a street word. The places stage puts a street at the point of its city
(the city named in its sentence or the dateline), never at a namesake town.

Not taken: a street word followed by another capitalised word (it is inside a longer name:
"Wall Street Journal", "Main Street Bank"), and "Court", "Way", "Place", "Circle" and "Terrace"
unless a house number comes first ("15 Rye Court"): without one they are courts, charities
and businesses ("Superior Court", "United Way", "Ernie's Place").
"""

from __future__ import annotations

import re

_WORD = r"(?:Mc[A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]+|[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*[’']?|[A-Z]|\d+(?:st|nd|rd|th))"
_DIRECTION = r"(?:(?:[NSEW]\.|North|South|East|West|Northeast|Northwest|Southeast|Southwest|Old)\s+)?"
_SAFE_WORDS = (r"Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.|Drive|Dr\.|Lane|Ln\.|Road|Rd\.|Parkway"
               r"|Pkwy\.|Trail|Highway|Hwy\.|Pike")
_NUMBERED_ONLY = r"Court|Ct\.|Way|Place|Pl\.|Circle|Terrace"
_STREET = re.compile(
    rf"(?<![\w.])(?P<number>\d{{1,5}}[A-Z]?\s+)?(?P<name>{_DIRECTION}{_WORD}(?:\s+{_WORD}){{0,3}})"
    rf"\s+(?P<word>{_SAFE_WORDS}|{_NUMBERED_ONLY})(?!\s+[A-Z][a-z])(?![\w-])")
# Numbered roads: "Highway 200", "State Route 159", "KY 52", "US-24", "I-75", "Interstate 64".
_ROUTE = re.compile(
    r"(?<![\w-])(?:(?:State |U\.S\. |US |County )?(?:Highway|Route|Road)|Interstate|Hwy\.|I|US"
    r"|U\.S\.|SR|CR|[A-Z]{2})[- ]\d{1,3}[A-Z]?(?![\w-])")
# A state's postal code before a number is its road ("KY 52", "PA 23"); other pairs of capitals
# are no road ("AK 47", "PM 10").
US_STATE_CODES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split()) - {"AK"}
# Capitalised words that start a sentence or a phrase, not a street's name.
_LEADING = {"The", "On", "At", "In", "Near", "Along", "From", "To", "Off", "Via", "A", "An",
            "Of", "And", "Both", "Between", "Past", "Across", "By", "But", "Police", "When",
            "While", "After", "Before", "Then"}


def street_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of every street and numbered road named in the text."""
    found = []
    for match in _STREET.finditer(text):
        if match.group("word") and re.fullmatch(_NUMBERED_ONLY, match.group("word")) \
                and not match.group("number"):
            continue
        start = _without_leading_words(text, match.start("name"), match.start("word"))
        if start is not None:
            found.append((start, match.end()))
    for match in _ROUTE.finditer(text):
        head = re.split(r"[- ]", match.group())[0]
        if re.fullmatch(r"[A-Z]{2}", head) and head not in US_STATE_CODES | {"US", "SR", "CR"}:
            continue
        if not any(s <= match.start() < e for s, e in found):
            found.append((match.start(), match.end()))
    return sorted(found)


def _without_leading_words(text: str, start: int, word_start: int) -> int | None:
    """Where the street's name starts once sentence words ("The", "On") are dropped; None when
    nothing of a name is left."""
    words = text[start:word_start].split()
    while words and words[0] in _LEADING:
        start = text.index(words[0], start) + len(words[0])
        start += len(text[start:]) - len(text[start:].lstrip())
        words = words[1:]
    return start if words else None
