"""Less common harm phrasings for the casualties stage, split out of stages/casualties.py.

Pure helpers on the spaCy parse (no state): each takes the tokens around one candidate amount
or victim and says whether a phrasing ties it to a harm, returning the kind and the cue token.
Covered here: a return to or a stretch in custody ("ordered X back to prison", "X spent 500
days in jail"), lives claimed ("the flood claimed 40 lives"), "shot dead N", violent verbs that
only harm people in a violent scene ("eliminated the commander"), and a plural possessive
nominal naming coordinated victims ("X and Y ... at the time of their deaths"); also the
attributive participle before a name ("jailed X"), a possessive stay in custody ("X's years in
prison", "X's trial and detention"), a count harmed in the next sentence ("She and six others
got into a car. ..., killing all the others except her"), and the skips and tests the cue
shapes share (place phrases, dates, unrealised harm: "plans to").
"""

from __future__ import annotations

from typing import Any

from . import casualty_cues as cues


def skip_dates(doc: Any, i: int) -> int:
    """Skip a date between the victims and the verb: "X on Monday returned to prison"."""
    j = i
    if j < len(doc) and doc[j].lower_ in ("on", "last", "this", "earlier", "late") and \
            j + 1 < len(doc) and doc[j + 1].ent_type_ in ("DATE", "TIME"):
        j += 1
    if j < len(doc) and doc[j].ent_type_ in ("DATE", "TIME"):
        while j < len(doc) and doc[j].ent_type_ in ("DATE", "TIME"):
            j += 1
        return j if j < len(doc) and doc[j].pos_ in ("VERB", "AUX") else i
    return i


def custody_after(doc: Any, i: int) -> Any:
    """The first token of "back to prison" / "returned to ... jail" / "spent N days in prison"."""
    if i >= len(doc):
        return None
    text = doc.text[doc[i].idx:doc[i].sent.end_char]
    return doc[i] if cues.CUSTODY_AFTER.match(text) else None


