"""numbers.py: number words, digits, hedges, ranges and vague amounts."""

from __future__ import annotations

import pytest

from newsevents.numbers import VAGUE_RANGES, find_amounts, parse_amount, parse_number


@pytest.mark.parametrize("text, value", [
    ("12", 12), ("1,200", 1200), ("350,000", 350000), ("1.5 million", 1_500_000),
    ("3 million", 3_000_000), ("2 thousand", 2000), ("Twenty-five", 25), ("twenty five", 25),
    ("one hundred and twenty", 120), ("a hundred", 100), ("two thousand five hundred", 2500),
    ("a dozen", 12), ("two dozen", 24), ("half a dozen", 6), ("eleven", 11),
    ("nine", 9), ("1.5", None), ("dozens", None), ("banana", None), ("", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, low, high, approximate", [
    ("at least 40", 40, None, False),
    ("no fewer than 40", 40, None, False),
    ("40 or more", 40, None, False),
    ("more than 300,000", 300000, None, False),
    ("over 30", 30, None, False),
    ("nearly 50", None, 50, False),
    ("almost 50", None, 50, False),
    ("fewer than 10", None, 10, False),
    ("up to 12", None, 12, False),
    ("as many as 200", None, 200, False),
    ("about 30", 30, 30, True),
    ("around 30", 30, 30, True),
    ("some 30", 30, 30, True),
    ("roughly 30", 30, 30, True),
    ("an estimated 1,000", 1000, 1000, True),
    ("between 20 and 30", 20, 30, False),
    ("from 20 to 30", 20, 30, False),
    ("20 to 30", 20, 30, False),
    ("20-30", 20, 30, False),
    ("two or three", 2, 3, False),
    ("more than a dozen", 12, None, False),
    ("tens", 10, 99, True),
    ("dozens", 12, 99, True),
    ("scores", 20, 99, True),
    ("hundreds", 100, 999, True),
    ("thousands", 1000, 9999, True),
    ("tens of thousands", 10_000, 99_999, True),
    ("hundreds of thousands", 100_000, 999_999, True),
    ("millions", 1_000_000, 9_999_999, True),
    ("a handful", 2, 5, True),
    ("a few", 2, 5, True),
    ("a couple", 2, 3, True),
    ("several", 3, 9, True),
    ("several hundred", 300, 900, True),
    ("a few thousand", 2000, 5000, True),
    ("at least dozens", 12, None, True),
])
def test_parse_amount(text, low, high, approximate):
    amount = parse_amount(text)
    assert amount is not None
    assert (amount.low, amount.high, amount.approximate) == (low, high, approximate)


@pytest.mark.parametrize("text", ["2011-12", "30-20", "banana", "", "million", "five-year"])
def test_not_amounts(text):
    assert parse_amount(text) is None


def test_vague_low_bounds_follow_acled():
    assert VAGUE_RANGES["tens"][0] == 10
    assert VAGUE_RANGES["dozens"][0] == 12
    assert VAGUE_RANGES["hundreds"][0] == 100


@pytest.mark.parametrize("text, found", [
    ("Twenty-five people were killed and dozens more were wounded.", ["Twenty-five", "dozens"]),
    ("It cost $5 million and 40% of the budget.", []),
    ("The 25-year-old arrived at 10:30.", []),
    ("No one was hurt, but one man was arrested.", ["one"]),
    ("five and six", ["five", "six"]),
    ("at least 40 people, tens of thousands of refugees",
     ["at least 40", "tens of thousands"]),
    ("between 20 and 30 and then 3.5 km", ["between 20 and 30"]),
])
def test_find_amounts(text, found):
    assert [a.text for a in find_amounts(text)] == found


def test_offsets_point_at_the_text():
    text = "Police said at least 40 people died."
    (amount,) = find_amounts(text)
    assert text[amount.start:amount.end] == "at least 40"


@pytest.mark.parametrize("text", ["", "\u202e\u0000", "9" * 5000, "and " * 1000, "one-" * 300,
                                  "between and", "at least", "\u0661\u0662"])
def test_weird_input_never_raises(text):
    find_amounts(text)
    parse_amount(text)
    parse_number(text)


@pytest.mark.parametrize("text, value", [
    ("Seven-point-one million", 7_100_000), ("two point five million", 2_500_000),
    ("one-point-two five billion", 1_250_000_000),
])
def test_spoken_decimals(text, value):
    assert parse_number(text) == value
    (amount,) = find_amounts(f"{text} people need aid.")
    assert (amount.low, amount.high) == (value, value)


def test_a_year_before_to_is_no_range():
    """"from 88 in 2023 to 388": "2023 to 388" is not a range; 388 is still found."""
    found = [(a.text, a.low, a.high) for a in find_amounts("rose from 88 in 2023 to 388 in 2024")]
    assert ("88", 88, 88) in found and ("388", 388, 388) in found
    assert all(a[1] <= (a[2] or a[1]) for a in found)
