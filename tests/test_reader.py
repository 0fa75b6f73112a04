"""Ingestion: formats, encodings, metadata and bad input."""

import datetime as dt
import json

import pytest

from newsevents.model import Article, InputError
from newsevents.reader import article_from, decode_bytes, parse_published, read_source
from newsevents.settings import Settings

SETTINGS = Settings()


def _read(path, **kwargs):
    return list(read_source(str(path), SETTINGS, **kwargs))


def test_plain_text_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Troops pull back from border town\nTroops pulled back from the town.", "utf-8")
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.raw_text.startswith("Troops pull back")
    assert article.raw_html is None


def test_html_file_is_read_as_html(tmp_path):
    path = tmp_path / "story.htm"
    path.write_text("<html><body><p>Text</p></body></html>", "utf-8")
    [article] = _read(path)
    assert article.raw_html is not None


def test_json_record_with_metadata(tmp_path):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"text": "Police arrested 14 protesters.", "title": "Arrests",
                                "url": "https://example.org/a", "outlet": "Example",
                                "published": "2025-03-14 20:30:26Z"}), "utf-8")
    [article] = _read(path)
    assert (article.title, article.url, article.outlet) == ("Arrests", "https://example.org/a", "Example")
    assert article.published == dt.date(2025, 3, 14)


def test_published_option_overrides_the_record(tmp_path):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"text": "Police arrested 14 protesters.", "published": "2025-03-14"}))
    [article] = _read(path, published=dt.date(2024, 1, 2))
    assert article.published == dt.date(2024, 1, 2)


def test_jsonl_keeps_order_and_reports_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"text": "First story text.", "url": "u1"}), "{not json",
             json.dumps({"text": "   "}), json.dumps(["not", "an", "object"]),
             json.dumps({"html": "<p>Third story.</p>", "url": "u3"})]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    records = _read(path)
    assert [type(r).__name__ for r in records] == ["Article", "InputError", "InputError",
                                                    "InputError", "Article"]
    assert records[0].url == "u1" and records[4].url == "u3"
    assert "line 2" in str(records[1]) and "invalid JSON" in str(records[1])


def test_windows_1252_is_decoded():
    text = "\u201cWe will not leave,\u201d the caf\u00e9 owner said."
    assert decode_bytes(text.encode("cp1252")) == text


def test_utf8_with_bom_is_decoded():
    assert decode_bytes("\ufeffRebels said.".encode("utf-8")) == "Rebels said."


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t ", "empty"),
    (b"\x00\x01\x02binary\x00\xff" * 50, "binary"),
    (bytes(range(256)) * 20, "binary"),
])
def test_bad_bytes(data, reason):
    with pytest.raises(InputError, match=reason):
        decode_bytes(data)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        _read(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        _read(tmp_path)


def test_oversize_file_is_rejected(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 2000)
    with pytest.raises(InputError, match="too large"):
        list(read_source(str(path), Settings(max_input_bytes=1000)))


@pytest.mark.parametrize("value, expected", [
    ("2026-03-15", dt.date(2026, 3, 15)),
    ("2025-03-14 20:30:26Z", dt.date(2025, 3, 14)),
    ("2025-03-14T20:30:26+02:00", dt.date(2025, 3, 14)),
    (None, None),
    ("", None),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["15/03/2026", "2026-02-30", "yesterday"])
def test_parse_published_rejects_bad_dates(value):
    with pytest.raises(InputError):
        parse_published(value)


def test_article_from_detects_html_in_text():
    article = article_from("<html><body><p>Rebels attacked.</p></body></html>")
    assert article.raw_html is not None and article.raw_text is None


def test_article_from_rejects_empty():
    with pytest.raises(InputError):
        article_from("   ")
