"""A second hop through what a test shows: "if a blood test showed I was low, what would fix *it*", "if bloods show
one of my players is low on something, what's the treatment for *that cause*".

The if-clause names a test, and the question asks a relation (treats, prevents, causes) of a pronoun: not of the test
— nothing treats a blood test — but of what the test finds. The relation asked is read one hop on, through what the
article says the test diagnoses (``?x treats ?y . blood test diagnoses ?y``): its treatments of nutrient deficiencies,
named as such. Only when the test is told in a condition before the question (the if-clause), the question refers back
with a pronoun, and the relation is not the test's own (diagnoses): "what does a blood test check for" is as before.
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.analysis import SUBORDINATORS, Analysis
from kg.qa.querygraph import KGO, Edge, Reading

DIAGNOSES = KGO + "diagnoses"
BACK = frozenset("it that this them those these".split())
STEP = 1.0  # above the reading it goes on from


def through_test(ex, readings: list[Reading], an: Analysis) -> list[Reading]:
    """``readings`` with, first, the relation asked of what a told test finds, where the question asks it of a pronoun."""
    tests = [m.iri for m in an.context_mentions if _finds(ex, m.iri) and _supposed(an, m.start)]
    if not tests or an.yes_no or an.anchors or not any(t.lemma in BACK for t in an.question):
        return readings
    out = []
    for r in readings:
        if r.kind not in ("list", "count") or len(r.edges) != 1 or r.anchors != (tests[0],):
            continue
        e = r.edges[0]
        if e.prop == DIAGNOSES or e.subject != "?x" or e.object != tests[0]:
            continue  # the relation asked of the test, with the answer its subject ("what treats it")
        chain = [Edge("?x", e.prop, "?y"), Edge(tests[0], DIAGNOSES, "?y")]
        out.append(replace(r, edges=chain, score=max(x.score for x in readings) + STEP,
                           why=r.why + ["one hop on: what the test told before finds"]))
    return out[:1] + readings


def _supposed(an: Analysis, at: int) -> bool:
    """The test is told in a condition ("*if* a blood test showed …", "*when* the bloods came back …"): what it would
    find is supposed, not a thing of the story's ("splitting logs" is no symptom record)."""
    for t in reversed(an.tokens[:at]):
        if t.is_punct:
            return False
        if t.lemma in SUBORDINATORS:
            return True
    return False


def _finds(ex, iri: str) -> bool:
    return any(st.predicate == DIAGNOSES and st.subject == iri and not st.negated for st in ex.statements(iri))


__all__ = ["through_test"]
