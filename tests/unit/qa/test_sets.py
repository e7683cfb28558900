"""Two-set selections: "of the X listed as …, which one is also …" (a set named before the asking word is asked, not
told), and a second relation said again of the same thing ("which treatments for cramps also prevent them")."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


def labels(answer) -> set[str]:
    return {a["label"] for a in answer.answers}


@pytest.mark.parametrize("question", [
    "among the drugs that are risk factors for muscle spasms, which also cause knee twitching",
    "of the medications on the risk factor list for spasms, which one can also cause the knee to twitch",
])
def test_a_fronted_set_is_the_set_the_answer_is_chosen_from(question):
    answer = ask(STORE, question)
    assert answer.kind == "list" and "Diuretics" in labels(answer), answer.message
    assert "Statins" not in labels(answer) and "statins" not in answer.message.lower(), answer.message  # not a kind's examples
    assert "ranks" not in answer.reading, answer.reading  # a choice from the set, not a comparison


@pytest.mark.parametrize("question", [
    "which treatments for muscle spasms also prevent them",
    "of the treatments for cramps, which ones also prevent them",
])
def test_a_relation_said_again_of_the_same_thing_intersects(question):
    answer = ask(STORE, question)
    assert answer.kind == "list" and "Stretching exercises" in labels(answer), answer.message
    assert len(answer.answers) < 5 and "prevent" in answer.reading, answer.reading


def test_a_second_relation_with_its_own_thing_is_not_said_again():
    answer = ask(STORE, "which medicine in the article shows up both as a cause of twitching and as a treatment for something")
    assert "prevent" not in answer.reading and answer.answered, answer.reading


@pytest.mark.parametrize("question", [
    "nutrient deficiencies: how are they diagnosed and treated",
    "low vitamin levels, how to check and fix",
    "how do you diagnose and treat a nutrient deficiency",
])
def test_two_relations_asked_together_of_one_thing_are_one_list_along_both(question):
    answer = ask(STORE, question)
    assert {"Blood test", "Dietary changes", "Supplementation"} <= labels(answer), (answer.reading, answer.message)
    assert "diagnosed" in answer.reading and "treat" in answer.reading, answer.reading



@pytest.mark.parametrize("question, kept, left", [
    ("what treats ALS but not autoimmune disorders", {"Speech therapy", "Respiratory support"}, "Physical therapy"),
    ("which treatments for autoimmune disorders are not given for ALS", {"Corticosteroids", "Occupational therapy"},
     "Physical therapy"),
    ("which causes of knee twitching are not risk factors for muscle spasms", {"Muscle fatigue", "Dehydration"},
     "Diuretics"),
])
def test_a_negation_before_a_second_thing_asks_the_difference_of_two_sets(question, kept, left):
    answer = ask(STORE, question)
    assert answer.kind == "list" and kept <= labels(answer) and left not in labels(answer), answer.message
    assert ", not among " in answer.reading, answer.reading
    assert answer.query and "FILTER NOT EXISTS" in answer.query["sparql"] and "?a1" in answer.query["sparql"]


@pytest.mark.parametrize("question", [
    "what can cause spasms when you are not drinking enough water",  # the negation is inside what is told
    "is physical therapy not used for ALS",  # a yes/no
])
def test_a_negation_inside_a_story_or_a_yes_no_is_no_difference(question):
    answer = ask(STORE, question)
    assert ", not among " not in (answer.reading or ""), answer.reading


@pytest.mark.parametrize("question, expected, left", [
    ("which treatments does the article give for autoimmune disorders that cause muscle twitching",
     {"Corticosteroids", "Immunosuppressants"}, "Proper hydration"),
    ("what is the treatment for dehydration which causes knee twitching", {"Proper hydration"}, "Massage"),
])
def test_a_clause_about_the_thing_asked_of_describes_it_and_asks_no_second_set(question, expected, left):
    answer = ask(STORE, question)
    assert answer.kind == "list" and expected <= labels(answer) and left not in labels(answer), answer.message
    assert " and " not in answer.reading.split("—")[0], answer.reading  # no intersection with the clause's relation
