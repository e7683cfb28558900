"""Whether something is worth doing, asked yes or no, is whether the article says it helps — in any of its helping ways.

"Is it worth keeping a diary of his spasms to show the doctor", "should I keep a diary, is that actually useful for the
doctor": the reader asks whether a thing is of use, and the words around it ("to show the doctor") lead the reading to
a relation the article does not state of it (that a diary calls for medical attention). The article says a symptom
record can help the doctor diagnose: a helping relation (treats, prevents, diagnoses) between the thing and the
condition is its yes, quoted. Only when the question asks of use (``kgl:worth``: "worth", "useful", "any point") and
the first reading is not stated; a link of another kind (a cause) is never a yes to "is it worth it", and nothing
here says "no".
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Executor
from kg.qa.lexicon import Lexicon
from kg.qa.querygraph import KGO, RELATED, Edge, Reading
from kg.qa.run import execute

HELPING = frozenset(KGO + p for p in ("treats", "prevents", "diagnoses", "relieves"))
TREATS = KGO + "treats"
HARMING = frozenset(KGO + p for p in ("causes", "riskFactorFor"))
STATED = ("direct", "broader")


def asked(an: Analysis, lex: Lexicon) -> bool:
    """Whether the yes/no asks of use ("is it *worth*", "is that *useful*")."""
    lemmas = [t.lemma for t in an.tokens]
    return an.yes_no and any(lex.in_set("worth", lemmas, k) for k in an.q_positions)


def helping(ex: Executor, chosen: Reading, result: dict, an: Analysis) -> tuple[Reading, dict] | None:
    """For "is it worth doing X" read as a relation the article does not state of X: the helping link it does state
    between X and the condition, with its result (None otherwise)."""
    if chosen.kind != "boolean" or len(chosen.edges) != 1 or not asked(an, ex.index.lexicon):
        return None
    edge = chosen.edges[0]
    if edge.subject.startswith("?"):
        return None
    if result.get("how") in STATED:  # "is caffeine worth it for cramps": a stated cause is no yes to "worth it"
        return _whether_helps(ex, chosen, edge) if harms(result) else None
    asked_of = [] if edge.object.startswith("?") else [edge.object]  # "?topic": the article's own condition
    for condition in dict.fromkeys(asked_of + list(ex.topic)):
        r = Reading("boolean", [Edge(edge.subject, RELATED, condition)], anchors=(edge.subject, condition),
                    score=chosen.score, why=chosen.why + ["asked whether it is worth it: whether the article says it helps"])
        found = execute(ex, r)
        if found.get("how") in STATED and helps_only(found):
            return r, found
    return None


def _whether_helps(ex: Executor, chosen: Reading, edge: Edge) -> tuple[Reading, dict] | None:
    """A link of another kind read for "is X worth it for Y": whether the article says X helps Y instead — a yes only
    if it does; otherwise the answer says it does not say so, and what it does say (that X can cause Y)."""
    r = Reading("boolean", [Edge(edge.subject, TREATS, edge.object)], anchors=chosen.anchors, score=chosen.score,
                why=chosen.why + ["asked whether it is worth it: whether the article says it helps, not only a link"])
    return r, execute(ex, r)


def harms(found: dict) -> bool:
    """Whether a stated link is a cause or a risk (seeing a doctor for a warning sign is worth it; caffeine is not)."""
    return any(st.predicate in HARMING for st in found.get("statements") or [])


def helps_only(found: dict) -> bool:
    """Whether a stated link is all helping relations (a cause is no yes to "is it worth it")."""
    said = found.get("statements") or []
    return bool(said) and all(st.predicate in HELPING for st in said)


__all__ = ["asked", "harms", "helping", "helps_only"]
