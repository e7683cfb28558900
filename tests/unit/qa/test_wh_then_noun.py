"""A thing named, then "what <noun>" starting the asking clause ("if I was low on vitamins *what symptoms* would show
up"): the noun after the question word is what is asked (its symptoms), not the thing's kinds."""

import pytest

from kg.qa.ask import ask


def _ids(answer):
    return {a["iri"].rsplit("/", 1)[-1] for a in answer.to_dict()["answers"]}


@pytest.mark.parametrize("question", [
    "if im low on vitamins what symptoms would i get",
    "with a vitamin deficiency what symptoms show up",
    "if i was lacking vitamins what symptoms would i have",
    "when you're low on vitamins what symptoms come up"])
def test_symptoms_asked_after_the_condition(real_store, question):
    answer = ask(real_store, question)
    assert {"weakness", "fatigue", "muscle-twitching"} <= _ids(answer), answer.message
    assert "vitamin-d-deficiency" not in _ids(answer)


def test_minerals_asked_after_the_condition(real_store):
    assert {"calcium", "potassium"} <= _ids(ask(real_store, "if i am dehydrated what minerals do i lose"))


def test_medicines_asked_after_the_condition(real_store):
    ids = _ids(ask(real_store, "for autoimmune disorders which medications are used"))
    assert {"corticosteroids", "immunosuppressants"} <= ids
