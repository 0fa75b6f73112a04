"""Headless Chromium over a live `newsevents serve`: shared by tests/test_browser.py and the
dashboard scripts in bench/ (screenshot.py, dashboard_load.py).

    with serve(create_app(store=store)) as base, chromium(profile_dir) as driver:
        driver.get(base + "/"); wait_loaded(driver)

Debian's chromium and chromedriver only (`.ci/run` installs them): no browser is ever
downloaded. Every request the browser would send off this machine goes to a proxy that
refuses it (127.0.0.1:9, the discard port), so a page that tries to reach the internet
fails loudly in the console instead of leaking; the network log still records the attempt.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# Debian's paths; the variables are for other layouts (e.g. Ubuntu's chromium-browser).
CHROMIUM = Path(os.environ.get("NEWSEVENTS_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("NEWSEVENTS_CHROMEDRIVER", "/usr/bin/chromedriver"))
WINDOW = (1366, 768)  # a common laptop screen
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage",
         # Off-machine requests go to a port nothing listens on; loopback stays direct
         # (Chromium bypasses proxies for loopback unless told '<-loopback>').
         "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=127.0.0.1;localhost"]
LOADED = 'body[data-loaded="true"]'
DATA = Path(__file__).parent / "data"
STORIES = [DATA / "corpus_stories.jsonl", DATA / "browser_stories.jsonl"]


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            return f"{path} is missing (apt-get install chromium chromium-driver)"
    if importlib.util.find_spec("selenium") is None:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


@contextlib.contextmanager
def chromium(profile_dir: Path, window: tuple[int, int] = WINDOW) -> Iterator[Any]:
    """A headless Chromium WebDriver with a fresh profile, console and network logs on."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--window-size={window[0]},{window[1]}", f"--user-data-dir={profile_dir}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # An explicit driver path: Selenium Manager (which may download drivers) never runs.
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.set_page_load_timeout(60)
        yield driver
    finally:
        driver.quit()


@contextlib.contextmanager
def serve(app: Any) -> Iterator[str]:
    """Serve an ASGI app with uvicorn on a free 127.0.0.1 port in a thread; yields its base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # the port is ours from here on: no race with other runs
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def wait_for(driver: Any, script: str | Callable[[], Any], *args: Any, timeout: float = 30.0,
             what: str = "") -> Any:
    """Poll a JS body (`return ...`, with `arguments[i]` = args) or a Python callable until it
    gives something truthy; that value."""
    deadline = time.monotonic() + timeout
    while True:
        value = script() if callable(script) else driver.execute_script(script, *args)
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what or script}")
        time.sleep(0.05)


def wait_loaded(driver: Any, timeout: float = 60.0) -> None:
    """Wait for the dashboard's first load (events, map points, timeline): body[data-loaded]."""
    wait_for(driver, f"return document.querySelector('{LOADED}') !== null", timeout=timeout,
             what="the dashboard's first load (body[data-loaded=\"true\"])")


def console_errors(driver: Any) -> list[str]:
    """Console messages of level SEVERE since the last call (errors, failed loads, CSP)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def requested_urls(driver: Any) -> list[str]:
    """Every URL the browser asked for since the last call (Chrome's network log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def foreign(urls: list[str], base: str) -> list[str]:
    """The URLs not on the server at `base` (data: and blob: URLs stay in the page)."""
    origin = urlsplit(base)
    return [u for u in urls if urlsplit(u).scheme not in ("data", "blob", "about")
            and (urlsplit(u).scheme, urlsplit(u).netloc) != (origin.scheme, origin.netloc)]


def build_store(db_path: Path, resources: Any = None) -> Any:
    """A store at `db_path` with the test stories (written for the tests) ingested."""
    from newsevents.ingest import ingest
    from newsevents.store import Store

    store = Store.open(str(db_path))
    summary = ingest([str(p) for p in STORIES], store, workers=1, resources=resources)
    expected = sum(1 for p in STORIES for line in p.read_text("utf-8").splitlines() if line.strip())
    if summary.done != expected:
        raise RuntimeError(f"ingested {summary.done} of {expected} test stories: {summary.errors}")
    return store


def screenshot_dir(default: Path) -> Path:
    """$NEWSEVENTS_SCREENSHOTS, else `default`; created."""
    folder = Path(os.environ.get("NEWSEVENTS_SCREENSHOTS") or default)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
