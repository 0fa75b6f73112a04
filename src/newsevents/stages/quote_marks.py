"""Quote marks for the quotes stage: pair them per paragraph and cut the quoted chunks.

Reads the clean text only (no parse). Fills nothing: returns `Chunk` records (mark positions and
the content span between them) for the quotes stage to classify and attribute.

Typographic, guillemet, straight and single marks are paired per paragraph; single marks that
are apostrophes ("Syria's", "rebels'") never pair; a paragraph that opens a quote and never
closes it is continued by the next paragraph that opens with a quote mark (wire convention).
Unbalanced or stray marks never raise: a stray closer is skipped, an unclosed opener runs to
the end of its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import attribution as attr

DOUBLE_OPEN = "\u201c\u00ab"  # “ «
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
SINGLE_OPEN = "\u2018"  # ‘
SINGLE_CLOSE = "\u2019"  # ’
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
_OPEN_CONTEXT = " \n\t([{\u2014\u2013-/:" + DOUBLE_OPEN + STRAIGHT_DOUBLE
_CLOSE_CONTEXT = " \n\t)]}.,;:!?\u2014\u2013-/\u2026" + DOUBLE_CLOSE + STRAIGHT_DOUBLE

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


_DOUBLED_SINGLE = re.compile(r"''|``")


def marks_view(text: str) -> str:
    """The text with `''` and ``` `` ``` (typewriter double quotes) turned into one straight
    double quote plus a space, on the side that keeps the mark's opening or closing look."""
    def replace(match: re.Match[str]) -> str:
        after = text[match.end():match.end() + 1]
        if match.group() == "``" or (after and not after.isspace() and after not in ",.;:!?)"):
            return ' "'
        return '" '
    return _DOUBLED_SINGLE.sub(replace, text)


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
    if end <= start or not any(ch.isalpha() for ch in text[start:end]):
        return None  # '"1449075600"' (a tweet id in markup) quotes nobody
    if open_at > 0 and text[open_at - 1] == "=":
        return None  # 'author="realDonaldTrump"': an attribute value in leftover markup
    return Chunk(open_at, close_at, start, end, paragraph)
