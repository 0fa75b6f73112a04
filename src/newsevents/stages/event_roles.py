"""Roles of an event trigger: who acts (noun events) and whom the action is aimed at, and the
mode cues in the words around it. Helpers of the events stage (`stages/events.py`), kept apart to keep each module small;
nothing here is a stage. Reads only the spaCy parse around a trigger token.
"""

from __future__ import annotations

from typing import Any

from .. import ontology as ont
from .event_context import _actor_like, _prep_object, _subject

_TALKS = frozenset("talk negotiation deliberation meeting consultation discussion".split())
_TRAVEL_VERBS = frozenset("come go return arrive travel fly head gather sit convene".split())
_PLACING_VERBS = frozenset("put place keep hold".split())  # "put under investigation"
_MATERIAL_TARGETS = frozenset("ASSAULT COERCE MOBILIZE".split())
_TARGET_PREPS = ("on", "against", "with", "at", "to", "into")
_NOT_ACTOR_ENTS = frozenset("DATE TIME CARDINAL ORDINAL QUANTITY MONEY PERCENT".split())

# Dependencies a target search may follow from the trigger: its complements, not its subject,
# adverbial clauses ("as street battles raged"), relative clauses or appositions (the parser
# hangs parenthesised names anywhere: "a renewal of the mandate for the mission (UNMIL)").
# A particle carries the preposition the parser hung on it ("kidnapped up to 12 engineers":
# up -> to -> engineers).
_TARGET_PATH = frozenset("dobj dative prep pobj xcomp ccomp amod compound poss conj pcomp attr "
                         "oprd nmod npadvmod prt".split())
_TARGET_ENTS = frozenset("GPE LOC NORP ORG PERSON FAC".split())
_NOT_TARGETS = frozenset("it its their his her them itself themselves one".split())
# Nouns that name another party even after "its"/"their": "charged its neighbour with ...".
_RELATIONAL = frozenset("neighbor neighbour partner ally rival enemy foe counterpart opponent "
                        "adversary".split())
# Verbs that state what a protest wants ("..., demanding the release of ...").
_PURPOSE_VERBS = frozenset("demand call press urge protest denounce condemn seek".split())
_ACCUSED_PREPS = ("over", "about", "against", "at")
# How many dependency steps a target search may go down: a target often sits under a chain of
# prepositions ("agreed to a one-year extension of the mandate for the mission in Liberia",
# "refused to commit to assistance to the US-led campaign"), each step being two arcs.
_DEPTH = 8
_LOCATIVE_PREPS = frozenset("in at near outside across through inside around".split())
_NON_TARGET_PREPS = frozenset("despite according after before since during following amid "
                              "because as like than via until ahead".split())


def _behind(tok: Any) -> Any:
    """The actor behind an abstract target: "violations by the security forces" -> forces,
    "Serbia's crackdown" -> Serbia, "Israeli air raids" -> Israeli, "the demonstration staged
    by students" -> students."""
    if tok is None or _actor_like(tok) or tok.ent_type_ in _TARGET_ENTS:
        return tok
    inner = next((c for c in tok.children if c.dep_ == "poss" and c.tag_ != "PRP$"
                  or c.dep_ in ("compound", "amod") and c.ent_type_ in ("NORP", "GPE", "ORG")), None)
    inner = inner if inner is not None else _prep_object(tok, ("by", "from", "for"))  # ("a camp
    # for refugees" was hit: the refugees are)
    if inner is None:  # ("military aid": a sector word describes the thing, not its owner)  # a participle names the doer: "the rally organised by students"
        inner = next((g for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                      for a in c.children if a.dep_ in ("agent", "prep") and a.lower_ == "by"
                      for g in a.children if g.dep_ == "pobj"), None)
    return inner if inner is not None and (_actor_like(inner) or inner.ent_type_ in _TARGET_ENTS) \
        else tok


def _own(tok: Any) -> bool:
    """"its troops": the actor's own, not a target ("its neighbour" is another party)."""
    return (tok.lemma_.lower() not in _RELATIONAL
            and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children))


def _condition_subject(tok: Any) -> Any:
    """Whom a threat is aimed at: the subject of its "if"/"unless" clause ("threatened to
    walk out if the United States deploys ..." -> United States)."""
    clauses = [tok] + [c for c in tok.children if c.dep_ == "xcomp"]  # "to stop talks if ..."
    for child in (c for clause in clauses for c in clause.children):
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                         for c in child.children):
            subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and (_actor_like(subject) or subject.ent_type_ in _TARGET_ENTS):
                return subject
    return None


