"""A cause described by what it is about ("the cause that's about nutrients", "the twitch cause that's down to missing
vitamins"): of the topic's causes, the one whose name the clause's words name; and a verb after "the article"
reports ("what treatments does the article give"), it relates nothing. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


def labels(answer) -> set[str]:
    return {a["label"].lower() for a in answer.answers}


@pytest.mark.parametrize("question, expected", [
    ("the cramp cause that's to do with lacking nutrients, what do they recommend for it", "nutrient-deficiencies"),
    ("what treatments does the article give for the causes of spasms that are about nutrients", "nutrient-deficiencies"),
    ("for the twitchy knee cause that is about being short of vitamins, how is it sorted out", "vitamin-deficiencies"),
])
def test_a_cause_described_by_what_it_is_about_is_the_topics_cause_of_that_name(real_store, question, expected):
    answer = ask(real_store, question)
    assert any(e["kind"] == "described" and e["iri"].endswith("/" + expected) for e in answer.entities), \
        answer.entities
    assert {"dietary changes", "supplementation"} <= labels(answer), labels(answer)


@pytest.mark.parametrize("question", [
    "which causes does the article give for knee twitching",
    "what reasons does the article give for cramps in the knee",
])
def test_a_verb_after_the_article_reports_and_the_noun_asks(real_store, question):
    answer = ask(real_store, question)
    assert "muscle fatigue" in labels(answer)
