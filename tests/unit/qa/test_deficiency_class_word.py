"""Deficiencies asked for as a kind ("which vitamin and mineral deficiencies …"): the class word names
kgo:NutrientDeficiency, so the answer is every deficiency the article links to the thing asked about — the five
it names for knee twitching (vitamins D, B-6, B-12, magnesium, calcium), never one it does not (iron)."""

import pytest

from kg.qa.ask import ask

FIVE = {"vitamin-d-deficiency", "vitamin-b6-deficiency", "vitamin-b12-deficiency", "magnesium-deficiency",
        "calcium-deficiency"}


def _ids(answer):
    return {a["iri"].rsplit("/", 1)[-1] for a in answer.to_dict()["answers"]}


@pytest.mark.parametrize("question", [
    "what vitamin and mineral deficiencies can make my knee twitch",
    "which mineral and vitamin deficiencies does the article tie to knee twitching",
    "what vitamin and mineral deficiencies are behind a twitchy knee",
    "which nutrient deficiencies can cause knee muscle spasms",
    "list the nutritional deficiencies that can lead to twitching in the knee",
    "what vitamin and mineral deficiencys are connected with the knee twitching"])
def test_the_deficiencies_asked_as_a_kind_are_all_five(real_store, question):
    answer = ask(real_store, question)
    ids = _ids(answer)
    assert FIVE <= ids, (answer.message, ids)
    assert not any("iron" in i for i in ids)


def test_mineral_deficiencies_behind_spasms_in_general_are_the_ones_the_article_names(real_store):
    ids = _ids(ask(real_store, "which mineral deficiencies cause muscle spasms"))
    assert {"magnesium-deficiency", "calcium-deficiency", "potassium-deficiency"} <= ids
    assert not ids & {"vitamin-d-deficiency", "vitamin-b6-deficiency", "vitamin-b12-deficiency"}
