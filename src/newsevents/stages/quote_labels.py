"""Unquoted attributions for the quotes stage: transcript turns and headline labels.

Reads the clean text (through the quotes stage's marks view), the spaCy Doc and
`Article.entities`. Fills nothing itself: returns `Chunk`s of kind "transcript" or "headline"
(with the label's span in `extra["name"]`) for the quotes stage to attribute.
"""

from __future__ import annotations

import re

from ..model import Article
from .quote_marks import ALL_MARKS, Chunk

_HEADLINE_LABEL = re.compile(r"((?:[A-Z][\w.'\u2019-]*\s){0,3}[A-Z][\w.'\u2019-]*[a-z]):\s+(?=\S)")
_NOT_SPEAKERS = frozenset({"note", "update", "editor's note", "correction", "read more", "watch",
                           "source", "photo", "related", "q", "a", "video", "listen", "see also",
                           "breaking", "exclusive", "analysis", "opinion", "live", "getty"})
TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z.'\- ]{1,40}[A-Z]|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):\s+(?=\S)")


def transcript_chunks(article: Article, marks: str, paragraphs: list[tuple[int, int]],
                      chunks: list[Chunk]) -> list[Chunk]:
    """Interview transcripts: a paragraph "WALLACE: ..." with no quote marks is a direct quote."""
    found = []
    quoted_paragraphs = {c.paragraph for c in chunks}
    for index, (p_start, p_end) in enumerate(paragraphs):
        if index in quoted_paragraphs:
            continue
        match = TRANSCRIPT_LABEL.match(marks, p_start, p_end)
        if match is None or len(marks[match.end():p_end].split()) < 3:
            continue
        name = match.group(1)
        token = article.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if not name.isupper() and (token is None or token.root.pos_ != "PROPN"):
            continue
        if name.lower() in _NOT_SPEAKERS or " " in name and not name.isupper():
            continue
        chunk = Chunk(match.start(), None, match.end(), p_end, index, kind="transcript")
        chunk.extra["name"] = (match.start(1), match.end(1))
        found.append(chunk)
    return found


def headline_chunks(article: Article, marks: str, paragraphs: list[tuple[int, int]],
                    chunks: list[Chunk]) -> list[Chunk]:
    """Headline attributions: a paragraph "Paul Ryan: FBI Decision 'Defies Explanation'" is
    what the named source says; quotes inside it become part of that one record."""
    found = []
    transcripts = {c.paragraph for c in chunks if c.kind == "transcript"}
    for index, (p_start, p_end) in enumerate(paragraphs):
        match = _HEADLINE_LABEL.match(marks, p_start, p_end)
        if index in transcripts or match is None \
                or marks[match.end()] in ALL_MARKS and _quoted_whole(marks, match.end(), p_end):
            continue  # 'Darrell Scott: "You Find Me ..."': the quote chunk is the record
        end = p_end
        while end > match.end() and marks[end - 1] in " .":
            end -= 1
        if len(marks[match.end():end].split()) < 3 or len(marks[p_start:p_end]) > 200:
            continue
        span = article.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is None or match.group(1).lower() in _NOT_SPEAKERS or any(
                t.pos_ != "PROPN" for t in span if t.is_alpha) \
                and not _named_elsewhere(article, match.group(1), p_start, p_end):
            continue
        chunk = Chunk(match.start(), None, match.end(), end, index, kind="headline")
        chunk.extra["name"] = (match.start(1), match.end(1))
        found.append(chunk)
    inside = [c for c in chunks if any(h.paragraph == c.paragraph for h in found)]
    return [c for c in chunks if c not in inside] + found


def _quoted_whole(marks: str, start: int, end: int) -> bool:
    """True when the text from a quote mark to the paragraph end is one quote (a closing mark
    then at most a stop), not 'Sanders: "It Is Not A Radical Idea" To Ask For $15'."""
    tail = marks[start:end].rstrip(" .")
    closers = [k for k, ch in enumerate(tail) if ch in ALL_MARKS and k > 0 and tail[k - 1] != " "]
    return bool(closers) and closers[-1] >= len(tail) - 2


def _named_elsewhere(article: Article, label: str, p_start: int, p_end: int) -> bool:
    """True when a headline label ("Sanders", "Milbank") is the last word of a person or
    organisation named outside the headline: capitalised headline words fool the tagger."""
    last = label.split()[-1]
    for entity in article.entities:
        if entity.type in ("PERSON", "ORG") and entity.name.split()[-1:] == [last] \
                and any(not p_start <= m_start < p_end for m_start, _ in entity.mentions):
            return True
    return False
