"""Kinds named by the relation asked: "what areas can an underlying condition affect", "what does an underlying
medical condition affect".

The article says nothing is affected by an underlying medical condition itself; it names the condition's kinds by
what they affect ("an underlying medical condition affecting circulation, metabolism, hormones, nerves, nutrition,
or medications": *condition affecting circulation* …). When the relation asked of a thing has no answer, its kinds
whose names carry the relation's own word are the answer — read as the thing's kinds, with no claim that the thing
itself affects anything.
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.analysis import Analysis
from kg.qa.querygraph import KGO, Edge, Reading
from kg.qa.run import execute
from kg.qa.text import lemmas_of

EXAMPLE_OF = KGO + "exampleOf"


def kinds_named_by(ex, best: Reading, an: Analysis):
    """(the reading of the anchor's kinds named by the asked relation's word, its result), or None."""
    if best.kind not in ("list", "count") or len(best.edges) != 1 or best.edges[0].prop == EXAMPLE_OF:
        return None
    e = best.edges[0]
    if e.object != "?x" or e.subject.startswith("?"):
        return None
    words = {w for c in an.relation_cues if e.prop in c.entry.references for w in c.form if w != "*"}
    kinds = [st.subject for st in ex.statements(e.subject)
             if st.predicate == EXAMPLE_OF and st.object == e.subject and not st.negated]
    named = [k for k in dict.fromkeys(kinds) if words & set(lemmas_of(ex.name(k)))]
    if not words or not named:
        return None
    own = replace(best, edges=[Edge("?x", EXAMPLE_OF, e.subject)],
                  why=best.why + [f"its kinds, named by what they {' '.join(sorted(words))}"])
    trial = execute(ex, own)
    rows = [row for row in trial.get("rows", []) if row[0] in named]
    return (own, {**trial, "rows": rows}) if rows else None


__all__ = ["kinds_named_by"]
