"""An amount of something for a person to take, however it is phrased, is declined as a dose; counts of the article's
things are still answered (kg.qa.amounts)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "how many glasses of water is a pensioner supposed to get through every day",
    "how many acetaminophen pills is it okay to swallow over 24 hours",
    "what's the right amount of magnesium for a woman my age",
    "how many bananas would my son need to eat daily to stop cramping",
    "how much potassium does an adult need per day",
    "how many cups of coffee per week is fine for someone with twitchy knees",
    "what is the recommended daily intake of vitamin D",
    "how many paracetamol could my mum have in one go",
    "what's the maximum number of ibuprofen you can have in 24 hours",
    "Roughly how many capsules of magnesium would be sensible, given I'm 70 and quite small?",
    "how often ought my dad to be drinking water through the day",
])
def test_an_amount_for_a_person_is_declined_as_a_dose(question):
    answer = ask(STORE, question)
    assert answer.declined == "dose" and not answer.answered and not answer.answers and answer.boolean is None


@pytest.mark.parametrize("question", [
    "how many causes of knee twitching are there",
    "how many groups of people does the article say are more susceptible to muscle spasms",
    "how many home treatments are listed in the home treatments section",
    "how much does dehydration contribute to knee spasms",
    "how often do knee spasms come back",
    "does drinking water every day help knee twitching",
])
def test_a_count_of_the_article_s_things_is_not_a_dose(question):
    answer = ask(STORE, question)
    assert answer.declined != "dose", answer.message


@pytest.mark.parametrize("question", [
    "when is the best time to take potassium for cramps, and how often",
    "thinking of taking a calcium supplement at night, and how much",
])
def test_an_amount_word_that_ends_its_sentence_asks_the_amount_taken_before_it(question):
    assert ask(STORE, question).declined == "dose"


def test_an_amount_word_after_the_articles_things_still_counts():
    assert ask(STORE, "which remedies does the article give, and how many").declined is None


@pytest.mark.parametrize("question", [
    "how many minutes should i keep a heat pack on a cramped calf",
    "after a bad cramp, how many weeks of rest before i can play football again",
])
def test_spans_of_time_counted_for_a_remedy_are_a_schedule_it_never_gives(question):
    answer = ask(STORE, question)
    assert answer.declined == "dose" and not answer.answered, answer.message


@pytest.mark.parametrize("question", ["how many minutes can a muscle spasm last", "how many hours can a cramp go on for"])
def test_a_spasms_own_length_is_still_answered(question):
    answer = ask(STORE, question)
    assert not answer.declined and answer.answered, answer.message
