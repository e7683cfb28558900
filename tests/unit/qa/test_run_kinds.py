"""How a thing is diagnosed or treated when the article says it only of the kind the thing is an example of (a blood
test "can help determine the levels" of nutrient deficiencies; vitamin D deficiency is one): the kind's answers, said
as the kind's (kg.qa.run._kinds_asked), never "the article does not say"."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, label, kind", [
    ("how do you find out if you are low on vitamin D", "Blood test", "vitamin deficiencies"),
    ("how is magnesium deficiency diagnosed", "Blood test", "nutrient deficiencies"),
    ("what test shows a vitamin B6 deficiency", "Blood test", "vitamin deficiencies"),
    ("what treats calcium deficiency", "Supplementation", "nutrient deficiencies"),
    ("how do you fix a magnesium deficiency", "Dietary changes", "nutrient deficiencies"),
    ("how is neuromyotonia treated", "Immunosuppressants", "autoimmune disorders"),
])
def test_the_kinds_answers_said_as_the_kinds(real_store, question, label, kind):
    answer = ask(real_store, question)
    assert label in {a["label"] for a in answer.answers}, answer.message
    assert f"of {kind} in general" in answer.message


def test_a_thing_with_its_own_answers_is_not_widened(real_store):
    answer = ask(real_store, "how is ALS diagnosed")
    assert "in general" not in answer.message and answer.answers
