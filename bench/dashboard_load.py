"""Dashboard load on a large store (a benchmark, not a test): time to a loaded page and the
API calls behind it, with N events in SQLite.

The test stories (tests/data/) are processed once; their documents are then written many
times through the store API (`Store.write_article`), each copy under its own URL, with its
dates shifted by up to a year and its places moved by up to ±2 degrees on one of `--points`
offsets, so the map gets a few hundred distinct points as a real corpus would. The copies are
not processed again (fast), and the corpus jobs (duplicates, incidents) are not run: this
measures reading and drawing, not ingest (see bench/ingest.py for that).

Then the store is served on 127.0.0.1 and, in headless Debian Chromium at 1366x768 (fresh
page each time, the browser tests' harness), the time from navigation to
body[data-loaded="true"] (events table, map points, timeline drawn) is measured `--loads`
times, with the browser's own Resource Timing of each /events and /events/points call; the
same API calls are also timed from Python (httpx) to separate server time from drawing.

    python bench/dashboard_load.py [--events 10000] [--points 300] [--loads 5] [--markdown FILE]
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import (CHROMIUM, WINDOW, build_store, chromium,  # noqa: E402
                             console_errors, foreign, missing_browser, requested_urls, serve,
                             wait_loaded)

# The API calls a first load makes (as dashboard.js builds them, no filter set).
CALLS = {"table: /events?limit=100": "/events?limit=100&page=1",
         "map: /events/points": "/events/points",
         "timeline: /events?limit=5000&fields=...": "/events?limit=5000&page=1&fields=event_date|fatalities"}


def base_documents(folder: Path) -> list[dict[str, Any]]:
    """The processed test stories, as the store gives them back (newsevents/1 documents)."""
    store = build_store(folder / "stories.db")
    try:
        with store.engine.connect() as conn:
            ids = [row[0] for row in conn.exec_driver_sql("SELECT id FROM articles ORDER BY id")]
        return [store.document(i) for i in ids]
    finally:
        store.close()


def shift_day(value: Any, days: int) -> Any:
    """An ISO day (or the day part of a datetime) moved by `days`; anything else unchanged."""
    if not isinstance(value, str) or len(value) < 10:
        return value
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return (day + dt.timedelta(days=days)).isoformat() + value[10:]


def variant(doc: dict[str, Any], n: int, points: int) -> dict[str, Any]:
    """Copy n of a document: its own URL, dates moved back n % 365 days, places moved."""
    out = copy.deepcopy(doc)
    days = -(n % 365)
    offset = n % points  # the same offset for every place of the copy: one point per offset
    dlat, dlon = ((offset * 7) % 41 - 20) / 10, ((offset * 13) % 41 - 20) / 10
    article = out["article"]
    article["url"] = f"{article.get('url') or 'https://bench.example/story'}?copy={n}"
    article["published"] = shift_day(article.get("published"), days)
    for record in [*out.get("events", []), *out.get("casualties", [])]:
        window = record.get("date") or {}
        for key in ("from", "to"):
            window[key] = shift_day(window.get(key), days)
    for record in out.get("dates", []):
        for key in ("from", "to"):
            record[key] = shift_day(record.get(key), days)
    for place in out.get("places", []):
        if place.get("lat") is not None and place.get("lon") is not None:
            place["lat"] = round(max(-85.0, min(85.0, place["lat"] + dlat)), 5)
            place["lon"] = round((place["lon"] + dlon + 180) % 360 - 180, 5)
    return out


def build_large(db: Path, docs: list[dict[str, Any]], events: int, points: int) -> tuple[int, int, float]:
    """Write copies of `docs` until the store holds `events` events; (articles, events, s)."""
    from newsevents import __version__
    from newsevents.store import ArticleKey, Store

    store = Store.open(str(db))
    start, written, n = time.perf_counter(), 0, 0
    try:
        while written < events:
            doc = variant(docs[n % len(docs)], n, points)
            url = doc["article"]["url"]
            store.write_article(doc, ArticleKey(url, url, f"bench-{n}", f"bench:{n}"),
                                pipeline_version=__version__)
            written += len(doc.get("events", []))
            n += 1
        counts = store.counts()
    finally:
        store.close()
    return counts.get("articles", n), counts.get("events", written), time.perf_counter() - start


def time_calls(base: str, repeat: int) -> dict[str, list[float]]:
    """Each first-load API call, timed from Python `repeat` times (ms)."""
    import httpx

    out: dict[str, list[float]] = {}
    with httpx.Client(base_url=base, timeout=120) as client:
        for name, path in CALLS.items():
            for _ in range(repeat):
                start = time.perf_counter()
                client.get(path, headers={"Accept": "application/json"}).raise_for_status()
                out.setdefault(name, []).append((time.perf_counter() - start) * 1000)
    return out


BROWSER_TIMES = """
return performance.getEntriesByType('resource')
  .filter((e) => /\\/events(\\/points)?\\?|\\/events\\/points$/.test(e.name))
  .map((e) => ({url: e.name.replace(location.origin, ''), ms: e.responseEnd - e.startTime}));
