"""Casualties stage: amounts tied to harm cues, one claim per count, kind and source."""

from __future__ import annotations

import pytest

from newsevents.model import CASUALTY_KINDS

UNTIL = "extract_casualties"


def claims(run, text):
    """(kind, low, high, text) for every claim in a text, in order."""
    article = run(text, until=UNTIL)
    return [(c.kind, c.low, c.high, c.text) for c in article.casualties]


@pytest.mark.parametrize("sentence, expected", [
    ("Police said 12 people were killed in the blast.", [("killed", 12, 12, "12")]),
    ("At least 40 civilians died in the fighting, officials said.",
     [("killed", 40, None, "At least 40")]),
    ("Seven soldiers lost their lives when their convoy hit a mine.", [("killed", 7, 7, "Seven")]),
    ("The explosion tore through the market, killing 14 people.", [("killed", 14, 14, "14")]),
    ("The attack left 9 people dead, the governor said.", [("killed", 9, 9, "9")]),
    ("Officials reported a death toll of 63 after the flood.", [("killed", 63, 63, "63")]),
    ("Rescuers recovered the bodies of 11 migrants on Tuesday.", [("killed", 11, 11, "11")]),
    ("The ministry said there had been 230 deaths in the province.", [("killed", 230, 230, "230")]),
    ("The ministry said 31 were killed and 140 wounded.",
     [("killed", 31, 31, "31"), ("wounded", 140, 140, "140")]),
    ("Medics counted 22 dead, 60 injured in the square.",
     [("killed", 22, 22, "22"), ("wounded", 60, 60, "60")]),
    ("Dozens of people were hurt in the stampede.", [("wounded", 12, 99, "Dozens")]),
    ("Between 20 and 30 miners remain unaccounted for after the collapse.",
     [("missing", 20, 30, "Between 20 and 30")]),
    ("Gunmen abducted 17 students from a boarding school overnight.",
     [("kidnapped", 17, 17, "17")]),
    ("Twelve aid workers were taken hostage near the border.", [("kidnapped", 12, 12, "Twelve")]),
    ("Security forces arrested more than 300 protesters in the capital.",
     [("arrested", 300, None, "more than 300")]),
    ("About 150 people were detained after the rally.", [("arrested", 150, 150, "About 150")]),
    ("Some 2,500 families have fled their homes since the offensive began.",
     [("displaced", 2500, 2500, "Some 2,500")]),
    ("The fighting has displaced 1.5 million people.", [("displaced", 1500000, 1500000, "1.5 million")]),
    ("Hundreds of residents were forced from their homes by the floods.",
     [("displaced", 100, 999, "Hundreds")]),
    ("Up to 12 climbers are trapped on the mountain.", [("trapped", None, 12, "Up to 12")]),
    ("The storm affected nearly 80,000 people in the delta.",
     [("affected", None, 80000, "nearly 80,000")]),
    ("One hundred and twenty people were injured, the hospital said.",
     [("wounded", 120, 120, "One hundred and twenty")]),
    ("Two dozen villagers were killed in the raid.", [("killed", 24, 24, "Two dozen")]),
    ("A handful of journalists were detained at the airport.",
     [("arrested", 2, 5, "A handful")]),
    ("Several people were missing after the boat capsized.", [("missing", 3, 9, "Several")]),
    ("Eight soldiers and three civilians were killed in the ambush.",
     [("killed", 8, 8, "Eight"), ("killed", 3, 3, "three")]),
    ("Israeli forces killed 5 Palestinians and wounded 30 others in Jenin.",
     [("killed", 5, 5, "5"), ("wounded", 30, 30, "30")]),
    ("A car bomb killed 20-25 people at the checkpoint.", [("killed", 20, 25, "20-25")]),
    ("The blast brought the death toll to 85, the ministry said.", [("killed", 85, 85, "85")]),
    ("At least 1,200 refugees crossed into Chad last week.", [("displaced", 1200, None, "At least 1,200")]),
    ("Two million displaced people live in camps across the region.",
     [("displaced", 2000000, 2000000, "Two million")]),
])
def test_patterns(run, sentence, expected):
    assert claims(run, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Aleppo, a city of 2 million people, has been divided since 2012.",
    "Turkey has opened its border to millions of people over these years.",
    "The militants fired 40 rockets at the town on Tuesday.",
    "A 25-year-old man was arrested at 10:30 on Friday.",
    "The government pledged $5 million to rebuild 300 homes damaged in the quake.",
    "Turnout reached 62 percent, with 3 million votes cast.",
    "Inflation hit 40% in 2023, the central bank said.",
    "The 15 ministers met for three hours in Geneva.",
    "No one was killed in the attack, police said.",
    "Twelve vehicles were destroyed and five buildings were affected.",
    "The army said 20 people were not injured in the crash.",
    "The men, aged 19 and 23, were charged on Monday.",
])
def test_not_casualties(run, sentence):
    article = run(sentence, until=UNTIL)
    assert [(c.kind, c.text) for c in article.casualties] == []


def test_gunmen_are_not_victims_but_their_victims_are(run):
    assert claims(run, "Twelve gunmen killed three soldiers at a checkpoint on Monday.") == [
        ("killed", 3, 3, "three")]
