"""Entities stage: find the actors of an article and every place the text mentions them.

Reads: `text`, `doc` (spaCy ents PERSON/ORG/GPE/NORP and the dependency parse).
Fills: `entities` — `Entity` records with ids "e1", "e2"... in order of first mention.

Conventions (what other stages can rely on):
- PERSON: canonical full name without title words; `title` from the words before the name or
  an apposition; mentions include surname-only and "Mr. X" forms, title back-references
  ("the foreign minister") and he/she pronouns resolved conservatively.
- ORG: named organisations; acronyms and "the <Head>" short forms join their long form.
  State institutions named with a country ("the Syrian government", "Syrian troops") are ORG
  entities named "<Adjective> government|military|security forces" with that country; bare
  "the government" is ORG "government" with no country.
- GPE: countries (always, named by their common English name) and capitals or seats of
  government used as actors ("Damascus must...", "an ally of Moscow"), with `country` set.
- NORP: nationalities and peoples standing alone ("the Syrians", "Kurds").
- GROUP: named armed groups (lexicon in `actors.py`) and unnamed collective actors ("rebels",
  "gunmen", "security forces", "protesters"); with a demonym ("Syrian rebels") country is set.
Overlaps are settled longest span first, so "Syrian Observatory for Human Rights" beats "Syrian".
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from .. import actors as lex
from ..datelines import paragraph_datelines
from ..countries import (STATELESS_DEMONYMS, country_of_capital, country_of_demonym,
                         country_of_name, demonym_of, is_demonym)
from ..model import Article, Entity
from . import _people as people
from ._found import Actor as _Actor, Found as _Found, Span, overlaps as _overlaps
from ._geo_actors import find_capitals, find_countries, find_nationalities

# Generic state nouns too vague to file without a country ("market forces", "jets").
_NEEDS_COUNTRY = frozenset({"forces", "jets", "warplanes", "artillery", "navy", "air force",
                            "administration", "military"})


def extract_entities(article: Article, resources: Any) -> Article:
    """Fill `article.entities` from the text and its spaCy parse."""
    text, doc = article.text or "", article.doc
    if not text.strip() or doc is None:
        article.entities = []
        return article
    found = _Found()
    found.blocked += [(d.start, d.end) for d in paragraph_datelines(text)]
    _known_actors(text, found)
    _spacy_orgs(text, doc, found)
    _org_short_forms(text, doc, found)
    _persons(text, doc, found)
    _generic_actors(text, doc, found)
    find_countries(text, doc, found)
    find_capitals(text, doc, found)
    find_nationalities(text, doc, found)
    taken = _settle(found)
    _title_references(text, found, taken)
    _pronouns(text, doc, found, taken)
    article.entities = _build(found)
    return article


# --- named organisations and armed groups -------------------------------------------------

def _known_actors(text: str, found: _Found) -> None:
    """Lexicon organisations and armed groups ("UN", "SANA", "Islamic State", "Hezbollah")."""
    pattern, by_alias = lex.known_actor_pattern()
    for match in pattern.finditer(text):
        alias = match.group()
        if len(alias) <= 3 and alias.isupper() and _in_caps_run(text, match.start(), match.end()):
            continue  # "IS", "WHO" inside an all-capitals headline are words, not acronyms
        known = by_alias[alias]
        found.add(("KNOWN", known.name), _Actor(known.name, known.type, country=known.country,
                                                sector=known.sector),
                  match.start(), match.end(), 60)


def _in_caps_run(text: str, start: int, end: int) -> bool:
    before = re.search(r"([A-Za-z]{2,})\W*$", text[max(0, start - 30):start])
    after = re.match(r"\W*([A-Za-z]{2,})", text[end:end + 30])
    return any(m and m.group(1).isupper() and len(m.group(1)) > 3 for m in (before, after))


def _spacy_orgs(text: str, doc: Any, found: _Found) -> None:
    """spaCy ORG entities, with country and sector from their name or description."""
    known_spans = [(c.start, c.end) for c in found.candidates]
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        start, end, name = _strip_span(text, ent.start_char, ent.end_char)
        if not name or country_of_name(name) or is_demonym(name) or country_of_capital(name):
            continue
        if name.lower() in lex.TITLE_HEADS | lex.TITLE_MODIFIERS or not any(c.isupper() for c in name):
            continue
        if people.looks_like_name(name) and len(name.split()) <= 3 and not _org_like(name) \
                and not name.isupper():
            continue  # spaCy often calls a surname ORG ("Aydin said"); persons decide those
        if name in people.REGION_NAMES:
            continue
        if re.search(r"\.\s", name) and not re.match(r"^(?:[A-Z]\.){2,}\s", name):
            continue  # a missed sentence break: "on X. Militants"
        if _is_state_phrase(name) or _mostly_known(name, known_spans, start, end):
            continue  # "Iraqi Government" is the state ORG; "Islamist Hayat Tahrir al-Sham" the group
        country, sector = _org_attributes(text, doc, name, start, end)
        key = ("ORG", _org_key(name))
        if key in found.actors and len(name) > len(found.actors[key].name):
            found.actors[key].name = name  # "U.S. Central Command" over "Central Command"
        kind = "ORG"
        if lex.ARMED_GROUP_NAME.search(name):  # "Majeed Brigade": an armed group, not an office
            kind, sector = "GROUP", ("rebels" if sector in ("other", "military", None) else sector)
        found.add(key, _Actor(name, kind, country=country, sector=sector), start, end, 40)
    _unlabelled_acronyms(text, doc, found)


def _is_state_phrase(name: str) -> bool:
    """ "Syrian Government", "Iraqi Army": a demonym and a generic state noun, filed as STATE."""
    words = name.split()
    rest = " ".join(words[1:]).lower()
    generic = lex.generic_actors().get(rest)
    return len(words) >= 2 and bool(generic and generic.state) and bool(
        country_of_demonym(words[0]) or country_of_name(words[0]))


def _mostly_known(name: str, known: list[Span], start: int, end: int) -> bool:
    """True when a lexicon alias covers at least half of an ORG span."""
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in known)
    return covered * 2 >= end - start


def _org_key(name: str) -> str:
    """Merge key of an organisation: lowercase, without a leading country ("U.S. Central Command")."""
    words = name.split()
    if len(words) >= 3 and country_of_name(words[0]):
        words = words[1:]
    return " ".join(words).lower()


def _org_like(name: str) -> bool:
    return bool(lex.sector_of(name)) or bool(re.search(
        r"\b(?:Group|Institute|Centre|Center|Union|League|Association|Foundation|Network|"
        r"Committee|Council|Company|Corporation|Front|Brigades?|Army|Forces|Movement|Party)\b", name))


def _unlabelled_acronyms(text: str, doc: Any, found: _Found) -> None:
    """All-capitals names spaCy missed that a description introduces ("news agency SANA")."""
    for token in doc:
        word = token.text
        if not (2 <= len(word) <= 6 and word.isupper() and word.isalnum() and word.isascii()):
            continue
        if token.ent_type_ in ("ORG", "GPE", "NORP") or country_of_name(word):
            continue
        description, country = _descriptor(doc, token.i)
        sector = lex.sector_of(description)
        if not description or not sector:
            continue
        found.add(("ORG", word.lower()), _Actor(word, "ORG", country=country, sector=sector),
                  token.idx, token.idx + len(word), 40)


def _org_attributes(text: str, doc: Any, name: str, start: int, end: int
                    ) -> tuple[str | None, str | None]:
    """Country and sector of an organisation from its name, then the words around it."""
    country = next((c for w in name.split() if (c := country_of_demonym(w) or country_of_name(w))),
                   None)
    sector = lex.sector_of(name)
    span = doc.char_span(start, end, alignment_mode="expand")
    description, desc_country = _descriptor(doc, span.start) if span is not None else ("", None)
    appos = people.apposition(text, end)
    if appos:
        description = f"{description} {appos[0]}"
        based = re.search(r"([A-Z][\w.]+(?: [A-Z]\w+)?)-based", appos[0])
        desc_country = desc_country or (based and country_of_name(based.group(1))) or None
    return country or desc_country, sector or lex.sector_of(description) or "other"


def _descriptor(doc: Any, i: int) -> tuple[str, str | None]:
    """Lowercase words and a possessive country before token i: "Syria's state news agency"."""
    words: list[str] = []
    country = None
    j = i - 1
    while j >= 0 and i - j <= 6:
        token = doc[j]
        if token.is_sent_end and j != i - 1:
            break
        if token.lower_ in ("'s", "’s") and j > 0:
            country = country_of_name(doc[j - 1].text) or country_of_capital(doc[j - 1].text)
            break
        if token.is_lower and token.pos_ in ("NOUN", "ADJ", "PROPN"):
            words.insert(0, token.text)
            j -= 1
            continue
        found = country_of_demonym(token.text) or country_of_name(token.text)
        if found:
            country = found
        break
    return " ".join(words), country


def _org_short_forms(text: str, doc: Any, found: _Found) -> None:
    """Acronyms and "the Observatory" forms of organisations already named in full."""
    for key, actor in list(found.actors.items()):
        if actor.type != "ORG" or len(actor.name.split()) < 2:
            continue
        words = actor.name.split()
        acronym = "".join(w[0] for w in words if w[0].isupper())
        head_words = re.split(r"\s+(?:of|for|on|and|in)\s+", actor.name)[0].split()
        head = head_words[-1] if head_words else ""
        forms = []
        if len(acronym) >= 2:
            forms.append(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])")
        if len(head_words) >= 2 and head[:1].isupper() and not is_demonym(head) \
                and not country_of_name(head):
            forms.append(rf"(?<=\b[Tt]he ){re.escape(head)}\b(?!\s+[A-Z])")
        for form in forms:
            for match in re.finditer(form, text):
                found.add(key, actor, match.start(), match.end(), 45)


# --- people -------------------------------------------------------------------------------

def _persons(text: str, doc: Any, found: _Found) -> None:
    """People named by spaCy or after a title word, then their surname and "Mr. X" mentions."""
    spans = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
    spans += people.titled_names(text, doc)
    not_people = {a.name for a in found.actors.values()}
    not_people |= {text[c.start:c.end] for c in found.candidates}
    persons: list[_Actor] = []
    for raw_start, raw_end in sorted(spans):
        name = people.clean_name(text[raw_start:raw_end])
        if not people.looks_like_name(name) or name in not_people:
            continue
        start = text.find(name, raw_start, raw_end + 1)
        if start < 0:
            continue
        end = start + len(name)
        person = _match_person(persons, name)
        info = people.describe_person(text, doc, start, end)
        if person is None:
            person = _Actor(name, "PERSON", info.title, info.country, info.sector, info.gender)
            persons.append(person)
            found.actors[("PERSON", len(persons))] = person
        elif len(name.split()) > len(person.name.split()):
            person.name = name
        for attr in ("title", "country", "sector", "gender"):
            if getattr(person, attr) is None:
                setattr(person, attr, getattr(info, attr))
        if info.title_span:
            found.blocked.append(info.title_span)
        key = next(k for k, a in found.actors.items() if a is person)
        found.add(key, person, start, end, 50)
    bearers: dict[str, list[tuple[int, tuple]]] = {}
    for key, person in found.actors.items():
        if person.type == "PERSON":
            person.surnames = people.Person(person.name).surnames
            first = min(c.start for c in found.candidates if c.key == key)
            for form in {person.name, *person.surnames}:
                bearers.setdefault(form, []).append((first, key))
    _surname_mentions(text, bearers, found)


def _match_person(persons: list[_Actor], name: str) -> _Actor | None:
    """The person this name refers to: same full name, or sharing the family name."""
    last = name.split()[-1]
    for person in reversed(persons):  # the most recent bearer of a surname wins
        if person.name == name:
            return person
        if len(name.split()) != 1 and len(person.name.split()) != 1:
            continue  # two full names are two people, even with one surname
        if last in people.Person(person.name).surnames or \
                person.name.split()[-1] in people.Person(name).surnames:
            return person
    return None


def _surname_mentions(text: str, bearers: dict[str, list[tuple[int, tuple]]],
                      found: _Found) -> None:
    """Every full-name, surname and "Mr. X" mention, given to the latest bearer named before it."""
    if not bearers:
        return
    alternation = "|".join(re.escape(f) for f in sorted(bearers, key=len, reverse=True))
    pattern = rf"(?:\b(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+)?(?<![\w-])(?P<form>{alternation})(?![\w-])"
    for match in re.finditer(pattern, text):
        candidates = sorted(bearers[match.group("form")])
        before = [key for first, key in candidates if first <= match.start()]
        key = before[-1] if before else candidates[0][1]
        found.add(key, found.actors[key], match.start(), match.end(), 55)


# --- unnamed collective actors ----------------------------------------------------------

def _generic_actors(text: str, doc: Any, found: _Found) -> None:
    """ "rebels", "Syrian troops", "the Syrian government", "security forces"..."""
    table = lex.generic_actors()
    named = [(c.start, c.end) for c in found.candidates if c.priority >= 40]
    alternation = "|".join(re.escape(p) for p in sorted(table, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w-])(?:(?P<mod>[A-Z][\w.’'-]*?(?:'s|’s)?|pro-government)\s+)?"
        rf"(?P<phrase>(?i:{alternation}))(?![\w-])")
    for match in pattern.finditer(text):
        phrase_start, end = match.start("phrase"), match.end("phrase")
        if not _is_head_noun(doc, end):
            continue
        if match.group("mod") and _overlaps((match.start(), match.start("phrase")), named):
            continue  # "Hezbollah fighters", "UN officials": the named actor is the actor
        actor = table[match.group("phrase").lower()]
        mod = (match.group("mod") or "").rstrip("'’s") if match.group("mod") else ""
        mod_raw = match.group("mod") or ""
        phrase = match.group("phrase").lower()
        if mod_raw and f"{mod_raw} {phrase}".lower() in table:  # "Security forces" opening
            phrase = f"{mod_raw} {phrase}".lower()              # a sentence: one phrase
            actor, mod, mod_raw, phrase_start = table[phrase], "", "", match.start()
        country = None
        if mod_raw:
            core = re.sub(r"(?:'s|’s)$", "", mod_raw)
            country = country_of_demonym(core) or country_of_name(core) or country_of_capital(core)
        stateless = bool(mod) and mod_raw in STATELESS_DEMONYMS
        start = match.start() if (country or stateless) else phrase_start
        if country is None and actor.state and (phrase in _NEEDS_COUNTRY
                                                or (mod_raw and not stateless)):
            continue  # "UN officials", bare "forces": whose they are is unknown
        if actor.state and (country or actor.name == "government"):
            name = f"{demonym_of(country)} {actor.name}" if country else actor.name
            key = ("STATE", country, actor.name)
            found.add(key, _Actor(name, "ORG", country=country, sector=actor.sector), start, end, 35)
            continue
        if stateless:
            name = f"{mod_raw} {actor.name}"
        else:
            name = f"{demonym_of(country)} {actor.name}" if country else actor.name
        found.add(("GROUP", name), _Actor(name, "GROUP", country=country, sector=actor.sector),
                  start, end, 35)


def _is_head_noun(doc: Any, end: int) -> bool:
    """False when the word ending at `end` only modifies a noun after it ("military solution")."""
    span = doc.char_span(max(0, end - 1), end, alignment_mode="expand")
    if span is None:
        return True
    token = span[-1]
    return not (token.dep_ in ("amod", "compound", "nmod") and token.head.i > token.i)


# --- settling overlaps, back-references, pronouns ------------------------------------------

def _settle(found: _Found) -> list[tuple[int, int, tuple]]:
    """Keep the longest (then highest-priority) candidate wherever candidates overlap."""
    taken: list[tuple[int, int, tuple]] = []
    occupied: list[Span] = list(found.blocked)
    for cand in sorted(found.candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if _overlaps((cand.start, cand.end), occupied):
            continue
        occupied.append((cand.start, cand.end))
        taken.append((cand.start, cand.end, cand.key))
        found.actors[cand.key].spans.append((cand.start, cand.end))
    return taken


def _title_references(text: str, found: _Found, taken: list) -> None:
    """ "the foreign minister", "the French minister" -> the one earlier person with that title."""
    titled = [a for a in found.actors.values() if a.type == "PERSON" and a.title and a.spans]
    if not titled:
        return
    heads = {w for a in titled for w in a.title.lower().split() if w in lex.TITLE_HEADS}
    heads |= {a.title.lower() for a in titled}  # whole titles first: "secretary of state"
    heads = sorted(h for h in heads if re.fullmatch(r"[\w .'-]+", h))
    if not heads:
        return
    occupied = [(s, e) for s, e, _ in taken]
    for match in people.title_reference_re(heads).finditer(text):
        span = (match.start("ref"), match.end("ref"))
        if _overlaps(span, occupied):
            continue
        country, words = people.reference_words(match.group("ref"))
        if not words <= lex.TITLE_HEADS | lex.TITLE_MODIFIERS | {"of"}:
            continue
        fits = [a for a in titled if min(a.spans)[0] < span[0]
                and words <= set(a.title.lower().replace("-", " - ").split()) | {"of"}
                and (country is None or a.country == country)]
        if len(fits) == 1:
            fits[0].spans.append(span)
            occupied.append(span)


def _pronouns(text: str, doc: Any, found: _Found, taken: list) -> None:
    """he/she/his/her -> the one compatible person named just before (same or last paragraph)."""
    persons = [a for a in found.actors.values() if a.type == "PERSON" and a.spans]
    if not persons:
        return
    quoted = _quoted_regions(text)
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]
    sentence_starts = [s.start_char for s in doc.sents]
    for token in doc:
        gender = people.pronoun_gender(token.text)
        if gender is None or _overlaps((token.idx, token.idx + 1), quoted):
            continue
        paragraph = bisect.bisect_right(paragraph_starts, token.idx) - 1
        sentence = bisect.bisect_right(sentence_starts, token.idx) - 1
        earliest = sentence_starts[max(0, sentence - 3)]
        # The pronoun's own sentence ("Kerry said he..."), then its paragraph, and only when
        # that names nobody, the paragraph before.
        windows = [(sentence_starts[sentence], token.idx)]
        windows += [(max(earliest, paragraph_starts[p]), token.idx)
                    for p in (paragraph, paragraph - 1) if p >= 0]
        recent = []
        for window in windows:
            recent = _persons_in(persons, window, quoted)
            if recent:
                break
        fits = [p for p in recent if p.gender in (None, gender)]
        # One candidate, or one of several whose genders are all known: never guess.
        if len(fits) == 1 and (len(recent) == 1 or all(p.gender for p in recent)):
            person = fits[0]
            person.gender = person.gender or gender
            person.spans.append((token.idx, token.idx + len(token.text)))


def _persons_in(persons: list[_Actor], window: Span, quoted: list[Span]) -> list[_Actor]:
    """Distinct persons with a mention (outside quotations) starting inside the window."""
    return [p for p in persons
            if any(window[0] <= s < window[1] and not _overlaps((s, s + 1), quoted)
                   for s, _e in p.spans)]


def _quoted_regions(text: str) -> list[Span]:
    """Spans inside quotation marks, per paragraph; an unclosed quote runs to the paragraph end."""
    regions: list[Span] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        inside_from = None
        for match in re.finditer(r"[\"“”]", paragraph.group()):
            pos = paragraph.start() + match.start()
            mark = match.group()
            if inside_from is None and mark in '"“':
                inside_from = pos
            elif inside_from is not None and mark in '"”':
                regions.append((inside_from, pos + 1))
                inside_from = None
        if inside_from is not None:
            regions.append((inside_from, paragraph.end()))
    return regions


# --- output -------------------------------------------------------------------------------

def _strip_span(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Trim a leading "the", a trailing possessive and punctuation from an entity span."""
    chunk = text[start:end]
    lead = re.match(r"^(?:[Tt]he\s+)", chunk)
    if lead:
        start += lead.end()
    chunk = text[start:end]
    trail = re.search(r"(?:'s|’s|'|’|[\s,.;:!?\"“”)(\[\]-])+$", chunk)
    if trail and not re.search(r"\b[A-Z]\.$", chunk):
        end -= len(trail.group())
    return start, end, text[start:end]


def _build(found: _Found) -> list[Entity]:
    """Entities with mentions, in order of first mention, numbered e1, e2..."""
    actors = [a for a in found.actors.values() if a.spans]
    actors.sort(key=lambda a: min(a.spans))
    entities = []
    for number, actor in enumerate(actors, start=1):
        mentions = sorted(set(actor.spans))
        entities.append(Entity(id=f"e{number}", name=actor.name, type=actor.type,
                               title=actor.title, country=actor.country, sector=actor.sector,
                               mentions=[(s, e) for s, e in mentions]))
    return entities
