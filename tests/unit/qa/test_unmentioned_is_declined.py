"""A yes/no about a thing the article never mentions ("will the cramps harm *the baby*", "does *pickle juice* stop
cramps") says so and answers nothing: no boolean and no list of what the article does name for it."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "can night cramps in the calf hurt the baby",
    "will a glass of tonic water help my leg cramps",
])
def test_nothing_answered(question):
    answer = ask(STORE, question).to_dict()
    assert "does not mention" in answer["message"], answer["message"]
    assert answer.get("boolean") is None and not answer.get("answers") and not answer.get("answered"), answer["message"]
