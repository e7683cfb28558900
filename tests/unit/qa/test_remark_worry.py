"""A worried remark after a question that asks the things of a class ("what health conditions can knee twitching be a
symptom of? *worried* about my daughter") tells how the reader feels: it no longer turns the question into "is it
serious" (kg.qa.asides.remark_asks_nothing). A yes/no or a question without its own class keeps the worry, as
before ("is my knee twitching a sign of ALS?? kind of freaking out here" is answered with reassurance)."""

import pytest

from kg.qa.ask import ask


def labels(answer) -> set[str]:
    return {a["label"] for a in answer.to_dict()["answers"]}


@pytest.mark.parametrize("question, must", [
    ("which illnesses can knee twitching be an early sign of? really worried about my dad", "Amyotrophic lateral sclerosis"),
    ("what conditions could muscle twitching point to? I'm scared it's something bad", "Autoimmune disorders"),
    ("what diseases can cause knee twitching? my son is anxious about it", "Amyotrophic lateral sclerosis"),
    ("which medications can cause muscle spasms? my mum is worried", "Statins"),
    ("what conditions can spasms be a symptom of? getting nervous tbh", "Autoimmune disorders"),
    ("what health problems can knee twitching be a symptom of? worried about my wife", "Amyotrophic lateral sclerosis"),
])
def test_the_class_asked_is_answered_whatever_the_worry(real_store, question, must):
    answer = ask(real_store, question)
    assert must in labels(answer), answer.message
    assert "serious" not in answer.reading, answer.reading
