"""Quotes stage: who said what — direct, partial and indirect quotes with resolved speakers.

Reads: `text` (paragraphs separated by blank lines), `doc`, `entities` (optional: used to
resolve pronouns and surnames; spaCy's own names are the fallback), `dates` (to date quotes).
Fills: `quotes`, in text order (ids q1, q2, ...), each dated by dates.governing_date.

How it works: quote marks are paired per paragraph (quote_marks.py). Each quoted chunk is
*direct* when it stands apart from the sentence around it, else *partial*. Direct quotes take
the cue from the frame right after them (", he said.") or right before them ("Smith said:",
"Jane Doe: ...", a previous paragraph ending "... added:"); split quotes and cue-less quote
paragraphs inherit the speaker of the quote before them. Partial quotes take the nearest
reporting verb above them in the parse, or the frame after a quote that runs over a sentence
end (then the whole mixed sentence is also an indirect record). Unmarked paragraphs are quotes
too when they are transcript turns ("WALLACE: ..."), headline attributions ("Paul Ryan: FBI
decision 'defies explanation'"; both in quote_labels.py) or block quotes after "The governor
added:". Indirect attributions (reported speech, thought, intent, stance) come from
indirect.py; a partial quote inside one is marked `part_of` it. A short scare-quoted phrase
with no reporting verb in its sentence, a quoted title ("the "Sean Hannity Show"") or a
handle is skipped: it is nobody's words.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Article, Quote
from . import attribution as attr
from .dates import governing_date
from .indirect import find_indirect
from .quote_labels import TRANSCRIPT_LABEL, headline_chunks, transcript_chunks
from .quote_marks import (
    ALL_MARKS, DOUBLE_CLOSE, DOUBLE_OPEN, SINGLE_CLOSE, STRAIGHT_DOUBLE, Chunk, find_chunks,
    marks_view, paragraph_spans,
)

_TERMINAL = ".!?\u2026"
_LEFT_FRAME = ":,;.!?([\u2014\u2013-\u2026" + DOUBLE_CLOSE + SINGLE_CLOSE + STRAIGHT_DOUBLE
_SCARE_MAX_WORDS = 3  # a cue-less quoted phrase this short is a scare quote
_INHERIT_MAX_GAP = 3  # paragraphs a cue-less quote may look back for its speaker
_FRAME_MAX_TOKENS = 14
_LOOSE_FRAME_WORDS = 3  # '"...," Jim Bennett shot back': a subject of up to three words first  # ", the former French foreign minister Claire Dumont told reporters"


def extract_quotes(article: Article, resources: Any) -> Article:
    """Fill `article.quotes` with direct, partial and indirect quotes and their speakers."""
    if not article.text or article.doc is None:
        article.quotes = []
        return article
    paragraphs = paragraph_spans(article.text)
    marks = marks_view(article.text)
    chunks = find_chunks(marks, paragraphs)
    chunks.extend(transcript_chunks(article, marks, paragraphs, chunks))
    chunks = headline_chunks(article, marks, paragraphs, chunks)
    chunks.extend(blockquote_chunks(article, marks, paragraphs, chunks))
    chunks.sort(key=lambda c: c.start)
    resolver = attr.SpeakerResolver(article, [(c.start, c.end) for c in chunks])
    for chunk in chunks:
        label = TRANSCRIPT_LABEL.match(marks, chunk.start, chunk.end)
        if chunk.kind != "transcript" and label and label.group(1).isupper() \
                and chunk.start == chunk.open + 1:
            # '"WALLACE: Let's start ...': a transcript turn inside quote marks.
            chunk.kind, chunk.start = "transcript", label.end()
            chunk.extra["name"] = (label.start(1), label.end(1))
        if chunk.kind == "headline":
            chunk.kind = "indirect"  # no quote marks: the words may be the editor's
            chunk.speaker = resolver.name(*chunk.extra["name"])
            chunk.cue = attr.Cue(chunk.extra["name"][1], chunk.extra["name"][1] + 1, ":", None)
        elif chunk.kind == "transcript":
            chunk.kind = "direct"
            chunk.speaker = resolver.name(*chunk.extra["name"])
        else:
            chunk.kind = classify(article, marks, chunk, paragraphs[chunk.paragraph])
    attribute_direct(article, chunks, paragraphs, resolver)
    mixed = attribute_partial(article, chunks, paragraphs, resolver)
    indirect = find_indirect(article, chunks, resolver, paragraphs) + mixed
    inherit_speakers(chunks, indirect, resolver)
    kept = [c for c in chunks if keep_chunk(article, c)]
    said = [c for c in kept + indirect if not _nobody(article.text, c.speaker)]
    article.quotes = link_parts(build_quotes(article.text, said))
    for quote in article.quotes:
        quote.date, quote.date_fallback = governing_date(
            article, *_date_anchor(article, quote), exclude=(quote.start, quote.end))
    return article


def _date_anchor(article: Article, quote: Quote) -> tuple[int, int]:
    """The span whose governing date dates a quote: its cue when the cue is in the quote's
    paragraph ("said on Friday" dates the words), else the quote's first character. Dates
    inside the quoted words ("act now, not next month") are excluded by the caller."""
    if quote.cue_start is not None and quote.cue_end is not None:
        low, high = sorted((quote.cue_start, quote.start))
        if "\n\n" not in article.text[low:high]:
            return quote.cue_start, quote.cue_end
    return quote.start, quote.start


# ---- quote marks ---------------------------------------------------------------------------

_DASH_BYLINE = re.compile(r"\s*[\u2015\u2014\u2013-]+\s*([A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3})")
_NAME_COLON = re.compile(r"(?:^|[\s\u2014\u2013-])((?:[A-Z][\w.'\u2019-]*\s){0,3}[A-Z][\w.'\u2019-]*[a-z])\s*:\s*$")


def blockquote_chunks(article: Article, marks: str, paragraphs: list[tuple[int, int]],
                      chunks: list[Chunk]) -> list[Chunk]:
    """A paragraph after "The governor added:" with no quote marks of its own is a block
    quote (web pages lose the indentation that marked it)."""
    found = []
    taken = {c.paragraph for c in chunks}
    for index in range(1, len(paragraphs)):
        p_start, p_end = paragraphs[index]
        if index in taken or index - 1 in taken or marks[p_start] in ALL_MARKS \
                or len(marks[p_start:p_end].split()) < 5:
            continue
        if _colon_intro(article, paragraphs[index - 1], [], strict=True) is None:
            continue
        end = p_end
        while end > p_start and marks[end - 1].isspace():
            end -= 1
        found.append(Chunk(p_start, None, p_start, end, index))
    return found


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
        ended = article.text[chunk.close - 1] if chunk.close is not None else "."
        cue = frame_cue(article.doc, *gap_after, quoted, where="after", loose=ended in ",!?")
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
              where: str, loose: bool = False) -> attr.Cue | None:
    """A reporting verb in the short attribution frame after (", he said.") or before a quote.
    `loose` (the quote ended in , ! or ?, so the sentence goes on): any verb with its subject
    right after the quote is the cue ("Bennett shot back", "beamed Donald Hartley")."""
    if end <= start:
        return None
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    tokens = [t for t in span if not any(a <= t.idx < b for a, b in quoted)]
    if where == "after":
        words, fallback = 0, None
        for token in tokens:
            if token.text in (".", "!", "?", ";") or token.text in DOUBLE_OPEN:
                break
            if attr.is_reporting(token):
                return attr.cue_of(token)
            if loose and fallback is None and words <= _LOOSE_FRAME_WORDS and token.pos_ == "VERB" \
                    and token.tag_ in ("VBD", "VBZ", "VBP") and any(
                        c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON", "NOUN")
                        and start <= c.idx < end for c in token.children):
                fallback = token
            words += not token.is_punct
            if words > _FRAME_MAX_TOKENS:
                break
        return attr.cue_of(fallback) if fallback is not None else None
    for token in reversed(tokens):
        if token.text in (".", "!", "?", ";") and token.i != tokens[-1].i:
            return None
        if attr.is_reporting(token):
            return attr.cue_of(token)
    return None


def _colon_intro(article: Article, paragraph: tuple[int, int],
                 quoted: list[tuple[int, int]], strict: bool = False) -> attr.Cue | None:
    """A paragraph ending in a colon introduces the quote paragraph after it: "As Jane Doe
    observed after the debate:", "the president released the following statement:"."""
    text = article.text[paragraph[0]:paragraph[1]].rstrip()
    if not text.endswith(":"):
        return None
    span = article.doc.char_span(paragraph[0], paragraph[0] + len(text), alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    sent = span[-1].sent
    tokens = [t for t in sent if paragraph[0] <= t.idx < paragraph[1]
              and not any(a <= t.idx < b for a, b in quoted)]
    verbs = [t for t in tokens if attr.is_reporting(t, attr.REPORTING_VERBS)]
    if strict and (not verbs or verbs[-1].i < span[-1].i - 3):
        return None  # "Here is the irony:", "he spoke about X:" introduce the writer's words
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
        if attr.is_reporting(ancestor, attr.REPORTING_VERBS) \
                and _same_paragraph(article.text, ancestor.idx, chunk.start):
            return attr.cue_of(ancestor)
    # "according to residents" hangs off the main verb, not above the quote.
    for token in span.sent:
        if token.lower_ == "according" and attr.is_reporting(token) \
                and not (chunk.start <= token.idx < chunk.end) \
                and _same_paragraph(article.text, token.idx, chunk.start):
            return attr.cue_of(token)
    return None


def _same_paragraph(text: str, a: int, b: int) -> bool:
    """True when no line break lies between two offsets: the parser sometimes runs a sentence
    over a paragraph break, and a cue in the paragraph before is someone else's."""
    return "\n" not in text[min(a, b):max(a, b)]


def attribute_partial(article: Article, chunks: list[Chunk], paragraphs: list[tuple[int, int]],
                      resolver: attr.SpeakerResolver) -> list[Chunk]:
    """Attribute partial quotes to the subject of the reporting verb above them; return the
    mixed quotes ('The people "deserve better. That is Clinton," Biden said') as indirect."""
    mixed = []
    quoted = [(c.start, c.end) for c in chunks]
    for k, chunk in enumerate(chunks):
        if chunk.kind != "partial":
            continue
        cue = _cue_above(article, chunk)
        if cue is None:
            cue = _sentence_cue(article, chunk)
        if cue is None and chunk.close is not None \
                and article.text[chunk.close - 1:chunk.close + 2].strip()[:1] in (",", ".", "!", "?"):
            # The quote runs over a sentence end, so the parse cannot link it to the cue after it.
            p_end = paragraphs[chunk.paragraph][1]
            nxt = chunks[k + 1].open if k + 1 < len(chunks) and chunks[k + 1].open < p_end else p_end
            cue = frame_cue(article.doc, chunk.close + 1, nxt, quoted, where="after")
            lead = article.doc.char_span(chunk.open, chunk.open + 1, alignment_mode="expand")
            if cue is not None and lead is not None and lead.sent.start_char < chunk.open:
                start = max(lead.sent.start_char, paragraphs[chunk.paragraph][0])
                mixed.append(Chunk(start, chunk.close + 1, start, chunk.close + 1, chunk.paragraph,
                                   kind="indirect", cue=cue, extra={"rule": "mixed"}))
        if cue is not None:
            chunk.cue = cue
            chunk.speaker = resolver.resolve(cue.subject)
            for extra in mixed:
                if extra.cue is cue:
                    extra.speaker = chunk.speaker
        else:
            holder = _clause_holder(article, chunk)
            if holder is not None:
                # 'Bush referred to Rubio as "a bright, charismatic leader"': no cue, but the
                # sentence's named subject is whose words these are (the cue stays empty, so a
                # short scare quote is still dropped).
                chunk.speaker = resolver.resolve(holder)
    return mixed


def _clause_holder(article: Article, chunk: Chunk) -> Any:
    """The named (or he/she) subject of the nearest verb above a partial quote, or None."""
    span = article.doc.char_span(chunk.start, chunk.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for ancestor in span.root.ancestors:
        if chunk.start <= ancestor.idx < chunk.end or ancestor.pos_ not in ("VERB", "AUX") \
                or not _same_paragraph(article.text, ancestor.idx, chunk.start):
            continue
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in ancestor.children):
            return None
        subject = attr.subject_of(ancestor)
        if subject is None:
            continue
        if subject.pos_ == "PROPN" or subject.lower_ in ("he", "she"):
            return subject
        return None
    return None


def _sentence_cue(article: Article, chunk: Chunk) -> attr.Cue | None:
    """Any framing reporting verb in the quote's sentence, outside the quote."""
    span = article.doc.char_span(chunk.start, chunk.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for token in span[0].sent:
        if chunk.start <= token.idx < chunk.end or not _same_paragraph(article.text, token.idx,
                                                                        chunk.start):
            continue
        if attr.is_reporting(token) and token.dep_ in ("ROOT", "conj", "advcl", "parataxis"):
            return attr.cue_of(token)
    return None


def inherit_speakers(chunks: list[Chunk], indirect: list[Chunk],
                     resolver: attr.SpeakerResolver) -> None:
    """Split quotes, continuations and cue-less quote paragraphs take the previous speaker:
    from the paragraph before, or from up to three paragraphs back when nobody else is named
    in between (a run of quote paragraphs after "Trump spoke in evasive bromides")."""
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
            gap = chunk.paragraph - previous.paragraph
            near = gap <= 1 or chunk.continues or gap <= _INHERIT_MAX_GAP and not any(
                name != previous.speaker.name
                for name in resolver.people_between(previous.end, chunk.start))
            if near:
                chunk.speaker, chunk.cue = previous.speaker, previous.cue
                chunk.extra["inherited"] = True
        if chunk.speaker is not None and chunk.speaker.name:
            previous = chunk


_NOBODY = re.compile(r"(?i)(?:no|nobody|no-one|none|neither)\b(?!\.)")


def _nobody(text: str, speaker: attr.Speaker | None) -> bool:
    """"No group immediately claimed responsibility": a denied speaker says nothing."""
    if speaker is None or speaker.start is None:
        return False
    return _NOBODY.match(text, speaker.start, speaker.end) is not None


def keep_chunk(article: Article, chunk: Chunk) -> bool:
    """Drop scare quotes: short partial quotes that nobody in the sentence is reported to say."""
    words = article.text[chunk.start:chunk.end].split()
    if chunk.kind == "partial" and (words[0][:1] in "@#" and len(words) == 1 or _is_title(words)):
        return False  # '"@realDonaldTrump"', 'the "Sean Hannity Show"': names, not words said
    if chunk.kind == "direct" and _is_title(words) and words[-1][-1:] not in ".!?":
        return False  # 'on "Aaron Klein Investigative Radio," Klein said': a show's name
    if chunk.kind == "direct" or chunk.cue is not None:
        return True
    return len(words) > _SCARE_MAX_WORDS


def _is_title(words: list[str]) -> bool:
    """A short run of capitalised words with no sentence inside: a title or a name."""
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "or"}
    return 1 < len(words) <= 6 and all(w[:1].isupper() or w in small for w in words) \
        and not any(w[-1:] in "!?" for w in words) and words[0][:1].isupper()


# ---- output -------------------------------------------------------------------------------

def link_parts(quotes: list[Quote]) -> list[Quote]:
    """Mark each partial quote that lies inside an indirect quote's content as `part_of` it
    (the smallest such): 'Smith said the plan was "dead on arrival"' is one attribution, its
    reported clause with a verbatim fragment, not two."""
    indirect = [q for q in quotes if q.kind == "indirect"]
    for quote in quotes:
        if quote.kind != "partial":
            continue
        holders = [q for q in indirect if q.start <= quote.start and quote.end <= q.end]
        if holders:
            quote.part_of = min(holders, key=lambda q: q.end - q.start).id
    return quotes


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
