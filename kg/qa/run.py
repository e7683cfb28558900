"""Run a reading: a list as generated SPARQL, a yes/no along the relation asked (or any relation).

A yes is found where the article states the fact for the two things, for what the second is a
form of, or for the kind the first is an example of; with no relation word, also through one
thing between them ("is magnesium linked to cramps": through its deficiency); a remedy asked about a condition,
also through a cause of it the remedy treats ("do I just need to rest": rest treats muscle fatigue). A negated
statement is a "no"; anything else is "not stated" — with what the article does say about the two.
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.answer import Executor
from kg.qa.facts import KGV, Statement
from kg.qa.lexicon import local
from kg.qa.querygraph import KGO, RELATED, Edge, Reading, named_for
from kg.sparql.registry import internal, registry, run as run_named


def execute(ex: Executor, r: Reading) -> dict:
    if r.kind in ("list", "count"):
        return _run_list(ex, r)
    if r.kind == "boolean":
        return _run_boolean(ex, r)
    return {"empty": False}


def _run_list(ex: Executor, r: Reading, nearly_alike: bool = True) -> dict:
    named = named_for(r, ex.schema.relations, registry())
    if named is not None:  # a named query fits: run it, show its name
        query = registry()[named.name]
        rows = [(row[named.answer].value, None) for row in run_named(ex.store, query, {named.param: named.value})]
        rows += [(x, None) for x in _treats_within(ex, r)]
        wider = _prevents_wider(ex, r)
        for condition in wider:  # what prevents muscle spasms prevents the knee's too (footwear, said of spasms)
            rows += [(row[named.answer].value, None) for row in run_named(ex.store, query, {named.param: condition})]
        rows = [(x, y) for x, y in dict.fromkeys(rows) if x != named.value and x not in wider]
        if rows:
            return {"empty": False, "rows": rows, "sparql": query.sparql, "bindings": {named.param: named.value},
                    "relaxed": False, "named": named.name, "wider": wider}
    text, bindings = ex.sparql(r)
    if r.classes == (KGO + "PopulationGroup",) and not any(True for _ in ex.run(text, bindings)):
        r = replace(r, classes=())  # "who is speech therapy for": a group, or else whoever the article names
        text, bindings = ex.sparql(r)
    rows = _rows(ex, text, bindings)
    rows += [(x, None) for x in _treats_within(ex, r) if r.classes and x not in {row[0] for row in rows}  # "what
             and any(ex.index.is_a(x, c) for c in r.classes)]  # medicines are used for autoimmune disorders": in it too
    wider = _prevents_wider(ex, r) if rows else []
    for condition in wider:  # "what sort of exercise prevents knee spasms": of muscle spasms too, of the class asked
        more = _rows(ex, *ex.sparql(replace(r, edges=[Edge("?x", r.edges[0].prop, condition)])))
        rows += [row for row in more if row not in rows and row[0] not in wider]
    if not rows and nearly_alike:  # "how is vitamin D deficiency diagnosed": the article says it of its kind
        for kind in _kinds_asked(ex, r):
            rows = _rows(ex, *ex.sparql(replace(r, edges=[Edge("?x", r.edges[0].prop, kind)])))
            if rows:
                wider = [kind]
                break
    relaxed = False
    if not rows and any(not e.object.startswith("?") or not e.subject.startswith("?") for e in r.edges) \
            and (len(r.edges) > 1 or r.ranking or not r.edges[0].subject.startswith("?")):
        text2, bindings2 = ex.sparql(r, relaxed=True)
        rows = _rows(ex, text2, bindings2)
        if rows:
            text, bindings, relaxed = text2, bindings2, True
    if not rows and nearly_alike and len(r.edges) == 1 and r.edges[0].prop in ex.schema.relations:
        for near in sorted(ex.schema.relations[r.edges[0].prop].near):  # "what are older adults a risk factor for"
            prop, flipped = ex.schema.canonical(near)
            e = r.edges[0]
            edge = Edge(e.object, prop, e.subject) if flipped else Edge(e.subject, prop, e.object)
            nearly = replace(r, edges=[edge])
            trial = _run_list(ex, nearly, nearly_alike=False)
            if not trial["empty"]:
                trial.setdefault("ran", nearly)
                return trial
    if not rows and nearly_alike and len(r.edges) == 1 and r.classes and "?topic" not in (r.edges[0].subject,
                                                                                           r.edges[0].object):
        # "which minerals are linked to spasms": none directly, but through one thing between (their deficiencies)
        e = r.edges[0]
        hop = Edge("?y", e.prop, e.object) if e.subject == "?x" else Edge(e.subject, e.prop, "?y")
        bridged = replace(r, edges=[Edge("?x", RELATED, "?y"), hop])
        trial = _run_list(ex, bridged, nearly_alike=False)
        if not trial["empty"]:
            trial.setdefault("ran", bridged)
            return trial
    if not rows and nearly_alike and _joined_on_answer(r):  # "what example of an autoimmune disorder can cause
        for nearly in _one_edge_nearly(ex, r):  # twitches": the article says twitching is a symptom of neuromyotonia
            trial = _run_list(ex, nearly, nearly_alike=False)
            if not trial["empty"]:
                trial.setdefault("ran", nearly)
                return trial
    if not rows and nearly_alike and r.classes and _joined_on_answer(r):
        # "which of the minerals linked to spasms can a blood test check for": the article states both facts of one
        # thing between — the mineral's deficiency is linked to spasms and is what a blood test checks for
        bridged = replace(r, edges=[Edge("?x", RELATED, "?y")] + [_on(e, "?x", "?y") for e in r.edges])
        trial = _run_list(ex, bridged, nearly_alike=False)
        if not trial["empty"]:
            trial.setdefault("ran", bridged)
            return trial
    return {"empty": not rows, "rows": rows, "sparql": text, "bindings": bindings, "relaxed": relaxed, "wider": wider}


def _rows(ex: Executor, text: str, bindings: dict) -> list[tuple[str, str | None]]:
    """The answers, each with the thing between (``?y``) when the query has one."""
    between = "?y" in text.split("WHERE")[0]
    return [(row["x"].value, row["y"].value if between and row["y"] is not None else None)
            for row in ex.run(text, bindings)]


def _joined_on_answer(r: Reading) -> bool:
    """Whether the reading is an intersection: two or more edges, each between the answer and a bound entity."""
    return len(r.edges) >= 2 and all(
        (e.subject == "?x") != (e.object == "?x") and not (e.object if e.subject == "?x" else e.subject).startswith("?")
        for e in r.edges)


def _one_edge_nearly(ex: Executor, r: Reading) -> list[Reading]:
    """The intersection with one of its edges read along a relation a reader means nearly alike (the others kept)."""
    out = []
    for n, e in enumerate(r.edges):
        if e.prop not in ex.schema.relations:
            continue
        for near in sorted(ex.schema.relations[e.prop].near):
            prop, flipped = ex.schema.canonical(near)
            edge = Edge(e.object, prop, e.subject) if flipped else Edge(e.subject, prop, e.object)
            out.append(replace(r, edges=r.edges[:n] + [edge] + r.edges[n + 1:]))
    return out


def _on(e: Edge, old: str, new: str) -> Edge:
    """The edge with the variable ``old`` renamed ``new``."""
    return Edge(new if e.subject == old else e.subject, e.prop, new if e.object == old else e.object)


def _treats_within(ex: Executor, r: Reading) -> list[str]:
    """What treats a symptom *in* the condition asked about ("medications to alleviate muscle spasms and stiffness"
    in ALS) is among the condition's treatments too."""
    if len(r.edges) != 1 or r.edges[0].subject != "?x" or r.edges[0].object.startswith("?"):
        return []
    treats = ex.family(KGO + "treats")
    if r.edges[0].prop not in treats:
        return []
    query = internal("qa-in-condition")
    return [row["subject"].value for row in run_named(ex.store, query, {"condition": r.edges[0].object})
            if row["predicate"].value in treats]


