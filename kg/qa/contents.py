"""What goes into a thing the article gives parts of: "knee twitching diary what to write", "what should I keep a note
of about my knee twitching to show the doctor" — the article's symptom record is of "the frequency, duration, and any
associated symptoms" (``kgo:hasPart``).

A "what" question that names such a thing (by any of its names: a diary, a log, "keep a note of") asks what it holds,
whatever reading answered the rest: its parts are named first, in the article's order, with the quote that gives them.
Nothing changes when no named thing has parts, or the answer already lists them.
"""

from __future__ import annotations

from kg.qa.aimed import name_first
from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import KGO
from kg.qa.words import join

HAS_PART, PART_OF = KGO + "hasPart", KGO + "partOf"


def add(ex: Executor, answer: Answer, an: Analysis) -> None:
    """Name first the parts of the thing the question asks the contents of, with the article's words."""
    if an.yes_no or answer.declined or an.wh not in ("what", "which"):
        return
    for m in an.anchors:
        found = sorted((st for st in ex.statements(m.iri) if not st.negated and (
            st.subject == m.iri and st.predicate == HAS_PART or st.object == m.iri and st.predicate == PART_OF)),
            key=lambda st: st.begin)
        if not found:
            continue
        quote = found[0].quote.lower()
        parts = sorted(dict.fromkeys(st.object if st.subject == m.iri else st.subject for st in found),
                       key=lambda p: quote.find(ex.name(p).lower().split()[0]) % (len(quote) + 1))
        if set(parts) <= {a.get("iri") for a in answer.answers}:
            return
        name_first(ex, answer, parts, found[0])
        said = f"The article says a {ex.name(m.iri).lower()} holds {join([ex.name(p).lower() for p in parts])}: “{found[0].quote}”"
        answer.message = f"{said} {answer.message}"
        return


__all__ = ["add"]
