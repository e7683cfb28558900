""""The *incurable* disease": a negating prefix on a lexicon word before a class word describes the thing as "with no
cure", matched against the article's sentences as a clause would be. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "how is the incurable disease treated",
    "what helps with the incurable illness the article talks about",
])
def test_an_incurable_disease_is_the_one_with_no_cure(real_store, question):
    answer = ask(real_store, question)
    assert any(e["kind"] == "described" and e["iri"].endswith("/als") for e in answer.entities), answer.entities
    assert "speech therapy" in {a["label"].lower() for a in answer.answers}


def test_a_prefix_on_a_word_the_lexicon_does_not_know_describes_nothing(real_store):
    answer = ask(real_store, "how is the unusual disease treated")
    assert not any(e["kind"] == "described" for e in answer.entities)


@pytest.mark.parametrize("question", [
    "how do they treat the incurable illness the article names as a cause of twitching",
    "which therapies help with the incurable disease it mentions as a knee twitching cause",
])
def test_a_clause_saying_where_the_article_names_it_goes_with_the_description(real_store, question):
    answer = ask(real_store, question)
    assert any(e["kind"] == "described" and e["iri"].endswith("/als") for e in answer.entities), answer.entities
    assert "speech therapy" in {a["label"].lower() for a in answer.answers}, answer.message
