"""Events stage: sentence-level actor-action-target records coded to PLOVER, CAMEO and ACLED.

Reads: `text`, `doc` (spaCy parse), `entities`, `places`, `dates`, `quotes`, `casualties`
(each may be empty).  Fills: `events`.

Method: trigger words from the lexicon in `newsevents.ontology` (verbs first, nouns such as
"air strikes" or "talks" too; matching in `event_triggers.py`), roles from the dependency parse (subject -> actor, object ->
target, passive "by" agent -> actor), then context from the same sentence: place (else, for
events on the ground, the paragraph's, the dateline's or the article's main place, flagged
`place_fallback`: `event_place.py`), date (else the paragraph's, else publication flagged
`date_fallback`), casualties, the reporting source and quote, negation and hypothetical/future
modality.
"""

from __future__ import annotations

import re
from typing import Any

from .. import ontology as ont
from ..model import Actor, Article, Event
from .event_acled import refine_acled
from .event_place import SAID_TYPES, fallback_place
from .event_triggers import _Trigger, _admissible, _content_tokens, _light_verb, _match
from .event_roles import (
    _behind, _condition_subject, _consult_mode, _cue_from, _cue_mode, _custodian, _deep_target,
    _negotiating_party, _noun_actor, _object, _placed_under, _protest_target, _purpose_target, _who_died,
)
from .event_context import (
    _acled, _actor, _actor_like, _cameo, _dated, _hypothetical,
    _negated, _place, _prep_object, _source, _subject,
)

_VERBAL = frozenset("AGREE CONSULT SUPPORT CONCEDE REQUEST ACCUSE REJECT THREATEN".split())
_CASUALTY_TYPES = frozenset("ASSAULT COERCE PROTEST MOBILIZE".split())
_NOT_ACTOR_ENTS = frozenset("DATE TIME CARDINAL ORDINAL QUANTITY MONEY PERCENT".split())
_PARAGRAPH = re.compile(r"\n\s*\n")
_LOCAL_SECTORS = frozenset({"civilians", "protesters", "police", None})
_PLACE_COUNTRY_SECTORS = frozenset({"civilians", "protesters", "police", "rebels", "insurgents"})



def code_events(article: Article, resources: Any) -> Article:
    """Code every sentence of the article into zero or more PLOVER events."""
    doc = article.doc
    article.events = []
    if doc is None or not article.text.strip():
        return article
    events: list[Event] = []
    for start, end in _sentence_spans(article.text, doc):
        tokens = [t for t in doc if start <= t.idx < end]
        for trig in _sentence_triggers(tokens):
            event = _build_event(article, trig, start, end)
            if event is not None:
                events.append(event)
    for number, event in enumerate(events, 1):
        event.id = f"v{number}"
    article.events = events
    refine_acled(article)  # sub-types need every event of the sentence, so after coding
    return article


# --- sentences and triggers ---------------------------------------------------------------

def _sentence_spans(text: str, doc: Any) -> list[tuple[int, int]]:
    """spaCy sentences, split again at blank lines (the parser merges quoted paragraphs)."""
    spans = []
    for sent in doc.sents:
        s_start, s_end = sent.start_char, sent.end_char
        cuts = [s_start] + [m.end() for m in _PARAGRAPH.finditer(text, s_start, s_end)] + [s_end]
        for a, b in zip(cuts, cuts[1:]):
            chunk = text[a:b]
            lead, trail = len(chunk) - len(chunk.lstrip()), len(chunk.rstrip())
            if chunk.strip():
                spans.append((a + lead, a + trail))
    return spans


def _sentence_triggers(tokens: list[Any]) -> list[_Trigger]:
    """Match, filter, recode and merge the triggers of one sentence."""
    matched = [t for t in (_match(tok) for tok in tokens) if t is not None]
    content = _content_tokens(tokens)
    triggers = []
    for trig in matched:
        if trig.tok.i in content or not _admissible(trig):
            continue
        _assign_roles(trig)
        triggers.append(trig)
    verbs = [t for t in triggers if not t.noun or _light_verb(t.tok) is not None]
    nouns = [t for t in triggers if t not in verbs]
    kept = list(verbs)
    for trig in nouns:
        same = any(v.type == trig.type for v in verbs)
        independent = trig.tok.dep_ in ("nsubj", "nsubjpass", "ROOT")
        if not verbs or same or independent:
            kept.append(trig)
    protests = {t.tok.i for t in kept if t.type == "PROTEST"}
    protests |= {t.tok.head.i for t in kept if t.type == "PROTEST" and _light_verb(t.tok) is not None}
    kept = [t for t in kept if not (t.type == "REQUEST" and t.tok.dep_ in ("acl", "advcl", "xcomp")
                                    and t.tok.head.i in protests)]  # "rallied, demanding ..."
    kept.sort(key=lambda t: t.tok.i)
    return _merge(kept)


