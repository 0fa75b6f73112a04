"""Entities stage: people with titles and coreference, organisations, countries, groups."""

from __future__ import annotations

import pytest

from newsevents.model import ENTITY_TYPES, Article, Entity


def _entities(run, text: str) -> Article:
    return run(text, until="extract_entities")


def _named(article: Article, name: str) -> Entity:
    found = [e for e in article.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in article.entities]}"
    return found[0]


def _surfaces(article: Article, entity: Entity) -> list[str]:
    return [article.text[s:e] for s, e in entity.mentions]


# --- people: names, titles, countries, sectors ----------------------------------------

@pytest.mark.parametrize("text, name, title, country, sector", [
    ("French Foreign Minister Claire Dumont urged a ceasefire on Monday.",
     "Claire Dumont", "Foreign Minister", "FR", "government"),
    ("U.S. Secretary of State John Kerry arrived in Geneva for the talks.",
     "John Kerry", "Secretary of State", "US", "government"),
    ("President Bashar al-Assad's forces advanced on the town.",
     "Bashar al-Assad", "President", None, "government"),
    ("Opposition leader Riad Hijab rejected the offer in a statement.",
     "Riad Hijab", "Opposition leader", None, "political party"),
    ("Ahmed Hassan, the army's spokesman, said the attack was repelled.",
     "Ahmed Hassan", "army spokesman", None, "military"),
    ("Omar Khalil, Turkey's foreign minister, said talks would resume.",
     "Omar Khalil", "foreign minister", "TR", "government"),
    ("\"We will not retreat,\" a rebel commander, Abu Omar, told reporters.",
     "Abu Omar", "rebel commander", None, "rebels"),
    ("UN envoy Staffan de Mistura said the convoy had reached the city.",
     "Staffan de Mistura", "UN envoy", None, "igo"),
    ("Iraqi Prime Minister Haider al-Abadi visited the front line.",
     "Haider al-Abadi", "Prime Minister", "IQ", "government"),
])
def test_person_titles(run, text, name, title, country, sector):
    article = _entities(run, text)
    person = _named(article, name)
    assert person.type == "PERSON"
    assert (person.title, person.country, person.sector) == (title, country, sector)
    first = article.text[person.mentions[0][0]:person.mentions[0][1]]
    assert first == name  # no title words, no possessive, no punctuation


@pytest.mark.parametrize("text, name, expected", [
    ("Defence Minister Jean Morel spoke first. Morel said the army was ready. "
     "Later, Mr. Morel left.", "Jean Morel", ["Jean Morel", "Morel", "Mr. Morel"]),
    ("President Bashar al-Assad spoke on television. Assad said the war was nearly won.",
     "Bashar al-Assad", ["Bashar al-Assad", "Assad"]),
])
def test_surname_and_honorific_mentions(run, text, name, expected):
    article = _entities(run, text)
    assert _surfaces(article, _named(article, name)) == expected


@pytest.mark.parametrize("text, name, pronouns", [
    # Pronoun in the next sentence of the same paragraph.
    ("Foreign Minister Claire Dumont arrived in Geneva on Sunday. She said a deal was close.",
     "Claire Dumont", ["She"]),
    # Pronoun opening the next paragraph (wire style).
    ("Interior Minister Karim Saleh met the governors.\n\nHe said the curfew would be lifted.",
     "Karim Saleh", ["He"]),
    # Possessive in the same sentence.
    ("Prime Minister Anna Berg said her government would send aid.", "Anna Berg", ["her"]),
])
def test_pronouns_resolve_to_the_only_candidate(run, text, name, pronouns):
    article = _entities(run, text)
    surfaces = _surfaces(article, _named(article, name))
    assert surfaces[1:] == pronouns


def test_ambiguous_pronoun_is_left_alone(run):
    article = _entities(run, "Jean Morel met Karim Saleh in Paris. He said the talks went well.")
    pronoun_start = article.text.index("He said")
    assert article.entity_at(pronoun_start, pronoun_start + 2) is None


def test_pronoun_inside_a_quotation_is_not_resolved(run):
    article = _entities(run, 'Defence Minister Jean Morel spoke. "He is lying," Morel said.')
    he = article.text.index("He is")
    assert article.entity_at(he, he + 2) is None


@pytest.mark.parametrize("reference", ["the French minister", "the foreign minister"])
def test_title_back_reference(run, reference):
    text = ("French Foreign Minister Claire Dumont and Turkish Defence Minister Mehmet Aydin met "
            f"in Geneva. Aydin left early. Later {reference} called for a truce.")
    article = _entities(run, text)
    dumont = _named(article, "Claire Dumont")
    assert reference.removeprefix("the ") in _surfaces(article, dumont)


