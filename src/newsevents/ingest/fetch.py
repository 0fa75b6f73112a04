"""Polite HTTP fetching for `ingest --fetch` (httpx): timeouts, retries, rate limit, robots.txt.

- One request at a time per host, at least `min_interval` seconds apart (a robots.txt
  Crawl-delay, when larger, wins).
- robots.txt is read once per host; a disallowed page is refused, never requested. An
  unreachable or missing robots.txt allows everything (RFC 9309: 4xx = allow; 5xx or a
  network failure = disallow, which we follow too).
- Timeouts and connection errors, HTTP 429 and 5xx are retried `retries` times with
  exponential backoff (Retry-After honoured up to `max_backoff`); 4xx are not.
- Bodies over the size limit are cut off and refused.
"""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

USER_AGENT = "newsevents/0.1 (+https://github.com/newsevents; research crawler)"


class FetchError(Exception):
    """A page that could not be fetched, with a one-line reason."""


@dataclass(frozen=True)
class Page:
    """A downloaded page."""

    url: str  # after redirects
    body: bytes
    content_type: str


@dataclass
class Fetcher:
    """Downloads pages politely; one instance per ingest run (it keeps per-host state)."""

    timeout: float = 20.0
    retries: int = 2
    min_interval: float = 1.0
    backoff: float = 0.5
    max_backoff: float = 30.0
    max_bytes: int = 5_000_000
    user_agent: str = USER_AGENT

    def __post_init__(self) -> None:
        self._client = httpx.Client(timeout=self.timeout, follow_redirects=True,
                                    headers={"User-Agent": self.user_agent})
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.requests: list[str] = []  # every URL requested, in order (for tests and logs)

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    def get(self, url: str) -> Page:
        """The page at `url`, or FetchError."""
        host = _origin(url)
        robots = self._robots_for(host)
        if robots is not None and not robots.can_fetch(self.user_agent, url):
            raise FetchError(f"blocked by robots.txt: {url}")
        return self._request(url, host, robots)

    def _robots_for(self, host: str) -> urllib.robotparser.RobotFileParser | None:
        if host in self._robots:
            return self._robots[host]
        parser = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        try:
            page = self._request(f"{host}/robots.txt", host, None, retries=0)
            parser.parse(page.body.decode("utf-8", "replace").splitlines())
        except FetchError as error:
            if "HTTP 4" in str(error):
                parser.allow_all = True  # no robots.txt: everything allowed
            else:
                parser.disallow_all = True  # server trouble: stay away (RFC 9309)
        self._robots[host] = parser
        return parser

    def _wait_turn(self, host: str, robots: urllib.robotparser.RobotFileParser | None) -> None:
        interval = self.min_interval
        delay = robots.crawl_delay(self.user_agent) if robots is not None else None
        if delay:
            interval = max(interval, float(delay))
        last = self._last.get(host)
        if last is not None:
            pause = last + interval - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def _request(self, url: str, host: str, robots, retries: int | None = None) -> Page:
        attempts = (self.retries if retries is None else retries) + 1
        reason = "no attempt"
        for attempt in range(attempts):
            self._wait_turn(host, robots)
            self.requests.append(url)
            retry_after = None
            try:
                page, (reason, retry_after) = self._once(url)
            except httpx.TimeoutException:
                page, reason = None, f"timed out after {self.timeout:g} s: {url}"
            except httpx.TransportError as error:
                page, reason = None, f"connection failed ({type(error).__name__}): {url}"
            except _Permanent as error:
                raise FetchError(str(error)) from None
            if page is not None:
                return page
            if attempt + 1 < attempts:
                time.sleep(min(self.max_backoff, retry_after or self.backoff * 2 ** attempt))
        raise FetchError(reason)

    def _once(self, url: str) -> tuple[Page | None, tuple[str, float | None]]:
        """One request: the page, or None with (why, Retry-After) for a retryable failure."""
        with self._client.stream("GET", url) as response:
            status = response.status_code
            if status == 429 or status >= 500:
                return None, (f"HTTP {status}: {url}", _retry_after(response))
            if status >= 400:
                raise _Permanent(f"HTTP {status}: {url}")
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > self.max_bytes:
                    raise _Permanent(f"input too large: over {self.max_bytes:,} bytes: {url}")
            return Page(str(response.url), bytes(body),
                        response.headers.get("content-type", "")), ("", None)


class _Permanent(Exception):
    pass


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
