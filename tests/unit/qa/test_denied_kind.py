"""A thing asked for by what the article denies of it ("which illness has no cure", "if it can't be cured"): the
subjects of the negated statements of the cue's relation, one of the head's kind. Phrasings of our own, not a
blind batch's."""

import pytest

from kg.qa.ask import ask


def described_als(answer) -> bool:
    return any(e["kind"] == "described" and e["iri"].endswith("/als") for e in answer.entities)


@pytest.mark.parametrize("question", [
    "which illness has no cure",
    "what disease cannot be cured",
    "which medical condition is there no cure for",
    "what condition does the article say can't be cured",
    "which of the diseases is incurable",
    "what disease has no cure at all according to this",
])
def test_a_kind_with_a_denied_relation_is_the_one_thing_denied_it(real_store, question):
    answer = ask(real_store, question)
    assert described_als(answer), answer.entities
    assert "amyotrophic lateral sclerosis" in answer.message.lower()


@pytest.mark.parametrize("question", [
    "if it cannot be cured, what is the treatment for",
    "given it can't be cured what is treatment aiming at",
])
def test_a_bare_pronoun_that_cannot_be_cured_is_that_thing(real_store, question):
    answer = ask(real_store, question)
    assert described_als(answer), answer.entities
    assert "managing symptoms" in answer.message


@pytest.mark.parametrize("question", [
    "which condition has no cure, and what is its treatment meant to do",
    "what disease is there no cure for, and how is it treated",
])
def test_the_second_part_asks_of_the_thing_the_first_found(real_store, question):
    answer = ask(real_store, question)
    assert "speech therapy" in answer.message.lower() or "managing symptoms" in answer.message


@pytest.mark.parametrize("question", [
    "which disease can be cured",  # nothing denied: no description
    "my knee spasms, if it can't be cured what do i do",  # "it" has the spasms before it
    "which medications cause twitching",
])
def test_no_denial_or_a_named_antecedent_leaves_the_question_as_typed(real_store, question):
    answer = ask(real_store, question)
    assert not described_als(answer), answer.entities
