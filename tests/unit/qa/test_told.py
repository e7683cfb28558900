"""Stories that name several things and ask about them together ("could any of these …"): every told thing the
article links is answered, with its quote — phrasings that are not in the batches."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


def labels(answer):
    return {a["label"].lower() for a in answer.answers}


@pytest.mark.parametrize("question, told", [
    ("my doctor has me on lasix and prednisolone. could either of them be causing my leg cramps",
     {"diuretics", "corticosteroids"}),
    ("I'm on simvastatin and a water tablet - could one of those be why my knee jumps?", {"statins", "diuretics"}),
    ("my gran takes steroids, HRT and water pills. which of those can bring on muscle spasms",
     {"corticosteroids", "estrogen", "diuretics"}),
])
def test_every_told_thing_the_article_links_is_answered(question, told):
    answer = ask(STORE, question)
    assert told <= labels(answer), answer.message
    assert answer.boolean is not False and "of the things you named" in answer.message.lower()


def test_a_told_thing_the_article_does_not_link_is_named_not_denied():
    answer = ask(STORE, "I drink lots of coffee and do yoga every morning. could either of those make my thigh twitch")
    assert any("stimulant" in x or "caffeine" in x for x in labels(answer)), answer.message
    assert "yoga" not in labels(answer)
    assert "does not say this of yoga" in answer.message and answer.boolean is not False


def test_one_thing_told_is_still_a_yes_no_about_it():
    answer = ask(STORE, "I'm on a water pill. could it be causing my knee twitching?")
    assert answer.boolean is True and "of the things you named" not in answer.message.lower()


@pytest.mark.parametrize("question, listed", [
    ("i drink loads of coffee and take estrogen. which drugs does the article say cause muscle spasms, and is any of "
     "those one i take?", {"Diuretics", "Corticosteroids", "Estrogen"}),
    ("worried about calcium and magnesium. what does dehydration deplete, and are any of these in my list?",
     {"Calcium", "Potassium", "Electrolytes"}),
])
def test_words_pointing_back_after_a_list_asked_point_to_that_list_not_the_story(question, listed):
    answer = ask(STORE, question)
    assert answer.kind == "list" and listed <= {a["label"] for a in answer.answers}, answer.message
    assert not answer.message.startswith("Of the things you named"), answer.message
