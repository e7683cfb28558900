"""Personal medicine decisions, interactions, other conditions and other subjects are declined, whatever the health words:
a pregnancy's stage ("at 30 weeks"), a second medicine the article never names ("with my zopiclone"), another condition
told in the story and asked about ("I've got osteopenia as well, would calcium sort out both"), and a pet's or a plant's
trouble ("my tomatoes have blossom end rot, is that a calcium thing too"). What the article says generally is still
answered."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "can i take ibuprofen at 30 weeks for the cramp pain",
    "im in my third trimester, is it ok to take paracetamol for leg cramps",
    "36 weeks along and cramping at night, can i take acetaminophen",
    "is it ok to take ibuprofen with my zopiclone for the cramp pain",
    "can i take acetaminophen with my blood pressure pills for the spasms",
    "ive got osteopenia as well, would calcium tablets sort out both",
    "i have fibromyalgia, would stretching help it",
    "while im at it my tomatoes have got blossom end rot in this heat, is that a calcium thing too",
    "my dog keeps twitching his back leg, is that a magnesium thing",
    "does my cat get cramps",
    "my horse gets muscle spasms after a ride, would magnesium help",
    "i have kidney disease, can i take magnesium for cramps",
    "i am on warfarin, can i use ibuprofen for knee pain",
    "does ibuprofen interact with diuretics",
    "will statins interact with magnesium supplements",
])
def test_declined(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("declined") in ("advice", "unknown"), answer["message"]
    assert answer.get("boolean") is None and not answer.get("answers"), answer["message"]


@pytest.mark.parametrize("question", [
    "can i take ibuprofen for cramps",
    "is it ok to take ibuprofen for my knee spasms",
    "i have arthritis, what causes my knee twitching",
    "i was walking my dog when my knee locked up in a spasm, what causes that",
    "is magnesium ok for my cramps",
    "can i use heat packs for a knee spasm",
])
def test_general_questions_are_still_answered(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("declined") is None and answer.get("answered"), answer["message"]


def test_an_example_after_the_question_stays_asked():
    answer = ask(STORE, "does it explain why water pills cause cramps, eg hyponatremia").to_dict()
    assert answer.get("declined") == "unknown" and "hyponatremia" in answer["message"], answer["message"]
