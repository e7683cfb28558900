"""What helps, for the cause the reader's story names: "work stress is through the roof and my knee goes jumpy, what
calms it down", "pulled something at the gym and now my thigh spasms, what sorts that out".

The reading asks for the treatments (or the prevention) of the condition; the story names a thing the article gives as
a cause of it (stress, a strained muscle, tired muscles). The article's treatments *of that cause* are what the reader's
situation calls for — named first, each with its quote and the article's examples of it (stress reduction techniques:
yoga, meditation ...) — and the condition's general treatments follow, as before. Nothing is added when the story
names no cause the article treats.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.facts import Statement
from kg.qa.intents import CONDITIONS
from kg.qa.querygraph import KGO, Reading
from kg.qa.run import broader
from kg.qa.words import join

TREATS, PREVENTS = KGO + "treats", KGO + "prevents"


def asked(ex: Executor, r: Reading) -> tuple[str, list[str]] | None:
    """(the condition, the relations asked: prevention first when it is asked) for a treatments or prevention reading."""
    if r.kind == "action" and r.anchors:
        return r.anchors[0], [TREATS, PREVENTS]
    if r.kind != "list" or len(r.edges) != 1 or r.minus:  # a difference names its second thing to leave it out
        return None
    e = r.edges[0]
    for prop, order in ((TREATS, [TREATS, PREVENTS]), (PREVENTS, [PREVENTS, TREATS])):
        if e.prop in ex.family(prop) and e.subject == "?x" and not e.object.startswith("?"):
            return e.object, order
    return None


def causes_told(ex: Executor, an: Analysis, condition: str) -> list[str]:
    """The things the question or story names that the article gives as causes (or risk factors) of the condition,
    of what it is a form of, or of the article's topic."""
    near = [condition] + broader(ex, condition, "formOf") + broader(ex, condition, "formOf", down=True) + list(ex.topic)
    props = ex.family(KGO + "causes") | ex.family(KGO + "riskFactorFor")
    out = []
    paired = _coordinated(an, condition)
    for iri in dict.fromkeys(m.iri for m in an.mentions):
        if iri in near or iri in paired:  # "how are nutrient deficiencies *and vitamin deficiencies* treated": each asked
            continue
        if any(st.subject == iri and not st.negated for x in near for st in ex.between(iri, x, props)):
            out.append(iri)
    return out


def _coordinated(an: Analysis, condition: str) -> set[str]:
    """The things named beside the condition with "and"/"or" only between: asked alike, not told as its cause."""
    spans = [(m.start, m.end) for m in an.mentions if m.iri == condition]
    out = set()
    for m in an.mentions:
        for start, end in spans:
            gap = an.tokens[end:m.start] if end <= m.start else an.tokens[m.end:start]
            if gap and all(t.lemma in ("and", "or", ",", "&", "/") for t in gap):
                out.add(m.iri)
    return out


def _helps(ex: Executor, cause: str, order: list[str]) -> list[Statement]:
    found = [st for st in ex.statements(cause) if st.object == cause and st.predicate in order and not st.negated]
    return sorted(found, key=lambda st: (order.index(st.predicate), st.begin))


def for_told_cause(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """Put first what the article says helps the cause the reader's story names, with its quotes."""
    found = asked(ex, r)
    if found is None or not answer.answered:
        return
    condition, order = found
    if not any(ex.index.is_a(condition, c) for c in CONDITIONS):
        return
    lead, items, quotes = [], [], []
    for cause in causes_told(ex, an, condition):
        helps = _helps(ex, cause, order)
        if not helps:
            continue
        lead.append(cause)
        for st in helps:
            if st.subject not in items:
                items.append(st.subject)
                items += [e.subject for e in ex.statements(st.subject) if e.predicate == KGO + "exampleOf"
                          and e.object == st.subject and not e.negated and e.subject not in items]
            if st.quote not in quotes:
                quotes.append(st.quote)
                answer.evidence.insert(0, ex.evidence_item(st))
    if not items:
        return
    first = [ex.entity(x) for x in items]
    answer.answers = first + [a for a in answer.answers if a.get("iri") not in items]
    named = join([ex.name(x) for x in items if not any(
        e.predicate == KGO + "exampleOf" and e.subject == x for e in ex.statements(x) if e.object in items)])
    answer.message = (f"For {ex.name(condition)} from {join([ex.name(c) for c in lead])}, as you describe it, the "
                      f"article names {named}: " + " ".join(f"“{q}”" for q in quotes[:2]) + " In general: "
                      + answer.message)


def told_causes_first(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """"Been sweating buckets in the heat and my legs keep seizing up, what's going on": of the condition's causes,
    the ones the story describes come first, said as such."""
    if r.kind != "list" or len(r.edges) != 1 or not answer.answers:
        return
    e = r.edges[0]
    if e.prop not in ex.family(KGO + "causes") or e.subject != "?x" or e.object.startswith("?"):
        return
    listed = [a["iri"] for a in answer.answers if a.get("iri")]
    everything = causes_told(ex, an, e.object)
    told = [c for c in everything if c in listed]
    wider = _wider_causes(ex, e.object, [c for c in everything if c not in listed])
    if not told and not wider:
        return
    answer.answers = [ex.entity(c) for c in wider] + [a for c in told for a in answer.answers if a.get("iri") == c] + [
        a for a in answer.answers if a.get("iri") not in told]
    said = [f"Among its causes the article names what you describe: {join([ex.name(c) for c in told])}."] if told else []
    said += [f"What you describe, {ex.name(c)}, the article names among the causes of {ex.name(x)}: “{st.quote}”"
             for c, (x, st) in wider.items()]
    answer.message = " ".join(said + [answer.message])


def _wider_causes(ex: Executor, condition: str, causes: list[str]) -> dict:
    """"Up on roofs all week in this heat … my knee keeps jumping, what's causing that": heat exhaustion is a cause
    the article gives of muscle spasms, what knee spasms are a form of — with the words that say so."""
    props = ex.family(KGO + "causes")
    out = {}
    for c in causes:
        for x in broader(ex, condition, "formOf"):
            found = sorted((st for st in ex.between(c, x, props) if st.subject == c and not st.negated),
                           key=lambda st: st.begin)
            if found and c not in out:
                out[c] = (x, found[0])
    return out


def told_first(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """What the reader's story names goes first: what helps the cause it tells, then the causes it tells."""
    for_told_cause(ex, answer, r, an)
    told_causes_first(ex, answer, r, an)
