"""Corpus ingest: sources, bad records, idempotence, --reprocess, --fetch on loopback, a killed run."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsevents.ingest import ingest, sources
from newsevents.ingest.fetch import Fetcher
from newsevents.ingest.workers import pipeline_version
from newsevents.settings import Settings
from newsevents.store import Store, schema

TOWNS = ["Atareb", "Idlib", "Homs", "Hama", "Raqqa", "Kobani", "Manbij", "Daraa", "Deir el-Zour",
         "Latakia", "Tartus", "Qamishli"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def wire_story(i: int) -> str:
    """A short wire-style story, different for every i (written for these tests)."""
    town, day = TOWNS[i % len(TOWNS)], WEEKDAYS[i % len(WEEKDAYS)]
    killed, wounded = 3 + i, 10 + 2 * i
    return (f"Gunmen attacked a checkpoint near {town} in Syria on {day}, killing {killed} "
            f"soldiers, the Syrian Observatory for Human Rights said. Another {wounded} people "
            f"were wounded and taken to hospitals, local officials told reporters in report {i}. "
            f"The army said it had sent reinforcements to the area.")


def record(i: int, **extra) -> dict:
    return {"text": wire_story(i), "url": f"https://wire.example/syria/{i}?utm_source=rss",
            "published": "2026-03-15", "outlet": "Wire Example", **extra}


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
                    encoding="utf-8")
    return path


def rejected(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return {row.origin: row.reason for row in conn.execute(sa.select(schema.rejected))}


# -- sources -------------------------------------------------------------------------------

def test_directories_are_walked_and_globs_expanded(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.txt", "a/b/two.html", "a/b/three.jsonl", "a/.hidden.txt", "a/photo.jpg"):
        (tmp_path / name).write_text("x")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in sources.expand([str(tmp_path / "a")])]
    assert found == ["a/b/three.jsonl", "a/b/two.html", "a/one.txt"]
    globbed = [Path(p).name for p in sources.expand([str(tmp_path / "a" / "**" / "*.txt")])]
    assert globbed == ["one.txt"]
    assert all(os.path.isabs(p) for p in sources.expand(["relative/file.txt"]))


RSS = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Attack near Homs</title><link>https://wire.example/homs</link>
<pubDate>Sat, 14 Mar 2026 10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item>
<item><title>Headline only</title><link>https://wire.example/bare</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Attack near Hama</title><link rel="alternate" href="https://wire.example/hama"/>
<published>2026-03-13T08:00:00Z</published><content type="html">&lt;p&gt;{body}&lt;/p&gt;</content></entry>
</feed>"""


@pytest.mark.parametrize("name, text, links, dates", [
    ("wire.rss", RSS.format(body=wire_story(1)), ["https://wire.example/homs", None], ["2026-03-14"]),
    ("wire.atom", ATOM.format(body=wire_story(2)), ["https://wire.example/hama"], ["2026-03-13"]),
    ("feed.xml", RSS.format(body=wire_story(3)), ["https://wire.example/homs", None], ["2026-03-14"]),
])
def test_feed_files_give_their_items(tmp_path, name, text, links, dates):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    records = list(sources.read(str(path), Settings()))
    assert [r.article.url if r.article else None for r in records] == links
    assert [r.article.published.isoformat() for r in records if r.article] == dates
    if len(records) > 1:  # an item without content needs --fetch
        assert "--fetch" in records[1].error


def _warc(path: Path, pages: list[tuple[str, str]], gz: bool = True) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for url, html in pages:
        body = html.encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      length=len(body), http_headers=headers))
    path.write_bytes(buffer.getvalue())
    return path


def _page(i: int) -> str:
    return f"<html><head><title>Story {i}</title></head><body><article><p>{wire_story(i)}</p></article></body></html>"


