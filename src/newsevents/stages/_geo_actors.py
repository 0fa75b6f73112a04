"""Countries, capitals and nationalities as actors, for the entities stage (not a stage).

GPE for every country mention and for capitals used as governments; ORG for seats of
government ("the Kremlin"); NORP for nationalities standing alone ("the Syrians").
"""

from __future__ import annotations

import re
from typing import Any

from ..countries import (STATELESS_DEMONYMS, all_capitals, all_country_names, country_name,
                         country_of_demonym, is_ambiguous_name, is_demonym)
from ._found import Actor, Found, overlaps

# Seats of government that stand for an institution rather than a country's capital city.
_SEATS = {"Kremlin": "government", "White House": "government", "Pentagon": "military",
          "Downing Street": "government", "Whitehall": "government", "Elysee": "government",
          "Élysée": "government", "Elysee Palace": "government"}
# Prepositions after which a capital is a location ("talks in Damascus"), not an actor.
_LOCATIVE_PREPS = frozenset({"in", "at", "to", "into", "near", "around", "outside", "inside",
                             "across", "toward", "towards", "from", "via", "through", "outskirts",
                             "within", "throughout", "beyond", "over", "under"})
# Nouns that make "of <capital>" a location ("the suburbs of Damascus").
_PLACE_NOUNS = frozenset({"suburb", "outskirt", "north", "south", "east", "west", "countryside",
                          "centre", "center", "city", "heart", "street", "part", "area", "edge",
                          "district", "province", "region", "neighbourhood", "neighborhood",
                          "resident", "people", "mayor", "airport", "capital"})
_RELIGIOUS = frozenset({"Sunni", "Sunnis", "Shia", "Shiite", "Shiites", "Christian", "Christians",
                        "Muslim", "Muslims", "Jewish", "Jews", "Alawite", "Alawites", "Druze",
                        "Yazidi", "Yazidis"})


def find_countries(text: str, doc: Any, found: Found) -> None:
    """Every mention of a country name or alias ("Syria", "the U.S.", "Britain")."""
    names = all_country_names()
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    person_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    gpe_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC")]
    for match in re.finditer(rf"(?<![\w-])(?:{alternation})(?![\w]|-based)", text):
        span = (match.start(), match.end())
        if overlaps(span, person_spans):
            continue
        if is_ambiguous_name(match.group()) and not overlaps(span, gpe_spans):
            continue
        iso2 = names[match.group()]
        found.add(("GPE", iso2), Actor(country_name(iso2), "GPE", country=iso2), *span, 30)


def find_capitals(text: str, doc: Any, found: Found) -> None:
    """Capitals used for their government ("Damascus must...") and seats ("the Kremlin")."""
    capitals = all_capitals()
    alternation = "|".join(re.escape(n) for n in sorted(capitals, key=len, reverse=True))
    for match in re.finditer(rf"(?<![\w-])(?:{alternation})(?![\w-])", text):
        name, iso2 = match.group(), capitals[match.group()]
        if name in _SEATS:
            found.add(("SEAT", name), Actor(name, "ORG", country=iso2, sector=_SEATS[name]),
                      match.start(), match.end(), 30)
        elif _used_as_actor(text, doc, match.start(), match.end()):
            found.add(("CAPITAL", name), Actor(name, "GPE", country=iso2, sector="government"),
                      match.start(), match.end(), 30)


def _used_as_actor(text: str, doc: Any, start: int, end: int) -> bool:
    """True when a capital acts or is acted upon as a government, not named as a location."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or re.match(r",\s*[A-Z]", text[end:end + 3]):
        return False  # "Moscow, Russia" is a dateline-style location
    token = span.root
    if token.dep_ == "conj":
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "poss", "agent", "dobj", "dative"):
        return True
    if token.dep_ == "ROOT" and token.pos_ == "PROPN":
        return True  # "Moscow and Tehran back Assad": the small model parses no verb at all
    if token.dep_ == "pobj":
        prep = token.head
        if prep.lower_ in _LOCATIVE_PREPS:
            return False
        return prep.lower_ != "of" or prep.head.lemma_.lower() not in _PLACE_NOUNS
    return False


def find_nationalities(text: str, doc: Any, found: Found) -> None:
    """Demonyms that stand alone as nouns: "the Syrians", "Kurds", "the French"."""
    for token in doc:
        word = token.text
        if not word[:1].isupper() or not is_demonym(word) or \
                text[token.idx + len(word):token.idx + len(word) + 1] == "-":
            continue  # "Kurdish-led" describes something else
        plural = word.endswith("s") and (country_of_demonym(word[:-1]) or word in STATELESS_DEMONYMS)
        alone = (token.i > 0 and doc[token.i - 1].lower_ == "the" and token.dep_ not in
                 ("amod", "compound", "nmod") and token.pos_ in ("NOUN", "PROPN", "ADJ")
                 and (token.i + 1 >= len(doc) or not doc[token.i + 1].pos_ in ("NOUN", "PROPN")))
        if not (plural and token.dep_ not in ("amod", "compound")) and not alone:
            continue
        iso2 = country_of_demonym(word)
        sector = "religious" if word in _RELIGIOUS else None
        found.add(("NORP", iso2 or word), Actor(word, "NORP", country=iso2, sector=sector),
                  token.idx, token.idx + len(word), 20)
