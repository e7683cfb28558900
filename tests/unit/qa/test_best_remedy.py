""""Time or tablets?", "is rest or a pill the main thing for a strain": a choice between remedies, or what is best,
where the article singles one out ("For muscle fatigue or strain, time is often the best remedy …"): its sentence,
quoted with its hedge (kg.qa.best_remedy). Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit

SAID = "time is often the best remedy"


@pytest.mark.parametrize("question", [
    "tired legs after a hike - should I just give it time or take painkillers",
    "for a strained thigh is massage or time the better option",
    "what's the best bet for muscle fatigue, heat packs or time",
    "after a heavy gym session is it time or medication that helps most",
    "strain in my thigh: ibuprofen or just time?",
    "muscle fatigue from running, is it better to wait it out with time or use stretching",
])
def test_the_article_s_best_remedy_is_quoted(real_store, question):
    answer = ask(real_store, question)
    assert SAID in answer.message, answer.message
    assert answer.boolean is None


@pytest.mark.parametrize("question", [
    "is it caused by dehydration or strain",
    "what is the best remedy for muscle strain",
    "how long does a muscle spasm last",
    "does massage or stretching fix a strain every time",
])
def test_other_questions_keep_their_reading(real_store, question):
    answer = ask(real_store, question)
    assert not answer.reading.startswith("I read this as: what the article calls the best remedy"), answer.reading


@pytest.mark.parametrize("question", [
    "when's the best time to plant tulips",
    "what is the best time of day to go for a run",
    "is morning or evening the best time to water a lawn",
])
def test_time_without_a_condition_or_remedy_is_no_remedy_asked(real_store, question):
    answer = ask(real_store, question)
    assert "best remedy" not in answer.message, answer.message