"""


def load_page(driver: Any, base: str) -> dict[str, Any]:
    """One fresh load: ms to body[data-loaded], the browser's timing of each API call."""
    console_errors(driver), requested_urls(driver)
    driver.get("about:blank")
    start = time.perf_counter()
    driver.get(base + "/")
    wait_loaded(driver, timeout=300)
    loaded_ms = (time.perf_counter() - start) * 1000
    since_nav = driver.execute_script("return performance.now()")  # ms since navigation start
    return {"loaded_ms": loaded_ms, "browser_now_ms": since_nav,
            "calls": driver.execute_script(BROWSER_TIMES),
            "markers": driver.execute_script("return document.querySelectorAll('#map .event-marker').length"),
            "rows": driver.execute_script("return document.querySelectorAll('#events tbody tr').length"),
            "errors": console_errors(driver), "elsewhere": foreign(requested_urls(driver), base)}


def label(url: str) -> str:
    if url.startswith("/events/points"):
        return "map: /events/points"
    return "timeline: /events?limit=5000&fields=..." if "fields=" in url else "table: /events?limit=100"


def spread(values: list[float]) -> str:
    """'median | min | max' cells, in whole ms."""
    return f"{statistics.median(values):,.0f} | {min(values):,.0f} | {max(values):,.0f}"


def markdown(result: dict[str, Any]) -> str:
    loads = result["loads"]
    lines = [
        f"## Dashboard load ({result['events']:,} events)",
        "",
        f"Benchmark: `python bench/dashboard_load.py --events {result['target']} --points {result['points']}"
        f" --loads {len(loads)}`: {result['events']:,} events in {result['articles']:,} articles"
        f" (copies of the test stories written through the store API in {result['build_s']:.0f} s),"
        " SQLite, served by uvicorn on 127.0.0.1, loaded in headless Debian Chromium"
        f" {result['chromium']} at {WINDOW[0]}x{WINDOW[1]}, a fresh page each time.",
        "",
        f"Machine: {platform.machine()}, {result['cores']} cores, Python {platform.python_version()},"
        f" shared with other jobs (load average {result['load']}); measured {dt.date.today()}.",
        "",
        "| measure | median | min | max |",
        "|---|---:|---:|---:|",
        f"| navigation to `body[data-loaded=\"true\"]` (ms) | {spread([x['loaded_ms'] for x in loads])} |",
    ]
    by: dict[str, list[float]] = {}
    for x in loads:
        for call in x["calls"]:
            by.setdefault(label(call["url"]), []).append(call["ms"])
    for name, values in sorted(by.items()):
        lines.append(f"| {name}, in the browser (ms) | {spread(values)} |")
    for name, values in result["api"].items():
        lines.append(f"| {name}, from Python (ms) | {spread(values)} |")
    first = loads[0]
    lines += ["", f"Each load drew {first['markers']} map markers and {first['rows']} table rows; "
              f"console errors: {sum(len(x['errors']) for x in loads)}; requests to other hosts: "
              f"{sum(len(x['elsewhere']) for x in loads)}."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--points", type=int, default=300, help="distinct place offsets")
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--markdown", type=Path, help="write the table to this file")
    args = parser.parse_args(argv)
    reason = missing_browser()
    if reason:
        print(f"dashboard_load: {reason}", file=sys.stderr)
        return 2
    import os
    import subprocess

    from newsevents.api import create_app
    from newsevents.store import Store

    with tempfile.TemporaryDirectory(prefix="newsevents-load-") as tmp:
        folder = Path(tmp)
        docs = base_documents(folder)
        articles, events, build_s = build_large(folder / "large.db", docs, args.events, args.points)
        print(f"store: {events} events in {articles} articles, written in {build_s:.1f} s", file=sys.stderr)
        store = Store.open(str(folder / "large.db"))
        try:
            with serve(create_app(store=store)) as base, chromium(folder / "profile") as driver:
                api = time_calls(base, args.loads)
                loads = [load_page(driver, base) for _ in range(args.loads)]
        finally:
            store.close()
    version = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True).stdout.split()
    result = {"target": args.events, "points": args.points, "articles": articles, "events": events,
              "build_s": build_s, "api": api, "loads": loads, "cores": os.cpu_count(),
              "chromium": version[1] if len(version) > 1 else "?",
              "load": ", ".join(f"{x:.1f}" for x in os.getloadavg())}
    print(json.dumps({k: v for k, v in result.items() if k != "loads"}, indent=1), file=sys.stderr)
    text = markdown(result)
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    return 1 if any(x["errors"] or x["elsewhere"] for x in loads) else 0


if __name__ == "__main__":
    sys.exit(main())
