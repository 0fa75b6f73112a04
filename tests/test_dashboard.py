"""The dashboard's highlighting, run in node over a real newsevents/1 document: every piece of
the text comes back once, in order, and each record's span is marked with its kind.
(The page being served is checked in test_api.py; browser tests are still to come.)
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from newsevents.dashboard import STATIC

CHECK = Path(__file__).parent / "js" / "render_check.js"
STORY = ("KANO, Nigeria (Wire D) - Gunmen killed nine farmers in an attack on a village near "
         "Kano on Monday, police said. \"We will find them,\" the police commissioner told reporters.")


@pytest.fixture(scope="module")
def pieces(run):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    document = run(STORY, published="2026-03-17").to_dict()
    done = subprocess.run([node, str(CHECK), str(STATIC / "dashboard.js")], input=json.dumps(document),
                          capture_output=True, text=True, timeout=60, check=True)
    return document, json.loads(done.stdout)


def test_highlighting_keeps_the_text_whole(pieces):
    document, parts = pieces
    assert "".join(p["text"] for p in parts) == document["article"]["text"]


@pytest.mark.parametrize("records, kind, start, end", [
    ("casualties", "casualty", "start", "end"),
    ("quotes", "quote", "start", "end"),
    ("dates", "date", "start", "end"),
    ("events", "event", "trigger_start", "trigger_end"),
])
def test_each_record_is_marked_at_its_span(pieces, records, kind, start, end):
    document, parts = pieces
    text = document["article"]["text"]
    found = [r for r in document[records] if r.get(start) is not None]
    assert found, f"the story should give {records}"
    for record in found:
        offset, marked = 0, ""
        for part in parts:
            inside = offset >= record[start] and offset + len(part["text"]) <= record[end]
            if inside:
                assert kind in part["classes"] and record["id"] in part["recs"]
                marked += part["text"]
            offset += len(part["text"])
        assert marked == text[record[start]:record[end]]
