"""Streets and numbered roads found by their form (geo.streets)."""

from __future__ import annotations

import pytest

from newsevents.geo.streets import street_names


def _names(text: str) -> list[str]:
    return [text[s:e] for s, e in street_names(text)]


@pytest.mark.parametrize("text,street", [
    ("Officers were called to the 700 block of Orchard Street on Sunday.", "Orchard Street"),
    ("Crews will close Maple Ridge Lane between noon and 4 p.m.", "Maple Ridge Lane"),
    ("The fire started in a shed at 12 W. Prospect St., the chief said.", "W. Prospect St."),
    ("Northbound lanes of Northwest 21st Avenue reopened at dawn.", "Northwest 21st Avenue"),
    ("The new bridge carries Old Mill Pond Road over the creek.", "Old Mill Pond Road"),
    ("A tree fell across Kenmore-Hale Boulevard after the storm.", "Kenmore-Hale Boulevard"),
    ("Residents of 9 Larkspur Court were asked to leave their homes.", "Larkspur Court"),
    ("Flooding closed Highway 171 south of the river on Monday.", "Highway 171"),
    ("Troopers stopped the truck on KY 461 late Friday.", "KY 461"),
    ("Traffic on I-64 backed up for six miles.", "I-64"),
])
def test_a_street_is_found_by_its_form(text: str, street: str) -> None:
    assert street in _names(text)


@pytest.mark.parametrize("text", [
    "The Superior Court judge set bail at $5,000.",  # a court, no house number
    "Donations to the United Way rose by 8 percent.",
    "A reporter for the Wall Street Journal asked about the merger.",  # inside a longer name
    "Main Street Bank reported a loss in the quarter.",
    "Police seized an AK 47 rifle and two pistols.",  # no state's code
    "The Road to Recovery program helps veterans find work.",
])
def test_names_that_only_look_like_streets_are_not_taken(text: str) -> None:
    assert _names(text) == []


def test_sentence_words_are_not_part_of_a_street_name() -> None:
    assert _names("On Cedar Hollow Drive, neighbours gathered for a vigil.") == ["Cedar Hollow Drive"]
