"""Text stage: raw HTML or text -> clean text, metadata, and the boilerplate lines removed.

Reads: `raw_html` or `raw_text`, and any metadata ingestion already set.
Fills: `text`, `removed`, `language`, and `title`, `outlet`, `url`, `published` when unset.
Raises `InputError` for empty, over-size or non-English input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import ftfy
from ftfy.fixes import fix_c1_controls

from ..datelines import story_dateline
from ..model import Article, InputError

# Lines that scraped news pages carry around the story. Matched against a whole line
# (after whitespace is normalised), case-insensitively. Each pattern names a kind of furniture.
BOILERPLATE_PATTERNS: tuple[str, ...] = (
    r"this (is an )?archived (article|story|page)\b.*",
    r"comments (are|have been) (closed|disabled)\.?",
    r"(be the first to )?(leave|post|add) a comment\.?",
    r"\d+ comments?",
    r"(share|share this|share this (article|story|page|post)|share (on|via))\s*[:|].{0,80}",
    r"(share this (article|story|page|post)|share (on|via) (facebook|twitter|x|whatsapp|email)|"
    r"tweet this|email this( (article|story))?|share|print)\b\W{0,3}",
    r"(facebook|twitter|x|whatsapp|linkedin|email|print|reddit|telegram)"
    r"(\s*[|/·•,]\s*(facebook|twitter|x|whatsapp|linkedin|email|print|reddit|telegram))+",
    r"(subscribe|sign up|register)\b.{0,120}(newsletter|updates|alerts|inbox|free|today|now)\b.*",
    r"(get|receive) (our|the) .{0,60}(newsletter|alerts|briefing)\b.*",
    r"follow us on .{0,80}",
    r"(advertisement|advertising|sponsored( content)?|ad feedback|story continues below.*)",
    r"(skip to (main )?content|jump to navigation|toggle navigation|main menu|menu)",
    r"(read|see|watch|listen)( also| more| next)?\s*[:|»>-].{0,160}",
    r"(related|related (articles|stories|coverage)|more from .{0,40}|recommended( for you)?)\s*:?.{0,160}",
    r"(©|\(c\)|copyright)\s*.{0,120}",
    r".{0,80}all rights reserved\.?.{0,40}",
    r"(click|tap) here\b.{0,120}",
    r"(this (article|story) (was|has been) (updated|corrected)\b.*)",
    r"(download|get) (our|the) .{0,40}\bapp\b.{0,120}",
    r"(listen|watch) (to this|live)\b.{0,80}",
    r"(photo|image|video|file photo)\s*(credit)?\s*:.{0,160}",
    r"(we use cookies|by continuing to (use|browse)|accept (all )?cookies)\b.*",
    r"(reporting|writing|editing|additional reporting) by .{0,160}",
    r"(loading|loading\.\.\.|please wait\.*)",
    r"(previous|next) (article|story|post)\b.{0,160}",
    r"(tags|topics|filed under)\s*:.{0,200}",
    r"(sign in|log in|logout|log out)( to .{0,60})?",
)
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_PATTERNS), re.IGNORECASE)

_TITLE_MAX_WORDS = 25


def clean_text(article: Article, resources: object) -> Article:
    """Fill the clean text and metadata of an article from its raw HTML or text."""
    settings = getattr(resources, "settings", None)
    if article.raw_html is not None:
        body = _extract_html(article)
    elif article.raw_text is not None:
        body = article.raw_text
    else:
        raise InputError("no text or html in the article")

    lines = _normalise_lines(body)
    kept, removed = split_boilerplate(lines)
    if article.raw_html is None and article.title is None:
        article.title, kept = _take_title(kept)
    article.text = "\n\n".join(kept)
    article.removed = removed
    if not article.text.strip():
        raise InputError("no article text found (empty, or only boilerplate)")
    max_chars = getattr(settings, "max_text_chars", 1_000_000)
    if len(article.text) > max_chars:
        raise InputError(f"article text too long: {len(article.text):,} characters "
                         f"(limit {max_chars:,})")
    if article.outlet is None:
        dateline = story_dateline(article.text)  # "GENEVA (Reuters) -": the wire agency
        if dateline is not None and dateline.agency:
            article.outlet = dateline.agency
    article.language = _check_language(article.text, settings)
    return article


def split_boilerplate(lines: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split lines into (kept, removed), removing lines that are site furniture."""
    kept: list[str] = []
    removed: list[str] = []
    for line in lines:
        if is_boilerplate(line):
            removed.append(line)
        else:
            kept.append(line)
    return kept, removed


