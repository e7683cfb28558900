""""What is a well balanced diet supposed to do for knee twitching", "what's the point of heat packs", "what good does
resting do for muscle spasms": the question asks what a remedy it names does — the things the article says it treats
or prevents, and its purpose in the article's words (kg.qa.purposes) — even when a condition is named beside it,
which otherwise draws the reading to the condition ("how is knee twitching diagnosed").

The words asking what a thing is for are data (``kgl:point-asked-words``: supposed to do, meant to do, point of,
what good, good for); the remedy is a thing the question names that the article gives as treating or preventing
something. The reading is the thing's side of treats, read along prevents too; nothing changes when no remedy is named.
"""

from __future__ import annotations

from kg.qa import aimed
from kg.qa.analysis import Analysis
from kg.qa.answer import Executor
from kg.qa.querygraph import KGO, Edge, Reading

TREATS, PREVENTS = KGO + "treats", KGO + "prevents"


def _asked(an: Analysis, lex) -> bool:
    lemmas = [t.lemma for t in an.tokens]
    return any(lex.in_set("point-asked", lemmas, k) for k in range(len(lemmas)))


def _remedy(ex: Executor, iri: str) -> bool:
    return any(st.subject == iri and st.predicate in (TREATS, PREVENTS) and not st.negated for st in ex.statements(iri))


def readings(ex: Executor, found: list[Reading], an: Analysis, lex) -> list[Reading]:
    """``found`` with the remedy's side of treats (and prevents) first, when the question asks what it is for."""
    if an.yes_no or an.wh in (None, "which") or not _asked(an, lex):
        return found  # "hamstring stretches good for knee spasm?": a yes/no; "which painkillers are good": which ones
    remedies = [m for m in an.mentions if _remedy(ex, m.iri)]
    conditions = {m.iri for m in an.mentions} - {m.iri for m in remedies}
    if not remedies:
        return found
    x = remedies[0].iri  # the first named: "what is *heat* … for *cramps*"
    if x in conditions or any(m.iri == x for m in aimed.asked(an)):
        return found  # "what painkillers are good for cramps": which of them, not what they do
    best = max((r.score for r in found), default=0.0)
    helps = ex.family(TREATS) | ex.family(PREVENTS)
    if any(r.score == best and r.anchors[:1] == (x,) and r.edges and r.edges[0].subject == x
           and r.edges[0].prop in helps for r in found):
        return found  # "what is yoga supposed to help with": read from its side already (and along its kind)
    top = best + 1.0
    reading = Reading("list", [Edge(x, TREATS, "?x")], anchors=(x,), score=top, union=(PREVENTS,),
                      why=["asks what a remedy it names is for (kg.qa.point_of)"])
    return [reading] + found
