"""Article keys: the canonical URL and the content hash that make ingest idempotent.

Pure functions. Two records are the same article when their canonical URLs match, or, when
neither has a URL, when their bodies hash the same after whitespace is folded.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that track the reader, not the page (analytics, campaigns, share buttons).
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga",
    "cmpid", "ocid", "ncid", "ref", "ref_src", "src", "smid", "share", "at_medium",
    "at_campaign", "CMP", "__twitter_impression", "spm", "s_cid", "rss", "feature",
})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str | None) -> str | None:
    """Scheme and host lower-cased, default port, fragment and tracking parameters dropped.

    Remaining query parameters keep their order (some sites depend on it); an empty path
    becomes "/". Strings that are not http(s) URLs come back stripped but otherwise as is.
    """
    if not url or not url.strip():
        return None
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return url
    host = parts.hostname.lower().rstrip(".")
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _is_tracking(k)])
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def _is_tracking(key: str) -> bool:
    return key.lower().startswith("utm_") or key in TRACKING_PARAMS or key.lower() in TRACKING_PARAMS


def host_of(url: str | None) -> str | None:
    """The URL's host without "www.", lower case; None without one."""
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.lower().removeprefix("www.") if host else None


_SPACE = re.compile(r"\s+")


def content_hash(body: str) -> str:
    """SHA-256 (hex) of the raw body with runs of whitespace folded to one space."""
    return hashlib.sha256(_SPACE.sub(" ", body).strip().encode("utf-8")).hexdigest()