def test_ambiguous_title_back_reference_is_skipped(run):
    text = ("French Foreign Minister Claire Dumont met Turkish Foreign Minister Mehmet Aydin. "
            "The foreign minister said little.")
    article = _entities(run, text)
    start = article.text.index("foreign minister said")
    assert article.entity_at(start, start + 16) is None


# --- organisations ---------------------------------------------------------------------

def test_acronym_and_head_noun_join_the_long_form(run):
    text = ("The Syrian Observatory for Human Rights (SOHR), a Britain-based monitoring group, "
            "said 12 people died. The Observatory said the toll would rise. SOHR relies on "
            "sources on the ground.")
    article = _entities(run, text)
    sohr = _named(article, "Syrian Observatory for Human Rights")
    assert (sohr.type, sohr.country, sohr.sector) == ("ORG", "SY", "ngo")
    assert _surfaces(article, sohr) == ["Syrian Observatory for Human Rights", "SOHR",
                                        "Observatory", "SOHR"]


@pytest.mark.parametrize("text, name, country, sector", [
    ("Syria's state news agency SANA said 27 people were killed.", "SANA", "SY", "media"),
    ("The Kenyan rights group KHRC said the arrests were illegal.", "KHRC", "KE", "ngo"),
    ("The United Nations said the convoy was attacked.", "United Nations", None, "igo"),
    ("The U.N. refugee agency said thousands had fled.", "UNHCR", None, "igo"),
    ("Officials at the Interior Ministry said the border was closed.", "Interior Ministry",
     None, "government"),
])
def test_organisations(run, text, name, country, sector):
    article = _entities(run, text)
    org = _named(article, name)
    assert (org.type, org.country, org.sector) == ("ORG", country, sector)


# --- countries, capitals, nationalities, state institutions ------------------------------

def test_countries_and_capitals_as_actors(run):
    text = ("Russia, a close ally of Damascus, did not attend. Moscow said it would study the "
            "plan. Talks were held in Damascus last year.")
    article = _entities(run, text)
    russia, damascus, moscow = (_named(article, n) for n in ("Russia", "Damascus", "Moscow"))
    assert (russia.type, russia.country) == ("GPE", "RU")
    assert (damascus.type, damascus.country, moscow.country) == ("GPE", "SY", "RU")
    assert _surfaces(article, damascus) == ["Damascus"]  # "held in Damascus" is a location


@pytest.mark.parametrize("text, name, type_, country, sector", [
    ("She accused the Syrian government of war crimes.", "Syrian government", "ORG", "SY",
     "government"),
    ("Syrian troops entered the town on Friday.", "Syrian military", "ORG", "SY", "military"),
    ("The Syrians have suffered for years.", "Syrians", "NORP", "SY", None),
    ("Rebels shelled the district on Friday.", "rebels", "GROUP", None, "rebels"),
    ("Kurdish fighters took the village.", "Kurdish fighters", "GROUP", None, "rebels"),
    ("Iraqi security forces raided the house.", "Iraqi security forces", "ORG", "IQ", "police"),
    ("Gunmen opened fire on a checkpoint.", "gunmen", "GROUP", None, "insurgents"),
    ("Protesters marched through the capital.", "protesters", "GROUP", None, "civilians"),
])
def test_described_actors(run, text, name, type_, country, sector):
    article = _entities(run, text)
    entity = _named(article, name)
    assert (entity.type, entity.country, entity.sector) == (type_, country, sector)


@pytest.mark.parametrize("text, name, country", [
    ("Islamic State militants attacked the base.", "Islamic State", None),
    ("IS claimed the bombing on its Amaq channel.", "Islamic State", None),
    ("Hezbollah fighters crossed the border.", "Hezbollah", "LB"),
    ("Houthi rebels fired a missile at the ship.", "Houthis", "YE"),
    ("Al-Shabab said it carried out the attack.", "al-Shabab", "SO"),
    ("M23 rebels seized the town of Bunagana.", "M23", "CD"),
    ("The Rapid Support Forces (RSF) shelled the city.", "Rapid Support Forces", "SD"),
    ("The Majeed Brigade of the Baloch Liberation Army claimed the attack.",
     "Baloch Liberation Army", "PK"),
])
def test_armed_groups(run, text, name, country):
    article = _entities(run, text)
    group = _named(article, name)
    assert (group.type, group.country) == ("GROUP", country)


@pytest.mark.parametrize("text, word", [
    ("There is no military solution to this war.", "military"),
    ("Rebel-held districts were shelled.", "Rebel"),
    ("The army spokesman declined to comment.", "army"),
])
def test_modifiers_are_not_actors(run, text, word):
    article = _entities(run, text)
    start = article.text.index(word)
    entity = article.entity_at(start, start + len(word))
    assert entity is None or entity.type == "PERSON"


