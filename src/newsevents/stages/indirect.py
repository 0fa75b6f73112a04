"""Indirect attributions for the quotes stage: reported speech, thought, intent and stance.

Reads a spaCy Doc (through the quotes stage's chunks and speaker resolver).
Fills nothing itself: `find_indirect` returns `Chunk`s of kind "indirect" for the quotes stage.

Shapes, following PolNeAR's notion of attribution (a source, a cue, a content):
- a reporting verb's content clause: "Kerry said the regime must stop", "according to X, ...";
- a cognition verb's clause: "officials believe the toll will rise", "the study found that ...";
- an intent verb's infinitive: "Pence plans to release his returns", "she vowed not to quit";
- a stance verb's object: "Clinton cited the remarks", "he called for a ceasefire",
  "the party criticised Sanders for ...";
- a content noun's clause: "his claim that ...", "the government's decision to ...".
The speaker is the verb's subject (never a passive subject: "he is expected to win" names no
source), or the noun's possessor or the subject of the verb that governs the noun.
"""

from __future__ import annotations

import bisect
from typing import Any

from . import attribution as attr
from .quote_marks import Chunk

_MIN_ANONYMOUS_INDIRECT_TOKENS = 8
_MIXED_MIN_WORDS = 3

# Verbs of thought and finding whose clause is what the subject holds true.
COGNITION_VERBS = frozenset({
    "think", "believe", "know", "find", "show", "hope", "fear", "expect", "feel", "recognize",
    "recognise", "realize", "realise", "understand", "agree", "notice", "imply", "worry", "doubt",
    "assume", "learn", "indicate", "demonstrate", "prove", "reveal", "signal", "conclude",
    "decide", "determine", "suspect", "guess", "wish", "want", "demand", "request", "recommend",
    "propose", "urge", "suggest", "acknowledge", "recall", "estimate", "predict", "discover",
    "hop",  # spaCy's small model lemmatises "hoped" as "hop"
    "hint", "forecast", "calculate", "presume", "speculate", "concede", "remember",
    "point", "ask", "insist", "argue", "complain", "admit", "warn", "promise", "vow", "pledge",
    "swear", "guarantee", "assure", "rule", "order", "project",
})
# Verbs whose infinitive complement is the subject's plan, promise or refusal.
INTENT_VERBS = frozenset({
    "want", "plan", "intend", "vow", "pledge", "promise", "refuse", "decline", "threaten",
    "expect", "hope", "aim", "propose", "agree", "like", "prefer", "ask", "urge",
    "call", "decide", "choose", "demand", "vote", "wish", "resolve", "commit", "swear",
    "volunteer", "tell", "order", "encourage", "push", "press", "warn", "advise",
})
# Verbs whose direct object is the position the subject takes or voices.
STANCE_VERBS = frozenset({
    "support", "criticize", "criticise", "praise", "discuss", "mention", "announce", "cite",
    "note", "express", "propose", "reject", "oppose", "endorse", "defend", "condemn", "denounce",
    "question", "dispute", "deny", "applaud", "welcome", "recommend", "demand", "blame",
    "acknowledge", "disavow", "dismiss", "slam", "blast", "decry", "lament", "tout", "hail",
    "highlight", "emphasize", "emphasise", "stress", "predict", "promise", "pledge", "vow",
    "reveal", "show", "describe", "outline", "float", "suggest", "urge", "request",
    "offer", "raise", "voice", "echo", "repeat", "reiterate", "invoke", "recall", "confirm",
    "admit", "concede", "claim", "allege", "report", "estimate", "favor", "favour",
    "back", "advocate", "ridicule", "mock", "attack", "challenge", "contest", "doubt", "fear",
    "want", "seek", "ask", "pitch", "tweet", "write", "say", "answer", "explain",
    "rule", "veto", "approve", "embrace", "accuse", "call",
    "dub", "label", "brand", "name", "prefer", "congratulate",
})
# (verb, preposition) frames whose object is the content: "called for", "warned of".
PREP_FRAMES = frozenset({
    ("call", "for"), ("speak", "about"), ("speak", "of"), ("speak", "on"), ("talk", "about"),
    ("ask", "about"), ("warn", "of"), ("warn", "about"), ("warn", "against"),
    ("complain", "about"), ("complain", "of"), ("apologize", "for"), ("apologise", "for"),
    ("accuse", "of"), ("point", "to"), ("respond", "to"), ("reply", "to"), ("insist", "on"),
    ("argue", "for"), ("argue", "against"), ("push", "for"), ("press", "for"),
    ("advocate", "for"), ("praise", "for"), ("criticize", "for"), ("criticise", "for"),
    ("blame", "for"), ("thank", "for"), ("focus", "on"), ("comment", "on"), ("joke", "about"),
    ("worry", "about"), ("agree", "on"), ("agree", "with"), ("disagree", "with"),
    ("object", "to"), ("hint", "at"), ("boast", "about"), ("brag", "about"), ("lie", "about"),
    ("testify", "about"), ("write", "about"), ("tweet", "about"), ("post", "about"),
    ("rail", "against"), ("campaign", "for"), ("campaign", "against"), ("vote", "for"),
    ("vote", "against"), ("rule", "on"), ("rule", "against"), ("rule", "in"), ("refer", "to"),
    ("elaborate", "on"), ("reflect", "on"), ("weigh", "in"), ("express", "concern"),
    ("confess", "to"), ("admit", "to"), ("speculate", "about"), ("cite", "as"),
    # chosen on PolNeAR train: "voters see Sanders as electable", "congratulated him on ..."
    ("see", "as"), ("view", "as"), ("regard", "as"), ("portray", "as"), ("characterize", "as"),
    ("paint", "as"), ("cast", "as"), ("frame", "as"), ("present", "as"), ("describe", "as"),
    ("depict", "as"), ("label", "as"), ("brand", "as"), ("congratulate", "on"),
    ("congratulate", "for"),
})
# Nouns whose "that"/"to" clause or "for" object is someone's statement or position.
CONTENT_NOUNS = frozenset({
    "plan", "decision", "proposal", "fear", "concern", "suggestion", "claim", "statement",
    "belief", "view", "argument", "promise", "pledge", "assertion", "allegation", "warning",
    "demand", "insistence", "hope", "vow", "threat", "conclusion", "assessment",
    "prediction", "recommendation", "request", "call", "charge", "accusation", "admission",
    "acknowledgment", "acknowledgement", "contention", "position", "insinuation", "suspicion",
    "commitment", "intention", "refusal", "offer", "idea", "message",
    "ruling", "finding", "estimate", "forecast", "opinion", "complaint", "denial", "appeal",
    "confidence", "doubt", "worry", "expectation", "vision", "desire", "wish", "bid",
})
NOUN_PREP_FRAMES = frozenset({
    ("call", "for"), ("support", "for"), ("support", "of"), ("criticism", "of"),
    ("endorsement", "of"), ("praise", "for"), ("ban", "on"),
    ("demand", "for"), ("plea", "for"), ("appeal", "for"), ("push", "for"), ("question", "about"),
    ("concern", "about"), ("concern", "over"), ("concerns", "about"), ("warning", "about"),
    ("warning", "of"), ("fear", "of"), ("claim", "of"), ("claims", "of"), ("allegation", "of"),
    ("accusation", "of"), ("rejection", "of"), ("condemnation", "of"), ("denial", "of"),
    # rarer ones, chosen on PolNeAR train: "his critique of his rivals", "a swipe at Clinton"
    ("critique", "of"), ("supporter", "of"), ("mention", "of"), ("announcement", "of"),
    ("criticism", "about"), ("comment", "about"), ("comment", "on"), ("view", "on"),
    ("response", "to"), ("swipe", "at"), ("attack", "on"), ("attack", "against"),
    ("allegation", "against"), ("case", "for"), ("tribute", "to"), ("praise", "of"),
    ("opposition", "to"), ("objection", "to"), ("reference", "to"), ("question", "of"),
    ("questions", "about"),
})
# Every lemma that can open a frame: tokens with any other lemma are skipped at once.
CUE_LEMMAS = (attr.REPORTING_VERBS | COGNITION_VERBS | INTENT_VERBS | STANCE_VERBS
              | {verb for verb, _ in PREP_FRAMES} | CONTENT_NOUNS
              | {noun for noun, _ in NOUN_PREP_FRAMES} | {"accord", "according"})
