""""Can he take ibuprofen for the spasms": what the article says helps, asked for another person — answered like "can I
take"; but with a medicine or condition of theirs told first (on blood thinners, on warfarin, kidney disease), a question
of interactions for a pharmacist, declined as personal advice."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["he's on blood thinners after the operation, can he take ibuprofen for the spasms",
                                      "she's on warfarin, can she take ibuprofen for her cramps",
                                      "they're on statins, can they take ibuprofen for the spasms",
                                      "my dad has kidney disease, can he take magnesium for cramps",
                                      "he is on clopidogrel, can he take acetaminophen for knee twitching",
                                      "we're on lithium, can we take ibuprofen for leg cramps"])
def test_a_remedy_with_their_own_medicine_or_condition_is_declined(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is None and "personal medical advice" in answer.message


@pytest.mark.parametrize("question", ["can he take ibuprofen for knee spasms",
                                      "can she take acetaminophen for the cramps",
                                      "can they take over-the-counter painkillers for muscle spasms"])
def test_a_remedy_for_another_person_is_answered_as_what_helps(real_store, question):
    assert ask(real_store, question).boolean is True