@pytest.mark.parametrize("gz", [True, False])
def test_warc_corrupt_member_is_one_failure_and_reading_goes_on(tmp_path, gz):
    name = "crawl.warc.gz" if gz else "crawl.warc"
    path = _warc(tmp_path / name, [(f"https://wire.example/{i}", _page(i)) for i in range(3)], gz)
    data = bytearray(path.read_bytes())
    magic = b"\x1f\x8b\x08" if gz else b"WARC/1."
    second = data.find(magic, 1)
    for j in range(second, second + 40):  # damage the second member's header
        data[j] ^= 0x5A
    path.write_bytes(bytes(data))
    records = list(sources.read(str(path), Settings()))
    good = [r.article.url for r in records if r.article]
    bad = [r.error for r in records if r.error]
    assert good == ["https://wire.example/0", "https://wire.example/2"]
    assert len(bad) == 1 and "corrupt WARC member" in bad[0]


def test_warc_junk_that_parses_as_an_arc_record_is_a_corrupt_member(tmp_path):
    # warcio reads a five-field line between gzip members as an ARC header (arc2warc): a
    # record whose "URI" is binary junk is damage, not an article that "looks binary".
    first = _warc(tmp_path / "a.warc.gz", [("https://wire.example/0", _page(0))]).read_bytes()
    last = _warc(tmp_path / "b.warc.gz", [("https://wire.example/2", _page(2))]).read_bytes()
    junk = b"E\xd1RZ\x07\x08 10.0.0.1 20261125000000 text/html 12\n\x8f\x06t\x88G junk!\n\n"
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(first + junk + last)
    records = list(sources.read(str(path), Settings()))
    assert [r.article.url for r in records if r.article] == ["https://wire.example/0",
                                                            "https://wire.example/2"]
    assert [r.error for r in records if r.error] == ["corrupt WARC member after the record at byte 0"]


@pytest.mark.parametrize("uri", ["https://wire.example/a", "<https://wire.example/a>",
                                 "https://wire.example/caf\u00e9", "dns:wire.example"])
def test_warc_plausible_uris_pass(uri):
    from newsevents.ingest.warc import _URI
    assert _URI.match(uri)


# -- ingest (in this process, with the session's models) -------------------------------------

def test_bad_records_are_rejected_with_reasons_and_the_batch_goes_on(tmp_path, resources):
    write_jsonl(tmp_path / "batch.jsonl", [
        record(0),
        '{"text": "Gunmen attacked',  # corrupt JSON line
        {"text": "   ", "url": "https://wire.example/empty"},
        {"text": "Die Regierung in Berlin hat am Donnerstag ein neues Gesetz beschlossen, das die "
                 "Renten von Millionen Menschen in Deutschland verändern wird.",
         "url": "https://wire.example/de"},
        {"text": "x" * 3000, "url": "https://wire.example/huge"},  # over the size limit below
        [1, 2, 3],
        record(1),
    ])
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    (tmp_path / "blank.txt").write_text("\n\n")
    store = Store.open(str(tmp_path / "c.db"))
    settings = Settings(max_input_bytes=2500)
    summary = ingest([str(tmp_path)], store, settings=settings, workers=1, resources=resources)
    reasons = rejected(store)
    assert summary.done == 2 and summary.failed == 7
    by_tail = {origin.rsplit("/", 1)[-1]: reason for origin, reason in reasons.items()}
    assert "invalid JSON" in by_tail["batch.jsonl line 2"]
    assert "empty" in by_tail["batch.jsonl line 3"]
    assert "not in English" in by_tail["batch.jsonl line 4"]
    assert "too large" in by_tail["batch.jsonl line 5"]
    assert "JSON object" in by_tail["batch.jsonl line 6"]
    assert "binary" in by_tail["photo.txt"]
    assert "empty" in by_tail["blank.txt"]
    assert store.counts()["articles"] == 2


