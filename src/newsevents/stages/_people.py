"""People for the entities stage: names, titles, appositions, pronouns and title back-references.

Helper of `entities.py` (not a stage). Works on the spaCy Doc and character offsets of
`Article.text`; every function is pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..actors import FEMALE_WORDS, HONORIFICS, MALE_WORDS, TITLE_HEADS, TITLE_MODIFIERS, sector_of
from ..countries import country_of_capital, country_of_demonym, country_of_name, is_demonym

_PARTICLE = r"(?:al|el|bin|ibn|abu|abd|de|da|di|van|von|der|den|le|la|du|dos|das|del|ben|bint)"
_PART = r"[A-Z][a-zà-ÿA-Z’'\u00C0-\u024F]*[a-zà-ÿ\u00C0-\u024F](?:-[A-Za-z\u00C0-\u024F][a-zA-Z’'\u00C0-\u024F]+)*"
NAME_RE = re.compile(
    rf"(?:{_PARTICLE}[- ])?{_PART}(?:\s+(?:(?:{_PARTICLE}[- ])?{_PART}|[A-Z]\.(?=\s+[A-Z]))){{0,3}}")
# Words that end a name when a regex runs past it ("President Putin Tuesday ...").
_NOT_NAME_WORDS = frozenset("""
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December The A An And But Or In On At Of For To By With
Council Assembly Ministry Department Committee Court Office Army Forces Party Agency Union
Nations Organization Organisation Front Group Government Bank House Palace Street University
Hospital Airport Province Governorate City Region District Brigade Command Authority Commission
Embassy Parliament Senate Congress Police Guard News Television Radio Times Post Said Says
""".split())
# Regions the small model takes for people or organisations ("Sahel", "Balochistan").
REGION_NAMES = frozenset("""
Sahel Maghreb Levant Balkans Caucasus Gulf Donbas Donbass Crimea Kurdistan Darfur Tigray Gaza
Sinai Kashmir Punjab Balochistan Baluchistan Xinjiang Tibet Idlib Kordofan Amhara Oromia
""".split())
_NOT_NAME_WORDS = _NOT_NAME_WORDS | REGION_NAMES
_CONNECTORS = frozenset({"of", "for", "the", "-", "to"})
_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
_APPOS_RE = re.compile(r"\s*,\s+(?:(?:the|a|an)\s+)?(?P<desc>[^,;:()\"“”\n]{2,140}?)\s*"
                       r"(?=,|;|(?<!\b[A-Z])\.(?:\s|$)|\)|$)")
_APPOS_STOP = frozenset({"who", "which", "that", "whose", "where", "when", "said", "says", "and",
                         "but", "or", "as", "after", "before", "while", "told", "added", "in",
                         "on", "at", "according", "adding", "saying", "if", "because", "was",
                         "is", "are", "were", "has", "had", "have", "will", "would", "could",
                         "can", "may", "might", "did", "does", "not", "also", "then", "now"})


@dataclass
class PersonInfo:
    """What the words around one name say about its bearer."""

    title: str | None = None
    country: str | None = None
    sector: str | None = None
    gender: str | None = None
    title_span: tuple[int, int] | None = None  # offsets of the title words, to keep them free


@dataclass
class Person:
    """A person being assembled: canonical name, attributes, and accepted mention spans."""

    name: str
    info: PersonInfo = field(default_factory=PersonInfo)

    @property
    def surnames(self) -> list[str]:
        """Forms of the family name a later mention may use: "al-Assad" and "Assad"."""
        last = self.name.split()[-1]
        forms = [last]
        match = re.match(rf"(?i:{_PARTICLE})-(.+)$", last)
        if match:  # "al-Sharaa" is also written "Al-Sharaa" and "Sharaa"
            particle = last[:match.start(1)]
            forms += [particle[:1].swapcase() + particle[1:] + match.group(1), match.group(1)]
        return forms


def clean_name(text: str) -> str:
    """Strip honorifics, title words, a possessive and punctuation from a PERSON span."""
    words = text.replace("\n", " ").split()
    while words and (words[0] in HONORIFICS or words[0].lower() in _TITLE_WORDS
                     or words[0].lower() in ("the", "a", "an")):
        words = words[1:]
    name = " ".join(words)
    name = re.sub(r"(?:'s|’s|'|’)$", "", name).strip(" ,.;:!?\"“”()[]-")
    return name


def looks_like_name(name: str) -> bool:
    """A plausible personal name: capitalised words, none a country, title or organisation word."""
    if not name or len(name) > 60 or not name[0].isupper() or name.isupper():
        return False
    words = name.split()
    if len(words) > 5 or any(w in _NOT_NAME_WORDS for w in words) or re.search(r"['’]s\b", name):
        return False
    if country_of_name(name) or is_demonym(name) or country_of_capital(name):
        return False
    return not all(w.lower() in _TITLE_WORDS for w in words)


def titled_names(text: str, doc: Any) -> list[tuple[int, int]]:
    """Spans of names right after a title word ("Minister Claire Dumont", "spokesman Ali Omar")."""
    spans = []
    for token in doc:
        low = token.lower_
        if low not in _TITLE_WORDS or (low in TITLE_MODIFIERS and not token.text[:1].isupper()):
            continue
        nxt = token.i + 1
        if nxt >= len(doc) or doc[nxt].lower_ in _TITLE_WORDS or not doc[nxt].text[:1].isupper():
            continue
        match = NAME_RE.match(text, doc[nxt].idx)
        if not match:
            continue
        start, end = _trim_name(text, match.start(), match.end())
        if end > start and looks_like_name(text[start:end]):
            spans.append((start, end))
    return spans


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut words that cannot end a name (weekdays, countries) and a possessive from a match."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and (words[-1].group() in _NOT_NAME_WORDS or country_of_name(words[-1].group())
                     or is_demonym(words[-1].group())):
        words.pop()
    if not words:
        return start, start
    stop = start + words[-1].end()
    possessive = re.search(r"(?:'s|’s|'|’)$", text[start:stop])
    return start, stop - (len(possessive.group()) if possessive else 0)


def describe_person(text: str, doc: Any, start: int, end: int) -> PersonInfo:
    """Title, country, sector and gender from the words before a name, or else its apposition."""
    info = _title_before(text, doc, start)
    if info.title is None:
        before = re.search(r"\b(?:the|a|an)\s+(?P<desc>[^,;:()\"“”\n]{2,60}),\s*$",
                           text[max(0, start - 80):start])
        if before and _has_title_head(before.group("desc")):
            info = _title_from_description(before.group("desc"), info)
    if info.title is None:
        appos = apposition(text, end)
        if appos and _has_title_head(appos[0]):
            info = _title_from_description(appos[0], info)
    if info.gender is None:
        words = text[max(0, start - 12):start].lower().split()
        if words and words[-1] in FEMALE_WORDS:
            info.gender = "f"
        elif words and words[-1] in MALE_WORDS:
            info.gender = "m"
    if info.gender is None and info.title:
        low = set(info.title.lower().split())
        info.gender = "f" if low & FEMALE_WORDS else ("m" if low & MALE_WORDS else None)
    return info


def _has_title_head(desc: str) -> bool:
    """True when a description opens with a role ("the army's spokesman", "vice chairman of...")."""
    return _title_end(desc.split()) > 0


def _title_end(words: list[str]) -> int:
    """How many leading words make the title: up to the last title head among the first seven."""
    end = 0
    for k, word in enumerate(words[:7]):
        low = re.sub(r"(?:'s|’s)$", "", word.lower()).strip(",")
        if low in TITLE_HEADS or low.split("-")[-1] in TITLE_HEADS:
            end = k + 1
        elif low in ("of", "for", "at", "in", "with", "to") and end:
            break  # "professor of political philosophy at ...": the title ends before "of"
    return end


def _title_before(text: str, doc: Any, start: int) -> PersonInfo:
    """Walk back over title words before a name: "French Foreign Minister", "U.S. Secretary of State"."""
    info = PersonInfo()
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return info
    i = span.start
    collected: list[int] = []
    j = i - 1
    while j >= 0 and i - j <= 9:
        token = doc[j]
        low = token.lower_
        if token.text in HONORIFICS:
            info.gender = "f" if low.rstrip(".") in ("mrs", "ms", "miss") else ("m" if low.startswith("mr") else None)
            j -= 1
            continue
        if low in _TITLE_WORDS or (low in _CONNECTORS and collected):
            collected.insert(0, j)
            j -= 1
            continue
        if low in ("'s", "’s") and j > 0:
            info.country = _country_of_token(doc, j - 1)
            break
        info.country = _country_of_token(doc, j)
        break
    while collected and doc[collected[0]].lower_ in _CONNECTORS:
        collected.pop(0)
    if not any(doc[k].lower_ in TITLE_HEADS for k in collected):
        return PersonInfo(gender=info.gender)
    first, last = doc[collected[0]], doc[collected[-1]]
    info.title = text[first.idx:last.idx + len(last.text)]
    info.title_span = (first.idx, last.idx + len(last.text))
    info.sector = sector_of(info.title)
    return info


def _country_of_token(doc: Any, j: int) -> str | None:
    """Country named by the token at j, or by the named entity that covers it ("United States")."""
    token = doc[j]
    if token.ent_type_ in ("GPE", "NORP", "LOC", "ORG"):
        first, last = j, j + 1  # the entity around token j, found by its IOB tags
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        while last < len(doc) and doc[last].ent_iob_ == "I":
            last += 1
        ent_text = doc[first:last].text
        found = country_of_name(ent_text) or country_of_demonym(ent_text)
        if found:
            return found
    return country_of_name(token.text) or country_of_demonym(token.text)


def apposition(text: str, end: int) -> tuple[str, int, int] | None:
    """The description in ", the army's spokesman," after a name, with its offsets."""
    match = _APPOS_RE.match(text, end)
    if not match:
        return None
    desc = match.group("desc").strip()
    first = desc.split()[0].lower() if desc.split() else ""
    if first in _APPOS_STOP or re.match(r"\d", desc):
        return None
    return desc, match.start("desc"), match.end("desc")


def _title_from_description(desc: str, info: PersonInfo) -> PersonInfo:
    """Title and country from "Turkey's foreign minister" or "the army's spokesman"."""
    words = desc.split()
    country = info.country
    possessive = re.match(r"^(.+?)(?:'s|’s)\s+(.*)$", desc)
    if possessive and (country_of_name(possessive.group(1)) or country_of_capital(possessive.group(1))):
        country = country or country_of_name(possessive.group(1)) or country_of_capital(possessive.group(1))
        desc = possessive.group(2)
    elif words and (country_of_demonym(words[0]) or country_of_name(words[0])):
        country = country or country_of_demonym(words[0]) or country_of_name(words[0])
        desc = " ".join(words[1:])
    words = desc.split()
    cut = _title_end(words)
    title = re.sub(r"(?:'s|’s)(\s|$)", r"\1", " ".join(words[:cut])).strip() if cut else ""
    rest = " ".join(words[cut:])  # "of the Interior Ministry": tells the sector, not the title
    return PersonInfo(title=title or None, country=country,
                      sector=sector_of(title) or sector_of(rest), gender=info.gender)


def pronoun_gender(word: str) -> str | None:
    """ "m" or "f" for a third-person singular pronoun, else None."""
    return _PRONOUN_GENDER.get(word.lower())


def title_reference_re(heads: list[str]) -> re.Pattern[str]:
    """Regex for "the foreign minister", "the French minister", "the secretary of state"."""
    alternation = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(
        rf"\b[Tt]he\s+(?P<ref>(?:(?P<dem>[A-Z][a-zA-Z]+)\s+)?(?:[A-Za-z.-]+\s+){{0,2}}?"
        rf"(?i:{alternation}))\b(?!\s+[A-Z]|[-’'])")


def reference_words(ref: str) -> tuple[str | None, set[str]]:
    """(country of a leading demonym, lowercase title words) of a title back-reference."""
    words = ref.split()
    country = country_of_demonym(words[0]) if words else None
    if country:
        words = words[1:]
    return country, {w.lower() for w in words}
