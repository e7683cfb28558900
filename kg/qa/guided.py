"""What a test's result guides: "which two treatment options does its result guide", "what does a blood test guide".

The article says a blood test "can help determine the levels and guide necessary dietary changes or supplementation":
the test finds a deficiency, and its result guides the deficiency's treatments. With the lexicon's guide words and a
test named (in the question, or before it: "which test … for nutrient deficiencies, and which treatments does its
result guide"), the question is read one hop on: what treats what the test diagnoses — ``?x treats ?y . <test>
diagnoses ?y`` — first, when the article states some; the treatments of what the question names, if it names one.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Executor
from kg.qa.querygraph import KGO, Edge, Reading

DIAGNOSES, TREATS = KGO + "diagnoses", KGO + "treats"
STEP = 2.0  # above the best reading found otherwise


def readings(ex: Executor, found: list[Reading], an: Analysis) -> list[Reading]:
    """``found`` with, first, the treatments of what a named test finds, when the question asks what it guides."""
    if an.yes_no or not an.intent_cues("guided"):
        return found
    tests = list(dict.fromkeys(m.iri for m in an.mentions if _finds(ex, m.iri)))
    if not tests:
        return found
    found_of = [m.iri for m in an.mentions if m.iri not in tests and any(
        st.predicate == DIAGNOSES and st.subject == tests[0] and st.object == m.iri for st in ex.statements(m.iri))]
    edges = [Edge("?x", TREATS, found_of[0])] if found_of else [Edge("?x", TREATS, "?y"), Edge(tests[0], DIAGNOSES, "?y")]
    reading = Reading("list", edges, (), (tests[0],) + tuple(found_of[:1]), max((r.score for r in found), default=0.0) + STEP,
                      ["what the test's result guides: the treatments of what it finds (kg.qa.guided)"],
                      words=f"the treatments of what {ex.name(tests[0]).lower()} can help diagnose"
                      + (f" ({ex.name(found_of[0])})" if found_of else ""))
    text, bindings = ex.sparql(reading)
    if not any(True for _ in ex.run(text, bindings)):
        return found
    return [reading] + found


def _finds(ex: Executor, iri: str) -> bool:
    return any(st.predicate == DIAGNOSES and st.subject == iri and not st.negated for st in ex.statements(iri))


__all__ = ["readings"]
