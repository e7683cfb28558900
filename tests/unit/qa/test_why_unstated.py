""""Why" a group is more prone, where the article states the link without a reason (kg.qa.describe.mechanism): it
says the article does not say why, and quotes the link; where the article gives a reason (pregnancy's hormonal changes,
dehydration's minerals) that reason is the answer, and a cause's link is quoted as before (a reason may sit in a
sentence about one of its examples)."""

import pytest

from kg.qa.ask import ask
from kg.qa.judge import NOT_STATED

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "why are older adults more prone to muscle spasms",
    "I run a walking group for pensioners and they all get cramps. why do older people get more spasms?",
    "why are athletes more susceptible to muscle spasms",
    "how come older adults are more prone to spasms",
    "my nan is 84 and gets cramps every night, why are older adults more likely to get spasms",
    "why do elderly people get more muscle spasms",
])
def test_a_link_without_a_reason_says_the_article_does_not_say_why(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is None and NOT_STATED.search(answer.message)
    assert answer.evidence  # the link itself is quoted


@pytest.mark.parametrize("question, phrase", [
    ("why does pregnancy make you more prone to muscle spasms", "hormonal changes"),
    ("why do pregnant women get more cramps", "hormonal changes"),
    ("why does dehydration cause knee twitching", "deplete"),
    ("why can too much caffeine make my knee twitch", "stimulants"),
    ("why does overuse lead to muscle spasms", "overuse"),  # a cause: its link quoted, no "does not say why"
])
def test_a_reason_the_article_gives_is_the_answer(real_store, question, phrase):
    answer = ask(real_store, question)
    text = answer.message + " ".join(e["quote"] for e in answer.evidence)
    assert phrase in text and not answer.message.startswith("The article does not say why")
