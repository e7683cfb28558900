"""What a thing is good for, said by the article in words rather than as a thing, answered with its sentence;
phrasings of our own, not a blind batch's."""

import pytest

from kg import paths
from kg.qa.ask import ask

pytestmark = pytest.mark.unit


def phrases(answer) -> dict[str, dict]:
    return {a["label"]: a for a in answer.answers if a.get("kind") == "phrase"}


@pytest.mark.parametrize("question, phrase", [
    ("what's assistive devices good for", "maintain mobility and independence"),
    ("what can occupational therapy do for you", "improve muscle strength and coordination"),
    ("what is massage good for", "release tension and reduce the intensity of the spasm"),
])
def test_a_thing_asked_from_its_side_gets_the_articles_phrases(real_store, question, phrase):
    answer = ask(real_store, question)
    found = phrases(answer)
    assert phrase in found, answer.message
    assert f"“{phrase}”" in answer.message
    assert any(phrase in e["quote"] for e in answer.evidence)  # the sentence that says it is quoted


def test_every_phrase_is_a_verbatim_part_of_the_sentence_it_links_to(real_store):
    article = paths.ARTICLE.read_text(encoding="utf-8")
    answer = ask(real_store, "what does physical therapy help with")
    assert phrases(answer), answer.message
    for phrase, a in phrases(answer).items():
        begin, end = (int(n) for n in a["url"].rsplit("#q-", 1)[1].split("-"))
        assert phrase in article[begin:end]


def test_a_list_asked_towards_a_thing_gets_no_phrases(real_store):
    answer = ask(real_store, "which treatments does the article give for ALS")
    assert answer.answers and not phrases(answer), answer.message


@pytest.mark.parametrize("question, expected", [
    ("what is hydration supposed to prevent", "dehydration"),
    ("what are stretching exercises meant to prevent", "knee muscle spasm"),
])
def test_supposed_to_and_meant_to_ask_what_the_thing_does(real_store, question, expected):
    """"supposed to", "meant to" only hedge the verb after them: not words the article must mention."""
    answer = ask(real_store, question)
    assert expected in {a["label"].lower() for a in answer.answers}, answer.message


@pytest.mark.parametrize("question", ["what does dehydration end up causing", "what things can being dehydrated bring on"])
def test_a_causes_list_quotes_what_the_cause_does_on_the_way(real_store, question):
    """"Dehydration can deplete … calcium, potassium, and electrolytes …, leading to muscle twitching": the depletion
    is part of what it leads to, in the article's words beside the effects it names."""
    answer = ask(real_store, question)
    phrases = [a["label"] for a in answer.answers if a.get("kind") == "phrase"]
    assert any("calcium, potassium, and electrolytes" in p for p in phrases), answer.message
    assert "muscle twitching" in {a["label"].lower() for a in answer.answers if a.get("kind") != "phrase"}


@pytest.mark.parametrize("question, expected", [
    ("which conditions does the article mention occupational therapy for", "autoimmune disorders"),
    ("what illnesses does it recommend speech therapy for", "amyotrophic lateral sclerosis"),
])
def test_mentioned_or_recommended_for_asks_what_a_thing_is_for(real_store, question, expected):
    answer = ask(real_store, question)
    assert expected in {a["label"].lower() for a in answer.answers}, answer.message


@pytest.mark.parametrize("question", ["how does regular exercise help against spasms",
                                      "how does appropriate exercise help with knee twitching"])
def test_what_a_remedy_does_is_said_whether_it_treats_or_prevents(real_store, question):
    from kg.qa.ask import ask
    answer = ask(real_store, question)
    assert "maintain muscle strength and flexibility" in answer.message


@pytest.mark.parametrize("question", ["how does regular exercise cut the risk of spasms? asking for a client",
                                      "how does exercising regularly lower the risk of muscle spasms"])
def test_how_a_named_remedy_lowers_a_risk_is_asked_of_the_remedy(real_store, question):
    answer = ask(real_store, question)
    assert "maintain muscle strength and flexibility" in answer.message


def test_an_overdose_of_a_named_stimulant_is_a_stimulant_overdose(real_store):
    answer = ask(real_store, "my flatmate took way too many amphetamines and his legs are twitching, what should he do")
    assert "immediate medical attention" in answer.message


@pytest.mark.parametrize("question", ["what's the point of treating ALS if there's no cure",
                                      "how do they manage ALS then, since nothing cures it",
                                      "which therapies does the article list for amyotrophic lateral sclerosis"])
def test_the_treatments_of_a_thing_come_with_what_the_article_says_of_curing_it(real_store, question):
    """What the treatment of an incurable disease is for is said in the cure's sentence, not by a treats fact."""
    answer = ask(real_store, question)
    assert "managing symptoms and improving quality of life" in answer.message, (answer.reading, answer.message)
    assert not answer.message.startswith("No")


def test_treatments_of_a_thing_the_article_says_nothing_of_curing_add_nothing(real_store):
    assert "cure" not in ask(real_store, "what treats dehydration").message