# What one raises as a position ("raised concerns"), not money or a flag.
RAISED_CONTENT = frozenset({"concern", "question", "doubt", "issue", "possibility", "objection",
                            "alarm", "fear", "prospect", "point", "suspicion", "idea", "specter",
                            "spectre", "argument", "complaint", "matter", "subject", "topic"})
_PASSIVE = ("nsubjpass", "auxpass")
_NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "name", "describe", "consider"})


def find_indirect(article: Any, chunks: list[Chunk], resolver: attr.SpeakerResolver,
                  paragraphs: list[tuple[int, int]]) -> list[Chunk]:
    """Indirect quotes: content clauses and objects of attribution cues outside direct quotes."""
    direct = [(c.start, c.end) for c in chunks if c.kind == "direct"]
    all_quoted = [(c.start, c.end) for c in chunks]
    used = {c.cue.verb.i for c in chunks
            if c.cue is not None and c.cue.verb is not None and c.kind == "direct"}
    starts = [a for a, _ in paragraphs]
    quoted_starts = [a for a, _ in all_quoted]
    found: list[Chunk] = []
    for token in _candidates(article.doc):
        if token.i in used:
            continue
        k = bisect.bisect_right(quoted_starts, token.idx) - 1
        if any(a <= token.idx < b for a, b in all_quoted[max(0, k - 2):k + 1]):
            continue
        paragraph = max(0, bisect.bisect_right(starts, token.idx) - 1)
        bounds = paragraphs[paragraph] if paragraphs else (0, len(article.text))
        frame = attribution_frame(token, bounds)
        if frame is None:
            continue
        cue, span, rule = frame
        if span is None:
            continue
        start, end = cut_trailing_adjunct(article.doc, span, bounds)
        start = skip_leading_date(article.doc, start, end)
        if any(a < end and start < b and not _mixed(article.text, start, end, a, b)
               for a, b in direct):
            continue
        clipped = clip_to_quotes(article.text, start, end, chunks, paragraph)
        if clipped is None:
            continue
        start, end = clipped
        speaker = resolver.resolve(cue.subject)
        n_tokens = len(article.doc.char_span(start, end, alignment_mode="expand") or [])
        if speaker.name is None and n_tokens < _MIN_ANONYMOUS_INDIRECT_TOKENS \
                and attr.is_reporting(token, attr.INDIRECT_VERBS):
            continue
        found.append(Chunk(start, end, start, end, paragraph, kind="indirect",
                                speaker=speaker, cue=cue, extra={"rule": rule}))
    # "Smith said he believes the talks will fail": the belief is part of what Smith said;
    # only reported speech keeps its own record when nested ("X said Y told him ...").
    nested = _nested(found)
    return [c for k, c in enumerate(found) if c.extra["rule"] == "reporting" or k not in nested]


