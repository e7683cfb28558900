"""The moment a spasm strikes: a "right there and then" question keeps the article's self-care measures of everything
that helps; phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit

FOR_THE_MOMENT = {"Stopping the triggering activity", "Stretching exercises", "Massage", "Heat or cold therapy"}


@pytest.mark.parametrize("question", [
    "my calf cramped on a long walk - what should I do on the spot?",
    "my knee muscle cramps up at work, what does this website say to do right then",
    "hamstring locks up in the middle of a match, what do i do immediately",
])
def test_the_moment_it_strikes_keeps_the_self_care_measures(real_store, question):
    answer = ask(real_store, question)
    labels = {a["label"] for a in answer.answers}
    assert FOR_THE_MOMENT <= labels, answer.message
    assert not labels & {"Proper hydration", "Anti-seizure medications", "Stress reduction techniques"}, labels
    assert "For the moment a spasm strikes" in answer.message


def test_without_the_moment_everything_that_helps_is_listed(real_store):
    answer = ask(real_store, "what can I do about my knee spasms")
    assert "Proper hydration" in {a["label"] for a in answer.answers}, answer.message


@pytest.mark.parametrize("question", [
    "what does this page say causes knee twitching",
    "according to the blog post, what can make my knee twitch",
])
def test_the_page_is_the_article(real_store, question):
    answer = ask(real_store, question)
    assert not answer.declined and "Dehydration" in {a["label"] for a in answer.answers}, answer.message
