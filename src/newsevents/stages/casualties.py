"""Casualties stage: one `Casualty` per claim: a count, a kind of harm, and who claims it.

Reads: `text`, `doc` (spaCy parse), `entities` (to name sources), `places`, `dates`, `quotes`.
Fills: `casualties` (ids "c1", "c2"... in text order). A claim with no date in its sentence
takes dates.governing_date: the paragraph's date, else publication with `date_fallback` True.

A claim is an amount (numbers.find_amounts) tied to a harm cue by one of two shapes, checked on
tokens rather than on the parse alone because the small model often mis-attaches numbers:
  forward:  AMOUNT [more|others] [of] [victim noun phrase] [aux/adverbs] CUE   ("31 civilians had
            been killed", "140 wounded", "dozens more were wounded", "leaving 12 people dead")
  backward: CUE [another] AMOUNT [victim noun phrase]                           ("killing 12",
            "has killed more than 350,000 people", "a death toll of 31", "the bodies of 12")
plus lists after a backward cue ("killed a scientist and nine soldiers"). Besides numbers, a
phrase naming one person ("a policeman", "the driver", a name; casualty_victims.py) is an amount
of 1 under the same shapes, and under "X's arrest" / "jailed X". Cue lexicons: casualty_cues.py.
Conventions (kinds, vague amounts, sources, cumulative tolls) are in docs/casualty-conventions.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Article, Casualty
from ..numbers import Amount, find_amounts
from . import casualty_context as context
from . import casualty_cues as cues
from . import casualty_phrases as phrases
from . import casualty_scene as scene
from .casualty_victims import SingleVictim, single_victims
from .dates import governing_date


@dataclass
class _Match:
    """One amount tied to a harm cue, before attribution."""

    amount: Amount
    kind: str | None
    victims: str | None
    cue: Any  # the spaCy token of the cue, when one was found
    backward: bool = False
    cumulative: bool = False  # the shape itself says so: "deaths rose from 88 in 2023 to 388"
    elided: bool = False  # "and 140 wounded", "dozens more": victims come from the claim before
    np_end: int = -1  # token index after the victims, for lists ("killing 3 soldiers and 2 ...")
    origin: int = -1  # where the words naming the victims stand, when the claim's span moved


def extract_casualties(article: Article, resources: Any) -> Article:
    """Fill `article.casualties` with one record per (count, kind, source) claim."""
    article.casualties = []
    doc = article.doc
    if doc is None or not article.text:
        return article
    claims: list[Casualty] = []
    memory = context.SourceMemory()
    byline = context.byline_source(article)
    previous: tuple[Any, list[tuple[Amount, str | None, str]]] | None = None
    for sent in doc.sents:
        leftovers: list[tuple[Amount, str | None, str]] = []
        matches = [(m, sent) for m in _matches_in(sent, article, leftovers)]
        if previous is not None:  # "She and six others got into a car. ..., killing all of them"
            matches = [(_Match(a, kind, victims, cue), previous[0]) for a, kind, victims, cue
                       in phrases.later_harm(sent, previous[1])] + matches
        previous = (sent, leftovers)
        sources = context.sentence_sources(article, sent, memory)
        for match, home in matches:
            anchor = match.cue if match.cue is not None else _root_of(doc, match.amount)
            # the victims are never their own source ("The party of jailed X ... alleged")
            at = match.origin if match.origin >= 0 else match.amount.start
            own = [s for s in sources if not s.start <= at < s.end]
            if own:
                source = context.source_for(own, anchor, memory)
            else:
                source = context.quote_source(article, match.amount.start, match.cue) or (
                    context.Source() if sources else context.source_for([], anchor, memory))
            claim = _claim(article, home, match, source, len(claims) + 1)
            if claim.source is None and byline is not None and not claim.cumulative:
                # the wire agency reports the incident no one else is credited with; background
                # tolls ("the war has killed 350,000") stay unattributed
                claim.source, claim.source_id = byline.name, byline.entity_id
            claims.append(claim)
    claims.sort(key=lambda c: c.start)  # a count harmed in the next sentence comes back in order
    for number, claim in enumerate(claims, 1):
        claim.id = f"c{number}"
    article.casualties = claims
    return article


def _root_of(doc: Any, amount: Amount) -> Any:
    """The syntactic root token of an amount's span, or None."""
    span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
    return span.root if span is not None else None


