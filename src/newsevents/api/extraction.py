"""Running the pipeline for a request: the posted article, a time limit, bounded concurrency.

The pipeline runs in a small thread pool owned by the app. A request waits at most
`timeout_s`; a thread cannot be killed, so a timed-out extraction finishes in the
background while still holding its slot, and new requests get 429 when every slot is
taken: a flood of slow articles cannot pile up work without bound.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor, TimeoutError as FutureTimeout
from typing import Any

from fastapi import HTTPException
from pydantic import BaseModel, Field

from ..model import Article, InputError
from ..pipeline import Resources, process
from ..reader import article_from
from ..settings import Settings


class ArticleIn(BaseModel):
    """A posted article: its text (or HTML) and optional metadata."""

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="HTML of the article page (instead of text).")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = Field(None, description="Publication day, YYYY-MM-DD.")


class Extractor:
    """The app's pipeline runner: lazily loaded resources, a pool and its slots."""

    def __init__(self, settings: Settings, resources: Resources | None = None, *,
                 timeout_s: float = 60.0, workers: int = 2) -> None:
        self.settings, self.timeout_s = settings, timeout_s
        self._resources, self._lock = resources, threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="extract")
        self._slots = threading.BoundedSemaphore(workers)

    @property
    def resources(self) -> Resources:
        """The spaCy model and gazetteer, loaded on the first extraction."""
        with self._lock:
            if self._resources is None:
                self._resources = Resources(self.settings)
            return self._resources

    def article(self, payload: ArticleIn) -> Article:
        """An unprocessed Article, or 400 for an empty or malformed one."""
        try:
            return article_from(payload.text, html=payload.html, title=payload.title,
                                url=payload.url, outlet=payload.outlet,
                                published=payload.published)
        except InputError as error:
            raise HTTPException(400, str(error)) from None

    def run(self, article: Article) -> dict[str, Any]:
        """The newsevents/1 document; 400 for input the pipeline rejects (not English...)."""
        if not self._slots.acquire(blocking=False):
            raise HTTPException(429, "every extraction slot is busy; retry later",
                                headers={"Retry-After": "5"})
        resources = self.resources
        future = self._pool.submit(process, article, resources)
        future.add_done_callback(lambda _: self._slots.release())
        try:
            return future.result(timeout=self.timeout_s).to_dict()
        except FutureTimeout:
            raise HTTPException(503, f"extraction took longer than {self.timeout_s:g} s") from None
        except InputError as error:
            raise HTTPException(400, str(error)) from None

    def close(self) -> None:
        """Stop taking work (running extractions finish)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