def _nested(found: list[Chunk]) -> set[int]:
    """Indexes of records whose cue and content lie inside another record's content."""
    order = sorted(range(len(found)), key=lambda k: found[k].start)
    starts = [found[k].start for k in order]
    # Running best and second-best content end over records sorted by start, so a record
    # never counts as its own container; O(n log n) where a pairwise test was O(n^2).
    best: list[tuple[int, int]] = []
    second: list[int] = []
    top, top_k, runner = -1, -1, -1
    for k in order:
        end = found[k].end
        if end > top:
            top, top_k, runner = end, k, max(runner, top)
        elif end > runner:
            runner = end
        best.append((top, top_k))
        second.append(runner)
    inside = set()
    for k, chunk in enumerate(found):
        j = bisect.bisect_right(starts, chunk.cue.start) - 1
        if j < 0:
            continue
        top, top_k = best[j]
        end = top if top_k != k else second[j]
        if end >= chunk.end:
            inside.add(k)
    return inside


def _candidates(doc: Any) -> list[Any]:
    """Verbs and nouns whose lemma can open a frame, found on the Doc's arrays (one Python
    Token per candidate, not per word: most of the stage's time went to that loop)."""
    from spacy.attrs import LEMMA, POS
    from spacy.symbols import AUX, NOUN, VERB

    strings = doc.vocab.strings
    wanted = {strings.add(lemma) for lemma in CUE_LEMMAS}
    pos = {AUX, NOUN, VERB}
    rows = doc.to_array([LEMMA, POS])
    return [doc[i] for i, (lemma, tag) in enumerate(rows.tolist())
            if lemma in wanted and tag in pos]