def _prevents_wider(ex: Executor, r: Reading) -> list[str]:
    """The conditions the asked one is a form of, when prevention is asked: a measure the article gives against
    muscle spasms in general (appropriate footwear) prevents a knee muscle spasm as well, since that is one."""
    if len(r.edges) != 1 or r.edges[0].subject != "?x" or r.edges[0].object.startswith("?") or r.within:
        return []  # "what does the remedies table say prevents it": that part's answers only
    if r.edges[0].prop not in ex.family(KGO + "prevents"):
        return []
    return broader(ex, r.edges[0].object, "formOf")


KIND_MEASURES = ("diagnoses", "treats")  # how a kind is found out or treated holds for each example the article gives


def _kinds_asked(ex: Executor, r: Reading) -> list[str]:
    """What the asked thing is an example of, nearest first, when how it is diagnosed or treated is asked and the
    article says so only of the kind ("a blood test can help determine the levels" of vitamin deficiencies, of which
    vitamin D deficiency is one): the answer then says it gives these for the kind in general."""
    if len(r.edges) != 1 or r.edges[0].subject != "?x" or r.edges[0].object.startswith("?") or r.within or r.classes:
        return []
    if not any(r.edges[0].prop in ex.family(KGO + m) for m in KIND_MEASURES):
        return []
    return broader(ex, r.edges[0].object, "exampleOf")