def is_boilerplate(line: str) -> bool:
    """True for a line that is site furniture rather than reporting."""
    stripped = line.strip()
    if not stripped:
        return True
    # Long lines are reporting even if they start like a promo ("Read more about it...").
    if len(stripped) > 220:
        return False
    return _BOILERPLATE.fullmatch(stripped) is not None


def _extract_html(article: Article) -> str:
    import trafilatura

    result = trafilatura.bare_extraction(article.raw_html, with_metadata=True,
                                         include_comments=False,
                                         url=article.url)
    if result is None:
        raise InputError("no article text found in the HTML")
    meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    article.title = article.title or meta.get("title")
    article.outlet = article.outlet or meta.get("sitename") or meta.get("hostname")
    article.url = article.url or meta.get("url")
    if article.published is None and meta.get("date"):
        try:
            article.published = dt.date.fromisoformat(meta["date"][:10])
        except ValueError:
            pass
    return meta.get("text") or ""


def repair_encoding(text: str) -> str:
    """Mend the commonest scraping damage without moving a character: Windows-1252 text read
    as Latin-1 leaves C1 control characters where its dashes and curly quotes were
    ("TEGA CAY \x97 Local fire crews"); each becomes the character it stood for. Offsets
    into the text stay valid, so evaluations on gold spans may apply it too."""
    return fix_c1_controls(text)


def _normalise_lines(body: str) -> list[str]:
    """Mend mis-decoded text (ftfy: "â€™" -> "’", C1 controls -> dashes and quotes),
    NFC-normalise, unify line breaks, and collapse runs of spaces within each line."""
    # Quotes stay curly (the quote stage reads both) and full-width forms stay as written.
    body = ftfy.fix_text(repair_encoding(body), uncurl_quotes=False, fix_character_width=False,
                         normalization="NFC")
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    body = body.replace("\u00a0", " ").replace("\ufeff", "").replace("\u200b", "")
    body = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", body)
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in body.split("\n"))
    return [line for line in lines if line]


def _take_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """Take a first short line without final punctuation as the title of a plain-text article."""
    if len(lines) < 2:
        return None, lines
    first = lines[0]
    looks_like_title = (len(first.split()) <= _TITLE_MAX_WORDS
                        and not first.endswith((".", ",", ";", ":", '"', "\u201d"))
                        and len(lines[1]) >= len(first) // 2)
    return (first, lines[1:]) if looks_like_title else (None, lines)


def _check_language(text: str, settings: object) -> str:
    """Identify the language; reject articles in a language the pipeline does not handle."""
    languages = getattr(settings, "languages", ("en",))
    if not languages:  # an empty set switches the check off (e.g. to score extraction alone)
        return "und"
    min_chars = getattr(settings, "min_chars_for_language_check", 60)
    letters = sum(ch.isalpha() for ch in text)
    if letters < min_chars:
        return languages[0]  # too short to identify reliably; trust the caller
    sample = text[:5000]
    language, probability = _language_identifier().classify(sample)
    if language in languages:
        return language
    # Short English snippets are sometimes taken for a close variety (Pidgin, Scots...):
    # only reject when the model is sure AND the text has almost no English function words.
    if "en" in languages and (probability < 0.95 or english_word_share(sample) >= 0.12):
        return "en"
    raise InputError(f"article is not in English (detected language: {language})")


# The commonest English function words: a share above ~12 % of tokens means English text.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is was that for on with as by at from it he she they said were has "
    "have had be been are this which who an not but his her their its will would".split()
)


def english_word_share(text: str) -> float:
    """Share of word tokens that are common English function words."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return 0.0
    return sum(word in _ENGLISH_FUNCTION_WORDS for word in words) / len(words)


_IDENTIFIER = None


def _language_identifier():
    """py3langid with normalised probabilities, loaded once."""
    global _IDENTIFIER
    if _IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _IDENTIFIER
