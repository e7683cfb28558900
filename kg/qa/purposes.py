"""What a thing is good for, when the article says it in words rather than naming a thing: "what does physical
therapy help with" — "maintain mobility and independence" (in ALS), "improve muscle strength and coordination" (in
autoimmune disorders).

The build keeps such phrases as qualifiers of the fact's statement, each a verbatim part of its quote:
``kgo:purpose`` (what the subject does for the object) and, for a treatment or a preventive measure,
``kgo:mechanism`` (how it does it: "reducing inflammation and relaxing the muscle"). A list asked from the thing's
side (the thing is the subject of every edge) gets them after the things it names, each with the thing it is said
for and a link to its sentence — a phrase of the article, never an entity of ours.
"""

from __future__ import annotations

from kg.qa.answer import SOURCE_ANCHOR, Answer, Executor
from kg.qa.querygraph import KGO, Reading
from kg.qa.words import join

MOST = 6  # phrases added to one answer
# relations whose mechanism says what the thing does: what a remedy does, and what a cause does on the way to its
# effect ("what can dehydration lead to": it can "deplete essential minerals like calcium, potassium, and electrolytes")
MEANS = (KGO + "treats", KGO + "prevents", KGO + "causes")


def phrases(ex: Executor, r: Reading) -> list[tuple[str, list[str], object]]:
    """(phrase, the things it is said for, its first statement) for a list read from the anchor's side, in article
    order."""
    if r.kind != "list" or len(r.anchors) != 1 or not r.edges or r.within:
        return []
    a = r.anchors[0]
    if not all(e.subject == a and e.object == "?x" for e in r.edges):
        return []
    props = frozenset().union(*(ex.family(p) for p in [e.prop for e in r.edges] + list(r.union)))
    remedy = ex.family(KGO + "treats") | ex.family(KGO + "prevents")
    if props & remedy:  # "how does exercise help against spasms": what it does, said of preventing them as of treating
        props |= remedy
    means = frozenset().union(*(ex.family(p) for p in MEANS))
    out: dict[str, tuple[str, list[str], object]] = {}
    for st in sorted(ex.statements(a), key=lambda s: s.begin):
        if st.subject != a or st.negated or st.predicate not in props:
            continue
        said = sorted(st.purpose) + (sorted(st.mechanism) if st.predicate in means else [])
        for phrase in said:
            things = out.setdefault(phrase, (phrase, [], st))[1]
            if st.object not in things:
                things.append(st.object)
    return list(out.values())[:MOST]


def cure_said(ex: Executor, r: Reading) -> list:
    """For the treatments of one thing, what the article says of curing it ("While ALS has no cure, treatment focuses
    on managing symptoms and improving quality of life"): what its treatment is for, when the treatments cannot cure."""
    if r.kind != "list" or len(r.anchors) != 1 or not r.edges or r.within:
        return []
    a = r.anchors[0]
    if not all(e.object == a and e.subject == "?x" and e.prop in ex.family(KGO + "treats") for e in r.edges):
        return []
    return [st for st in ex.statements(a) if st.subject == a and st.predicate == KGO + "hasCure"]


def add(ex: Executor, answer: Answer, r: Reading) -> None:
    """Add the article's own phrases for what the anchor does to a list answer read from its side, and to the
    treatments of a thing what the article says of curing it."""
    if not answer.answered:
        return
    cure = [st for st in cure_said(ex, r) if st.quote not in answer.message]
    if cure:
        answer.message += " On a cure, the article says: " + " ".join(f"“{st.quote}”" for st in cure)
        known = {e["statement"] for e in answer.evidence if e.get("statement")}
        answer.evidence = [ex.evidence_item(st) for st in cure if st.iri not in known] + answer.evidence
    found = phrases(ex, r)
    if not found:
        return
    answer.answers += [{"label": phrase, "iri": st.iri, "for": [ex.label(o) for o in things], "kind": "phrase",
                        "url": SOURCE_ANCHOR.format(begin=st.begin, end=st.end)}  # the iri: the statement it qualifies
                       for phrase, things, st in found]
    answer.message += (" In the article's own words: "
                       + "; ".join(f"“{phrase}” (for {join([ex.name(o) for o in things])})"
                                   for phrase, things, _ in found) + ".")
    known = {e["statement"] for e in answer.evidence if e.get("statement")}
    answer.evidence += [ex.evidence_item(st) for _, _, st in found if st.iri not in known]


__all__ = ["add", "phrases"]
