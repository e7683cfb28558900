""""What causes ALS" where the article names ALS only as a cause says it does not say what causes ALS — never the
list of what ALS leads to in its place; the turned-round reading still answers where the order was unsure
(kg.qa.turned)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, name", [
    ("what causes ALS", "amyotrophic lateral sclerosis"),
    ("what can cause autoimmune disorders", "autoimmune disorders"),
    ("what causes neuromyotonia", "neuromyotonia"),
    ("what is the cause of ALS", "amyotrophic lateral sclerosis"),
    ("what brings on diabetes", "diabetes"),
])
def test_the_causes_of_a_cause_are_not_stated(question, name):
    answer = ask(STORE, question)
    assert not answer.answered and not answer.answers and answer.boolean is None, answer.message
    assert answer.message.startswith(f"The article does not say what can cause {name}"), answer.message


@pytest.mark.parametrize("question, named", [("what causes dehydration", "not drinking enough fluids"),
                                            ("what does ALS cause", "muscle spasm"),
                                            ("what can statins cause", "muscle spasm")])
def test_what_is_stated_either_way_is_answered(question, named):
    answer = ask(STORE, question)
    assert answer.answered and named in {a["label"].lower() for a in answer.answers}, answer.message
