""""What kind of shoes help stop leg cramps": the article names appropriate footwear but no kind of it, so the question
is not answered with everything else that helps (kg.qa.choose._no_kinds) — the article does not say. A kind the
article does name is still answered. Phrasings that are not in the blind batches."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question", [
    "what sort of footwear stops cramps",
    "what kind of footwear prevents cramps",
])
def test_a_kind_of_a_thing_the_article_names_no_kinds_of_is_not_stated(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is None and not answer.answers and "does not say" in answer.message, answer.message


def test_a_kind_the_article_names_is_answered(real_store):
    answer = ask(real_store, "what kind of stimulants can cause knee twitching")
    assert {"Caffeine", "Amphetamines"} <= {a["label"] for a in answer.answers}, answer.message
