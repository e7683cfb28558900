"""Clinical shorthand readers type for a treatment ("ALS tx", "dehydration spasm mgmt") is a lexicon word for it."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


def labels(answer) -> set[str]:
    return {a["label"] for a in answer.answers}


@pytest.mark.parametrize("question, expected", [
    ("ALS tx", "Speech therapy"),
    ("dehydration spasm mgmt", "Proper hydration"),
])
def test_clinical_abbreviations_for_treatment_are_read(question, expected):
    answer = ask(STORE, question)
    assert answer.kind == "list" and expected in labels(answer), (answer.reading, answer.message)


@pytest.mark.parametrize("question", ["which analgesics does it mention", "what otc analgesics are there"])
def test_analgesics_are_the_pain_relievers(question):
    answer = ask(STORE, question)
    assert {"Ibuprofen", "Acetaminophen"} <= labels(answer), (answer.reading, answer.message)
