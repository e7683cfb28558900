""""The point of X", "the purpose of X", "the benefits of X": the noun names what X does, so X is the subject —
what X is for, not what is for X."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


def ids(answer):
    return {a["iri"].rsplit("/", 1)[-1] for a in answer.answers}


@pytest.mark.parametrize("question", ["what is the purpose of a blood test", "whats the point of a blood test"])
def test_the_purpose_of_a_test_is_what_it_diagnoses(real_store, question):
    answer = ask(real_store, question)
    assert {"nutrient-deficiencies", "vitamin-deficiencies"} <= ids(answer)


@pytest.mark.parametrize("question", ["what's the point in writing down when my knee twitches",
                                      "what is the use of keeping a log of my spasms"])
def test_the_point_of_a_symptom_record_quotes_the_diagnosis_it_helps(real_store, question):
    answer = ask(real_store, question)
    assert any("accurate diagnosis" in e["quote"] for e in answer.evidence)
