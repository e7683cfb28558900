""""What kinds of underlying conditions can spasms be a sign of": no kind of it is stated, one by one, to be what
spasms point to, but the article says it of the underlying medical condition itself — so its kinds (a condition
affecting circulation, metabolism, hormones …) are the answer, not the symptoms of spasms."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "which types of underlying medical conditions might muscle spasms be a sign of",
    "what sorts of underlying conditions can leg spasms be a symptom of",
    "what kinds of underlying health conditions could cramps be a symptom of",
])
def test_kinds_of_the_kind_the_relation_is_said_of(question):
    answer = ask(STORE, question).to_dict()
    labels = {a["label"] for a in answer["answers"]}
    assert {"Condition affecting circulation", "Condition affecting nerves"} <= labels, answer["message"]
    assert "Tenderness" not in labels, answer["message"]
