""""What causes ALS", "what can cause autoimmune disorders": the word order says for sure which side the thing is on
(the object of "causes"), but the article gives nothing there — it names ALS only as a cause. The readings keep the
turned-round reading in case the order misled (kg.qa.readings: "anchor is the subject (-1.0)"), and it wins when it
alone has facts, answering "what can ALS lead to" to "what causes ALS". When the order was sure, that is another
question: the answer says the article does not say what was asked, and shows what it does say only as such — no
list in the place of the answer.
"""

from __future__ import annotations

import re

from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import Reading

CAUSES = "https://w3id.org/kneekg/ontology/causes"  # only "what causes X": other relations turn round rightly
SURE = 2.0  # the natural role at least this sure (readings.role: a wh-question with the thing after the word)
_ROLE = re.compile(r": anchor is the (subject|object) \(([+-]\d+\.\d)\)")


def _role(r: Reading) -> tuple[str, float] | None:
    for why in r.why:
        found = _ROLE.search(why)
        if found:
            return found.group(1), float(found.group(2))
    return None


def check(ex: Executor, answer: Answer, chosen: Reading, readings: list[Reading]) -> None:
    """Turn an answer of the turned-round reading into "the article does not say" when the natural one was sure."""
    mine = _role(chosen)
    if mine is None or mine[1] != -1.0 or not answer.answered or len(chosen.edges) != 1 or chosen.edges[0].prop != CAUSES:
        return
    e = chosen.edges[0]
    for r in readings:
        theirs = _role(r)
        if r is chosen or theirs is None or theirs[0] == mine[0] or theirs[1] < SURE or len(r.edges) != 1 \
                or r.edges[0].prop != e.prop or r.anchors != chosen.anchors:
            continue
        answer.answered, answer.kind, answer.answers, answer.count, answer.boolean = False, "abstain", [], None, None
        answer.message = f"The article does not say {ex.describe(r)}. What it does say: " + answer.message
        return


__all__ = ["check"]
