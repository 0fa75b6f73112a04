"""Text stage: boilerplate removal, titles, datelines, language and size checks."""

import pytest

from newsevents.model import Article, InputError
from newsevents.pipeline import Resources
from newsevents.settings import Settings
from newsevents.stages.text import (clean_text, english_word_share, is_boilerplate,
                                    repair_encoding)

SETTINGS = Settings()


class _NoModels:
    """Resources for the text stage alone: settings only, no spaCy model."""

    settings = SETTINGS


def _clean(raw: str, **meta) -> Article:
    return clean_text(Article(raw_text=raw, **meta), _NoModels())


@pytest.mark.parametrize("line", [
    "Comments are closed.",
    "This is an archived article and the information in the article may be outdated.",
    "Share this article: Facebook | Twitter | Email",
    "Facebook | Twitter | WhatsApp",
    "Subscribe to our newsletter for the latest updates",
    "Sign up for our free daily briefing newsletter",
    "Advertisement",
    "Skip to main content",
    "Read more: Inside the battle for the port city",
    "© 2025 Example Media Ltd. All rights reserved.",
    "Copyright 2024 The Daily Courier",
    "Download the Daily Courier app for breaking news from our newsroom in Chicago.",
    "Follow us on Twitter and Instagram",
    "Reporting by Jane Roe; Editing by John Doe",
    "Photo: A man walks past a destroyed building in the city centre.",
    "12 comments",
])
def test_site_furniture_is_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Rebels shelled the district on Friday, residents said.",
    "Share prices fell sharply in Tokyo after the announcement, traders said.",
    "Read the full statement, the minister told reporters, and you will see we made no promise.",
    "Comments by the minister on Tuesday angered the opposition.",
    "The copyright dispute between the two publishers has dragged on for years, lawyers said.",
    "Follow-up talks are expected next week in Vienna.",
])
def test_reporting_is_kept(line):
    assert not is_boilerplate(line)


def test_removed_lines_are_reported_not_lost():
    article = _clean("Skip to main content\nPolice clear protest camp in capital\n"
                     "Police cleared a protest camp in the capital on Tuesday, arresting dozens of "
                     "demonstrators, officials said.\nComments are closed.")
    assert article.title == "Police clear protest camp in capital"
    assert article.text.startswith("Police cleared a protest camp")
    assert "Comments are closed." not in article.text
    assert article.removed == ["Skip to main content", "Comments are closed."]


def test_paragraphs_are_separated_by_blank_lines_and_whitespace_normalised():
    article = _clean("First   paragraph of the story, officials said on Monday.\r\n\r\n"
                     "Second\u00a0paragraph of the story, which goes on a while longer.")
    assert article.text == ("First paragraph of the story, officials said on Monday.\n\n"
                            "Second paragraph of the story, which goes on a while longer.")


def test_mis_decoded_text_is_mended():
    # Windows-1252 read as Latin-1 (C1 controls) and UTF-8 read as Windows-1252 ("â€™").
    article = _clean("MILLBROOK \x97 The mayor said the town\x92s budget was \x93tight\x94 but "
                     "the councilâ€™s vote on Monday would stand.")
    assert article.text == ("MILLBROOK \u2014 The mayor said the town\u2019s budget was "
                            "\u201ctight\u201d but the council\u2019s vote on Monday would stand.")


def test_the_encoding_repair_keeps_every_offset():
    raw = "TEGA CAY \x97 Crews from two towns fought the fire \x85 officials said."
    repaired = repair_encoding(raw)
    assert len(repaired) == len(raw) and repaired.startswith("TEGA CAY \u2014 Crews")


def test_single_sentence_is_an_article_without_title():
    article = _clean("Gunmen killed five villagers in northern Nigeria on Monday, police said.")
    assert article.title is None
    assert article.text.startswith("Gunmen killed five villagers")
    assert article.language == "en"


def test_dateline_agency_becomes_the_outlet():
    article = _clean("KABUL (Reuters) - A roadside bomb killed three police officers on Sunday "
                     "in eastern Afghanistan, a provincial spokesman said.")
    assert article.outlet == "Reuters"


def test_given_outlet_is_not_overridden_by_dateline():
    article = _clean("KABUL (AP) - A roadside bomb killed three police officers on Sunday.",
                     outlet="Kabul Times")
    assert article.outlet == "Kabul Times"


@pytest.mark.parametrize("raw, reason", [
    ("Comments are closed.\nAdvertisement", "no article text"),
    ("Le ministre des Affaires étrangères a appelé samedi à un cessez-le-feu immédiat dans la ville "
     "assiégée, où des dizaines de civils ont été tués depuis vendredi soir.", "not in English"),
    ("Der Außenminister forderte am Samstag eine sofortige Waffenruhe in der belagerten Stadt, "
     "in der seit Freitagabend Dutzende Zivilisten getötet wurden.", "not in English"),
])
def test_bad_text_raises_input_error(raw, reason):
    with pytest.raises(InputError, match=reason):
        _clean(raw)


def test_text_over_the_limit_is_rejected():
    class Small:
        settings = Settings(max_text_chars=100)

    with pytest.raises(InputError, match="too long"):
        clean_text(Article(raw_text="The army said it had repelled an attack. " * 10), Small())


def test_english_word_share_separates_languages():
    assert english_word_share("The army said it was in control of the town on Monday.") > 0.3
    assert english_word_share("Die Armee sagte, sie habe die Stadt am Montag unter Kontrolle.") < 0.1


def test_html_goes_through_trafilatura_with_metadata():
    html = """<html><head><title>Flood kills 12 in river valley | Valley Herald</title>
    <meta property="og:site_name" content="Valley Herald">
    <meta property="article:published_time" content="2025-06-02T08:00:00Z"></head>
    <body><nav>Home | World | Sport</nav>
    <article><h1>Flood kills 12 in river valley</h1>
    <p>Flash floods swept through villages in the river valley on Sunday, killing at least 12
    people and forcing hundreds from their homes, the regional governor said.</p>
    <p>Rescue teams were still searching for survivors on Monday, officials said, as more rain
    was forecast for the week.</p></article>
    <footer>Comments are closed. Copyright 2025 Valley Herald.</footer></body></html>"""
    article = clean_text(Article(raw_html=html), _NoModels())
    assert "Flash floods swept through villages" in article.text
    assert "Home | World" not in article.text
    assert article.outlet == "Valley Herald"
    assert str(article.published) == "2025-06-02"
    assert article.title.startswith("Flood kills 12")


def test_resources_are_not_needed_for_the_text_stage():
    # The real Resources object loads nothing until a model is asked for.
    resources = Resources(SETTINGS)
    article = clean_text(Article(raw_text="Troops withdrew from the border town on Friday."), resources)
    assert "nlp" not in resources.__dict__
    assert article.text
