""""Should I try lifestyle changes first or go straight to tablets": which treatment comes first is the article's
first line of treatment and what follows it, said as the article's general statement, never as advice or a yes/no.
Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "should i try lifestyle changes first or go straight onto pills for my knee twitching",
    "do i start with changing my habits or with medicine for the twitching",
    "medication or lifestyle changes, which comes first for a twitchy knee",
    "would a doctor go straight to tablets or try changing my lifestyle first",
    "is it lifestyle changes before medication for knee spasms or the other way round",
    "should we begin with non-medical treatments or with prescription medication for his knee twitching",
])
def test_the_order_is_the_article_s_first_and_second_line(question):
    answer = ask(STORE, question)
    assert not answer.declined and answer.boolean is None, answer.message
    assert "Non-medical lifestyle changes" in {a["label"] for a in answer.answers}, answer.message
    assert "first line of treatment" in answer.message and "additional treatment options" in answer.message


def test_stopping_one_s_own_tablets_first_stays_advice():
    answer = ask(STORE, "should i stop my tablets first and try lifestyle changes instead")
    assert answer.declined == "advice"


def test_a_yes_no_about_the_order_stays_a_yes():
    answer = ask(STORE, "do doctors recommend lifestyle changes first for knee twitching")
    assert answer.boolean is True
