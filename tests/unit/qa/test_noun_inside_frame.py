""""What's the usual *reason* for that": a relation's noun inside the "what is X for" frame is the relation asked
(the causes), not the frame (what the thing is for: treatments, tests, prevention)."""

import pytest

from kg.qa.ask import ask
from kg.qa.lexicon import Cue, Entry
from kg.qa.shapes import noun_inside


def _ids(answer):
    return {a["iri"].rsplit("/", 1)[-1] for a in answer.to_dict()["answers"]}


@pytest.mark.parametrize("question", [
    "my knee keeps twitching after work, what's the usual reason for that",
    "after a long hike my knee keeps jumping on its own, whats the usual reason for that",
    "my leg cramps every night, what's the reason for that",
    "my knee muscle twitches in meetings, what is the likely reason for that",
    "what's the most common reason for a knee spasm",
    "what's the likely cause for my knee jumping"])
def test_the_reason_for_it_is_its_causes(real_store, question):
    ids = _ids(ask(real_store, question))
    assert {"dehydration"} <= ids and not ids & {"blood-test", "physical-examination"}, ids


def test_a_noun_inside_the_frame_is_seen_and_one_outside_is_not():
    purpose = Entry("kgl:purpose-verb", "relation", ("kgo:treats",), pos="verb")
    reason = Entry("kgl:cause-noun", "relation", ("kgo:causes",), pos="noun")
    frame = Cue(0, 5, purpose, ("what", "be", "*", "for"), (0, 1, 4))
    inside, outside = Cue(3, 4, reason, ("reason",), (3,)), Cue(6, 7, reason, ("reason",), (6,))
    assert noun_inside(frame, [frame, inside]) and not noun_inside(frame, [frame, outside])
