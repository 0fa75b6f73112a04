"""Attribution helpers for the quotes stage: find the cue verb and resolve who is speaking.

Reads a spaCy Doc and `Article.entities` (when the entities stage has filled them); falls back
to spaCy's own PERSON/ORG entities and a nearest-name rule so the quotes stage works alone.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Article

# Lemmas of verbs that report speech or writing. Kept to communication verbs on purpose:
# "accuse" and "urge" are events in their own right, coded by the events stage.
REPORTING_VERBS = frozenset({
    "say", "tell", "add", "warn", "claim", "announce", "report", "state", "insist", "deny",
    "confirm", "tweet", "write", "post", "note", "explain", "argue", "stress", "acknowledge",
    "allege", "declare", "assert", "predict", "suggest", "reply", "respond", "recall",
    "maintain", "contend", "admit", "complain", "emphasise", "emphasize", "reiterate",
    "estimate", "believe", "caution", "promise", "vow", "pledge", "concede", "testify",
    "ask", "continue", "conclude", "observe", "remark", "insist", "point", "quip", "joke",
    "lament", "boast", "charge", "disclose", "reveal", "indicate", "tell", "describe", "call",
    "describe", "brand", "dub", "label", "urge", "accuse", "condemn", "criticise", "criticize",
    "think", "hope", "fear", "agree", "announce", "signal", "answer", "counter", "retort",
    "shout", "yell", "chant", "sing", "exclaim", "wonder", "muse", "interject", "recount",
})
# Verbs that frame a direct quote or a "that" clause; the rest (call, describe, urge...)
# only attribute partial quotes embedded in their object.
FRAME_VERBS = REPORTING_VERBS - {
    "call", "describe", "brand", "dub", "label", "urge", "accuse", "condemn", "criticise",
    "criticize", "continue", "charge", "point", "think", "hope", "fear", "agree", "signal",
    "believe", "estimate",
}
# Verbs that take a content clause in indirect speech (ccomp); opinion verbs are left out.
INDIRECT_VERBS = FRAME_VERBS - {"post", "quip", "joke", "reply", "respond", "recall", "continue"}

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
PRONOUNS_GROUP = frozenset({"it", "they", "them", "its", "their"})
PRONOUNS_OTHER = frozenset({"i", "we", "you", "us", "me", "one", "this", "that", "who", "which"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
SPEAKER_TYPES = ("PERSON", "ORG", "GROUP", "GPE", "NORP")
_DETERMINERS = ("the ", "a ", "an ")
# Heads of descriptions that stand for an organisation named before ("the monitoring group").
GENERIC_ORG_HEADS = frozenset({
    "group", "organisation", "organization", "agency", "body", "watchdog", "monitor",
    "observatory", "charity", "outfit", "coalition", "alliance", "network", "institute",
    "foundation", "company", "firm", "broadcaster", "newspaper", "website", "campaign",
})
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


@dataclass
class Cue:
    """A reporting verb (or "according to") and the token that is its grammatical speaker."""

    start: int
    end: int
    text: str
    verb: Any  # spacy Token
    subject: Any = None  # spacy Token or None


@dataclass
class Speaker:
    """A resolved speaker: display name, entity id, and the literal mention in the text."""

    name: str | None
    entity_id: str | None
    start: int | None
    end: int | None


def cue_of(verb: Any) -> Cue:
    """The cue record for a reporting verb token, including a particle ("pointed out")."""
    end_token = verb
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == end_token.i + 1:
            end_token = child
    start, end = verb.idx, end_token.idx + len(end_token.text)
    text = verb.doc[verb.i:end_token.i + 1].text  # Doc.text is rebuilt on every access
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        if to is not None:
            end = to.idx + len(to.text)
            text = verb.doc[verb.i:to.i + 1].text
            return Cue(start, end, text, verb, next((c for c in to.children if c.dep_ == "pobj"), None))
    return Cue(start, end, text, verb, subject_of(verb))


def is_reporting(token: Any, verbs: frozenset[str] = FRAME_VERBS) -> bool:
    """True for a verb token whose lemma reports speech, or for "according" (to)."""
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return True
    return token.lemma_.lower() in verbs and token.pos_ in ("VERB", "AUX")


def subject_of(verb: Any) -> Any:
    """The grammatical subject of a verb, climbing conjunctions and participles ("saying")."""
    seen = 0
    while verb is not None and seen < 4:
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS
                    and not c.is_punct and not c.is_space and c.text not in "\u00ab\u00bb"]
        if subjects:
            # "Syria's state news agency SANA said": spaCy gives two subjects; take the name.
            proper = [s for s in subjects if s.pos_ == "PROPN"]
            subject = (proper or subjects)[-1]
            if subject.pos_ == "VERB":
                # "Aid worker Sara Lind hoped": a mis-parsed clause subject; its name speaks.
                names = [t for t in subject.subtree if t.pos_ == "PROPN"]
                subject = names[-1] if names else subject
            if subject.lower_ in RELATIVE and subject.head.dep_ == "relcl":
                return subject.head.head  # "the minister, who said ..." -> minister
            return subject
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ == "quote":
            # "the agency quoted a spokesman as saying ..."
            return next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
        if verb.dep_ in ("pcomp", "pobj") and verb.head.dep_ == "prep" \
                and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "distanced himself by saying", "pivoted to arguing"
            seen += 1
            continue
        if verb.dep_ in ("conj", "advcl", "xcomp", "relcl", "acl") and verb.head is not verb:
            if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head  # "a spokesman speaking on condition of anonymity said"
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def content_clause(verb: Any, paragraph: tuple[int, int]) -> tuple[int, int] | None:
    """Character span of the clause a reporting verb introduces (within its paragraph), or None."""
    if verb.lower_ == "according":
        clause = verb.head
        if clause is verb or clause.pos_ not in ("VERB", "AUX"):
            return None
        skip = {t.i for t in verb.subtree}
        tokens = [t for t in clause.subtree if t.i not in skip]
    else:
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if not clauses and verb.dep_ in ("parataxis", "advcl") and verb.head.pos_ in ("VERB", "AUX") \
                and any(c.dep_ in SUBJECT_DEPS for c in verb.children) \
                and verb.head.sent.start == verb.sent.start \
                and (verb.head.i < verb.i or _set_off(verb)):
            # "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt", and the frame
            # between commas before the main verb: "The latest test, North Korea said, was ..."
            skip = {t.i for t in verb.subtree}
            tokens = [t for t in verb.head.subtree if t.i not in skip]
            return trim_tokens(tokens, paragraph)
        if not clauses:
            return None
        # "said they were worried, and more than 4 in 10 said ...": a second reporting verb with
        # its own subject, parsed as another clause of the first, is an attribution of its own.
        clauses = clauses[:1] + [c for c in clauses[1:] if not (
            is_reporting(c, REPORTING_VERBS) and any(d.dep_ in SUBJECT_DEPS for d in c.children))]
        tokens = [t for c in clauses for t in c.subtree]
        last = clauses[-1]
        if last.i > verb.i:
            # A mis-parse often hangs the end of the clause on the verb ("said 27 were killed
            # and 140 wounded"): take trailing non-verb dependents as part of the content.
            for child in verb.rights:
                if child.i > last.i and child.pos_ not in ("VERB", "AUX", "PUNCT", "SPACE") \
                        and child.dep_ in ("conj", "dobj", "npadvmod", "attr", "oprd"):
                    tokens.extend(child.subtree)
    return trim_tokens(tokens, paragraph)


def _set_off(verb: Any) -> bool:
    """True when the verb's frame ("North Korea said") stands between commas."""
    doc, first, last = verb.doc, verb.left_edge.i, verb.right_edge.i
    before = doc[first].text == "," or first > 0 and doc[first - 1].text == ","
    after = doc[last].text == "," or last + 1 < len(doc) and doc[last + 1].text == ","
    return before and after


