""""What's an example of the kind of nerve damage that can lead to spasms": the example is asked of the thing named after
the example word — the article's "Cause | Example" table — though the question also names what it leads to
(kg.qa.example_asked). Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, example", [
    ("what's an example of the kind of nerve damage that can lead to spasms", "injury or medical conditions affecting nerve function"),
    ("give an example of how nerve damage behind cramps can happen", "injury or medical conditions affecting nerve function"),
    ("can you give me an example of heat exhaustion that causes muscle spasms", "working in high temperatures without proper hydration"),
    ("what is an example of heat exhaustion leading to cramps", "working in high temperatures without proper hydration"),
    ("what example does the article give of dehydration as a cause of spasms", "not drinking enough fluids"),
    ("what would be an example of nerve damage that leads to cramps", "injury or medical conditions affecting nerve function"),
])
def test_the_example_of_the_named_thing_is_given(question, example):
    answer = ask(STORE, question)
    labels = [(a.get("label") or "").lower() for a in answer.answers]
    assert example in labels, (answer.reading, labels)


def test_one_thing_named_is_left_to_the_usual_reading():
    answer = ask(STORE, "what are examples of stimulants")
    labels = {(a.get("label") or "").lower() for a in answer.answers}
    assert {"caffeine", "amphetamines"} <= labels


def test_an_example_of_the_topic_is_not_read_this_way():
    answer = ask(STORE, "give me an example of a muscle spasm caused by dehydration")
    assert "kg.qa.example_asked" not in " ".join(answer.debug.get("why", []))
