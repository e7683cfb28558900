"""Another disease's own details the article does not give ("the risk factors for ALS", "how do you prevent ALS") say
so, with what the article says instead shown as such — no list in the place of the answer; near answers for the
article's own causes stay answers (kg.qa.instead)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", ["what are the risk factors for ALS", "how do you prevent ALS",
                                      "how can autoimmune disorders be prevented", "what prevents diabetes"])
def test_another_disease_s_own_details_are_not_stated(question):
    answer = ask(STORE, question)
    assert not answer.answered and not answer.answers and answer.boolean is None, answer.message
    assert answer.message.startswith("The article does not"), answer.message


def test_a_near_answer_for_the_article_s_own_cause_is_kept():
    answer = ask(STORE, "Fatigue or strain in which muscle group is said to produce knee spasms?")
    assert answer.answers, answer.message
