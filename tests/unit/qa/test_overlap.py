""""Which nutrients are in both A and B": what two of the article's sets share, one query graph of both sets' edges on
the answer (kg.qa.overlap). Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


def _labels(question):
    answer = ask(STORE, question)
    return {(a.get("label") or "").lower() for a in answer.answers}, answer


@pytest.mark.parametrize("question, shared, not_shared", [
    ("which minerals are depleted by dehydration and also part of proper nutrition",
     {"calcium", "potassium"}, {"magnesium", "vitamin d"}),
    ("what nutrients do proper nutrition and the vitamin deficiencies have in common",
     {"calcium", "magnesium", "vitamin d"}, {"potassium", "vitamin b12"}),
    ("which medication is both a risk factor for muscle spasms and linked to knee twitching",
     {"diuretics"}, {"statins", "estrogen"}),
    ("which drugs are risk factors for spasms and also cause knee twitching", {"diuretics"}, {"statins", "corticosteroids"}),
    ("which nutrient shows up both as something dehydration depletes and as a deficiency behind muscle spasms",
     {"calcium", "potassium"}, {"magnesium"}),
    ("what minerals does dehydration drain that are also deficiencies linked to knee twitching",
     {"calcium"}, {"potassium", "electrolytes"}),
])
def test_what_both_sets_hold(question, shared, not_shared):
    labels, answer = _labels(question)
    assert shared <= labels and not labels & not_shared, (answer.reading, labels)
    assert "kg.qa.overlap" in " ".join(answer.debug.get("why", []))
    assert answer.reading.startswith("I read this as: what is among ")


def test_one_set_is_left_to_the_usual_reading():
    labels, answer = _labels("which minerals can dehydration deplete")
    assert "kg.qa.overlap" not in " ".join(answer.debug.get("why", []))
    assert {"calcium", "potassium"} <= labels


def test_the_query_binds_the_things_named_and_never_the_words():
    _, answer = _labels("which minerals are depleted by dehydration and also part of proper nutrition")
    assert "dehydration" not in answer.query["sparql"].lower().replace("id/dehydration", "")
    assert {v for vs in answer.query["bindings"].values() for v in vs} >= {"https://w3id.org/kneekg/id/dehydration",
                                                       "https://w3id.org/kneekg/id/proper-nutrition"}


@pytest.mark.parametrize("question, left, taken_away", [
    ("which drug is a risk factor for spasms but not in the list of drugs that cause knee twitching",
     {"statins"}, {"diuretics"}),
    ("which medication is on the risk factor list for muscle spasms but not among the causes of knee twitching",
     {"statins"}, {"diuretics", "corticosteroids"}),
    ("name the drug that is a risk factor for spasms but is not in the knee twitching causes", {"statins"}, {"diuretics"}),
    ("which drug is a risk factor for muscle spasms but not a cause of knee twitching", {"statins"}, {"diuretics"}),
    ("which nutrients are part of proper nutrition but not depleted by dehydration", {"magnesium", "vitamin d"},
     {"calcium", "potassium"}),
    ("which medicines cause knee twitching but not listed as risk factors for muscle spasms", {"estrogen", "corticosteroids"},
     {"diuretics", "statins"}),
])
def test_what_one_set_has_and_the_other_not(question, left, taken_away):
    labels, answer = _labels(question)
    assert left <= labels and not labels & taken_away, (answer.reading, labels)
    assert ", not among " in answer.reading
