"""What a cause leads to, followed on to the article's subject: "what can overdoing training lead to".

The article gives some causes by an example of them ("Overexertion during exercise" for tense or poorly conditioned
muscles, "Working in high temperatures without proper hydration" for heat exhaustion). Asked what the example leads
to, the graph's one step answers the cause it exemplifies — but the reader asks what it ends in, and the article's
answer is the spasms that cause leads to. A list read from the anchor's side along ``kgo:causes`` whose answers leave
out the article's subject gets, for each answer the article says causes the subject, that next step in its own words
("Tense or poorly conditioned muscles in turn can cause muscle spasm: “…”"). Only stated facts are followed, one step.
"""

from __future__ import annotations

from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import KGO, Reading

CAUSES = KGO + "causes"
MOST = 2  # next steps added to one answer


def add(ex: Executor, answer: Answer, r: Reading) -> None:
    """Follow the causes answered for what the anchor leads to one step on, to the article's subject."""
    if not answer.answered or r.kind != "list" or len(r.anchors) != 1 or not r.edges or r.within:
        return
    a = r.anchors[0]
    props = ex.family(CAUSES)
    if a in ex.topic or not all(e.subject == a and e.object == "?x" and e.prop in props for e in r.edges):
        return
    found = [x["iri"] for x in answer.answers if x.get("iri") and x.get("kind") != "phrase"]
    if not found or set(found) & set(ex.topic):
        return
    known = {e.get("statement") for e in answer.evidence}
    added = 0
    for y in found:
        for t in ex.topic:
            said = sorted((st for st in ex.between(y, t, props)
                           if st.subject == y and st.object == t and not st.negated and st.quote),
                          key=lambda st: st.begin)
            if not said or added >= MOST:
                continue
            st = said[0]
            answer.message += f" {ex.name(y)[0].upper() + ex.name(y)[1:]} in turn can cause {ex.name(t)}: “{st.quote}”"
            if st.iri not in known:
                answer.evidence.append(ex.evidence_item(st))
            added += 1
            break


__all__ = ["add"]
