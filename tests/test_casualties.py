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


def first(run, text):
    """The first claim of a text, or fail."""
    article = run(text, until=UNTIL)
    assert article.casualties, f"no claim in {text!r}"
    return article, article.casualties[0]


@pytest.mark.parametrize("sentence, source", [
    ("Twelve people were killed, according to the Red Cross.",
     ("Red Cross", "International Committee of the Red Cross")),
    ("The health ministry said 31 people had died.", "health ministry"),
    ("At least 40 people were missing, aid workers said.", "aid workers"),
    ("UNICEF reported that 9 children were wounded in the strike.", "UNICEF"),
    ("Police told reporters that 5 men were arrested.", "police"),
    ("Five people were killed in the blast.", None),
])
def test_source(run, sentence, source):
    _, claim = first(run, sentence)
    assert claim.source in source if isinstance(source, tuple) else claim.source == source


def test_short_name_resolves_to_full_name(run):
    text = ("The Syrian Observatory for Human Rights reported clashes near the airport.\n\n"
            "Nine fighters were killed overnight, the Observatory said.")
    _, claim = first(run, text)
    assert claim.source == "Syrian Observatory for Human Rights"


def test_source_carries_to_the_next_sentence_of_its_paragraph_only(run):
    """A source named in a wire paragraph covers the next sentence, never the next paragraph."""
    text = ("Human Rights Watch said its clinic was hit on Monday. Fourteen patients were "
            "wounded.\n\nTwo guards were killed in a separate attack.")
    article = run(text, until=UNTIL)
    sources = [(c.kind, c.source) for c in article.casualties]
    assert sources == [("wounded", "Human Rights Watch"), ("killed", None)]


def test_flattened_story_does_not_carry_sources(run):
    """A whole story on one line is no paragraph: the next sentence is often background."""
    filler = " ".join(f"Talks on the border dispute resumed in round {n} last year." for n in range(20))
    text = ("Human Rights Watch said its clinic was hit on Monday. Fourteen patients were "
            "wounded. " + filler)
    article = run(text, until=UNTIL)
    assert [(c.kind, c.source) for c in article.casualties] == [("wounded", None)]


def test_source_of_a_quote_continues_across_sentences(run):
    text = ('"The gunmen came at night. Nine villagers were killed and two are missing," '
            'said Amina Bello, a local councillor.')
    article = run(text, until=UNTIL)
    assert [(c.kind, c.low, c.source) for c in article.casualties] == [
        ("killed", 9, "Amina Bello"), ("missing", 2, "Amina Bello")]


def test_pronoun_source_takes_the_last_named_source(run):
    text = ("The United Nations warned of a famine in the north.\n\n"
            "It said 300,000 people had fled their homes.")
    _, claim = first(run, text)
    assert (claim.kind, claim.source) == ("displaced", "United Nations")


@pytest.mark.parametrize("sentence, weapon, perpetrator", [
    ("Six people were killed by rocket fire from rebel positions.", "rocket fire", "rebel positions"),
    ("Eleven villagers were killed by gunmen on motorbikes.", None, "gunmen"),
    ("Rebels shelled the town, killing 8 civilians.", "shelling", "rebels"),
    ("A car bomb killed 15 people outside the mosque.", "car bomb", None),
    ("Twenty people died in air strikes on the village.", "air strikes", None),
    ("A drone strike wounded 4 fighters.", "drone strike", None),
])
def test_weapon_and_perpetrator(run, sentence, weapon, perpetrator):
    _, claim = first(run, sentence)
    assert (claim.weapon, claim.perpetrator) == (weapon, perpetrator)


@pytest.mark.parametrize("sentence, cumulative", [
    ("The war has killed more than 350,000 people since it began in 2011.", True),
    ("A total of 1,200 people have died so far this year.", True),
    ("Three more deaths on Monday brought the death toll to 85.", True),
    ("Over the past five years the insurgency has displaced 2 million people.", True),
    ("Four people were killed in the blast on Monday.", False),
])
def test_cumulative(run, sentence, cumulative):
    article = run(sentence, until=UNTIL)
    assert article.casualties
    assert article.casualties[-1].cumulative is cumulative


def test_cumulative_since_gives_an_open_window(run):
    _, claim = first(run, "The war has killed more than 350,000 people since it began in 2011.")
    assert claim.date.date_from is not None and claim.date.date_from.year == 2011
    assert claim.date.date_to is None


def test_no_date_in_paragraph_falls_back_to_publication_with_flag(run):
    # issue 5: no governing date in the sentence or paragraph -> publication date, flagged
    _, claim = first(run, "Four people were killed in the blast.")
    assert (str(claim.date.date_from), str(claim.date.date_to)) == ("2026-03-15", "2026-03-15")
    assert claim.date_fallback is True


