"""One relation asked of several things at once: "how are dehydration and nutrient deficiencies diagnosed", "the
treatments for stress and for dehydration", "for the nutrient deficiency cause and for the dehydration cause, what is
the diagnostic approach of each one".

The best reading asks the relation of one of the things; the things coordinated with it ("and", "or", "and for", a
comma, each perhaps with its class word: "the dehydration *cause*") are asked the same, each answered on its own and
the answers put together in the order named, as two questions asked in one ("I read this as two questions"). An
intersection ("what treats *both* A and B") is another question (kg.qa.sets) and is left alone; so is a pair the
reading already joins (two constraints, a chain).
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa import compound
from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import Edge, Reading
from kg.qa.respond import fill
from kg.qa.run import execute

JOINS = frozenset("and or & , as well plus also for the a an".split())  # "dehydration *and for the* deficiencies"
BOTH = frozenset("both all between".split())  # "what treats *both* A and B": an intersection, not each


def coordinated(ex: Executor, answer: Answer, chosen: Reading, an: Analysis) -> Answer:
    """``answer`` with the same reading answered for each thing named beside the one it was asked of, merged in the
    order named; ``answer`` itself when there is no such thing or none has an answer."""
    if chosen.kind != "list" or len(chosen.edges) != 1 or chosen.topic or not answer.answered or an.yes_no \
            or any(t.lemma in BOTH for t in an.question):
        return answer
    edge = chosen.edges[0]
    anchor = edge.object if edge.subject == "?x" else edge.subject
    if anchor.startswith("?"):
        return answer
    named = an.anchors or an.context_mentions
    others = _beside(an, [m for m in named if m.iri == anchor], named)
    parts = []
    for m in others:
        r = replace(chosen, edges=[Edge(m.iri, edge.prop, "?x") if edge.subject == anchor else Edge("?x", edge.prop, m.iri)],
                    anchors=(m.iri,))
        result = execute(ex, r)
        if result.get("empty"):
            continue
        part = Answer(question=answer.question, reading="I read this as: " + ex.describe(r))
        fill(ex, part, r, result, an)
        if part.answered:
            parts.append((m.start, part))
    if not parts:
        return answer
    start = next(m.start for m in named if m.iri == anchor)
    ordered = [p for _, p in sorted(parts + [(start, answer)], key=lambda x: x[0])]
    merged = ordered[0]
    for part in ordered[1:]:
        merged = compound.merge(answer.question, merged, part)
    merged.debug, merged.context = answer.debug, answer.context
    return merged


def _beside(an: Analysis, asked: list, named: list) -> list:
    """The things joined to the asked one by "and"/"or" (with only determiners, "for" and class words between)."""
    if not asked:
        return []
    cues = {i for c in an.cues if c.entry.kind == "class" or c.entry.pos == "noun" for i in c.positions}
    spans = {(m.start, m.end): m for m in named} | {(asked[0].start, asked[0].end): asked[0]}
    ordered = sorted(spans.values(), key=lambda m: m.start)
    at = ordered.index(asked[0])
    out, k = [], at
    while k + 1 < len(ordered) and _joined(an, ordered[k], ordered[k + 1], cues):
        out.append(ordered[k + 1])
        k += 1
    k = at
    while k > 0 and _joined(an, ordered[k - 1], ordered[k], cues):
        out.insert(0, ordered[k - 1])
        k -= 1
    seen = {asked[0].iri}
    return [m for m in out if not (m.iri in seen or seen.add(m.iri))]


def _joined(an: Analysis, a, b, cues: set[int]) -> bool:
    gap = an.tokens[a.end:b.start]
    return bool(gap) and any(t.lemma in ("and", "or", "&", ",", "plus") or t.surface == "," for t in gap) and all(
        t.lemma in JOINS or t.surface in JOINS or t.i in cues for t in gap)


__all__ = ["coordinated"]
