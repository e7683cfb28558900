""""Is ALS an autoimmune disease", "is statins a stimulant", "is ALS painful": a yes/no that asks whether one thing *is*
another (or has a quality the article names as a thing: pain) is read as "does the article link them" — and any link
answered yes: ALS and autoimmune disorders are both underlying conditions, so "yes". Being a kind of something is
what ``kgo:exampleOf`` / ``kgo:formOf`` state (neuromyotonia is an example of autoimmune disorders), and a quality is
a fact stated between the two (pain is a symptom of muscle spasm: "is a charley horse painful"). A link through a
third thing is neither: the answer says the article does not say so, and shows what it does say only as such.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import Answer, Executor
from kg.qa.querygraph import RELATED, Reading
from kg.qa.run import broader
from kg.qa.text import DETERMINERS

ARTICLES = frozenset("a an the one".split())
KINDS = ("exampleOf", "formOf")


def _shape(an: Analysis):
    """(the thing, what it is said to be, whether "a/an" stands before it) for "is X (a) Y", or None."""
    q = [t for t in an.question if not t.is_punct]
    spans = list({(m.start, m.end): m for m in sorted(an.anchors, key=lambda m: m.start)}.values())
    if not an.yes_no or len(q) < 3 or q[0].lemma != "be" or len(spans) not in (1, 2):
        return None  # (one span read as two things is one thing named: "is the *heat* connected")
    x, y = (spans + [None])[:2]
    if y is None:  # "is estrogen a hormone": a thing named and a kind the article never names as a thing
        after = [t for t in q if t.i >= x.end]
        return (x, None, True) if len(after) >= 2 and after[0].lemma in ("a", "an") else None
    gap = [t for t in q if x.end <= t.i < y.start]
    if x.start != q[1].i and not (q[1].lemma in DETERMINERS and x.start == q[2].i):
        return None
    if any(t.lemma not in ARTICLES | {"really", "actually", "also", "kind", "type", "form", "sort", "of"} for t in gap):
        return None  # "is X linked to Y", "is X caused by Y": a relation asked, not what X is
    return x, y, bool(gap)


def check(ex: Executor, answer: Answer, r: Reading, an: Analysis) -> None:
    """Keep a yes to "is X a Y" only when X is an example or form of Y, and to "is X Y" only on a fact between them."""
    if answer.boolean is not True or r.kind != "boolean" or not r.edges or r.edges[0].prop != RELATED:
        return
    shape = _shape(an)
    if shape is None:
        return
    x, y, noun = shape
    if y is None:
        if all(a in {m.iri for m in an.mentions} for a in r.anchors):
            return  # the yes is about what the question names, not the article's topic put in for a missing thing
    elif any(y.iri in broader(ex, x.iri, k) for k in KINDS) or x.iri in broader(ex, y.iri, "exampleOf"):
        return  # "is neuromyotonia an autoimmune disorder", "is caffeine a stimulant"
    elif not noun and any(not st.negated for st in ex.between(x.iri, y.iri)):
        return  # "is a charley horse painful": pain is a symptom of muscle spasm
    said = answer.message.split("the article says", 1)[-1].strip()
    asked = " ".join(t.surface for t in an.question if t.i >= x.end and not t.is_punct)  # "an autoimmune disease"
    answer.answered, answer.kind, answer.boolean, answer.answers = False, "abstain", None, []
    answer.message = f"The article does not say that {ex.name(x.iri)} is {asked}. What it does say: {said}"


__all__ = ["check"]
