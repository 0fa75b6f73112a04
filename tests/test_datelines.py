"""Wire datelines: found once (newsevents.datelines), then kept out of every sentence's parse."""

from __future__ import annotations

import pytest

from newsevents.datelines import paragraph_datelines, story_dateline


@pytest.mark.parametrize("text, words, agency", [
    ("GENEVA (Global Wire) - Ministers met on Friday.", "Ministers", "Global Wire"),
    ("ALEPPO, Syria (AP) \u2014 Shelling resumed.", "Shelling", "AP"),
    ("GAZA CITY, March 3 (Agency) \u2013 Crowds gathered.", "Crowds", "Agency"),
    ("MOGADISHU, Somalia - A car bomb exploded.", "A car", None),
    ("  KYIV -- Sirens sounded overnight.", "Sirens", None),
    ("PORT-AU-PRINCE, Haiti (Wire) - Gangs blocked roads.", "Gangs", "Wire"),
])
def test_story_dateline(text, words, agency):
    dateline = story_dateline(text)
    assert dateline is not None
    assert text[dateline.end:].startswith(words)
    assert dateline.agency == agency
    if agency:
        assert text[dateline.agency_start:dateline.agency_end] == agency


@pytest.mark.parametrize("text", [
    "U.S. officials said on Friday that talks would resume.",
    "The United Nations - which runs the camps - said 40 died.",
    "NATO",
    "Police said the ARMY - not rebels - fired first.",
    "",
])
def test_no_dateline(text):
    assert story_dateline(text) is None


def test_every_paragraph_dateline_is_found():
    text = ("KABUL (Wire A) - A protest was held.\n\nMore text here.\n\n"
            "BAGHDAD, Iraq (Wire B) - A second story begins.")
    found = [text[d.end:d.end + 6] for d in paragraph_datelines(text)]
    assert found == ["A prot", "A seco"]


def test_the_dateline_is_its_own_sentence_and_never_the_actor(run):
    text = ("MOGADISHU, Somalia - A car bomb at a busy market in Mogadishu on Saturday killed "
            "25 people, a hospital director said.")
    article = run(text)
    sentences = [s.text for s in article.doc.sents]
    assert sentences[0] == "MOGADISHU, Somalia -"
    assault = next(e for e in article.events if e.type == "ASSAULT")
    assert assault.actor is None  # a car bomb is the weapon; who set it is not said
    assert assault.mode == "explosives"
    assert article.place(assault.place_id).name == "Mogadishu"
    assert not any(e.name == "MOGADISHU" for e in article.entities)
