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


@pytest.mark.parametrize("question", ["what sorts of underlying problems can a muscle spasm be a sign of",
                                      "which types of medical conditions can muscle spasms be a symptom of"])
def test_kinds_of_a_modified_class_asks_the_class_not_forms(real_store, question):
    """"Kinds of *medical* problems": the class word after a modifier is asked, not the forms of the thing named."""
    answer = ask(real_store, question)
    assert "forms of" not in answer.reading and {"Amyotrophic lateral sclerosis", "Autoimmune disorders"} <= {
        a["label"] for a in answer.answers}, (answer.reading, answer.message[:200])
