""""Is ALS progressive", "are muscle spasms involuntary", "is ALS a neurodegenerative disease, yes?": a yes/no on a
quality the article states in its definition of the thing. Every word the reader says of the thing (past the verb,
the articles and a few fillers) is a word of one of its definitions: the answer is yes, quoting the definition.

Anything else is left to the readings — a quality the definition does not give ("is ALS fatal", "are spasms
voluntary") is never answered here, so never a "No": the article does not say it. A universal or a negation
("always", "never", "not") is not a quality of a definition either.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.answer import SOURCE_ANCHOR, Answer, Executor
from kg.qa.text import STOPWORDS, lemmas_of


FILLERS = frozenset("""yes true right correct really actually indeed basically considered called classed classified
described technically officially exactly""".split())
UNIVERSAL = frozenset("always never all every only not n't no none any most usually sometimes".split())
BE = frozenset({"be"})


def answer(ex: Executor, out: Answer, an: Analysis) -> Answer | None:
    """A yes quoting the definition when the question asks whether the thing is what its definition says; else None."""
    q = [t for t in an.question if not t.is_punct]
    if not an.yes_no or not q or q[0].lemma not in BE or len(an.anchors) != 1 or an.context_mentions:
        return None
    m = an.anchors[0]
    said = [t for t in q[1:] if t.i not in m.span and t.lemma not in STOPWORDS and t.lemma not in FILLERS]
    if not said or any(t.lemma in UNIVERSAL or t.surface in UNIVERSAL for t in q) or an.unknown and any(
            t.surface in an.unknown for t in said if not any(t.lemma == w for d in _defined(ex, m.iri) for w in d[1])):
        return None
    for d, words in _defined(ex, m.iri):
        if all(t.lemma in words or t.surface in words for t in said):
            name = ex.name(m.iri)
            out.reading = f"I read this as: is {name} {' '.join(t.surface for t in said)}, as the article defines it."
            out.answered, out.kind, out.boolean, out.answers = True, "boolean", True, [ex.entity(m.iri)]
            out.message = f"Yes — the article describes {name} as “{d.text}”."
            out.evidence = [{"quote": d.quote, "begin": d.begin, "end": d.end, "relation_label": "definition",
                             "source": SOURCE_ANCHOR.format(begin=d.begin, end=d.end)}]
            return out
    return None


def _defined(ex: Executor, iri: str):
    """(definition, the lemmas and words of its text) for each definition of ``iri``."""
    for d in ex.around.descriptions(iri):
        if d.kind == "definition" and not d.negated and d.quote:
            text = d.text.lower().replace(",", " ")
            yield d, set(lemmas_of(text)) | set(text.split())


__all__ = ["answer"]