def _deep_target(tok: Any, actor: Any, skip: Any = None, purpose: bool = False) -> Any:
    """The nearest actor-like word in the trigger's complements, breadth first: "demanded
    that the US cancel" -> US, "rejected an appeal from Gbagbo" -> Gbagbo, "an Indian
    proposal" -> Indian, "lifted a curfew in Montenegro" -> Montenegro."""
    banned = {t.i for t in actor.subtree} if actor is not None else set()
    if skip is not None:
        banned.add(skip.i)
    layer, seen = [tok], {tok.i}
    for _ in range(_DEPTH):
        nxt = []
        for head in layer:
            if head is not tok and head.lemma_.lower() in ont.REPORTING_VERBS:
                continue  # another speaker's clause
            for child in head.children:
                if child.i in seen or child.dep_ not in _TARGET_PATH and not (
                        child.dep_ in ("nsubj", "nsubjpass") and head is not tok) and not (
                        purpose and child.dep_ == "advcl" and head is tok) and not (
                        head is tok and _bare_clause(child)) and not (
                        child.dep_ == "acl" and _infinitive(child)):
                    continue  # (a protest's purpose clause, "to demand ...", names its target;
                    # so does an offer's content, "an invitation to attend talks with X")
                if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                    continue  # a conjoined verb is an event of its own
                if child.dep_ == "prep" and (child.lower_ in _NON_TARGET_PREPS or (
                        child.lower_ == "by" and head.pos_ in ("VERB", "AUX"))):
                    continue
                seen.add(child.i)
                nxt.append(child)
        nxt.sort(key=lambda t: t.i)
        for cand in nxt:
            if cand.i in banned or cand.lower_ in _NOT_TARGETS or cand.ent_type_ in _NOT_ACTOR_ENTS:
                continue
            if cand.dep_ == "compound" and _actor_like(cand.head):
                continue  # the head noun ("U.N. inspectors") is the target, found next layer
            if _own(cand):
                continue  # "offered its troops": the actor's own, not a target
            if cand.ent_type_ in _TARGET_ENTS or (_actor_like(cand) and cand.pos_ in ("NOUN", "PROPN")):
                return cand
        layer = nxt
        if not layer:
            break
    return None


def _object(tok: Any, etype: str, skip: Any = None) -> Any:
    """The target of an active verb: its object or the object of on/against/with/to."""
    candidates = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    candidates = [_named_appos(c) or c for c in candidates]  # "the radio station Radio Horizon"
    shifted = _shifted_object(tok)
    if shifted is not None:
        candidates.append(_behind(shifted))
    if etype == "ACCUSE":  # "complained to the UN over Israeli raids": the accused, not the
        candidates += [_behind(_prep_object(tok, (p,))) for p in _ACCUSED_PREPS]  # addressee
    candidates += [_prep_object(tok, (p,)) or _stranded_object(tok, p) for p in _TARGET_PREPS
                   if not (etype == "ACCUSE" and p == "to")]
    for cand in candidates:
        if cand is None or (skip is not None and cand.i == skip.i) or cand.ent_type_ in _NOT_ACTOR_ENTS:
            continue
        if _own(cand):
            continue  # "withdraw their force from Chad": the actor's own, not a target
        if _actor_like(cand) or (etype in _MATERIAL_TARGETS and _place_like(cand)):
            return cand
    return None


def _bare_clause(tok: Any) -> bool:
    """An adverbial clause with no subject or conjunction of its own, often a noun the parser
    read as a verb ("accepted a plan for settling its border quarrel with Norway":
    dispute <- advcl): its complements belong to the trigger's action, unlike "as battles raged"."""
    return tok.dep_ == "advcl" and tok.tag_ in ("VB", "VBP") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "advmod") for c in tok.children)


