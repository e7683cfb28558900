"""kg.qa.sited: a body part stands for the topic's condition only as the thing caused, never on the causing side.
Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "does cracking my knees cause the twitching",
    "can clicking my knees cause spasms",
    "does popping my knee cause the twitching",
    "can my knees cause the twitching",
    "does kneeling on my knees cause cramps in the thigh",
    "could grinding my knees make the twitching worse",
])
def test_a_part_on_the_causing_side_is_not_the_topics_condition(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is not True, answer.message
