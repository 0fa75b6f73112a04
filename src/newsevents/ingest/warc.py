"""WARC / WARC.gz archives (warcio): one record per HTML or text response.

A corrupt member becomes one failed record and reading resumes at the next member: for
.warc.gz at the next gzip header, for plain .warc at the next "WARC/1." line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from ..model import Article, InputError
from ..reader import article_from, decode_bytes
from ..settings import Settings

if TYPE_CHECKING:
    from .sources import Record

SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
# scheme:rest without spaces or control characters (IRIs and <...>-wrapped URIs pass)
_URI = re.compile(r"<?[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f-\x9f]+\Z")
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
        start, damaged = 0, False
        while True:
            handle.seek(start)
            ended, last_good = yield from _members(handle, path, start, settings)
            if ended:
                return
            if last_good is None:  # the first member of this pass is damaged
                if not damaged:  # one failure per damaged stretch, however many members
                    yield Record(f"{path}@{start}", error=f"corrupt WARC member at byte {start}")
                resume = _next_member(handle, start + 1, magic)
            else:
                yield Record(f"{path}@{last_good + 1}",
                             error=f"corrupt WARC member after the record at byte {last_good}")
                resume = _next_member(handle, last_good + 1, magic)
            damaged = True
            if resume is None:
                return
            start = resume


def _members(handle: BinaryIO, path: str, base: int, settings: Settings
             ) -> Iterator["Record"]:
    """Records from `base` on; returns (True, _) at the end, or (False, offset of the last
    member read whole, None if none) when a member is damaged."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .sources import Record

    iterator = ArchiveIterator(handle, arc2warc=True)
    last_good = None
    try:
        for rec in iterator:
            if not _plausible(rec):
                return False, last_good  # garbage parsed as a record (warcio falls back to ARC)
            # Read the payload before asking for the offset: asking consumes the record.
            found = _response(rec, settings) if rec.rec_type == "response" else None
            last_good = base + iterator.get_record_offset()
            if found is not None:
                article, error = found
                yield Record(f"{path}@{last_good}", article=article, error=error)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError):
        return False, last_good
    except Exception as error:  # zlib.error and friends from a damaged gzip member
        if type(error).__module__ in ("zlib", "gzip"):
            return False, last_good
        raise
    return True, None


def _plausible(rec) -> bool:
    """False for a "record" made of damaged bytes: a WARC record names its type, and a
    response or request names a printable URI with a scheme."""
    if not rec.rec_type:
        return False
    if rec.rec_type not in ("response", "request", "resource", "revisit"):
        return True
    uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
    return bool(_URI.match(uri))


def _response(rec, settings: Settings) -> "tuple[Article | None, str | None] | None":
    """(article, None) or (None, reason) for an HTML/text response; None for other records."""
    url = rec.rec_headers.get_header("WARC-Target-URI")
    status = rec.http_headers.get_statuscode() if rec.http_headers else None
    ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
    if status and not status.startswith("2"):
        return None  # redirects and errors are not articles
    if ctype and not ctype.lower().startswith(_TEXT_TYPES):
        return None  # images, scripts, stylesheets
    payload = rec.content_stream().read(settings.max_input_bytes + 1)
    if len(payload) > settings.max_input_bytes:
        return None, f"input too large: over {settings.max_input_bytes:,} bytes"
    try:
        text = decode_bytes(payload)
        if ctype.lower().startswith("text/plain"):
            return article_from(text, url=url), None
        return article_from(html=text, url=url), None
    except InputError as error:
        return None, str(error)


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
