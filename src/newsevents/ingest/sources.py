"""Ingest sources: files, directories, globs, JSON Lines, WARC and RSS/Atom feeds -> records.

Every source yields `Record`s in a stable order, each with its `origin` (where it was read:
"stories.jsonl line 3", "crawl.warc.gz@1234"), the unprocessed Article or the reason it
could not be read. A bad record never stops its source: a corrupt JSON line, an unreadable
file or a corrupt WARC member becomes one failed record and reading goes on.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, InputError
from ..reader import article_from, decode_bytes, read_source
from ..settings import Settings
from . import feeds, warc

ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
URL_LIST_SUFFIXES = (".urls", ".txt", ".lst")


@dataclass
class Record:
    """One thing to ingest: an article to process, a URL to fetch, or a read error."""

    origin: str
    article: Article | None = None
    error: str | None = None
    fetch_url: str | None = None  # a page still to download (--fetch)

    @property
    def url(self) -> str | None:
        """The record's URL, as found."""
        return self.article.url if self.article and self.article.url else self.fetch_url


def expand(sources: list[str]) -> Iterator[str]:
    """Paths (and URLs) from the command line: directories walked, globs expanded, sorted.

    Paths come out absolute, so a record's origin is the same whichever directory the
    command runs from (origins key the rejected records).
    """
    for source in sources:
        if source.startswith(("http://", "https://")):
            yield source
        elif os.path.isdir(source):
            yield from sorted(str(p.resolve()) for p in Path(source).rglob("*")
                              if p.is_file() and _ingestible(p))
        elif any(ch in source for ch in "*?[") and not os.path.exists(source):
            yield from sorted(os.path.abspath(p) for p in glob.glob(source, recursive=True)
                              if os.path.isfile(p))
        else:
            yield os.path.abspath(source)


def _ingestible(path: Path) -> bool:
    if any(part.startswith(".") for part in path.parts[-1:]):
        return False
    name = path.name.lower()
    return name.endswith(ARTICLE_SUFFIXES + FEED_SUFFIXES + warc.SUFFIXES + URL_LIST_SUFFIXES)


def read(source: str, settings: Settings, *, fetch: bool = False) -> Iterator[Record]:
    """Records from one path (already expanded); URLs need `fetch`."""
    name = source.lower()
    if name.startswith(("http://", "https://")):
        yield Record(source, fetch_url=source) if fetch else Record(
            source, error="a URL source needs --fetch")
        return
    if not os.path.exists(source):
        yield Record(source, error=f"no such file: {source}")
        return
    if name.endswith(warc.SUFFIXES):
        yield from warc.read_warc(source, settings)
        return
    head = _head(source)
    if name.endswith(FEED_SUFFIXES) or feeds.looks_like_feed(head):
        yield from _from_feed(source, settings, fetch)
        return
    if name.endswith(URL_LIST_SUFFIXES) and _looks_like_url_list(head):
        yield from _from_url_list(source, fetch)
        return
    if name.endswith((".jsonl", ".ndjson")):
        yield from read_jsonl(source, settings)
        return
    yield from _from_file(source, settings)


def _head(path: str, size: int = 4096) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def _from_file(source: str, settings: Settings) -> Iterator[Record]:
    """A .txt/.html/.json file through the reader: one article, or one per JSON record."""
    try:
        items = list(read_source(source, settings))
    except InputError as error:
        yield Record(source, error=str(error))
        return
    many = len(items) > 1
    for index, item in enumerate(items, 1):
        origin = f"{source} record {index}" if many else source
        if isinstance(item, InputError):
            yield Record(origin, error=str(item))
        else:
            yield Record(origin, article=item)


def read_jsonl(source: str, settings: Settings) -> Iterator[Record]:
    """JSON Lines streamed record by record; a corrupt line is one failed record."""
    import json

    try:
        handle = open(source, "rb")
    except OSError as error:
        yield Record(source, error=f"cannot read {source}: {error.strerror or error}")
        return
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            origin = f"{source} line {number}"
            if len(raw) > settings.max_input_bytes:
                yield Record(origin, error=f"record too large: {len(raw):,} bytes "
                                           f"(limit {settings.max_input_bytes:,})")
                continue
            try:
                data = json.loads(decode_bytes(raw))
            except (InputError, json.JSONDecodeError) as error:
                reason = f"invalid JSON ({error.msg})" if isinstance(error, json.JSONDecodeError) else str(error)
                yield Record(origin, error=reason)
                continue
            yield record_from_dict(data, origin)


def record_from_dict(data: object, origin: str) -> Record:
    """A JSON object with `text` or `html` and optional title, url, outlet, published."""
    if not isinstance(data, dict):
        return Record(origin, error="expected a JSON object")
    try:
        article = article_from(data.get("text"), html=data.get("html"),
                               title=_text(data.get("title")), url=_text(data.get("url")),
                               outlet=_text(data.get("outlet") or data.get("source")),
                               published=data.get("published") or data.get("date"))
    except InputError as error:
        return Record(origin, error=str(error))
    return Record(origin, article=article)


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _from_feed(source: str, settings: Settings, fetch: bool) -> Iterator[Record]:
    try:
        data = Path(source).read_bytes()
        items = feeds.parse_feed(data)
    except (OSError, ValueError) as error:
        yield Record(source, error=f"unreadable feed: {error}")
        return
    yield from feed_records(items, source, fetch)


def feed_records(items: list[feeds.FeedItem], source: str, fetch: bool) -> Iterator[Record]:
    """One record per feed item: its page to fetch, or the content the feed carries."""
    for index, item in enumerate(items, 1):
        origin = item.link or f"{source} item {index}"
        if fetch and item.link:
            yield Record(origin, fetch_url=item.link,
                         article=Article(title=item.title, url=item.link,
                                         published=item.published))
            continue
        if not item.content:
            yield Record(origin, error="feed item has no content (use --fetch to download it)")
            continue
        try:
            article = article_from(html=item.content, title=item.title, url=item.link)
        except InputError as error:
            yield Record(origin, error=str(error))
            continue
        article.published = item.published
        yield Record(origin, article=article)


def _looks_like_url_list(head: bytes) -> bool:
    lines = [line.strip() for line in head.decode("utf-8", "replace").splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    return bool(lines) and all(line.startswith(("http://", "https://")) and " " not in line
                               for line in lines[:20])


def _from_url_list(source: str, fetch: bool) -> Iterator[Record]:
    if not fetch:
        yield Record(source, error="a list of URLs: use --fetch to download the pages")
        return
    with open(source, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            url = line.strip()
            if url and not url.startswith("#"):
                yield Record(url, fetch_url=url)