def test_multi_claim_article(run):
    text = (
        "KABUL (Wire) - A suicide bomber struck a wedding hall in the Afghan capital on Saturday, "
        "killing 63 people and wounding 182, the interior ministry said.\n\n"
        "Officials said 18 women and children were among the dead.\n\n"
        "The Taliban denied involvement. Separately, gunmen abducted five engineers in Kunduz, "
        "police said.\n\n"
        "The city, home to about 5 million people, has seen 12 attacks this year."
    )
    article = run(text, until=UNTIL)
    got = [(c.id, c.kind, c.low, c.source) for c in article.casualties]
    assert got[:3] == [("c1", "killed", 63, "interior ministry"),
                       ("c2", "wounded", 182, "interior ministry"),
                       ("c3", "kidnapped", 5, "police")] or got[:2] == [
        ("c1", "killed", 63, "interior ministry"), ("c2", "wounded", 182, "interior ministry")]
    assert all(c.low != 5_000_000 for c in article.casualties)
    assert all(c.text != "12" for c in article.casualties)
    for claim in article.casualties:
        assert article.text[claim.start:claim.end] == claim.text
        assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end
        assert claim.kind in CASUALTY_KINDS


def test_competing_sources_in_one_article(run):
    text = ("The army said 12 militants were killed in the clashes.\n\n"
            "The rebels said 30 soldiers died and a further 45 were captured.")
    article = run(text, until=UNTIL)
    got = [(c.kind, c.low, c.source, c.victims) for c in article.casualties]
    assert got[:2] == [("killed", 12, "army", "militants"), ("killed", 30, "rebels", "soldiers")]


# --- the demo article -------------------------------------------------------------------------

def _demo_claim(demo, text):
    found = [c for c in demo.casualties if c.text == text]
    assert len(found) == 1, [c.text for c in demo.casualties]
    return found[0]


def test_demo_claims_in_order(demo):
    got = [(c.kind, c.low, c.high, c.text) for c in demo.casualties]
    assert got == [
        ("killed", 31, 31, "31"), ("wounded", 12, 99, "dozens"),
        ("killed", 27, 27, "27"), ("wounded", 140, 140, "140"),
        ("killed", 25, 25, "Twenty-five"), ("killed", 350000, None, "more than 350,000"),
        ("trapped", 10000, 99999, "tens of thousands"), ("missing", 40, None, "at least 40"),
    ]
    assert [c.id for c in demo.casualties] == [f"c{i}" for i in range(1, 9)]


def test_demo_observatory(demo):
    killed, wounded = _demo_claim(demo, "31"), _demo_claim(demo, "dozens")
    for claim in (killed, wounded):
        assert claim.source == "Syrian Observatory for Human Rights"
    assert killed.victims == "civilians"
    assert not any(c.text == "nine" for c in demo.casualties)  # a subset, not its own claim
    place = demo.place(killed.place_id)
    if place is not None:
        assert "Salaheddine" in place.name


def test_demo_sana(demo):
    for text in ("27", "140"):
        claim = _demo_claim(demo, text)
        assert claim.source == "SANA"
        assert claim.weapon == "rocket fire"
        assert claim.perpetrator == "terrorist groups"


def test_demo_atareb(demo):
    claim = _demo_claim(demo, "Twenty-five")
    assert claim.source == "Syrian Observatory for Human Rights"
    assert claim.weapon == "air strikes"
    place = demo.place(claim.place_id)
    if demo.places:
        assert place is not None and place.name == "Atareb"
    if claim.date.date_from is not None:
        assert claim.date.date_from < demo.published


def test_demo_toll_un_and_aid_workers(demo):
    toll = _demo_claim(demo, "more than 350,000")
    assert toll.cumulative and toll.source is None
    trapped = _demo_claim(demo, "tens of thousands")
    assert trapped.source == "United Nations"
    missing = _demo_claim(demo, "at least 40")
    assert missing.source == "aid workers"
    assert not any("million" in c.text for c in demo.casualties)


# --- robustness --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Killed.",
    "\u201cTwelve were killed,\u201d he said. \u201cAnd 40",
    "12 12 12 killed killed wounded 12 dozens more more more.",
    "At least at least 40 were were killed killed by by by.",
    "\u0627\u0644\u062d\u0631\u0628 killed 5 people \U0001F525 in \u00c5land.",
    "Nine\n\nkilled\n\n, according to\n\nsaid.",
    "The toll of " + "1," * 40 + "000 dead.",
    "They said that. It said. He said 4 people died.",
])
def test_weird_input_never_raises(run, text):
    article = run(text, until=UNTIL)
    for claim in article.casualties:
        assert claim.kind in CASUALTY_KINDS
        assert article.text[claim.start:claim.end] == claim.text


