""""What kind of shoes help stop leg cramps", "which type of massage is best for cramps": the reader asks for kinds of
a thing the article names but gives no kinds of (``kgo:exampleOf`` has nothing under it). Answering with every
treatment of cramps, or with a yes for the thing itself, answers another question: the answer says the article does
not say which kinds, and quotes what it does say of the thing.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.intents import CONDITIONS
from kg.qa.querygraph import KGO, Reading

KIND_WORDS = frozenset("kind type sort form brand make variety style".split())
ASKING = frozenset("what which".split())
EXAMPLE = KGO + "exampleOf"


def asked_kind_of(an: Analysis):
    """The mention after "what/which kind (type, sort) of", or None."""
    q = [t for t in an.question if not t.is_punct]
    for n in range(len(q) - 2):
        if q[n].lemma in ASKING and q[n + 1].lemma in KIND_WORDS and q[n + 2].lemma == "of":
            after = q[n + 3].i if n + 3 < len(q) else -1
            return next((m for m in an.anchors if m.start == after), None)
    return None


def check(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """Say the article names no kinds of the thing asked, when it names none and the reading answered without it."""
    m = asked_kind_of(an)
    if m is None or m.iri in r.anchors and r.kind != "list" or any(ex.index.is_a(m.iri, c) for c in CONDITIONS):
        return  # "what type of spasm does rest help": a condition's kinds are what the relation answers
    if any(st.predicate == EXAMPLE and st.object == m.iri and not st.negated for st in ex.statements(m.iri)):
        return  # "what kind of stimulants": the article's examples are the kinds
    if r.kind == "list" and m.iri in r.anchors and all(a["iri"] != m.iri for a in answer.answers):
        return  # a list of the thing's own (what footwear helps with), not of kinds
    said = [st for st in ex.statements(m.iri) if st.subject == m.iri and not st.negated]
    quotes = list(dict.fromkeys(st.quote for st in said if st.quote))[:2]
    name = ex.name(m.iri)
    answer.answered, answer.kind, answer.boolean, answer.answers = False, "abstain", None, []
    answer.message = (f"The article does not say which kinds of {name} — it names none. "
                      + (f"What it says of {name}: " + " ".join(f"“{q}”" for q in quotes) if quotes else ""))


__all__ = ["asked_kind_of", "check"]