def _matches_in(sent: Any, article: Article | None = None,
                leftovers: list[tuple[Amount, str | None, str]] | None = None) -> list[_Match]:
    """Amounts (and single victims) in one sentence tied to a harm cue, in text order.

    Counts of people left without a cue go to `leftovers` as (amount, victims, head noun)."""
    doc = sent.doc
    matches: list[_Match] = []
    pending: list[tuple[Amount, str | None]] = []  # "12 soldiers and 3 civilians were killed"
    for amount, victim in _candidates(sent, article):
        single = victim is not None
        span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
        if span is None or (not single and _not_a_count(span, amount)) or (
                single and span.start > 0 and doc[span.start - 1].lower_ in cues.SUBSET_BEFORE):
            continue  # "including a police officer": part of a count already made
        match = (_forward(span, amount, single) or _backward(span, amount, single)
                 or _listed(span, amount, matches))
        if match is None and single:
            their = phrases.their_harm(span)  # "X and Y ... at the time of their deaths"
            match = _Match(amount, their[0], None, their[1]) if their else None
        if match is not None and victim is not None:
            match = _single_claim(match, victim)
        if match is None:
            if leftovers is not None and not single:
                end, named, klass = _victim_phrase(span)
                if klass == "person":
                    leftovers.append((amount, named, doc[end - 1].lower_))
            victims = _coordinated_victims(span)
            if victims is not False:
                pending.append((amount, victims or (victim.victims if victim else None)))
            continue
        for earlier, earlier_victims in pending:
            if match.kind:
                matches.append(_Match(earlier, match.kind, earlier_victims, match.cue))
        pending = []
        if match.kind:
            if match.elided and matches and match.victims is None:
                match.victims = matches[-1].victims
            if match.np_end < 0:
                match.np_end = _victim_phrase(span)[0]
            matches.append(match)
            if single and match.kind == "killed" and phrases.custody_death(match.cue):
                matches.append(_Match(match.amount, "arrested", match.victims, match.cue))
    return sorted(matches, key=lambda m: m.amount.start)


def _candidates(sent: Any, article: Article | None) -> list[tuple[Amount, SingleVictim | None]]:
    """Numeric amounts and phrases naming one person (with their details), in text order."""
    amounts = [Amount(a.text, a.start + sent.start_char, a.end + sent.start_char, a.low, a.high,
                      a.approximate, a.vague) for a in find_amounts(sent.text)]
    found: list[tuple[Amount, SingleVictim | None]] = [(a, None) for a in amounts]
    if article is not None:
        # a person inside a counted phrase ("one soldier") is already counted
        taken = [(a.start, _phrase_end(sent, a)) for a in amounts]
        found += [(v.amount, v) for v in single_victims(article, sent, taken)]
    return sorted(found, key=lambda item: item[0].start)


def _single_claim(match: _Match, victim: SingleVictim) -> _Match | None:
    """Keep a single-victim match only for kinds a person can have; use the name if apposed."""
    if match.kind not in cues.SINGLE_KINDS:
        return None  # "affecting Mr. Berisha": affected/displaced are group counts
    natural = match.cue is not None and match.cue.lemma_.lower() in ("die", "dead")
    if natural and (victim.kin or not cues.HARM_CONTEXT.search(match.cue.sent.text)):
        return None  # "when his father died in 1927", "the musician died at 80": no harm event
    match.victims = match.victims or victim.victims
    if victim.alias is not None:
        match.origin = match.amount.start  # "X said he was arrested": X may still be the source
        match.amount = victim.alias
    return match


def _phrase_end(sent: Any, amount: Amount) -> int:
    """The character end of an amount's victim phrase ("one U.S. soldier" ends after soldier)."""
    span = sent.doc.char_span(amount.start, amount.end, alignment_mode="expand")
    if span is None:
        return amount.end
    end = _victim_phrase(span)[0]
    last = sent.doc[max(span.end, end) - 1]
    return last.idx + len(last)