def _named_appos(tok: Any) -> Any:
    """The name a common noun is given in apposition: "the independent radio station Radio
    Horizon" -> Radio Horizon (the name says who; the noun only says what kind)."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in _TARGET_ENTS:
        return None
    return next((c for c in tok.children if c.dep_ == "appos"
                 and c.ent_type_ in _TARGET_ENTS and c.ent_type_ != "FAC"), None)


def _stranded_object(tok: Any, prep: str) -> Any:
    """The object of a preposition the parser left empty by making its noun the subject of
    the next clause: "granted asylum to four officers sheltering in ..." (officers <- sheltering)."""
    holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"]  # "ties with and ..."
    stranded = next((c for h in holders for c in h.children if c.dep_ == "prep"
                     and c.lower_ == prep and not any(g.dep_ in ("pobj", "pcomp") for g in c.children)),
                    None)
    if stranded is None:
        return None
    for clause in (c for c in tok.children if c.dep_ in ("advcl", "ccomp", "conj") and c.i > stranded.i):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.left_edge.i == stranded.i + 1:
            return subject
        if clause.dep_ == "conj" and clause.left_edge.i <= stranded.i + 2:
            # two verbs sharing one object: "restored ties with and reopened its embassy
            # in Caracas" -> Caracas
            hosts = [clause] + [c for c in clause.children if c.dep_ == "dobj"]
            shared = [g for h in hosts for c in h.children if c.dep_ == "prep"
                      for g in c.children if g.dep_ == "pobj" and g.ent_type_ in _TARGET_ENTS]
            if shared:
                return shared[-1]
    return None


def _shifted_object(tok: Any) -> Any:
    """The object moved after an "as" phrase, which the parser hangs on that phrase:
    "denounced as a shameful betrayal the government's decision" (decision <- appos <- betrayal)."""
    if any(c.dep_ == "dobj" for c in tok.children):
        return None
    as_obj = _prep_object(tok, ("as",))
    return next((c for c in as_obj.children if c.dep_ == "appos"), None) if as_obj is not None else None


def _noun_actor(tok: Any) -> Any:
    """Who carries out a noun event: "Russian air strikes", "rebel shelling", "fire from X";
    the travellers of a trip for talks ("negotiators return to Belfast for talks")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and \
            tok.head.head.lemma_.lower() in _TRAVEL_VERBS and tok.lemma_.lower() in _TALKS | {"talk"}:
        return _subject(tok.head.head)
    for child in tok.children:
        if child.dep_ == "poss" and child.tag_ != "PRP$":
            return child
    for child in tok.children:
        if child.dep_ in ("compound", "amod") and (
                child.ent_type_ in ("NORP", "GPE", "ORG")
                or child.lower_ in ont.SECTOR_WORDS or child.lemma_ in ont.SECTOR_WORDS) and not (
                child.tag_ == "JJ" and child.lower_ == "official"):  # "an official protest"
            if child.lemma_.lower() not in ont.NOUN_MODE_CUES:
                return child
    return _prep_object(tok, ("by", "from"))


def _place_like(tok: Any) -> bool:
    """A concrete thing an attack or a raid can hit (not a weapon, not an abstraction)."""
    lemma = tok.lemma_.lower()
    if lemma in ont.NOUN_MODE_CUES or lemma in ont.WORD_CLASSES["weapon"]:
        return False
    return tok.pos_ in ("NOUN", "PROPN") and lemma not in ont.NON_ACTOR_NOUNS


def _protest_target(tok: Any, actor: Any, target: Any) -> Any:
    """Whom a protest is aimed at when its object is only the place it happened ("blocked
    roads to press demands on the government", "rioted in Dili demanding independence from
    Indonesian rule"): an actor in its purpose clause, else the place as found."""
    if target is not None and _actor_like(target) and not _locative(target):
        return target
    return _purpose_target(tok, actor) or target


def _purpose_target(tok: Any, actor: Any) -> Any:
    """An actor in the trigger's purpose clause: "opened fire to disperse demonstrators"."""
    clauses = [c for c in tok.children if c.dep_ in ("advcl", "xcomp", "acl")]
    clauses += [g for c in clauses for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "by")
                for g in p.children if g.dep_ == "pcomp" and g.lemma_.lower() in _PURPOSE_VERBS]
    # ("..., joining thousands of workers in demanding the resignation of X": the joined
    # demand is the protest's own)
    for clause in clauses:
        if not (any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
                or clause.lemma_.lower() in _PURPOSE_VERBS):
            continue  # "..., joining other protesters" says nothing of the target
        found = _deep_target(clause, actor)
        if found is not None and not _locative(found):
            return found
    return None


