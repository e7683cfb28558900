"""What a symptom is *mostly down to* and a body part that has *gone all twitchy*: "be down to" asks for causes, the
ranking adverbs (mostly, mainly, chiefly) ask what the article weighs first, and "all"/"gone" may stand between a
body part and its symptom. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "what are knee cramps mostly down to",
    "are twitchy knees mainly down to what, according to the article",
    "my knee has gone all jumpy, what is it chiefly down to",
])
def test_down_to_with_a_ranking_adverb_answers_what_the_article_weighs_first(real_store, question):
    answer = ask(real_store, question)
    assert any(e["iri"].endswith("/knee-muscle-spasm") for e in answer.entities), answer.entities
    assert "muscle fatigue" in {a["label"].lower() for a in answer.answers}
    assert "singles out muscle fatigue" in answer.message, answer.message


def test_gone_is_read_as_go():
    from kg.qa.text import lemma
    assert lemma("gone") == "go"