def trim_tokens(tokens: list[Any], paragraph: tuple[int, int]) -> tuple[int, int] | None:
    """The span of clause tokens inside the paragraph, without punctuation at either end."""
    tokens = sorted({t.i: t for t in tokens if paragraph[0] <= t.idx < paragraph[1]}.values(),
                    key=lambda t: t.i)
    while tokens and (tokens[-1].is_space or tokens[-1].dep_ == "cc"
                      or tokens[-1].text in ",;:.\u2014\u2013-"):
        tokens.pop()
    while tokens and (tokens[0].is_space or tokens[0].is_punct and tokens[0].text not in QUOTE_MARKS):
        tokens.pop(0)
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def nearest_name(doc: Any, start: int, end: int, avoid: Iterable[tuple[int, int]] = ()) -> Any:
    """The first proper noun or pronoun token in [start, end) outside `avoid` spans, or None."""
    avoid = list(avoid)
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    for token in span:
        if any(a <= token.idx < b for a, b in avoid):
            continue
        if token.pos_ == "PROPN" or (token.pos_ == "PRON" and token.lower_ in
                                     PRONOUNS_PERSON | PRONOUNS_GROUP):
            return token
    return None


class SpeakerResolver:
    """Turns a subject token into a speaker name, using entities, then spaCy names, then recency."""

    def __init__(self, article: Article, quoted: list[tuple[int, int]]) -> None:
        self.article = article
        self.doc = article.doc
        self.text = article.text  # the Doc's own .text is rebuilt on every access
        self.quoted = sorted(quoted)
        # Names outside quotes, in text order: candidates for pronouns and surnames.
        self.people: list[tuple[int, str]] = []
        self.orgs: list[tuple[int, str, Any]] = []
        for ent in self.doc.ents:
            if self._inside_quote(ent.start_char):
                continue
            if ent.label_ == "PERSON":
                self.people.append((ent.start_char, _strip_det(ent.text)))
            elif ent.label_ == "ORG":
                self.orgs.append((ent.start_char, _strip_det(ent.text), ent))
        for entity in article.entities:
            for m_start, _m_end in entity.mentions:
                if self._inside_quote(m_start):
                    continue
                if entity.type == "PERSON":
                    self.people.append((m_start, entity.name))
        self.people.sort()
        self.orgs.sort(key=lambda item: item[0])
        self._people_starts = [p[0] for p in self.people]
        self._mentions: list[tuple[int, int, int, Any]] | None = None
        self._mention_starts: list[int] = []
        self._longest = 0

    def people_between(self, start: int, end: int) -> list[str]:
        """Full names of the people mentioned (outside quotes) in [start, end)."""
        i = bisect.bisect_left(self._people_starts, start)
        j = bisect.bisect_left(self._people_starts, end)
        return [self._full_name(name, offset) for offset, name in self.people[i:j]]

    def _inside_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quoted, (offset, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= offset < self.quoted[i][1]

    def resolve(self, subject: Any) -> Speaker:
        """Resolve a subject token (name, description or pronoun) to a Speaker."""
        if subject is None or _is_dateline(subject):
            return Speaker(None, None, None, None)
        if subject.pos_ != "PROPN":
            # "the foreign minister, Hamid Zaher, said": the appositive carries the name.
            named = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            subject = named[0] if named else subject
        m_start, m_end = mention_span(subject)
        lower = subject.lower_
        entity = self._entity_at(m_start, m_end)
        if entity is not None:
            written = self.text[m_start:m_end]
            if subject.pos_ == "PROPN" and len(written.split()) > len(entity.name.split()) \
                    and set(entity.name.split()) < set(written.split()):
                return Speaker(written, entity.id, m_start, m_end)  # a name cut short upstream
            if subject.pos_ != "PROPN" and not self._named(entity):
                # "Western officials" is kept as written, not as its actor label "government".
                return Speaker(self._description(subject, written), entity.id, m_start, m_end)
            return Speaker(entity.name, entity.id, m_start, m_end)
        if subject.pos_ == "PRON" or lower in PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_OTHER:
            return Speaker(self._pronoun(lower, m_start), None, m_start, m_end)
        text = self.text[m_start:m_end]
        if subject.pos_ == "PROPN" or subject.ent_type_ in NAME_LABELS:
            return Speaker(self._full_name(text, m_start), None, m_start, m_end)
        return Speaker(self._description(subject, text), None, m_start, m_end)

    def name(self, start: int, end: int) -> Speaker:
        """Resolve a literal name span (a transcript label, a dash byline) to a Speaker."""
        entity = self._entity_at(start, end)
        if entity is not None:
            return Speaker(entity.name, entity.id, start, end)
        text = self.text[start:end]
        full = self._full_name(text, start)
        if full == text and text.isupper():
            full = text.title()
        return Speaker(full, None, start, end)

    def _overlapping_entity(self, start: int, end: int) -> Any:
        """Article.entity_at (longest overlap, first in entity order on ties) on a sorted index:
        the model's linear scan per quote cost seconds on long articles."""
        if self._mentions is None:
            self._mentions = sorted(
                (m_start, m_end, rank, entity)
                for rank, entity in enumerate(self.article.entities)
                for m_start, m_end in entity.mentions)
            self._mention_starts = [m[0] for m in self._mentions]
            self._longest = max((m[1] - m[0] for m in self._mentions), default=0)
        hi = bisect.bisect_left(self._mention_starts, end)
        lo = bisect.bisect_left(self._mention_starts, start - self._longest)
        best, best_key = None, None
        for m_start, m_end, rank, entity in self._mentions[lo:hi]:
            overlap = min(end, m_end) - max(start, m_start)
            key = (-overlap, rank)
            if overlap > 0 and (best_key is None or key < best_key):
                best, best_key = entity, key
        return best

    def _named(self, entity: Any) -> bool:
        """True when some mention spells the entity's name (not a sector label like "police")."""
        name = entity.name.lower()
        return any(name in self.text[s:e].lower() for s, e in entity.mentions)

    def _entity_at(self, start: int, end: int) -> Any:
        if not self.article.entities:
            return None
        entity = self._overlapping_entity(start, end)
        if entity is None or entity.type not in SPEAKER_TYPES:
            return None
        return entity

    def _pronoun(self, lower: str, offset: int) -> str | None:
        if lower in PRONOUNS_PERSON:
            i = bisect.bisect_left(self._people_starts, offset) - 1
            return self._full_name(self.people[i][1], self.people[i][0]) if i >= 0 else None
        if lower in PRONOUNS_GROUP:
            before = [o for o in self.orgs if o[0] < offset]
            return before[-1][1] if before else None
        return None

    def _full_name(self, text: str, offset: int) -> str:
        """Expand a surname or short org name to the fullest earlier name that ends with it."""
        text = _strip_det(text)
        words = text.lower().split()
        if not words:
            return text
        best = text
        for _start, name in self.people:
            parts = name.lower().split()
            if len(parts) > len(best.split()) and parts[-len(words):] == words:
                best = name
        if best == text:
            for _start, name, _ent in self.orgs:
                if len(name) > len(best) and words[-1] in name.lower().split():
                    best = name
                    break
        return best

    def _description(self, subject: Any, text: str) -> str | None:
        """ "the ministry", "the monitoring group": an earlier organisation it names, else itself."""
        head = subject.lemma_.lower()
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.lefts)
        if subject.pos_ in ("NOUN", "PROPN") and definite:
            for start, name, ent in reversed(self.orgs):
                if start >= subject.idx:
                    continue
                if head in name.lower().split():
                    return name
                if any(t.dep_ == "appos" and t.lemma_.lower() == head for t in ent.root.children):
                    return name
            earlier = [o for o in self.orgs if o[0] < subject.idx]
            if head in GENERIC_ORG_HEADS and earlier:
                return earlier[-1][1]  # "the monitoring group": the organisation named last
        return _strip_det(text) or None


