"""The condition a fact holds in: "which condition gets anti-seizure meds for twitching", "I read about anti-seizure
medicines for twitching, which condition was that for".

The article states some treatments of a symptom only in a condition ("Anti-seizure medications may also be prescribed
to control muscle twitching and spasms", said of autoimmune disorders: ``kgo:inCondition`` on the statement). A
question that asks for a condition and names both the treatment and the symptom asks for that condition, not for what
the treatment treats. The reading goes through the statements — ``?s rdf:subject <treatment> ; rdf:predicate kgo:treats ;
rdf:object <symptom> ; kgo:inCondition ?x`` — with both things bound, and goes first when the article states one.
"""

from __future__ import annotations

from itertools import permutations

from kg.qa.analysis import Analysis
from kg.qa.answer import Executor
from kg.qa.querygraph import KGO, Edge, Reading

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
IN_CONDITION, TREATS = KGO + "inCondition", KGO + "treats"
CONDITIONS = (KGO + "MedicalCondition", KGO + "Disease")
STEP = 2.0  # above the best reading found otherwise


def readings(ex: Executor, found: list[Reading], an: Analysis, classes: tuple[str, ...]) -> list[Reading]:
    """``found`` with, first, the condition the named treatment is stated to treat the named symptom in."""
    if an.yes_no or not set(classes) & set(CONDITIONS):
        return found
    named = list(dict.fromkeys(m.iri for m in sorted(an.mentions, key=lambda m: m.start)))
    for first, second in permutations(named, 2):
        edges = [Edge("?held", RDF + "subject", first), Edge("?held", RDF + "predicate", TREATS),
                 Edge("?held", RDF + "object", second), Edge("?held", IN_CONDITION, "?x")]
        reading = Reading("list", edges, (), (first, second), max((r.score for r in found), default=0.0) + STEP,
                          ["the condition the fact is stated in (kg.qa.in_condition)"],
                          words=f"in which condition the article says {ex.name(first)} help with {ex.name(second)}")
        text, bindings = ex.sparql(reading)
        if any(True for _ in ex.run(text, bindings)):
            return [reading] + found
    return found


__all__ = ["readings"]
