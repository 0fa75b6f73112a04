"""Quotes stage: who said what — direct, partial and indirect quotes with resolved speakers.

Reads: `text` (paragraphs separated by blank lines), `doc`, `entities` (optional: used to
resolve pronouns and surnames; spaCy's own names are the fallback).
Fills: `quotes`, in text order (ids q1, q2, ...).

How it works: quote marks are paired per paragraph (typographic, guillemets, straight, and
single quotes that are not apostrophes); a paragraph that opens a quote and never closes it
is continued by the next paragraph that opens with a quote mark (wire convention). Each
quoted chunk is *direct* when it stands apart from the sentence around it, else *partial*.
Direct quotes take the cue from the frame right after them (", he said.") or right before
them ("Smith said:"); split quotes and cue-less quote paragraphs inherit the speaker of the
quote before them. Partial quotes take the nearest reporting verb above them in the parse.
Indirect quotes are the content clause (ccomp) of a reporting verb, or the clause that
"according to X" modifies. A short scare-quoted phrase with no reporting verb anywhere in
its sentence is skipped: it is the writer's irony, not anyone's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Quote
from . import attribution as attr
from .indirect import find_indirect

DOUBLE_OPEN = "\u201c\u00ab"  # “ «
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
SINGLE_OPEN = "\u2018"  # ‘
SINGLE_CLOSE = "\u2019"  # ’
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
_OPEN_CONTEXT = " \n\t([{\u2014\u2013-/:" + DOUBLE_OPEN + STRAIGHT_DOUBLE
_CLOSE_CONTEXT = " \n\t)]}.,;:!?\u2014\u2013-/\u2026" + DOUBLE_CLOSE + STRAIGHT_DOUBLE
_TERMINAL = ".!?\u2026"
_LEFT_FRAME = ":,;.!?([\u2014\u2013-\u2026" + DOUBLE_CLOSE + SINGLE_CLOSE + STRAIGHT_DOUBLE
_SCARE_MAX_WORDS = 3  # a cue-less quoted phrase this short is a scare quote
_FRAME_MAX_TOKENS = 14  # ", the former French foreign minister Claire Dumont told reporters"


@dataclass
class Chunk:
    """One quoted chunk: mark positions and the content span inside them."""

    open: int
    close: int | None  # None: the quote runs to the end of its paragraph
    start: int
    end: int
    paragraph: int
    kind: str = "direct"
    continues: bool = False  # continues a quote left open by the previous paragraph
    speaker: attr.Speaker | None = None
    cue: attr.Cue | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def extract_quotes(article: Article, resources: Any) -> Article:
    """Fill `article.quotes` with direct, partial and indirect quotes and their speakers."""
    if not article.text or article.doc is None:
        article.quotes = []
        return article
    paragraphs = paragraph_spans(article.text)
    marks = marks_view(article.text)
    chunks = find_chunks(marks, paragraphs)
    chunks.extend(transcript_chunks(article, marks, paragraphs, chunks))
    chunks.sort(key=lambda c: c.start)
    resolver = attr.SpeakerResolver(article, [(c.start, c.end) for c in chunks])
    for chunk in chunks:
        label = _TRANSCRIPT.match(marks, chunk.start, chunk.end)
        if chunk.kind != "transcript" and label and label.group(1).isupper() \
                and chunk.start == chunk.open + 1:
            # '"WALLACE: Let's start ...': a transcript turn inside quote marks.
            chunk.kind, chunk.start = "transcript", label.end()
            chunk.extra["name"] = (label.start(1), label.end(1))
        if chunk.kind == "transcript":
            chunk.kind = "direct"
            chunk.speaker = resolver.name(*chunk.extra["name"])
        else:
            chunk.kind = classify(article, marks, chunk, paragraphs[chunk.paragraph])
    attribute_direct(article, chunks, paragraphs, resolver)
    attribute_partial(article, chunks, resolver)
    indirect = find_indirect(article, chunks, resolver, paragraphs, Chunk)
    inherit_speakers(chunks, indirect)
    kept = [c for c in chunks if keep_chunk(article, c)]
    article.quotes = build_quotes(article.text, kept + indirect)
    return article


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph: blocks separated by blank lines, or by single newlines."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# ---- quote marks ---------------------------------------------------------------------------

_DASH_BYLINE = re.compile(r"\s*[\u2015\u2014\u2013-]+\s*([A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3})")
_DOUBLED_SINGLE = re.compile(r"''|``")
_NAME_COLON = re.compile(r"(?:^|[\s\u2014\u2013-])((?:[A-Z][\w.'\u2019-]*\s){0,3}[A-Z][\w.'\u2019-]*[a-z])\s*:\s*$")
_TRANSCRIPT = re.compile(r"([A-Z][A-Z.'\- ]{1,40}[A-Z]|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):\s+(?=\S)")


def marks_view(text: str) -> str:
    """The text with `''` and ``` `` ``` (typewriter double quotes) turned into one straight
    double quote plus a space, on the side that keeps the mark's opening or closing look."""
    def replace(match: re.Match[str]) -> str:
        after = text[match.end():match.end() + 1]
        if match.group() == "``" or (after and not after.isspace() and after not in ",.;:!?)"):
            return ' "'
        return '" '
    return _DOUBLED_SINGLE.sub(replace, text)


