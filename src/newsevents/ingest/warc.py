"""WARC / WARC.gz archives (warcio): one record per HTML or text response.

A corrupt member becomes one failed record and reading resumes at the next member: for
.warc.gz at the next gzip header, for plain .warc at the next "WARC/1." line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from ..model import InputError
from ..reader import article_from, decode_bytes
from ..settings import Settings

if TYPE_CHECKING:
    from .sources import Record

SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_TEXT_TYPES = ("text/html", "application/xhtml", "text/plain")


def read_warc(path: str, settings: Settings) -> Iterator["Record"]:
    """Records from a WARC file, resynchronising after a corrupt member."""
    from .sources import Record

    try:
        handle = open(path, "rb")
    except OSError as error:
        yield Record(path, error=f"cannot read {path}: {error.strerror or error}")
        return
    magic = _GZIP_MAGIC if path.lower().endswith(".gz") else _WARC_MAGIC
    with handle:
        start = 0
        while start is not None:
            handle.seek(start)
            failed_at = yield from _members(handle, path, start, settings)
            if failed_at is None:
                return
            yield Record(f"{path}@{failed_at}", error=f"corrupt WARC member at byte {failed_at}")
            start = _next_member(handle, failed_at + 1, magic)


def _members(handle: BinaryIO, path: str, base: int, settings: Settings
             ) -> Iterator["Record"]:
    """Records from `base` on; returns the offset of a corrupt member, or None at the end."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .sources import Record

    iterator = ArchiveIterator(handle, arc2warc=True)
    offset = base
    try:
        for rec in iterator:
            offset = base + iterator.get_record_offset()
            if rec.rec_type != "response":
                continue
            origin = f"{path}@{offset}"
            record = _response(rec, origin, settings)
            if record is not None:
                yield record
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
        return _failed_offset(iterator, base, offset, error)
    except Exception as error:  # zlib.error and friends from a damaged gzip member
        if type(error).__module__ in ("zlib", "gzip"):
            return _failed_offset(iterator, base, offset, error)
        raise
    return None


def _failed_offset(iterator, base: int, last_good: int, _error: Exception) -> int:
    try:
        return max(base + iterator.get_record_offset(), last_good)
    except Exception:  # the iterator may not know where it stopped
        return last_good


def _response(rec, origin: str, settings: Settings) -> "Record | None":
    from .sources import Record

    url = rec.rec_headers.get_header("WARC-Target-URI")
    status = rec.http_headers.get_statuscode() if rec.http_headers else None
    ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
    if status and not status.startswith("2"):
        return None  # redirects and errors are not articles
    if ctype and not ctype.lower().startswith(_TEXT_TYPES):
        return None  # images, scripts, stylesheets
    payload = rec.content_stream().read(settings.max_input_bytes + 1)
    if len(payload) > settings.max_input_bytes:
        return Record(origin, error=f"input too large: over {settings.max_input_bytes:,} bytes")
    try:
        text = decode_bytes(payload)
        if ctype.lower().startswith("text/plain"):
            article = article_from(text, url=url)
        else:
            article = article_from(html=text, url=url)
    except InputError as error:
        return Record(origin, error=str(error))
    return Record(origin, article=article)


def _next_member(handle: BinaryIO, start: int, magic: bytes, chunk: int = 1 << 20) -> int | None:
    """The offset of the next member header at or after `start`, or None at the end."""
    handle.seek(start)
    position, carry = start, b""
    while True:
        block = handle.read(chunk)
        if not block:
            return None
        data = carry + block
        found = data.find(magic)
        if found >= 0:
            return position - len(carry) + found
        carry = data[-(len(magic) - 1):]
        position += len(block)
