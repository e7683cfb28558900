""""What are the grades of a hamstring strain", "the stages of ALS", "how is a muscle strain graded", "what types of
diabetes are there": the reader asks for the subdivisions of a thing — its grades, stages, phases, degrees or kinds.
The article gives stages or grades of nothing, and kinds only where it names examples or forms (``kgo:exampleOf``,
``kgo:formOf``). Answering with what the thing causes, or with its description, answers another question: the
answer says the article does not say, and quotes what it does say of the thing — never a list in its place.

The words are data: ``kgl:subdivision-words`` (stage, grade, phase, degree: never given) and ``kgl:kind-asked-words``
(type, kind, sort: given when the article names examples), with the verbs ``kgl:subdivide-words`` (graded, staged,
classified).
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.lexicon import lexicon
from kg.qa.querygraph import KGO, Reading
from kg.qa.text import DETERMINERS

KINDS_OF = (KGO + "exampleOf", KGO + "formOf")
OPENERS = frozenset("what which how name list give".split())
BETWEEN = frozenset("different various main usual".split())  # "the *different* grades of …"


def asked(an: Analysis, lex) -> tuple[object, bool] | None:
    """(the mention whose subdivisions are asked, whether they are kinds) — or None. Only a question that asks for them
    ("what are the stages of ALS", "ALS stages?", "how is a muscle strain graded"), not a yes/no that names a stage."""
    if an.yes_no:
        return None
    q = [t for t in an.question if not t.is_punct]
    lemmas = [t.lemma for t in an.tokens]
    telegraphic = bool(q) and (lex.in_set("subdivision", lemmas, q[-1].i) or lex.in_set("kind-asked", lemmas, q[-1].i))
    if not any(t.lemma in OPENERS for t in q[:3]) and not an.question_mark and not telegraphic:
        return None  # "hamstring strain grades": the word ends a telegraphic question
    for n, t in enumerate(q):
        stage, kind = lex.in_set("subdivision", lemmas, t.i), lex.in_set("kind-asked", lemmas, t.i)
        if stage or kind:
            after = [w for w in q[n + 1:] if w.lemma not in DETERMINERS and w.lemma not in BETWEEN]
            if after and after[0].lemma == "of":  # "the grades of a hamstring strain"
                rest = [w for w in q[q.index(after[0]) + 1:] if w.lemma not in DETERMINERS]
                m = next((m for m in an.anchors if rest and m.start == rest[0].i), None)
            else:  # "ALS stages", "hamstring strain grades": the thing just before the word
                m = next((m for m in an.anchors if m.end == t.i), None)
            while m is not None and (head := next((o for o in an.anchors if o.start == m.end), None)):
                m = head  # "the grades of a calf strain": the strain's, the last word of the phrase
            if m is not None and not any(o.start >= m.end for o in an.anchors):  # not "what stage of pregnancy are
                return m, bool(kind) and not stage  # *cramps* worst": which stage, asked of another thing
        verb = t.surface.endswith("ed") or t.i > 0 and lemmas[t.i - 1] in ("you", "we", "they", "to", "doctor")
        if verb and lex.in_set("subdivide", lemmas, t.i):  # "how is a muscle strain graded", "how do you grade …"
            near = sorted(an.anchors, key=lambda m: min(abs(m.start - t.i), abs(m.end - t.i)))
            m = near[0] if near else None  # "how is a muscle strain graded", "how do you grade a muscle strain"
            if m is not None:
                return m, False
    return None


def check(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """Say the article gives no grades (stages, kinds) of the thing asked, when it gives none."""
    found = asked(an, lexicon(ex.store))
    if found is None:
        return
    m, kinds = found
    if kinds and any(st.predicate in KINDS_OF and st.object == m.iri and not st.negated for st in ex.statements(m.iri)):
        return  # "what types of autoimmune disorder": the article's examples are the kinds
    if kinds and any(c.entry.kind == "relation" and c.entry.references and not set(c.entry.references) & set(KINDS_OF)
                     for c in an.relation_cues):
        return  # "what type of spasm does rest help": the relation answers which
    said = [st for st in ex.statements(m.iri) if st.subject == m.iri and not st.negated and st.quote]
    kept = list({st.quote: st for st in sorted(said, key=lambda st: st.begin)}.values())[:2]
    name = ex.name(m.iri)
    defined = [d for d in ex.around.descriptions(m.iri) if d.kind == "definition"]
    word = "kinds" if kinds else "stages or grades"
    answer.answered, answer.kind, answer.boolean, answer.answers, answer.count = False, "abstain", None, [], None
    answer.evidence = [ex.evidence_item(st) for st in kept]  # what is quoted, not the facts of the reading set aside
    answer.message = f"The article does not say what the {word} of {name} are — it gives none. " + (
        f"It describes {name} as “{defined[0].text}”." if defined else
        f"What it says of {name}: " + " ".join(f"“{st.quote}”" for st in kept) if kept else "")

__all__ = ["asked", "check"]
