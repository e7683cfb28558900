"""Whether two names a reader asks about are one thing's: "is amyotrophic lateral sclerosis the same thing as the
ALS you mention", "is ALS short for amyotrophic lateral sclerosis".

Both words link to one entity by its own names (its label or a synonym, not an everyday word: the article never says
a cramp *is* a spasm), and a sentence of the article writes both names together ("Amyotrophic Lateral Sclerosis (ALS)"):
the answer is yes, with that sentence. Otherwise the difference reading says what it says.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor

OWN_NAMES = ("pref", "alt", "composed")


def same_names(ex: Executor, answer: Answer, iri: str, an: Analysis) -> bool:
    """Answer yes when two of ``iri``'s own names were asked and the article writes them together; else False."""
    asked = [m for m in an.mentions if m.iri == iri]
    if len({(m.start, m.end) for m in asked}) < 2 or any(m.kind not in OWN_NAMES for m in asked):
        return False
    names = {n.lower() for kind, n in ex.index.names.get(iri, ()) if kind in ("pref", "alt")}
    for st in sorted(ex.statements(iri), key=lambda st: st.begin):
        if sum(n in st.quote.lower() for n in names) >= 2:
            answer.answered, answer.kind, answer.boolean = True, "boolean", True
            answer.answers = [ex.entity(iri)]
            answer.message = f"Yes — the article uses both names for {ex.name(iri)}: “{st.quote}”"
            answer.evidence = [ex.evidence_item(st)]
            return True
    return False


__all__ = ["same_names"]
