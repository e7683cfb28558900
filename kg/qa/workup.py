""""What tests will the doctor do for his spasms": the tests asked of a condition are also the ones the article gives
for its causes — its table "Potential Causes | Diagnostic Approach" names a blood test for nutrient deficiencies and a
physical examination for dehydration and for muscle fatigue or strain. A "how is X diagnosed" reading lists what
diagnoses X itself; when the question's words ask for tests or examinations (``kgl:test-asked-words``), the ways the
article diagnoses X's causes follow, each said with the cause it is for and its quote.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import KGO, Reading
from kg.qa.run import broader
from kg.qa.words import join

DIAGNOSES, CAUSES = KGO + "diagnoses", KGO + "causes"


def _asked_test(an: Analysis, lex) -> bool:
    lemmas = [t.lemma for t in an.tokens]
    return any(lex.in_set("test-asked", lemmas, k) for k in range(len(lemmas)))


def add(ex: Executor, answer: Answer, r: Reading, an: Analysis, lex) -> None:
    """Add the diagnoses of the condition's causes to a "how is it diagnosed" list asked with a word of testing."""
    if r.kind != "list" or len(r.edges) != 1 or r.minus or not answer.answered or not _asked_test(an, lex):
        return
    e = r.edges[0]
    if e.prop not in ex.family(DIAGNOSES) or e.subject != "?x" or e.object.startswith("?"):
        return
    near = [e.object] + broader(ex, e.object, "formOf")
    causes = ex.family(CAUSES)
    listed = {a.get("iri") for a in answer.answers}
    found: dict[str, list] = {}
    for x in near:
        for st in ex.statements(x):
            if st.object != x or st.predicate not in causes or st.negated:
                continue
            for d in ex.statements(st.subject):
                if d.object == st.subject and d.predicate in ex.family(DIAGNOSES) and not d.negated \
                        and d.subject not in listed:
                    found.setdefault(d.subject, []).append(d)
    if not found:
        return
    answer.answers += [ex.entity(t) for t in found]
    for sts in found.values():
        answer.evidence.append(ex.evidence_item(min(sts, key=lambda s: s.begin)))
    said = [f"{ex.name(t)} (for {join(list(dict.fromkeys(ex.name(s.object) for s in sts)))})" for t, sts in found.items()]
    answer.message += f" For its causes, the article names the tests {join(said)}."