def _listed(span: Any, amount: Amount, matches: list[_Match]) -> _Match | None:
    """The next item of a list after a backward claim: "killed a scientist and nine soldiers"."""
    if not matches or not matches[-1].backward or matches[-1].np_end < 0:
        return None
    doc, previous = span.doc, matches[-1]
    between = [t.lower_ for t in doc[previous.np_end:span.start]]
    if between not in (["and"], [","], [",", "and"]) or not previous.kind:
        return None
    end, victims, klass = _victim_phrase(span)
    if klass == "other" or (end < len(doc) and doc[end].lemma_.lower() in cues.SPEECH_LEMMAS):
        return None  # "killing 23 civilians, the governor said": the speaker ends no list
    return _Match(amount, previous.kind, victims, previous.cue, backward=True)


def _not_a_count(span: Any, amount: Amount) -> bool:
    """Years, subsets ("including nine children"), ages, clock times: not claims of their own."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in cues.SUBSET_BEFORE:
        return True
    if span.start > 1 and before.lower_ == "of" and span.doc[span.start - 2].lower_ == "out":
        return True  # the 19 of "13 out of 19 crew members" is the whole, not the harmed
    if before is not None and before.lower_ in ("aged", "age", "ages", "$", "£", "€", "no", "number"):
        return True
    before_text = span.doc.text[max(span.sent.start_char, span.start_char - 50):span.start_char]
    if cues.CAPACITY_BEFORE.search(before_text):
        return True
    bare = amount.text.strip()
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d", bare)) and not _next_is_person(span)


def _next_is_person(span: Any) -> bool:
    """True when a person noun follows the amount ("2000 people")."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and context.is_person_noun(nxt)


def _victim_phrase(span: Any) -> tuple[int, str | None, str]:
    """Scan the victim noun phrase after the amount: (index after it, victims, class).

    The class is "none" (no noun), "person", a harm kind for harm nouns, or "other" (a noun
    that is not people: "12 rockets", "100,000 residents" still counts as people).
    """
    doc = span.doc
    i, end = span.end, min(len(span.doc), span.end + 8)
    if i + 2 < len(doc) and doc[i].lower_ == "out" and doc[i + 1].lower_ == "of" \
            and doc[i + 2].like_num:
        i, end = i + 3, min(len(doc), end + 3)  # "13 out of 19 crew members": 13 is the count
    while i < end and doc[i].lower_ in cues.AFTER_AMOUNT - {"people"}:
        i += 1
    after_more = i
    if i + 1 < end and doc[i].lower_ == "of" and doc[i + 1].lower_ in ("them", "whom", "those"):
        return i + 2, None, "none"
    partitive = i < end and doc[i].lower_ == "of"
    if partitive:
        i += 1
        end = min(len(doc), end + 6)  # "One of the Islamic State group's most senior leaders"
        while i < end and doc[i].lower_ in ("the", "its", "their", "these", "those"):
            i += 1
    words: list[Any] = []
    while i < end and (_is_np_token(doc[i]) or (partitive and words and (
            doc[i].tag_ == "POS" or doc[i].lower_ in ("most", "more", "top", "very")))):
        words.append(doc[i])
        i += 1
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN") or t.lower_ in cues.HARM_NOUNS]
    if not nouns:
        return (after_more, None, "none") if not words else (i, None, "other")
    head = nouns[-1]
    if head.lower_ in cues.HARM_NOUNS:
        return i, _victims_text(words[:-1]), cues.HARM_NOUNS[head.lower_]
    if context.is_person_noun(head):
        # "12 members of the security forces", "residents of the town"
        if i + 1 < len(doc) and doc[i].lower_ == "of" and head.lower_ in context.GROUP_HEADS:
            i += 1
            while i < len(doc) and (doc[i].pos_ in ("DET", "ADJ", "NOUN", "PROPN")) and i < end + 6:
                i += 1
        return i, _victims_text(words), "person"
    return i, None, "other"