@pytest.mark.parametrize("text, word", [
    ("Militants in the Sahel have expanded their attacks.", "Sahel"),
    ("Fighting spread across Balochistan on Tuesday.", "Balochistan"),
])
def test_regions_are_not_people_or_organisations(run, text, word):
    article = _entities(run, text)
    assert all(e.name != word for e in article.entities)


def test_organisation_named_like_a_brigade_is_an_armed_group(run):
    article = _entities(run, "The Omar Mukhtar Brigades said they fired the rockets.")
    assert any(e.type == "GROUP" and "Brigades" in e.name for e in article.entities)


def test_modifier_in_headline_caps_is_not_an_acronym(run):
    article = _entities(run, "WHAT IS NEXT FOR THE TALKS\n\nDiplomats met again on Monday.")
    assert all(e.name != "Islamic State" for e in article.entities)


# --- structure and robustness ------------------------------------------------------------

def test_entities_spanning_paragraphs_and_sentences(run):
    text = ("Foreign Minister Claire Dumont met aid agencies.\n\n"
            "The meeting ran late.\n\nDumont later said the French would send doctors.")
    article = _entities(run, text)
    dumont = _named(article, "Claire Dumont")
    assert len(dumont.mentions) == 2 and dumont.mentions[1][0] > text.index("ran late")
    assert _named(article, "French").type == "NORP"


@pytest.mark.parametrize("text", [
    "The weather was mild and the markets were calm.",
    "Nothing happened.",
    "12345 67890",
    "\"Unbalanced quote marks everywhere \" \" \" he said",
    "Ünïcödé — ‘curly’ “quotes” … and emoji 🙂 only.",
])
def test_text_without_actors_or_odd_text_does_not_raise(run, text):
    article = _entities(run, text)
    for entity in article.entities:
        assert entity.type in ENTITY_TYPES


def test_one_sentence_snippet(run):
    article = _entities(run, "Moscow rejected the plan.")
    assert [(e.name, e.type, e.country) for e in article.entities] == [("Moscow", "GPE", "RU")]


def test_long_text_does_not_raise(run):
    paragraph = ("Rebels shelled the district as Foreign Minister Claire Dumont said she would "
                 "press Damascus. The Syrian Observatory for Human Rights said 12 died.\n\n")
    article = _entities(run, paragraph * 150)
    dumont = _named(article, "Claire Dumont")
    assert len(dumont.mentions) >= 300


def test_ids_and_mentions_are_ordered_and_disjoint(demo):
    assert [e.id for e in demo.entities] == [f"e{i}" for i in range(1, len(demo.entities) + 1)]
    firsts = [e.mentions[0][0] for e in demo.entities]
    assert firsts == sorted(firsts)
    spans = sorted(m for e in demo.entities for m in e.mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    for entity in demo.entities:
        for start, end in entity.mentions:
            surface = demo.text[start:end]
            assert surface == surface.strip(" ,.;:\"'“”")


# --- the demo article --------------------------------------------------------------------

@pytest.mark.parametrize("name, type_, title, country, sector", [
    ("Claire Dumont", "PERSON", "Foreign Minister", "FR", "government"),
    ("Mehmet Aydin", "PERSON", "Foreign Minister", "TR", "government"),
    ("Sergei Volkov", "PERSON", "Foreign Minister", "RU", "government"),
    ("Syrian Observatory for Human Rights", "ORG", None, "SY", "ngo"),
    ("SANA", "ORG", None, "SY", "media"),
    ("United Nations", "ORG", None, None, "igo"),
    ("Syria", "GPE", None, "SY", None),
    ("Russia", "GPE", None, "RU", None),
    ("Turkey", "GPE", None, "TR", None),
    ("Damascus", "GPE", None, "SY", "government"),
    ("Moscow", "GPE", None, "RU", "government"),
    ("rebels", "GROUP", None, None, "rebels"),
    ("Syrian government", "ORG", None, "SY", "government"),
])
def test_demo_entities(demo, name, type_, title, country, sector):
    entity = _named(demo, name)
    assert (entity.type, entity.title, entity.country, entity.sector) == (
        type_, title, country, sector)


def test_demo_coreference(demo):
    dumont = _surfaces(demo, _named(demo, "Claire Dumont"))
    assert dumont[0] == "Claire Dumont" and dumont.count("Dumont") >= 2 and "She" in dumont
    aydin = _surfaces(demo, _named(demo, "Mehmet Aydin"))
    assert aydin.count("Aydin") >= 2
    observatory = _surfaces(demo, _named(demo, "Syrian Observatory for Human Rights"))
    assert "Observatory" in observatory[1:]