# --- roles ---------------------------------------------------------------------------------

def _assign_roles(trig: _Trigger) -> None:
    """Actor and target tokens from the parse (active, passive, noun and light-verb forms)."""
    tok = trig.tok
    if trig.noun:
        placed = _placed_under(tok)
        if placed is not None:
            trig.actor, trig.target = placed
            return
        light = _light_verb(tok)
        trig.actor = _noun_actor(tok) or (_subject(light) if light is not None else None)
        carrier = tok.head if tok.dep_ == "compound" else tok  # "a mediation effort between"
        target = _prep_object(tok, ("on", "against", "of", "at", "with")) or \
            _prep_object(carrier, ("between", "against", "with"))
        trig.target = target if target is not None and target.ent_type_ not in _NOT_ACTOR_ENTS \
            else None
        if trig.type == "ASSAULT" and _who_died(tok) is not None:
            trig.target = trig.target or _who_died(tok)  # "a prisoner died of torture"
            trig.actor = trig.actor or _custodian(tok)  # "... while in police custody"
        if trig.target is None:
            trig.target = _deep_target(tok, trig.actor, trig.class_noun)
        if trig.target is None and light is not None:  # "staged rallies against X"
            trig.target = _deep_target(light, trig.actor, tok,
                                       purpose=trig.type == "PROTEST")
        trig.target = _behind(trig.target)
        return
    participle = tok.tag_ == "VBN" and tok.dep_ == "acl"  # "140 wounded by ...", "people killed"
    if participle and trig.type == "PROTEST" and _prep_object(tok, ("by",)) is None \
            and not any(c.dep_ == "agent" for c in tok.children):
        participle = False  # nobody is "protested": "Hundreds of students protested in Kabul"
    passive = participle or any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    agent = next((g for c in tok.children if c.dep_ == "agent"
                  for g in c.children if g.dep_ == "pobj"), None)
    if agent is not None and agent.lemma_.lower() in ont.NOUN_LEXICON | ont.NOUN_MODE_CUES:
        trig.mode = trig.mode or _cue_mode(agent, trig.type)
        agent = _noun_actor(agent) or (agent if _actor_like(agent) else None)  # "rocket
        # fire from X" -> X; "gunmen" is a weapon cue and an actor at once
    if agent is None and passive:  # "attacked by gunmen" parsed as a plain preposition
        agent = _prep_object(tok, ("by",))
    if passive:
        trig.actor = agent
        trig.target = tok.head if participle else next(
            (c for c in tok.children if c.dep_ == "nsubjpass"), None)
    else:
        trig.actor = _subject(tok)
        trig.target = _object(tok, trig.type, trig.class_noun)
        if trig.mode == "withdraw":  # "withdrew its troops from Lebanon": Lebanon
            trig.target = _prep_object(tok, ("from",)) or trig.target
    if trig.actor is not None and trig.target is None and trig.type in ("CONSULT", "ASSAULT"):
        trig.target = next((c for c in trig.actor.children if c.dep_ == "conj"), None)
    if trig.target is None and trig.class_noun is not None:
        trig.target = _behind(trig.class_noun)  # "prevented the rally staged by students"
        trig.target = None if trig.target is trig.class_noun else trig.target
    if trig.target is not None and not _actor_like(trig.target):
        trig.target = _behind(trig.target)  # "demolished Palestinian homes"
    if trig.target is None and trig.type == "THREATEN":
        trig.target = _condition_subject(tok)  # "... if the United States deploys missiles"
    if trig.target is None and trig.type == "ASSAULT":
        trig.target = _purpose_target(tok, trig.actor)  # "opened fire to disperse protesters"
    if trig.target is None:
        trig.target = _deep_target(tok, trig.actor, trig.class_noun)
    if trig.target is None and trig.type in ("CONCEDE", "AGREE", "RETREAT"):
        trig.target = _negotiating_party(tok)  # "called off the strike after talks with X"
    if trig.type == "ASSAULT":
        trig.mode = trig.mode or _cue_mode(tok, trig.type)
        if trig.actor is not None and "suicide" in {t.lemma_.lower() for t in trig.actor.subtree}:
            trig.mode = "suicide-attack"  # "a suicide bomber blew himself up"


# --- merging -------------------------------------------------------------------------------

