"""County lists: "Barrow, Jackson and Madison counties", "Nassau and Baker counties", "the
three largest counties — Douglas, Lancaster and Sarpy".

US copy names several counties with one plural "counties" (or "parishes") word at the end;
every name of the list is a county, though only the last one stands next to the word.
`county_list_members` finds the members, so the recogniser can take them as toponyms and
both it and the given-span path can type them as counties. `county_head` cuts a place
entity that runs past its county ("Boone County Jail") back to the county's name.
"""

from __future__ import annotations

import re
from typing import Any

_NAME = r"(?:[A-Z][A-Za-z'’.-]*|St\.)(?:\s[A-Z][A-Za-z'’.-]*)?"
_LIST = re.compile(
    rf"(?P<items>{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+(?:and|or|&)\s+{_NAME})\s+(?P<word>counties|parishes)\b")
# The list after its word: "the state's three largest counties — Douglas, Lancaster and Sarpy".
_LIST_AFTER = re.compile(
    rf"\b(?P<word>counties|parishes)\s*(?:[—–:]|--)\s*"
    rf"(?P<items>{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+(?:and|or|&)\s+{_NAME})")
_ITEM = re.compile(_NAME)
PLURALS = {"counties": "county", "parishes": "parish"}


def county_list_members(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, "county"/"parish") for each member of each list in the text."""
    members = []
    for match in [*_LIST.finditer(text), *_LIST_AFTER.finditer(text)]:
        word = PLURALS[match.group("word")]
        for item in _ITEM.finditer(text, match.start("items"), match.end("items")):
            start, name = item.start(), item.group()
            if name.startswith("The "):  # "The Texas and Oklahoma counties": no article
                start, name = start + 4, name[4:]
            members.append((start, item.end(), name, word))
    return members


def county_head(span: Any) -> Any:
    """"Boone County Jail" tagged as a place is Boone County: cut before the County word;
    "Madison Township" is Madison with a township suffix."""
    at = next((t.i for t in span[1:-1] if t.lower_ in ("county", "parish")), None)
    if at is None and len(span) > 1 and span[-1].lower_ in ("township", "twp"):
        at = span.end - 1  # no gazetteer has townships: the name is read with its suffix
    return span.doc[span.start:at] if at is not None else span
