"""A kind named after another thing, with no question word and no "?" ("knee cramp home remedy", "knee twitching
stimulants"): a heading for the kind's members, not a yes/no between the two — the article's examples of the kind.
With a "?" it still asks whether they are linked."""

import pytest

from kg.qa.ask import ask


def _ids(answer):
    return {a["iri"].rsplit("/", 1)[-1] for a in answer.to_dict()["answers"]}


@pytest.mark.parametrize("question", ["leg cramp home remedies", "calf spasm home treatment",
                                      "charley horse home remedy", "muscle spasm home treatments",
                                      "twitchy knee home remedies"])
def test_home_remedies_headed_by_the_condition_are_listed(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is None
    assert {"massage", "stretching-exercises", "heat-or-cold-therapy"} <= _ids(answer), answer.message


@pytest.mark.parametrize("question, members", [
    ("knee twitching stimulants", {"caffeine", "amphetamines"}),
    ("knee twitch stress reduction techniques", {"yoga", "meditation", "deep-breathing-exercises", "mindfulness"})])
def test_other_kinds_headed_by_the_condition_are_listed(real_store, question, members):
    assert members <= _ids(ask(real_store, question))


def test_with_a_question_mark_it_still_asks_whether_they_are_linked(real_store):
    assert ask(real_store, "knee spasm home remedies?").boolean is True
