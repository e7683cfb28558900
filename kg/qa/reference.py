"""Questions about the article as a document or a record — a classification code, its author, a date, a price, a
statistic — that it never gives: declined, never answered with what it says about the thing named.

"What's the ICD-10 code for muscle spasm of the knee" asks for a code; the article names the condition but gives no
code, so "what the article says about knee muscle spasm" would answer another question. The asked thing is the noun
phrase a "what/which" question opens on ("what's *the ICD-10 code* for …", "which *SNOMED concept* is …"): when its
words are ones the article never uses and one of them is a word of reference (``kgl:reference`` in the lexicon: code,
author, publication date, statistic …), the question is declined by naming it.
"""

from __future__ import annotations

from kg.qa.analysis import Analysis
from kg.qa.lexicon import Lexicon

_OPENING = frozenset("be the a an its their this that any exact official correct".split())
MAX_PHRASE = 4


def asked(an: Analysis, lex: Lexicon) -> str:
    """The reference phrase the question asks for ("ICD-10 code"), or "" when it asks something else."""
    q = [t for t in an.question if not t.is_punct]
    if not q or an.wh not in ("what", "which"):
        return ""
    k = next((n for n, t in enumerate(q) if t.lemma in ("what", "which")), None)
    if k is None:
        return ""
    k += 1
    while k < len(q) and q[k].lemma in _OPENING:
        k += 1
    phrase = []
    while k < len(q) and len(phrase) < MAX_PHRASE and q[k].surface in an.unknown:
        phrase.append(q[k])
        k += 1
    lemmas = [t.lemma for t in phrase]
    if any(lex.in_set("reference", lemmas, n) for n in range(len(lemmas))):
        return " ".join(t.surface for t in phrase)
    return ""


__all__ = ["asked"]
