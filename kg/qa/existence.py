"""A yes/no that asks whether something exists for a thing: "is there a test for vitamin deficiencies", "are there any
treatments for autoimmune disorders", "is there like a way to check if I'm low on magnesium".

"Is there a test for X" names the relation ("test": what helps diagnose) and its object, never its subject: read as a
yes/no about the article's topic ("can knee spasms help diagnose X") it is a "does not say" though the article names
the blood test. Read instead as the list of what stands in the relation to X, it is a yes with that list when the list
has members (kg.qa.offered.named_any says the yes); an empty list leaves the first reading, so never a "no".
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.analysis import Analysis
from kg.qa.answer import Executor
from kg.qa.querygraph import Edge, Reading
from kg.qa.run import execute

VARIABLE = "?x"


def asked(an: Analysis) -> bool:
    """Whether the question opens "is there" / "are there" (past fillers the analysis already dropped).

    >>> from types import SimpleNamespace as N
    >>> asked(N(yes_no=True, question=[N(lemma="be", is_punct=False), N(lemma="there", is_punct=False)]))
    True
    >>> asked(N(yes_no=True, question=[N(lemma="be", is_punct=False), N(lemma="it", is_punct=False)]))
    False
    """
    words = [t.lemma for t in an.question if not t.is_punct]
    return an.yes_no and words[:2] == ["be", "there"]


def listed(ex: Executor, chosen: Reading, an: Analysis) -> tuple[Reading, dict] | None:
    """For "is there a <relation noun> for X" read as a yes/no about the topic: the list of what stands in that
    relation to X, with its result, when the article names any (None otherwise)."""
    if not asked(an) or chosen.kind != "boolean" or not chosen.topic or len(chosen.edges) != 1:
        return None
    edge = chosen.edges[0]
    if "?topic" not in (edge.subject, edge.object) or edge.subject == edge.object:
        return None
    turned = Edge(VARIABLE if edge.subject == "?topic" else edge.subject, edge.prop,
                  VARIABLE if edge.object == "?topic" else edge.object)
    anchors = tuple(a for a in (turned.subject, turned.object) if not a.startswith("?"))
    r = replace(chosen, kind="list", edges=[turned], anchors=anchors, topic=False,
                why=chosen.why + ["'is there a … for X': what the article names in that relation to X"])
    found = execute(ex, r)
    return (r, found) if found.get("rows") else None


__all__ = ["asked", "listed"]
