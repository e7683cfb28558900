"""A thing named by the words of its definition before a class word: "the *progressive neurodegenerative* disease",
"the *degenerative* disorder the article names", rather than by a relative clause (kg.qa.described).

Words the article knows no entity by, standing right before a class word of the asking clause, describe one thing of
that class — what the article says it *is*. They are read as the clause "that is a <words> <class word>" would be by
kg.qa.described: matched against the article's sentences (BM25 over the quotes), the thing of the class the closest
sentence is about. Exactly one such thing replaces the words and the class word as a mention (kind "described"), so
"which supports help as the disease progresses" is read of ALS; none or several, and nothing changes. The words never
reach a query: only the entity's IRI does.
"""

from __future__ import annotations

from dataclasses import replace

from kg.qa.analysis import Analysis
from kg.qa.described import _described, _named
from kg.qa.linking import LabelIndex
from kg.qa.lexicon import Schema
from kg.qa.text import STOPWORDS, tokenize

MOST = 3  # at most this many describing words ("progressive neurodegenerative")


def _describing(t) -> bool:
    """A word that may say what a thing is: a content word, no function word."""
    return t.surface.isalpha() and len(t.surface) > 3 and t.lemma not in STOPWORDS


def resolve(an: Analysis, store, index: LabelIndex, schema: Schema, topic: tuple[str, ...]) -> Analysis:
    """``an`` with "the <describing words> <class word>" read as the one thing the article describes so."""
    covered = {i for m in an.mentions for i in m.span} | {i for c in an.cues for i in c.positions}
    for c in sorted((c for c in an.cues if c.entry.kind == "class"), key=lambda c: c.start):  # in the question or
        k = c.start  # the lead-in that names what it asks of ("For the progressive … disease, which supports …")
        while k > 0 and c.start - k < MOST and _describing(an.tokens[k - 1]) and k - 1 not in covered:
            k -= 1
        if k == c.start or k == 0 or an.tokens[k - 1].lemma not in ("the", "this", "that"):
            continue  # "the *X* disease": a definite description, not "a degenerative disease" in general
        words = " ".join(t.surface for t in an.tokens[k:c.end])
        clause = [replace(t, i=len(an.tokens) + t.i) for t in tokenize(f"that is a {words}")]  # beyond the question
        iri = _described(an, store, index, schema, topic, (c.start, tuple(c.entry.references)), clause)
        if iri is not None:
            return _named(an, index, k, c.end, iri)
    return an


__all__ = ["resolve"]