def test_rerun_adds_nothing_and_copies_become_duplicates(tmp_path, resources):
    first = write_jsonl(tmp_path / "first.jsonl", [record(i) for i in range(4)] + ["{oops"])
    store = Store.open(str(tmp_path / "c.db"))
    summary = ingest([str(first)], store, workers=1, resources=resources)
    assert (summary.done, summary.failed) == (4, 1)
    before = store.counts()
    again = ingest([str(first)], store, workers=1, resources=resources)
    assert (again.done, again.failed, again.skipped) == (0, 0, 5)
    assert store.counts() == before
    # The same URL with tracking parameters, and the same body at another outlet's URL.
    copies = write_jsonl(tmp_path / "copies.jsonl", [
        {**record(0), "url": "https://WIRE.example/syria/0?fbclid=abc#top"},
        {**record(1), "url": "https://mirror.example/news/1", "outlet": "Mirror"},
    ])
    third = ingest([str(copies)], store, workers=1, resources=resources)
    assert (third.done, third.skipped, third.duplicates) == (0, 2, 1)
    assert store.counts()["articles"] == 4
    with store.engine.connect() as conn:  # (templated stories may also be near-duplicates)
        row = conn.execute(sa.select(schema.duplicates)
                           .where(schema.duplicates.c.kind == "exact")).mappings().one()
    assert row["kind"] == "exact" and row["url"] == "https://mirror.example/news/1"


def test_reprocess_re_extracts_only_when_the_pipeline_version_changed(tmp_path, resources, monkeypatch):
    batch = write_jsonl(tmp_path / "b.jsonl", [record(i) for i in range(3)])
    store = Store.open(str(tmp_path / "c.db"))
    monkeypatch.setenv("NEWSEVENTS_PIPELINE_VERSION", "0.1.0+old")
    pipeline_version.cache_clear()
    try:
        assert ingest([str(batch)], store, workers=1, resources=resources).done == 3
        same = ingest([str(batch)], store, workers=1, resources=resources, reprocess=True)
        assert (same.done, same.skipped) == (0, 3)
        monkeypatch.setenv("NEWSEVENTS_PIPELINE_VERSION", "0.1.0+new")
        pipeline_version.cache_clear()
        lazy = ingest([str(batch)], store, workers=1, resources=resources)
        assert (lazy.done, lazy.skipped) == (0, 3)
        redo = ingest([str(batch)], store, workers=1, resources=resources, reprocess=True)
        assert (redo.done, redo.reprocessed) == (3, 3)
    finally:
        pipeline_version.cache_clear()
    with store.engine.connect() as conn:
        versions = set(conn.execute(sa.select(schema.articles.c.pipeline_version)).scalars())
    assert versions == {"0.1.0+new"} and store.counts()["articles"] == 3


def test_pipeline_version_is_stable_and_tracks_the_code():
    version = pipeline_version()
    assert version.startswith("0.1.0+") and len(version) == len("0.1.0+") + 12
    pipeline_version.cache_clear()
    assert pipeline_version() == version


# -- fetch on loopback ------------------------------------------------------------------------

class _Site(BaseHTTPRequestHandler):
    hits: list[tuple[str, float]] = []
    flaky_failures = 1

    def log_message(self, *args):  # keep pytest output clean
        pass

    def do_GET(self):  # noqa: N802 - http.server's name
        type(self).hits.append((self.path, time.monotonic()))
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/robots.txt":
            return self._send(200, "User-agent: *\nDisallow: /private/\n", "text/plain")
        if self.path == "/feed.xml":
            items = "".join(f"<item><title>t</title><link>{base}{p}</link></item>"
                            for p in ("/a", "/b", "/private/c", "/flaky", "/missing", "/slow"))
            return self._send(200, f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>',
                              "application/rss+xml")
        if self.path in ("/a", "/b"):
            return self._send(200, _page(5 if self.path == "/a" else 6), "text/html")
        if self.path == "/flaky":
            if type(self).flaky_failures > 0:
                type(self).flaky_failures -= 1
                return self._send(503, "busy", "text/plain")
            return self._send(200, _page(7), "text/html")
        if self.path == "/slow":
            time.sleep(1.5)
            return self._send(200, _page(8), "text/html")
        return self._send(404, "not found", "text/plain")

    def _send(self, status, body, ctype):
        data = body.encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test)


