"""What a severe spasm may come with, said beside "is it serious" and "what are the signs it is something more
serious": the article lists the warning signs to see a doctor for, and separately what severe spasms "may be
accompanied by" (weakness, numbness, tremors, coordination issues). A reader asking for the signs of something
serious means both; the second is quoted after the first, in the article's words, as what may come with a severe
spasm — not as more reasons to see a doctor than the article gives.
"""

from __future__ import annotations

from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import KGO
from kg.qa.words import join

SEVERE = "https://w3id.org/kneekg/id/severe-muscle-spasm"
HAS_SYMPTOM = KGO + "hasSymptom"


def comes_with(ex: Executor, answer: Answer, r=None, an=None) -> None:
    """Add what a severe spasm may come with to a "serious" description that names severe spasms among its signs."""
    if answer.kind != "describe" or not any(a.get("iri") == SEVERE for a in answer.answers):
        return
    found = [st for st in ex.statements(SEVERE) if st.subject == SEVERE and st.predicate == HAS_SYMPTOM
             and not st.negated]
    if not found:
        return
    found.sort(key=lambda st: st.begin)
    names = list(dict.fromkeys(ex.name(st.object) for st in found))
    answer.message += (f" It says severe spasms may come with {join(names)}: “{found[0].quote}”")
    answer.evidence.append(ex.evidence_item(found[0]))
    listed = {a.get("iri") for a in answer.answers}
    members = [ex.entity(iri) for iri in dict.fromkeys(st.object for st in found) if iri not in listed]
    answer.answers = answer.answers + members
    answer.groups = answer.groups + [{"label": "may come with a severe spasm", "answers": members}]


__all__ = ["comes_with"]
