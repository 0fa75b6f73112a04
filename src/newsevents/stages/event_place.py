"""The place that governs an event whose own sentence names none: a helper of the events
stage (`stages/events.py`), like `dates.governing_date` for dates; nothing here is a stage.

Reads: `text`, `doc`, `places`, `quotes` of the article and the event's sentence span.
Gives: a Place id, or None, for an event that found no place in its own sentence.

In order (ACLED and UCDP locate every event, from the article's context when the sentence
names no place; the caller flags any of these `place_fallback`):
0. a place the sentence points back to ("killed in the district", "the town's market"): the
   latest place of that kind named in the few paragraphs before (wire copy puts each
   sentence in its own paragraph), coordinates or not;
1. the nearest place named earlier in the event's paragraph: the story's current scene.
   A city, district or province wins over a nearer country (a country is the coarsest
   location, ACLED's geo-precision 3: "Aleppo" three words before "Syria" is the better
   point); a country only when the paragraph names nothing finer. A paragraph place outside
   the article's main country gives none: a side scene (the French government's "Paris" in a
   story about Bouake) is more often a mention than where the event happened, and so is a
   country in a story with no main country ("U.S." in a story about Kenya and Somalia);
2. the story's dateline place ("KABUL, Afghanistan (AP) -"), when it lies in the article's
   main country (a "WASHINGTON -" story about Syria is not located in Washington);
3. the article's main place: the most-mentioned city/district/province of the article's main
   country, when clearly dominant (at least two mentions and twice the runner-up; the main
   country holds at least half of all place mentions);
4. otherwise none: weak evidence gives no place rather than a wrong one.

Only physical events take a fallback (`FALLBACK_TYPES`): a fight, a protest, an arrest, a
deployment or a withdrawal happens somewhere on the ground. A verbal event (statement,
ACCUSE, REQUEST, AGREE...), a meeting, aid pledged and sanctions are located only where the
sentence says they happen ("said in Geneva"): the paragraph's battlefield is not where
a minister accused anyone.

A candidate mention never counts when it is (the events stage's exclusions, read per sentence):
- inside a direct or partial quote: a speaker's own words, often an aside about elsewhere;
- an actor's description: "Britain-based Observatory", "based in London", "envoy from Qatar";
- inside the subject of a reporting verb ("the Observatory in London said");
- a modifier of an actor ("U.S. officials", "Pakistan's army");
- the active subject of a verb ("Moscow sent troops": a government, not a location);
- a region ("the Middle East") or a place with no coordinates (no point for the map).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .. import ontology as ont
from ..datelines import story_dateline
from ..model import Article, Place

# PLOVER types that take a place from context: events on the ground.
FALLBACK_TYPES = frozenset("ASSAULT PROTEST COERCE MOBILIZE RETREAT".split())
_FINE = frozenset({"city", "district", "admin"})
_PARAGRAPH = re.compile(r"\n\s*\n")
_BASED_AFTER = re.compile(r"\s*[-\u2010\u2011]\s*based\b", re.I)
_BASED_BEFORE = re.compile(r"\bbased\s+(?:in|at|out\s+of)\s+(?:the\s+)?$", re.I)
_ORIGIN_PREPS = frozenset({"from", "of"})
# "in the district", "the town's market": a description pointing back to a named place.
_ANAPHOR = re.compile(r"\b(?:the|that|this)\s+(?:same\s+)?(city|town|village|district|"
                      r"neighbou?rhood|province|region|capital|camp)\b(?!\s+of\b)", re.I)
_ANAPHOR_FEATURES = {
    "city": {"city"}, "town": {"city"}, "village": {"city"}, "capital": {"city"},
    "camp": {"city", "district"}, "district": {"district"}, "neighbourhood": {"district"},
    "neighborhood": {"district"}, "province": {"admin"}, "region": {"admin"},
}
_ANAPHOR_REACH = 1500  # characters back: a few wire paragraphs
_GENERIC_WORDS = frozenset("similar such past previous earlier other recent many several "
                           "frequent repeated numerous multiple countless".split())
_MAIN_MIN = 2  # mentions the main place needs
_MAIN_LEAD = 2.0  # ... and how many times the runner-up's
_MAIN_COUNTRY_SHARE = 0.5  # share of all place mentions the main country needs


# Verbal types whose own sentence gives a place only where the act is performed ("said in
# Geneva", "told reporters in Ankara"): a place in what is accused, requested or rejected
# ("accused Russia of bombing hospitals in Aleppo") is the content's, not the speech's.
# CONSULT is not among them: "met in Geneva" is its scene.
SAID_TYPES = frozenset("REQUEST ACCUSE REJECT THREATEN SUPPORT CONCEDE AGREE".split())
_SCENE_PREPS = frozenset("in at inside during".split())
_SPEAKING = frozenset("speak talk address tell say visit brief".split())
# "met in Geneva to press for a halt": a request made at a meeting is made where it meets
_GATHERING = frozenset("meet gather convene".split())


def said_scene(trig_tok: Any, parts: list[Any]) -> list[tuple[int, int]]:
    """Spans that may hold a verbal event's place: a locative phrase ("in/at X") on the
    trigger (or a merged one), on a reporting or meeting verb above it ("said in Geneva that
    ...", "met in Geneva to press for ..."), or
    on a speaking clause of either ("..., speaking to reporters in Geneva"). Anything else in
    the sentence is the content or the parties: "accused Russia of bombing hospitals in Aleppo".
    """
    heads = []
    for tok in [trig_tok] + [p for p in parts if p is not trig_tok]:
        heads.append(tok)
        heads += [a for a in tok.ancestors if a.lemma_.lower() in ont.REPORTING_VERBS
                  or a.lemma_.lower() in _SPEAKING or a.lemma_.lower() in _GATHERING]
    heads += [c for h in list(heads) for c in h.children
              if c.dep_ == "advcl" and c.lemma_.lower() in _SPEAKING]
    spans = []
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _SCENE_PREPS:
                last = child.right_edge
                spans.append((child.idx, last.idx + len(last.text)))
    return spans


def acting_mention(article: Article, mention: tuple[int, int]) -> bool:
    """A place mention standing for an actor (subject, modifier of a person, an origin, a
    reporting subject's description): never where a verbal event is performed."""
    tok = _token_at(article.doc, *mention)
    return tok is not None and _described_or_acting(tok)


def fallback_place(article: Article, etype: str, start: int, end: int, trigger_start: int,
                   factual: bool = True, parties: tuple[str | None, ...] = ()) -> str | None:
    """The id of the place governing an event of type `etype` whose sentence starts at
    `start` and names no usable place; None when the type takes none or evidence is weak.

    `factual` False (negated, hypothetical), a trigger inside a direct or partial quote and a
    generic plural ("similar attacks", "504 attacks") take none: what did not happen, what a
    speaker says in passing and a class of events have no one scene here.
    `parties` are the actor's and target's countries: when both are known, the place must
    lie in one of them ("the Afghan army killed Taliban fighters" is not in Doha, where the
    paragraph's talks are)."""
    if etype not in FALLBACK_TYPES or not article.places or not factual:
        return None
    if _in_own_words(article, trigger_start) or _generic(article, trigger_start):
        return None
    known = {c for c in parties if c}
    fits = (lambda p: p.country in known) if len(known) == len(parties) == 2 else (lambda p: True)
    place = _antecedent(article, start, end)
    if place is not None:
        return place.id
    place = _paragraph_place(article, start, fits)
    main = _main_country(article)
    if place is not None and main is not None and place.country != main:
        return None  # a scene abroad ("Paris" in a Bouake story): conflicting, so none
    if place is not None and place.feature == "country" and main is None:
        return None  # a country in a story spread over several is more often a party
    if place is None:
        place = _article_place(article)
        place = place if place is not None and fits(place) else None
    return place.id if place is not None else None


def _antecedent(article: Article, start: int, end: int) -> Place | None:
    """The place "the district" / "the town" in the sentence points back to: the latest
    place of that kind named before the sentence, within a few paragraphs. Strong evidence
    (the sentence itself names a place, by description), so it may lack coordinates."""
    text = article.text
    match = _ANAPHOR.search(text, start, end)
    if match is None or _in_own_words(article, match.start()):
        return None
    features = _ANAPHOR_FEATURES[match.group(1).lower()]
    window = max(0, start - _ANAPHOR_REACH)
    found = [(m[0], p) for p in article.places if p.feature in features
             for m in p.mentions if window <= m[0] and m[1] <= start
             and not _in_own_words(article, m[0])]
    return max(found, key=lambda f: f[0])[1] if found else None


def _generic(article: Article, pos: int) -> bool:
    """A plural trigger that counts or classes many events ("similar attacks in the capital",
    "past attacks", "504 attacks in 2024"): no single scene to borrow from the context."""
    tok = _token_at(article.doc, pos, pos + 1)
    if tok is None or tok.tag_ != "NNS":
        return False
    return any(c.dep_ == "nummod" or c.lower_ in _GENERIC_WORDS for c in tok.children)


def _in_own_words(article: Article, pos: int) -> bool:
    return any(q.kind in ("direct", "partial") and q.start <= pos < q.end for q in article.quotes)


def _paragraph_place(article: Article, start: int, fits: Any) -> Place | None:
    """The nearest usable place mentioned earlier in the paragraph, a finer one first."""
    text = article.text
    p_start = max([m.end() for m in _PARAGRAPH.finditer(text, 0, start)] + [0])
    found = [(m[0], m[1], p) for p in article.places for m in p.mentions
             if p_start <= m[0] and m[1] <= start and fits(p) and _usable(article, p, m)]
    if not found:
        return None
    fine = [f for f in found if f[2].feature in _FINE]
    return max(fine or found, key=lambda f: f[0])[2]


def _article_place(article: Article) -> Place | None:
    """The dateline place in the main country, else the dominant place of the main country."""
    country = _main_country(article)
    if country is None:
        return None
    dateline = story_dateline(article.text)
    if dateline is not None:
        for place in article.places:
            if place.country == country and place.lat is not None and place.feature in _FINE \
                    and any(dateline.start <= m[0] < dateline.end for m in place.mentions):
                return place
    counts = Counter()
    for place in article.places:
        if place.country == country and place.feature in _FINE and place.lat is not None:
            counts[place.id] = sum(1 for m in place.mentions if _usable(article, place, m))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _MAIN_MIN:
        return None
    if len(ranked) > 1 and ranked[0][1] < _MAIN_LEAD * ranked[1][1]:
        return None
    return article.place(ranked[0][0])


def _main_country(article: Article) -> str | None:
    """The country holding at least half of the article's place mentions, else None."""
    votes = Counter()
    for place in article.places:
        if place.country:
            votes[place.country] += len(place.mentions)
    if not votes:
        return None
    country, count = votes.most_common(1)[0]
    return country if count >= _MAIN_COUNTRY_SHARE * sum(votes.values()) else None


def _usable(article: Article, place: Place, mention: tuple[int, int]) -> bool:
    """Whether a mention may locate an event of another sentence (see the module docstring)."""
    if place.feature not in _FINE and place.feature != "country":
        return False
    if place.lat is None:
        return False
    m_start, m_end = mention
    if _in_own_words(article, m_start):
        return False
    text = article.text
    if _BASED_AFTER.match(text, m_end) or _BASED_BEFORE.search(text[max(0, m_start - 20):m_start]):
        return False
    tok = _token_at(article.doc, m_start, m_end)
    return tok is None or not _described_or_acting(tok)


def _token_at(doc: Any, start: int, end: int) -> Any:
    """The syntactic head of the mention's tokens, or None without a parse."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _described_or_acting(tok: Any) -> bool:
    """An actor's origin ("envoy from Qatar"), a reporting subject, or an acting subject."""
    head = tok.head
    if tok.dep_ in ("compound", "amod", "nmod", "poss") and _person_like(head):
        return True  # "U.S. officials", "Pakistan's army"
    if tok.dep_ == "pobj" and head.lower_ in _ORIGIN_PREPS and head.head.pos_ in ("NOUN", "PROPN") \
            and _person_like(head.head):
        return True
    if tok.dep_ == "nsubj":
        return True  # "Moscow sent troops", "Kabul said"
    for anc in tok.ancestors:
        if anc.dep_ == "nsubj" and anc.head.lemma_.lower() in ont.REPORTING_VERBS:
            return True  # "the Observatory in London said"
    return False


def _person_like(tok: Any) -> bool:
    lemma = tok.lemma_.lower()
    return tok.ent_type_ in ("PERSON", "ORG", "NORP") or lemma in ont.ACTOR_NOUNS \
        or tok.lower_ in ont.SECTOR_WORDS