def test_large_input(run):
    paragraph = ("Rebels shelled the town of Idlib on Monday, killing 12 people and wounding 30, "
                 "the Observatory said. The city has 100,000 residents.\n\n")
    article = run(paragraph * 300, until=UNTIL)
    assert len(article.casualties) == 600


def test_stage_without_doc_returns_no_claims():
    from newsevents.model import Article
    from newsevents.stages.casualties import extract_casualties

    article = extract_casualties(Article(text="12 people were killed."), None)
    assert article.casualties == []


def test_nationality_on_weapon_place_and_date(run):
    _, claim = first(run, "Israeli air strikes killed 9 people in Gaza City on Tuesday, "
                          "the health ministry said.")
    assert (claim.weapon, claim.perpetrator, claim.source) == ("air strikes", "Israeli",
                                                               "health ministry")
    assert claim.date.date_from is not None and claim.date.date_from.weekday() == 1


def test_report_date_is_a_fallback(run):
    _, claim = first(run, "The ministry said on Thursday that 14 people were killed.")
    assert claim.date.date_from is not None and claim.date.date_from.weekday() == 3


# --- single victims, lists, nominal and passive forms (issue 4) --------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("A policeman was killed when gunmen opened fire on a checkpoint.",
     [("killed", 1, 1, "A policeman")]),
    ("An aid worker was abducted near the border on Sunday.",
     [("kidnapped", 1, 1, "An aid worker")]),
    ("Police arrested a journalist who had filmed the protest.",
     [("arrested", 1, 1, "a journalist")]),
    ("The roadside bomb killed a teacher and three students.",
     [("killed", 1, 1, "a teacher"), ("killed", 3, 3, "three")]),
    ("Rights groups condemned the detention of a blogger in the capital.",
     [("arrested", 1, 1, "a blogger")]),
    ("Injured in the first blast, the driver of the bus has died.",
     [("killed", 1, 1, "the driver of the bus")]),
    ("One of the group's most senior commanders is dead, the army said.",
     [("killed", 1, 1, "One")]),
    ("Another member of the militia was killed in a separate raid.",
     [("killed", 1, 1, "Another member of the militia")]),
    ("A detainee died in police custody on Monday, his lawyer said.",
     [("killed", 1, 1, "A detainee")]),
    ("The opposition leader was being held at a military barracks.",
     [("arrested", 1, 1, "The opposition leader")]),
])
def test_single_victims(run, sentence, expected):
    assert claims(run, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "A suicide bomber blew himself up outside the ministry.",
    "A spokesman said the situation in the city was calm.",
    "When her father died in 1990, the family moved to Nairobi.",
    "Prosecutors say the men were hired to kill a rival businessman.",
    "The defendants were paid to plan the journalist's murder.",
    "The prison can hold only 500 detainees, an official said.",
    "The militants vowed to kill 100 soldiers.",
    "The dead included four children, the hospital said.",
    "The musician died at 80 at his home in Lagos.",
    "The minister was held responsible for the failures.",
    "The candidate has held rallies in three states this week.",
    "The coroner said the girl could have drowned in the bath.",
])
def test_not_single_victims(run, sentence):
    assert [(c.kind, c.text) for c in run(sentence, until=UNTIL).casualties] == []


@pytest.mark.parametrize("sentence, expected", [
    # lists after a backward cue, and "X others"
    ("The shelling killed three soldiers and two civilians near the front.",
     [("killed", 3, 3, "three"), ("killed", 2, 2, "two")]),
    ("Two soldiers were killed and five others wounded in the ambush.",
     [("killed", 2, 2, "Two"), ("wounded", 5, 5, "five")]),
    # a clause or an aside between the count and its verb
    ("More than 30 people, including a police officer, were wounded.",
     [("wounded", 30, None, "More than 30")]),
    ("About 2 million people \u2013 mostly women and children \u2013 have been uprooted.",
     [("displaced", 2000000, 2000000, "About 2 million")]),
    ("Nine activists aboard were killed when troops stormed the ship.",
     [("killed", 9, 9, "Nine")]),
    # passive and nominal forms
    ("The convoy was ambushed, resulting in injuries to eight guards.",
     [("wounded", 8, 8, "eight")]),
    ("The raid led to the arrest of another five suspects.", [("arrested", 5, 5, "five")]),
    ("The abduction of 20 farmers was condemned by the governor.",
     [("kidnapped", 20, 20, "20")]),
    ("More than 150 people had sustained injuries, doctors said.",
     [("wounded", 150, None, "More than 150")]),
    ("Militants seized the train, taking hundreds hostage.",
     [("kidnapped", 100, 999, "hundreds")]),
    # tolls
    ("The death toll from the collapse rose to 41 on Monday.", [("killed", 41, 41, "41")]),
    ("At least 17 people have died in the floods.", [("killed", 17, None, "At least 17")]),
    ("Officials reported 144 virus-related deaths on Sunday.", [("killed", 144, 144, "144")]),
    # a combined toll gives the dead an upper bound only
    ("The general said his troops had killed and injured 500 fighters.",
     [("killed", None, 500, "500")]),
    # people beyond the reach of aid
    ("Seven-point-two million people in need depend on food aid.",
     [("affected", 7200000, 7200000, "Seven-point-two million")]),
])
def test_hard_shapes(run, sentence, expected):
    assert claims(run, sentence) == expected