@pytest.fixture()
def site():
    _Site.hits, _Site.flaky_failures = [], 1
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_fetch_follows_robots_retries_rate_limits_and_times_out(tmp_path, resources, site):
    store = Store.open(str(tmp_path / "c.db"))
    fetcher = Fetcher(timeout=0.5, retries=1, min_interval=0.2, backoff=0.05)
    summary = ingest([f"{site}/feed.xml"], store, workers=1, resources=resources, fetch=True,
                     fetcher=fetcher)
    paths = [path for path, _ in _Site.hits]
    assert "/private/c" not in paths  # robots.txt was obeyed
    assert paths.count("/flaky") == 2  # a 503, retried once
    assert paths.count("/missing") == 1  # a 404 is not retried
    assert paths.count("/slow") == 2  # timed out, retried, timed out again
    times = [t for _, t in _Site.hits]
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.19  # one request per 0.2 s
    assert summary.done == 3  # /a, /b, /flaky
    reasons = {o.rsplit("/", 1)[-1]: r for o, r in rejected(store).items()}
    assert "robots.txt" in reasons["c"]
    assert "HTTP 404" in reasons["missing"]
    assert "timed out" in reasons["slow"]
    # A second run asks for nothing stored: only the feed and robots.txt are fetched again.
    _Site.hits = []
    again = ingest([f"{site}/feed.xml"], store, workers=1, resources=resources, fetch=True,
                   fetcher=Fetcher(timeout=0.5, retries=0, min_interval=0.0))
    assert again.done == 0 and sorted(p for p, _ in _Site.hits) == ["/feed.xml", "/robots.txt"]
    fetcher.close()


def test_url_sources_need_fetch(tmp_path, resources):
    urls = tmp_path / "urls.txt"
    urls.write_text("https://wire.example/a\nhttps://wire.example/b\n")
    store = Store.open(str(tmp_path / "c.db"))
    summary = ingest([str(urls), "https://wire.example/c"], store, workers=1, resources=resources)
    assert summary.failed == 2 and all("--fetch" in r for r in rejected(store).values())


# -- the real command ------------------------------------------------------------------------

def _cli(*args: str, cwd: Path, **kwargs) -> subprocess.Popen:
    command = [sys.executable, "-m", "newsevents", *args]
    return subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, **kwargs)


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_killed_ingest_loses_nothing_stored_and_resumes(tmp_path):
    total = 48
    batch = write_jsonl(tmp_path / "batch.jsonl", [record(i) for i in range(total)])
    db = tmp_path / "newsevents.db"
    process = _cli("ingest", str(batch), "--quiet", "--workers", "2", cwd=tmp_path)
    try:
        deadline = time.monotonic() + 240
        while _count(db) < 4 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process.poll() is None, "ingest finished before it could be killed"
        os.kill(process.pid, signal.SIGKILL)  # the writer dies mid-batch
        process.wait(timeout=30)
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # its worker processes too
        except ProcessLookupError:
            pass
    stored = _count(db)
    assert 4 <= stored < total
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles a LEFT JOIN events e "
                            "ON e.article_id = a.id WHERE e.id IS NULL").fetchone()[0] == 0
    resumed = _cli("ingest", str(batch), "--workers", "2", cwd=tmp_path)
    _, err = resumed.communicate(timeout=400)
    assert resumed.returncode == 0, err
    assert f"{total - stored} stored" in err and f"{stored} skipped" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == total
        assert conn.execute("SELECT count(*) FROM (SELECT url FROM articles GROUP BY url "
                            "HAVING count(*) > 1) AS d").fetchone()[0] == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
def test_cli_default_database_summary_and_quiet(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(wire_story(9), encoding="utf-8")
    run = _cli("ingest", str(story), "--workers", "1", cwd=tmp_path)
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    assert (tmp_path / "newsevents.db").exists()  # the default database, in the current dir
    assert "1 stored" in err and "articles/s" in err
    quiet = _cli("ingest", str(story), "--quiet", cwd=tmp_path)
    out, err = quiet.communicate(timeout=300)
    assert quiet.returncode == 0 and out == "" and err == ""
    assert _count(tmp_path / "newsevents.db") == 1
