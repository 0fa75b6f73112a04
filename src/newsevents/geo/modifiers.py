"""Place names used as modifiers, which the small NER model misses or tags ORG/PERSON.

Local copy names its towns mostly in three forms:
- a legislator's hometown after the party letter: "Rep. Torrey Westrom, R-Elbow Lake",
  "DFL-Cook", "D-W. Va." (a name that is only a county's is typed as the county);
- a town before a word for its people or its police: "a Gainesville man", "Danbury police",
  "Columbia taxpayers" (PEOPLE_WORDS; "family" and "home" are left out, which follow
  surnames as often);
- "X-based": "Northbrook-based Crate & Barrel".
The name must be in the gazetteer (a town before PEOPLE_WORDS or "-based" with at least
MIN_POPULATION people, not a person's name in the article).
"""

from __future__ import annotations

import re
from typing import Any

from ..gazetteer import ALTERNATE, Gazetteer, name_key

PEOPLE_WORDS = ("man", "woman", "men", "women", "resident", "residents", "teen", "teenager",
                "boy", "girl", "couple", "police", "taxpayers", "voters", "native",
                "firefighters", "homeowners", "officials")
MIN_POPULATION = 1_000
PROMINENT_POPULATION = 15_000
_WORD = r"[A-Z][a-z]+(?:\.)?"
# "D-N.Y.", "R-S.C.", "D-W. Va.", "R-Elbow Lake", "D-McDowell"
# A hometown word may have an inner capital ("McDowell", "DeKalb"); the label ends at a comma,
# a full stop, "and"/"or" ("D-Story City and Rep. ..."), or a dash or quote after a space.
_PARTY_WORD = r"[A-Z][a-z]*[A-Z]?[a-z]+"
_PARTY = re.compile(rf"\b(?:R|D|I|DFL)-(?P<name>(?:[A-Z]\.(?: ?[A-Z]\.)+|[A-Z]\. ?[A-Z][a-z]+\."
                    rf"|[A-Z][a-z]{{1,4}}\.|{_PARTY_WORD}(?: {_PARTY_WORD})?))"
                    rf"(?=[,;)]|\.\s|\s+(?:and|or)\s|\s+[^\w\s]|\s+â)")
_PEOPLE = re.compile(rf"\b(?P<name>{_WORD}(?: {_WORD})?) (?:{'|'.join(PEOPLE_WORDS)})\b")
_BASED = re.compile(rf"\b(?P<name>{_WORD}(?: {_WORD})?)-based\b")


def modifier_places(doc: Any, gazetteer: Gazetteer,
                    person_names: set[str]) -> list[tuple[int, int, str, str | None]]:
    """(start, end, name, suffix) of each place used as a modifier; suffix "county" or None."""
    text = doc.text
    found = []
    for match in _PARTY.finditer(text):
        name = match.group("name")
        if gazetteer.lookup(name):
            found.append((match.start("name"), match.end("name"), name, None))
        elif gazetteer.lookup(f"{name} County"):
            found.append((match.start("name"), match.end("name"), name, "county"))
    for pattern in (_PEOPLE, _BASED):
        for match in pattern.finditer(text):
            name = match.group("name")
            if name_key(name) in person_names:
                continue
            # A sentence-initial name may be tagged NOUN: then only a sizeable town.
            least = MIN_POPULATION if _proper(doc, match.start("name")) else PROMINENT_POPULATION
            if any(e.feature == "city" and e.match != ALTERNATE and e.population >= least
                   for e in gazetteer.lookup(name)):
                found.append((match.start("name"), match.end("name"), name, None))
    return found


def _proper(doc: Any, start: int) -> bool:
    # "Area residents", "Local officials": a capitalised common word is no town's name.
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and span[0].pos_ == "PROPN"
