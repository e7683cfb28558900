"""A yes/no that puts an unknown thing first in a cleft ("is it *the sugar* in fizzy drinks that sets it off") or asks
what the article says *about* it ("does it say anything about *breastfeeding* doing the same") asks of that thing: the
answer names what the article does not mention and is never a yes for the known word beside it or for the story's
thing (batch 23's two wrong yeses, as classes)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, unknown", [
    ("is it the sweetener in diet cola that brings on the cramps", "sweetener"),
    ("is it the salt in crisps that triggers my knee twitching?", "salt"),
    ("my sister had cramps in pregnancy. does it say anything about menopause doing the same?", "menopause"),
    ("does the article mention anything about acupuncture for cramps", "acupuncture"),
])
def test_the_unknown_thing_asked_is_named_and_never_a_yes(question, unknown):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is not True, answer["message"]
    assert f"does not mention {unknown}" in answer["message"], answer["message"]


@pytest.mark.parametrize("question", [
    "is it the caffeine in energy drinks that sets off the twitching",
    "does it say anything about dehydration causing cramps",
])
def test_a_known_thing_in_the_same_place_is_answered(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is True, answer["message"]