def transcript_chunks(article: Article, marks: str, paragraphs: list[tuple[int, int]],
                      chunks: list[Chunk]) -> list[Chunk]:
    """Interview transcripts: a paragraph "WALLACE: ..." with no quote marks is a direct quote."""
    found = []
    quoted_paragraphs = {c.paragraph for c in chunks}
    for index, (p_start, p_end) in enumerate(paragraphs):
        if index in quoted_paragraphs:
            continue
        match = _TRANSCRIPT.match(marks, p_start, p_end)
        if match is None or len(marks[match.end():p_end].split()) < 3:
            continue
        name = match.group(1)
        token = article.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if not name.isupper() and (token is None or token.root.pos_ != "PROPN"):
            continue
        if name.lower() in ("note", "update", "editor's note", "correction", "read more", "watch",
                            "source", "photo", "related", "q", "a") or " " in name and not name.isupper():
            continue
        chunk = Chunk(match.start(), None, match.end(), p_end, index, kind="transcript")
        chunk.extra["name"] = (match.start(1), match.end(1))
        found.append(chunk)
    return found


def find_chunks(text: str, paragraphs: list[tuple[int, int]]) -> list[Chunk]:
    """All quoted chunks, paragraph by paragraph, with multi-paragraph continuations marked."""
    chunks: list[Chunk] = []
    open_before = False
    for index, (p_start, p_end) in enumerate(paragraphs):
        pairs = pair_marks(text, p_start, p_end)
        found = []
        for open_at, close_at in pairs:
            chunk = make_chunk(text, open_at, close_at, p_end, index)
            if chunk is not None:
                found.append(chunk)
        if found and open_before and found[0].open == p_start:
            found[0].continues = True
        open_before = bool(pairs) and pairs[-1][1] is None
        chunks.extend(found)
    return chunks


