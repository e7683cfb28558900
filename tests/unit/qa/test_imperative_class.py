""""List all drugs …", "name every medication …": an imperative that asks for a class is a list of that class, even
with two things named ("… causing muscle spasms and twitching"), never a yes/no between them."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()
DRUGS = {"Diuretics", "Corticosteroids", "Estrogen"}


@pytest.mark.parametrize("question", [
    "name every medication that can bring on cramps",
    "list all the medicines that can cause spasms and twitches",
    "please list every drug that the article says causes muscle cramps",
])
def test_an_imperative_class_request_lists_the_class(question):
    answer = ask(STORE, question)
    labels = {a["label"] for a in answer.answers}
    assert answer.kind == "list" and DRUGS <= labels and "Dehydration" not in labels, (answer.reading, answer.message)
