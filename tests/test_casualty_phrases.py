"""Casualties stage: wire phrasings of conflict reporting beyond the basic cue shapes
(stages/casualty_phrases.py and the added cues in stages/casualty_cues.py)."""

from __future__ import annotations

import pytest

UNTIL = "extract_casualties"


def claims(run, text):
    """(kind, low, high, text) for every claim in a text, in order."""
    return [(c.kind, c.low, c.high, c.text) for c in run(text, until=UNTIL).casualties]


@pytest.mark.parametrize("sentence, expected", [
    ("The suicide bombing at the checkpoint left 14 dead, police said.",
     [("killed", 14, 14, "14")]),
    ("The militia raid on the village claimed the lives of 23 civilians, the governor said.",
     [("killed", 23, 23, "23")]),
    ("The landslide claimed at least 40 lives in the district.",
     [("killed", 40, None, "at least 40")]),
    ("The bodies of 9 people were recovered from the rubble on Sunday.",
     [("killed", 9, 9, "9")]),
    ("Two police officers were among the dead, officials said.", [("killed", 2, 2, "Two")]),
    ("Three children were among those killed in the strike.", [("killed", 3, 3, "Three")]),
    ("Four soldiers later succumbed to their wounds in hospital.", [("killed", 4, 4, "Four")]),
    ("At least 30 fishermen are missing and feared dead after the storm.",
     [("missing", 30, None, "At least 30")]),
    ("About 2,000 villagers fled their homes after the clashes.",
     [("displaced", 2000, 2000, "About 2,000")]),
    ("More than 5,000 people have fled the fighting in the north.",
     [("displaced", 5000, None, "More than 5,000")]),
    ("The militants shot dead 6 passengers and wounded 11 others.",
     [("killed", 6, 6, "6"), ("wounded", 11, 11, "11")]),
    ("At least 60 people were rushed to hospital with injuries.",
     [("wounded", 60, None, "At least 60")]),
    ("Gunmen seized 40 passengers from a bus on the highway.", [("kidnapped", 40, 40, "40")]),
    ("A local journalist was shot dead outside his home on Friday, police said.",
     [("killed", 1, 1, "A local journalist")]),
])
def test_wire_phrasings(run, sentence, expected):
    assert claims(run, sentence) == expected


@pytest.mark.parametrize("sentence, victim", [
    ("A court ordered the opposition leader back to prison on Tuesday.", "the opposition leader"),
    ("The judge sent the activist back to jail after revoking her bail.", "the activist"),
    ("The editor returned to a military prison on Monday.", "The editor"),
    ("The blogger spent more than 500 days in prison before his release.", "The blogger"),
])
def test_return_to_or_time_in_custody_is_an_arrest(run, sentence, victim):
    assert claims(run, sentence) == [("arrested", 1, 1, victim)]


def test_their_deaths_names_both_coordinated_victims(run):
    text = ("The commander and his bodyguard were wearing explosive vests at the time of their "
            "deaths, the army said.")
    assert claims(run, text) == [("killed", 1, 1, "The commander"),
                                 ("killed", 1, 1, "his bodyguard")]


@pytest.mark.parametrize("sentence", [
    "The reform eliminated 300 jobs at the ministry.",
    "Customs officers seized 40 kilograms of heroin at the port.",
    "The vaccination program saved 40 lives last year.",
    "The judge sent the file back to the prosecutors.",
    "The trade talks claimed most of the minister's time.",
])
def test_not_casualties(run, sentence):
    assert claims(run, sentence) == []


def test_a_speaker_after_a_backward_list_is_no_victim(run):
    article = run("The raid claimed the lives of 23 civilians, the governor said.", until=UNTIL)
    assert [(c.kind, c.low, c.source) for c in article.casualties] == [("killed", 23, "governor")]


@pytest.mark.parametrize("sentence, source", [
    # a named subject judging the harm reports it ("called X a travesty")
    ("Maria Lopez, head of the rights group, called the decision to reimprison the editor a "
     "clear case of abuse.", "Maria Lopez"),
    ("The rights group called the arrest of 12 activists a travesty.", "rights group"),
    # the harm verb "claimed" is no speech cue: the landslide reports nothing
    ("The landslide claimed at least 40 lives in the district.", None),
])
def test_source_of_new_phrasings(run, sentence, source):
    assert [c.source for c in run(sentence, until=UNTIL).casualties] == [source]