def attribution_frame(token: Any, bounds: tuple[int, int]
                      ) -> tuple[attr.Cue, tuple[int, int] | None, str] | None:
    """(cue, content span) when the token is a cue with a content, else None."""
    if token.pos_ == "NOUN":
        return _noun_frame(token, bounds)
    lemma = token.lemma_.lower()
    if attr.is_reporting(token, attr.INDIRECT_VERBS):
        span = attr.content_clause(token, bounds)
        if span is not None:
            return attr.cue_of(token), span, "reporting"
        answer = _answer_word(token)
        if answer is not None:
            return attr.cue_of(token), (answer.idx, answer.idx + len(answer.text)), "reporting"
    if token.lower_ == "according":
        return None
    passive = any(c.dep_ in _PASSIVE for c in token.children)
    children = list(token.children)
    if lemma in COGNITION_VERBS:
        clauses = [c for c in children if c.dep_ == "ccomp"]
        if clauses and _has_source(token):
            return _cue(token, passive), _clause_span(clauses, bounds), "cognition"
    if lemma in INTENT_VERBS:
        clauses = [c for c in children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        if clauses:
            # "told Jeb Bush to quiet down": the addressee belongs to the content.
            clauses = [c for c in children if c.dep_ == "dobj" and c.i < clauses[0].i] + clauses
            return _cue(token, passive), _clause_span(clauses, bounds), "intent"
    for child in children:
        if child.dep_ == "prep" and (lemma, child.lower_) in PREP_FRAMES:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")
                       and c.ent_type_ not in ("DATE", "TIME")]  # "spoke on Monday"
            # "criticized the bank for raising rates": the object belongs to the content.
            before = [c for c in children if c.dep_ == "dobj" and c.i < child.i]
            if objects:
                cue = _cue(token, passive)
                if before:
                    objects = before + objects
                elif all(t.dep_ == "prt" for t in token.doc[token.i + 1:child.i]):
                    # "called for", "pointed out to"; not "pressed on Monday for"
                    cue.end, cue.text = child.idx + len(child.text), token.doc[token.i:child.i + 1].text
                return cue, _clause_span(objects, bounds), "prep"
    if lemma in STANCE_VERBS and not passive:
        # "defended his call to raise the minimum wage": the whole noun phrase, its clause
        # included, is the position defended (the noun's own record then nests inside).
        # "endorsed him", "supported her": a person is a stance's object; "it", "them" and
        # "this" stay out (measured on PolNeAR train: they point back at no clear content).
        objects = [c for c in children if c.dep_ == "dobj"
                   and (c.pos_ != "PRON" or c.lower_ in ("him", "her"))]
        if lemma == "raise":
            objects = [c for c in objects if c.lemma_.lower() in RAISED_CONTENT]  # not "$12 million"
        if lemma in _NAMING_VERBS and any(c.dep_ in ("oprd", "xcomp") for c in children):
            # "They called him a political opportunist": the naming is the content.
            objects = [c for c in children if c.dep_ in ("dobj", "oprd", "xcomp")]
        if objects and _has_source(token):
            # "criticised Sanders for stealing data": the reason belongs to the content.
            extra = [c for c in children if c.dep_ == "prep" and c.i > objects[-1].i
                     and c.lower_ in ("for", "of", "as")]
            return _cue(token, passive), _clause_span(objects + extra, bounds), "stance"
    return None