def test_trend_of_yearly_tolls_is_cumulative(run):
    article = run("Deaths in such attacks rose from 120 in 2022 to 310 in 2023.", until=UNTIL)
    assert [(c.kind, c.low, c.cumulative) for c in article.casualties] == [
        ("killed", 120, True), ("killed", 310, True)]


@pytest.mark.parametrize("text, source", [
    ("Fighters from the jihadist group al-Shabab overran the base on Monday. The group later "
     "claimed that its fighters had killed 14 soldiers.", "al-Shabab"),
    ("Nine civilians were killed in what local officials described as a reprisal raid.",
     "local officials"),
    ("KABUL (Reuters) - A car bomb killed 12 people near the airport on Friday.", "Reuters"),
    ("Rights groups estimate that more than 1 million people have been confined in camps.",
     "rights groups"),
])
def test_more_sources(run, text, source):
    article = run(text, until=UNTIL)
    assert article.casualties, text
    assert article.casualties[-1].source == source


def test_byline_never_credits_a_background_toll(run):
    article = run("KABUL (Reuters) - The war has killed more than 100,000 people since 2001.",
                  until=UNTIL)
    assert [(c.cumulative, c.source) for c in article.casualties] == [(True, None)]


def test_victims_are_not_their_own_source(run):
    text = "The party of jailed former Prime Minister Imran Khan alleged that the vote was rigged."
    article = run(text, until=UNTIL)
    assert [(c.kind, c.text, c.source) for c in article.casualties] == [
        ("arrested", "Imran Khan", None)]


# --- scorer additions -------------------------------------------------------------------------

def _casualty(kind, low, high, start=0, end=2, source=None):
    from newsevents.model import Casualty

    return Casualty(id="c1", kind=kind, low=low, high=high, text="xx", start=start, end=end,
                    source=source)


@pytest.mark.parametrize("record, predicted, hits", [
    ({"dead": "3"}, [("killed", 3, 3)], (1, 1)),
    ({"dead": "3", "injured": "5"}, [("killed", 3, 3), ("wounded", 4, 4)], (1, 2)),
    ({"dead": "20"}, [("killed", 20, 20)], (1, 1)),
    ({"injured": "2"}, [("killed", 2, 2)], (0, 1)),
    ({"dead": "many"}, [], (0, 0)),
])
def test_plover_dead_injured(record, predicted, hits):
    from newsevents.evaluation.casualties import plover_hits

    assert plover_hits(record, [_casualty(*p) for p in predicted]) == hits


def test_counts_only_scoring_leaves_single_victims_out():
    from newsevents.evaluation.casualties import GoldClaim, score_article

    gold = [GoldClaim("killed", 12, 12, 0, 2, None),
            GoldClaim("arrested", 1, 1, 10, 16, None, single=True)]
    predicted = [(_casualty("killed", 12, 12), (0, 2)),
                 (_casualty("arrested", 1, 1, 10, 16), (10, 16))]
    full, counts = score_article(predicted, gold), score_article(predicted, gold, counts_only=True)
    assert (full.gold, full.matched, full.exact) == (2, 2, 2)
    assert (counts.gold, counts.predicted, counts.matched) == (1, 1, 1)


@pytest.mark.parametrize("sentence, expected", [
    ("Pirates boarded the tanker and 13 out of 19 crew members were abducted.",
     [("kidnapped", 13, 13, "13")]),
    ("Nine soldiers, including a senior officer, were killed at the base.",
     [("killed", 9, 9, "Nine")]),
])
def test_parts_of_a_count(run, sentence, expected):
    assert claims(run, sentence) == expected


def test_source_after_a_wire_dateline(run):
    """A dateline in front can misparse ", the X said." (X hung on the victims): X is still the source."""
    text = ("ALEPPO, Syria (Wire A) - Rebels shelled the Salaheddine district of Aleppo on Friday, "
            "killing 12 civilians, the Syrian Observatory for Human Rights said.")
    article = run(text, until=UNTIL)
    assert [(c.low, c.source) for c in article.casualties] == [
        (12, "Syrian Observatory for Human Rights")]
