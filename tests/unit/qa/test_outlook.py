"""Outlook questions are declined, with what the article says of the named thing's course and cure. Phrasings of
our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question", [
    "what is the long term outlook for someone with the degenerative disease that can cause knee twitching",
    "prognosis for ALS patients?",
])
def test_an_outlook_question_is_declined_and_quotes_what_the_article_says_of_the_cure(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined == "prognosis" and not answer.answered and not answer.answers
    assert "no cure" in answer.message and "quality of life" in answer.message
    assert any("has no cure" in e["quote"] for e in answer.evidence)


def test_an_outlook_question_about_nothing_it_says_the_course_of_keeps_the_closest_statements(real_store):
    answer = ask(real_store, "what is the survival rate for people with diabetes")
    assert answer.declined == "prognosis" and not answer.evidence and "What the article does say" not in answer.message
