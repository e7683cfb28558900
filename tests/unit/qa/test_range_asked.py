""""What are the two ranges it gives" after a story about how long a spasm lasts: "range", "time span" ask for the
article's durations (both sides where they differ); a verb after "the article" with a noun asked before it reports.
Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "what is the time range of a muscle spasm, according to the article",
    "the article says a spasm can last a while. what range does it put on that?",
])
def test_a_range_asked_is_the_articles_durations_both_sides(real_store, question):
    answer = ask(real_store, question)
    assert "a few seconds to several minutes" in answer.message and "a few minutes to several hours" in answer.message, \
        answer.message


def test_what_the_article_gives_for_a_condition_keeps_its_reading(real_store):
    answer = ask(real_store, "what treatment options does the article give for knee twitching")
    assert "proper hydration" in {a["label"].lower() for a in answer.answers}
