"""What holds at a later stage of a disease: "which supports help ALS *as the disease progresses*", "what support is
there for that one *as it gets worse*".

The article states some facts at a stage (speech therapy and respiratory support for ALS "as the disease progresses":
the qualifier ``kgo:stage kgv:progressed-stage`` on their statements). A question with the lexicon's later-stage words
asks for those: the best list reading of one relation and one named thing is read again through its statements,
``?s rdf:subject ?x ; rdf:predicate <relation> ; rdf:object <thing> ; kgo:stage kgv:progressed-stage`` (beside the
edge itself, whose statements are the evidence) — first, when
the article states some at that stage; otherwise nothing changes (the whole list stays the answer).
"""

from __future__ import annotations

from dataclasses import replace

from kg import namespaces
from kg.qa.analysis import Analysis
from kg.qa.answer import Executor
from kg.qa.querygraph import KGO, Edge, Reading

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
STAGE, LATER = KGO + "stage", str(namespaces.KGV) + "progressed-stage"
STEP = 1.0  # above the best reading
TOP = 3  # the best readings looked at for one to narrow


def _anchored(e: Edge) -> bool:
    """One edge between the answer and a named thing."""
    return "?x" in (e.subject, e.object) and not (e.subject if e.object == "?x" else e.object).startswith("?")


def readings(ex: Executor, found: list[Reading], an: Analysis) -> list[Reading]:
    """``found`` with, first, the best one-relation list narrowed to what the article states at the later stage."""
    if an.yes_no or not an.intent_cues("later-stage") or not found:
        return found
    best = next((r for r in found[:TOP] if r.kind in ("list", "count") and len(r.edges) == 1 and not r.topic
                 and _anchored(r.edges[0])), None)
    if best is None:
        return found
    e = best.edges[0]
    edges = [e, Edge("?stage", RDF + "subject", e.subject), Edge("?stage", RDF + "predicate", e.prop),
             Edge("?stage", RDF + "object", e.object), Edge("?stage", STAGE, LATER)]
    narrowed = replace(best, edges=edges, score=found[0].score + STEP, why=best.why + ["at the later stage asked (kg.qa.staged)"],
                       words=ex.describe(best) + ", as the disease progresses")
    text, bindings = ex.sparql(narrowed)
    if not any(True for _ in ex.run(text, bindings)):
        return found
    return [narrowed] + found


__all__ = ["readings"]
