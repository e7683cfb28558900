"""What to write down in a symptom diary: the record's parts (frequency, duration, associated symptoms) are things of
the graph with the article's sentence, and a "what" question about a thing made of parts lists them."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()
PARTS = {"Frequency of the twitching", "Duration of the twitching", "Associated symptoms"}


@pytest.mark.parametrize("question", [
    "what goes in a symptom diary",
    "my GP asked me to keep a log of my knee twitching. what should I note down",
    "what should i be writing down in my twitching journal",
])
def test_what_to_write_down_is_the_record_s_parts(question):
    answer = ask(STORE, question)
    assert answer.kind == "list" and PARTS <= {a["label"] for a in answer.answers}, answer.message
    assert any("frequency, duration, and any associated symptoms" in e["quote"] for e in answer.evidence)


def test_the_evaluation_s_parts_are_listed_too():
    answer = ask(STORE, "what goes into the healthcare professional evaluation")
    assert answer.kind == "list" and "Medical history" in {a["label"] for a in answer.answers}, answer.message
