"""When to see a doctor, asked after a story: "the stretching and heat pad aren't doing much for her. at what point do
we need to get the GP involved?", "thigh's been flickering for weeks now, at what point do i get it looked at".

The asking clause names nothing but the warning ("get it looked at", "get the GP involved") and asks *when* ("at
what point": ``kgl:when-point-words``); what the story names (a remedy tried, the twitching, how long it has lasted)
is context. Read alone, the story's thing became the anchor ("what is stretching an example of", "with which
condition does persistent twitching call for a doctor"); the question asks for the article's warning signs of its
topic, so that reading is put first. A story naming a disease of its own ("my dad has ALS") is left as read, and so
is one naming nothing of the topic's kind (no sign, remedy or the topic itself).
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Executor
from kg.qa.querygraph import KGO, Edge, Reading

WARNS = KGO + "warrantsMedicalAttentionFor"
TOLD_KINDS = (KGO + "SignOrSymptom", KGO + "Therapy")  # what a story of the spasms names beside them
OWN_CONDITION = KGO + "Disease"


def _when(an: Analysis, lex) -> bool:
    if an.wh == "when":
        return True
    lemmas = [t.lemma for t in an.question]
    return any(lex.in_set("when-point", lemmas, k) for k in range(len(lemmas)))


def readings(ex: Executor, found: list[Reading], an: Analysis, lex, topic: tuple[str, ...]) -> list[Reading]:
    """``found`` with the topic's warning signs first, for "at what point do I get it looked at" after a story."""
    if an.yes_no or not topic or not an.context or an.anchors or not _when(an, lex):
        return found
    q = an.q_positions
    if not any(c.entry.name == "warning-noun" and c.start in q for c in an.cues):
        return found
    told = an.context_mentions
    if not told or any(ex.index.is_a(m.iri, OWN_CONDITION) for m in told):
        return found  # "my dad has ALS, at what point …": not the topic's signs
    if not any(m.iri in topic or any(ex.index.is_a(m.iri, k) for k in TOLD_KINDS) for m in told):
        return found
    best = found[0] if found else None
    if best is not None and best.topic and any(e.prop == WARNS and e.object == "?topic" for e in best.edges):
        return found  # read so already
    score = max((r.score for r in found), default=0.0) + 1.0
    reading = Reading("list", [Edge("?x", WARNS, "?topic")], anchors=tuple(topic), score=score, topic=True,
                      why=["asks when to see a doctor after a story (kg.qa.when_asked)"])
    return [reading] + found


__all__ = ["readings"]
