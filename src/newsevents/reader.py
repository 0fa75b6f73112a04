"""Ingestion: read articles from files, stdin or strings into `Article` objects.

This module and the store are the only ones that do I/O. Every failure is an `InputError`
with a one-line reason; in a batch, a bad record becomes an `InputError` in the stream and
the rest of the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .model import Article, InputError
from .settings import Settings

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])",
                         re.IGNORECASE)


def read_source(source: str, settings: Settings, *,
                published: dt.date | None = None) -> Iterator[Article | InputError]:
    """Read a path (or '-' for stdin) into articles; bad records come out as InputError.

    JSON Lines files are streamed record by record, each record held to the single-article
    size limit; any other file is one article (or a JSON array of records).
    """
    suffix = "" if source == "-" else Path(source).suffix.lower()
    label = "stdin" if source == "-" else source
    if suffix in JSONL_SUFFIXES:
        yield from _stream_jsonl_file(source, label, settings, published)
        return
    data = _read_bytes(source, settings, limit=settings.max_batch_bytes if source == "-"
                       else settings.max_input_bytes)
    text = decode_bytes(data)
    if not suffix and _looks_like_jsonl(text):
        yield from _read_jsonl(text, label, published, settings)
        return
    if len(data) > settings.max_input_bytes:
        raise InputError(f"input too large: {len(data):,} bytes (limit {settings.max_input_bytes:,})")
    if suffix in JSON_SUFFIXES or (not suffix and text.lstrip().startswith(("{", "["))):
        yield from _read_json(text, label, published)
        return
    is_html = suffix in HTML_SUFFIXES or (suffix not in (".txt", ".text") and _HTML_START.match(text))
    article = article_from(html=text) if is_html else article_from(text=text)
    article.published = published or article.published
    yield article


def article_from(text: str | None = None, *, html: str | None = None, title: str | None = None,
                 url: str | None = None, outlet: str | None = None,
                 published: str | dt.date | None = None) -> Article:
    """Build an unprocessed Article from text or HTML and optional metadata."""
    if text is None and html is None:
        raise InputError("record has neither 'text' nor 'html'")
    if text is not None and html is None and _HTML_START.match(text):
        html, text = text, None
    body = html if html is not None else text
    if not isinstance(body, str):
        raise InputError("article text must be a string")
    if not body.strip():
        raise InputError("empty input: no article text")
    return Article(raw_text=text, raw_html=html, title=title or None, url=url or None,
                   outlet=outlet or None, published=parse_published(published))


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """A publication date from 'YYYY-MM-DD', an ISO timestamp, or a date; None when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not match:
        raise InputError(f"publication date {value!r} is not YYYY-MM-DD")
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError as error:
        raise InputError(f"publication date {value!r} is not a real date") from error


def decode_bytes(data: bytes) -> str:
    """Decode bytes as UTF-8, else the detected encoding; refuse binary data."""
    if not data.strip():
        raise InputError("empty input: no article text")
    if b"\x00" in data[:8192] or _control_share(data[:8192]) > 0.05:
        raise InputError("input looks binary, not text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot decode input: unknown text encoding")
    encoding = best.encoding
    # Latin-1 pages are almost always Windows-1252 in practice (curly quotes at 0x93/0x94).
    if encoding in ("latin_1", "iso8859_1", "ascii"):
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return str(best)


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 13, 12))
    return controls / len(data)


def _read_bytes(source: str, settings: Settings, *, limit: int) -> bytes:
    if source == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        path = _existing_file(source)
        try:
            size = path.stat().st_size
            if size > limit:
                raise InputError(f"input too large: {size:,} bytes (limit {limit:,})")
            data = path.read_bytes()
        except OSError as error:
            raise InputError(f"cannot read {source}: {error.strerror or error}") from error
    if len(data) > limit:
        raise InputError(f"input too large: over {limit:,} bytes")
    return data


def _existing_file(source: str) -> Path:
    path = Path(source)
    if not path.exists():
        raise InputError(f"no such file: {source}")
    if path.is_dir():
        raise InputError(f"{source} is a directory, not an article file")
    return path


def _stream_jsonl_file(source: str, label: str, settings: Settings,
                       published: dt.date | None) -> Iterator[Article | InputError]:
    path = _existing_file(source)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise InputError(f"cannot read {source}: {error.strerror or error}") from error
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            where = f"{label} line {number}"
            if len(raw) > settings.max_input_bytes:
                yield InputError(f"{where}: record too large: {len(raw):,} bytes")
                continue
            try:
                line = decode_bytes(raw)
            except InputError as error:
                yield InputError(f"{where}: {error}")
                continue
            yield _parse_jsonl_line(line, where, published)


def _looks_like_jsonl(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines[:3])


def _read_json(text: str, label: str, published: dt.date | None) -> Iterator[Article | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{label}: invalid JSON ({error.msg} at line {error.lineno})") from error
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, 1):
        yield _record_to_article(record, f"{label} record {index}", published)


def _read_jsonl(text: str, label: str, published: dt.date | None,
                settings: Settings) -> Iterator[Article | InputError]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{label} line {number}"
        if len(line) > settings.max_input_bytes:
            yield InputError(f"{where}: record too large: {len(line):,} characters")
            continue
        yield _parse_jsonl_line(line, where, published)


def _parse_jsonl_line(line: str, where: str, published: dt.date | None) -> Article | InputError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError(f"{where}: invalid JSON ({error.msg})")
    return _record_to_article(record, where, published)


def _record_to_article(record: Any, where: str, published: dt.date | None) -> Article | InputError:
    if not isinstance(record, dict):
        return InputError(f"{where}: expected a JSON object")
    try:
        article = article_from(record.get("text"), html=record.get("html"),
                               title=_str_or_none(record.get("title")),
                               url=_str_or_none(record.get("url")),
                               outlet=_str_or_none(record.get("outlet")),
                               published=published or record.get("published"))
    except InputError as error:
        return InputError(f"{where}: {error}")
    return article


def _str_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
