"""kg.qa.unmentioned: "is that normal after a hip replacement", "after chemo" — a time or event the article never
mentions, asked of a serious/normal question, is named and no "yes" is given for it. Phrasings of our own."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, named", [
    ("is it normal to get cramps after chemo", "chemo"),
    ("is it normal to get leg cramps after surgery", "surgery"),
    ("my dad keeps getting spasms in his thigh, is that normal after a knee replacement?", "replacement"),
    ("is it serious to get knee twitching after a vaccination", "vaccination"),
    ("are leg spasms normal after dialysis", "dialysis"),
    ("is it normal for my knee to twitch after an operation", "operation"),
])
def test_a_time_the_article_never_mentions_is_named_and_no_yes(real_store, question, named):
    answer = ask(real_store, question)
    assert answer.boolean is not True and not answer.message.startswith(("Yes", "No")), answer.message
    assert "does not mention" in answer.message and named in answer.message, answer.message


def test_a_time_the_article_names_is_answered(real_store):
    answer = ask(real_store, "is it normal to get cramps after exercise")
    assert "does not mention" not in answer.message
