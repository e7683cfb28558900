"""Choose the reading to answer with: the best, unless it has no answer and another that fits the question has.

A reading close behind the best (within ``MARGIN``) with an answer is preferred to an empty best, and a yes/no
stated along the relation asked to a yes found only along a nearby one ("can stress make my knee twitch worse":
"exacerbate" for the twitching inside the name, not "cause" for spasms); with a part
of the article named, the best list inside that part however far behind; and for "which kind of X does Y do"
whose intersection is empty (nothing the article calls a kind of X), the question's own relation alone.
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.analysis import Analysis, asked_after
from kg.qa.answer import Executor
from kg.qa.direction import as_asked
from kg.qa.facts import around
from kg.qa.named_by import kinds_named_by
from kg.qa.parts import PATIENT
from kg.qa.querygraph import KGO, Edge, Reading
from kg.qa.run import execute

MARGIN = 2.5  # a reading this close to the best that has an answer is preferred to an empty best
STATED = ("direct", "broader", "narrower", "subject-broader", "subject-narrower", "kind")  # stated along the asked relation


def choose(ex: Executor, readings: list[Reading], an: Analysis, patient: bool = False):
    """The best reading (with the relations its question word also means, :func:`unite`), unless it has no answer
    and one close behind does (``patient``: a part of the article is named, and the best list or count with an
    answer inside it is taken, however far behind)."""
    chosen, result = _choose(ex, readings, an, patient)
    return unite(ex, chosen, result, an)


def unite(ex: Executor, best: Reading, result: dict, an: Analysis):
    """"What is yoga supposed to help with", "what does exercise do for spasms": a word that means several relations
    (the lexicon's purpose words: treats, prevents, diagnoses) asked from the thing's side is one question along every
    one of them the article states for the thing, not the best scoring one alone — so the answer lists and quotes
    what it prevents beside what it treats."""
    if best.kind not in ("list", "count") or len(best.edges) != 1 or best.union or best.within or result.get("empty") \
            or result.get("ran") or best.edges[0].subject.startswith("?"):
        return best, result
    e = best.edges[0]
    meant = [p for c in an.relation_cues if e.prop in c.entry.references for p in c.entry.references
             if p != e.prop and p in ex.schema.relations]
    if result.get("relaxed") and e.prop == KGO + "treats":  # "what does meditation help with" (the loosest relation
        meant += sorted(ex.schema.relations[e.prop].near & set(ex.schema.relations))  # word): only its kind treats
    trials = {p: execute(ex, replace(best, edges=[Edge(e.subject, p, e.object)])) for p in dict.fromkeys(meant)}
    further = tuple(p for p, t in trials.items() if not t.get("empty") and not t.get("ran"))
    if not further:
        return best, result
    united = replace(best, union=further, why=best.why + ["read along every relation the question's word means"])
    text, bindings = ex.sparql(united)
    rows = list(dict.fromkeys((row["x"].value, None) for row in ex.run(text, bindings)))
    relaxed = False
    if result.get("relaxed") or any(trials[p].get("relaxed") for p in further):  # "yoga": what its kind helps with
        text2, bindings2 = ex.sparql(united, relaxed=True)
        wider = list(dict.fromkeys((row["x"].value, None) for row in ex.run(text2, bindings2)))
        if set(wider) - set(rows):
            text, bindings, rows, relaxed = text2, bindings2, wider, True
    if not rows:
        return best, result
    return united, {"empty": False, "rows": rows, "sparql": text, "bindings": bindings, "relaxed": relaxed}


def _nearest_first(readings: list[Reading], an: Analysis) -> list[Reading]:
    """"knee spasm stretches *which muscles*": a question word late in the question asks about the thing named right
    before it; of readings scored alike, the one about that thing comes first."""
    at = next((t.i for t in an.question if t.lemma == an.wh), None)
    if not readings or at is None or at == an.question[0].i:
        return readings
    ends = {m.iri: m.end for m in an.mentions if m.end <= at}
    top = [r for r in readings if r.score == readings[0].score]
    top.sort(key=lambda r: -max((ends.get(a, -1) for a in r.anchors), default=-1))
    return top + readings[len(top):]


def _named_over_topic(readings: list[Reading], an: Analysis, topic: tuple[str, ...]) -> list[Reading]:
    """"Vitamin deficiency symptoms knee twitch", "dehydration spasms how diagnosed": one relation asked of the article's
    topic and of another thing the question names, scored alike (within a point), is asked of the other thing — the
    topic is what the whole article is about, and naming another thing beside it is what the reader asks. Both are named
    in the asking clause, the other first, as a noun string puts it: a thing of the story before the question ("out in
    the heat all day, what's causing it") is context, and one after the topic ("the causes of spasms — which are to do
    with heat") narrows the topic's answers."""
    best = readings[0] if readings else None
    asked = {m.iri: m.start for m in an.mentions if an.in_question(m)}
    if best is None or best.kind not in ("list", "count") or len(best.edges) != 1 or not best.anchors \
            or not set(best.anchors) <= set(topic) & set(asked):
        return readings
    e = best.edges[0]
    for r in readings[1:6]:
        if round(best.score - r.score, 6) > 1.0:
            break
        if r.kind == best.kind and len(r.edges) == 1 and r.edges[0].prop == e.prop and r.anchors \
                and (r.edges[0].subject == "?x") == (e.subject == "?x") and not set(r.anchors) & set(topic) \
                and set(r.anchors) <= set(asked) and max(asked[a] for a in r.anchors) < min(asked[a] for a in best.anchors):
            return [r] + [x for x in readings if x is not r]
    return readings


def _most_meant(readings: list[Reading], an: Analysis) -> list[Reading]:
    """Readings tied at the top along different relations: the one more of the question's words mean first ("what
    stretching should I *do for* cramps": "do for" means treats, prevents or diagnoses; "do" also means treats)."""
    top = [r for r in readings if r.score == readings[0].score and len(r.edges) == 1]
    if len(top) < 2 or len(top) != len([r for r in readings if r.score == readings[0].score]):
        return readings
    votes = {r.edges[0].prop: sum(r.edges[0].prop in c.entry.references for c in an.relation_cues) for r in top}
    ranked = sorted(top, key=lambda r: -votes[r.edges[0].prop])  # stable: the order is kept among equals
    return ranked + readings[len(top):]


def _choose(ex: Executor, readings: list[Reading], an: Analysis, patient: bool):
    readings = _named_over_topic(_most_meant(_nearest_first(readings, an), an), an, ex.topic)
    readings, _ = as_asked(readings, an)  # "what causes limited blood supply": its causes, though it has none
    best = readings[0]
    result = execute(ex, best)
    if result.get("empty") and patient:
        for other in readings[1:PATIENT]:
            if other.kind in ("list", "count"):
                trial = execute(ex, other)
                if not trial.get("empty"):
                    return other, trial
    if result.get("empty") and len(best.edges) == 2 and best.kind in ("list", "count") and _kind_asked(an):
        inherited = _of_the_kind(ex, best, an)  # "what kinds of underlying conditions can spasms be a sign of": said of
        if inherited is not None:  # the kind itself, so its kinds are what is asked
            return inherited
    if result.get("empty") and len(best.edges) >= 2 and best.kind in ("list", "count") and _kind_asked(an):
        if _no_kinds(ex, best):  # "what kind of shoes help": the article names no kind of footwear, and what helps
            return best, result  # besides answers another question — it does not say
        for other in _parts_of(best, readings):  # "which kind of spasm does time fix": none is a kind of spasm, but
            trial = execute(ex, other)  # what time fixes is the question's own relation
            if not trial.get("empty"):
                return other, trial
    if result.get("empty") and len(best.edges) == 2 and best.kind in ("list", "count"):
        for edge in _in_a_role(best, an):  # "an example of heat exhaustion *as a cause of spasms*": the role is said
            trial = execute(ex, replace(best, edges=[edge], anchors=(edge.object if edge.subject == "?x" else edge.subject,)))
            if not trial.get("empty"):  # of heat exhaustion, not asked of the answer
                return replace(best, edges=[edge]), trial
    if result.get("empty") and len(best.edges) == 2 and best.kind in ("list", "count") and _relative(an):
        for other in [r for r in readings if r.kind == best.kind and r.edges == best.edges[:1]]:
            trial = execute(ex, other)  # "what do you lose *that makes the muscles twitch*": the main verb's answer
            if not trial.get("empty"):
                return other, trial
    if result.get("empty") and (named := kinds_named_by(ex, best, an)) is not None:
        return named  # "what areas can an underlying condition affect": its kinds named "condition affecting …"
    near = best.kind == "boolean" and result.get("how") == "near"  # stated only along a nearby relation: a closer one?
    if result.get("empty") or near:
        for other in readings[1:6]:
            if best.score - other.score > MARGIN:
                break
            if other.kind != best.kind and not (best.kind in ("list", "count") and other.kind in ("list", "count")):
                continue
            if _reversed(best, other) and other.score < best.score:  # "can spasms cause dehydration": word order
                continue  # decided it, and "dehydration can cause spasms" answers another question
            trial = execute(ex, other)
            if not trial.get("empty") and not (near and trial.get("how") not in STATED):
                return other, trial
    return best, result


def _in_a_role(best: Reading, an: Analysis) -> list[Edge]:
    """The edges of an intersection whose thing is followed by "as a …" ("heat exhaustion *as a cause of* spasms"):
    the other edge says what that thing is, so the edge about the thing alone is the question."""
    roles = {m.iri for m in an.anchors if m.end + 1 < len(an.tokens) and an.tokens[m.end].lemma == "as"
             and an.tokens[m.end + 1].lemma in ("a", "an", "the", "one")}
    return [e for e in best.edges if (e.object if e.subject == "?x" else e.subject) in roles]


RELATIVE = frozenset({"that", "which", "who"})


def _relative(an: Analysis) -> bool:
    """A relation verb in a relative clause after the question's own verb ("what do you lose *that makes* X twitch"):
    the clause says more of the answer; when nothing meets it too, the main verb's answer is still the question's."""
    verbs = [c for c in an.relation_cues if c.entry.pos != "noun"]
    return any(c.start > 0 and an.tokens[c.start - 1].lemma in RELATIVE and any(o.end < c.start for o in verbs)
               for c in verbs)


def _reversed(best: Reading, other: Reading) -> bool:
    """Whether two yes/no readings ask the same relation between the same two things, the other way round."""
    if best.kind != "boolean" or other.kind != "boolean" or not best.edges or not other.edges:
        return False
    a, b = best.edges[0], other.edges[0]
    return a.prop == b.prop and (a.subject, a.object) == (b.object, b.subject)


KINDS_OF = (KGO + "exampleOf", KGO + "formOf")


def _kind_asked(an: Analysis) -> bool:
    """"Which *kind* of spasm …", "what type of …": a kind word right after the question word."""
    return any(set(c.entry.references) & set(KINDS_OF) and c.entry.pos == "noun" and asked_after(an, c.start)
               for c in an.relation_cues)


def _of_the_kind(ex: Executor, best: Reading, an: Analysis):
    """An empty "kinds of K that …" intersection whose other constraint the article states of K itself ("muscle spasms
    can be a symptom of an underlying medical condition"): K's kinds, the ones it names ("a condition affecting
    circulation, metabolism …"), are the answer — the reading says it is of K's kinds, with no claim about each."""
    kinds = [e for e in best.edges if e.prop in KINDS_OF and e.subject == "?x" and not e.object.startswith("?")]
    other = [e for e in best.edges if e not in kinds]
    if len(kinds) != 1 or len(other) != 1:
        return None
    kind, edge = kinds[0].object, other[0]
    thing = edge.object if edge.subject == "?x" else edge.subject
    meant = {p for c in an.relation_cues if edge.prop in c.entry.references for p in c.entry.references} or {edge.prop}
    meant |= {ex.schema.relations[p].inverse for p in meant if p in ex.schema.relations} - {None}
    props = set().union(*(ex.schema.sub_properties(p) for p in meant))
    if not any(st.predicate in props and not st.negated for st in around(ex.store).with_other(kind).get(thing, ())):
        return None
    own = replace(best, edges=kinds, anchors=(kind,), why=best.why + ["said of the kind itself: its kinds"])
    trial = execute(ex, own)
    return None if trial.get("empty") else (own, trial)


def _no_kinds(ex: Executor, best: Reading) -> bool:
    """The kind asked of ("what kind of *shoes*") is a named thing of which the article names no kind or example at all."""
    kinds = [e for e in best.edges if e.prop in KINDS_OF and e.subject == "?x" and not e.object.startswith("?")]
    if len(kinds) != 1:
        return False
    return bool(execute(ex, replace(best, edges=kinds, anchors=(kinds[0].object,))).get("empty"))


def _parts_of(best: Reading, readings: list[Reading]) -> list[Reading]:
    """The one-edge readings that are a constraint of an intersection, less its "kind of" constraint: what is left
    when no answer meets both ("which kind of spasm does time fix": what time fixes)."""
    kinds = [e for e in best.edges if e.prop in KINDS_OF]
    if len(kinds) != 1:
        return []
    return [r for r in readings if r.kind == best.kind and len(r.edges) == 1 and r.edges[0] in best.edges
            and r.edges[0] not in kinds]