def pair_marks(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    """Pairs (open, close) of quote marks in one paragraph; close None if left open."""
    doubles = _pair_doubles(text, start, end)
    singles = _pair_singles(text, start, end, doubles)
    pairs = sorted(doubles + singles, key=lambda p: p[0])
    # Drop quotes nested inside another (a quote within a quote stays part of its content).
    outer: list[tuple[int, int | None]] = []
    for pair in pairs:
        if outer and (outer[-1][1] is None or pair[0] < outer[-1][1]):
            continue
        outer.append(pair)
    return outer


def _pair_doubles(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    pairs: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch in DOUBLE_OPEN:
            if open_at is None:
                open_at = i
            elif _looks_closing(text, i, start, end) and not _looks_opening(text, i, start, end):
                pairs.append((open_at, i))  # “ used as a closer by bad typography
                open_at = None
        elif ch in DOUBLE_CLOSE:
            if open_at is not None:
                pairs.append((open_at, i))
                open_at = None
            elif _looks_opening(text, i, start, end):  # ” used as an opener by bad typography
                open_at = i
        elif ch == STRAIGHT_DOUBLE:
            if open_at is None:
                if _looks_closing(text, i, start, end) and not _looks_opening(text, i, start, end):
                    continue  # a stray closer: never swallow the rest of the paragraph
                open_at = i
            else:
                pairs.append((open_at, i))
                open_at = None
    if open_at is not None:
        pairs.append((open_at, None))
    return pairs


def _pair_singles(text: str, start: int, end: int,
                  doubles: list[tuple[int, int | None]]) -> list[tuple[int, int | None]]:
    """Single-quote pairs outside double quotes; apostrophes ("Syria's", "rebels'") never pair."""
    def inside_double(i: int) -> bool:
        return any(a < i and (b is None or i < b) for a, b in doubles)

    pairs: list[tuple[int, int | None]] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in SINGLE_OPEN + STRAIGHT_SINGLE and _looks_opening(text, i, start, end) \
                and not inside_double(i):
            close = _single_closer(text, i + 1, end)
            if close is not None:
                pairs.append((i, close))
                i = close + 1
                continue
        i += 1
    return pairs


def _single_closer(text: str, begin: int, end: int) -> int | None:
    """The closing single mark for an opener: prefer one after punctuation (",’" ".’")."""
    candidates = []
    for j in range(begin, end):
        ch = text[j]
        if ch in SINGLE_OPEN or (ch == STRAIGHT_SINGLE and _looks_opening(text, j, begin, end)):
            break  # a new opener: this one was an apostrophe-like mark ("'90s", "'em")
        if ch in SINGLE_CLOSE + STRAIGHT_SINGLE and _looks_closing(text, j, begin, end):
            candidates.append(j)
            if text[j - 1] in ",.!?" or (j + 1 < end and text[j + 1] in ",.;:!?"):
                return j
    if not candidates:
        return None
    # "the rebels' positions" ends in a mark followed by a space too: take the last one.
    return candidates[-1]


def _looks_opening(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return before in _OPEN_CONTEXT and not after.isspace()


def _looks_closing(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and (after in _CLOSE_CONTEXT or after in ALL_MARKS)


def make_chunk(text: str, open_at: int, close_at: int | None, p_end: int,
               paragraph: int) -> Chunk | None:
    """The content span between two marks, without spaces or a trailing comma."""
    start, end = open_at + 1, close_at if close_at is not None else p_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end <= start or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return Chunk(open_at, close_at, start, end, paragraph)


# ---- direct or partial --------------------------------------------------------------------

def classify(article: Article, text: str, chunk: Chunk, paragraph: tuple[int, int]) -> str:
    """'direct' when the quote stands apart from the sentence around it, else 'partial'."""
    before = text[paragraph[0]:chunk.open].rstrip()
    content = text[chunk.start:chunk.end]
    after = "" if chunk.close is None else text[chunk.close + 1:paragraph[1]].lstrip()
    left_ok = not before or before[-1] in _LEFT_FRAME or _after_cue_word(article, chunk.open)
    ends_sentence = content.rstrip()[-1:] in _TERMINAL + ",\u2014\u2013-:;" \
        or text[chunk.end:chunk.end + 1] == ","
    right_ok = chunk.close is None or ends_sentence or not after or after[0] in ",.;:!?)\u2014\u2013"
    if before and before[-1] in "([" and not ends_sentence and len(content.split()) <= _SCARE_MAX_WORDS:
        return "partial"  # '(dubbed "Operation Dawn")'
    if left_ok and right_ok:
        if before and before[-1] not in _TERMINAL + ":" + DOUBLE_CLOSE + STRAIGHT_DOUBLE \
                and not content[:1].isupper() and not _after_cue_word(article, chunk.open):
            return "partial"  # 'rocket fire from "terrorist groups", it said'
        return "direct"
    return "partial"


def _after_cue_word(article: Article, offset: int) -> bool:
    """True when the word right before a quote mark is (or belongs to) a reporting verb."""
    span = article.doc.char_span(max(0, offset - 40), offset, alignment_mode="contract")
    if span is None or len(span) == 0:
        return False
    token = span[-1]
    if token.is_punct and len(span) > 1:
        token = span[-2] if token.text in ",:" else token
    return attr.is_reporting(token) or (token.dep_ in ("dobj", "dative") and attr.is_reporting(token.head))


# ---- attribution --------------------------------------------------------------------------

def attribute_direct(article: Article, chunks: list[Chunk], paragraphs: list[tuple[int, int]],
                     resolver: attr.SpeakerResolver) -> None:
    """Find the cue and speaker of each direct quote from the frame after or before it."""
    quoted = [(c.start, c.end) for c in chunks]
    for i, chunk in enumerate(chunks):
        if chunk.kind != "direct" or chunk.speaker is not None:
            continue
        p_start, p_end = paragraphs[chunk.paragraph]
        same = [c for c in chunks if c.paragraph == chunk.paragraph]
        k = same.index(chunk)
        gap_after = (chunk.close + 1 if chunk.close is not None else p_end,
                     same[k + 1].open if k + 1 < len(same) else p_end)
        gap_before = (same[k - 1].close + 1 if k > 0 and same[k - 1].close is not None else p_start,
                      chunk.open)
        byline = _DASH_BYLINE.match(article.text, *gap_after)
        if byline is not None:
            # '"..." ― Sonya Herridge': a dash byline names the speaker.
            chunk.speaker = resolver.name(byline.start(1), byline.end(1))
            continue
        label = _NAME_COLON.search(article.text, gap_before[0], gap_before[1])
        if label is not None and label.end() == gap_before[1]:
            # 'RED STATES GAIN - Jane Doe: "..."': a name and a colon introduce the quote.
            chunk.speaker = resolver.name(label.start(1), label.end(1))
            chunk.cue = attr.Cue(label.end(1), label.end(1) + 1, ":", None)
            continue
        cue = frame_cue(article.doc, *gap_after, quoted, where="after")
        if cue is None:
            cue = frame_cue(article.doc, *gap_before, quoted, where="before")
        if cue is None and chunk.close is not None:
            cue = _cue_above(article, chunk)
        if cue is None and chunk.open == p_start and chunk.paragraph > 0 and not chunk.continues:
            cue = _colon_intro(article, paragraphs[chunk.paragraph - 1], quoted)
        if cue is not None:
            chunk.cue = cue
            subject = cue.subject
            if subject is not None and any(a <= subject.idx < b for a, b in quoted):
                # A mis-parse took a subject from inside the quote ("telling the crowd, "Some
                # people ...""): the speaker is the subject of the clause the cue hangs from.
                subject = attr.subject_of(cue.verb.head) if cue.verb is not None \
                    and cue.verb.dep_ in ("advcl", "conj", "xcomp") else None
                if subject is not None and any(a <= subject.idx < b for a, b in quoted):
                    subject = None
            subject = subject or attr.nearest_name(article.doc, *(
                gap_after if cue.start >= chunk.end else gap_before), quoted)
            chunk.speaker = resolver.resolve(subject)


def frame_cue(doc: Any, start: int, end: int, quoted: list[tuple[int, int]],
              where: str) -> attr.Cue | None:
    """A reporting verb in the short attribution frame after (", he said.") or before a quote."""
    if end <= start:
        return None
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    tokens = [t for t in span if not any(a <= t.idx < b for a, b in quoted)]
    if where == "after":
        words = 0
        for token in tokens:
            if token.text in (".", "!", "?", ";") or token.text in DOUBLE_OPEN:
                return None
            if attr.is_reporting(token):
                return attr.cue_of(token)
            words += not token.is_punct
            if words > _FRAME_MAX_TOKENS:
                return None
        return None
    for token in reversed(tokens):
        if token.text in (".", "!", "?", ";") and token.i != tokens[-1].i:
            return None
        if attr.is_reporting(token):
            return attr.cue_of(token)
    return None


def _colon_intro(article: Article, paragraph: tuple[int, int],
                 quoted: list[tuple[int, int]]) -> attr.Cue | None:
    """A paragraph ending in a colon introduces the quote paragraph after it: "As Jane Doe
    observed after the debate:", "the president released the following statement:"."""
    text = article.text[paragraph[0]:paragraph[1]].rstrip()
    if not text.endswith(":"):
        return None
    span = article.doc.char_span(paragraph[0], paragraph[0] + len(text), alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    sent = span[-1].sent
    tokens = [t for t in sent if not any(a <= t.idx < b for a, b in quoted)]
    verbs = [t for t in tokens if attr.is_reporting(t, attr.REPORTING_VERBS)]
    verb = verbs[-1] if verbs else sent.root
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return attr.cue_of(verb)


def _cue_above(article: Article, chunk: Chunk) -> attr.Cue | None:
    """The nearest reporting verb above the quote in the parse (for quotes inside a sentence)."""
    span = article.doc.char_span(chunk.start, chunk.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    for ancestor in root.ancestors:
        if ancestor.idx >= chunk.start and ancestor.idx < chunk.end:
            continue  # a verb inside the quote is the quoted speaker's, not the cue
        if attr.is_reporting(ancestor, attr.REPORTING_VERBS):
            return attr.cue_of(ancestor)
    # "according to residents" hangs off the main verb, not above the quote.
    for token in span.sent:
        if token.lower_ == "according" and attr.is_reporting(token) \
                and not (chunk.start <= token.idx < chunk.end):
            return attr.cue_of(token)
    return None


def attribute_partial(article: Article, chunks: list[Chunk],
                      resolver: attr.SpeakerResolver) -> None:
    """Attribute partial quotes to the subject of the reporting verb above them."""
    for chunk in chunks:
        if chunk.kind != "partial":
            continue
        cue = _cue_above(article, chunk)
        if cue is None:
            cue = _sentence_cue(article, chunk)
        if cue is not None:
            chunk.cue = cue
            chunk.speaker = resolver.resolve(cue.subject)


def _sentence_cue(article: Article, chunk: Chunk) -> attr.Cue | None:
    """Any framing reporting verb in the quote's sentence, outside the quote."""
    span = article.doc.char_span(chunk.start, chunk.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for token in span[0].sent:
        if chunk.start <= token.idx < chunk.end:
            continue
        if attr.is_reporting(token) and token.dep_ in ("ROOT", "conj", "advcl", "parataxis"):
            return attr.cue_of(token)
    return None


def inherit_speakers(chunks: list[Chunk], indirect: list[Chunk]) -> None:
    """Split quotes, continuations and cue-less quote paragraphs take the previous speaker."""
    previous: Chunk | None = None
    attributed = sorted([c for c in chunks if c.kind == "direct"] + indirect,
                        key=lambda c: c.start)
    for chunk in attributed:
        if chunk.kind != "direct":
            if chunk.speaker and chunk.speaker.name:
                previous = chunk
            continue
        if chunk.cue is None and chunk.speaker is None and previous is not None \
                and previous.speaker is not None:
            near = chunk.paragraph - previous.paragraph <= 1 or chunk.continues
            if near:
                chunk.speaker, chunk.cue = previous.speaker, previous.cue
                chunk.extra["inherited"] = True
        if chunk.speaker is not None and chunk.speaker.name:
            previous = chunk


def keep_chunk(article: Article, chunk: Chunk) -> bool:
    """Drop scare quotes: short partial quotes that nobody in the sentence is reported to say."""
    if chunk.kind == "direct" or chunk.cue is not None:
        return True
    return len(article.text[chunk.start:chunk.end].split()) > _SCARE_MAX_WORDS


# ---- output -------------------------------------------------------------------------------

def build_quotes(text: str, chunks: list[Chunk]) -> list[Quote]:
    """Quote records in text order, numbered q1, q2, ..."""
    quotes = []
    for n, chunk in enumerate(sorted(chunks, key=lambda c: (c.start, c.end)), start=1):
        speaker = chunk.speaker or attr.Speaker(None, None, None, None)
        cue = chunk.cue
        quotes.append(Quote(
            id=f"q{n}", text=text[chunk.start:chunk.end], start=chunk.start, end=chunk.end,
            kind=chunk.kind, speaker=speaker.name, speaker_id=speaker.entity_id,
            cue=cue.text if cue else None,
            # An inherited speaker keeps the evidence of the quote it was inherited from.
            speaker_start=speaker.start, speaker_end=speaker.end,
            cue_start=cue.start if cue else None, cue_end=cue.end if cue else None,
        ))
    return quotes
