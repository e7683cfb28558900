"""What the article says instead of what was asked, when the reading asked has no answer and a nearly alike one has
("the risk factors for ALS" → what ALS leads to, "how do you prevent ALS" → its treatments, "the symptoms of heat
exhaustion" → what it leads to). Of the article's own condition that is a useful near answer; of another condition
the article only names, it is that condition's own details the article does not give: the answer says so and shows
what it does say as such, with no list in the place of the answer.
"""

from __future__ import annotations

from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import KGO, Reading
from kg.qa.run import broader

CONDITIONS = (KGO + "Disease",)  # ALS, diabetes: not the article's own causes (strain, deficiencies), whose near answers help


def say(ex: Executor, answer: Answer, asked: Reading, what: str) -> None:
    """Put "the article does not say <what>; it says this instead" before the answer; un-answer it for another condition."""
    answer.message = f"The article does not say {what}; it says this instead. " + answer.message
    own = {x for t in ex.topic for x in [t] + broader(ex, t, "formOf", down=True) + broader(ex, t, "formOf")}
    anchors = [a for a in asked.anchors if not a.startswith("?")]
    if anchors and all(a not in own and any(ex.index.is_a(a, c) for c in CONDITIONS) for a in anchors):
        answer.answered, answer.answers, answer.count = False, [], None  # "what are the risk factors for ALS"
        answer.kind = "abstain"


__all__ = ["say"]
