"""Event triggers: which words of a sentence start an event, and with what provisional coding.

A token triggers when the PLOVER lexicon (`newsevents.ontology`) has a rule for its lemma (a
verb, a phrasal verb, or a noun such as "air strikes" or "talks") and the rule's conditions
hold in the parse; `_admissible` then rejects matches that are not events in their position
(a weapon named in a compound, a noun after "since", a denial whose denied act is coded).
Used by the events stage (events.py), which assigns roles, merges and builds the records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import ontology as ont
from .event_context import _actor_like, _complement_lemmas, _loose_conj

_TEMPORAL_PREPS = frozenset("after before since during following ahead until amid despite".split())
_GENERIC_NOUNS = frozenset("fighting unrest clash".split())
# Heads that carry the event of their compound ("a mediation effort", "a bombing campaign").
_CARRIER_NOUNS = frozenset("effort campaign bid initiative mission".split())
# "remained on alert", "were on alert": the subject of these verbs holds the state.
_STATE_VERBS = frozenset("remain be stay go".split())
_NEEDS_CUE = frozenset({"fire"})


@dataclass
class _Trigger:
    """A matched trigger word with its provisional coding."""

    tok: Any
    key: str  # the lexicon key that matched ("call for", "shell")
    type: str
    mode: str | None
    noun: bool
    actor: Any = None
    target: Any = None
    parts: list[Any] = field(default_factory=list)  # merged triggers of the same event
    speaker_request: bool = False  # "X said Y must ..." recoded as REQUEST
    lex_mode: bool = False  # the mode came from the lexicon entry itself, not from context
    class_noun: Any = None  # the object that selected the rule ("delegation" in "send a ...")
    verb_target: bool = False  # a merged verb already gave the target


def _match(tok: Any) -> _Trigger | None:
    """The lexicon rule this token triggers, if any."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound"):
        keys = [f"{lemma} {c.lower_}" for c in tok.children if c.dep_ in ("prt", "prep")]
        keys += [f"{lemma} {c.lemma_.lower()}" for c in tok.children if c.dep_ == "dobj"]
        for key in keys + [lemma]:
            rules = ont.VERB_LEXICON.get(key)
            if rules:
                rule = _pick_rule(rules, _complement_lemmas(tok))
                if rule is None:
                    return None
                return _Trigger(tok, key, rule[0], rule[1], noun=False,
                                lex_mode=rule[1] is not None, class_noun=_class_noun(tok, rule))
        if _must_clause(tok):  # "X said Y must drop its barriers": a demand by X
            return _Trigger(tok, lemma, "REQUEST", None, noun=False)
        return None
    if tok.pos_ in ("NOUN", "PROPN") and lemma in ont.NOUN_LEXICON:
        etype, mode, _ = ont.NOUN_LEXICON[lemma][0]
        etype, mode = _noun_mode(tok, lemma, etype, mode)
        if etype is None:
            return None
        return _Trigger(tok, lemma, etype, mode, noun=True, lex_mode=mode is not None)
    return None


def _must_clause(tok: Any) -> bool:
    """A "must"/"should" clause reported by someone ("she said Damascus must let ...")."""
    return (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in ont.REPORTING_VERBS
            and any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children))


def _pick_rule(rules: list[ont.Rule], lemmas: set[str]) -> ont.Rule | None:
    """The first rule whose object class is among the trigger's complements."""
    for rule in rules:
        cls = rule[2]
        if cls is None or lemmas & ont.WORD_CLASSES.get(cls, frozenset()):
            return rule
    return None


def _class_noun(tok: Any, rule: ont.Rule) -> Any:
    """The object whose word class selected the rule; it is the thing acted on, not a target."""
    if rule[2] is None:
        return None
    words = ont.WORD_CLASSES.get(rule[2], frozenset())
    return next((t for t in tok.subtree if t.lemma_.lower() in words), None)


def _modifier_lemmas(tok: Any) -> list[str]:
    """Lemmas of the words that modify a noun ("air" in "air strikes", "hunger strike")."""
    return [c.lemma_.lower() for c in tok.children
            if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]


