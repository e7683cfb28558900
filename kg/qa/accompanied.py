""""What could it mean if knee twitching comes with difficulty swallowing", "what might swelling accompanying the
spasms indicate": a sign asked about beside the condition it comes with. The question asks what the *accompanying*
sign can point to — the article's "these additional symptoms could indicate a more serious underlying issue" — and
the condition it comes with is the situation, not what is asked of ("which conditions have knee twitching as a
symptom").

The words are data: ``kgl:accompanied-words`` ("come with", "be accompanied by", "along with", "with": the sign
follows) and ``kgl:accompanying-words`` ("accompanying", "that come with": the sign goes before). The reading is the
sign's side of ``indicates``, put first only when the question has an indicating word ("mean", "indicate", "be a
sign of") and the article states what the sign indicates; nothing changes otherwise.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Executor
from kg.qa.querygraph import KGO, Edge, Reading
from kg.qa.run import execute

INDICATES = KGO + "indicates"


def _at(an: Analysis, lex, word_set: str) -> int | None:
    """Where in the asking clause a word of ``word_set`` starts (the first such place), or None."""
    lemmas = [t.lemma for t in an.tokens]
    return next((k for k in range(len(lemmas)) if k in an.q_positions and lex.in_set(word_set, lemmas, k)), None)


def sign(an: Analysis, lex) -> str | None:
    """The IRI of the sign the question says comes with another thing it names, or None."""
    anchors = sorted(an.anchors, key=lambda m: m.start)
    if len({m.iri for m in anchors}) < 2:
        return None
    after = _at(an, lex, "accompanied")
    if after is not None:  # "twitching *comes with* difficulty swallowing": the first named after the words
        before = [m for m in anchors if m.end <= after]
        later = [m for m in anchors if m.start > after]
        if before and later and later[0].iri not in {m.iri for m in before}:
            return later[0].iri
    ahead = _at(an, lex, "accompanying")
    if ahead is not None:  # "swelling *accompanying* the spasms": the last named before the words
        before = [m for m in anchors if m.end <= ahead]
        later = [m for m in anchors if m.start > ahead]
        if before and later and before[-1].iri not in {m.iri for m in later}:
            return before[-1].iri
    return None


def readings(ex: Executor, found: list[Reading], an: Analysis, lex) -> list[Reading]:
    """``found`` with what the accompanying sign can indicate first, when the question asks what it means."""
    if an.yes_no or not any(INDICATES in c.entry.references for c in an.relation_cues):
        return found
    x = sign(an, lex)
    if x is None:
        return found
    best = max((r.score for r in found), default=0.0)
    reading = Reading("list", [Edge(x, INDICATES, "?x")], anchors=(x,), score=best + 1.0,
                      why=["asks what a sign said to come with another thing can indicate (kg.qa.accompanied)"])
    if execute(ex, reading).get("empty"):
        return found
    return [reading] + [r for r in found if r.key() != reading.key()]