def _locative(tok: Any) -> bool:
    """A place named as where something happened ("in Dili", "at the Europe Bridge")."""
    if tok.ent_type_ in ("LOC", "FAC"):
        return True
    if tok.ent_type_ != "GPE":
        return False
    # the name may stand for the place noun it renames: "in the city of Goma", "through the
    # capital Minsk", "outside the port city Mombasa"
    for _ in range(3):
        if tok.dep_ in ("appos", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            tok = tok.head.head
        else:
            break
    return tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE_PREPS


def _who_died(tok: Any) -> Any:
    """The victim of a violent noun that caused a death: "a prisoner died of torture",
    "two men died as a result of the shelling" -> the one who died."""
    for head in list(tok.ancestors)[:4]:
        if head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() not in ("die", "perish", "succumb"):
                return None
            return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None


def _custodian(tok: Any) -> Any:
    """Who held a victim who died of violence in custody: "died of torture while in Israeli
    police custody" -> police (the custodian answers for the death)."""
    verb = next((h for h in list(tok.ancestors)[:4] if h.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    custody = next((g for c in [*verb.children, *tok.children]
                    if c.dep_ == "prep" and c.lower_ in ("in", "under")
                    for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() == "custody"),
                   None)
    return _noun_actor(custody) if custody is not None else None


def _infinitive(tok: Any) -> bool:
    """ "to attend": a to-infinitive, the content of the noun it modifies."""
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _placed_under(tok: Any) -> tuple[Any, Any] | None:
    """ "X was put under investigation/arrest by Y": (actor Y, target X); with an active "Y
    placed X under arrest" the subject is the actor. None when the noun is not in that frame."""
    if not (tok.dep_ == "pobj" and tok.head.lower_ == "under"
            and tok.head.head.lemma_.lower() in _PLACING_VERBS):
        return None
    verb = tok.head.head
    target = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
    agent = next((g for c in verb.children if c.dep_ == "agent"
                  for g in c.children if g.dep_ == "pobj"), None)
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if passive and agent is None:  # no agent: the authorities of the country it happens in
        agent = next((g for c in [*verb.children, *tok.children] if c.dep_ == "prep"
                      and c.lower_ == "in" for g in c.children
                      if g.dep_ == "pobj" and g.ent_type_ == "GPE"), None)
    return (agent if passive else _subject(verb)), target


# When several weapon words qualify, the most specific wins (ACLED's precedence: "shells
# filled with chlorine" is a chemical attack); a fixed order also keeps the choice independent
# of set iteration order, which changes with Python's hash seed.
_MODE_PRECEDENCE = ("chemical", "suicide-attack", "grenade", "aerial", "heavy-weapons",
                    "explosives", "firearms", "primitive")


def _cue_mode(tok: Any, etype: str) -> str | None:
    """An ASSAULT mode from weapon words in the trigger's objects or the actor's name."""
    found = [cue[1] for t in tok.subtree
             if (cue := ont.NOUN_MODE_CUES.get(t.lemma_.lower())) and cue[0] == etype]
    if not found:
        return None
    return min(found, key=lambda m: (_MODE_PRECEDENCE.index(m) if m in _MODE_PRECEDENCE
                                     else len(_MODE_PRECEDENCE), found.index(m)))


def _cue_from(tok: Any, table: dict[str, frozenset[str]]) -> str | None:
    """The first mode whose cue words appear in the trigger's complements."""
    subject = _subject(tok)
    skip = {t.i for t in subject.subtree} if subject is not None and subject.head == tok else set()
    lemmas = {t.lemma_.lower() for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass")
              for t in c.subtree if t.i not in skip}
    return next((mode for mode, cues in table.items() if lemmas & cues), None)


def _consult_mode(tok: Any) -> str | None:
    """Visit / phone / multilateral / third-party from the words around a meeting."""
    lemmas = {t.lemma_.lower() for t in tok.subtree}
    if lemmas & {"phone", "telephone", "video", "videoconference", "call"}:
        return "phone"
    if lemmas & {"summit", "conference", "forum", "assembly"}:
        return "multilateral"
    if lemmas & {"mediate", "mediator", "broker", "mediation"}:
        return "third-party"
    return None


def _negotiating_party(tok: Any) -> Any:
    """Whom a concession or agreement answers: the other side of the talks it followed
    ("called off the strike after talks with the government" -> government)."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("after", "following")):
        for talks in (g for g in prep.children if g.dep_ == "pobj"):
            if talks.lemma_.lower() in _TALKS:
                party = _prep_object(talks, ("with",))
                if party is not None and (_actor_like(party) or party.ent_type_ in _TARGET_ENTS):
                    return party
    return None