def _noun_mode(tok: Any, lemma: str, etype: str, mode: str | None
               ) -> tuple[str | None, str | None]:
    """Refine a noun trigger from its modifiers; None when it is not an event here."""
    cues = [ont.NOUN_MODE_CUES[m] for m in _modifier_lemmas(tok) if m in ont.NOUN_MODE_CUES]
    protest = next((c for c in cues if c[0] == "PROTEST"), None)
    assault = next((c for c in cues if c[0] == "ASSAULT"), None)
    if lemma == "strike":
        on_strike = tok.head.lower_ == "on" or tok.head.lemma_ in ont.PROTEST_STRIKE_VERBS
        if protest or (on_strike and not assault):
            return "PROTEST", protest[1] if protest else "strike-lim"
    if lemma in _NEEDS_CUE and not assault:
        return None, None
    if etype == "ASSAULT" and assault:
        return etype, assault[1]
    if etype == "PROTEST" and (tok.head.lemma_.lower() in ("lodge", "file") or {
            "official", "formal", "diplomatic"} & set(_modifier_lemmas(tok))):
        return "ACCUSE", "disapprove"  # a government's formal protest is a complaint (CAMEO 11)
    if etype == "MOBILIZE" and "joint" in _modifier_lemmas(tok):
        return "COOPERATE", None  # joint exercises are cooperation, single-country ones posture
    if etype == "CONSULT":
        phone = next((c for c in cues if c[0] == "CONSULT"), None)
        return etype, phone[1] if phone else mode
    return etype, mode


def _light_verb(tok: Any) -> Any:
    """The light verb whose object this noun is ("launched air strikes", "launched a mediation
    effort"), or the state verb of "troops remained on alert", if any."""
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in _CARRIER_NOUNS:
        tok = tok.head  # "a mediation effort": the effort carries the mediation
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ont.LIGHT_VERBS:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_.lower() in _STATE_VERBS:
        return tok.head.head
    return None


def _content_tokens(tokens: list[Any]) -> set[int]:
    """Token indices inside what a verbal act asks, threatens, rejects or alleges."""
    inside: set[int] = set()
    for tok in tokens:
        rules = ont.VERB_LEXICON.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        if not rules and tok.pos_ == "VERB":
            phrasal = [f"{tok.lemma_.lower()} {c.lower_}" for c in tok.children
                       if c.dep_ in ("prt", "prep")]
            rules = next((ont.VERB_LEXICON[k] for k in phrasal if k in ont.VERB_LEXICON), None)
        if not rules or rules[0][0] not in ont.CONTENT_TAKING_TYPES:
            continue
        if tok.lemma_.lower() in ont.NEGATING_GOVERNORS and tok.lemma_.lower() == "deny":
            continue
        for child in tok.children:
            conditional = child.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in child.children)
            if conditional or child.dep_ in ("xcomp", "ccomp", "dobj", "prep", "dative", "pcomp"):
                loose = {t.i for c in child.subtree if _loose_conj(c) for t in c.subtree}
                inside.update(t.i for t in child.subtree if t.i not in loose)
    return inside


def _admissible(trig: _Trigger) -> bool:
    """Reject matches that are not events in this position."""
    tok = trig.tok
    if trig.noun:
        if tok.dep_ == "compound" and tok.head.lemma_.lower() not in _CARRIER_NOUNS:
            return False  # "rocket" in "rocket fire" only names the weapon
        if tok.head.dep_ == "prep" or tok.dep_ == "pobj":
            if tok.head.lower_ in _TEMPORAL_PREPS:
                return False
        if tok.lemma_.lower() in _GENERIC_NOUNS and not any(
                c.dep_ == "prep" for c in tok.children) and tok.dep_ not in ("nsubj",):
            return False
        return True
    lemma = tok.lemma_.lower()
    if lemma == "deny" and any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return False  # the denied event is coded, negated
    if lemma == "warn":
        return _is_threat(tok, trig)
    return True


def _is_threat(tok: Any, trig: _Trigger) -> bool:
    """A warning is a threat only when it warns someone, or of an action by the warner."""
    for child in tok.children:
        if child.dep_ in ("ccomp", "xcomp"):
            lemmas = {t.lemma_.lower() for t in child.subtree}
            for mode, cues in ont.THREATEN_MODE_CUES.items():
                if lemmas & cues:
                    trig.mode = mode
                    return True
        if child.dep_ == "dobj" and _actor_like(child):
            return True
    return False