def _is_dateline(token: Any) -> bool:
    """ "GENEVA (Global Wire) -": a dateline the parser took for the sentence's head."""
    doc = token.doc
    first = token.i == 0 or doc[token.i - 1].is_space or "\n" in doc[token.i - 1].whitespace_
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return first and token.text.isupper() and len(token.text) > 1 \
        and after in ("(", "\u2014", "\u2013", "-", ",")


def mention_span(subject: Any) -> tuple[int, int]:
    """The literal mention for a subject: its named entity, proper-noun run, or noun phrase."""
    if subject.pos_ == "PRON":
        return subject.idx, subject.idx + len(subject.text)
    if subject.ent_type_ in NAME_LABELS:
        # Walk the IOB tags: Doc.ents is rebuilt on every access, too slow per subject.
        doc, first, last = subject.doc, subject.i, subject.i
        while doc[first].ent_iob_ == "I" and first > 0:
            first -= 1
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        return _trim_det(doc[first:last + 1])
    if subject.pos_ == "PROPN":
        first = subject
        while first.i > 0:
            left = subject.doc[first.i - 1]
            if left.pos_ == "PROPN" and left.dep_ in ("compound", "flat") and left.head.i >= first.i:
                first = left
            else:
                break
        return first.idx, subject.idx + len(subject.text)
    keep = ("compound", "amod", "det", "poss", "nummod", "nmod", "case")
    left = min([subject.i] + [t.left_edge.i for t in subject.lefts if t.dep_ in keep])
    right = subject.i
    for child in subject.rights:
        # "a spokesman for the ministry", "the Ministry of Defence"
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at") and child.i == right + 1:
            right = child.right_edge.i
    span = subject.doc[left:right + 1]
    return _trim_det(span)


def _trim_det(span: Any) -> tuple[int, int]:
    tokens = list(span)
    while tokens and tokens[0].dep_ == "det" and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    if not tokens:
        return span.start_char, span.end_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _strip_det(text: str) -> str:
    text = text.strip()
    for det in _DETERMINERS:
        if text.lower().startswith(det):
            return text[len(det):]
    return text
