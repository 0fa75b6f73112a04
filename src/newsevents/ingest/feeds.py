"""RSS 2.0 and Atom feeds: items with their link, title, date and any content they carry.

Parsed with lxml without entity expansion or network access (a feed is untrusted input).
"""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass

from lxml import etree

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


@dataclass(frozen=True)
class FeedItem:
    """One feed entry."""

    link: str | None
    title: str | None
    published: dt.date | None
    content: str | None  # HTML or text the feed itself carries (full text or summary)


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a file look like an RSS or Atom document."""
    text = head[:2048].decode("utf-8", "replace").lower()
    return "<rss" in text or ("<feed" in text and "atom" in text) or "<rdf:rdf" in text


def parse_feed(data: bytes) -> list[FeedItem]:
    """Items of an RSS 2.0 / RSS 1.0 / Atom feed, in document order; ValueError if not a feed."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True,
                             huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ValueError(f"not XML: {error}") from error
    if root is None:
        raise ValueError("not XML")
    if root.tag == f"{_ATOM}feed":
        return [_atom_item(entry) for entry in root.iter(f"{_ATOM}entry")]
    items = [el for el in root.iter() if isinstance(el.tag, str) and _local(el.tag) == "item"]
    if root.tag != "rss" and _local(root.tag) != "RDF":
        raise ValueError(f"not an RSS or Atom feed (root element <{_local(root.tag)}>)")
    return [_rss_item(item) for item in items]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(element: etree._Element, *tags: str) -> str | None:
    for tag in tags:
        for child in element:
            if isinstance(child.tag, str) and (child.tag == tag or _local(child.tag) == tag):
                text = (child.text or "").strip()
                if text:
                    return text
    return None


def _rss_item(item: etree._Element) -> FeedItem:
    published = _date(_child_text(item, "pubDate", _DC_DATE, "date"))
    content = _child_text(item, _CONTENT) or _child_text(item, "description")
    return FeedItem(link=_child_text(item, "link", "guid"), title=_child_text(item, "title"),
                    published=published, content=content)


def _atom_item(entry: etree._Element) -> FeedItem:
    link = None
    for el in entry.findall(f"{_ATOM}link"):
        if el.get("rel", "alternate") == "alternate" and el.get("href"):
            link = el.get("href")
            break
    content = _child_text(entry, f"{_ATOM}content") or _child_text(entry, f"{_ATOM}summary")
    published = _date(_child_text(entry, f"{_ATOM}published", f"{_ATOM}updated"))
    return FeedItem(link=link, title=_child_text(entry, f"{_ATOM}title"),
                    published=published, content=content)


def _date(value: str | None) -> dt.date | None:
    """RFC 822 (RSS) or ISO 8601 (Atom, Dublin Core) to a date; None when unparseable."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