def _run_boolean(ex: Executor, r: Reading) -> dict:
    """Whether the article states the edge: a negation is a no; the fact, for a broader or narrower thing, or
    along a relation a reader means nearly alike, a yes; else not stated (with what it does say about the two)."""
    e = r.edges[0]
    pairs = [(e.subject, e.object)]
    if "?topic" in (e.subject, e.object):
        pairs = [(t if e.subject == "?topic" else e.subject, t if e.object == "?topic" else e.object) for t in ex.topic]
    props = ex.family(e.prop) if e.prop != RELATED else None
    for s, o in pairs:  # a "not always" ("may not work for everyone") denies only an *always*-question
        negated = [st for st in ex.between(s, o, props) if st.negated and (r.universal or not not_always(st))]
        if negated:
            return {"empty": False, "verdict": False, "statements": negated, "pair": (s, o), "how": "negated"}
    ways = [("direct", False)] + ([("near", True)] if props is not None and ex.near(e.prop) else [])
    for how, near in ways:
        for s, o in pairs:
            found = _stated(ex, s, o, None if props is None else e.prop, near)
            if found:
                statements, via, kind = found
                return {"empty": False, "verdict": True, "statements": statements, "pair": (s, o),
                        "how": how if kind == "same" else (kind if how == "direct" else how), "via": via, "scope": kind}
    remedies = props & (ex.family(KGO + "treats") | ex.family(KGO + "prevents")) if props is not None else None
    if props is not None and not remedies:  # "could not drinking enough water cause cramps": it causes dehydration,
        remedies = props & ex.family(KGO + "causes")  # which causes them — a chain of two causes the article states
    for s, o in pairs if remedies else ():  # "do I just need to rest": rest treats muscle fatigue, a cause of the twitch
        found = _through_cause(ex, s, o, remedies)
        if found:
            statements, via = found
            return {"empty": False, "verdict": True, "statements": statements, "pair": (s, o), "how": "cause",
                    "via": via}
    if e.prop == RELATED:
        for s, o in pairs:  # any one intermediate: "is magnesium linked to cramps" (through its deficiency)
            for st in ex.statements(s):
                m = st.object if st.subject == s else st.subject
                if m in (s, o) or m.startswith(KGV) or st.negated:
                    continue
                # two things with one effect are not linked by it ("does HRT raise your chances of ALS": both
                # can cause muscle spasm): the intermediate must not be the object of both statements
                second = [x for x in ex.between(m, o) if not x.negated
                          and not (_effect_end(ex, st) == m and _effect_end(ex, x) == m)]
                if second:
                    return {"empty": False, "verdict": True, "statements": [st] + second, "pair": (s, o), "how": "path",
                            "via": m}
    # not stated: but say what the article does say about the two
    for s, o in pairs:
        other = [st for st in ex.between(s, o) if not st.negated]
        if other:
            return {"empty": True, "verdict": None, "statements": other, "pair": (s, o), "how": "other"}
    return {"empty": True, "verdict": None, "statements": [], "pair": pairs[0], "how": "none"}