def _answer_word(verb: Any) -> Any:
    """ "72 percent said yes", "half said so", "he said no": a one-word answer right after a
    reporting verb is the whole of what was said."""
    if verb.i + 1 >= len(verb.doc):
        return None
    word = verb.doc[verb.i + 1]
    if word.lower_ not in ("yes", "no", "so") or word.head.i != verb.i:
        return None
    after = verb.doc[word.i + 1] if word.i + 1 < len(verb.doc) else None
    if after is not None and after.is_alpha and after.lower_ not in ("and", "but", "while", "in", "on"):
        return None  # "said so many times", "said no one"
    return word


def _noun_frame(noun: Any, bounds: tuple[int, int]
                ) -> tuple[attr.Cue, tuple[int, int] | None, str] | None:
    """ "his claim that ...", "the decision to ...", "calls for a ceasefire"."""
    lemma = noun.lemma_.lower()
    content = []
    if lemma in CONTENT_NOUNS:
        content = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
                   and (any(t.lower_ in ("that", "to") and t.dep_ in ("mark", "aux") for t in c.children))]
    if not content:
        for child in noun.children:
            if child.dep_ == "prep" and (lemma, child.lower_) in NOUN_PREP_FRAMES:
                content = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                break
    if not content:
        return None
    # "Trump's claim", "Trump claims that" (a verb tagged as a noun), "the Trump plan to".
    subject = next((c for c in noun.children if c.dep_ in ("poss", "nsubj")
                    or c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if subject is None:
        subject = _governing_subject(noun)
    start, end = noun.idx, noun.idx + len(noun.text)
    cue = attr.Cue(start, end, noun.text, noun, subject)
    return cue, _clause_span(content, bounds), "noun"


def _governing_subject(noun: Any) -> Any:
    """The active subject of the verb a content noun hangs from: "Obama issued a statement
    that ...", "Trump backed away from a suggestion that ...", "criticised him over his call"."""
    token = noun
    for _ in range(3):
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            token = token.head.head
        elif token.dep_ in ("dobj", "attr", "npadvmod"):
            token = token.head
        else:
            break
        if token.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in _PASSIVE for c in token.children):
                return None
            return attr.subject_of(token)
    return None


def _has_source(verb: Any) -> bool:
    """True when someone holds the thought: an active subject, or one reached by a conjunction."""
    if any(c.dep_ == "expl" for c in verb.children):
        return False  # "it seems that", "there is agreement that"
    subject = attr.subject_of(verb)
    return subject is not None and subject.lower_ not in ("it", "there", "this", "that", "which")


def _cue(verb: Any, passive: bool) -> attr.Cue:
    cue = attr.cue_of(verb)
    if passive:
        # "he is expected to win", "the plan was criticised": the subject is not the source.
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        cue.subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    return cue


def _clause_span(heads: list[Any], bounds: tuple[int, int]) -> tuple[int, int] | None:
    """The span of the content heads' subtrees ("to" and "that" stay: PolNeAR's convention)."""
    tokens = [t for head in heads for t in head.subtree]
    return attr.trim_tokens(tokens, bounds)


def cut_trailing_adjunct(doc: Any, span: tuple[int, int], bounds: tuple[int, int]
                         ) -> tuple[int, int]:
    """The content without a trailing part that is not what the source said: a comment set
    off by a comma (", which votes on March 1") or a second attribution of its own joined by
    "and" or a comma ("... and called his rise "unheard of"", ", calling them ...")."""
    tokens = doc.char_span(*span, alignment_mode="expand")
    if tokens is None or len(tokens) < 4:
        return span
    first, last = tokens[0].i, tokens[-1].i
    for token in tokens[1:-1]:
        nxt = doc[token.i + 1]
        if token.text == "," and _relative_to_end(nxt, last):
            return _end_before(doc, span, token.i)
        if token.dep_ in ("conj", "advcl") and token.pos_ == "VERB" and first < token.head.i <= last \
                and token.right_edge.i >= last and _own_attribution(token, bounds):
            joint = token.left_edge.i - 1
            if joint > first + 2 and (doc[joint].lower_ in ("and", "but") or doc[joint].text == ","):
                return _end_before(doc, span, joint)
    return span


def skip_leading_date(doc: Any, start: int, end: int) -> int:
    """The content's start after a date that belongs to the cue ("said Tuesday his plan ...",
    "said on Friday that ...", "promised Monday to ..."): the date says when, not what."""
    tokens = doc.char_span(start, end, alignment_mode="expand")
    if tokens is None or len(tokens) < 4:
        return start
    k = 1 if tokens[0].lower_ == "on" else 0
    if tokens[k].ent_type_ not in ("DATE", "TIME"):
        return start
    while k < len(tokens) and tokens[k].ent_type_ in ("DATE", "TIME"):
        k += 1
    if k >= len(tokens) - 2:
        return start
    rest = tokens[k]
    # Only when a clause starts right after it: "said Friday was the deadline" (the date is
    # the subject) and "said Tuesday's vote" (a possessive) keep it.
    if rest.dep_ not in ("nsubj", "nsubjpass", "mark", "det", "poss", "compound", "amod", "expl") \
            and rest.lower_ not in ("that", "to", "he", "she", "they", "it", "we", "i"):
        return start
    return rest.idx


def _relative_to_end(token: Any, last: int) -> bool:
    """True when `token` opens a non-restrictive "which" clause that runs to the end."""
    return token.lower_ == "which" and token.head.dep_ == "relcl" and token.head.right_edge.i >= last


def _own_attribution(verb: Any, bounds: tuple[int, int]) -> bool:
    """True when a verb inside a content reports speech or thought with a clause of its own
    ("... and predicted that Clinton will win"). Stance and intent verbs are left in: measured
    on PolNeAR train, cutting at them ("and called his rise ...") cost more than it gained."""
    if verb.lemma_.lower() not in CUE_LEMMAS:
        return False
    frame = attribution_frame(verb, bounds)
    return frame is not None and frame[1] is not None and frame[2] in ("reporting", "cognition")


def _end_before(doc: Any, span: tuple[int, int], i: int) -> tuple[int, int]:
    """The span cut to end at the word before token i (no trailing punctuation)."""
    k = i - 1
    while k > 0 and doc[k].is_punct and doc[k].idx > span[0]:
        k -= 1
    end = doc[k].idx + len(doc[k].text)
    return (span[0], end) if end > span[0] else span


def _mixed(text: str, start: int, end: int, q_start: int, q_end: int) -> bool:
    """True when a clause holds a quote plus at least three words of its own around it: a
    mixed quote the clause reports ('Ryan says no matter what Obama does, "his word ..."')."""
    if not (start <= q_start and q_end <= end + 1):
        return False
    outside = text[start:q_start] + " " + text[q_end:end]
    return sum(any(ch.isalnum() for ch in w) for w in outside.split()) >= _MIXED_MIN_WORDS


def clip_to_quotes(text: str, start: int, end: int, chunks: list[Chunk],
                   paragraph_of_start: int) -> tuple[int, int] | None:
    """Keep quote marks balanced: a clause cut through a quote takes it whole, or is dropped."""
    for chunk in chunks:
        close = chunk.close if chunk.close is not None else chunk.end
        if start <= chunk.open and close < end:
            continue  # the whole quote, marks included, lies inside the clause
        if chunk.open < end and start <= close:
            if chunk.open <= start and chunk.close is not None \
                    and _mixed(text, chunk.start, end, chunk.start, chunk.end):
                start = chunk.open  # 'said "it gets me mad" every time he thinks of ...'
                continue
            if chunk.open <= start:
                return None  # the clause is the quote itself: the partial quote reports it
            if chunk.paragraph == paragraph_of_start and chunk.close is not None:
                end = chunk.close + 1  # the clause ends inside the quote: take the whole quote
            else:
                end = chunk.open
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return (start, end) if end > start else None

