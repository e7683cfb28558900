""""No" only where the article says no: every "No" the system gives rests on a negated fact (kgo:negated) in its
evidence — swept over every question of the gold set and the blind batches and over generated when/is/should/do
shapes, so that no path (a course, a universal, a yes/no with nothing stated) can say no on its own."""

import itertools
import re
from pathlib import Path

import pytest
import yaml

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()
ROOT = Path(__file__).resolve().parents[3]


def _questions() -> list[str]:
    out = [item["question"] for item in yaml.safe_load((ROOT / "evaluation/gold.yaml").read_text())]
    for batch in sorted((ROOT / "evaluation/blind").glob("batch-*.yaml")):
        out += [item["question"] for item in yaml.safe_load(batch.read_text())["questions"]]
    return out


THINGS = ["muscle spasms", "my knee twitching", "a charley horse", "leg cramps", "these twitches"]
SHAPES = ["when is {x} bad enough to see a doctor", "when do {x} need a doctor", "is {x} bad enough that i need a doctor",
          "should i see a doctor about {x}", "do {x} need a doctor", "do {x} need medical treatment",
          "does {x} always need treatment", "is {x} always serious", "does {x} always mean ALS",
          "when should i worry about {x}", "can {x} be cured", "is {x} ever dangerous", "will {x} go away without a doctor",
          "does stretching fix {x} every time", "does magnesium always stop {x}", "is {x} never serious",
          "at what point is {x} a problem", "should {x} be checked", "is {x} caused by zinc", "is {x} contagious"]


def _said_no(answer) -> bool:
    return answer.boolean is False or bool(re.match(r"^\s*no\b", answer.message or "", re.IGNORECASE))


def _sweep(questions) -> list[str]:
    wrong = []
    for q in questions:
        answer = ask(STORE, q)
        if _said_no(answer) and not any(e.get("negated") for e in answer.evidence):
            wrong.append(f"{q!r}: {answer.message[:100]}")
    return wrong


def test_no_question_of_the_gold_set_or_the_batches_is_answered_no_without_a_negated_fact():
    assert _sweep(_questions()) == []


def test_no_generated_question_shape_is_answered_no_without_a_negated_fact():
    assert _sweep(s.format(x=x) for s, x in itertools.product(SHAPES, THINGS)) == []


@pytest.mark.parametrize("question", ["when is a muscle spasm bad enough that i actually need a doctor",
                                      "when do cramps need a doctor", "at what point does a knee twitch need a doctor"])
def test_when_do_i_need_a_doctor_is_a_warning_signs_question(question):
    answer = ask(STORE, question)
    assert answer.boolean is None and answer.kind == "list" and answer.answered, answer.message
    assert any(a["label"].lower() in ("swelling", "weakness", "pain") for a in answer.answers)


@pytest.mark.parametrize("question", ["do most muscle spasms need a doctor to go away",
                                      "do home remedies for muscle spasms work for everyone",
                                      "is there a cure for ALS"])
def test_the_article_s_denials_are_negated_facts_and_still_say_no(question):
    answer = ask(STORE, question)
    assert answer.boolean is False and any(e.get("negated") for e in answer.evidence), answer.message


def test_a_not_always_denial_is_no_no_to_whether_it_helps():
    """"May not work for everyone" denies *always*, not that home treatments help."""
    answer = ask(STORE, "do home treatments help muscle spasms")
    assert answer.boolean is True