EFFECT_AFTER = frozenset({"causes", "hasSymptom", "hasSideEffect", "exacerbates"})  # X p M: M is the effect
EFFECT_BEFORE = frozenset({"causedBy", "symptomOf", "sideEffectOf", "exacerbatedBy"})  # M p X: M is the effect


def _effect_end(ex: Executor, st: Statement) -> str | None:
    """The end of a cause, symptom or side-effect statement that is the effect ("X causes M", "M is a symptom of
    X", "M is a side effect of X": M); None for other relations."""
    name = local(st.predicate)
    return st.object if name in EFFECT_AFTER else st.subject if name in EFFECT_BEFORE else None


def not_always(st) -> bool:
    """Whether a negated statement denies only that the fact always holds (its modality: always)."""
    return any(local(m) == "always" for m in st.modality)


def _through_cause(ex: Executor, s: str, o: str, remedies) -> tuple[list, str] | None:
    """Statements that ``s`` treats or prevents something the article names as a cause of ``o`` (or of what ``o`` is
    a form of): the article pairs each remedy with its cause."""
    causes = ex.family(KGO + "causes")
    targets = [o] + broader(ex, o, "formOf")
    for st in ex.statements(s):
        if st.negated or st.predicate not in remedies or _cause_end(ex, st) != s:
            continue
        m = st.object if st.subject == s else st.subject
        if m in (s, o) or m.startswith(KGV):
            continue
        for target in targets:
            second = [x for x in ex.between(m, target, causes) if not x.negated and _cause_end(ex, x) == m]
            if second:
                return [st] + second, m
    return None


def _cause_end(ex: Executor, st) -> str:
    """The end of a statement that acts: the cause of a cause, symptom or side-effect statement ("M is a side effect
    of X": X, though M is its subject), else the subject of the relation's canonical direction (what treats)."""
    effect = _effect_end(ex, st)
    if effect is not None:
        return st.subject if effect == st.object else st.object
    return _canonical_subject(ex, st)


def _canonical_subject(ex: Executor, st) -> str:
    _, flipped = ex.schema.canonical(st.predicate)
    return st.object if flipped else st.subject


def _stated(ex: Executor, s: str, o: str, prop: str | None, near: bool = False) -> tuple[list, str | None, str] | None:
    """The statements saying ``s`` — ``o`` along ``prop`` (any relation when None; ``near``: the relations a reader
    means nearly alike), in the asked direction: for the two themselves ("same"), for a broader condition than ``o``
    ("broader": knee twitching is a form of muscle spasm), for a narrower one ("narrower"), or for the kind ``s`` is
    an example of ("kind")."""
    def said(a: str, b: str) -> list:
        found = ex.between(a, b) if prop is None else ex.directed(a, b, prop, near)
        return [st for st in found if not st.negated]
    found = said(s, o)
    if found:
        return found, None, "same"
    for kind_of, targets in (("broader", broader(ex, o, "formOf")), ("narrower", broader(ex, o, "formOf", down=True))):
        for wider in targets:
            found = said(s, wider)
            if found:
                return found, wider, kind_of
    for kind_of, sources in (("subject-broader", broader(ex, s, "formOf")),  # "is tremor a sign of muscle spasms":
                             ("subject-narrower", broader(ex, s, "formOf", down=True))):  # of *severe* spasms
        for source in sources:
            found = said(source, o)
            if found:
                return found, source, kind_of
    for kind in broader(ex, s, "exampleOf"):
        for target in [o] + broader(ex, o, "formOf"):
            found = said(kind, target)
            if found:
                return found, kind, "kind"
    return None


def broader(ex: Executor, iri: str, prop: str, down: bool = False) -> list[str]:
    """What ``iri`` is a form or an example of (``down``: its forms or examples), nearest first, transitively."""
    return ex.around.kept(("broader", iri, prop, down), lambda: _broader(ex, iri, prop, down))


def _broader(ex: Executor, iri: str, prop: str, down: bool) -> list[str]:
    out, todo = [], [iri]
    while todo:
        current = todo.pop(0)
        for st in ex.statements(current):
            if local(st.predicate) != prop or st.negated:
                continue
            near, far = (st.object, st.subject) if down else (st.subject, st.object)
            if near == current and far not in out and far != iri:
                out.append(far)
                todo.append(far)
    return out
