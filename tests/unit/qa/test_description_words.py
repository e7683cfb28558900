"""Words readers use for a definition, a kind, an indication and an action: "what pathology", "how does the article
describe X", "an instance of which class/category", "the indication for X", "X -> action?", and the article's
"persistent and frequent twitching" under its everyday forms."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", ["how does the article describe ALS", "ALS - what pathology is described?"])
def test_definition_words(question):
    answer = ask(STORE, question)
    assert "progressive neurodegenerative disease" in answer.message, (answer.reading, answer.message)


@pytest.mark.parametrize("question", ["what category does neuromyotonia belong to", "neuromyotonia: which class is it put in?"])
def test_class_and_category_ask_what_a_thing_is_an_example_of(question):
    answer = ask(STORE, question)
    assert "Autoimmune disorders" in {a["label"] for a in answer.answers}, (answer.reading, answer.message)


@pytest.mark.parametrize("question", ["anti-seizure medications: indication?", "what are anti-seizure drugs indicated for"])
def test_an_indication_is_what_a_treatment_is_for(question):
    answer = ask(STORE, question)
    assert "autoimmune disorders" in answer.message.lower(), (answer.reading, answer.message)


@pytest.mark.parametrize("question", ["suspected stimulant overdose, recommended action", "what action for a stimulant overdose"])
def test_action_asks_what_to_do(question):
    answer = ask(STORE, question)
    assert "immediate medical attention" in answer.message, (answer.reading, answer.message)


@pytest.mark.parametrize("question", ["frequent twitches in the knee, a sign of what?", "what can persistent and frequent twitching mean"])
def test_persistent_frequent_twitching(question):
    answer = ask(STORE, question)
    assert "Underlying medical condition" in {a["label"] for a in answer.answers}, (answer.reading, answer.message)


@pytest.mark.parametrize("question, label", [
    ("what are anti-seizure agents used for", "Anti-seizure medications"),
    ("which conditions are anticonvulsant capsules given for", "Anti-seizure medications"),
    ("what are antispasmodic agents recommended for", "Antispasmodic medications"),
])
def test_a_drug_class_goes_by_the_pharmacists_words_for_a_drug(question, label):
    answer = ask(STORE, question)
    assert label in {e["label"] for e in answer.entities}, (answer.reading, answer.message)


@pytest.mark.parametrize("question", [
    "which drugs suppress the immune response",
    "what medicines suppress the immune response in autoimmune disorders",
])
def test_a_class_word_and_a_relative_clause_name_the_thing_without_the_relative(question):
    answer = ask(STORE, question)
    assert {"Corticosteroids", "Immunosuppressants"} <= {a["label"] for a in answer.answers}, answer.message
