"""'Is it normal' of the article's condition is the article's 'occasional spasms are common' (kg.qa.usual); told with
persistence, its warning stands and no 'yes, normal' is said."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "is it normal for my knee to jump sometimes",
    "my knee twitches now and then, is that to be expected",
])
def test_occasional_twitching_asked_normal_is_the_articles_common(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "are common" in answer.message, answer.message


@pytest.mark.parametrize("question", [
    "my knee has twitched all the time for weeks, is that normal?",
    "my knee keeps twitching every day, is that normal",
])
def test_persistent_twitching_is_never_called_normal(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is not True and not answer.message.startswith("Yes"), answer.message
    assert answer.boolean is not False  # and never a "no" the article does not state