def _merge(triggers: list[_Trigger]) -> list[_Trigger]:
    """One event per type per sentence unless the actors differ ("killed ... in air strikes")."""
    merged: list[_Trigger] = []
    for trig in triggers:
        host = next((m for m in merged if m.type == trig.type
                     and (m.actor is None or trig.actor is None
                          or m.actor.lemma_ == trig.actor.lemma_)), None)
        if host is None:
            trig.parts = [trig]
            merged.append(trig)
            continue
        host.parts.append(trig)
        if host.noun and not trig.noun and trig.target is not None and not host.verb_target:
            host.target = trig.target  # the verb's object beats the noun's "near X" (the first
            host.verb_target = True  # verb's: "killed a soldier and wounded two others")
        if trig.lex_mode and not host.lex_mode:  # the more specific trigger names the event
            host.tok, host.key, host.mode, host.noun = trig.tok, trig.key, trig.mode, trig.noun
            host.lex_mode = True
            host.target = trig.target or host.target
        host.actor = host.actor or trig.actor
        host.target = host.target or trig.target
    return merged


# --- building the record -------------------------------------------------------------------

def _build_event(article: Article, trig: _Trigger, start: int, end: int) -> Event | None:
    """Turn a trigger into an Event with its context; None for non-events ("the war killed")."""
    tok = trig.tok
    _recode_embedded_request(trig)
    negated = any(_negated(p.tok) for p in trig.parts or [trig])
    _recode_intent(trig, negated)
    if trig.type == "REJECT" and negated:
        negated = False  # "will not accept" is the rejection itself
    if trig.type == "COERCE" and trig.mode == "restrict" and _obstruction(article, trig):
        trig.type, trig.mode = "PROTEST", "obstruct"  # protesters blocking a road
    if trig.type == "PROTEST":
        trig.target = _protest_target(tok, trig.actor, trig.target)
    if trig.type == "AGREE" and _content_type(tok) in ("ASSAULT", "COERCE"):
        trig.type, trig.mode = "THREATEN", "violence"  # "vowed to retaliate"
    if trig.type in ("REQUEST", "REJECT") and trig.mode is None:
        trig.mode = _cue_from(tok, ont.REQUEST_MODE_CUES)
    if trig.type == "THREATEN" and trig.mode is None:
        trig.mode = _cue_from(tok, ont.THREATEN_MODE_CUES)
    if trig.type == "CONSULT" and trig.mode is None:
        trig.mode = _consult_mode(tok)
    casualties = [c for c in article.casualties if start <= c.start < end]
    if trig.type == "ASSAULT" and _abstract_actor(trig.actor):
        if not casualties or all(c.cumulative for c in casualties) or trig.actor.lemma_ == "war":
            return None
        trig.actor = None
    if trig.type == "ASSAULT" and trig.actor is not None \
            and trig.actor.lemma_.lower() in ont.MUNITION_NOUNS:
        trig.actor = None  # its "at a market in Mogadishu" is then the event's place too
    actor = _actor(article, trig.actor)
    target = _actor(article, trig.target)
    place_id = _place(article, trig, start, end)
    # the parties' country may come from a place the words are about ("urged residents of
    # Aleppo to leave"), even where the verbal event itself is not located there
    context_id = place_id if trig.type not in SAID_TYPES else _place(article, trig, start, end,
                                                                       scene=False)
    if target is not None and target.country is None and target.sector in _LOCAL_SECTORS:
        place = article.place(context_id)  # unnamed victims are people of the place hit
        target.country = place.country if place is not None else None
        if actor is not None and actor.sector == "police" and actor.country \
                and target.sector in ("civilians", "protesters"):
            target.country = actor.country  # police act at home: their crowd is local too
    if actor is not None and actor.country is None and actor.sector in _PLACE_COUNTRY_SECTORS:
        # ACLED's convention for unidentified groups ("Unidentified Armed Group (Nigeria)"):
        # unnamed rebels, gunmen, protesters and police belong to the country they act in
        place = article.place(context_id)
        actor.country = place.country if place is not None else None
    place_fallback = False
    if place_id is None:  # after the countries: a place from context does not name the actors'
        hypothetical = False if trig.speaker_request else _hypothetical(tok)
        parties = (actor.country if actor else None, target.country if target else None)
        place_id = fallback_place(article, trig.type, start, end, tok.idx,
                                  not (negated or hypothetical), parties)
        place_fallback = place_id is not None
    source, quote_id = _source(article, tok, start, end)
    if source is None and trig.type in _VERBAL and actor is not None:
        source = actor.name  # the speaker of the speech act is on record
    t_start, t_end = _trigger_span(trig)
    window, fallback = _dated(article, trig, start, end, (t_start, t_end))
    return Event(
        id="", type=trig.type, start=start, end=end, mode=trig.mode,
        cameo=_cameo(trig), acled=_acled(trig, actor, target),
        actor=actor, target=target, place_id=place_id,
        date=window, date_fallback=fallback, place_fallback=place_fallback,
        source=source, quote_id=quote_id,
        casualty_ids=[c.id for c in casualties] if trig.type in _CASUALTY_TYPES else [],
        negated=negated,
        hypothetical=False if trig.speaker_request else _hypothetical(tok),
        trigger=article.text[t_start:t_end], trigger_start=t_start, trigger_end=t_end,
    )


