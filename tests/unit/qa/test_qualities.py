"""A yes/no on a quality the article's definition of the thing states is a yes quoting the definition; a quality it
does not state is never a "No" (kg.qa.qualities), and "is X serious" with no course or warning sign of X given says
the article does not say (kg.qa.universal.unsaid)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, quoted", [
    ("is ALS progressive", "progressive neurodegenerative"),
    ("is ALS a neurodegenerative disease", "progressive neurodegenerative"),
    ("true or false: ALS is a progressive disease, right?", "progressive neurodegenerative"),
    ("are muscle spasms involuntary", "involuntary contractions"),
    ("are cramps really involuntary contractions", "involuntary contractions"),
    ("is a knee spasm sudden", "sudden and involuntary"),
    ("is a charley horse an involuntary contraction", "involuntary contractions"),
])
def test_a_quality_its_definition_states_is_a_yes_with_the_quote(question, quoted):
    answer = ask(STORE, question)
    assert answer.boolean is True and quoted in answer.message, answer.message
    assert answer.evidence and quoted in answer.evidence[0]["quote"]


@pytest.mark.parametrize("question", ["are spasms voluntary", "are spasms always involuntary", "is ALS contagious",
                                      "is ALS fatal", "is ALS hereditary", "are muscle spasms never painful"])
def test_a_quality_it_does_not_state_is_neither_yes_nor_an_unstated_no(question):
    answer = ask(STORE, question)
    assert answer.boolean is not True and not answer.message.lower().startswith("no"), answer.message


@pytest.mark.parametrize("question", ["is dehydration serious", "are statins dangerous", "is neuromyotonia serious"])
def test_serious_asked_of_a_thing_with_no_course_or_sign_is_not_stated(question):
    answer = ask(STORE, question)
    assert not answer.answered and answer.boolean is None and not answer.answers, answer.message
    assert answer.message.startswith("The article does not say whether"), answer.message