def _is_np_token(token: Any) -> bool:
    """A word that can sit inside a victim noun phrase (not a cue, not a verb, not punctuation)."""
    low = token.lower_
    if low in cues.BRIDGE or any(cue[0] == low for cue in cues.FORWARD_CUES):
        return False
    if token.ent_type_ in ("DATE", "TIME"):
        return False  # "144 deaths Sunday": the day is not part of the victims
    if low in cues.HARM_NOUNS:
        return True
    if token.tag_ in ("VBN", "VBG") and token.dep_ == "amod" and token.i > 0 \
            and token.doc[token.i - 1].text == "-":
        return True  # "coronavirus-related deaths", "conflict-affected families"
    return token.pos_ in ("ADJ", "NOUN", "PROPN") or (token.text == "-" and token.whitespace_ == "")


def _victims_text(words: list[Any]) -> str | None:
    """The victims as written, lowercased unless proper; None for generic "people"."""
    words = [w for w in words if w.pos_ != "DET"]
    if not words or all(w.lower_ in cues.GENERIC_VICTIMS for w in words):
        return None
    parts = [w.text if w.pos_ == "PROPN" or w.ent_type_ in ("NORP", "GPE", "ORG") else w.lower_
             for w in words]
    joined = "".join(part + (" " if w.whitespace_ else "") for part, w in zip(parts, words))
    return re.sub(r"\s*-\s*", "-", joined).strip("\"' ")


def _forward(span: Any, amount: Amount, single: bool = False) -> _Match | None:
    """AMOUNT [victims] [aux] CUE."""
    doc = span.doc
    if single:
        possessive = _possessive_harm(span)
        if possessive is not None:
            return _Match(amount, cues.POSSESSIVE_HARM[possessive.lower_], None, possessive)
        stay = phrases.possessive_custody(span)  # "X's years in prison", "X's trial and detention"
        if stay is not None:
            return _Match(amount, "arrested", None, stay)
    i, victims, klass = _victim_phrase(span)
    elided = i == span.end or (span.end < len(doc) and doc[span.end].lower_ in cues.AFTER_AMOUNT - {"people"})
    if klass == "other":
        return None
    if klass not in ("none", "person"):
        return _Match(amount, klass, victims, doc[i - 1], elided=False)
    i = _skip_aside(doc, i)
    if _cue_at(doc, i) is None:  # "people in need are ...": "in need" is the cue, not a place
        i = phrases.skip_dates(doc, phrases.skip_place_phrase(doc, i))
    had_bridge = False
    while i < len(doc) and doc[i].lower_ in cues.BRIDGE | cues.NEGATIONS and doc[i].sent == span.sent:
        if doc[i].lower_ in cues.NEGATIONS:
            return None
        if doc[i].lower_ in ("could", "would", "might") and i + 1 < len(doc) \
                and doc[i + 1].lower_ == "have":
            return None  # "she could have drowned": a counterfactual, not a report
        # "who" alone keeps the active voice: "an official who held the post" held no one
        # and "has held rallies" is active: only be/get make a passive
        had_bridge = had_bridge or (doc[i].pos_ == "AUX" and doc[i].lemma_.lower() in (
            "be", "get")) or doc[i].lower_ in ("left", "found", "been", "being", "got")
        i += 1
    cue = _cue_at(doc, i)
    if cue is None:
        custody = phrases.custody_after(doc, i)  # "ordered X back to prison"
        return _Match(amount, "arrested", victims, custody) if custody is not None else None
    (kind, transitive), length = cue
    after = doc[i + length] if i + length < len(doc) else None
    if doc[i].lower_ == "held" and length == 1 and (
            after is None or after.lower_ in cues.HELD_NOT_DETAINED or after.pos_ == "ADJ"):
        return None  # "was held responsible", "held talks", "the vote was held"
    if transitive and not had_bridge and after is not None and _starts_object(after):
        if doc[i].dep_ == "amod" and after.pos_ in ("NOUN", "PROPN"):  # "2 million displaced people"
            return _Match(amount, kind, _victims_text([after]), doc[i], elided=False)
        return None  # active voice: the amount did the killing
    if klass == "none" and not elided and victims is None and kind is None:
        return None
    if kind is None:  # "killed or wounded": at most N of them were killed
        return _combined(amount, victims, doc[i])
    return _Match(amount, kind, victims, doc[i], elided=elided)


