"""Wire datelines: "GENEVA (Reuters) -", "ALEPPO, Syria (AP) —", "GAZA CITY, March 3 (AP) —",
"MOGADISHU, Somalia -".

One pattern for every stage that needs to know where a story's dateline is: the text stage
takes the agency as the outlet, the parser starts the first sentence after it (a dateline
parsed into the sentence becomes its subject: "MOGADISHU ... killed 25"), entities skip it,
casualties credit its agency for unattributed claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# An upper-case place (up to four words), an optional region or country and an optional
# "March 3", an optional (Agency), then a dash. No dash, no dateline: "U.S. officials said".
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]*[A-Z](?: [A-Z][A-Z'’.\-]*){0,3})"
    r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z'’.]+(?: [A-Za-z][A-Za-z'’.]+){0,2}))?"
    r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[A-Z][^()\n]{0,39})\))?"
    r"\s*(?:[-\u2013\u2014]{1,2})[ \t]*"
)
_PARAGRAPH_START = re.compile(r"(?:\A|\n)[ \t]*")


@dataclass(frozen=True)
class Dateline:
    """Where a dateline stands in the text, and where its agency is (when named)."""

    start: int
    end: int  # where the story's own words begin
    agency: str | None = None
    agency_start: int | None = None
    agency_end: int | None = None


def dateline_at(text: str, pos: int = 0) -> Dateline | None:
    """The dateline opening the text at `pos` (a paragraph start), or None."""
    match = DATELINE.match(text, pos)
    if match is None or match.end() >= len(text):
        return None
    agency = match.group("agency")
    return Dateline(match.start(), match.end(),
                    agency.strip() if agency else None,
                    match.start("agency") if agency else None,
                    match.end("agency") if agency else None)


def story_dateline(text: str) -> Dateline | None:
    """The dateline at the top of the story (after leading blanks), or None."""
    return dateline_at(text, len(text) - len(text.lstrip()))


def paragraph_datelines(text: str) -> Iterator[Dateline]:
    """Every dateline that opens a paragraph (scraped pages join several stories, or repeat it)."""
    for start in _PARAGRAPH_START.finditer(text):
        found = dateline_at(text, start.end())
        if found is not None:
            yield found
