"""Everyday names for the article's stress reduction techniques ("stress-busting stuff", "relaxing type things") and
its own wording for hydration among the first-line changes ("staying properly hydrated"); meals asked about ("what
can I put in his meals") are its nutrition advice, whose nutrients are the answer."""

import pytest

from kg.qa.ask import ask

TECHNIQUES = {"yoga", "meditation", "deep-breathing-exercises", "mindfulness"}


def _ids(answer):
    return {a["iri"].rsplit("/", 1)[-1] for a in answer.to_dict()["answers"]}


@pytest.mark.parametrize("question", [
    "what stress-busting stuff does the article suggest for knee twitching",
    "any stress busting stuff for a twitchy knee",
    "which stress-busting techniques does it give",
    "what relaxing type things does the article suggest for twitching",
    "what relaxing type of things help knee spasms",
    "what calming type things does it list for twitchy muscles"])
def test_everyday_names_of_stress_reduction_list_its_techniques(real_store, question):
    answer = ask(real_store, question)
    assert TECHNIQUES <= _ids(answer), answer.message


def test_staying_properly_hydrated_names_hydration(real_store):
    from kg.views.labels import labels
    names = labels(real_store).names("https://w3id.org/kneekg/id/hydration")
    assert "staying properly hydrated" in [n.lower() for n in names]


@pytest.mark.parametrize("question", [
    "what can i put in his meals to stop the cramps",
    "what should go in her meals so her knee stops twitching",
    "what should i add to my meals for muscle spasms",
    "what can we put in their meals to help with leg cramps",
    "what goes in my meals to prevent spasms",
    "what should i be putting in my meals to stop cramping"])
def test_meals_asked_about_are_the_nutrition_advice(real_store, question):
    assert {"calcium", "magnesium", "potassium"} <= _ids(ask(real_store, question))