def _obstruction(article: Article, trig: _Trigger) -> bool:
    """Blocking by protesters, or by anyone but the state when roads or traffic are blocked."""
    sector = (_actor(article, trig.actor) or Actor("")).sector if trig.actor is not None else None
    if sector in ("civilians", "protesters"):
        return True
    blocked = {t.lemma_.lower() for c in trig.tok.children if c.dep_ == "dobj" for t in c.subtree}
    return bool(blocked & ont.OBSTRUCTED) and sector not in ont.STATE_SECTORS


def _recode_embedded_request(trig: _Trigger) -> None:
    """"X said Y must let aid in" is a REQUEST by X of Y, not an event by Y."""
    tok = trig.tok
    if trig.noun or not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children):
        return
    if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in ont.REPORTING_VERBS:
        return
    speaker = _subject(tok.head)
    if speaker is None:
        return
    embedded = trig.type
    trig.type, trig.actor, trig.target = "REQUEST", speaker, _subject(tok)
    trig.speaker_request = True
    trig.mode = {"CONCEDE": "yield", "RETREAT": "yield", "CONSULT": "meet", "AID": "assist",
                 "COOPERATE": "assist"}.get(embedded, "change")


def _content_type(tok: Any) -> str | None:
    """The PLOVER type of the first event word inside a verbal act's complement."""
    for child in tok.children:
        if child.dep_ in ("xcomp", "ccomp"):
            for verb in [child] + [c for c in child.children if c.dep_ == "conj"]:
                trig = _match(verb)
                if trig is not None:
                    return trig.type
    return None


def _intended(tok: Any) -> bool:
    """Announced or intended, not merely possible: "will", "would", "plans to", "ready to"."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall", "wo")
           for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ont.INTENT_GOVERNORS


def _pledged(tok: Any) -> bool:
    """An intention someone states: "would", "ready to", or a clause someone says or announces."""
    if any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in tok.children):
        return True
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ont.INTENT_GOVERNORS:
        return True
    head = tok.head if tok.dep_ in ("ccomp", "xcomp") else None
    return head is not None and head.lemma_.lower() in ont.REPORTING_VERBS


def _recode_intent(trig: _Trigger, negated: bool) -> None:
    """PLOVER reads intentions by type: cooperative ones are AGREE, coercive ones THREATEN,
    and a refused agreement ("will not accept") is a REJECT."""
    tok = trig.tok
    if trig.type == "AGREE" and negated:
        trig.type, trig.mode = "REJECT", None
        return
    if trig.noun and tok.dep_ == "dobj" and trig.type in ("COERCE", "SANCTION"):
        tok = tok.head  # "will extend the curfew", "would tighten the blockade"
        trig.actor = trig.actor or _subject(tok)
    elif trig.noun:
        return
    if negated or not _intended(tok) or trig.speaker_request:
        return
    if trig.type in ("CONSULT", "SUPPORT") and not _pledged(tok):
        return  # "the leaders will meet next week" is a scheduled meeting, not a pledge
    if trig.type in ont.INTENT_AGREE_TYPES:
        trig.type, trig.mode = "AGREE", None
    elif trig.type in ont.INTENT_THREATEN_DEFAULTS and trig.actor is not None:
        mode = ont.INTENT_THREATEN_MODES.get((trig.type, trig.mode),
                                            ont.INTENT_THREATEN_DEFAULTS[trig.type])
        trig.type, trig.mode = "THREATEN", mode


def _abstract_actor(tok: Any) -> bool:
    return tok is not None and tok.lemma_.lower() in ont.NON_ACTOR_NOUNS


def _trigger_span(trig: _Trigger) -> tuple[int, int]:
    """The trigger word, widened to its particle ("pull out") or weapon modifier ("air strikes")."""
    tok = trig.tok
    left, right = tok.idx, tok.idx + len(tok.text)
    for child in tok.children:
        near = abs(child.i - tok.i) <= 2
        if near and (child.dep_ == "prt" or (trig.noun and child.dep_ in ("compound", "amod")
                                             and child.lemma_.lower() in ont.NOUN_MODE_CUES)):
            left, right = min(left, child.idx), max(right, child.idx + len(child.text))
    return left, right