def _combined(amount: Amount, victims: str | None, cue: Any, backward: bool = False
              ) -> _Match | None:
    """A killed-and-wounded toll as a killed claim with only its upper bound, or None."""
    high = amount.high
    if high is None:
        return None  # "at least 40 killed or wounded": nothing known about the dead alone
    bounded = Amount(amount.text, amount.start, amount.end, None, high, amount.approximate,
                     amount.vague)
    return _Match(bounded, "killed", victims, cue, backward=backward)


def _possessive_harm(span: Any) -> Any:
    """The nominal in "Mhlanga's arrest" / "his client's killing" (not "X's killing of Y")."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].tag_ == "POS":
        i += 1
    while i < len(doc) and doc[i].pos_ == "ADJ" and i - span.end < 3:  # "Lai's unjust detention"
        i += 1
    if i < len(doc) and doc[i].lower_ in cues.POSSESSIVE_HARM and i > span.end and (
            doc[span.end].tag_ == "POS" or span[-1].tag_ == "POS"):
        if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
            return None  # the possessor did it: "Trump's killing of the leader"
        if doc[i].dep_ == "compound" or (i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN"):
            return None  # "Guantanamo Bay's detention center"
        if phrases.unrealised(doc, span.start):
            return None  # "to plan Alinejad's murder"
        return doc[i]
    return None


def _skip_aside(doc: Any, i: int) -> int:
    """Skip ", including three children," or "(most of them civilians)" after the victims."""
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in ("who", "which"):
        return i + 1  # "journalist Daphne Caruana Galizia, who was killed"
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in ("a", "an", "the"):
        for j in range(i + 2, min(len(doc), i + 16)):  # "Lai, a 77-year-old British national,"
            if doc[j].text == ",":
                return j + 1 if j + 1 < len(doc) and doc[j + 1].lower_ in cues.BRIDGE else i
            if doc[j].pos_ in ("VERB", "AUX"):
                return i
    if i < len(doc) and doc[i].text in ("\u2013", "\u2014", "-", "--"):
        for j in range(i + 1, min(len(doc), i + 8)):  # "1 million people – mostly Uyghurs –"
            if doc[j].text == doc[i].text:
                return j + 1
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in (
            "including", "among", "most", "many", "mostly", "mainly", "all", "some", "half"):
        for j in range(i + 2, min(len(doc), i + 14)):
            if doc[j].text == ",":
                return j + 1
    if i < len(doc) and doc[i].lower_ in ("including", "among"):
        for j in range(i + 1, min(len(doc), i + 8)):
            if doc[j].lower_ in cues.BRIDGE or _cue_at(doc, j) is not None:
                return j
    if i < len(doc) and doc[i].text == "(":
        for j in range(i + 1, min(len(doc), i + 14)):
            if doc[j].text == ")":
                return j + 1
    return i


def _cue_at(doc: Any, i: int) -> tuple[tuple[str | None, bool], int] | None:
    """The longest forward cue starting at token i, with its length in tokens."""
    for length in (5, 4, 3, 2, 1):
        words = tuple(t.lower_ for t in doc[i:i + length])
        if len(words) == length and words in cues.FORWARD_CUES:
            return cues.FORWARD_CUES[words], length
    return None


def _starts_object(token: Any) -> bool:
    """True for a token that opens a direct object: "killed [three] soldiers", "killed [the] man"."""
    return token.pos_ in ("DET", "NUM", "PROPN", "NOUN", "PRON", "ADJ") and token.lower_ not in (
        "last", "this", "early", "late", "overnight", "yesterday", "today")


def _backward(span: Any, amount: Amount, single: bool = False) -> _Match | None:
    """CUE [another] AMOUNT [victims]: "killing 12", "the death toll to 31"."""
    doc = span.doc
    lives = phrases.lives_claimed(span)  # "the flood claimed 40 lives"
    if lives is not None:
        return _Match(amount, "killed", None, lives, backward=True)
    _, victims, klass = _victim_phrase(span)
    if klass == "other":
        return None
    j = span.start - 1
    while j >= span.sent.start and doc[j].lower_ in cues.BEFORE_SKIP and span.start - j < 4:
        j -= 1
    if single:
        attributive = phrases.attributive_harm(span)
        if attributive is not None:
            return _Match(amount, cues.ATTRIBUTIVE_HARM[attributive.lower_], None, attributive,
                          backward=True)
    violent = phrases.violent_before(span, single or klass == "person", single)
    if violent is not None:  # "eliminated the rebel commander", "gunmen shot dead 6"
        return _Match(amount, violent[0], victims, violent[1], backward=True)
    if j >= span.sent.start and doc[j].lower_ in cues.BACKWARD_CUES:
        verb = doc[j]
        if j >= 2 and doc[j - 1].lower_ in ("and", "or") and doc[j - 2].lower_ in cues.BACKWARD_CUES:
            kinds = {cues.BACKWARD_CUES[verb.lower_], cues.BACKWARD_CUES[doc[j - 2].lower_]}
            if kinds == {"killed", "wounded"}:  # "killed and injured 1,000"
                return _combined(amount, victims, doc[j - 2], backward=True)
            return None
        if j > 0 and doc[j - 1].lower_ in ("was", "were", "been", "being", "be", "is", "are"):
            return None  # passive: "were killed 12 km away"
        if j > 0 and doc[j - 1].lower_ in cues.INFINITIVE and not (
                j > 1 and doc[j - 2].lower_ in cues.DECIDED):  # "the decision to reimprison X"
            return None  # "tried to kill the journalist", "plans to evacuate 300": not done
        return _Match(amount, cues.BACKWARD_CUES[verb.lower_], victims, verb, backward=True)
    before = doc.text[max(span.sent.start_char, span.start_char - 100):span.start_char]
    if cues.ACCESS_BEFORE.search(before[-40:]) and cues.HUMANITARIAN.search(span.sent.text):
        return _Match(amount, "affected", victims, None, backward=True)
    trend = cues.TREND_BEFORE.search(before)
    if trend:
        return _Match(amount, "killed", victims, None, backward=True, cumulative=True)
    before = before[-60:]
    nominal = cues.NOMINAL_BEFORE.search(before)
    if nominal:
        if nominal.group("hurt") is not None:
            kind = "wounded"
        elif nominal.group("toll") is not None or not nominal.group("noun"):
            kind = "killed"
        else:
            kind = cues.NOMINAL_KINDS[nominal.group("noun").lower()]
        if nominal.group("noun") is None and nominal.group("hurt") is None \
                and "toll" not in nominal.group(0).lower():
            return None
        cue = doc.char_span(span.start_char - len(before) + nominal.start(),
                            span.start_char - len(before) + nominal.end(), alignment_mode="expand")
        return _Match(amount, kind, victims, cue.root if cue is not None else None, backward=True)
    return None


def _coordinated_victims(span: Any) -> str | None | bool:
    """For "12 soldiers and 3 civilians were killed": the victims of 12 if another amount follows."""
    i, victims, klass = _victim_phrase(span)
    doc = span.doc
    if klass != "person" or i + 1 >= len(doc) or doc[i].lower_ not in ("and", ","):
        return False
    nxt = doc[i + 1]
    return victims if nxt.like_num or nxt.lower_ in ("at", "more", "about", "some", "dozens",
                                                      "hundreds", "thousands", "another") else False


def _claim(article: Article, sent: Any, match: _Match, source: context.Source,
           number: int) -> Casualty:
    """Build the Casualty record for one match, with its context filled in."""
    amount = match.amount
    cue = match.cue
    claim_source = source
    weapon, perpetrator = scene.weapon_and_perpetrator(article, sent, cue, match.backward,
                                                         claim_source)
    cumulative = match.cumulative or scene.is_cumulative(sent, amount)
    window, fallback = scene.date_for(article, sent, amount, claim_source, cumulative), False
    if window is None:
        # no date in the sentence's scene: the paragraph's current date, else publication (flagged)
        window, fallback = governing_date(article, amount.start, amount.end)
    return Casualty(
        id=f"c{number}", kind=match.kind or "killed", low=amount.low, high=amount.high,
        text=amount.text, start=amount.start, end=amount.end,
        source=claim_source.name, source_id=claim_source.entity_id, victims=match.victims,
        place_id=scene.place_for(article, sent, cue, amount, claim_source),
        date=window, date_fallback=fallback,
        perpetrator=perpetrator, weapon=weapon, cumulative=cumulative,
        sentence_start=sent.start_char, sentence_end=sent.end_char,
    )