def lives_claimed(span: Any) -> Any:
    """The verb of "claimed 40 lives" / "cost at least 12 lives", when the amount sits inside."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "lives":
        return None
    j = span.start - 1
    while j >= span.sent.start and doc[j].lower_ in cues.BEFORE_SKIP and span.start - j < 4:
        j -= 1
    return doc[j] if j >= span.sent.start and doc[j].lower_ in cues.LIVES_VERBS else None


def violent_before(span: Any, person: bool, single: bool = False) -> tuple[str, Any] | None:
    """(kind, verb) for "shot dead 6 passengers" or, for people in a violent scene, a verb such
    as "eliminated" before the victim and its titles ("eliminated" IS deputy leader X); for one
    named person any backward cue before the titles ("killed militant commander X")."""
    doc = span.doc
    j = span.start - 1
    while j >= span.sent.start and doc[j].lower_ in cues.BEFORE_SKIP and span.start - j < 4:
        j -= 1
    if j >= 1 and doc[j].lower_ == "dead" and doc[j - 1].lower_ == "shot":
        return "killed", doc[j - 1]
    if not person:
        return None
    for k in range(span.start - 1, max(span.sent.start, span.start - 7) - 1, -1):
        if single and k < span.start - 1 and doc[k].lower_ in cues.BACKWARD_CUES and \
                doc[k].pos_ == "VERB":
            if k > 0 and doc[k - 1].lower_ in ("was", "were", "been", "be", "being", "to"):
                return None  # passive or not done: "was killed", "tried to kill"
            return cues.BACKWARD_CUES[doc[k].lower_], doc[k]
        if doc[k].lower_ in cues.VIOLENT_BACKWARD:
            if not cues.HARM_CONTEXT.search(doc[k].sent.text) or (
                    k > 0 and doc[k - 1].lower_ in ("was", "were", "been", "be", "being")):
                return None  # "eliminated the fee"; passive "was seized" belongs elsewhere
            return cues.VIOLENT_BACKWARD[doc[k].lower_], doc[k]
        titled = doc[k].text[:1].isupper()  # titles the small model mis-tags ("IS deputy caliph")
        if (doc[k].pos_ not in ("ADJ", "NOUN", "PROPN", "DET", "PUNCT") and not titled) \
                or doc[k].text in ",.;:":
            return None
    return None


def their_harm(span: Any) -> tuple[str, Any] | None:
    """(kind, cue) for a victim coordinated with another and named by a later "their deaths"."""
    doc = span.doc
    root = span.root
    before = doc[span.start - 1] if span.start > span.sent.start else None
    after = doc[span.end] if span.end < span.sent.end else None
    coordinated = (after is not None and after.lower_ == "and") or (
        before is not None and before.lower_ == "and" and root.dep_ == "conj")
    if not coordinated:
        return None
    subject = root if root.dep_ != "conj" else root.head
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return None
    rest = doc.text[span.end_char:span.sent.end_char]
    found = cues.THEIR_HARM.search(rest)
    if found is None:
        return None
    cue = doc.char_span(span.end_char + found.start("noun"), span.end_char + found.end("noun"))
    if cue is None:
        return None
    return cues.THEIR_KINDS[found.group("noun").lower()], cue.root


def custody_death(cue: Any) -> bool:
    """True when a death cue goes on "after being detained" (killed and arrested)."""
    if cue is None or cue.lemma_.lower() not in ("die", "dead", "kill"):
        return False
    doc = cue.doc
    return bool(cues.CUSTODY_DEATH.match(doc.text[cue.idx + len(cue):cue.sent.end_char]))


def attributive_harm(span: Any) -> Any:
    """"jailed former Prime Minister Imran Khan": the participle before a name and its titles."""
    doc = span.doc
    for j in range(span.start - 1, max(span.sent.start, span.start - 6) - 1, -1):
        if doc[j].lower_ in cues.ATTRIBUTIVE_HARM:
            return doc[j] if j == span.start - 1 or doc[j].dep_ in ("amod", "compound") or \
                doc[j].head.i >= span.start - 1 else None
        if doc[j].pos_ not in ("ADJ", "NOUN", "PROPN") and doc[j].text != "-":
            return None
    return None


def unrealised(doc: Any, i: int) -> bool:
    """True when the words before token i plan, attempt or prevent the harm, not report it."""
    for j in range(i - 1, max(-1, i - 3), -1):
        if doc[j].lemma_.lower() in cues.UNREALISED_LEMMAS:
            return True
        if doc[j].pos_ not in ("DET", "PRON", "ADJ"):
            return False
    return False


def possessive_custody(span: Any) -> Any:
    """The nominal of "X's previous time in prison" or "X's lengthy trial and unjust detention"
    (a custody nominal joined to another one), for a victim named by a possessive."""
    doc, i = span.doc, span.end
    if not (i < len(doc) and doc[i].tag_ == "POS") and span[-1].tag_ != "POS":
        return None
    i += 1 if i < len(doc) and doc[i].tag_ == "POS" else 0
    start = i
    while i < len(doc) and i - start < 4 and (doc[i].pos_ in ("ADJ", "NUM") or doc[i].like_num):
        i += 1
    if i + 2 < len(doc) and doc[i].lower_ in cues.STAY_NOUNS and doc[i + 1].lower_ in (
            "in", "behind"):
        for j in range(i + 2, min(len(doc), i + 6)):
            if doc[j].lower_ in cues.CUSTODY_NOUNS:
                return doc[i]
            if doc[j].pos_ not in ("DET", "ADJ", "PROPN", "NOUN"):
                break
        return None
    if i + 1 < len(doc) and doc[i].pos_ == "NOUN" and doc[i + 1].lower_ == "and":
        j = i + 2
        while j < len(doc) and j - i < 5 and doc[j].pos_ == "ADJ":
            j += 1
        if j < len(doc) and cues.POSSESSIVE_HARM.get(doc[j].lower_) == "arrested":
            return doc[j]
    return None


def later_harm(sent: Any, leftovers: list[tuple[Any, str | None, str]]
               ) -> list[tuple[Any, str, str | None, Any]]:
    """(amount, kind, victims, cue) for the one count of people the sentence before left without
    a cue when this sentence harms "all the <same people>" / "all of them" ("She and six other
    civilians got into a car. ... an ambush killed all the civilians except her")."""
    if len(leftovers) != 1:
        return []
    found = cues.ALL_HARMED.search(sent.text)
    if found is None:
        return []
    amount, victims, head = leftovers[0]
    noun = found.group("noun")
    if noun is not None and noun.lower() != head:
        return []
    cue = sent.doc.char_span(sent.start_char + found.start("verb"), sent.start_char + found.end("verb"))
    if cue is None:
        return []
    return [(amount, cues.BACKWARD_CUES[found.group("verb").lower()], victims, cue.root)]


def skip_place_phrase(doc: Any, i: int) -> int:
    """Skip "in Iraq" / "at the market" before an auxiliary: "the leader of IS in Iraq was"."""
    if i >= len(doc) or doc[i].lower_ not in ("in", "at", "near", "from", "aboard", "on"):
        return i
    for j in range(i + 1, min(len(doc), i + 5)):
        if doc[j].pos_ == "AUX" and doc[j].lower_ in cues.BRIDGE:
            return j
        if doc[j].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "PUNCT") or doc[j].text == ",":
            return i
    return i