@pytest.mark.parametrize("sentence, expected", [
    ("Aid groups said 2.3 million people in need depend on food deliveries.",
     [("affected", 2300000, 2300000, "2.3 million")]),
    ("Soldiers killed senior Taliban commander Mullah Akhtar in the raid.",
     [("killed", 1, 1, "Mullah Akhtar")]),
    ("Police arrested opposition leader Maria Kolesnikova on Monday.",
     [("arrested", 1, 1, "Maria Kolesnikova")]),
    ('The army said troops had "successfully eliminated" ISIS regional commander Abu Omar in '
     "an air strike.", [("killed", 1, 1, "Abu Omar")]),
])
def test_counts_and_titled_victims(run, sentence, expected):
    assert claims(run, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The group plotted to kill prominent journalist John Smith.",
    "Prosecutors charged former minister John Banda with fraud.",
    "The reform eliminated the fees for rural clinics, the minister said.",
])
def test_titled_names_without_harm(run, sentence):
    assert claims(run, sentence) == []


@pytest.mark.parametrize("sentence, victim", [
    ("The student, who died after being detained by police, was buried Sunday.", "The student"),
    ("The parents of Adam Reed, an engineer who died shortly after his release from being held "
     "in a military jail, spoke at the rally.", "Adam Reed"),
])
def test_death_after_detention_gives_two_kinds(run, sentence, victim):
    assert claims(run, sentence) == [("killed", 1, 1, victim), ("arrested", 1, 1, victim)]


def test_participle_reporting_verb_credits_the_first_subject(run):
    text = ("Governor Ana Ruiz was the first to confirm the raid, announcing on radio that troops "
            "had killed 14 fighters.")
    assert [(c.low, c.source) for c in run(text, until=UNTIL).casualties] == [(14, "Ana Ruiz")]


@pytest.mark.parametrize("text, victim", [
    ("Activist Nadia Petrova was freed in May. During Petrova's previous time in prison, the "
     "activist was subjected to harsh conditions, her lawyer said.", "Petrova"),
    ("Doctors said Omar Hassan's months in detention left him frail.", "Omar Hassan"),
    ("The court reviewed the editor's lengthy trial and arbitrary detention, the group said.",
     "the editor"),
])
def test_possessive_stay_in_custody_is_an_arrest(run, text, victim):
    assert claims(run, text) == [("arrested", 1, 1, victim)]


@pytest.mark.parametrize("sentence", [
    "The minister's time in office ended in March.",
    "Omar Hassan's trial and conviction drew criticism.",
    "Petrova's years in government were marked by reforms.",
])
def test_possessive_without_custody(run, sentence):
    assert claims(run, sentence) == []


@pytest.mark.parametrize("text, expected", [
    ("He and four other farmers set off for the market at dawn. Near the bridge gunmen opened "
     "fire on the truck, killing all the farmers except him.", [("killed", 4, 4, "four")]),
    ("The convoy carried 30 aid workers. Militants ambushed it near Gao, abducting all of them.",
     [("kidnapped", 30, 30, "30")]),
    # a different group, or no harm: nothing
    ("Twelve passengers boarded the bus in the capital. Gunmen killed all the soldiers at the "
     "checkpoint.", []),
    ("The minister met 40 students on Tuesday. He praised all the students for their work.", []),
])
def test_count_harmed_in_the_next_sentence(run, text, expected):
    assert claims(run, text) == expected


def test_claim_ids_follow_text_order_when_harm_comes_later(run):
    text = ("Gunmen stopped a bus carrying 18 pilgrims near the border, and 2 soldiers were "
            "wounded nearby. Witnesses said the attackers then abducted all the pilgrims.")
    article = run(text, until=UNTIL)
    assert [(c.kind, c.low) for c in article.casualties] == [("kidnapped", 18), ("wounded", 2)]
    assert [c.id for c in article.casualties] == [f"c{i}" for i in range(1, len(article.casualties) + 1)]
    assert [c.start for c in article.casualties] == sorted(c.start for c in article.casualties)
